package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dsrkit/dsrkit/policy"
)

var (
	fuzzEngineOnce sync.Once
	fuzzEngine     *policy.Engine
	fuzzEngineErr  error
)

// FuzzJSONL feeds arbitrary bytes to decide --jsonl's framing: every line
// that is not blank, and only those, gets exactly one answer, in input
// order, carrying its physical line number when it is an error object; a
// line longer than the limit is an error for that line only. Seeds: golden
// requests joined by newlines, blank lines, CRLF, a line over the limit.
//
//	go test ./cmd/dsrkit -run '^$' -fuzz FuzzJSONL -fuzztime 5m
func FuzzJSONL(f *testing.F) {
	dirs, _ := filepath.Glob("../../testdata/cases/*/request.json")
	var lines []string
	for _, p := range dirs[:min(6, len(dirs))] {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		var buf bytes.Buffer
		if err := json.Compact(&buf, b); err != nil {
			f.Fatal(err)
		}
		lines = append(lines, buf.String())
	}
	f.Add([]byte(strings.Join(lines, "\n")))
	f.Add([]byte(lines[0] + "\r\n\r\n" + lines[1] + "\n\n\n"))
	f.Add([]byte("{\n}\n" + strings.Repeat("x", 300) + "\n" + lines[0]))
	f.Add([]byte("\n \t\n{\"kind\":\"delete\"}"))

	defer func(n int) { maxLine = n }(maxLine)
	maxLine = 256
	f.Fuzz(func(t *testing.T, in []byte) {
		fuzzEngineOnce.Do(func() { fuzzEngine, fuzzEngineErr = policy.New(context.Background()) })
		if fuzzEngineErr != nil {
			t.Fatal(fuzzEngineErr)
		}
		var want []int // the physical numbers of the lines that get an answer
		for i, l := range bytes.Split(in, []byte("\n")) {
			if len(l) > maxLine+1 || len(bytes.TrimSpace(l)) > 0 {
				want = append(want, i+1)
			}
		}
		var out, stderr bytes.Buffer
		s := &streamer{eng: fuzzEngine, f: &decideFlags{timeout: defaultTimeout, limits: policy.DefaultLimits()}, workers: 2, window: 4, stderr: &stderr}
		_ = s.run(context.Background(), bytes.NewReader(in), &out)

		sc := bufio.NewScanner(&out)
		sc.Buffer(nil, 64<<20)
		got := 0
		for sc.Scan() {
			var a struct {
				Line *int `json:"line"`
			}
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatalf("answer %d is not JSON: %v", got+1, err)
			}
			if got >= len(want) {
				t.Fatalf("more answers than lines to answer (%d)", len(want))
			}
			if a.Line != nil && *a.Line != want[got] {
				t.Fatalf("answer %d names line %d, want %d", got+1, *a.Line, want[got])
			}
			got++
		}
		if got != len(want) {
			t.Fatalf("%d answers for %d lines to answer", got, len(want))
		}
	})
}
