package main

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/policy"
)

const (
	drpToken   = "token-of-AGENT_CR-for-ACME"
	drpAgent   = "AGENT_CR"
	drpBiz     = "ACME"
	drpNow     = "2026-03-02T17:05:00Z" // 09:05 in Los Angeles, a Monday
	drpVerify  = "https://acme.example/drp/verify/"
	drpExpired = "2026-03-02T17:20:00Z"
)

// drpKey is the agent's signing key (a fixed seed: the tests are
// repeatable).
var drpKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))

func drpConfig() *DRP {
	revenue := 50e6
	return &DRP{
		AgentID:            drpAgent,
		Token:              drpToken,
		VerifyKey:          drpKey.Public().(ed25519.PublicKey),
		BusinessID:         drpBiz,
		Business:           policy.Business{TimeZone: "America/Los_Angeles", AnnualRevenueUSD: &revenue},
		AgentAuthorization: "signed_permission",
		VerificationURL:    drpVerify,
	}
}

// newDRPFixture is newFixture with the DRP endpoints for AGENT_CR.
func newDRPFixture(t *testing.T, now string) *fixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "crm.db")
	store, err := OpenStore(t.Context(), path)
	require.NoError(t, err)
	t.Cleanup(func() { store.Close() })
	c := &clock{t: instant(t, now)}
	svc := &Service{Engine: engine, Store: store, Key: testKey, Now: c.Now, DRP: drpConfig()}
	srv := httptest.NewServer(svc.Handler())
	t.Cleanup(srv.Close)
	return &fixture{svc: svc, srv: srv, dbPath: path, clock: c}
}

// exercise is an exercise body of AGENT_CR for ACME, valid 17:00–17:10Z,
// with the consumer's identity claims; set overrides members (nil deletes).
func exercise(action string, set map[string]any) []byte {
	m := map[string]any{
		"agent-id": drpAgent, "business-id": drpBiz, "agent-request-id": "aa-17",
		"issued-at": "2026-03-02T17:00:00Z", "expires-at": "2026-03-02T17:10:00Z",
		"drp.version": "0.9.4", "exercise": action, "regime": "ccpa",
		"name": "Jane Doe", "email": "Jane.Doe@Example.com", "email_verified": true,
		"phone_number": "+14155550123",
		"address":      map[string]string{"street_address": "1 Market St", "locality": "San Francisco", "region": "CA", "country": "US"},
	}
	for k, v := range set {
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return b
}

// sign is the body of a signed DRP request: base64(signature ‖ message).
func sign(key ed25519.PrivateKey, msg []byte) []byte {
	return []byte(base64.StdEncoding.EncodeToString(append(ed25519.Sign(key, msg), msg...)))
}

// drpCall makes a DRP request with the given bearer token ("" for none).
func (f *fixture) drpCall(t *testing.T, method, path, token string, body []byte) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, f.srv.URL+path, bytes.NewReader(body))
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "text/plain")
	}
	resp, err := f.srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, b
}

// exerciseStatus is the DRP Exercise Status object.
type exerciseStatus struct {
	RequestID           string `json:"request_id"`
	AgentRequestID      string `json:"agent_request_id"`
	ReceivedAt          string `json:"received_at"`
	ExpectedBy          string `json:"expected_by"`
	ProcessingDetails   string `json:"processing_details"`
	Status              string `json:"status"`
	Reason              string `json:"reason"`
	UserVerificationURL string `json:"user_verification_url"`
	ExpiresAt           string `json:"expires_at"`
}

// exercised posts a signed exercise that must be answered 200.
func (f *fixture) exercised(t *testing.T, body []byte) exerciseStatus {
	t.Helper()
	return f.drpOK(t, http.MethodPost, "/v1/data-rights-request", sign(drpKey, body))
}

// drpStatus reads the status of a DRP request, which must be answered 200.
func (f *fixture) drpStatus(t *testing.T, id string) exerciseStatus {
	t.Helper()
	return f.drpOK(t, http.MethodGet, "/v1/data-rights-request/"+id, nil)
}

// drpOK makes a DRP call with the agent's token that must be answered 200
// with a status.
func (f *fixture) drpOK(t *testing.T, method, path string, body []byte) exerciseStatus {
	t.Helper()
	status, _, b := f.drpCall(t, method, path, drpToken, body)
	require.Equal(t, http.StatusOK, status, string(b))
	var s exerciseStatus
	require.NoError(t, json.Unmarshal(b, &s))
	return s
}

// crmID is the CRM's own id of the request a DRP request id names.
func (f *fixture) crmID(t *testing.T, drpID string) string {
	t.Helper()
	r, err := f.svc.Store.GetByKey(t.Context(), drpID)
	require.NoError(t, err)
	return r.ID
}

// drpErr is a DRP error state.
type drpErr struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Fatal   bool   `json:"fatal"`
}

func readDRPErr(t *testing.T, b []byte) drpErr {
	t.Helper()
	var e drpErr
	require.NoError(t, json.Unmarshal(b, &e), string(b))
	return e
}

// The round trip of a deletion over HTTP: the agent's exercise is stored as
// a request to delete received now (09:05 in Los Angeles on Monday 2 March
// 2026) and waits on the consumer's verification; the team records the
// verification and the response with the CRM's events; the agent's status
// follows: in_progress/need_user_verification, in_progress, fulfilled.
func TestDRPDeletionRoundTrip(t *testing.T) {
	f := newDRPFixture(t, drpNow)

	s := f.exercised(t, exercise("deletion", nil))
	require.NotEmpty(t, s.RequestID)
	assert.Equal(t, exerciseStatus{
		RequestID:      s.RequestID,
		AgentRequestID: "aa-17",
		ReceivedAt:     drpNow,
		// Cal. Code Regs. tit. 11 § 7021(b): 45 calendar days from receipt
		// on 2026-03-02 (Los Angeles).
		ExpectedBy: "2026-04-16",
		// The pending decision has no notice with a text for the consumer
		// (its reasons are not_yet_verified, consumer_confirmation_missing):
		// nothing to say beyond the verification URL.
		ProcessingDetails:   "",
		Status:              "in_progress",
		Reason:              "need_user_verification",
		UserVerificationURL: drpVerify + s.RequestID,
		// record.retain_until: the record kept until 2029-04-16 (§ 7101(a)
		// with the playbook's record retention, from the response date).
		ExpiresAt: "2029-04-16",
	}, s)
	assert.Equal(t, s, f.drpStatus(t, s.RequestID), "the status endpoint answers from the stored decision")

	id := f.crmID(t, s.RequestID)
	f.clock.set(instant(t, "2026-03-04T18:00:00Z"))
	a := f.recorded(t, id, `{"event": "verified_at", "at": "2026-03-04T17:30:00Z",
	  "verification": {"method": "data_matching", "matched_data_points": 3, "consumer_confirmed_directly": true}}`)
	// Verified, the request waits on discovery (needs_review): still in
	// progress, by the same date.
	assert.Equal(t, "needs_review", a.decision(t).Outcome)
	assert.Equal(t, exerciseStatus{
		RequestID:      s.RequestID,
		AgentRequestID: "aa-17",
		ReceivedAt:     drpNow,
		ExpectedBy:     "2026-04-16",
		Status:         "in_progress",
		ExpiresAt:      s.ExpiresAt,
	}, f.drpStatus(t, s.RequestID))

	f.clock.set(instant(t, "2026-03-09T18:00:00Z"))
	a = f.recorded(t, id, `{"event": "discovery_completed_at", "at": "2026-03-09T17:00:00Z"}`)
	assert.Equal(t, "full_deletion", a.decision(t).Outcome)
	assert.Equal(t, exerciseStatus{
		RequestID:      s.RequestID,
		AgentRequestID: "aa-17",
		ReceivedAt:     drpNow,
		ExpectedBy:     "2026-04-16",
		Status:         "in_progress",
		ExpiresAt:      s.ExpiresAt,
	}, f.drpStatus(t, s.RequestID), "decided in full, not yet answered")

	f.clock.set(instant(t, "2026-03-10T18:00:00Z"))
	f.recorded(t, id, `{"event": "responded_at", "at": "2026-03-10T17:00:00Z", "response_channel": "email"}`)
	assert.Equal(t, exerciseStatus{
		RequestID:      s.RequestID,
		AgentRequestID: "aa-17",
		ReceivedAt:     drpNow,
		Status:         "fulfilled",
		ProcessingDetails: "We have deleted the personal information we hold about you, and told our service providers to do the same. " +
			"We keep a record of your request and our response, without other personal information, until 2029-03-10.",
		// answered on 2026-03-10: the record is kept until 2029-03-10.
		ExpiresAt: "2029-03-10",
	}, f.drpStatus(t, s.RequestID))
}

// An opt-out of sale: in_progress until the comply_by date (15 business
// days, Cal. Code Regs. tit. 11 § 7026(f)), fulfilled once processed.
func TestDRPOptOutRoundTrip(t *testing.T) {
	f := newDRPFixture(t, drpNow)
	s := f.exercised(t, exercise("sale:opt_out", nil))
	assert.Equal(t, exerciseStatus{
		RequestID:      s.RequestID,
		AgentRequestID: "aa-17",
		ReceivedAt:     drpNow,
		ExpectedBy:     "2026-03-23",
		Status:         "in_progress",
	}, s)
	assert.Equal(t, s, f.drpStatus(t, s.RequestID))

	f.clock.set(instant(t, "2026-03-03T18:00:00Z"))
	f.recorded(t, f.crmID(t, s.RequestID), `{"event": "processed_at", "at": "2026-03-03T17:00:00Z"}`)
	assert.Equal(t, exerciseStatus{
		RequestID:      s.RequestID,
		AgentRequestID: "aa-17",
		ReceivedAt:     drpNow,
		Status:         "fulfilled", // the opt-out decision has no notice text: no processing_details
	}, f.drpStatus(t, s.RequestID))
}

// The identity claims serve only to match the consumer: the database holds
// the keyed hash of the e-mail address, and no claim.
func TestDRPClaimsNeverStored(t *testing.T) {
	f := newDRPFixture(t, drpNow)
	s := f.exercised(t, exercise("deletion", nil))
	r, err := f.svc.Store.GetByKey(t.Context(), s.RequestID)
	require.NoError(t, err)
	assert.Equal(t, audit.ConsumerHash(testKey, "email:jane.doe@example.com"), r.ConsumerHash)
	require.NoError(t, f.svc.Store.Close())
	var all []byte
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(f.dbPath + suffix)
		if err == nil {
			all = append(all, b...)
		}
	}
	require.NotEmpty(t, all)
	lower := strings.ToLower(string(all))
	for _, claim := range []string{"jane.doe@example.com", "jane doe", "+14155550123", "4155550123", "1 market st", "san francisco"} {
		assert.NotContains(t, lower, claim)
	}
}

// The DRP's error states: JSON {code, message, fatal?} with the HTTP
// status; nothing is stored for a refused exercise.
func TestDRPErrors(t *testing.T) {
	f := newDRPFixture(t, drpNow)
	good := sign(drpKey, exercise("deletion", nil))
	_, other, err := ed25519.GenerateKey(nil)
	require.NoError(t, err)
	for _, c := range []struct {
		name, method, path, token string
		body                      []byte
		status                    int
		fatal                     bool
		message                   string
	}{
		{"no token", "POST", "/v1/data-rights-request", "", good, 401, false, "a bearer token is required"},
		{"wrong token", "POST", "/v1/data-rights-request", "not-the-token", good, 403, false, "the bearer token is not this business's token for an agent"},
		{"no token on status", "GET", "/v1/data-rights-request/x", "", nil, 401, false, "a bearer token is required"},
		{"wrong token on status", "GET", "/v1/data-rights-request/x", "not-the-token", nil, 403, false, "the bearer token is not this business's token for an agent"},
		{"unknown id", "GET", "/v1/data-rights-request/c789ff35-7644-4ceb-9981-4b35c264aac3", drpToken, nil, 404, false, `no data rights request "c789ff35-7644-4ceb-9981-4b35c264aac3"`},
		{"access", "POST", "/v1/data-rights-request", drpToken, sign(drpKey, exercise("access", nil)), 400, false, `Unsupported rights actions submitted: drp: unsupported rights action: "access"`},
		{"sale:opt_in", "POST", "/v1/data-rights-request", drpToken, sign(drpKey, exercise("sale:opt_in", nil)), 400, false, `Unsupported rights actions submitted: drp: unsupported rights action: "sale:opt_in"`},
		{"unsigned JSON", "POST", "/v1/data-rights-request", drpToken, exercise("deletion", nil), 400, false, "the body is not a base64-encoded signed message"},
		{"another key", "POST", "/v1/data-rights-request", drpToken, sign(other, exercise("deletion", nil)), 403, false, "the message is not signed by the agent's key"},
		{"another agent", "POST", "/v1/data-rights-request", drpToken, sign(drpKey, exercise("deletion", map[string]any{"agent-id": "AGENT_X"})), 403, true, `agent-id "AGENT_X" is not the agent of the bearer token`},
		{"another business", "POST", "/v1/data-rights-request", drpToken, sign(drpKey, exercise("deletion", map[string]any{"business-id": "OTHER"})), 403, true, `business-id "OTHER" is not this business`},
		{"expired", "POST", "/v1/data-rights-request", drpToken, sign(drpKey, exercise("deletion", map[string]any{"expires-at": "2026-03-02T17:04:59Z"})), 400, true, "drp: exercise outside its validity window: received at 2026-03-02T17:05:00Z, expires-at is 2026-03-02T17:04:59Z"},
		{"missing field", "POST", "/v1/data-rights-request", drpToken, sign(drpKey, exercise("deletion", map[string]any{"issued-at": nil})), 400, false, "drp: invalid exercise: missing issued-at"},
		{"no claim to match", "POST", "/v1/data-rights-request", drpToken, sign(drpKey, exercise("deletion", map[string]any{"email": nil, "phone_number": nil})), 400, false, "the exercise has no email or phone_number claim to match the consumer with"},
		{"unknown residence", "POST", "/v1/data-rights-request", drpToken, sign(drpKey, exercise("deletion", map[string]any{"address": map[string]string{"country": "US", "region": "XX"}})), 400, false, ""},
		{"revoke", "DELETE", "/v1/data-rights-request/x", drpToken, sign(drpKey, []byte(`{}`)), 501, false, "revoking a request is not implemented by this business"},
		{"another agent's information", "GET", "/v1/agent/AGENT_X", drpToken, nil, 403, false, "the bearer token is not this agent's"},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, h, b := f.drpCall(t, c.method, c.path, c.token, c.body)
			require.Equal(t, c.status, status, string(b))
			assert.Equal(t, "application/json", h.Get("Content-Type"))
			e := readDRPErr(t, b)
			assert.Equal(t, strconv.Itoa(c.status), e.Code)
			assert.Equal(t, c.fatal, e.Fatal)
			if c.message != "" {
				assert.Equal(t, c.message, e.Message)
			} else {
				assert.Contains(t, e.Message, "the exercise makes an invalid request: /consumer/residence")
			}
			if c.status == 401 {
				assert.Equal(t, `Bearer realm="drp"`, h.Get("WWW-Authenticate"))
			}
		})
	}
	assert.Equal(t, 0, f.count(t, `SELECT count(*) FROM requests`))

	status, _, b := f.drpCall(t, http.MethodGet, "/v1/agent/"+drpAgent, drpToken, nil)
	assert.Equal(t, http.StatusOK, status)
	assert.JSONEq(t, `{}`, string(b))
}

// A request the CRM stored through POST /requests is no agent's: its id is
// unknown to the DRP status endpoint.
func TestDRPStatusOfAnotherRequest(t *testing.T) {
	f := newDRPFixture(t, ccpaDeleteSeen)
	doc := request(t, deleteFull)
	f.created(t, "jane@example.com", doc)
	key := stringField(doc, "id")
	require.NotEmpty(t, key)
	status, _, b := f.drpCall(t, http.MethodGet, "/v1/data-rights-request/"+key, drpToken, nil)
	assert.Equal(t, http.StatusNotFound, status, string(b))
}

// Without a DRP agent the endpoints do not exist.
func TestNoDRPWithoutAgent(t *testing.T) {
	f := newFixture(t, drpNow)
	status, _, _ := f.drpCall(t, http.MethodPost, "/v1/data-rights-request", drpToken, sign(drpKey, exercise("deletion", nil)))
	assert.Equal(t, http.StatusNotFound, status)
}

func TestDRPFlags(t *testing.T) {
	pub := base64.StdEncoding.EncodeToString(drpKey.Public().(ed25519.PublicKey))
	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "token")
	require.NoError(t, os.WriteFile(tokenFile, []byte(drpToken+"\n"), 0o600))
	bizFile := filepath.Join(dir, "business.json")
	require.NoError(t, os.WriteFile(bizFile, []byte(`{"time_zone": "America/Los_Angeles", "annual_revenue_usd": 50000000}`), 0o600))

	d, err := drpFlags{}.load(drpToken)
	require.NoError(t, err)
	assert.Nil(t, d, "no agent, no DRP")

	d, err = drpFlags{agentID: drpAgent, businessID: drpBiz, verifyKey: pub, tokenFile: tokenFile, businessFile: bizFile, authorization: "signed_permission", verificationURL: drpVerify}.load("")
	require.NoError(t, err)
	assert.Equal(t, drpConfig(), d)

	d, err = drpFlags{agentID: drpAgent, businessID: drpBiz, verifyKey: pub}.load(drpToken)
	require.NoError(t, err)
	assert.Equal(t, drpToken, d.Token)

	for _, c := range []struct {
		f    drpFlags
		env  string
		want string
	}{
		{drpFlags{agentID: drpAgent, verifyKey: pub}, drpToken, "-drp-business-id is required with -drp-agent-id"},
		{drpFlags{agentID: drpAgent, businessID: drpBiz, verifyKey: pub}, "short", "the DRP bearer token (-drp-token-file or $DSRKIT_CRM_DRP_TOKEN) must be at least 16 bytes"},
		{drpFlags{agentID: drpAgent, businessID: drpBiz, verifyKey: "AAAA"}, drpToken, "-drp-verify-key must be the base64 of a 32-byte Ed25519 public key"},
	} {
		_, err := c.f.load(c.env)
		assert.EqualError(t, err, c.want)
	}
}

// The verified_at event records how the team verified the consumer (a DRP
// exercise arrives with no verification): each member once, as a fact.
func TestVerificationEvent(t *testing.T) {
	f := newDRPFixture(t, drpNow)
	id := f.crmID(t, f.exercised(t, exercise("deletion", nil)).RequestID)
	f.clock.set(instant(t, "2026-03-04T18:00:00Z"))
	ev := `{"event": "verified_at", "at": "2026-03-04T17:30:00Z", "verification": {"method": "data_matching", "matched_data_points": 3, "consumer_confirmed_directly": true}}`
	a := f.recorded(t, id, ev)
	assert.True(t, a.Recorded)
	r, err := f.svc.Store.Get(t.Context(), id)
	require.NoError(t, err)
	var doc struct {
		Verification map[string]any `json:"verification"`
		Events       map[string]any `json:"events"`
	}
	require.NoError(t, json.Unmarshal(r.Request, &doc))
	assert.Equal(t, map[string]any{"method": "data_matching", "matched_data_points": 3.0, "consumer_confirmed_directly": true}, doc.Verification)
	assert.Equal(t, map[string]any{"verified_at": "2026-03-04T17:30:00Z"}, doc.Events)

	assert.False(t, f.recorded(t, id, ev).Recorded, "the same event again changes nothing")

	status, b := f.event(t, id, `{"event": "verified_at", "at": "2026-03-04T17:30:00Z", "verification": {"matched_data_points": 2}}`)
	assert.Equal(t, http.StatusConflict, status)
	assert.JSONEq(t, `{"error": "already recorded with another value: verification.matched_data_points is 3"}`, string(b))

	status, b = f.event(t, id, `{"event": "responded_at", "at": "2026-03-04T17:30:00Z", "verification": {"method": "data_matching"}}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.JSONEq(t, `{"error": "not a valid event: responded_at takes no verification"}`, string(b))
}

// A request another agent manages is 403 to this agent (DRP § 2.02.1).
func TestDRPStatusOfAnotherAgentsRequest(t *testing.T) {
	f := newDRPFixture(t, drpNow)
	s := f.exercised(t, exercise("deletion", nil))
	_, err := f.svc.Store.db.ExecContext(t.Context(), `UPDATE drp_exercises SET agent_id = 'AGENT_X' WHERE request_id = ?`, s.RequestID)
	require.NoError(t, err)
	status, _, b := f.drpCall(t, http.MethodGet, "/v1/data-rights-request/"+s.RequestID, drpToken, nil)
	assert.Equal(t, http.StatusForbidden, status)
	assert.JSONEq(t, `{"code": "403", "message": "the request is not managed by the bearer token's agent"}`, string(b))
}
