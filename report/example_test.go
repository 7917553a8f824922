package report_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/policy"
	"github.com/dsrkit/dsrkit/report"
)

// Records made by audit.NewRecord from two decisions, counted for March
// 2026 as of 1 June: one request answered after 79 days (on time: its
// extension was notified in time), one still open and long overdue.
func ExampleCompute() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		panic(err)
	}
	var records []audit.Record
	for _, name := range []string{"events-response-sent-closed", "events-directive-confirmation-late"} {
		req, err := os.ReadFile("../testdata/cases/" + name + "/request.json")
		if err != nil {
			panic(err)
		}
		decision, err := eng.Decide(ctx, req)
		if err != nil {
			panic(err)
		}
		r, err := audit.NewRecord(decision, audit.ConsumerHash([]byte("key"), name))
		if err != nil {
			panic(err)
		}
		records = append(records, r)
	}
	march, err := report.ParsePeriod("2026-03")
	if err != nil {
		panic(err)
	}
	asOf, err := calendar.Parse("2026-06-01")
	if err != nil {
		panic(err)
	}
	rep, err := report.Compute(records, march, asOf)
	if err != nil {
		panic(err)
	}
	fmt.Println("received", rep.Received, "answered", rep.Responded, "median days", *rep.Days.Median)
	fmt.Printf("on time %d of %d, extended %d, directives confirmed %d of %d\n",
		rep.OnTime.OnTime, rep.OnTime.Judged, rep.Extended.Count, rep.Directive.Confirmed, rep.Directive.Sent)
	for _, o := range rep.Open {
		fmt.Println("open", o.RequestID, "due", o.Due, "days", o.DaysOpen, "overdue", o.Overdue)
	}
	// Output:
	// received 2 answered 1 median days 79
	// on time 1 of 2, extended 1, directives confirmed 2 of 3
	// open events-late-confirmation due 2026-04-16 days 91 overdue true
}

// The charts of a month as a fragment for the host's own page: inline SVG,
// one stacked bar per month of the period, each with its count as a title.
func ExampleWriteCharts() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		panic(err)
	}
	req, err := os.ReadFile("../testdata/cases/events-response-sent-closed/request.json")
	if err != nil {
		panic(err)
	}
	decision, err := eng.Decide(ctx, req)
	if err != nil {
		panic(err)
	}
	r, err := audit.NewRecord(decision, audit.ConsumerHash([]byte("key"), "ana"))
	if err != nil {
		panic(err)
	}
	march, err := report.ParsePeriod("2026-03")
	if err != nil {
		panic(err)
	}
	rep, err := report.Compute([]audit.Record{r}, march, 0)
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	if err := report.WriteCharts(&b, rep); err != nil {
		panic(err)
	}
	html := b.String()
	fmt.Println(strings.HasPrefix(html, "\n<div class=\"dsrkit-charts\">"), strings.Count(html, "<figure"), strings.Count(html, "<svg"))
	fmt.Println(strings.Contains(html, "<title>2026-03 delete: 1</title>"))
	// Output:
	// true 3 2
	// true
}
