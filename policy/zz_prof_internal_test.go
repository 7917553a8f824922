package policy

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"
)

func TestZZProf(t *testing.T) {
	name := os.Getenv("ZZ_REQ")
	if name == "" {
		t.Skip()
	}
	ctx := context.Background()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := e.cur.Load()
	raw, _ := os.ReadFile("testdata/hotpath/" + name + ".json")
	doc, err := e.validate(raw, nil)
	if err != nil {
		t.Fatal(err)
	}
	input, _ := p.input(doc)
	kind := doc["kind"].(string)
	if os.Getenv("ZZ_LAWS") != "" {
		kind = lawsQuery
	}
	prof := profiler.New()
	const n = 30
	for range n {
		if _, err := p.queries[kind].Eval(ctx, rego.EvalParsedInput(input), rego.EvalQueryTracer(prof)); err != nil {
			t.Fatal(err)
		}
	}
	rs := prof.ReportTopNResults(2000, []string{"total_time_ns"})
	byFile := map[string]float64{}
	for _, r := range rs {
		byFile[r.Location.File] += float64(r.ExprTimeNs) / n / 1000
	}
	var files []string
	for f := range byFile {
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return byFile[files[i]] > byFile[files[j]] })
	for _, f := range files {
		fmt.Printf("%9.1fµs %s\n", byFile[f], f)
	}
	top := 60
	if len(rs) < top {
		top = len(rs)
	}
	for _, r := range rs[:top] {
		fmt.Printf("%8.1fµs %5d %5d %s\n", float64(r.ExprTimeNs)/n/1000, r.NumEval/n, r.NumRedo/n, r.Location)
	}
}
