package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dsrkit/dsrkit/internal/regotest"
	"github.com/dsrkit/dsrkit/policy"
)

// test runs the policy's Rego tests with dsrkit's built-ins and reports
// each result and the coverage of the policy's rules.
func test(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dsrkit test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	minCov := fs.Float64("coverage-min", 0, "fail when coverage of the policy is below this percentage")
	filter := fs.String("run", "", "run only the tests whose name matches this regular expression")
	verbose := fs.Bool("v", false, "print every test, not only failures, and the lines not covered")
	if err := fs.Parse(args); err != nil {
		return &exitError{code: exitInvalid}
	}
	fsys, where := policy.Embedded(), "embedded policy"
	switch fs.NArg() {
	case 0:
	case 1:
		fsys, where = os.DirFS(fs.Arg(0)), fs.Arg(0)
	default:
		return &exitError{code: exitInvalid, msg: "dsrkit test: give at most one policy directory"}
	}
	rep, err := regotest.Run(ctx, fsys, *filter)
	if err != nil {
		return err
	}
	for _, r := range rep.Results {
		status := "PASS"
		switch {
		case r.Skipped:
			status = "SKIP"
		case !r.Passed:
			status = "FAIL"
		}
		if status == "PASS" && !*verbose {
			continue
		}
		fmt.Fprintf(stdout, "%s %s.%s (%s) %v\n", status, r.Package, r.Name, r.Location, r.Duration)
		if r.Error != "" {
			fmt.Fprintf(stdout, "    error: %s\n", r.Error)
		}
		if r.Output != "" && status != "PASS" {
			fmt.Fprintf(stdout, "    output: %s\n", r.Output)
		}
	}
	fmt.Fprintf(stdout, "coverage of %s:\n", where)
	for _, f := range rep.Files {
		fmt.Fprintf(stdout, "  %6.1f%%  %s\n", f.Coverage, f.File)
		if *verbose && len(f.NotCovered) > 0 {
			fmt.Fprintf(stdout, "           not covered: lines %v\n", f.NotCovered)
		}
	}
	fmt.Fprintf(stdout, "  %6.1f%%  total\n", rep.Coverage)
	fmt.Fprintf(stdout, "%d passed, %d failed", rep.Passed, rep.Failed)
	if rep.Skipped > 0 {
		fmt.Fprintf(stdout, ", %d skipped", rep.Skipped)
	}
	fmt.Fprintln(stdout)
	switch {
	case rep.Failed > 0:
		return &exitError{code: exitFailure}
	case rep.Passed == 0:
		return &exitError{code: exitFailure, msg: "dsrkit test: no tests ran"}
	case rep.Coverage < *minCov:
		return &exitError{code: exitFailure, msg: fmt.Sprintf("dsrkit test: coverage %.1f%% is below --coverage-min %.1f%%", rep.Coverage, *minCov)}
	}
	return nil
}
