// Package regotest runs a dsrkit policy's Rego unit tests (*_test.rego)
// through OPA's test runner with dsrkit's built-ins registered, and measures
// the coverage of the policy's rules.
package regotest

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/dsrkit/dsrkit/internal/builtins"
	"github.com/dsrkit/dsrkit/internal/source"
)

// Result is the outcome of one Rego test.
type Result struct {
	Package  string        `json:"package"`
	Name     string        `json:"name"`
	Location string        `json:"location"`
	Passed   bool          `json:"passed"`
	Skipped  bool          `json:"skipped,omitempty"`
	Error    string        `json:"error,omitempty"`
	Output   string        `json:"output,omitempty"`
	Duration time.Duration `json:"duration"`
}

// FileCoverage is the coverage of one policy file.
type FileCoverage struct {
	File       string   `json:"file"`
	Coverage   float64  `json:"coverage"`
	NotCovered []string `json:"not_covered,omitempty"` // line ranges, e.g. "12-14"
}

// Report is the outcome of a run.
type Report struct {
	Results  []Result       `json:"results"`
	Passed   int            `json:"passed"`
	Failed   int            `json:"failed"`
	Skipped  int            `json:"skipped"`
	Coverage float64        `json:"coverage"` // percent of the policy's (non-test) lines
	Files    []FileCoverage `json:"files"`
}

// Options adjust a run.
type Options struct {
	// Filter is a regular expression; only the tests whose name matches it
	// run ("" runs all).
	Filter string
	// Coverage measures which lines of the policy's (non-test) modules the
	// tests evaluate, into Report.Coverage and Report.Files.
	Coverage bool
}

// Run runs every test of the policy in fsys whose name matches filter (a
// regular expression; "" runs all) and measures coverage.
func Run(ctx context.Context, fsys fs.FS, filter string) (*Report, error) {
	src, err := source.Load(fsys, true)
	if err != nil {
		return nil, err
	}
	return RunSources(ctx, src, Options{Filter: filter, Coverage: true})
}

// RunSources runs the tests of a policy already read (with its tests) by
// package source, from a directory or a bundle. A test module that does not
// compile is an error (ast.Errors, each with its file, line and column); a
// failing test is a Result with Passed false. A policy without tests gives
// an empty report. It does not modify src.
func RunSources(ctx context.Context, src *source.Sources, opts Options) (*Report, error) {
	custom := make([]*tester.Builtin, 0, len(builtins.All()))
	for _, b := range builtins.All() {
		custom = append(custom, &tester.Builtin{Decl: b.Decl, Func: b.Impl})
	}
	compiler := ast.NewCompiler().WithCapabilities(builtins.Capabilities()).WithEnablePrintStatements(true)
	runner := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(inmem.NewFromObject(src.Data)).
		AddCustomBuiltins(custom).
		RaiseBuiltinErrors(true).
		CapturePrintOutput(true).
		Filter(opts.Filter)
	var cov *cover.Cover
	if opts.Coverage {
		cov = cover.New()
		runner = runner.SetCoverageQueryTracer(cov)
	}
	ch, err := runner.Run(ctx, src.Modules)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	for r := range ch {
		res := Result{
			Package:  r.Package,
			Name:     r.Name,
			Location: r.Location.String(),
			Passed:   r.Pass(),
			Skipped:  r.Skip,
			Output:   string(r.Output),
			Duration: r.Duration,
		}
		if r.Error != nil {
			res.Error = r.Error.Error()
		}
		switch {
		case r.Skip:
			rep.Skipped++
		case r.Pass():
			rep.Passed++
		default:
			rep.Failed++
		}
		rep.Results = append(rep.Results, res)
	}
	if cov == nil {
		return rep, nil
	}
	cr := cov.Report(src.Policy())
	covered, notCovered := 0, 0
	for _, name := range slices.Sorted(maps.Keys(cr.Files)) {
		f := cr.Files[name]
		if source.IsTest(name) {
			continue
		}
		covered, notCovered = covered+f.CoveredLines, notCovered+f.NotCoveredLines
		fc := FileCoverage{File: name, Coverage: f.Coverage}
		for _, r := range f.NotCovered {
			if l := lines(r); !slices.Contains(fc.NotCovered, l) {
				fc.NotCovered = append(fc.NotCovered, l)
			}
		}
		rep.Files = append(rep.Files, fc)
	}
	if total := covered + notCovered; total > 0 {
		rep.Coverage = 100 * float64(covered) / float64(total)
	}
	return rep, nil
}

func lines(r cover.Range) string {
	if r.Start.Row == r.End.Row {
		return fmt.Sprint(r.Start.Row)
	}
	return fmt.Sprintf("%d-%d", r.Start.Row, r.End.Row)
}

// Failures returns the results of the tests that failed.
func (r *Report) Failures() []Result {
	var out []Result
	for _, res := range r.Results {
		if !res.Passed && !res.Skipped {
			out = append(out, res)
		}
	}
	return out
}
