package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

// sidecar is a running `opa run --server` of this module's opa.
type sidecar struct {
	url string
}

// startSidecar builds this module's opa, runs `opa run --server` on the
// shipped policy at 127.0.0.1 on a free port, waits until it is healthy, and
// stops it when the test ends.
func startSidecar(t testing.TB) *sidecar {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "opa")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run(), "go build")

	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())

	var logs bytes.Buffer
	srv := exec.Command(bin, "run", "--server", "--skip-version-check", "--disable-telemetry",
		"--addr", addr, "--log-level", "error", "--bundle", filepath.Join("..", "..", "policy", "rego"))
	srv.Stdout, srv.Stderr = &logs, &logs
	require.NoError(t, srv.Start())
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	t.Cleanup(func() {
		_ = srv.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = srv.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("opa run --server output:\n%s", logs.String())
		}
	})

	s := &sidecar{url: "http://" + addr}
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case err := <-exited:
			t.Fatalf("opa run --server exited: %v\n%s", err, logs.String())
		default:
		}
		resp, err := http.Get(s.url + "/health?bundles=true")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("opa run --server not healthy after 60 s: %v\n%s", err, logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// post posts a request document as input to a data path (with its query)
// and returns the status and the decoded answer.
func (s *sidecar) post(t *testing.T, path string, request map[string]any) (int, map[string]any) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"input": request})
	require.NoError(t, err)
	resp, err := http.Post(s.url+path, "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var answer map[string]any
	require.NoError(t, json.Unmarshal(b, &answer), string(b))
	return resp.StatusCode, answer
}

func readRequest(t *testing.T, edits map[string]any) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "requests", "ccpa-delete.json"))
	require.NoError(t, err)
	var req map[string]any
	require.NoError(t, json.Unmarshal(b, &req))
	for k, v := range edits {
		if k == "business.calendar" {
			req["business"].(map[string]any)["calendar"] = v
			continue
		}
		req[k] = v
	}
	return req
}

// TestSidecar: the sidecar never serves a decision with a date it could not
// compute. A request received in 2050 (outside the calendars) or naming an
// unknown calendar is HTTP 500 with the built-in's error — by default, and
// also when the caller asks for ?strict-builtin-errors=false — where stock
// OPA answered HTTP 200 with a full decision and "acknowledge_by": null. A
// good request is the decision the Go engine makes, apart from its policy
// block.
func TestSidecar(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs opa run --server")
	}
	s := startSidecar(t)
	const decision = "/v1/data/dsrkit/delete/decision"

	for name, c := range map[string]struct {
		edits map[string]any
		msg   string
	}{
		"received in 2050": {
			map[string]any{"received_at": "2050-11-20T16:45:00-08:00", "as_of": "2050-11-23T09:00:00-08:00"},
			`dsrkit.add_business_days: calendar: add_business_days: "2050-11-20": year out of supported range (2018-2040)`,
		},
		"unknown calendar": {
			map[string]any{"business.calendar": "XX-NOPE"},
			`dsrkit.add_business_days: calendar: lookup: "XX-NOPE": unknown calendar`,
		},
	} {
		for _, query := range []string{"", "?strict-builtin-errors=false", "?strict-builtin-errors=true"} {
			t.Run(name+query, func(t *testing.T) {
				status, answer := s.post(t, decision+query, readRequest(t, c.edits))
				assert.Equal(t, http.StatusInternalServerError, status)
				assert.NotContains(t, answer, "result")
				assert.Equal(t, "internal_error", answer["code"])
				errs, _ := answer["errors"].([]any)
				require.NotEmpty(t, errs, answer)
				first := errs[0].(map[string]any)
				assert.Equal(t, "eval_builtin_error", first["code"])
				assert.Equal(t, c.msg, first["message"])
			})
		}
	}

	t.Run("a good request", func(t *testing.T) {
		req := readRequest(t, nil)
		status, answer := s.post(t, decision, req)
		require.Equal(t, http.StatusOK, status, answer)
		got, ok := answer["result"].(map[string]any)
		require.True(t, ok, "a result: %v", answer)

		eng, err := policy.New(context.Background())
		require.NoError(t, err)
		b, err := json.Marshal(req)
		require.NoError(t, err)
		out, err := eng.Decide(context.Background(), b)
		require.NoError(t, err)
		var want map[string]any
		require.NoError(t, json.Unmarshal(out, &want))
		delete(want, "policy")
		// rule_id and position are given by dsrkit's engine when it
		// compiles the policy; stock opa run does not add them.
		assert.Equal(t, withoutRuleRefs(want), got)
		assert.Equal(t, "2026-12-07", got["deadlines"].(map[string]any)["acknowledge_by"], fmt.Sprint(got["deadlines"]))
	})
}

// withoutRuleRefs is a decision without the rule_id and position fields.
func withoutRuleRefs(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			if k != "rule_id" && k != "position" {
				out[k] = withoutRuleRefs(x)
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = withoutRuleRefs(x)
		}
		return out
	}
	return v
}
