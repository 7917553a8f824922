package drp_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/deletion"
	"github.com/dsrkit/dsrkit/drp"
	"github.com/dsrkit/dsrkit/policy"
)

const deletionExercise = `{
  "agent-id": "AGENT_CR", "business-id": "ACME", "agent-request-id": "aa-17",
  "issued-at": "2026-03-02T17:00:00Z", "expires-at": "2026-03-02T17:10:00Z",
  "drp.version": "0.9.4", "exercise": "deletion", "regime": "ccpa",
  "relationships": ["customer"], "status_callback": "https://agent.example/status",
  "name": "Ana Example", "email": "ana@example.com", "email_verified": true,
  "address": {"locality": "Oakland", "region": "CA", "country": "US"}, "address_verified": true
}`

var host = drp.Host{
	RequestID:          "c789ff35-7644-4ceb-9981-4b35c264aac3",
	ReceivedAt:         "2026-03-02T09:05:00-08:00",
	Business:           policy.Business{TimeZone: "America/Los_Angeles"},
	AgentAuthorization: "signed_permission",
}

func TestFromExerciseDeletion(t *testing.T) {
	req, ex, err := drp.FromExercise([]byte(deletionExercise), host)
	require.NoError(t, err)
	require.JSONEq(t, `{"kind": "delete", "id": "c789ff35-7644-4ceb-9981-4b35c264aac3",
	  "received_at": "2026-03-02T09:05:00-08:00", "consumer": {"residence": "US-CA"},
	  "requester": {"type": "authorized_agent", "authorization": "signed_permission"},
	  "business": {"time_zone": "America/Los_Angeles"}}`, string(req))
	require.NotContains(t, string(req), "ana")
	require.Equal(t, "ana@example.com", ex.Email)
	require.True(t, ex.EmailVerified)
	require.Equal(t, "aa-17", ex.AgentRequestID)
}

func TestFromExerciseOptOut(t *testing.T) {
	body := `{"agent-id": "A", "business-id": "B", "issued-at": "2026-03-02T17:00:00Z",
	  "expires-at": "2026-03-02T17:10:00Z", "exercise": "sale:opt-out", "regime": "ccpa",
	  "power_of_attorney": "https://agent.example/poa/17"}`
	h := host
	h.AgentAuthorization = ""
	req, _, err := drp.FromExercise([]byte(body), h)
	require.NoError(t, err)
	require.JSONEq(t, `{"kind": "opt_out", "id": "c789ff35-7644-4ceb-9981-4b35c264aac3",
	  "received_at": "2026-03-02T09:05:00-08:00", "consumer": {"residence": "US-CA"},
	  "requester": {"type": "authorized_agent", "authorization": "power_of_attorney"},
	  "business": {"time_zone": "America/Los_Angeles"}, "signal": "agent", "scope": ["sale"]}`, string(req))
}

func TestFromExerciseRefuses(t *testing.T) {
	for name, c := range map[string]struct {
		body string
		host func(*drp.Host)
		want error
		msg  string
	}{
		"not json":    {body: `{`, want: drp.ErrInvalidExercise, msg: "drp: invalid exercise: unexpected end of JSON input"},
		"missing":     {body: `{"exercise": "deletion"}`, want: drp.ErrInvalidExercise, msg: "drp: invalid exercise: missing agent-id, business-id, issued-at, expires-at"},
		"access":      {body: `{"agent-id": "A", "business-id": "B", "issued-at": "2026-03-02T17:00:00Z", "expires-at": "2026-03-02T17:10:00Z", "exercise": "access", "regime": "ccpa"}`, want: drp.ErrUnsupportedAction, msg: `drp: unsupported rights action: "access"`},
		"expired":     {body: deletionExercise, host: func(h *drp.Host) { h.ReceivedAt = "2026-03-02T09:10:01-08:00" }, want: drp.ErrExpired, msg: "drp: exercise outside its validity window: received at 2026-03-02T09:10:01-08:00, expires-at is 2026-03-02T17:10:00Z"},
		"not yet":     {body: deletionExercise, host: func(h *drp.Host) { h.ReceivedAt = "2026-03-02T08:59:59-08:00" }, want: drp.ErrExpired, msg: "drp: exercise outside its validity window: received at 2026-03-02T08:59:59-08:00, issued-at is 2026-03-02T17:00:00Z"},
		"bad instant": {body: `{"agent-id": "A", "business-id": "B", "issued-at": "yesterday", "expires-at": "2026-03-02T17:10:00Z", "exercise": "deletion"}`, want: drp.ErrInvalidExercise, msg: `drp: invalid exercise: issued-at: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`},
		"residence":   {body: `{"agent-id": "A", "business-id": "B", "issued-at": "2026-03-02T17:00:00Z", "expires-at": "2026-03-02T17:10:00Z", "exercise": "deletion"}`, want: drp.ErrNoResidence, msg: "drp: the consumer's residence is not known"},
	} {
		t.Run(name, func(t *testing.T) {
			h := host
			if c.host != nil {
				c.host(&h)
			}
			req, ex, err := drp.FromExercise([]byte(c.body), h)
			require.ErrorIs(t, err, c.want)
			require.EqualError(t, err, c.msg)
			require.Nil(t, req)
			require.Nil(t, ex)
		})
	}
}

func golden(t *testing.T, name string) (request, decision []byte) {
	t.Helper()
	request, err := os.ReadFile("../testdata/cases/" + name + "/request.json")
	require.NoError(t, err)
	decision, err = os.ReadFile("../testdata/cases/" + name + "/decision.json")
	require.NoError(t, err)
	return request, decision
}

func TestStatusOfGoldenDecisions(t *testing.T) {
	for name, want := range map[string]string{
		"ccpa-full-deletion":                 `{"request_id":"full","agent_request_id":"aa-17","received_at":"2026-03-02T09:00:00-08:00","expected_by":"2026-04-16","status":"in_progress","expires_at":"2029-04-16"}`,
		"events-response-sent-closed":        `{"request_id":"events-closed","agent_request_id":"aa-17","received_at":"2026-03-02T09:00:00-08:00","processing_details":"We need more time to respond: the request spans archived systems that must be restored to search. We will respond by 2026-05-31. We have deleted the personal information we hold about you, and told our service providers to do the same. We keep a record of your request and our response, without other personal information, until 2029-05-20.","status":"fulfilled","expires_at":"2029-05-20"}`,
		"ccpa-unverified-on-response-date":   `{"request_id":"unverified","agent_request_id":"aa-17","received_at":"2026-03-02T09:00:00-08:00","processing_details":"We could not verify your identity, so we cannot act on your request to delete. You can also tell us to stop selling or sharing your personal information: https://example.com/privacy/opt-out We keep a record of your request and our response, without other personal information, until 2029-04-16.","status":"denied","reason":"insuf_verification","expires_at":"2029-04-16"}`,
		"ccpa-insufficient-asks-for-more":    `{"request_id":"more-info","agent_request_id":"aa-17","received_at":"2026-03-02T09:00:00-08:00","expected_by":"2026-04-16","processing_details":"We could not yet verify your identity. Please send the information we asked for.","status":"in_progress","reason":"need_user_verification","user_verification_url":"https://acme.example/verify/1","expires_at":"2029-04-16"}`,
		"not-covered-new-york":               `{"request_id":"ny","agent_request_id":"aa-17","received_at":"2026-03-02","status":"denied","reason":"outside_jurisdiction"}`,
		"optout-deny-fraud":                  `{"request_id":"optout-deny-fraud","agent_request_id":"aa-17","received_at":"2026-03-02T09:00:00-08:00","processing_details":"We could not act on your request to opt out because we have a good-faith, documented reason to believe it is fraudulent. Contact us if you believe this is a mistake.","status":"denied","reason":"suspected_fraud"}`,
		"gpc-ucpa-not-required":              `{"request_id":"gpc-ucpa-not-required","agent_request_id":"aa-17","received_at":"2026-03-02T12:00:00-07:00","status":"denied","reason":"claim_not_covered"}`,
		"optout-sale-after-processing":       `{"request_id":"optout-sale-after-processing","agent_request_id":"aa-17","received_at":"2026-03-02T09:00:00-08:00","status":"fulfilled"}`,
		"optin-bundled":                      `{"request_id":"optin-bundled","agent_request_id":"aa-17","status":"denied","reason":"other"}`,
		"optin-valid-two-step":               `{"request_id":"optin-valid-two-step","agent_request_id":"aa-17","status":"fulfilled"}`,
		"ccpa-partial-tax-record-and-backup": `{"request_id":"partial","agent_request_id":"aa-17","received_at":"2026-03-02T09:00:00-08:00","expected_by":"2026-04-16","status":"in_progress","expires_at":"2029-04-16"}`,
	} {
		t.Run(name, func(t *testing.T) {
			req, dec := golden(t, name)
			got, err := drp.Status(req, dec, drp.StatusOptions{AgentRequestID: "aa-17", UserVerificationURL: "https://acme.example/verify/1"})
			require.NoError(t, err)
			t.Logf("%s: %s", name, got)
			require.Equal(t, want, string(got))
		})
	}
}

func TestStatusRefuses(t *testing.T) {
	req, dec := golden(t, "solicit-12-months")
	_, err := drp.Status(req, dec, drp.StatusOptions{})
	require.ErrorIs(t, err, drp.ErrNotExercise)
	_, err = drp.Status(req, []byte(`{"kind": "delete", "outcome": "erased_somehow"}`), drp.StatusOptions{})
	require.ErrorIs(t, err, drp.ErrNotMapped)
	require.EqualError(t, err, "drp: decision outcome not mapped: delete/erased_somehow")
	_, err = drp.Status(req, []byte(`not json`), drp.StatusOptions{})
	require.ErrorContains(t, err, "drp: reading the decision")
}

// TestRoundTrip: an agent's exercise, decided by the engine, comes back as
// the status the agent is sent: need_user_verification until the business
// verifies (the agent's consumer must confirm directly), then in progress
// by the CCPA's 45 days (2026-03-02 + 45 = 2026-04-16), then fulfilled once
// answered, the record kept 3 years from the response (the playbook).
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	require.NoError(t, err)
	status := func(h drp.Host, asOf string) string {
		t.Helper()
		req, ex, err := drp.FromExercise([]byte(deletionExercise), h)
		require.NoError(t, err)
		dec, err := eng.Decide(ctx, req, policy.AsOf(asOf))
		require.NoError(t, err)
		got, err := drp.Status(req, dec, drp.StatusOptions{AgentRequestID: ex.AgentRequestID, UserVerificationURL: "https://acme.example/verify/1"})
		require.NoError(t, err)
		return string(got)
	}
	require.Equal(t, `{"request_id":"c789ff35-7644-4ceb-9981-4b35c264aac3","agent_request_id":"aa-17","received_at":"2026-03-02T09:05:00-08:00","expected_by":"2026-04-16","status":"in_progress","reason":"need_user_verification","user_verification_url":"https://acme.example/verify/1","expires_at":"2029-04-16"}`, status(host, "2026-03-02T09:05:00-08:00"))

	verified := host
	two := 2
	verified.Verification = &deletion.Verification{Method: "third_party_service", MatchedDataPoints: &two, ConsumerConfirmedDirectly: true}
	require.Equal(t, `{"request_id":"c789ff35-7644-4ceb-9981-4b35c264aac3","agent_request_id":"aa-17","received_at":"2026-03-02T09:05:00-08:00","expected_by":"2026-04-16","status":"in_progress","expires_at":"2029-04-16"}`, status(verified, "2026-03-05T09:00:00-08:00"))

	// The host records discovery (nothing found) and the response.
	req, _, err := drp.FromExercise([]byte(deletionExercise), verified)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(req, &doc))
	doc["data"] = []any{}
	doc["events"] = map[string]any{"discovery_completed_at": "2026-03-06T10:00:00-08:00", "responded_at": "2026-03-09T10:00:00-07:00", "response_channel": "email"}
	req, err = json.Marshal(doc)
	require.NoError(t, err)
	dec, err := eng.Decide(ctx, req, policy.AsOf("2026-03-10T09:00:00-07:00"))
	require.NoError(t, err)
	got, err := drp.Status(req, dec, drp.StatusOptions{AgentRequestID: "aa-17"})
	require.NoError(t, err)
	require.Equal(t, `{"request_id":"c789ff35-7644-4ceb-9981-4b35c264aac3","agent_request_id":"aa-17","received_at":"2026-03-02T09:05:00-08:00","processing_details":"We have deleted the personal information we hold about you, and told our service providers to do the same. We keep a record of your request and our response, without other personal information, until 2029-03-09.","status":"fulfilled","expires_at":"2029-03-09"}`, string(got))
}
