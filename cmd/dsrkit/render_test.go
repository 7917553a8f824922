package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runRender(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"render"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const fullDeletion = "../../testdata/cases/ccpa-full-deletion/"

// The CLI writes the golden letters: the playbook's organisation and its
// directive_confirmation (15 days) reach the documents.
func TestRenderWritesTheGoldenLetters(t *testing.T) {
	for _, format := range []string{"text", "html"} {
		dir := t.TempDir()
		code, stdout, stderr := runRender(t, "", "--playbook", "../../letters/testdata/playbook.yaml", "--format", format, "--out", dir,
			fullDeletion+"decision.json", "--request", fullDeletion+"request.json")
		require.Equal(t, 0, code, stderr)
		ext := map[string]string{"text": ".txt", "html": ".html"}[format]
		names := []string{"deletion_confirmation" + ext, "directive-sp-mail" + ext}
		assert.Equal(t, filepath.Join(dir, names[0])+"\n"+filepath.Join(dir, names[1])+"\n", stdout)
		for _, n := range names {
			got, err := os.ReadFile(filepath.Join(dir, n))
			require.NoError(t, err)
			want, err := os.ReadFile(filepath.Join("../../letters/testdata/golden/ccpa-full-deletion", n))
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got), n)
		}
	}
}

func TestRenderToStandardOutput(t *testing.T) {
	decision, err := os.ReadFile(fullDeletion + "decision.json")
	require.NoError(t, err)
	code, stdout, stderr := runRender(t, string(decision), "-", "--consumer-ref", "c0ffee", "--date", "2026-03-21")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "==> deletion_confirmation.txt <==\n[ORGANIZATION NAME]\n[ADDRESS]\n\nDate: 2026-03-21\n"), stdout)
	assert.Contains(t, stdout, "\n==> directive-sp-mail.txt <==\n")
	assert.Contains(t, stdout, "\nConsumer Identifier: c0ffee\n")
	assert.Contains(t, stdout, "\n  [ ] Confirm deletion within 15 calendar days, by 2026-03-25\n")
}

func TestRenderErrors(t *testing.T) {
	bad := t.TempDir()
	sub, err := os.ReadDir("../../letters/templates")
	require.NoError(t, err)
	for _, e := range sub {
		b, err := os.ReadFile(filepath.Join("../../letters/templates", e.Name()))
		require.NoError(t, err)
		if e.Name() == "extension_notice.txt" {
			b = []byte("{{.decision.deadlines.respnd_by}}\n")
		}
		require.NoError(t, os.WriteFile(filepath.Join(bad, e.Name()), b, 0o644))
	}
	invalid := filepath.Join(t.TempDir(), "d.json")
	require.NoError(t, os.WriteFile(invalid, []byte(`{"kind": "delete", "outcome": "shred"}`), 0o644))

	code, stdout, stderr := runRender(t, "", "--templates", bad, fullDeletion+"decision.json")
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, `extension_notice.txt:1:11: decision.deadlines has no field "respnd_by"`)

	code, stdout, stderr = runRender(t, "", invalid)
	assert.Equal(t, 2, code)
	assert.Empty(t, stdout)
	assert.True(t, strings.HasPrefix(stderr, "dsrkit render: invalid decision:\n  "), stderr)
	assert.Contains(t, stderr, "/outcome")

	code, _, stderr = runRender(t, "", "--format", "pdf", fullDeletion+"decision.json")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, `dsrkit render: --format: "pdf" is not text or html`)

	code, _, stderr = runRender(t, "", fullDeletion+"decision.json", "--request", "../../testdata/cases/vcdpa-delete/request.json")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `/id: the request "vcdpa-delete" is not the one decided (request_id "full")`)
}
