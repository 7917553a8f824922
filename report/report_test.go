package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/report"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata")

func day(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.Parse(s)
	require.NoError(t, err)
	return d
}

// seededYear is a year of audit records, 2026, made by rule so that every
// total can be counted by hand:
//
// 160 requests to delete, del-000 … del-159, received 2026-01-05 + 2j days;
// VCDPA when j % 4 == 3, else CCPA; respond by receipt + 45, extended
// receipt + 90, extension notice by receipt + 45. By j % 10:
//
//	0–5  full_deletion, answered after 30 days
//	6    partial_deletion (legal_obligation kept), after 40 days
//	7    unverified, after 44 days, no directive
//	8    full_deletion, extension notified on day 40, answered after 80 days
//	9    full_deletion, answered after 50 days: late
//
// Each request but the unverified ones sent one directive, confirmed unless
// j % 20 == 9. Requests j % 25 == 0 were decided twice: an earlier
// pending_verification record comes first. 40 opt-outs, oo-00 … oo-39,
// received 2026-01-10 + 9i, CCPA, comply (deny_fraud when i % 8 == 7).
func seededYear(t testing.TB) []audit.Record {
	var recs []audit.Record
	start := day(t, "2026-01-05")
	for j := range 160 {
		rec := start + calendar.Date(2*j)
		law := "CCPA"
		if j%4 == 3 {
			law = "VCDPA"
		}
		r := audit.Record{
			RequestID: fmt.Sprintf("del-%03d", j), Consumer: fmt.Sprintf("h%03d", j), Kind: "delete",
			ReceivedOn: rec.String(), Laws: []string{law},
			RespondBy: (rec + 45).String(), ExtendedRespondBy: (rec + 90).String(), ExtensionNoticeBy: (rec + 45).String(),
		}
		if j%25 == 0 {
			early := r
			early.Outcome = "pending_verification"
			recs = append(recs, early)
		}
		days := 30
		r.Outcome = "full_deletion"
		switch j % 10 {
		case 6:
			r.Outcome, days, r.DenialReasons = "partial_deletion", 40, []string{"legal_obligation"}
		case 7:
			r.Outcome, days, r.DenialReasons = "unverified", 44, []string{"unverified"}
		case 8:
			days = 80
			r.ExtensionNotifiedOn, r.Extended = (rec + 40).String(), true
		case 9:
			days = 50
		}
		r.RespondedOn = (rec + calendar.Date(days)).String()
		r.RespondedAt = r.RespondedOn + "T12:00:00-08:00"
		if j%10 != 7 {
			r.DirectivesSent = 1
			if j%20 != 9 {
				r.DirectivesConfirmed = 1
			}
		}
		recs = append(recs, r)
	}
	ostart := day(t, "2026-01-10")
	for i := range 40 {
		rec := ostart + calendar.Date(9*i)
		r := audit.Record{
			RequestID: fmt.Sprintf("oo-%02d", i), Consumer: fmt.Sprintf("o%02d", i), Kind: "opt_out",
			ReceivedOn: rec.String(), Laws: []string{"CCPA"}, Outcome: "comply", RespondBy: (rec + 15).String(),
		}
		if i%8 == 7 {
			r.Outcome, r.DenialReasons = "deny_fraud", []string{"deny_fraud"}
		}
		recs = append(recs, r)
	}
	return recs
}

// jsonLines writes records as a host's audit log holds them.
func jsonLines(t testing.TB, recs []audit.Record) []byte {
	var buf bytes.Buffer
	for _, r := range recs {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		buf.Write(b)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func year(t *testing.T) (*report.Report, report.Period) {
	recs, err := report.Read(bytes.NewReader(jsonLines(t, seededYear(t))))
	require.NoError(t, err)
	require.Len(t, recs, 207) // 160 + 7 earlier decisions + 40
	p, err := report.ParsePeriod("2026")
	require.NoError(t, err)
	rep, err := report.Compute(recs, p, 0)
	require.NoError(t, err)
	return rep, p
}

func f(x float64) *float64 { return &x }
func b(x bool) *bool       { return &x }

// The totals of the seeded year, counted by hand from seededYear's rules.
func TestSeededYearTotals(t *testing.T) {
	rep, _ := year(t)
	assert.Equal(t, "2026-12-31", rep.AsOf)
	assert.Equal(t, 200, rep.Received)
	assert.Equal(t, map[string]int{"delete": 160, "opt_out": 40}, rep.ByKind)
	assert.Equal(t, map[string]int{"CCPA": 160, "VCDPA": 40}, rep.ByLaw)
	require.Len(t, rep.Months, 12)
	// January: deletes j 0–13 (5 … 31 January), opt-outs i 0–2 (10, 19, 28 January)
	assert.Equal(t, report.Month{Month: "2026-01", Total: 17, ByKind: map[string]int{"delete": 14, "opt_out": 3}}, rep.Months[0])

	// Three requests are still open on 31 December: del-148 (received
	// 28 October, extended) and del-158 (17 November, extended) would be
	// answered after 80 days, del-159 (19 November) after 50.
	assert.Equal(t, 160, rep.Tracked)
	assert.Equal(t, 157, rep.Responded)
	// 96 × 30 + 16 × 40 + 16 × 44 + 14 × 80 + 15 × 50 = 6094 days over 157
	// = 38.8; the median (79th of 157) is 30.
	assert.Equal(t, report.DayStats{Count: 157, Mean: f(38.8), Median: f(30), Min: ptr(30), Max: ptr(80)}, rep.Days)
	// 15 answered late (j % 10 == 9 but del-159): 142 of 157 on time.
	assert.Equal(t, 157, rep.OnTime.Judged)
	assert.Equal(t, 142, rep.OnTime.OnTime)
	assert.Equal(t, 15, rep.OnTime.Late)
	assert.InDelta(t, 0.904459, *rep.OnTime.Share, 1e-6)
	assert.Equal(t, b(false), rep.OnTime.Met) // target > 95 %
	// 16 extended of 160: 10 %, not below the 10 % target.
	assert.Equal(t, report.Share{Count: 16, Share: f(0.1), Met: b(false)}, rep.Extended)
	assert.Equal(t, report.Denied{InWhole: 21, InPart: 16, ByReason: map[string]int{"legal_obligation": 16, "unverified": 16, "deny_fraud": 5}}, rep.Denied)
	// 144 directives (all but the 16 unverified), 8 unconfirmed (j % 20 == 9)
	assert.Equal(t, 144, rep.Directive.Sent)
	assert.Equal(t, 136, rep.Directive.Confirmed)
	assert.InDelta(t, 0.944444, *rep.Directive.Rate, 1e-6)
	assert.Equal(t, b(false), rep.Directive.Met)
	assert.Equal(t, []report.OpenRequest{
		{RequestID: "del-148", Kind: "delete", Laws: "CCPA", ReceivedOn: "2026-10-28", Due: "2027-01-26", DaysOpen: 64, AtRisk: true},
		{RequestID: "del-158", Kind: "delete", Laws: "CCPA", ReceivedOn: "2026-11-17", Due: "2027-02-15", DaysOpen: 44, AtRisk: true},
		{RequestID: "del-159", Kind: "delete", Laws: "VCDPA", ReceivedOn: "2026-11-19", Due: "2027-01-03", DaysOpen: 42, AtRisk: true},
	}, rep.Open)
	assert.Equal(t, 3, rep.AtRisk)
	var hist []int
	for _, h := range rep.Histogram {
		hist = append(hist, h.Count)
	}
	assert.Equal(t, []int{0, 0, 96, 32, 15, 14, 0}, hist)

	// CCPA (§ 7102): of the 120 CCPA requests to delete, 72 full at 30
	// days, 16 partial at 40, 8 unverified at 44, 8 late at 50, 16
	// extended at 80 of which 2 still open: 110 complied, 8 denied, 2
	// pending; 4672 days over 118 = 39.6, median 30.
	assert.Equal(t, []report.CCPARow{
		{Kind: "delete", Received: 120, Complied: 110, Denied: 8, Pending: 2, Median: f(30), Mean: f(39.6)},
		{Kind: "opt_out", Received: 40, Complied: 35, Denied: 5},
		{Kind: "opt_in"},
	}, rep.CCPA)
}

func ptr(n int) *int { return &n }

func TestAQuarterAndAnAsOf(t *testing.T) {
	recs := seededYear(t)
	q3, err := report.ParsePeriod("2026-Q3")
	require.NoError(t, err)
	assert.Equal(t, "2026-07-01", q3.Start.String())
	assert.Equal(t, "2026-09-30", q3.End.String())
	rep, err := report.Compute(recs, q3, 0)
	require.NoError(t, err)
	// deletes j 89–134 (1 July … 30 September), opt-outs i 20–29
	assert.Equal(t, 56, rep.Received)
	assert.Equal(t, map[string]int{"delete": 46, "opt_out": 10}, rep.ByKind)
	require.Len(t, rep.Months, 3)

	// As of 15 July only the requests received 1 to 15 July count: the
	// deletes j 89–95 (2, 4, …, 14 July), all still open, and the opt-out
	// i 20 (10 July).
	rep, err = report.Compute(recs, q3, day(t, "2026-07-15"))
	require.NoError(t, err)
	assert.Equal(t, 8, rep.Received)
	assert.Equal(t, 0, rep.Responded)
	require.Len(t, rep.Open, 7)
	assert.Equal(t, report.OpenRequest{RequestID: "del-089", Kind: "delete", Laws: "CCPA", ReceivedOn: "2026-07-02", Due: "2026-08-16", DaysOpen: 13}, rep.Open[0])
	assert.Equal(t, 0, rep.AtRisk)
	assert.Nil(t, rep.OnTime.Share)
}

func TestPeriods(t *testing.T) {
	for in, want := range map[string][2]string{
		"2026": {"2026-01-01", "2026-12-31"}, "2026-Q1": {"2026-01-01", "2026-03-31"}, "2026-Q4": {"2026-10-01", "2026-12-31"},
		"2026-02": {"2026-02-01", "2026-02-28"}, "2028-02": {"2028-02-01", "2028-02-29"}, "2026-12": {"2026-12-01", "2026-12-31"},
	} {
		p, err := report.ParsePeriod(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, [2]string{p.Start.String(), p.End.String()}, in)
		assert.Equal(t, in, p.Name)
	}
	for _, bad := range []string{"", "26", "2026-Q5", "2026-Q0", "2026-13", "2026-00", "2026-1", "2026-+1", "-202", "2026-07-01", "2026Q3"} {
		_, err := report.ParsePeriod(bad)
		assert.ErrorIs(t, err, report.ErrPeriod, bad)
	}
}

func TestBadRecords(t *testing.T) {
	_, err := report.Read(strings.NewReader("{\"kind\": \"delete\"}\n\nnot json\n"))
	var re *report.RecordError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 3, re.Line)
	assert.ErrorIs(t, err, report.ErrRecord)

	_, err = report.Read(strings.NewReader(`{"kind": "delete", "surprise": 1}`))
	require.ErrorIs(t, err, report.ErrRecord)

	p, _ := report.ParsePeriod("2026")
	_, err = report.Compute([]audit.Record{{Kind: "delete", ReceivedOn: "2026-02-30"}}, p, 0)
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 1, re.Line)
	assert.ErrorIs(t, err, calendar.ErrInvalidDate)

	_, err = report.Compute([]audit.Record{{Kind: "delete", ReceivedOn: "2026-03-02", RespondedOn: "2026-03-01"}}, p, 0)
	require.ErrorIs(t, err, report.ErrRecord)
}

func TestUnknownFormat(t *testing.T) {
	rep, p := year(t)
	assert.ErrorIs(t, report.Write(&bytes.Buffer{}, rep, p, "pdf"), report.ErrFormat)
}

// The golden reports of the seeded year, in every format (go test
// ./report -update rewrites them).
func TestGoldenReports(t *testing.T) {
	rep, p := year(t)
	for _, format := range []report.Format{report.Table, report.CSV, report.JSON, report.HTML} {
		t.Run(string(format), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, report.Write(&buf, rep, p, format))
			ext := map[report.Format]string{report.Table: "txt", report.CSV: "csv", report.JSON: "json", report.HTML: "html"}[format]
			path := filepath.Join("testdata", "year-2026."+ext)
			if *update {
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "go test ./report -update writes it")
			assert.Equal(t, string(want), buf.String())
		})
	}
}

// The HTML page stands alone: no script, no external asset, its charts
// inline.
func TestHTMLIsSelfContained(t *testing.T) {
	rep, p := year(t)
	var buf bytes.Buffer
	require.NoError(t, report.Write(&buf, rep, p, report.HTML))
	page := buf.String()
	for _, banned := range []string{"<script", "src=", "href=", "@import", "url("} {
		assert.NotContains(t, page, banned)
	}
	assert.Equal(t, 3, strings.Count(page, "<svg"))
	assert.Contains(t, page, "<title>2026-01 delete: 14</title>")
	assert.Contains(t, page, "90.4 % on time against a target above 95 %.")
	assert.NotContains(t, page, "ZgotmplZ")
}
