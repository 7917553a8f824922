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

// Run runs every test of the policy in fsys whose name matches filter (a
// regular expression; "" runs all).
func Run(ctx context.Context, fsys fs.FS, filter string) (*Report, error) {
	src, err := source.Load(fsys, true)
	if err != nil {
		return nil, err
	}
	custom := make([]*tester.Builtin, 0, len(builtins.All()))
	for _, b := range builtins.All() {
		custom = append(custom, &tester.Builtin{Decl: b.Decl, Func: b.Impl})
	}
	cov := cover.New()
	compiler := ast.NewCompiler().WithCapabilities(builtins.Capabilities()).WithEnablePrintStatements(true)
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(inmem.NewFromObject(src.Data)).
		AddCustomBuiltins(custom).
		RaiseBuiltinErrors(true).
		CapturePrintOutput(true).
		SetCoverageQueryTracer(cov).
		Filter(filter).
		Run(ctx, src.Modules)
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
	policyModules := map[string]*ast.Module{}
	for name, m := range src.Modules {
		if !source.IsTest(name) {
			policyModules[name] = m
		}
	}
	cr := cov.Report(policyModules)
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
