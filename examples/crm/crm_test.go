package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/policy"
)

// engine is the one engine of the test binary (policy.New compiles the
// policy; an engine is safe for concurrent use).
var engine *policy.Engine

func TestMain(m *testing.M) {
	eng, err := policy.New(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	engine = eng
	os.Exit(m.Run())
}

var testKey = []byte("0123456789abcdef-test-key")

// clock is the service's clock in tests: it says what it is told.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// fixture is a service on a real database file, behind an HTTP server.
type fixture struct {
	svc    *Service
	srv    *httptest.Server
	dbPath string
	clock  *clock
}

func newFixture(t *testing.T, now string) *fixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "crm.db")
	store, err := OpenStore(t.Context(), path)
	require.NoError(t, err)
	t.Cleanup(func() { store.Close() })
	c := &clock{t: instant(t, now)}
	svc := &Service{Engine: engine, Store: store, Key: testKey, Now: c.Now}
	srv := httptest.NewServer(svc.Handler())
	t.Cleanup(srv.Close)
	return &fixture{svc: svc, srv: srv, dbPath: path, clock: c}
}

func instant(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return at
}

// call makes an HTTP request and returns the status and the body.
func (f *fixture) call(t *testing.T, method, path string, body []byte) (int, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, f.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Error(err)
		return 0, nil
	}
	resp, err := f.srv.Client().Do(req)
	if err != nil {
		t.Error(err)
		return 0, nil
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Error(err)
	}
	return resp.StatusCode, b
}

// post submits a request for a consumer; safe to call from many goroutines.
func (f *fixture) post(t *testing.T, consumerID string, request []byte) (int, []byte) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"consumer_id": consumerID, "request": json.RawMessage(request)})
	if err != nil {
		t.Error(err)
		return 0, nil
	}
	return f.call(t, http.MethodPost, "/requests", body)
}

// created posts a request that must be decided and returns the answer.
func (f *fixture) created(t *testing.T, consumerID string, request []byte) answer {
	t.Helper()
	status, body := f.post(t, consumerID, request)
	require.Equal(t, http.StatusCreated, status, string(body))
	var a answer
	require.NoError(t, json.Unmarshal(body, &a))
	require.NotEmpty(t, a.ID)
	return a
}

// count runs a COUNT query on the store's database.
func (f *fixture) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	require.NoError(t, f.svc.Store.db.QueryRowContext(t.Context(), query, args...).Scan(&n))
	return n
}

// answer is the body of POST /requests and GET /requests/{id}.
type answer struct {
	ID       string          `json:"id"`
	Kind     string          `json:"kind"`
	Open     bool            `json:"open"`
	Decision json.RawMessage `json:"decision"`
}

// decision is the part of a decision document the tests read.
type decision struct {
	RequestID string `json:"request_id"`
	AsOf      string `json:"as_of"`
	Outcome   string `json:"outcome"`
	Deadlines struct {
		AcknowledgeBy string `json:"acknowledge_by"`
		RespondBy     string `json:"respond_by"`
	} `json:"deadlines"`
	ComplyBy    string              `json:"comply_by"`
	Escalations []policy.Escalation `json:"escalations"`
}

func (a answer) decision(t *testing.T) decision {
	t.Helper()
	var d decision
	require.NoError(t, json.Unmarshal(a.Decision, &d))
	return d
}

type step struct {
	Name, Law, Date, Computation, Citation string
}

// request reads a request document, dropping the given top-level fields.
func request(t *testing.T, path string, drop ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &m))
	for _, k := range drop {
		delete(m, k)
	}
	b, err = json.Marshal(m)
	require.NoError(t, err)
	return b
}

const (
	ccpaDelete     = "../requests/ccpa-delete.json"
	optOutXmas     = "../../testdata/cases/optout-ccpa-friday-before-christmas/request.json"
	optOutDone     = "../../testdata/cases/optout-sale-after-processing/request.json"
	optInValid     = "../../testdata/cases/optin-valid-two-step/request.json"
	deleteFull     = "../../testdata/cases/ccpa-full-deletion/request.json"
	deleteAnswered = "../../testdata/cases/events-response-sent-closed/request.json"
	ccpaDeleteSeen = "2026-11-23T09:00:00-08:00" // three days after receipt
)

// A request without as_of is decided as of the service's clock, and its
// decision and dates read back.
func TestDeleteRequest(t *testing.T) {
	f := newFixture(t, ccpaDeleteSeen)
	a := f.created(t, "ana@example.com", request(t, ccpaDelete, "as_of"))
	assert.True(t, strings.HasPrefix(a.ID, "req_"), a.ID)
	assert.Equal(t, "delete", a.Kind)
	assert.True(t, a.Open)
	d := a.decision(t)
	assert.Equal(t, "req-2026-0142", d.RequestID)
	assert.Equal(t, ccpaDeleteSeen, d.AsOf, "as_of is the service's clock")
	assert.Equal(t, "needs_review", d.Outcome)
	assert.Equal(t, "2026-12-07", d.Deadlines.AcknowledgeBy)
	assert.Equal(t, "2027-01-04", d.Deadlines.RespondBy)

	status, body := f.call(t, http.MethodGet, "/requests/"+a.ID, nil)
	require.Equal(t, http.StatusOK, status, string(body))
	var got answer
	require.NoError(t, json.Unmarshal(body, &got))
	assert.Equal(t, a.ID, got.ID)
	assert.True(t, got.Open)
	assert.JSONEq(t, string(a.Decision), string(got.Decision))

	status, body = f.call(t, http.MethodGet, "/requests/"+a.ID+"/timeline", nil)
	require.Equal(t, http.StatusOK, status, string(body))
	var tl struct {
		ID, Kind, Outcome string
		AsOf              string `json:"as_of"`
		ReceivedOn        string `json:"received_on"`
		Timeline          []step
	}
	require.NoError(t, json.Unmarshal(body, &tl))
	assert.Equal(t, a.ID, tl.ID)
	assert.Equal(t, "needs_review", tl.Outcome)
	assert.Equal(t, "2026-11-20", tl.ReceivedOn)
	assert.Equal(t, ccpaDeleteSeen, tl.AsOf)
	assert.Contains(t, tl.Timeline, step{"acknowledge_by", "CCPA", "2026-12-07",
		"2026-11-20 + 10 business days on calendar common(US,US-CA)", "Cal. Code Regs. tit. 11, § 7021(a)"})
	assert.Contains(t, tl.Timeline, step{"respond_by", "CCPA", "2027-01-04",
		"2026-11-20 + 45 calendar days", "Cal. Civ. Code § 1798.130(a)(2)(A); Cal. Code Regs. tit. 11, § 7021(b)"})
	assert.Contains(t, tl.Timeline, step{"extended_respond_by", "CCPA", "2027-02-18",
		"2026-11-20 + 90 calendar days", "Cal. Civ. Code § 1798.130(a)(2)(A); Cal. Code Regs. tit. 11, § 7021(b)"})
}

// A request with its own as_of is decided as of it, not the clock.
func TestOptOut(t *testing.T) {
	f := newFixture(t, "2027-03-01T12:00:00Z")
	a := f.created(t, "ana@example.com", request(t, optOutXmas))
	assert.Equal(t, "opt_out", a.Kind)
	assert.True(t, a.Open, "comply, not yet processed")
	d := a.decision(t)
	assert.Equal(t, "2026-12-18T16:00:00-08:00", d.AsOf)
	assert.Equal(t, "comply", d.Outcome)
	assert.Equal(t, "2027-01-12", d.ComplyBy)

	status, body := f.call(t, http.MethodGet, "/requests/"+a.ID+"/timeline", nil)
	require.Equal(t, http.StatusOK, status, string(body))
	var tl struct {
		Outcome  string
		Timeline []step
	}
	require.NoError(t, json.Unmarshal(body, &tl))
	assert.Equal(t, "comply", tl.Outcome)
	assert.Contains(t, tl.Timeline, step{"comply_by", "CCPA", "2027-01-12",
		"2026-12-18 + 15 business days on calendar common(US,US-CA)", "Cal. Code Regs. tit. 11, § 7026(f)"})
}

func TestInvalidRequest(t *testing.T) {
	f := newFixture(t, ccpaDeleteSeen)
	status, body := f.post(t, "ana@example.com",
		[]byte(`{"kind":"delete","received_at":"2026-02-30","consumer":{"residence":"US-XX"},"business":{}}`))
	require.Equal(t, http.StatusUnprocessableEntity, status, string(body))
	var got struct {
		Error    string
		Problems []policy.Problem
	}
	require.NoError(t, json.Unmarshal(body, &got))
	assert.Equal(t, "invalid request", got.Error)
	pointers := map[string]string{}
	for _, p := range got.Problems {
		pointers[p.Pointer] = p.Message
	}
	assert.Contains(t, pointers, "/consumer/residence")
	assert.Contains(t, pointers["/consumer/residence"], "US-XX")
	assert.Contains(t, pointers, "/received_at")
	assert.Zero(t, f.count(t, `SELECT count(*) FROM requests`), "nothing stored")
	assert.Zero(t, f.count(t, `SELECT count(*) FROM audit_records`), "nothing stored")
}

func TestBadBody(t *testing.T) {
	f := newFixture(t, ccpaDeleteSeen)
	for name, body := range map[string]string{
		"not JSON":        `{"consumer_id":`,
		"no consumer":     `{"request":{"kind":"delete"}}`,
		"no request":      `{"consumer_id":"ana@example.com"}`,
		"null request":    `{"consumer_id":"ana@example.com","request":null}`,
		"unknown field":   `{"consumer_id":"ana@example.com","request":{},"name":"Ana"}`,
		"two values":      `{"consumer_id":"ana@example.com","request":{}} {}`,
		"consumer number": `{"consumer_id":42,"request":{}}`,
	} {
		t.Run(name, func(t *testing.T) {
			status, b := f.call(t, http.MethodPost, "/requests", []byte(body))
			assert.Equal(t, http.StatusBadRequest, status, string(b))
			assert.Contains(t, string(b), `"error"`)
		})
	}
	assert.Zero(t, f.count(t, `SELECT count(*) FROM requests`))
}

func TestNotFound(t *testing.T) {
	f := newFixture(t, ccpaDeleteSeen)
	for _, path := range []string{"/requests/req_nope", "/requests/req_nope/timeline"} {
		status, body := f.call(t, http.MethodGet, path, nil)
		assert.Equal(t, http.StatusNotFound, status, path)
		assert.JSONEq(t, `{"error":"request not found"}`, string(body))
	}
}

// The database knows the consumer only by the keyed hash: the raw id is
// nowhere in its files, the hash is in the requests and the audit log.
func TestConsumerIDNeverStored(t *testing.T) {
	const consumer = "ana@example.com"
	f := newFixture(t, ccpaDeleteSeen)
	del := f.created(t, consumer, request(t, ccpaDelete, "as_of"))
	f.created(t, consumer, request(t, optOutXmas))
	_, err := f.svc.Redecide(t.Context(), instant(t, "2026-12-01T09:00:00-08:00"))
	require.NoError(t, err)

	hash := audit.ConsumerHash(testKey, consumer)
	assert.Equal(t, 2, f.count(t, `SELECT count(*) FROM requests WHERE consumer_hash = ?`, hash))
	assert.Equal(t, 4, f.count(t, `SELECT count(*) FROM audit_records WHERE consumer_hash = ?`, hash), "2 decisions + 2 re-decisions")
	var rec audit.Record
	var recJSON string
	require.NoError(t, f.svc.Store.db.QueryRowContext(t.Context(),
		`SELECT record_json FROM audit_records WHERE request_id = ? ORDER BY id LIMIT 1`, del.ID).Scan(&recJSON))
	require.NoError(t, json.Unmarshal([]byte(recJSON), &rec))
	assert.Equal(t, hash, rec.Consumer)
	assert.Equal(t, "needs_review", rec.Outcome)
	assert.Equal(t, engine.Info().Digest, rec.Policy.Digest)

	// Every byte the database wrote: the file and its WAL, before and
	// after the WAL is checkpointed into the file on close.
	files := func() []byte {
		var all []byte
		matches, err := filepath.Glob(f.dbPath + "*")
		require.NoError(t, err)
		for _, m := range matches {
			b, err := os.ReadFile(m)
			require.NoError(t, err)
			all = append(all, b...)
		}
		return all
	}
	before := files()
	require.NoError(t, f.svc.Store.Close())
	after, err := os.ReadFile(f.dbPath)
	require.NoError(t, err)
	for _, b := range [][]byte{before, after} {
		assert.False(t, bytes.Contains(bytes.ToLower(b), []byte(consumer)), "the consumer's id is in the database")
		assert.False(t, bytes.Contains(b, []byte("@example.com")), "an address is in the database")
	}
	assert.True(t, bytes.Contains(after, []byte(hash)), "the consumer's hash is in the database file")
}

// The daily pass decides the open requests again as of a later clock:
// a delete with no response 35 days after receipt is escalated.
func TestRedecide(t *testing.T) {
	f := newFixture(t, ccpaDeleteSeen)
	del := f.created(t, "ana@example.com", request(t, ccpaDelete, "as_of"))
	optOut := f.created(t, "bob@example.com", request(t, optOutXmas))
	closed := map[string]answer{
		"processed opt-out": f.created(t, "cy@example.com", request(t, optOutDone)),
		"opt-in":            f.created(t, "di@example.com", request(t, optInValid)),
		"response sent":     f.created(t, "ed@example.com", request(t, deleteAnswered)),
	}
	for name, a := range closed {
		assert.False(t, a.Open, name)
	}
	assert.Empty(t, del.decision(t).Escalations)
	status, body := f.call(t, http.MethodGet, "/escalations", nil)
	require.Equal(t, http.StatusOK, status)
	assert.JSONEq(t, `{"escalations":[]}`, string(body))

	later := "2026-12-25T09:00:00-08:00" // 35 days after receipt, no response
	report, err := f.svc.Redecide(t.Context(), instant(t, later))
	require.NoError(t, err)
	assert.Equal(t, later, report.AsOf)
	assert.Equal(t, 2, report.Redecided, "the delete and the opt-out")
	assert.Zero(t, report.Closed)
	assert.Empty(t, report.Failed)
	require.Len(t, report.Escalations, 1)
	e := report.Escalations[0]
	assert.Equal(t, del.ID, e.RequestID)
	assert.Equal(t, "deadline_at_risk", e.Trigger)
	assert.Equal(t, 2, e.Level)
	assert.Equal(t, "Chief Privacy Officer", e.To)
	assert.Equal(t, "35 days since receipt and no response yet", e.Reason)

	assert.Equal(t, 2, f.count(t, `SELECT count(*) FROM decisions WHERE request_id = ?`, del.ID))
	assert.Equal(t, 2, f.count(t, `SELECT count(*) FROM audit_records WHERE request_id = ?`, del.ID))
	assert.Equal(t, 2, f.count(t, `SELECT count(*) FROM decisions WHERE request_id = ?`, optOut.ID))
	for name, a := range closed {
		assert.Equal(t, 1, f.count(t, `SELECT count(*) FROM decisions WHERE request_id = ?`, a.ID), name)
	}
	assert.Equal(t, 1, f.count(t,
		`SELECT count(*) FROM audit_records WHERE request_id = ? AND record_json LIKE '%"deadline_at_risk"%'`, del.ID))

	status, body = f.call(t, http.MethodGet, "/requests/"+del.ID, nil)
	require.Equal(t, http.StatusOK, status)
	var got answer
	require.NoError(t, json.Unmarshal(body, &got))
	d := got.decision(t)
	assert.Equal(t, later, d.AsOf, "the latest decision")
	assert.Equal(t, "2027-01-04", d.Deadlines.RespondBy, "the dates do not move")
	require.Len(t, d.Escalations, 1)
	assert.Equal(t, "deadline_at_risk", d.Escalations[0].Trigger)

	status, body = f.call(t, http.MethodGet, "/requests/"+optOut.ID, nil)
	require.Equal(t, http.StatusOK, status)
	require.NoError(t, json.Unmarshal(body, &got))
	assert.Equal(t, later, got.decision(t).AsOf, "the pass overrides the request's own as_of")
	assert.Equal(t, "2027-01-12", got.decision(t).ComplyBy)

	status, body = f.call(t, http.MethodGet, "/escalations", nil)
	require.Equal(t, http.StatusOK, status)
	var list struct{ Escalations []Escalation }
	require.NoError(t, json.Unmarshal(body, &list))
	assert.Equal(t, report.Escalations, list.Escalations)
}

func TestConcurrentPosts(t *testing.T) {
	const n = 20
	f := newFixture(t, ccpaDeleteSeen)
	req := request(t, ccpaDelete, "as_of")
	ids := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			own := bytes.Replace(req, []byte(`"req-2026-0142"`), fmt.Appendf(nil, `"req-%d"`, i), 1) // distinct requests
			status, body := f.post(t, fmt.Sprintf("c%d@example.com", i), own)
			if status != http.StatusCreated {
				t.Errorf("POST %d: %d %s", i, status, body)
				return
			}
			var a answer
			if err := json.Unmarshal(body, &a); err != nil {
				t.Error(err)
			}
			ids[i] = a.ID
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, id := range ids {
		assert.NotEmpty(t, id)
		seen[id] = true
	}
	assert.Len(t, seen, n, "distinct ids")
	assert.Equal(t, n, f.count(t, `SELECT count(*) FROM requests`))
	assert.Equal(t, n, f.count(t, `SELECT count(DISTINCT consumer_hash) FROM requests`))
	assert.Equal(t, n, f.count(t, `SELECT count(*) FROM audit_records`))
	var mode string
	require.NoError(t, f.svc.Store.db.QueryRowContext(t.Context(), `PRAGMA journal_mode`).Scan(&mode))
	assert.Equal(t, "wal", mode)
}

func TestLoadKey(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "key")
	require.NoError(t, os.WriteFile(file, []byte("  6f2c0e7a9b1d4c3e8f5a2b6d\n"), 0o600))
	key, err := loadKey(file, "ignored-when-a-file-is-given")
	require.NoError(t, err)
	assert.Equal(t, "6f2c0e7a9b1d4c3e8f5a2b6d", string(key))

	key, err = loadKey("", "an environment key of some length")
	require.NoError(t, err)
	assert.Equal(t, "an environment key of some length", string(key))

	_, err = loadKey("", "")
	assert.ErrorContains(t, err, "at least 16 bytes")
	_, err = loadKey("", "short")
	assert.ErrorContains(t, err, "at least 16 bytes")
	_, err = loadKey(filepath.Join(dir, "missing"), "")
	assert.ErrorIs(t, err, os.ErrNotExist)
}
