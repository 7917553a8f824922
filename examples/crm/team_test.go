package main

import (
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The team's page of these tests: a seeded set of golden requests, looked
// at as of 31 March 2026.
const (
	teamClock = "2026-04-20T12:00:00-07:00" // the service's clock: the page's as_of overrides it
	teamAsOf  = "2026-03-31"
)

// teamCases are seeded by name (testdata/cases/<name>/request.json); each
// is decided as of its own as_of.
var teamCases = []string{
	"ccpa-full-deletion", "events-directive-confirmation-late", "events-response-sent-closed",
	"gdpr-unverified-complaint-right", "not-covered-new-york", "optin-valid-two-step",
	"optout-ccpa-overdue", "optout-ccpa-friday-before-christmas", "gpc-cpa-2024-07-01", "vcdpa-delete",
}

// wantTeamRows: request id, status, next due date, as of 2026-03-31,
// checked by hand against each decision:
//
//   - full (ccpa-full-deletion): the plan's verify (internal) is due
//     2026-03-09, its statutory acknowledgement 2026-03-16 has passed: overdue;
//   - de-unverified (GDPR): verify due 2026-03-09 and acknowledge
//     2026-03-16 (GDPR: internal) passed, respond by 2026-04-02 not yet, and
//     the decision escalates deadline_at_risk: at risk;
//   - optout-ccpa-overdue: comply by 2026-03-23 has passed: overdue;
//   - events-late-confirmation: every step done but the response (2026-04-16)
//     and sp-mail's confirmation, due 2026-03-28: at risk (internal, late);
//   - vcdpa-delete (received 2026-06-15), optout-ccpa-friday-before-christmas
//     (comply by 2027-01-12): open; gpc-cpa-2024-07-01 (as soon as feasible,
//     no date): open, last;
//   - events-response-sent (responded, confirmed), ny (not covered), the
//     opt-in: closed, not shown.
var wantTeamRows = [][]string{
	{"full", "overdue", "2026-03-09"},
	{"optout-ccpa-overdue", "overdue", "2026-03-23"},
	{"de-unverified", "at_risk", "2026-03-09"},
	{"events-late-confirmation", "at_risk", "2026-03-28"},
	{"vcdpa-delete", "open", "2026-06-23"},
	{"optout-ccpa-friday-before-christmas", "open", "2027-01-12"},
	{"gpc-cpa-2024-07-01", "open", ""},
}

// wantTeamBars: the month's chart (report.WriteCharts for 2026-03 as of
// 2026-03-31): received in March, by kind — full, events-late-confirmation,
// events-response-sent, de-unverified, ny: 5 deletes; optout-ccpa-overdue:
// 1 opt-out; no response by 31 March: every bucket of days to respond is
// empty (a bar of height 0).
var wantTeamBars = []string{"2026-03 delete: 5", "2026-03 opt_out: 1",
	"0–10 days: 0", "11–20 days: 0", "21–30 days: 0", "31–45 days: 0", "46–60 days: 0", "61–90 days: 0", "> 90 days: 0"}

// seedCases seeds the named golden cases.
func seedCases(t *testing.T, f *fixture, names ...string) {
	t.Helper()
	for _, name := range names {
		rep, err := Seed(t.Context(), f.svc, filepath.Join("../../testdata/cases", name, "request.json"))
		require.NoError(t, err, name)
		require.Equal(t, 1, rep.Created, name)
	}
}

var rowRE = regexp.MustCompile(`<tr class="[a-z_]+" data-id="[^"]*" data-request-id="([^"]*)" data-status="([^"]*)" data-due="([^"]*)">`)

// The page without a browser: the same rows in the same order.
func TestTeamPage(t *testing.T) {
	f := newFixture(t, teamClock)
	seedCases(t, f, teamCases...)
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, f.srv.URL+"/?as_of="+teamAsOf, nil)
	require.NoError(t, err)
	resp, err := f.srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
	var body []byte
	body, err = io.ReadAll(resp.Body)
	require.NoError(t, err)
	var rows [][]string
	for _, m := range rowRE.FindAllStringSubmatch(string(body), -1) {
		rows = append(rows, m[1:])
	}
	assert.Equal(t, wantTeamRows, rows)
}

// get makes a GET with an Accept header and returns the status, the
// content type and the body.
func (f *fixture) get(t *testing.T, path, accept string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, f.srv.URL+path, nil)
	require.NoError(t, err)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := f.srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

// One request's page: from /view, or /requests/{id} for a browser (JSON
// otherwise); its timeline with each date's arithmetic and citation, its
// plan with what is overdue as of the page's date.
func TestRequestPage(t *testing.T) {
	f := newFixture(t, teamClock)
	a := f.created(t, "ana@example.com", request(t, deleteFull))
	browserAccept := "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	status, ctype, page := f.get(t, "/requests/"+a.ID+"?as_of="+teamAsOf, browserAccept)
	require.Equal(t, http.StatusOK, status, page)
	assert.Equal(t, "text/html; charset=utf-8", ctype)
	_, _, view := f.get(t, "/requests/"+a.ID+"/view?as_of="+teamAsOf, "")
	assert.Equal(t, page, view)
	assert.Contains(t, page, `<h1>Request <span id="request-id">full</span></h1>`)
	assert.Contains(t, page, `<span class="badge overdue" id="status">overdue</span>`)
	assert.Contains(t, page, `<tr><td class="date">2026-03-16</td><td>acknowledge by</td><td>CCPA</td><td>2026-03-02 &#43; 10 business days on calendar common(US,US-CA)</td><td>Cal. Code Regs. tit. 11, § 7021(a)</td></tr>`)
	assert.Contains(t, page, `<tr><td class="date">2026-04-16</td><td>respond by</td><td>CCPA</td><td>2026-03-02 &#43; 45 calendar days</td><td>Cal. Civ. Code § 1798.130(a)(2)(A); Cal. Code Regs. tit. 11, § 7021(b)</td></tr>`)
	assert.Contains(t, page, `<tr class="overdue"><td>acknowledge <span class="tag">statutory</span></td><td class="date">2026-03-16</td>`)
	assert.Contains(t, page, `<tr class=""><td>respond <span class="tag">statutory</span></td><td class="date">2026-04-16</td>`)

	status, ctype, body := f.get(t, "/requests/"+a.ID, "")
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "application/json", ctype, "curl's */* gets JSON")
	assert.Contains(t, body, `"decision"`)

	status, ctype, body = f.get(t, "/requests/req_nope/view", "")
	assert.Equal(t, http.StatusNotFound, status)
	assert.Equal(t, "text/html; charset=utf-8", ctype)
	assert.Contains(t, body, `<p id="error">request not found</p>`)
	status, _, body = f.get(t, "/?as_of=31/03/2026", "")
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, body, `<p id="error">as_of is a date (YYYY-MM-DD) or an RFC 3339 instant: &#34;31/03/2026&#34;</p>`)
}

// Without as_of the page looks from the service's clock, in each request's
// own time zone: 2026-04-17T05:00Z is still the 16th in Los Angeles, the
// day the response is due.
func TestTeamPageClock(t *testing.T) {
	f := newFixture(t, "2026-04-17T05:00:00Z")
	seedCases(t, f, "events-directive-confirmation-late")
	status, _, page := f.get(t, "/team", "")
	require.Equal(t, http.StatusOK, status)
	assert.Contains(t, page, `<span id="as-of">2026-04-17T05:00:00Z</span>`)
	m := rowRE.FindAllStringSubmatch(page, -1)
	require.Len(t, m, 1)
	assert.Equal(t, []string{"events-late-confirmation", "at_risk", "2026-03-28"}, m[0][1:], "sp-mail's confirmation is late")
	assert.Contains(t, page, `<td class="n"><span class="days late">19 days late</span></td>`, "2026-03-28 to 2026-04-16 (in UTC, the 17th: 20)")
}

// A bad audit record costs the page its metrics, not its requests.
func TestTeamPageBadRecord(t *testing.T) {
	f := newFixture(t, teamClock)
	seedCases(t, f, "ccpa-full-deletion")
	_, err := f.svc.Store.db.ExecContext(t.Context(), `UPDATE audit_records SET record_json = '{"kind": "delete", "received_on": "2026-02-30"}'`)
	require.NoError(t, err)
	status, _, page := f.get(t, "/?as_of="+teamAsOf, "")
	require.Equal(t, http.StatusOK, status)
	assert.Len(t, rowRE.FindAllStringSubmatch(page, -1), 1)
	assert.Contains(t, page, `<p class="none" id="metrics-error">the metrics of the month could not be computed; the service&#39;s log says why</p>`)
	assert.NotContains(t, page, "<svg")
}
