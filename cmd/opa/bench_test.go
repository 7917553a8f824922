package main

// Embedded against the sidecar (issue 16): the same policy decides the
// same request in the Go engine and behind `opa run --server` on
// loopback. Each iteration makes all three calls — the engine with its
// memo, the engine without it, an HTTP POST to the sidecar (one kept-alive
// connection) — timing each, and reports their means and the sidecar's
// ratio to each, so that the ratios hold whatever else the machine does:
//
//	(cd cmd/opa && go test -run '^$' -bench Sidecar -benchtime 200x -count 3)

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

func BenchmarkEmbeddedVsSidecar(b *testing.B) {
	s := startSidecar(b)
	ctx := context.Background()
	memo, err := policy.New(ctx)
	require.NoError(b, err)
	plain, err := policy.New(ctx, policy.WithoutMemo())
	require.NoError(b, err)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
	for _, name := range []string{"gpc-opt-out", "delete-10-items", "opt-in", "solicit-opt-in"} {
		req, err := os.ReadFile(filepath.Join("..", "..", "policy", "testdata", "hotpath", name+".json"))
		require.NoError(b, err)
		var doc map[string]any
		require.NoError(b, json.Unmarshal(req, &doc))
		body, err := json.Marshal(map[string]any{"input": doc})
		require.NoError(b, err)
		path := s.url + "/v1/data/dsrkit/" + doc["kind"].(string) + "/decision"
		post := func() {
			resp, err := client.Post(path, "application/json", bytes.NewReader(body))
			require.NoError(b, err)
			out, err := io.ReadAll(resp.Body)
			require.NoError(b, err)
			resp.Body.Close()
			require.Equal(b, http.StatusOK, resp.StatusCode, string(out))
		}
		decide := func(eng *policy.Engine) {
			if _, err := eng.Decide(ctx, req); err != nil {
				b.Fatal(err)
			}
		}
		post()
		decide(memo)
		b.Run(name, func(b *testing.B) {
			var tm, tp, ts time.Duration
			for b.Loop() {
				t0 := time.Now()
				decide(memo)
				t1 := time.Now()
				decide(plain)
				t2 := time.Now()
				post()
				tm, tp, ts = tm+t1.Sub(t0), tp+t2.Sub(t1), ts+time.Since(t2)
			}
			n := float64(b.N)
			b.ReportMetric(float64(tm.Nanoseconds())/n, "embedded-ns/op")
			b.ReportMetric(float64(tp.Nanoseconds())/n, "embedded-no-memo-ns/op")
			b.ReportMetric(float64(ts.Nanoseconds())/n, "sidecar-ns/op")
			b.ReportMetric(float64(ts)/float64(tm), "sidecar/embedded")
			b.ReportMetric(float64(ts)/float64(tp), "sidecar/no-memo")
		})
	}
}
