package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A command that panics exits 1 ("could not decide"), never 2 (issue 13).
func TestPanicIsExitOneNeverTwo(t *testing.T) {
	commands = append(commands, &command{name: "boom", run: func(context.Context, []string, io.Reader, io.Writer, io.Writer) error {
		panic("boom")
	}})
	t.Cleanup(func() { commands = commands[:len(commands)-1] })
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"boom"}, strings.NewReader(""), &stdout, &stderr)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, stdout.String())
	assert.Contains(t, stderr.String(), "internal error (please report it): boom")
}

// Each request limit is a flag; a request over one is invalid (exit 2),
// naming the limit, and nothing is printed on stdout.
func TestLimitFlags(t *testing.T) {
	req := `{"kind":"opt_out","received_at":"2026-03-02","consumer":{"residence":"US-CA"},"scope":["sale","sharing"]}`
	code, stdout, stderr := dsrkit(t, req, "decide", "--max-array-items", "1", "-")
	assert.Equal(t, exitInvalid, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "/scope: 2 items; the limit is 1 (Limits.ArrayItems)")

	code, stdout, _ = dsrkit(t, req, "decide", "--max-array-items", "2", "-")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, `"outcome": "comply"`)

	code, stdout, _ = dsrkit(t, "", "help", "decide")
	require.Equal(t, exitOK, code)
	for _, f := range []string{"--max-request-bytes", "--max-data-items", "--max-exceptions-per-item", "--max-recipients", "--max-steps", "--max-disclosures", "--max-problems"} {
		assert.Contains(t, stdout, f)
	}
}
