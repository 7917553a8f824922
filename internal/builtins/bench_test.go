package builtins

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// The calendar argument as a name costs a map lookup, as it always did; as
// an amended calendar it costs the lookup plus calendar.Calendar.With.
func BenchmarkCalendarName(b *testing.B) {
	t := ast.StringTerm("US-CA")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cal(t, 3); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCalendarAmended(b *testing.B) {
	t := ast.MustParseTerm(`{"name": "US-CA", "add": ["2026-12-24"], "remove": []}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cal(t, 3); err != nil {
			b.Fatal(err)
		}
	}
}

func benchEval(b *testing.B, query string) {
	ctx := context.Background()
	pq, err := rego.New(append([]func(*rego.Rego){rego.Query(query), rego.StrictBuiltinErrors(true)}, Options()...)...).PrepareForEval(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pq.Eval(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// CCPA acknowledgement: 10 business days, through a prepared Rego query.
func BenchmarkEvalAddBusinessDaysName(b *testing.B) {
	benchEval(b, `dsrkit.add_business_days("2026-11-20", 10, "US-CA")`)
}

func BenchmarkEvalAddBusinessDaysAmended(b *testing.B) {
	benchEval(b, `dsrkit.add_business_days("2026-11-20", 10, {"name": "US-CA", "add": ["2026-12-24"], "remove": []})`)
}
