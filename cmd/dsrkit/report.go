package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dsrkit/dsrkit/calendar"
	metrics "github.com/dsrkit/dsrkit/report"
)

// reportCommand is "dsrkit report": metrics over audit records.
var reportCommand = &command{
	name: "report", args: "FILE|-", summary: "metrics of a month, quarter or year over audit records",
	details: `Reads audit records (FILE, or standard input with -), one JSON object a
line as audit.NewRecord writes them, and prints the metrics of --period
(2026, 2026-Q3 or 2026-07) for the requests received in it: requests by
kind and law, days to respond, the share completed on time and the share
extended against the seed procedure's targets, denials by reason, the
service providers' confirmation rate, the open requests at risk, and the
CCPA's annual figures (Cal. Code Regs. tit. 11, § 7102(a)). The report
looks from --as-of (default: the period's last day; the clock is never
read). Several records of one request count as the last of them.`,
	flags: func() *flag.FlagSet { fs, _ := reportFlagSet(); return fs },
	run: func(_ context.Context, args []string, stdin io.Reader, stdout, _ io.Writer) error {
		return runReport(args, stdin, stdout)
	},
}

type reportFlags struct {
	period, format, asOf string
}

func reportFlagSet() (*flag.FlagSet, *reportFlags) {
	fs := newFlagSet("report")
	f := &reportFlags{}
	fs.StringVar(&f.period, "period", "", "the `period`: YYYY, YYYY-Q1…Q4 or YYYY-MM (required)")
	fs.StringVar(&f.format, "format", "table", "the output `format`: table, csv, json or html (a self-contained page with charts)")
	fs.StringVar(&f.asOf, "as-of", "", "the `date` (YYYY-MM-DD) the report looks from (default: the period's last day)")
	return fs, f
}

func runReport(args []string, stdin io.Reader, stdout io.Writer) error {
	fs, f := reportFlagSet()
	pos, err := parseArgs("report", fs, args, stdout)
	switch {
	case errors.Is(err, errHelped):
		return nil
	case err != nil:
		return err
	case len(pos) != 1:
		return usageError("report", "give one file of audit records, or - for standard input")
	case f.period == "":
		return usageError("report", "--period: needed (YYYY, YYYY-Qn or YYYY-MM)")
	}
	period, err := metrics.ParsePeriod(f.period)
	if err != nil {
		return usageError("report", "--period: %v", err)
	}
	format := metrics.Format(f.format)
	switch format {
	case metrics.Table, metrics.CSV, metrics.JSON, metrics.HTML:
	default:
		return usageError("report", "--format: %q is not table, csv, json or html", f.format)
	}
	var asOf calendar.Date
	if f.asOf != "" {
		if asOf, err = calendar.Parse(f.asOf); err != nil {
			return usageError("report", "--as-of: %q is not a date (YYYY-MM-DD)", f.asOf)
		}
	}
	in := stdin
	if pos[0] != "-" {
		file, err := os.Open(pos[0])
		if err != nil {
			return err
		}
		defer file.Close()
		in = file
	}
	records, err := metrics.Read(in)
	if err != nil {
		return err
	}
	rep, err := metrics.Compute(records, period, asOf)
	if err != nil {
		return err
	}
	if err := metrics.Write(stdout, rep, period, format); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	return nil
}
