// Package regotest runs a dsrkit policy's Rego unit tests (*_test.rego)
// through OPA's test runner with dsrkit's built-ins registered, and measures
// the coverage of the policy's rules.
package regotest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"

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
	// Failure is, for a failing test run with Options.Explain, the
	// expression that failed with the values of its variables, as
	// `opa test --var-values` prints it ("file:line:" then the expression
	// and one line per variable).
	Failure string `json:"failure,omitempty"`
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

	raw []*tester.Result // OPA's results, in the order of Results, for OPA's reporters
}

// Options adjust a run.
type Options struct {
	// Filter is a regular expression; only the tests whose name matches it
	// run ("" runs all).
	Filter string
	// Coverage measures which lines of the policy's (non-test) modules the
	// tests evaluate, into Report.Coverage and Report.Files.
	Coverage bool
	// Explain runs each failing test a second time with tracing on (OPA's
	// runner cannot trace and measure coverage in one run) and keeps the
	// trace, so that Result.Failure and Report.Pretty show the failing
	// expression and its values.
	Explain bool
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
	runner := newRunner(src).Filter(opts.Filter)
	var cov *cover.Cover
	if opts.Coverage {
		cov = cover.New()
		// OPA's runner evaluates every test twice more by default, with
		// rule indexing and early exit off, only to label the lines not
		// covered with the optimisation that hid them; the report gives
		// the lines, not the labels, so those passes are skipped.
		runner = runner.SetCoverageQueryTracer(cov).SetCoverageRuns([]cover.Kind{})
	}
	ch, err := runner.Run(ctx, src.Modules)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	for r := range ch {
		rep.raw = append(rep.raw, r)
	}
	if opts.Explain {
		if err := rep.explain(ctx, src); err != nil {
			return nil, err
		}
	}
	for _, r := range rep.raw {
		res := Result{
			Package:  r.Package,
			Name:     r.Name,
			Location: r.Location.String(),
			Passed:   r.Pass(),
			Skipped:  r.Skip,
			Output:   string(r.Output),
			Duration: r.Duration,
			Failure:  failure(r.Trace),
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

// testTimeout bounds one Rego test. OPA's default, 5 s, is tripped by the
// tests that judge every basis under every law on a loaded 2-core machine.
const testTimeout = time.Minute

// newRunner is OPA's test runner over src with dsrkit's built-ins, its
// sandbox and strict built-in errors, as the engine evaluates. Its compiler
// does not run package ruleref's stage: the Rego tests see what stock
// `opa test` shows them (reasons, notices and escalations without rule_id
// and position), so a test passes or fails the same under both runners
// and never depends on an id. The engine's compiler gives the ids; dsrkit
// test loads the policy through policy.New first, which refuses two
// definitions with one id.
func newRunner(src *source.Sources) *tester.Runner {
	custom := make([]*tester.Builtin, 0, len(builtins.All()))
	for _, b := range builtins.All() {
		custom = append(custom, &tester.Builtin{Decl: b.Decl, Func: b.Impl})
	}
	compiler := ast.NewCompiler().WithCapabilities(builtins.Capabilities()).WithEnablePrintStatements(true)
	return tester.NewRunner().
		SetTimeout(testTimeout).
		SetCompiler(compiler).
		SetStore(inmem.NewFromObject(src.Data)).
		AddCustomBuiltins(custom).
		RaiseBuiltinErrors(true).
		CapturePrintOutput(true)
}

// explain runs the failing tests again with tracing on and puts their
// traced results in place of the first ones.
func (r *Report) explain(ctx context.Context, src *source.Sources) error {
	var names []string
	for _, res := range r.raw {
		if res.Fail && !res.Skip {
			names = append(names, regexp.QuoteMeta(res.Package+"."+res.Name))
		}
	}
	if len(names) == 0 {
		return nil
	}
	ch, err := newRunner(src).EnableTracing(true).Filter("^("+strings.Join(names, "|")+")$").Run(ctx, src.Modules)
	if err != nil {
		return err
	}
	traced := map[string]*tester.Result{}
	for res := range ch {
		traced[res.Package+"."+res.Name] = res
	}
	for i, res := range r.raw {
		if t, ok := traced[res.Package+"."+res.Name]; ok && res.Fail && t.Fail {
			r.raw[i] = t
		}
	}
	return nil
}

// failure is the expression at which a traced test failed, with the values
// of its variables, as OPA's PrettyReporter prints it with FailureLine and
// LocalVars (`opa test --var-values`): the last failure event of the
// test's own queries, looking into the body of an every.
func failure(trace []*topdown.Event) string {
	for _, e := range slices.Backward(trace) {
		if e.Op != topdown.FailOp || e.Location == nil || e.QueryID == 0 {
			continue
		}
		if expr, ok := e.Node.(*ast.Expr); ok {
			if _, every := expr.Terms.(*ast.Every); every {
				continue
			}
		}
		var b bytes.Buffer
		if err := topdown.PrettyEvent(&b, e, topdown.PrettyEventOpts{PrettyVars: true}); err != nil {
			return fmt.Sprintf("%s:%d: %v", e.Location.File, e.Location.Row, err)
		}
		return fmt.Sprintf("%s:%d:\n%s", e.Location.File, e.Location.Row, dedent(b.String(), "  "))
	}
	return ""
}

// dedent removes the leading white space the lines of s share (PrettyEvent
// pads them to a column, and keeps the indentation of the source) and
// indents them by prefix; the columns of the "|" markers under the
// variables are kept.
func dedent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	common, first := "", true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		lead := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first {
			common, first = lead, false
			continue
		}
		for !strings.HasPrefix(lead, common) {
			common = common[:len(common)-1]
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(prefix+strings.TrimPrefix(l, common), " \t")
	}
	return strings.Join(lines, "\n")
}

// Pretty writes the results as `opa test` does, with OPA's own
// PrettyReporter: each failing test (each test, when verbose), its print
// output, then a FAILURES section with, for a run with Options.Explain,
// the failing expression and the values of its variables (and, when
// verbose, the whole trace), then the PASS/FAIL counts.
func (r *Report) Pretty(w io.Writer, verbose bool) error {
	return tester.PrettyReporter{Output: w, Verbose: verbose, FailureLine: true, LocalVars: true}.Report(r.channel(false))
}

// JSON writes the results as `opa test --format json` does, with OPA's
// JSONReporter: an array of result objects (location, package, name,
// fail, skip, error, duration, output), without traces.
func (r *Report) JSON(w io.Writer) error {
	return tester.JSONReporter{Output: w}.Report(r.channel(true))
}

func (r *Report) channel(withoutTrace bool) chan *tester.Result {
	ch := make(chan *tester.Result, len(r.raw))
	for _, res := range r.raw {
		if withoutTrace && res.Trace != nil {
			c := *res
			c.Trace = nil
			res = &c
		}
		ch <- res
	}
	close(ch)
	return ch
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
