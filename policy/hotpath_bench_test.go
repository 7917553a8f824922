package policy_test

// The hot path (issue 16): each request kind's decision through
// Engine.Decide, measured beside its JSON floor in the same run — the cost
// of unmarshalling the request and marshalling the decision it gets, which
// no engine can go below. Each iteration decides the request and then
// runs the floor once, timing both: "decide-ns/op" and "floor-ns/op" are
// their means and "×floor" their ratio, which holds whatever else the
// machine is doing (ns/op counts both):
//
//	go test ./policy -run '^$' -bench HotPath -count 6 | tee /tmp/hot.txt
//	benchstat -col /path /tmp/hot.txt   # or read ×floor directly

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

var hotPathCases = []string{"gpc-opt-out", "delete-10-items", "opt-in", "solicit-opt-in"}

// BenchmarkHotPath decides each case three ways: memo-hit (the engine has
// decided a request with the same facts before: each request is the case
// with its own id, evaluated up to an hour earlier the same day — and, for
// the GPC opt-out, received then, as the page views of one browser are), memo-miss (every request
// has facts the memos have not seen: 5,000 variants of the case, more than
// a memo holds, taken in turn) and no-memo (WithoutMemo).
func BenchmarkHotPath(b *testing.B) {
	ctx := context.Background()
	memo := engine(b)
	off, err := policy.New(ctx, policy.WithoutMemo())
	require.NoError(b, err)
	for _, name := range hotPathCases {
		req, err := os.ReadFile(filepath.Join("testdata", "hotpath", name+".json"))
		require.NoError(b, err)
		decision, err := memo.Decide(ctx, req)
		require.NoError(b, err)
		var d any
		require.NoError(b, json.Unmarshal(decision, &d))
		run := func(b *testing.B, eng *policy.Engine, next func(i int) []byte) {
			var decide, floor time.Duration
			i := 0
			for b.Loop() {
				t0 := time.Now()
				if _, err := eng.Decide(ctx, next(i)); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				jsonFloor(b, req, d)
				decide, floor = decide+t1.Sub(t0), floor+time.Since(t1)
				i++
			}
			b.ReportMetric(float64(decide.Nanoseconds())/float64(b.N), "decide-ns/op")
			b.ReportMetric(float64(floor.Nanoseconds())/float64(b.N), "floor-ns/op")
			b.ReportMetric(float64(decide)/float64(floor), "×floor")
		}
		same := func(int) []byte { return req }
		views := make([][]byte, 1000)
		for i := range views {
			views[i] = pageView(b, req, i)
		}
		b.Run(name+"/memo-hit", func(b *testing.B) { run(b, memo, func(i int) []byte { return views[i%len(views)] }) })
		var variants [][]byte
		k := 0 // counts across the framework's runs of the function below: no variant recurs within 4,096
		b.Run(name+"/memo-miss", func(b *testing.B) {
			if variants == nil {
				variants = make([][]byte, policy.DefaultMemoSize+904)
				for i := range variants {
					variants[i] = withRevenue(b, req, 30_000_000+i)
				}
				b.ResetTimer()
			}
			run(b, memo, func(int) []byte { k++; return variants[k%len(variants)] })
		})
		b.Run(name+"/no-memo", func(b *testing.B) { run(b, off, same) })
	}
}

// pageView is req as the engine sees it again: with its own id and as_of
// i seconds earlier (within the hour) and, for a signal (a GPC browser's
// page view), received then too.
func pageView(b *testing.B, req []byte, i int) []byte {
	var doc map[string]any
	require.NoError(b, json.Unmarshal(req, &doc))
	doc["id"] = fmt.Sprintf("%v-%d", doc["id"], i)
	fields := []string{"as_of"}
	if doc["signal"] != nil {
		fields = append(fields, "received_at")
	}
	for _, f := range fields {
		if s, ok := doc[f].(string); ok {
			at, err := time.Parse(time.RFC3339, s)
			require.NoError(b, err)
			doc[f] = at.Add(-time.Duration(i%3600) * time.Second).Format(time.RFC3339)
		}
	}
	out, err := json.Marshal(doc)
	require.NoError(b, err)
	return out
}

// withRevenue is req with another annual revenue: a fact every law's
// thresholds may read, so a new memo key.
func withRevenue(b *testing.B, req []byte, usd int) []byte {
	var doc map[string]any
	require.NoError(b, json.Unmarshal(req, &doc))
	doc["business"].(map[string]any)["annual_revenue_usd"] = usd
	out, err := json.Marshal(doc)
	require.NoError(b, err)
	return out
}

// jsonFloor unmarshals req and marshals decision, as generic values: the
// least any engine must do to answer a request.
func jsonFloor(b *testing.B, req []byte, decision any) {
	var r any
	if err := json.Unmarshal(req, &r); err != nil {
		b.Fatal(err)
	}
	if _, err := json.Marshal(decision); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLawCount decides the GPC opt-out and the 10-item delete under
// the shipped policy (21 laws) and under the same policy with only the six
// laws it started with (CCPA, VCDPA, CPA, CTDPA, UCPA, GDPR), interleaved
// in one run, with the memo and without: what the fifteen state laws cost a
// decision that none of them applies to.
//
//	go test ./policy -run '^$' -bench LawCount -count 6
func BenchmarkLawCount(b *testing.B) {
	ctx := context.Background()
	six := fstest.MapFS{}
	first := map[string]bool{"ccpa": true, "vcdpa": true, "cpa": true, "ctdpa": true, "ucpa": true, "gdpr": true, "schema": true}
	require.NoError(b, fsWalk(policy.Embedded(), func(path string, data []byte) {
		if dir, file := filepath.Split(path); dir != "laws/" || first[strings.TrimSuffix(strings.TrimSuffix(file, ".rego"), "_test")] {
			six[path] = &fstest.MapFile{Data: data}
		}
	}))
	engines := map[string]*policy.Engine{}
	for _, laws := range []string{"6-laws", "21-laws"} {
		for _, memo := range []string{"memo", "no-memo"} {
			opts := []policy.Option{}
			if laws == "6-laws" {
				opts = append(opts, policy.WithFS(six))
			}
			if memo == "no-memo" {
				opts = append(opts, policy.WithoutMemo())
			}
			eng, err := policy.New(ctx, opts...)
			require.NoError(b, err)
			engines[laws+"/"+memo] = eng
		}
	}
	for _, name := range []string{"gpc-opt-out", "delete-10-items"} {
		req, err := os.ReadFile(filepath.Join("testdata", "hotpath", name+".json"))
		require.NoError(b, err)
		for _, memo := range []string{"memo", "no-memo"} {
			for _, laws := range []string{"6-laws", "21-laws"} {
				eng := engines[laws+"/"+memo]
				b.Run(name+"/"+memo+"/"+laws, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := eng.Decide(ctx, req); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}
