// Package report computes a privacy team's metrics from audit records (the
// JSON lines audit.NewRecord writes): for a month, a quarter or a year, the
// requests received by kind and law, the days taken to respond, the share
// answered on time and the share extended against the seed procedure's
// targets (§ 8.1), the denials by reason, the service providers'
// confirmation rate, the open requests at risk, and the figures a large
// business publishes each year for the CCPA (per kind: received, complied
// with in whole or in part, denied, median and mean days to respond).
//
// Nothing here reads the clock: the period and the as-of date are
// arguments. Requests are counted in the period in which they were
// received (audit.Record.ReceivedOn).
//
// Response figures (days to respond, on time, open, at risk) cover the
// requests whose decision records the response: requests to delete, whose
// record carries responded_on. Other kinds are counted as received, and as
// complied with or denied by their outcome.
package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/calendar"
)

// ErrPeriod is the error (errors.Is) of a period that is not YYYY,
// YYYY-Qn or YYYY-MM.
var ErrPeriod = errors.New("report: a period is YYYY, YYYY-Q1…Q4 or YYYY-MM")

// ErrRecord is the error (errors.Is) of an audit record that cannot be
// read or counted; the error is a *RecordError saying which.
var ErrRecord = errors.New("report: bad audit record")

// RecordError says which record (1-based line of the JSON lines, or
// position in the slice given to Compute) is bad, and why.
type RecordError struct {
	Line int
	Err  error
}

func (e *RecordError) Error() string { return fmt.Sprintf("report: record %d: %v", e.Line, e.Err) }

// Unwrap gives ErrRecord and the cause.
func (e *RecordError) Unwrap() []error { return []error{ErrRecord, e.Err} }

// Period is a calendar month, quarter or year: its name as written
// ("2026-07", "2026-Q3", "2026") and its first and last day.
type Period struct {
	Name       string
	Start, End calendar.Date
	// Year is true for a calendar year (the period of the CCPA's annual
	// figures).
	Year bool
}

// ParsePeriod reads YYYY, YYYY-Qn or YYYY-MM.
func ParsePeriod(s string) (Period, error) {
	bad := fmt.Errorf("%w: %q", ErrPeriod, s)
	if len(s) < 4 {
		return Period{}, bad
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || y < 1 || s[0] == '+' || s[0] == '-' {
		return Period{}, bad
	}
	first := func(m time.Month) calendar.Date { return date.New(y, m, 1) }
	// end is the day before the first day of the month after the last one.
	end := func(last time.Month) calendar.Date {
		if last == time.December {
			return date.New(y+1, time.January, 1) - 1
		}
		return date.New(y, last+1, 1) - 1
	}
	switch {
	case len(s) == 4:
		return Period{Name: s, Start: first(time.January), End: end(time.December), Year: true}, nil
	case len(s) == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4':
		q := time.Month(s[6] - '0')
		return Period{Name: s, Start: first(3*q - 2), End: end(3 * q)}, nil
	case len(s) == 7 && s[4] == '-':
		m, err := strconv.Atoi(s[5:])
		if err != nil || m < 1 || m > 12 || s[5] == '+' || s[5] == '-' {
			return Period{}, bad
		}
		return Period{Name: s, Start: first(time.Month(m)), End: end(time.Month(m))}, nil
	}
	return Period{}, bad
}

// Read reads audit records written one JSON object a line (blank lines
// are skipped). A line that is not a record is a *RecordError.
func Read(r io.Reader) ([]audit.Record, error) {
	var out []audit.Record
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var rec audit.Record
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			return nil, &RecordError{Line: n, Err: err}
		}
		if dec.More() {
			return nil, &RecordError{Line: n, Err: errors.New("more than one JSON value on the line")}
		}
		out = append(out, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("report: reading the records: %w", err)
	}
	return out, nil
}

// Targets are the seed procedure's targets (§ 8.1) and its threshold for a
// deadline at risk (§ 10.1): the organisation's own, not the law's.
type Targets struct {
	// AverageDaysBelow: average response time below this many days.
	AverageDaysBelow float64 `json:"average_days_below"`
	// OnTimeAbove: share completed on time above this (0–1).
	OnTimeAbove float64 `json:"on_time_above"`
	// ExtendedBelow: share needing an extension below this (0–1).
	ExtendedBelow float64 `json:"extended_below"`
	// ConfirmationRate: share of directives confirmed (0–1) at least this.
	ConfirmationRate float64 `json:"confirmation_rate"`
	// AtRiskAfterDays: an open request is at risk once more days than
	// this have passed since its receipt.
	AtRiskAfterDays int `json:"at_risk_after_days"`
}

// SeedTargets are the targets of the seed procedure PROC-PRIV-002 (§ 8.1:
// < 45 days on average, > 95 % on time, < 10 % extended, 100 % of service
// providers confirming; § 10.1: at risk after 30 days).
var SeedTargets = Targets{AverageDaysBelow: 45, OnTimeAbove: 0.95, ExtendedBelow: 0.10, ConfirmationRate: 1, AtRiskAfterDays: 30}

// Report is the metrics of one period. Shares are fractions (0–1); a share
// or a rate whose denominator is zero is nil.
type Report struct {
	Period string `json:"period"`
	From   string `json:"from"`
	To     string `json:"to"`
	AsOf   string `json:"as_of"`

	Received int            `json:"received"`
	ByKind   map[string]int `json:"by_kind"`
	ByLaw    map[string]int `json:"by_law"`
	// Months are the requests received in each month of the period.
	Months []Month `json:"months"`

	// Tracked is the number of requests whose response is recorded
	// (requests to delete); Responded of them had been answered by AsOf.
	Tracked   int       `json:"tracked"`
	Responded int       `json:"responded"`
	Days      DayStats  `json:"days_to_respond"`
	Histogram []Bucket  `json:"days_histogram"`
	OnTime    OnTime    `json:"on_time"`
	Extended  Share     `json:"extended"`
	Denied    Denied    `json:"denied"`
	Directive Directive `json:"directives"`
	// Open are the tracked requests not answered by AsOf, oldest first;
	// AtRisk counts those past the at-risk threshold or their due date.
	Open   []OpenRequest `json:"open"`
	AtRisk int           `json:"at_risk"`

	// CCPA holds, per kind, the figures of Cal. Code Regs. tit. 11,
	// § 7102(a) over the requests to which the CCPA applies.
	CCPA []CCPARow `json:"ccpa"`

	Targets Targets `json:"targets"`
}

// Month counts the requests received in one month, by kind.
type Month struct {
	Month  string         `json:"month"` // YYYY-MM
	Total  int            `json:"total"`
	ByKind map[string]int `json:"by_kind"`
}

// DayStats are the calendar days from receipt to response of the requests
// answered (responded date − received date).
type DayStats struct {
	Count  int      `json:"count"`
	Mean   *float64 `json:"mean"`
	Median *float64 `json:"median"`
	Min    *int     `json:"min"`
	Max    *int     `json:"max"`
}

// Bucket counts the answered requests whose days to respond fall in
// [From, To] (To 0: no upper bound).
type Bucket struct {
	Label string `json:"label"`
	From  int    `json:"from"`
	To    int    `json:"to"`
	Count int    `json:"count"`
}

// OnTime counts the tracked requests whose due date could be judged by
// AsOf: answered (on or before the date to respond by — the extended one
// when the extension notice went out in time — or late), or still open
// past that date (late).
type OnTime struct {
	Judged int      `json:"judged"`
	OnTime int      `json:"on_time"`
	Late   int      `json:"late"`
	Share  *float64 `json:"share"`
	Met    *bool    `json:"target_met"`
}

// Share is a count over the tracked requests and its share.
type Share struct {
	Count int      `json:"count"`
	Share *float64 `json:"share"`
	Met   *bool    `json:"target_met"`
}

// Denied counts the requests refused in whole (denied, unverified,
// deny_fraud, invalid) or in part (partial_deletion), and the reasons
// (audit.Record.DenialReasons) across both.
type Denied struct {
	InWhole  int            `json:"in_whole"`
	InPart   int            `json:"in_part"`
	ByReason map[string]int `json:"by_reason"`
}

// Directive is the service providers' confirmation rate: directives
// confirmed over directives sent.
type Directive struct {
	Sent      int      `json:"sent"`
	Confirmed int      `json:"confirmed"`
	Rate      *float64 `json:"rate"`
	Met       *bool    `json:"target_met"`
}

// OpenRequest is a tracked request not answered by AsOf.
type OpenRequest struct {
	RequestID  string `json:"request_id"`
	Kind       string `json:"kind"`
	Laws       string `json:"laws"`
	ReceivedOn string `json:"received_on"`
	Due        string `json:"due"`
	DaysOpen   int    `json:"days_open"`
	AtRisk     bool   `json:"at_risk"`
	Overdue    bool   `json:"overdue"`
}

// CCPARow is one kind's line of the CCPA's annual figures.
type CCPARow struct {
	Kind     string `json:"kind"`
	Received int    `json:"received"`
	// Complied counts the requests complied with in whole or in part,
	// Denied those denied, each once decided (and, for a tracked kind,
	// answered) by AsOf; Pending the rest.
	Complied int      `json:"complied"`
	Denied   int      `json:"denied"`
	Pending  int      `json:"pending"`
	Median   *float64 `json:"median_days"`
	Mean     *float64 `json:"mean_days"`
}

// ccpaKinds are the kinds of the CCPA's figures, in their order: requests
// to delete, to opt out of sale or sharing, to opt in.
var ccpaKinds = []string{"delete", "opt_out", "opt_in"}

// complied and deniedWhole classify outcomes; partial_deletion is both a
// compliance in part and a refusal in part.
var (
	complied    = map[string]bool{"full_deletion": true, "partial_deletion": true, "comply": true, "valid": true}
	deniedWhole = map[string]bool{"denied": true, "unverified": true, "deny_fraud": true, "invalid": true}
)

// histogram are the buckets of days to respond.
var histogram = []Bucket{
	{Label: "0–10", From: 0, To: 10}, {Label: "11–20", From: 11, To: 20}, {Label: "21–30", From: 21, To: 30},
	{Label: "31–45", From: 31, To: 45}, {Label: "46–60", From: 46, To: 60}, {Label: "61–90", From: 61, To: 90},
	{Label: "> 90", From: 91},
}

// request is one request's latest record, read.
type request struct {
	rec       audit.Record
	received  calendar.Date
	responded calendar.Date // 0: not answered by asOf
	due       calendar.Date // 0: no fixed date
	tracked   bool
	extended  bool // the extension was notified in time, by asOf
}

// Compute computes the report of period from records. Several records of
// one request (re-decisions; same RequestID) count once, as the last of
// them in the slice. asOf is the day the report looks from (zero: the
// period's last day): a request received after it is not counted, and a
// response or an extension notice dated after it is not yet given. The
// targets are SeedTargets.
func Compute(records []audit.Record, period Period, asOf calendar.Date) (*Report, error) {
	if asOf == 0 {
		asOf = period.End
	}
	latest := map[string]int{}
	for i, r := range records {
		if r.RequestID != "" {
			latest[r.RequestID] = i
		}
	}
	var reqs []request
	for i, r := range records {
		if r.RequestID != "" && latest[r.RequestID] != i {
			continue
		}
		q, err := read(r, asOf)
		if err != nil {
			return nil, &RecordError{Line: i + 1, Err: err}
		}
		// a request received after asOf does not exist yet
		if q.received < period.Start || q.received > period.End || q.received > asOf {
			continue
		}
		reqs = append(reqs, q)
	}
	slices.SortStableFunc(reqs, func(a, b request) int { return int(a.received - b.received) })

	t := SeedTargets
	rep := &Report{
		Period: period.Name, From: period.Start.String(), To: period.End.String(), AsOf: asOf.String(),
		ByKind: map[string]int{}, ByLaw: map[string]int{},
		Denied:  Denied{ByReason: map[string]int{}},
		Targets: t,
		Open:    []OpenRequest{},
	}
	for m := period.Start; m <= period.End; m = nextMonth(m) {
		rep.Months = append(rep.Months, Month{Month: m.String()[:7], ByKind: map[string]int{}})
	}
	rep.Histogram = slices.Clone(histogram)
	var days []int
	extended := 0
	for _, q := range reqs {
		r := q.rec
		rep.Received++
		rep.ByKind[r.Kind]++
		for _, l := range r.Laws {
			rep.ByLaw[l]++
		}
		mi := monthIndex(period.Start, q.received)
		rep.Months[mi].Total++
		rep.Months[mi].ByKind[r.Kind]++

		if deniedWhole[r.Outcome] && settled(q) {
			rep.Denied.InWhole++
		}
		if r.Outcome == "partial_deletion" && settled(q) {
			rep.Denied.InPart++
		}
		if (deniedWhole[r.Outcome] || r.Outcome == "partial_deletion") && settled(q) {
			for _, why := range r.DenialReasons {
				rep.Denied.ByReason[why]++
			}
		}
		rep.Directive.Sent += r.DirectivesSent
		rep.Directive.Confirmed += r.DirectivesConfirmed

		if !q.tracked {
			continue
		}
		rep.Tracked++
		if q.extended {
			extended++
		}
		if q.responded != 0 {
			rep.Responded++
			n := int(q.responded - q.received)
			days = append(days, n)
			for i := range rep.Histogram {
				if b := rep.Histogram[i]; n >= b.From && (b.To == 0 || n <= b.To) {
					rep.Histogram[i].Count++
				}
			}
			if q.due != 0 {
				rep.OnTime.Judged++
				if q.responded <= q.due {
					rep.OnTime.OnTime++
				} else {
					rep.OnTime.Late++
				}
			}
			continue
		}
		open := OpenRequest{
			RequestID: r.RequestID, Kind: r.Kind, Laws: strings.Join(r.Laws, ", "),
			ReceivedOn: r.ReceivedOn, DaysOpen: int(asOf - q.received),
		}
		if q.due != 0 {
			open.Due = q.due.String()
			open.Overdue = asOf > q.due
		}
		open.AtRisk = open.DaysOpen > t.AtRiskAfterDays || open.Overdue
		if open.Overdue {
			rep.OnTime.Judged++
			rep.OnTime.Late++
		}
		if open.AtRisk {
			rep.AtRisk++
		}
		rep.Open = append(rep.Open, open)
	}
	rep.Days = stats(days)
	if rep.Days.Mean != nil {
		rep.Days.Mean = ptr(round(*rep.Days.Mean, 1))
	}
	rep.OnTime.Share = share(rep.OnTime.OnTime, rep.OnTime.Judged)
	rep.OnTime.Met = above(rep.OnTime.Share, t.OnTimeAbove)
	rep.Extended = Share{Count: extended, Share: share(extended, rep.Tracked)}
	if rep.Extended.Share != nil {
		rep.Extended.Met = ptr(*rep.Extended.Share < t.ExtendedBelow)
	}
	rep.Directive.Rate = share(rep.Directive.Confirmed, rep.Directive.Sent)
	if rep.Directive.Rate != nil {
		rep.Directive.Met = ptr(*rep.Directive.Rate >= t.ConfirmationRate)
	}
	rep.CCPA = ccpa(reqs)
	return rep, nil
}

// read reads a record's dates as of asOf.
func read(r audit.Record, asOf calendar.Date) (request, error) {
	q := request{rec: r, tracked: r.Kind == "delete"}
	var err error
	if q.received, err = calendar.Parse(r.ReceivedOn); err != nil {
		return q, fmt.Errorf("received_on: %w", err)
	}
	due := r.Due()
	if r.Extended && r.ExtensionNotifiedOn > asOf.String() {
		// as of asOf the extension was not notified yet
		due = r.RespondBy
	}
	q.extended = r.Extended && due == r.ExtendedRespondBy && r.ExtendedRespondBy != ""
	if due != "" {
		if q.due, err = calendar.Parse(due); err != nil {
			return q, fmt.Errorf("due date: %w", err)
		}
	}
	if r.RespondedOn != "" {
		d, err := calendar.Parse(r.RespondedOn)
		if err != nil {
			return q, fmt.Errorf("responded_on: %w", err)
		}
		if d < q.received {
			return q, fmt.Errorf("responded_on %s is before received_on %s", r.RespondedOn, r.ReceivedOn)
		}
		if d <= asOf {
			q.responded = d
		}
	}
	return q, nil
}

// settled: the outcome is final by asOf — answered, for a tracked request.
func settled(q request) bool { return !q.tracked || q.responded != 0 }

// ccpa computes the CCPA's figures per kind.
func ccpa(reqs []request) []CCPARow {
	var rows []CCPARow
	for _, kind := range ccpaKinds {
		row := CCPARow{Kind: kind}
		var days []int
		for _, q := range reqs {
			if q.rec.Kind != kind || !slices.Contains(q.rec.Laws, "CCPA") {
				continue
			}
			row.Received++
			switch {
			case !settled(q):
				row.Pending++
			case complied[q.rec.Outcome]:
				row.Complied++
			case deniedWhole[q.rec.Outcome]:
				row.Denied++
			default:
				row.Pending++
			}
			if q.responded != 0 {
				days = append(days, int(q.responded-q.received))
			}
		}
		s := stats(days)
		row.Median = s.Median
		if s.Mean != nil {
			row.Mean = ptr(round(*s.Mean, 1))
		}
		rows = append(rows, row)
	}
	return rows
}

func stats(days []int) DayStats {
	s := DayStats{Count: len(days)}
	if len(days) == 0 {
		return s
	}
	d := slices.Clone(days)
	slices.Sort(d)
	sum := 0
	for _, n := range d {
		sum += n
	}
	s.Mean = ptr(float64(sum) / float64(len(d)))
	mid := len(d) / 2
	if len(d)%2 == 1 {
		s.Median = ptr(float64(d[mid]))
	} else {
		s.Median = ptr(float64(d[mid-1]+d[mid]) / 2)
	}
	s.Min, s.Max = ptr(d[0]), ptr(d[len(d)-1])
	return s
}

func share(n, of int) *float64 {
	if of == 0 {
		return nil
	}
	return ptr(float64(n) / float64(of))
}

func above(s *float64, target float64) *bool {
	if s == nil {
		return nil
	}
	return ptr(*s > target)
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}

func ptr[T any](v T) *T { return &v }

// nextMonth is the first day of the month after d's.
func nextMonth(d calendar.Date) calendar.Date {
	if d.Month() == time.December {
		return date.New(d.Year()+1, time.January, 1)
	}
	return date.New(d.Year(), d.Month()+1, 1)
}

// monthIndex is the index, from start's month, of d's month.
func monthIndex(start, d calendar.Date) int {
	return (d.Year()-start.Year())*12 + int(d.Month()) - int(start.Month())
}
