package policy_test

import (
	"context"
	"testing"

	"github.com/dsrkit/dsrkit/policy"
)

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := policy.New(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecideCCPA is one CCPA delete request from JSON to a validated
// decision document: schema check, Rego evaluation with the date builtins,
// decision check.
func BenchmarkDecideCCPA(b *testing.B) {
	eng := engine(b)
	req := []byte(caRequest)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := eng.Decide(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecideCCPAParallel(b *testing.B) {
	eng := engine(b)
	req := []byte(caRequest)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := eng.Decide(context.Background(), req); err != nil {
				b.Fatal(err)
			}
		}
	})
}
