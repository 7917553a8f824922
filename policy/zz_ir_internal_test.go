package policy

import (
	"context"
	"os"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
)

//go:noinline
func zzLoop(n int, f func()) {
	for range n {
		f()
	}
}

func TestZZIr(t *testing.T) {
	name := os.Getenv("ZZ_IR")
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
	doc, _ := e.validate(raw, nil)
	input, _ := p.input(doc)
	q := p.queries[doc["kind"].(string)]
	if os.Getenv("ZZ_LAWS") != "" {
		q = p.queries[lawsQuery]
	}
	q.Eval(ctx, rego.EvalParsedInput(input))
	zzLoop(20, func() { q.Eval(ctx, rego.EvalParsedInput(input)) })
}
