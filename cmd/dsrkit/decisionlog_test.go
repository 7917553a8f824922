package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/audit"
)

// TestDecideDecisionLog: decide --decision-log appends one audit record per
// decision (here three lines of --jsonl), the consumer as the keyed hash of
// --consumer-id; the decisions on stdout are those without the log.
func TestDecideDecisionLog(t *testing.T) {
	dir := t.TempDir()
	logFile, keyFile := filepath.Join(dir, "decisions.jsonl"), filepath.Join(dir, "key")
	require.NoError(t, os.WriteFile(keyFile, []byte("the host's secret key\n"), 0o600))
	req, err := os.ReadFile(example)
	require.NoError(t, err)
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, req))
	lines := strings.Repeat(compact.String()+"\n", 3)

	code, out, stderr := dsrkit(t, lines, "decide", "--jsonl", "--decision-log", logFile, "--decision-log-key-file", keyFile, "--consumer-id", "ana@example.com", "-")
	require.Equal(t, exitOK, code, stderr)
	require.Empty(t, stderr)
	_, plain, _ := dsrkit(t, lines, "decide", "--jsonl", "-")
	require.Equal(t, plain, out)

	b, err := os.ReadFile(logFile)
	require.NoError(t, err)
	recs := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	require.Len(t, recs, 3)
	hash := audit.ConsumerHash([]byte("the host's secret key"), "ana@example.com")
	for _, line := range recs {
		var r audit.Record
		require.NoError(t, json.Unmarshal([]byte(line), &r))
		require.Equal(t, "req-2026-0142", r.RequestID)
		require.Equal(t, hash, r.Consumer)
		require.Equal(t, "2027-01-04", r.RespondBy)
	}
	require.NotContains(t, string(b), "ana@example.com")
	info, err := os.Stat(logFile)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	code, _, stderr = dsrkit(t, "", "decide", "--decision-log", logFile, "--consumer-id", "ana@example.com", example)
	require.Equal(t, exitFailure, code)
	require.Contains(t, stderr, "--consumer-id: needs --decision-log-key-file")
	code, _, stderr = dsrkit(t, "", "decide", "--consumer-id", "ana@example.com", example)
	require.Equal(t, exitFailure, code)
	require.Contains(t, stderr, "--decision-log-key-file and --consumer-id: only with --decision-log")
}
