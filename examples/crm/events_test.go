package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/policy"
)

// eventAnswer is the body of POST /requests/{id}/events.
type eventAnswer struct {
	answer
	Recorded bool `json:"recorded"`
}

// event posts an event and returns the status and the body.
func (f *fixture) event(t *testing.T, id string, body string) (int, []byte) {
	t.Helper()
	return f.call(t, http.MethodPost, "/requests/"+id+"/events", []byte(body))
}

// recorded posts an event that must be answered 200, and returns the answer.
func (f *fixture) recorded(t *testing.T, id string, body string) eventAnswer {
	t.Helper()
	status, b := f.event(t, id, body)
	require.Equal(t, http.StatusOK, status, string(b))
	var a eventAnswer
	require.NoError(t, json.Unmarshal(b, &a))
	return a
}

// progress is what the tests read of a delete decision's progress.
type progress struct {
	AsOf    string `json:"as_of"`
	Outcome string `json:"outcome"`
	Plan    []struct {
		Step    string `json:"step"`
		Due     string `json:"due"`
		DoneAt  string `json:"done_at"`
		Overdue bool   `json:"overdue"`
	} `json:"plan"`
	Directives []struct {
		Recipient   string `json:"recipient"`
		ConfirmedAt string `json:"confirmed_at"`
		Overdue     bool   `json:"overdue"`
	} `json:"directives"`
	Escalations []policy.Escalation `json:"escalations"`
	Record      struct {
		RespondedOn     string `json:"responded_on"`
		ResponseChannel string `json:"response_channel"`
	} `json:"record"`
}

func (a eventAnswer) progress(t *testing.T) progress {
	t.Helper()
	var p progress
	require.NoError(t, json.Unmarshal(a.Decision, &p))
	return p
}

// done maps each plan step to its done_at ("" when not done).
func (p progress) done() map[string]string {
	m := map[string]string{}
	for _, s := range p.Plan {
		m[s.Step] = s.DoneAt
	}
	return m
}

// A request to delete recorded step by step: each event is merged into the
// stored document and decided again as of the service's clock; the plan's
// done_at follow the events, the directive's confirmation ends its
// follow-up, and the response closes the request.
func TestAppendEvents(t *testing.T) {
	f := newFixture(t, "2026-03-20T09:00:00-07:00")
	a := f.created(t, "ana@example.com", request(t, deleteFull))
	require.True(t, a.Open, "full deletion, not answered yet")
	decisions := func() int { return f.count(t, `SELECT count(*) FROM decisions WHERE request_id = ?`, a.ID) }
	require.Equal(t, 1, decisions())

	f.clock.set(instant(t, "2026-03-21T10:00:00-07:00"))
	e := f.recorded(t, a.ID, `{"event": "acknowledged_at", "at": "2026-03-04T10:00:00-08:00"}`)
	assert.True(t, e.Recorded)
	assert.Equal(t, a.ID, e.ID)
	assert.True(t, e.Open)
	p := e.progress(t)
	assert.Equal(t, "2026-03-21T10:00:00-07:00", p.AsOf, "decided as of the service's clock")
	assert.Equal(t, "2026-03-04T10:00:00-08:00", p.done()["acknowledge"])
	assert.Equal(t, 2, decisions())
	assert.Equal(t, 2, f.count(t, `SELECT count(*) FROM audit_records WHERE request_id = ?`, a.ID))
	assert.Equal(t, 1, f.count(t, `SELECT count(*) FROM requests WHERE id = ? AND request_json LIKE '%"acknowledged_at":"2026-03-04T10:00:00-08:00"%'`, a.ID),
		"the stored document records the event")

	// the same event again changes nothing; another value is refused
	e = f.recorded(t, a.ID, `{"event": "acknowledged_at", "at": "2026-03-04T10:00:00-08:00"}`)
	assert.False(t, e.Recorded)
	assert.Equal(t, 2, decisions())
	status, body := f.event(t, a.ID, `{"event": "acknowledged_at", "at": "2026-03-05T10:00:00-08:00"}`)
	assert.Equal(t, http.StatusConflict, status)
	assert.JSONEq(t, `{"error": "already recorded with another value: events.acknowledged_at is \"2026-03-04T10:00:00-08:00\""}`, string(body))

	f.recorded(t, a.ID, `{"event": "verified_at", "at": "2026-03-05T10:00:00-08:00"}`)
	f.recorded(t, a.ID, `{"event": "item_deleted", "item": "crm-1", "at": "2026-03-18T10:00:00-07:00", "by": "IT", "method": "delete record"}`)
	p = f.recorded(t, a.ID, `{"event": "item_deleted", "item": "mkt-1", "at": "2026-03-19T11:00:00-07:00", "by": "Marketing operations"}`).progress(t)
	assert.Equal(t, "2026-03-05T10:00:00-08:00", p.done()["verify"])
	assert.Equal(t, "2026-03-19T11:00:00-07:00", p.done()["execute_deletion"], "the last item of the deletion log")
	status, body = f.event(t, a.ID, `{"event": "item_deleted", "item": "mkt-1", "at": "2026-03-20T11:00:00-07:00"}`)
	assert.Equal(t, http.StatusConflict, status, string(body))

	// sp-mail's confirmation was due 2026-03-25: on the 27th it is late and escalated
	f.clock.set(instant(t, "2026-03-27T09:00:00-07:00"))
	p = f.recorded(t, a.ID, `{"event": "discovery_completed_at", "at": "2026-03-12T17:00:00-07:00"}`).progress(t)
	require.Len(t, p.Directives, 1)
	assert.True(t, p.Directives[0].Overdue)
	assert.Contains(t, p.Escalations, policy.Escalation{Trigger: "recipient_non_compliance", Level: 1, To: "Privacy Team Lead",
		Reason:  "sp-mail has not confirmed deletion, due 2026-03-25",
		RuleRef: policy.RuleRef{RuleID: "procedure.escalations/recipient-has-not-confirmed", Position: escalationPosition(t, "recipient_non_compliance", p.Escalations)}})
	p = f.recorded(t, a.ID, `{"event": "confirmed_at", "recipient": "sp-mail", "at": "2026-03-26T16:00:00-07:00"}`).progress(t)
	assert.Equal(t, "2026-03-26T16:00:00-07:00", p.Directives[0].ConfirmedAt)
	assert.False(t, p.Directives[0].Overdue)
	assert.NotContains(t, fmt.Sprint(p.Escalations), "recipient_non_compliance")

	// the response closes it
	f.clock.set(instant(t, "2026-04-02T09:00:00-07:00"))
	e = f.recorded(t, a.ID, `{"event": "responded_at", "at": "2026-04-01T15:00:00-07:00", "response_channel": "email"}`)
	assert.False(t, e.Open, "answered, the directive confirmed, no appeal")
	p = e.progress(t)
	assert.Equal(t, "full_deletion", p.Outcome)
	assert.Equal(t, "2026-04-01T15:00:00-07:00", p.done()["respond"])
	assert.Equal(t, "2026-04-01", p.Record.RespondedOn)
	assert.Equal(t, "email", p.Record.ResponseChannel)
	var rec audit.Record
	var recJSON string
	require.NoError(t, f.svc.Store.db.QueryRowContext(t.Context(),
		`SELECT record_json FROM audit_records WHERE request_id = ? ORDER BY id DESC LIMIT 1`, a.ID).Scan(&recJSON))
	require.NoError(t, json.Unmarshal([]byte(recJSON), &rec))
	assert.Equal(t, "2026-04-01", rec.RespondedOn, "the audit record carries the response for the metrics")
	assert.Equal(t, 8, decisions(), "the first decision and one per new event (7)")

	report, err := f.svc.Redecide(t.Context(), instant(t, "2026-04-03T09:00:00-07:00"))
	require.NoError(t, err)
	assert.Zero(t, report.Redecided, "closed: the daily pass leaves it")

	// the stored document is no longer the one first posted
	status, body = f.post(t, "ana@example.com", request(t, deleteFull))
	assert.Equal(t, http.StatusConflict, status, string(body))
}

// An appeal reopens an answered request until it is answered (VCDPA: an
// appeal period of its own, so the plan has an answer_appeal step).
func TestAppealReopens(t *testing.T) {
	f := newFixture(t, "2026-05-01T09:00:00-04:00")
	a := f.created(t, "ana@example.com", request(t, "../../testdata/cases/vcdpa-partial-with-appeal/request.json"))
	require.True(t, a.Open)
	e := f.recorded(t, a.ID, `{"event": "responded_at", "at": "2026-04-10T09:00:00-04:00", "response_channel": "postal_mail"}`)
	assert.False(t, e.Open, "answered")
	e = f.recorded(t, a.ID, `{"event": "appeal_received_at", "at": "2026-04-20T09:00:00-04:00"}`)
	assert.True(t, e.Open, "appealed")
	step := e.progress(t).Plan[len(e.progress(t).Plan)-1]
	assert.Equal(t, "answer_appeal", step.Step)
	assert.Equal(t, "2026-06-19", step.Due, "2026-04-20 + 60 days (the policy: Va. Code § 59.1-577(C))")
	e = f.recorded(t, a.ID, `{"event": "appeal_answered_at", "at": "2026-04-30T09:00:00-04:00"}`)
	assert.False(t, e.Open, "the appeal answered")
	assert.Equal(t, "2026-04-30T09:00:00-04:00", e.progress(t).done()["answer_appeal"])
}

// An opt-out is closed once it is recorded as processed.
func TestOptOutProcessed(t *testing.T) {
	f := newFixture(t, "2027-01-05T09:00:00-08:00")
	a := f.created(t, "ana@example.com", request(t, optOutXmas))
	require.True(t, a.Open)
	e := f.recorded(t, a.ID, `{"event": "processed_at", "at": "2027-01-04T12:00:00-08:00"}`)
	assert.True(t, e.Recorded)
	assert.False(t, e.Open)
	assert.Equal(t, "comply", e.decision(t).Outcome)
	assert.Equal(t, 1, f.count(t, `SELECT count(*) FROM requests WHERE id = ? AND request_json LIKE '%"processed_at":"2027-01-04T12:00:00-08:00"%'`, a.ID))
}

// An event that is not one is 400, one that does not fit the request 422,
// an unknown request 404; nothing is decided or stored for any of them.
func TestBadEvents(t *testing.T) {
	f := newFixture(t, "2026-03-20T09:00:00-07:00")
	a := f.created(t, "ana@example.com", request(t, deleteFull))
	optIn := f.created(t, "bo@example.com", request(t, optInValid))
	for name, tc := range map[string]struct {
		id, body string
		status   int
		error    string
	}{
		"not JSON":        {a.ID, `{"event":`, 400, "not a valid event: reading the body: unexpected EOF"},
		"two values":      {a.ID, `{"event": "verified_at", "at": "2026-03-05T10:00:00-08:00"} {}`, 400, "not a valid event: more than one JSON value"},
		"unknown field":   {a.ID, `{"event": "verified_at", "at": "2026-03-05T10:00:00-08:00", "who": "me"}`, 400, `not a valid event: reading the body: json: unknown field "who"`},
		"unknown event":   {a.ID, `{"event": "called_back_at", "at": "2026-03-05T10:00:00-08:00"}`, 400, `not a valid event: unknown event "called_back_at"`},
		"no at":           {a.ID, `{"event": "verified_at"}`, 400, "not a valid event: verified_at: at is required"},
		"no item":         {a.ID, `{"event": "item_deleted", "at": "2026-03-05T10:00:00-08:00"}`, 400, "not a valid event: item_deleted: item is required"},
		"no recipient":    {a.ID, `{"event": "confirmed_at", "at": "2026-03-05T10:00:00-08:00"}`, 400, "not a valid event: confirmed_at: recipient is required"},
		"field not taken": {a.ID, `{"event": "responded_at", "at": "2026-03-05T10:00:00-08:00", "recipient": "sp-mail"}`, 400, "not a valid event: responded_at takes no recipient"},
		"other kind":      {a.ID, `{"event": "processed_at", "at": "2026-03-05T10:00:00-08:00"}`, 422, "the event does not fit the request: processed_at is an event of a opt_out request, this is a delete request"},
		"opt-in":          {optIn.ID, `{"event": "responded_at", "at": "2026-03-05T10:00:00-08:00"}`, 422, "the event does not fit the request: responded_at is an event of a delete request, this is a opt_in request"},
		"no such recipient": {a.ID, `{"event": "confirmed_at", "recipient": "sp-nope", "at": "2026-03-05T10:00:00-08:00"}`, 422,
			`the event does not fit the request: the request has no recipient "sp-nope"`},
		"future": {a.ID, `{"event": "responded_at", "at": "2026-03-21T09:00:00-07:00"}`, 422,
			"the event does not fit the request: responded_at 2026-03-21T09:00:00-07:00 is after the service's clock (2026-03-20T09:00:00-07:00)"},
		"unknown request": {"req_nope", `{"event": "verified_at", "at": "2026-03-05T10:00:00-08:00"}`, 404, "request not found"},
	} {
		t.Run(name, func(t *testing.T) {
			status, body := f.event(t, tc.id, tc.body)
			assert.Equal(t, tc.status, status, string(body))
			assert.JSONEq(t, fmt.Sprintf(`{"error": %q}`, tc.error), string(body))
		})
	}

	// an instant the engine refuses: 422 with its pointer in the request document
	status, body := f.event(t, a.ID, `{"event": "verified_at", "at": "2026-03-32T10:00:00-08:00"}`)
	require.Equal(t, http.StatusUnprocessableEntity, status, string(body))
	var got struct {
		Error    string
		Problems []policy.Problem
	}
	require.NoError(t, json.Unmarshal(body, &got))
	assert.Equal(t, "invalid request", got.Error)
	require.NotEmpty(t, got.Problems)
	assert.Equal(t, "/events/verified_at", got.Problems[0].Pointer)

	status, body = f.call(t, http.MethodGet, "/requests/"+a.ID+"/events", nil)
	assert.Equal(t, http.StatusMethodNotAllowed, status, string(body))

	assert.Equal(t, 1, f.count(t, `SELECT count(*) FROM decisions WHERE request_id = ?`, a.ID), "nothing decided")
	assert.Zero(t, f.count(t, `SELECT count(*) FROM requests WHERE request_json LIKE '%verified_at%'`), "nothing stored")
}

// Events posted at the same time are all kept: none overwrites another.
func TestConcurrentEvents(t *testing.T) {
	f := newFixture(t, "2026-03-20T09:00:00-07:00")
	a := f.created(t, "ana@example.com", request(t, deleteFull))
	events := []string{
		`{"event": "acknowledged_at", "at": "2026-03-04T10:00:00-08:00"}`,
		`{"event": "verified_at", "at": "2026-03-05T10:00:00-08:00"}`,
		`{"event": "discovery_completed_at", "at": "2026-03-12T17:00:00-07:00"}`,
		`{"event": "analysis_completed_at", "at": "2026-03-16T12:00:00-07:00"}`,
		`{"event": "item_deleted", "item": "crm-1", "at": "2026-03-18T10:00:00-07:00"}`,
		`{"event": "item_deleted", "item": "mkt-1", "at": "2026-03-19T11:00:00-07:00"}`,
		`{"event": "confirmed_at", "recipient": "sp-mail", "at": "2026-03-19T12:00:00-07:00"}`,
	}
	var wg sync.WaitGroup
	for _, e := range events {
		wg.Go(func() {
			if status, body := f.event(t, a.ID, e); status != http.StatusOK {
				t.Errorf("%s: %d %s", e, status, body)
			}
		})
	}
	// and a daily pass meanwhile: its decision of an older document is dropped
	var pass Report
	wg.Go(func() {
		var err error
		if pass, err = f.svc.Redecide(t.Context(), instant(t, "2026-03-20T09:00:00-07:00")); err != nil {
			t.Error(err)
		}
	})
	wg.Wait()
	status, body := f.call(t, http.MethodGet, "/requests/"+a.ID, nil)
	require.Equal(t, http.StatusOK, status)
	var got eventAnswer
	require.NoError(t, json.Unmarshal(body, &got))
	assert.Equal(t, map[string]string{
		"intake": "2026-03-02T09:00:00-08:00", "acknowledge": "2026-03-04T10:00:00-08:00", "verify": "2026-03-05T10:00:00-08:00",
		"discover": "2026-03-12T17:00:00-07:00", "analyze_exceptions": "2026-03-16T12:00:00-07:00",
		"execute_deletion": "2026-03-19T11:00:00-07:00", "notify_recipients": "2026-03-10T09:00:00-07:00", "respond": "",
	}, got.progress(t).done(), "the latest decision has every event")
	assert.Equal(t, 1+len(events)+pass.Redecided, f.count(t, `SELECT count(*) FROM decisions WHERE request_id = ?`, a.ID),
		"the first decision, one per event, and the pass's if it came first")
}

// escalationPosition is the file:line the decision gives for the
// escalation with trigger: it moves with every edit above the rule, so the
// test takes it from the decision and checks only its form.
func escalationPosition(t *testing.T, trigger string, es []policy.Escalation) string {
	t.Helper()
	for _, e := range es {
		if e.Trigger == trigger {
			require.Regexp(t, `^procedure/escalations\.rego:[0-9]+$`, e.Position)
			return e.Position
		}
	}
	return ""
}
