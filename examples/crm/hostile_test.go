package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/calendar"
)

// invalid posts a request the engine must refuse and returns its problems;
// nothing may be stored.
func (f *fixture) invalid(t *testing.T, request []byte) map[string]string {
	t.Helper()
	status, body := f.post(t, "ana@example.com", request)
	require.Equal(t, http.StatusUnprocessableEntity, status, string(body))
	var got struct {
		Error    string
		Problems []struct{ Pointer, Message string }
	}
	require.NoError(t, json.Unmarshal(body, &got))
	assert.Equal(t, "invalid request", got.Error)
	problems := map[string]string{}
	for _, p := range got.Problems {
		problems[p.Pointer] = p.Message
	}
	assert.Zero(t, f.count(t, `SELECT count(*) FROM requests`), "nothing stored")
	return problems
}

// Issue 13: client-caused errors were 500s.
func TestClientErrorsAre4xx(t *testing.T) {
	f := newFixture(t, ccpaDeleteSeen)
	full := request(t, deleteFull)
	dupIDs := bytes.Replace(full, []byte(`"mkt-1"`), []byte(`"crm-1"`), 1)
	assert.Equal(t, map[string]string{"/data/1/id": `"crm-1" is also the id of /data/0: ids must be unique`}, f.invalid(t, dupIDs))

	far := bytes.Replace(request(t, deleteFull, "as_of"), []byte(`"2026-03-02T09:00:00-08:00"`), []byte(`"2041-03-02T09:00:00-08:00"`), 1)
	assert.Equal(t, map[string]string{"/received_at": `"2041-03-02T09:00:00-08:00" is outside the supported dates, 2018-01-01 to 2039-12-31`}, f.invalid(t, far))

	held := []byte(`{"kind": "delete", "received_at": "2026-03-02", "data": [{"id": "a", "legal_hold": true, "legal_hold": false}]}`)
	assert.Equal(t, map[string]string{"/data/0/legal_hold": "duplicate key: the object has a member of that name already"}, f.invalid(t, held))

	// A present as_of is the request's: null is no licence to use the clock.
	null := bytes.Replace(full, []byte(`"as_of":"2026-03-20T09:00:00-07:00"`), []byte(`"as_of":null`), 1)
	require.NotEqual(t, full, null)
	assert.Equal(t, map[string]string{"/as_of": "expected string, got null"}, f.invalid(t, null))
	one := bytes.Replace(full, []byte(`"as_of":"2026-03-20T09:00:00-07:00"`), []byte(`"as_of":1`), 1)
	assert.Equal(t, map[string]string{"/as_of": "expected string, got number"}, f.invalid(t, one))
}

// Issue 13: steps[].subject_id reached the database raw.
func TestSubjectIDsAreHashed(t *testing.T) {
	f := newFixture(t, "2026-05-02T09:00:00-07:00")
	req := request(t, optInValid)
	require.Contains(t, string(req), `"subject_id":"c-1"`)
	a := f.created(t, "ana@example.com", req)
	assert.Equal(t, "valid", a.decision(t).Outcome, "one consumer still: both steps carry the same hash")

	var stored string
	require.NoError(t, f.svc.Store.db.QueryRowContext(t.Context(), `SELECT request_json FROM requests WHERE id = ?`, a.ID).Scan(&stored))
	hash := audit.ConsumerHash(testKey, "c-1")
	assert.Equal(t, 2, strings.Count(stored, `"subject_id":"`+hash+`"`), stored)
	assert.NotContains(t, stored, `"c-1"`)

	// Two consumers stay two.
	other := bytes.Replace(bytes.Replace(req, []byte(`"c-1"`), []byte(`"c-2"`), 1), []byte(`"optin-valid-two-step"`), []byte(`"optin-two-subjects"`), 1)
	b := f.created(t, "ana@example.com", other)
	assert.Equal(t, "invalid", b.decision(t).Outcome)
	assert.Contains(t, string(b.Decision), `"different_consumer"`)

	// Every byte the database wrote.
	matches, err := filepath.Glob(f.dbPath + "*")
	require.NoError(t, err)
	for _, m := range matches {
		file, err := os.ReadFile(m)
		require.NoError(t, err)
		assert.NotContains(t, string(file), `"c-1"`, m)
		assert.NotContains(t, string(file), `"c-2"`, m)
	}
}

func TestHashSubjectIDs(t *testing.T) {
	key := []byte("k")
	h := func(s string) string { return `"` + audit.ConsumerHash(key, s) + `"` }
	for _, tc := range []struct{ in, want string }{
		{`{"steps": [{"subject_id": "a", "x": "a"}, {"subject_id" : "b"}], "subject_id": "a"}`,
			`{"steps": [{"subject_id": ` + h("a") + `, "x": "a"}, {"subject_id" : ` + h("b") + `}], "subject_id": "a"}`},
		{`{"steps": [{"subject_id": "a", "subject_id": "a"}]}`, `{"steps": [{"subject_id": ` + h("a") + `, "subject_id": ` + h("a") + `}]}`},
		{`{"data": [{"steps": [{"subject_id": "a"}]}], "steps": [[{"subject_id": "a"}], {"n": [1, {"subject_id": "a"}], "subject_id": "\u0061"}]}`,
			`{"data": [{"steps": [{"subject_id": "a"}]}], "steps": [[{"subject_id": "a"}], {"n": [1, {"subject_id": "a"}], "subject_id": ` + h("a") + `}]}`},
		{`{"steps": [{"subject_id": 7}]}`, `{"steps": [{"subject_id": 7}]}`},
		{"{\"steps\": [{\"subject_id\": \"a\xff\"}]}", "{\"steps\": [{\"subject_id\": \"a\xff\"}]}"}, // the engine refuses it
		{`{"steps": [{"subject_id": "\ud800"}]}`, `{"steps": [{"subject_id": "\ud800"}]}`},
		{`{"steps": [{"subject_id": "a"}`, `{"steps": [{"subject_id": "a"}`}, // malformed: the engine refuses it
	} {
		assert.Equal(t, tc.want, string(hashSubjectIDs(key, []byte(tc.in))), tc.in)
	}
}

func TestJSONNotFoundAndMethodNotAllowed(t *testing.T) {
	f := newFixture(t, ccpaDeleteSeen)
	status, body := f.call(t, http.MethodGet, "/nothing/here", nil)
	assert.Equal(t, http.StatusNotFound, status)
	assert.JSONEq(t, `{"error": "not found"}`, string(body))

	req, err := http.NewRequestWithContext(t.Context(), http.MethodDelete, f.srv.URL+"/requests", nil)
	require.NoError(t, err)
	resp, err := f.srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, "POST", resp.Header.Get("Allow"))
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	var e struct{ Error string }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&e))
	assert.Equal(t, "method not allowed", e.Error)
}

func TestHealth(t *testing.T) {
	f := newFixture(t, ccpaDeleteSeen)
	status, body := f.call(t, http.MethodGet, "/healthz", nil)
	require.Equal(t, http.StatusOK, status, string(body))
	var h healthView
	require.NoError(t, json.Unmarshal(body, &h))
	assert.Equal(t, healthView{Status: "ok", Policy: engine.Info(), TZData: calendar.TZDataVersion()}, h)

	f.svc.Store.Close()
	status, body = f.call(t, http.MethodGet, "/healthz", nil)
	assert.Equal(t, http.StatusServiceUnavailable, status)
	assert.JSONEq(t, `{"status": "unavailable", "error": "the database does not answer"}`, string(body))
}

// The same request (same document id, same document, same consumer) is
// stored once: the second POST answers 200 with the first record.
func TestIdempotentPost(t *testing.T) {
	f := newFixture(t, ccpaDeleteSeen)
	req := request(t, ccpaDelete, "as_of")
	first := f.created(t, "ana@example.com", req)

	status, body := f.post(t, "ana@example.com", req)
	require.Equal(t, http.StatusOK, status, string(body))
	var again answer
	require.NoError(t, json.Unmarshal(body, &again))
	assert.Equal(t, first.ID, again.ID)
	assert.JSONEq(t, string(first.Decision), string(again.Decision))
	assert.Equal(t, 1, f.count(t, `SELECT count(*) FROM requests`))
	assert.Equal(t, 1, f.count(t, `SELECT count(*) FROM audit_records`))

	// The same id for another consumer, or another document: a conflict.
	status, body = f.post(t, "bob@example.com", req)
	assert.Equal(t, http.StatusConflict, status)
	assert.JSONEq(t, `{"error": "a different request with this id is stored already"}`, string(body))
	changed := bytes.Replace(req, []byte(`"US-CA"`), []byte(`"US-VA"`), 1)
	require.NotEqual(t, req, changed)
	status, _ = f.post(t, "ana@example.com", changed)
	assert.Equal(t, http.StatusConflict, status)
	assert.Equal(t, 1, f.count(t, `SELECT count(*) FROM requests`))

	// Concurrent duplicates: one record, every answer 200 or 201 with it.
	other := bytes.Replace(req, []byte(`"req-2026-0142"`), []byte(`"req-concurrent"`), 1)
	ids := make([]string, 8)
	statuses := make([]int, 8)
	var wg sync.WaitGroup
	for i := range ids {
		wg.Go(func() {
			s, b := f.post(t, "ana@example.com", other)
			var a answer
			if json.Unmarshal(b, &a) == nil {
				ids[i], statuses[i] = a.ID, s
			}
		})
	}
	wg.Wait()
	created := 0
	for i := range ids {
		assert.Equal(t, ids[0], ids[i])
		assert.Contains(t, []int{http.StatusOK, http.StatusCreated}, statuses[i])
		if statuses[i] == http.StatusCreated {
			created++
		}
	}
	assert.LessOrEqual(t, created, 8)
	assert.Equal(t, 2, f.count(t, `SELECT count(*) FROM requests`))
	assert.Equal(t, 2, f.count(t, `SELECT count(*) FROM audit_records`))

	// A request without an id is never a duplicate.
	noID := request(t, ccpaDelete, "as_of", "id")
	f.created(t, "ana@example.com", noID)
	f.created(t, "ana@example.com", noID)
	assert.Equal(t, 4, f.count(t, `SELECT count(*) FROM requests`))
}

// Work past the service's Timeout is a 503, and nothing is stored.
func TestRequestDeadline(t *testing.T) {
	f := newFixture(t, ccpaDeleteSeen)
	f.svc.Timeout = time.Nanosecond
	status, body := f.post(t, "ana@example.com", request(t, ccpaDelete, "as_of"))
	assert.Equal(t, http.StatusServiceUnavailable, status, string(body))
	assert.JSONEq(t, `{"error": "the request took longer than 1ns"}`, string(body))
	assert.Zero(t, f.count(t, `SELECT count(*) FROM requests`))

	f.svc.Timeout = 0
	assert.Equal(t, DefaultTimeout, f.svc.timeout())
	f.created(t, "ana@example.com", request(t, ccpaDelete, "as_of"))
}
