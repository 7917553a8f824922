package policy

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

func BenchmarkZZParts(b *testing.B) {
	ctx := context.Background()
	name := os.Getenv("ZZ_CASE")
	if name == "" {
		name = "gpc-opt-out"
	}
	raw, _ := os.ReadFile("testdata/hotpath/" + name + ".json")
	e, err := New(ctx)
	if err != nil {
		b.Fatal(err)
	}
	p := e.cur.Load()
	doc, err := e.validate(raw, nil)
	if err != nil {
		b.Fatal(err)
	}
	kind := doc["kind"].(string)
	input, _ := p.input(doc)
	out, _ := e.Decide(ctx, raw)
	var dec map[string]any
	json.Unmarshal(out, &dec)
	b.Run("floor", func(b *testing.B) {
		for b.Loop() {
			var r any
			json.Unmarshal(raw, &r)
			json.Marshal(dec)
		}
	})
	b.Run("decide-miss", func(b *testing.B) {
		var vs [][]byte
		for i := range 5000 {
			var d map[string]any
			json.Unmarshal(raw, &d)
			d["business"].(map[string]any)["annual_revenue_usd"] = 40000000 + i
			v, _ := json.Marshal(d)
			vs = append(vs, v)
		}
		i := 0
		for b.Loop() {
			e.Decide(ctx, vs[i%5000])
			i++
		}
	})
	b.Run("validate", func(b *testing.B) {
		for b.Loop() {
			e.validate(raw, nil)
		}
	})
	b.Run("input", func(b *testing.B) {
		for b.Loop() {
			p.input(doc)
		}
	})
	if dm := p.decided[kind]; dm != nil {
		b.Run("decision-key", func(b *testing.B) {
			for b.Loop() {
				dm.keyOf(ctx, doc, input)
			}
		})
	}
	b.Run("appl-key", func(b *testing.B) {
		for b.Loop() {
			p.memo.keyOf(ctx, doc, input)
		}
	})
	b.Run("eval", func(b *testing.B) {
		for b.Loop() {
			p.queries[kind].Eval(ctx, rego.EvalParsedInput(input))
		}
	})
	b.Run("eval-laws", func(b *testing.B) {
		for b.Loop() {
			p.queries[lawsQuery].Eval(ctx, rego.EvalParsedInput(input))
		}
	})
	rs, _ := p.queries[kind].Eval(ctx, rego.EvalParsedInput(input))
	d := rs[0].Expressions[0].Value.(map[string]any)
	b.Run("laws-marshal", func(b *testing.B) {
		for b.Loop() {
			p.writtenLaws(d["laws"], e.checkLawResults)
		}
	})
	d2 := map[string]any{}
	for k, v := range d {
		d2[k] = v
	}
	d2["laws"] = []any{}
	d2["policy"] = p.infoDoc
	b.Run("schema", func(b *testing.B) {
		for b.Loop() {
			e.schemas.Decision(d2)
		}
	})
	b.Run("encode", func(b *testing.B) {
		for b.Loop() {
			f, _ := encodeFields(d)
			writeOrdered(f)
		}
	})
	_ = ast.NewObject
}
