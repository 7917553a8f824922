package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

const corpus = "../../testdata/cases"

// policyCopy writes the embedded policy into a temporary directory with, in
// file, the one occurrence of old replaced by repl.
func policyCopy(t *testing.T, file, old, repl string) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, policy.Embedded()))
	if file != "" {
		path := filepath.Join(dir, filepath.FromSlash(file))
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		require.Equal(t, 1, strings.Count(string(b), old), "%s no longer holds %q once: update the test", file, old)
		require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(b), old, repl, 1)), 0o644))
	}
	return dir
}

// ccpa46Policy is the embedded policy with the CCPA period to respond to a
// request to delete lengthened from 45 to 46 days.
func ccpa46Policy(t *testing.T) string {
	return policyCopy(t, "laws/ccpa.rego",
		`"respond": {"n": 45, "unit": "days", "citation": "Cal. Civ. Code`,
		`"respond": {"n": 46, "unit": "days", "citation": "Cal. Civ. Code`)
}

// bundleOf writes the policy in dir as an OPA bundle (.tar.gz).
func bundleOf(t *testing.T, dir string) string {
	t.Helper()
	roots := []string{"dsrkit"}
	b := bundle.Bundle{Manifest: bundle.Manifest{Revision: "bundle", Roots: &roots}, Data: map[string]any{}}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		raw, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		b.Modules = append(b.Modules, bundle.ModuleFile{URL: "/" + filepath.ToSlash(rel), Path: "/" + filepath.ToSlash(rel), Raw: raw})
		return err
	}))
	path := filepath.Join(t.TempDir(), "policy.tar.gz")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, bundle.NewWriter(f).UseModulePath(true).DisableFormat(true).Write(b))
	require.NoError(t, f.Close())
	return path
}

// respondByUnder decides a corpus request under the embedded policy and
// returns its respond_by, and that date one day later.
func respondByUnder(t *testing.T, request string) (string, string) {
	t.Helper()
	eng, err := policy.New(context.Background())
	require.NoError(t, err)
	req, err := os.ReadFile(request)
	require.NoError(t, err)
	out, err := eng.Decide(context.Background(), req)
	require.NoError(t, err)
	var d struct {
		Deadlines struct {
			RespondBy string `json:"respond_by"`
		} `json:"deadlines"`
	}
	require.NoError(t, json.Unmarshal(out, &d))
	day, err := time.Parse(time.DateOnly, d.Deadlines.RespondBy)
	require.NoError(t, err)
	return d.Deadlines.RespondBy, day.AddDate(0, 0, 1).Format(time.DateOnly)
}

// report is the part of diff's output about one request: its name's line
// and the indented lines of its changes.
func report(out, name string) string {
	_, rest, found := strings.Cut("\n"+out, "\n"+name+"\n")
	if !found {
		return ""
	}
	var b strings.Builder
	for line := range strings.Lines(rest) {
		if !strings.HasPrefix(line, "  ") {
			break
		}
		b.WriteString(line)
	}
	return b.String()
}

var summaryRE = regexp.MustCompile(`(?m)^(\d+) requests: (\d+) changed, (\d+) unchanged\n\z`)

func TestDiff(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	same := policyCopy(t, "", "", "")
	changed := ccpa46Policy(t)
	before, after := respondByUnder(t, filepath.Join(corpus, "ccpa-thanksgiving", "request.json"))
	respondByLine := `  /deadlines/respond_by: "` + before + `" → "` + after + `"` + "\n"

	// A corpus of copies: name in the corpus → the request it copies.
	corpusOf := func(files map[string]string) string {
		dir := t.TempDir()
		for name, src := range files {
			b, err := os.ReadFile(src)
			require.NoError(t, err)
			require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
		}
		return dir
	}
	flat := corpusOf(map[string]string{"ccpa.json": example, "gdpr.json": filepath.Join(corpus, "gdpr-month-end-weekends", "request.json")})
	// Two cases of the corpus, laid out as it is: the bundle cases replay
	// these (the whole corpus is replayed above them).
	two := corpusOf(map[string]string{
		"ccpa-thanksgiving/request.json":       filepath.Join(corpus, "ccpa-thanksgiving", "request.json"),
		"gdpr-month-end-weekends/request.json": filepath.Join(corpus, "gdpr-month-end-weekends", "request.json"),
	})

	cases := map[string]struct {
		args        []string
		code        int
		want, never []string          // on stdout
		changes     map[string]string // a request's report holds this line
		changed     string            // the summary's count, "" for any but 0
	}{
		"a period changed": {
			args:    []string{"--old", same, "--new", changed, corpus},
			code:    exitFailure,
			changes: map[string]string{"ccpa-thanksgiving/request.json": respondByLine},
			never:   []string{"gdpr-month-end-weekends", "/policy/digest", "/policy/revision"},
		},
		"the same policy, against the embedded one": {
			args:    []string{"--new", same, corpus},
			code:    exitOK,
			changed: "0",
		},
		"to a bundle": {
			args:    []string{"--old", same, "--new", bundleOf(t, changed), two},
			code:    exitFailure,
			changes: map[string]string{"ccpa-thanksgiving/request.json": respondByLine},
			never:   []string{"/policy/revision"},
		},
		"from a bundle back": {
			args:    []string{"--old", bundleOf(t, changed), "--new", same, two},
			code:    exitFailure,
			changes: map[string]string{"ccpa-thanksgiving/request.json": `  /deadlines/respond_by: "` + after + `" → "` + before + `"` + "\n"},
		},
		"a flat corpus": {
			args:    []string{"--as-of", "2026-12-01T00:00:00Z", "--old", same, "--new", changed, flat},
			code:    exitFailure,
			changes: map[string]string{"ccpa.json": "  /deadlines/respond_by: "},
			never:   []string{"gdpr.json"},
			changed: "1",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			code, out, stderr := dsrkit(t, "", append([]string{"diff"}, c.args...)...)
			require.Equal(t, c.code, code, stderr)
			assert.Empty(t, stderr)
			for _, w := range c.want {
				assert.Contains(t, out, w)
			}
			for _, n := range c.never {
				assert.NotContains(t, out, n)
			}
			for name, line := range c.changes {
				assert.Contains(t, report(out, name), line, "the changes of %s", name)
			}
			m := summaryRE.FindStringSubmatch(out)
			require.NotNil(t, m, "summary line: %s", out)
			if c.changed != "" {
				assert.Equal(t, c.changed, m[2])
			} else {
				assert.NotEqual(t, "0", m[2])
			}
		})
	}
}

func TestDiffCannotCompare(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	invalid := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(invalid, "bad.json"), []byte(`{"kind": "delete", "received_at": "2026-02-30", "consumer": {"residence": "US-CA"}, "business": {}}`), 0o644))
	undecided := t.TempDir() // a policy that gives a number for a decision
	require.NoError(t, os.WriteFile(filepath.Join(undecided, "d.rego"), []byte("package dsrkit.delete\n\ndecision := 1\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(undecided, "a.rego"), []byte("package dsrkit.applicability\n\nresults := []\n"), 0o644))
	broken := policyCopy(t, "laws/ccpa.rego", `"calendar": "common(US,US-CA)",`, `"calendar": "common(US,US-CA)",,`)
	empty := t.TempDir()

	for name, c := range map[string]struct {
		args   []string
		stderr string
	}{
		"no corpus":          {nil, "give one corpus directory"},
		"a missing corpus":   {[]string{filepath.Join(empty, "missing")}, "no such file or directory"},
		"an empty corpus":    {[]string{empty}, "no requests in"},
		"an invalid request": {[]string{invalid}, `bad.json: invalid request: /received_at: "2026-02-30" is not a valid date`},
		// New refuses it at load now (it decides the smoke corpus first)
		"a policy that cannot decide": {[]string{"--new", undecided, "../../examples/requests"}, "dsrkit diff: --new: policy: "},
		"a broken policy":             {[]string{"--new", broken, corpus}, "dsrkit diff: --new: policy: "},
		"an unknown flag":             {[]string{"--policy", broken, corpus}, "dsrkit diff: --policy: no such flag"},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := dsrkit(t, "", append([]string{"diff"}, c.args...)...)
			assert.Equal(t, exitInvalid, code)
			assert.Contains(t, stderr, c.stderr)
		})
	}
}

// TestDecisionChanges: one line per field that changed, at its JSON
// pointer; the policy's identity is not a change.
func TestDecisionChanges(t *testing.T) {
	for name, c := range map[string]struct {
		old, new string
		want     []string
	}{
		"nothing":         {`{"a": 1, "policy": {"digest": "x", "revision": "1"}}`, `{"a": 1, "policy": {"digest": "y", "revision": "2"}}`, nil},
		"a value":         {`{"deadlines": {"respond_by": "2027-01-04"}}`, `{"deadlines": {"respond_by": "2027-01-05"}}`, []string{`/deadlines/respond_by: "2027-01-04" → "2027-01-05"`}},
		"a type":          {`{"a": 1}`, `{"a": "1"}`, []string{`/a: 1 → "1"`}},
		"a number":        {`{"a": 1.50}`, `{"a": 1.5}`, []string{`/a: 1.50 → 1.5`}},
		"added, removed":  {`{"a": 1}`, `{"b": [2]}`, []string{`/a: 1 → (absent)`, `/b: (absent) → [2]`}},
		"array elements":  {`{"r": [{"c": "x"}, 2]}`, `{"r": [{"c": "y"}, 2, {"c": "z"}]}`, []string{`/r/0/c: "x" → "y"`, `/r/2: (absent) → {"c":"z"}`}},
		"escaped pointer": {`{"a/b": {"c~d": 1}}`, `{"a/b": {"c~d": 2}}`, []string{`/a~1b/c~0d: 1 → 2`}},
		"a null":          {`{"a": null}`, `{}`, []string{`/a: null → (absent)`}},
		"policy replaced": {`{"policy": {"digest": "x"}}`, `{"policy": "none"}`, []string{`/policy: {"digest":"x"} → "none"`}},
		// One reason inserted before two others is one reason added, not
		// three changed; a reason whose rule moved in its file (position)
		// has not changed; one whose message changed is named by its key.
		"a reason inserted": {
			`{"reasons": [{"code": "a", "rule_id": "x.r/a", "position": "x.rego:3", "message": "m"}, {"code": "b", "law": "CCPA", "rule_id": "x.r/b", "position": "x.rego:9", "message": "n"}]}`,
			`{"reasons": [{"code": "new", "rule_id": "x.r/new", "position": "x.rego:3", "message": "o"}, {"code": "a", "rule_id": "x.r/a", "position": "x.rego:7", "message": "m"}, {"code": "b", "law": "CCPA", "rule_id": "x.r/b", "position": "x.rego:13", "message": "n2"}]}`,
			[]string{
				`/reasons/[x.r/new new]: (absent) → {"code":"new","message":"o","position":"x.rego:3","rule_id":"x.r/new"}`,
				`/reasons/[x.r/b b CCPA]/message: "n" → "n2"`,
			},
		},
		"a notice removed, an escalation added": {
			`{"notices": [{"code": "a", "rule_id": "d.notices/a"}, {"code": "b", "rule_id": "d.notices/b"}], "escalations": []}`,
			`{"notices": [{"code": "b", "rule_id": "d.notices/b"}], "escalations": [{"trigger": "t", "level": 1, "rule_id": "p.escalations/t"}]}`,
			[]string{
				`/escalations/[p.escalations/t t]: (absent) → {"level":1,"rule_id":"p.escalations/t","trigger":"t"}`,
				`/notices/[d.notices/a a]: {"code":"a","rule_id":"d.notices/a"} → (absent)`,
			},
		},
		"without rule ids, by index": {`{"reasons": [{"code": "a"}]}`, `{"reasons": [{"code": "b"}, {"code": "a"}]}`, []string{`/reasons/0/code: "a" → "b"`, `/reasons/1: (absent) → {"code":"a"}`}},
		"two elements with one key, by rank": {
			`{"reasons": [{"code": "a", "rule_id": "r"}, {"code": "a", "rule_id": "r", "message": "y"}]}`,
			`{"reasons": [{"code": "b", "rule_id": "r"}, {"code": "a", "rule_id": "r", "message": "x"}, {"code": "a", "rule_id": "r", "message": "y"}]}`,
			[]string{`/reasons/[r b]: (absent) → {"code":"b","rule_id":"r"}`, `/reasons/[r a]/message: (absent) → "x"`},
		},
	} {
		t.Run(name, func(t *testing.T) {
			changes, err := decisionChanges([]byte(c.old), []byte(c.new))
			require.NoError(t, err)
			var got []string
			for _, ch := range changes {
				got = append(got, ch.String())
			}
			assert.Equal(t, c.want, got)
		})
	}
}

// TestDecideWithBundle: --policy takes an OPA bundle as well as a
// directory; the decision names the bundle's revision.
func TestDecideWithBundle(t *testing.T) {
	code, out, stderr := dsrkit(t, "", "decide", "--policy", bundleOf(t, ccpa46Policy(t)), example)
	require.Equal(t, exitOK, code, stderr)
	var d struct {
		Deadlines struct {
			RespondBy string `json:"respond_by"`
		} `json:"deadlines"`
		Policy policy.Info `json:"policy"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	assert.Equal(t, "2027-01-05", d.Deadlines.RespondBy)
	assert.Equal(t, "bundle", d.Policy.Revision)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, d.Policy.Digest)
}

// TestDiffInsertedReason: a policy that gives one more reason, written near
// the top of its file (so every later rule of the file moves), shows in a
// request's report as that one reason added, named by its rule id and
// code; nothing else of the decision changed.
func TestDiffInsertedReason(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	same := policyCopy(t, "", "", "")
	more := policyCopy(t, "delete/delete.rego", "import data.dsrkit.verification\n", `import data.dsrkit.verification

# METADATA
# title: An extra reason
# custom:
#   citation: Cal. Civ. Code § 1798.105
reasons contains lib.reason("extra", "one more reason", rego.metadata.chain()) if input.id == "ccpa-thanksgiving"
`)
	code, out, stderr := dsrkit(t, "", "diff", "--old", same, "--new", more, corpus)
	require.Equal(t, exitFailure, code, stderr)
	assert.Equal(t, `  /reasons/[delete.reasons/an-extra-reason extra]: (absent) → {"citation":"Cal. Civ. Code § 1798.105","code":"extra","message":"one more reason","position":"delete/delete.rego:20","rule":"data.dsrkit.delete.reasons","rule_id":"delete.reasons/an-extra-reason"}`+"\n", report(out, "ccpa-thanksgiving/request.json"))
	m := summaryRE.FindStringSubmatch(out)
	require.NotNil(t, m, out)
	assert.Equal(t, "1", m[2], out)
}
