package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dsrkit/dsrkit/internal/regotest"
	"github.com/dsrkit/dsrkit/internal/source"
	"github.com/dsrkit/dsrkit/policy"
)

type testFlags struct {
	minCov  float64
	filter  string
	verbose bool
	format  string
}

func testFlagSet() (*flag.FlagSet, *testFlags) {
	fs := newFlagSet("test")
	f := &testFlags{}
	fs.Float64Var(&f.minCov, "coverage-min", 0, "fail when the coverage of the policy is below this `percentage`")
	fs.StringVar(&f.filter, "run", "", "run only the tests whose name (data.package.test_name) matches this `regexp`")
	fs.BoolVar(&f.verbose, "v", false, "print every test, not only failures, with the trace of each failure, and the lines not covered")
	fs.StringVar(&f.format, "format", "text", "the report's `format`: text (as opa test prints it, then coverage) or json")
	return fs, f
}

// testReport is the --format json report.
type testReport struct {
	Policy   testedPolicy            `json:"policy"`
	Tests    json.RawMessage         `json:"tests"`    // OPA's JSONReporter output: what `opa test --format json` prints
	Failures []regotest.Result       `json:"failures"` // each failing test, with the expression that failed and its values
	Passed   int                     `json:"passed"`
	Failed   int                     `json:"failed"`
	Skipped  int                     `json:"skipped"`
	Coverage float64                 `json:"coverage"` // percent of the policy's (non-test) lines
	Files    []regotest.FileCoverage `json:"files"`
}

type testedPolicy struct {
	Source   string `json:"source"`
	Revision string `json:"revision"`
	Digest   string `json:"digest"`
}

// test runs the policy's Rego tests with dsrkit's built-ins and reports
// each failing result, with the expression that failed, and the coverage
// of the policy's rules.
//
// The policy is first loaded as decide loads it (policy.New: sandbox,
// citations, entry points), so that a policy decide refuses is refused
// here too; its tests then run on the same files, whose digest must be the
// one the engine loaded.
func test(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, f := testFlagSet()
	pos, err := parseArgs("test", fs, args, stdout)
	switch {
	case errors.Is(err, errHelped):
		return nil
	case err != nil:
		return err
	case len(pos) > 1:
		return usageError("test", "give at most one policy directory or bundle")
	case f.format != "text" && f.format != "json":
		return usageError("test", "--format: %q is neither text nor json", f.format)
	}
	where, opts := "embedded policy", []policy.Option(nil)
	if len(pos) == 1 {
		where, opts = pos[0], []policy.Option{policy.WithDir(pos[0])}
	}
	eng, err := policy.New(ctx, opts...)
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	src, err := loadWithTests(pos)
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	info := eng.Info()
	if src.Digest != info.Digest {
		return fmt.Errorf("%s changed while it was read (digest %s, then %s)", where, info.Digest, src.Digest)
	}
	rep, err := regotest.RunSources(ctx, src, regotest.Options{Filter: f.filter, Coverage: true, Explain: true})
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	if f.format == "json" {
		var tests bytes.Buffer
		if err := rep.JSON(&tests); err != nil {
			return err
		}
		failures := rep.Failures()
		if failures == nil {
			failures = []regotest.Result{}
		}
		out := testReport{
			Policy: testedPolicy{Source: where, Revision: info.Revision, Digest: info.Digest},
			Tests:  tests.Bytes(), Failures: failures,
			Passed: rep.Passed, Failed: rep.Failed, Skipped: rep.Skipped,
			Coverage: rep.Coverage, Files: rep.Files,
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "%s: revision %s, digest %s\n", where, info.Revision, info.Digest)
		if err := rep.Pretty(stdout, f.verbose); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "coverage of %s:\n", where)
		for _, fc := range rep.Files {
			fmt.Fprintf(stdout, "  %6.1f%%  %s\n", fc.Coverage, fc.File)
			if f.verbose && len(fc.NotCovered) > 0 {
				fmt.Fprintf(stdout, "           not covered: lines %v\n", fc.NotCovered)
			}
		}
		fmt.Fprintf(stdout, "  %6.1f%%  total\n", rep.Coverage)
		fmt.Fprintf(stdout, "%d passed, %d failed", rep.Passed, rep.Failed)
		if rep.Skipped > 0 {
			fmt.Fprintf(stdout, ", %d skipped", rep.Skipped)
		}
		fmt.Fprintln(stdout)
	}
	switch {
	case rep.Failed > 0:
		return &exitError{code: exitFailure}
	case rep.Passed == 0:
		return &exitError{code: exitFailure, msg: "dsrkit test: no tests ran"}
	case rep.Coverage < f.minCov:
		return &exitError{code: exitFailure, msg: fmt.Sprintf("dsrkit test: coverage %.1f%% is below --coverage-min %.1f%%", rep.Coverage, f.minCov)}
	}
	return nil
}

// loadWithTests reads the policy decide loaded (pos: none for the
// embedded one, else a directory or a bundle, told apart as policy.WithDir
// tells them) again, with its tests.
func loadWithTests(pos []string) (*source.Sources, error) {
	if len(pos) == 0 {
		return source.Load(policy.Embedded(), true)
	}
	info, err := os.Stat(pos[0])
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return source.Load(os.DirFS(pos[0]), true)
	}
	file, err := os.Open(pos[0])
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return source.LoadBundle(file, true)
}
