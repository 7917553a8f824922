package policy

import (
	"context"
	"encoding/json"
	"os"
	"testing"
)

func BenchmarkZZCG(b *testing.B) {
	ctx := context.Background()
	name := os.Getenv("ZZ_CASE")
	if name == "" {
		name = "gpc-opt-out"
	}
	raw, _ := os.ReadFile("testdata/hotpath/" + name + ".json")
	opts := []Option{}
	if os.Getenv("ZZ_PLAIN") != "" {
		opts = append(opts, WithoutMemo())
	}
	eng, err := New(ctx, opts...)
	if err != nil {
		b.Fatal(err)
	}
	var variants [][]byte
	for i := range 5000 {
		var d map[string]any
		json.Unmarshal(raw, &d)
		d["business"].(map[string]any)["annual_revenue_usd"] = 30000000 + i
		v, _ := json.Marshal(d)
		variants = append(variants, v)
	}
	eng.Decide(ctx, variants[0])
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := eng.Decide(ctx, variants[1+i%4999]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkZZFloor(b *testing.B) {
	ctx := context.Background()
	raw, _ := os.ReadFile("testdata/hotpath/gpc-opt-out.json")
	eng, _ := New(ctx)
	out, _ := eng.Decide(ctx, raw)
	var d any
	json.Unmarshal(out, &d)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var r any
		json.Unmarshal(raw, &r)
		json.Marshal(d)
	}
}
