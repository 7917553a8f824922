package main

// Throughput of `dsrkit decide --jsonl` on a mixed corpus (issue 16): a
// website's day — most requests are GPC opt-outs from a few states, each
// with its own id and instant — with deletes, opt-ins and solicitations
// among them. It reports decisions/s; run it as
//
//	go test ./cmd/dsrkit -run '^$' -bench JSONL -benchtime 1x -count 3
//
// and the command itself, for its peak memory, with
//
//	DSRKIT_CORPUS=/tmp/corpus.jsonl go test ./cmd/dsrkit -run TestMixedCorpusDecides
//	go build -o /tmp/dsrkit ./cmd/dsrkit
//	/usr/bin/time -v /tmp/dsrkit decide --jsonl /tmp/corpus.jsonl >/dev/null

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// mixedCorpus is n requests, one per line: of every 20, 14 GPC opt-outs
// (residence, minute and id varying), 3 deletes with 10 items, 2 opt-ins
// and 1 solicitation.
func mixedCorpus(t testing.TB, n int) []byte {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "..", "policy", "testdata", "hotpath", name+".json"))
		require.NoError(t, err)
		return strings.Join(strings.Fields(string(b)), " ")
	}
	gpc, del, optIn, solicit := read("gpc-opt-out"), read("delete-10-items"), read("opt-in"), read("solicit-opt-in")
	states := []string{"US-CA", "US-CO", "US-CT", "US-VA", "US-TX", "US-OR", "US-NJ", "US-NY"}
	var buf bytes.Buffer
	for i := range n {
		var line string
		switch k := i % 20; {
		case k < 14:
			line = strings.Replace(gpc, `"US-CA"`, `"`+states[i%len(states)]+`"`, 1)
			line = strings.Replace(line, `"2026-12-18T16:00:00-08:00", "as_of": "2026-12-18T16:00:00-08:00"`,
				fmt.Sprintf(`"2026-12-18T16:%02d:%02d-08:00"`, i/60%60, i%60), 1)
		case k < 17:
			line = del
		case k < 19:
			line = optIn
		default:
			line = solicit
		}
		line = strings.Replace(line, `"id": "bench-`, fmt.Sprintf(`"id": "%d-bench-`, i), 1)
		buf.WriteString(line)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func BenchmarkJSONL(b *testing.B) {
	corpus := mixedCorpus(b, 20_000)
	for b.Loop() {
		var stderr bytes.Buffer
		start := time.Now()
		code := run(context.Background(), []string{"decide", "--jsonl", "-"}, bytes.NewReader(corpus), io.Discard, &stderr)
		require.Equal(b, 0, code, stderr.String())
		b.ReportMetric(20_000/time.Since(start).Seconds(), "decisions/s")
	}
}

// The corpus is what it says: every line decides. With DSRKIT_CORPUS set,
// the 20,000-line corpus is written there.
func TestMixedCorpusDecides(t *testing.T) {
	if path := os.Getenv("DSRKIT_CORPUS"); path != "" {
		require.NoError(t, os.WriteFile(path, mixedCorpus(t, 20_000), 0o644))
	}
	corpus := mixedCorpus(t, 40)
	var out, stderr bytes.Buffer
	require.Equal(t, 0, run(context.Background(), []string{"decide", "--jsonl", "-"}, bytes.NewReader(corpus), &out, &stderr), stderr.String())
	require.Equal(t, 40, bytes.Count(out.Bytes(), []byte("\n")))
	require.NotContains(t, out.String(), `"error"`)
}
