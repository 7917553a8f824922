package main

import (
	"bytes"
	"cmp"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/policy"
	"github.com/dsrkit/dsrkit/report"
)

// The privacy team's view: server-rendered HTML pages (html/template,
// inline CSS, no script, no external asset) over the stored decisions.
//
//	GET /  (or /team)            the open requests, overdue and at risk first, then by next due date;
//	                             the month's metrics (report.WriteCharts)
//	GET /requests/{id}/view      one request: its timeline (each date's arithmetic and citation), plan,
//	                             directives, escalations and reasons; also GET /requests/{id} with
//	                             Accept: text/html
//
// Both take ?as_of= (YYYY-MM-DD, or an RFC 3339 instant read in each
// request's business time zone); without it, the service's clock. The
// pages read the stored decisions; only the daily pass and new events
// decide again.

//go:embed templates/*.html.tmpl
var templateFS embed.FS

var pages = template.Must(template.New("pages").Funcs(template.FuncMap{
	"daysText": daysText,
	"neg":      func(n int) int { return -n },
	"pct": func(x any) string {
		switch v := x.(type) {
		case *float64:
			return strconv.FormatFloat(*v*100, 'f', 1, 64) + " %"
		case float64:
			return strconv.FormatFloat(v*100, 'f', 0, 64) + " %"
		}
		return fmt.Sprint(x)
	},
	"deref":    func(x *float64) float64 { return *x },
	"stepName": func(s string) string { return strings.ReplaceAll(s, "_", " ") },
}).ParseFS(templateFS, "templates/*.html.tmpl"))

// teamRoutes registers the privacy team's pages.
func (s *Service) teamRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", s.getTeam)
	mux.HandleFunc("GET /team", s.getTeam)
	mux.HandleFunc("GET /requests/{id}/view", s.getRequestPage)
}

// wantsHTML says whether the client asks for a page (a browser) rather
// than JSON.
func wantsHTML(req *http.Request) bool {
	return strings.Contains(req.Header.Get("Accept"), "text/html")
}

// asOf is the moment a page looks from: a date, or an instant whose date
// depends on the business's time zone (reading R1).
type asOf struct {
	Text    string // as given, or the clock's instant
	date    calendar.Date
	instant bool
}

// ErrAsOf is the error of an as_of parameter that is neither a date nor an
// instant.
var ErrAsOf = errors.New("as_of is a date (YYYY-MM-DD) or an RFC 3339 instant")

func parseAsOf(q string, now time.Time) (asOf, error) {
	if q == "" {
		return asOf{Text: now.Format(time.RFC3339), instant: true}, nil
	}
	if d, err := calendar.Parse(q); err == nil {
		return asOf{Text: q, date: d}, nil
	}
	if _, err := time.Parse(time.RFC3339, q); err != nil {
		return asOf{}, fmt.Errorf("%w: %q", ErrAsOf, q)
	}
	return asOf{Text: q, instant: true}, nil
}

// on is the as-of date in a business's time zone ("" for the instant's own
// offset).
func (a asOf) on(zone string) calendar.Date {
	if !a.instant {
		return a.date
	}
	d, err := calendar.ReceiptDate(a.Text, zone)
	if err != nil { // an unknown zone cannot be stored (the engine refused it): read the offset
		d, _ = calendar.ReceiptDate(a.Text, "")
	}
	return d
}

// decisionDoc is what the pages read of a decision.
type decisionDoc struct {
	policy.Envelope
	Deadlines *struct {
		RespondBy         *calendar.Date `json:"respond_by"`
		ExtendedRespondBy *calendar.Date `json:"extended_respond_by"`
		Calendar          string         `json:"calendar"`
	} `json:"deadlines"`
	ComplyBy   *calendar.Date `json:"comply_by"`
	Plan       []planStep     `json:"plan"`
	Directives []directive    `json:"directives"`
	Items      []struct {
		ID        string `json:"id"`
		Action    string `json:"action"`
		Exception *struct {
			Basis, Law, Citation string
		} `json:"exception"`
		RetainUntil *calendar.Date `json:"retain_until"`
	} `json:"items"`
}

type planStep struct {
	Step      string        `json:"step"`
	Due       calendar.Date `json:"due"`
	DoneAt    string        `json:"done_at"`
	Statutory bool          `json:"statutory"`
}

type directive struct {
	Recipient   string        `json:"recipient"`
	Role        string        `json:"role"`
	Action      string        `json:"action"`
	ConfirmBy   calendar.Date `json:"confirm_by"`
	SentAt      string        `json:"sent_at"`
	ConfirmedAt string        `json:"confirmed_at"`
}

// requestFacts is what the pages read of a request document.
type requestFacts struct {
	Business struct {
		TimeZone string `json:"time_zone"`
	} `json:"business"`
	Events struct {
		RespondedAt string `json:"responded_at"`
	} `json:"events"`
}

// Status of an open request as of a page's date.
const (
	statusOverdue = "overdue"
	statusAtRisk  = "at_risk"
	statusOpen    = "open"
)

// teamRow is one open request on the team's page.
type teamRow struct {
	ID          string // the service's id
	RequestID   string // the document's id
	Kind        string
	Laws        string
	Outcome     string
	ReceivedOn  string
	DecidedAsOf string
	Due         calendar.Date // 0: nothing dated is pending
	Step        string
	Statutory   bool
	DaysLeft    int
	Status      string
	// Late is the statutory step past its date (the earliest), LateDays by
	// how many days; "" when none is.
	Late        string
	LateDays    int
	lateDue     calendar.Date
	Escalations []policy.Escalation
}

// rank orders the statuses: overdue, at risk, open.
func (r teamRow) rank() int {
	switch r.Status {
	case statusOverdue:
		return 0
	case statusAtRisk:
		return 1
	}
	return 2
}

// pending is a dated thing still to do.
type pending struct {
	due       calendar.Date
	step      string
	statutory bool
}

// pendingOf lists what the decision still expects, each with its date:
// the plan's steps not done, the directives not confirmed, an opt-out's
// compliance.
func pendingOf(d decisionDoc) []pending {
	var out []pending
	for _, p := range d.Plan {
		if p.DoneAt == "" {
			out = append(out, pending{p.Due, p.Step, p.Statutory})
		}
	}
	for _, x := range d.Directives {
		switch {
		case x.ConfirmedAt != "":
		case x.SentAt == "":
			out = append(out, pending{x.ConfirmBy, "directive to " + x.Recipient + " (not sent)", false})
		default:
			out = append(out, pending{x.ConfirmBy, "confirmation from " + x.Recipient, false})
		}
	}
	if d.ComplyBy != nil && d.Outcome == "comply" {
		out = append(out, pending{*d.ComplyBy, "comply", true})
	}
	return out
}

// read reads a stored row's decision and request.
func read(r Row) (decisionDoc, requestFacts, error) {
	var d decisionDoc
	var q requestFacts
	if err := json.Unmarshal(r.Decision, &d); err != nil {
		return d, q, fmt.Errorf("reading the decision on request %s: %w", r.ID, err)
	}
	if err := json.Unmarshal(r.Request, &q); err != nil {
		return d, q, fmt.Errorf("reading request %s: %w", r.ID, err)
	}
	return d, q, nil
}

func lawsOf(d decisionDoc) string {
	var laws []string
	for _, l := range d.Laws {
		if l.Applies {
			laws = append(laws, l.Law)
		}
	}
	return strings.Join(laws, ", ")
}

// rowOf makes the team's row of an open request as of a. The row shows
// the earliest thing still to do. The request is overdue when a statutory
// date of it has passed (acknowledge, respond, comply, answer an appeal);
// at risk when an internal step (the playbook's) or a directive's
// confirmation is late, or when atRisk says so; else open.
func rowOf(r Row, a asOf) (teamRow, error) {
	d, q, err := read(r)
	if err != nil {
		return teamRow{}, err
	}
	row := teamRow{ID: r.ID, RequestID: d.RequestID, Kind: d.Kind, Laws: lawsOf(d), Outcome: d.Outcome,
		DecidedAsOf: d.AsOf, Escalations: d.Escalations, Status: statusOpen}
	if d.ReceivedOn != nil {
		row.ReceivedOn = d.ReceivedOn.String()
	}
	today := a.on(q.Business.TimeZone)
	next := pendingOf(d)
	if len(next) == 0 {
		if atRisk(d, q, today) {
			row.Status = statusAtRisk
		}
		return row, nil
	}
	p := slices.MinFunc(next, func(x, y pending) int { return cmp.Compare(x.due, y.due) }) // the first of the earliest
	row.Due, row.Step, row.Statutory, row.DaysLeft = p.due, p.step, p.statutory, int(p.due-today)
	lateInternal := false
	for _, p := range next {
		switch {
		case p.due >= today:
		case p.statutory && (row.Late == "" || p.due < row.lateDue):
			row.Late, row.lateDue, row.LateDays = p.step, p.due, int(today-p.due)
		case !p.statutory:
			lateInternal = true
		}
	}
	switch {
	case row.Late != "":
		row.Status = statusOverdue
	case lateInternal || atRisk(d, q, today):
		row.Status = statusAtRisk
	}
	return row, nil
}

// atRisk: the decision escalated a deadline at risk, or, by the page's
// date, a request to delete has waited longer than the seed procedure's
// threshold (§ 10.1, report.SeedTargets, the same as the metrics) without
// a response.
func atRisk(d decisionDoc, q requestFacts, today calendar.Date) bool {
	if slices.ContainsFunc(d.Escalations, func(e policy.Escalation) bool { return e.Trigger == "deadline_at_risk" }) {
		return true
	}
	return d.Kind == policy.KindDelete && d.ReceivedOn != nil && q.Events.RespondedAt == "" &&
		int(today-*d.ReceivedOn) > report.SeedTargets.AtRiskAfterDays
}

// sortRows puts overdue requests first, then those at risk, then the
// others, each by next due date (undated last), then by id.
func sortRows(rows []teamRow) {
	slices.SortStableFunc(rows, func(a, b teamRow) int {
		return cmp.Or(cmp.Compare(a.rank(), b.rank()),
			cmp.Compare(dueKey(a.Due), dueKey(b.Due)),
			cmp.Compare(a.RequestID, b.RequestID), cmp.Compare(a.ID, b.ID))
	})
}

// dueKey orders due dates, undated last.
func dueKey(d calendar.Date) calendar.Date {
	if d == 0 {
		return math.MaxInt64
	}
	return d
}

func daysText(n int) string {
	switch {
	case n == 0:
		return "due today"
	case n == 1:
		return "1 day left"
	case n == -1:
		return "1 day late"
	case n < 0:
		return fmt.Sprintf("%d days late", -n)
	}
	return fmt.Sprintf("%d days left", n)
}

// teamPage is what templates/team.html.tmpl sees.
type teamPage struct {
	AsOf                  string
	Rows                  []teamRow
	Overdue, AtRisk, Open int
	Escalations           int
	Month                 string
	Metrics               *report.Report
	Chart                 template.HTML // report.WriteCharts's fragment
	MetricsError          string        // why there are no metrics, when there are none
}

// team builds the team's page as of a: every open request, sorted, and
// the metrics of a's month over the audit records.
func (s *Service) team(r *http.Request, a asOf) (teamPage, error) {
	ctx := r.Context()
	open, err := s.Store.OpenRequests(ctx)
	if err != nil {
		return teamPage{}, err
	}
	p := teamPage{AsOf: a.Text}
	for _, o := range open {
		row, err := rowOf(o, a)
		if err != nil {
			return teamPage{}, err
		}
		p.Rows = append(p.Rows, row)
		switch row.Status {
		case statusOverdue:
			p.Overdue++
		case statusAtRisk:
			p.AtRisk++
		}
		p.Escalations += len(row.Escalations)
	}
	sortRows(p.Rows)
	p.Open = len(p.Rows)

	day := a.on("")
	month, err := report.ParsePeriod(day.String()[:7])
	if err != nil {
		return teamPage{}, err
	}
	p.Month = month.Name
	recs, err := s.Store.AuditRecords(ctx)
	if err != nil {
		return teamPage{}, err
	}
	// Opt-in answers have no receipt date: the metrics count requests by it.
	recs = slices.DeleteFunc(recs, func(r audit.Record) bool { return r.ReceivedOn == "" })
	rep, err := report.Compute(recs, month, day)
	var chart bytes.Buffer
	if err == nil {
		err = report.WriteCharts(&chart, rep)
	}
	if err != nil { // the requests are still worth showing
		s.logger().Error("the month's metrics", "month", month.Name, "err", err)
		p.MetricsError = "the metrics of the month could not be computed; the service's log says why"
		return p, nil
	}
	p.Metrics, p.Chart = rep, template.HTML(chart.String()) // html/template's output, escaped there
	return p, nil
}

func (s *Service) getTeam(w http.ResponseWriter, req *http.Request) {
	a, err := parseAsOf(req.URL.Query().Get("as_of"), s.Now())
	if err != nil {
		s.page(w, req, http.StatusBadRequest, "error", errorPage{Status: http.StatusBadRequest, Message: err.Error()})
		return
	}
	p, err := s.team(req, a)
	if err != nil {
		s.failPage(w, req, err)
		return
	}
	s.page(w, req, http.StatusOK, "team", p)
}

// requestPage is what templates/request.html.tmpl sees.
type requestPage struct {
	AsOf     string
	Row      teamRow
	Open     bool
	Decision decisionDoc
	Today    calendar.Date
	Plan     []planLine
}

type planLine struct {
	planStep
	Overdue bool
}

func (s *Service) getRequestPage(w http.ResponseWriter, req *http.Request) {
	a, err := parseAsOf(req.URL.Query().Get("as_of"), s.Now())
	if err != nil {
		s.page(w, req, http.StatusBadRequest, "error", errorPage{Status: http.StatusBadRequest, Message: err.Error()})
		return
	}
	r, err := s.Get(req.Context(), req.PathValue("id"))
	if err != nil {
		s.failPage(w, req, err)
		return
	}
	d, q, err := read(r)
	if err == nil {
		var row teamRow
		if row, err = rowOf(r, a); err == nil {
			p := requestPage{AsOf: a.Text, Row: row, Open: r.Open, Decision: d, Today: a.on(q.Business.TimeZone)}
			for _, step := range d.Plan {
				p.Plan = append(p.Plan, planLine{step, step.DoneAt == "" && step.Due < p.Today})
			}
			if !r.Open {
				p.Row.Status = "closed"
			}
			s.page(w, req, http.StatusOK, "request", p)
			return
		}
	}
	s.failPage(w, req, err)
}

type errorPage struct {
	Status  int
	Message string
}

// page renders a template; a template that fails midway has sent its
// status already, and is logged.
func (s *Service) page(w http.ResponseWriter, req *http.Request, status int, name string, data any) {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, name+".html.tmpl", data); err != nil {
		s.logger().Error("rendering a page", "page", name, "path", req.URL.Path, "err", err)
		status, b = http.StatusInternalServerError, bytes.Buffer{}
		b.WriteString("<!DOCTYPE html><title>Internal error</title><p>internal error</p>")
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes()) // the status is sent: a failed write has no one to tell
}

// failPage answers an error as a page: 404 for an unknown request, 503 past
// the deadline, else 500 (logged).
func (s *Service) failPage(w http.ResponseWriter, req *http.Request, err error) {
	switch {
	case errors.Is(err, ErrNotFound):
		s.page(w, req, http.StatusNotFound, "error", errorPage{Status: http.StatusNotFound, Message: ErrNotFound.Error()})
	case req.Context().Err() != nil:
		s.logger().Error("page timed out", "path", req.URL.Path, "err", err)
		s.page(w, req, http.StatusServiceUnavailable, "error", errorPage{Status: http.StatusServiceUnavailable, Message: "the page took too long"})
	default:
		s.logger().Error("page failed", "path", req.URL.Path, "err", err)
		s.page(w, req, http.StatusInternalServerError, "error", errorPage{Status: http.StatusInternalServerError, Message: "internal error"})
	}
}
