package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/policy"
)

// withFailingTest is the embedded policy with one more test file, whose
// one test fails.
func withFailingTest(t *testing.T) string {
	dir := policyCopy(t, "", "", "")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a_test.rego"), []byte("package dsrkit.a_test\n\ntest_fails if {\n\tdue := dsrkit.add_days(\"2026-01-31\", 1)\n\tdue == \"2026-02-02\"\n}\n"), 0o644))
	return dir
}

// failingTest selects the test withFailingTest adds.
const failingTest = `^data\.dsrkit\.a_test\.`

func flagNames(fs *flag.FlagSet) []string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return names
}

func TestHelp(t *testing.T) {
	code, out, stderr := dsrkit(t, "", "help")
	require.Equal(t, exitOK, code, stderr)
	for _, c := range commands {
		assert.Regexp(t, `(?m)^  dsrkit `+c.name+` .*`+regexp.QuoteMeta(c.summary)+`$`, out)
	}
	for _, args := range [][]string{{"--help"}, {"-h"}} {
		code, help, _ := dsrkit(t, "", args...)
		assert.Equal(t, exitOK, code)
		assert.Equal(t, out, help)
	}

	want := map[string][]string{
		"decide":  {"as-of", "calendar", "consumer-id", "decision-log", "decision-log-key-file", "jsonl", "max-array-items", "max-data-items", "max-depth", "max-disclosures", "max-exceptions-per-item", "max-problems", "max-recipients", "max-request-bytes", "max-steps", "max-string-bytes", "playbook", "policy", "progress", "timeout"},
		"explain": {"as-of", "calendar", "max-array-items", "max-data-items", "max-depth", "max-disclosures", "max-exceptions-per-item", "max-problems", "max-recipients", "max-request-bytes", "max-steps", "max-string-bytes", "playbook", "policy", "timeout"},
		"test":    {"coverage-min", "format", "run", "v"},
		"diff":    {"as-of", "calendar", "new", "old"},
		"version": nil,
	}
	for name, flags := range want {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, flags, flagNames(lookup(name).flags()), "the flags this test expects")
			code, help, stderr := dsrkit(t, "", "help", name)
			require.Equal(t, exitOK, code, stderr)
			assert.True(t, strings.HasPrefix(help, "usage: dsrkit "+name), help)
			for _, f := range flags {
				assert.Regexp(t, `(?m)^  --`+f+`( \w+)?\n        \S`, help, "--%s is documented", f)
			}
			for _, args := range [][]string{{name, "--help"}, {name, "-h"}, {name, example, "--help"}} {
				code, out, stderr := dsrkit(t, "", args...)
				assert.Equal(t, exitOK, code, "%v: %s", args, stderr)
				assert.Equal(t, help, out, "%v", args)
				assert.Empty(t, stderr)
			}
		})
	}
	code, help, _ := dsrkit(t, "", "help", "decide")
	require.Equal(t, exitOK, code)
	assert.Contains(t, help, "  --timeout duration\n        give up deciding a request after this duration (exit 1, or an error object per line with --jsonl) (default 30s)\n")
	assert.Contains(t, help, "  --as-of instant\n        the moment of evaluation, an RFC 3339 instant (default: the request's as_of, else now)\n")

	code, _, stderr = dsrkit(t, "", "help", "frobnicate")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, `dsrkit help: unknown command "frobnicate"`)
}

func TestFlagsAfterTheFile(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	for _, args := range [][]string{
		{"decide", example, "--calendar", "US-CA", "--as-of", "2026-12-01T00:00:00Z"},
		{"decide", "--calendar", "US-CA", example, "--as-of=2026-12-01T00:00:00Z"},
		{"decide", "--as-of", "2026-12-01T00:00:00Z", "--calendar", "US-CA", "--", example},
	} {
		code, out, stderr := dsrkit(t, "", args...)
		require.Equal(t, exitOK, code, "%v: %s", args, stderr)
		assert.Contains(t, out, `"calendar": "US-CA"`)
		assert.Contains(t, out, `"as_of": "2026-12-01T00:00:00Z"`)
	}
	code, out, stderr := dsrkit(t, "", "explain", example, "--as-of", "2026-12-01T00:00:00Z")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "as of 2026-12-01T00:00:00Z")
}

// TestUsageErrors: every usage error exits 1 — 2 is an invalid request's
// (CONTRACT.md § 1) — names the flag, never a JSON pointer, and prints
// nothing on stdout.
func TestUsageErrors(t *testing.T) {
	for name, c := range map[string]struct {
		args   []string
		stderr string
	}{
		"an --as-of that is not RFC 3339":    {[]string{"decide", "--as-of", "yesterday", example}, `dsrkit decide: --as-of: "yesterday" is not an RFC 3339 instant such as 2026-12-01T09:00:00Z`},
		"an --as-of without its value":       {[]string{"decide", example, "--as-of"}, "dsrkit decide: --as-of: needs a value"},
		"an unknown flag":                    {[]string{"decide", "--bogus", example}, "dsrkit decide: --bogus: no such flag"},
		"an unknown single-dash flag":        {[]string{"decide", "-x", example}, "dsrkit decide: --x: no such flag"},
		"a --timeout of zero":                {[]string{"decide", "--timeout", "0s", example}, `dsrkit decide: --timeout: invalid value "0s": must be more than zero`},
		"a --timeout that is no duration":    {[]string{"explain", "--timeout=soon", example}, `dsrkit explain: --timeout: invalid value "soon": not a duration such as 30s, 1m30s or 500ms`},
		"a --jsonl that is no boolean":       {[]string{"decide", "--jsonl=maybe", example}, `dsrkit decide: --jsonl: invalid boolean value "maybe": parse error`},
		"--jsonl for explain":                {[]string{"explain", "--jsonl", example}, "dsrkit explain: --jsonl: no such flag"},
		"--progress without --jsonl":         {[]string{"decide", "--progress", example}, "dsrkit decide: --progress: only with --jsonl"},
		"no file":                            {[]string{"decide"}, "dsrkit decide: give one request file, or - for standard input"},
		"two files":                          {[]string{"decide", example, example}, "dsrkit decide: give one request file, or - for standard input"},
		"a missing file":                     {[]string{"decide", "missing.json"}, "dsrkit decide: open missing.json: no such file or directory"},
		"a --coverage-min that is no number": {[]string{"test", "--coverage-min", "all"}, `dsrkit test: --coverage-min: invalid value "all": parse error`},
		"an unknown --format":                {[]string{"test", "--format", "xml"}, `dsrkit test: --format: "xml" is neither text nor json`},
		"two policies to test":               {[]string{"test", "a", "b"}, "dsrkit test: give at most one policy directory or bundle"},
		"arguments to version":               {[]string{"version", "now"}, "dsrkit version: takes no arguments"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, stderr := dsrkit(t, "", c.args...)
			assert.Equal(t, exitFailure, code)
			assert.Empty(t, out)
			assert.Equal(t, c.stderr+"\nrun 'dsrkit help "+c.args[0]+"' for its usage\n", stderr)
		})
	}
}

// TestAsOfOfTheRequestIsNeverReplacedByTheClock: an as_of the request
// holds, of any type, is the request's to get right.
func TestAsOfOfTheRequestIsNeverReplacedByTheClock(t *testing.T) {
	for _, asOf := range []string{"null", "1"} {
		code, out, stderr := dsrkit(t, `{"kind": "delete", "received_at": "2026-11-20", "as_of": `+asOf+`, "consumer": {"residence": "US-CA"}, "business": {}}`, "decide", "-")
		assert.Equal(t, exitInvalid, code, asOf)
		assert.Empty(t, out)
		assert.True(t, strings.HasPrefix(stderr, "/as_of: "), stderr)
	}
}

// TestFlagValuesTheContractRefuses: a flag's value the schema refuses is
// the flag's problem (exit 1); the request's own field, even where the
// flag overrides it, stays the request's (exit 2, its pointer).
func TestFlagValuesTheContractRefuses(t *testing.T) {
	const req = `{"kind": "delete", "received_at": "2026-11-20", "as_of": %s, "consumer": {"residence": "US-CA"}, "business": {}}`
	for name, c := range map[string]struct {
		asOf, flag string
		code       int
		stderr     string
	}{
		"an --as-of out of range":             {`"2026-11-21T00:00:00Z"`, "2050-12-01T00:00:00Z", exitFailure, `--as-of: "2050-12-01T00:00:00Z" is outside the supported dates`},
		"the request's own as_of, overridden": {`"bad"`, "2026-12-01T00:00:00Z", exitInvalid, `/as_of: "bad" is not a valid instant`},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, stderr := dsrkit(t, fmt.Sprintf(req, c.asOf), "decide", "--as-of", c.flag, "-")
			assert.Equal(t, c.code, code)
			assert.Empty(t, out)
			assert.True(t, strings.HasPrefix(stderr, c.stderr), stderr)
		})
	}
}

func TestNoHTMLEscaping(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	const request = "../../testdata/cases/vcdpa-delete/request.json"
	line, err := os.ReadFile(request)
	require.NoError(t, err)
	eng, err := policy.New(context.Background())
	require.NoError(t, err)
	raw, err := eng.Decide(context.Background(), line)
	require.NoError(t, err)
	require.Contains(t, string(raw), `\u003e`, "the engine escapes >: the case must still hold one for this test")

	code, out, stderr := dsrkit(t, "", "decide", request)
	require.Equal(t, exitOK, code, stderr)
	assert.NotContains(t, out, `\u00`)
	assert.Contains(t, out, " >= ")

	var compact strings.Builder
	require.NoError(t, json.NewEncoder(&compact).Encode(json.RawMessage(line)))
	code, out, _ = dsrkit(t, compact.String()+`{"kind": "erase", "id": "a<b&c"}`+"\n", "decide", "--jsonl", "-")
	assert.Equal(t, exitInvalid, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	assert.NotContains(t, out, `\u00`)
	assert.Contains(t, lines[0], " >= ")
	assert.Contains(t, lines[1], `"request_id":"a<b&c"`)
}

func TestUnescapeHTML(t *testing.T) {
	for in, want := range map[string]string{
		`{"a":"x \u003e= 1 \u0026 y \u003C 2"}`: `{"a":"x >= 1 & y < 2"}`,
		`{"a":"\\u003e"}`:                       `{"a":"\\u003e"}`, // a backslash, then u003e
		`{"a":"\"\u003e\\"}`:                    `{"a":"\">\\"}`,
		`{"a":"\u00e9 \u2028"}`:                 `{"a":"\u00e9 \u2028"}`,
		`{"\u003e":1}`:                          `{">":1}`,
		`[1,2]`:                                 `[1,2]`,
	} {
		assert.Equal(t, want, string(unescapeHTML([]byte(in))), in)
	}
	// Whatever the string, the JSON unescaped is what an encoder that
	// does not escape HTML writes.
	for _, s := range []string{`a<b>&c`, `\u003e`, `\<`, `\`, `"<"`, "é\u2028<", `\\u0026&`, `<`, ``} {
		v := map[string]string{s: s}
		b, err := json.Marshal(v)
		require.NoError(t, err)
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(v))
		assert.Equal(t, strings.TrimSuffix(want.String(), "\n"), string(unescapeHTML(b)), "%q", s)
	}
}

// slowPolicy is the embedded policy, slowed down for the request whose id
// is "slow": its decision then takes 300³ iterations (minutes).
func slowPolicy(t *testing.T) string {
	return policyCopy(t, "delete/delete.rego",
		"decision := object.union(object.union(envelope, covered_block), request.echo) if dates_computed\n",
		"decision := object.union(object.union(envelope, covered_block), request.echo) if {\n\tdates_computed\n\tslowdown == 0\n}\n\n"+
			"slow_chars := split(sprintf(\"%0300d\", [0]), \"\")\n\n"+
			"slowdown := count([1 | input.id == \"slow\"; some i in slow_chars; some j in slow_chars; some k in slow_chars; concat(\"\", [i, j, k]) == \"x\"])\n")
}

func TestTimeout(t *testing.T) {
	dir := slowPolicy(t)
	line := `{"kind": "delete", "id": "slow", "received_at": "2026-11-20", "consumer": {"residence": "US-CA"}, "business": {}}`
	start := time.Now()
	code, out, stderr := dsrkit(t, line, "decide", "--timeout", "200ms", "--policy", dir, "-")
	assert.Less(t, time.Since(start), 10*time.Second)
	assert.Equal(t, exitFailure, code, "could not decide: never 2")
	assert.Empty(t, out)
	assert.True(t, strings.HasPrefix(stderr, "dsrkit: no decision within --timeout 200ms ("), stderr)

	code, out, stderr = dsrkit(t, line, "explain", "--timeout", "200ms", "--policy", dir, "-")
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "no decision within --timeout 200ms")

	code, out, stderr = dsrkit(t, "\n"+line+"\n", "decide", "--jsonl", "--timeout", "200ms", "--policy", dir, "-")
	assert.Equal(t, exitFailure, code)
	var e lineError
	require.NoError(t, json.Unmarshal([]byte(out), &e), out)
	assert.Equal(t, 2, e.Line)
	assert.Equal(t, "slow", e.RequestID)
	assert.True(t, strings.HasPrefix(e.Error, "no decision within --timeout 200ms"), e.Error)
	assert.True(t, strings.HasPrefix(stderr, `line 2 (id "slow"): no decision within --timeout 200ms`), stderr)
}

func TestVersion(t *testing.T) {
	eng, err := policy.New(context.Background())
	require.NoError(t, err)
	info := eng.Info()
	code, out, stderr := dsrkit(t, "", "version")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, versionText(buildVersion(), info), out)

	assert.Equal(t, "dsrkit    (devel)\n"+
		"go        "+runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH+"\n"+
		"policy    revision 2026.11.0, digest sha256:abc (embedded)\n"+
		"playbook  seed, digest sha256:def (default)\n"+
		"tzdata    "+calendar.TZDataVersion()+" (embedded; the only source of time zones)\n",
		versionText("(devel)", policy.Info{Revision: "2026.11.0", Digest: "sha256:abc", Playbook: policy.PlaybookInfo{Name: "seed", Digest: "sha256:def"}}))
	assert.Regexp(t, `^dsrkit    \S+\n`, out)
	assert.Regexp(t, `\ntzdata    20\d\d[a-z] \(embedded`, out)
	assert.Contains(t, out, fmt.Sprintf("policy    revision %s, digest %s (embedded)\n", info.Revision, info.Digest))
}

func TestRegoTestsShowTheFailure(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	code, out, stderr := dsrkit(t, "", "test", "--run", failingTest, withFailingTest(t))
	assert.Equal(t, exitFailure, code, stderr)
	for _, want := range []string{
		"a_test.rego:3:\ndata.dsrkit.a_test.test_fails: FAIL",
		"FAILURES",
		"  a_test.rego:5:\n",
		`due == "2026-02-02"`,
		`"2026-02-01"`,
		"FAIL: 1/1\n",
		"0 passed, 1 failed\n",
	} {
		assert.Contains(t, out, want)
	}
}

func TestRegoTestsJSON(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	code, out, stderr := dsrkit(t, "", "test", "--format", "json", "--run", failingTest+"|test_ccpa_request_gets_deadlines$", withFailingTest(t))
	assert.Equal(t, exitFailure, code, stderr)
	var rep struct {
		Policy   testedPolicy
		Tests    []map[string]any
		Failures []struct {
			Package, Name, Location, Failure string
		}
		Passed, Failed int
		Coverage       float64
		Files          []map[string]any
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
	assert.Equal(t, 1, rep.Failed)
	assert.Len(t, rep.Tests, 1+rep.Passed)
	require.Len(t, rep.Failures, 1)
	f := rep.Failures[0]
	assert.Equal(t, [3]string{"data.dsrkit.a_test", "test_fails", "a_test.rego:3"}, [3]string{f.Package, f.Name, f.Location})
	assert.Equal(t, "a_test.rego:5:\n  due == \"2026-02-02\"\n  |\n  \"2026-02-01\"", f.Failure)
	assert.NotEmpty(t, rep.Files)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, rep.Policy.Digest)
}

func TestRegoTestsOfABundle(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	code, out, stderr := dsrkit(t, "", "test", "--run", "deadlines_test", bundleOf(t, policyCopy(t, "", "", "")))
	require.Equal(t, exitOK, code, out+stderr)
	assert.Regexp(t, `policy\.tar\.gz: revision bundle, digest sha256:[0-9a-f]{64}\n`, out)
	assert.Regexp(t, `\n[1-9]\d* passed, 0 failed\n$`, out)

	code, out, _ = dsrkit(t, "", "test", "--run", failingTest, bundleOf(t, withFailingTest(t)))
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, out, `due == "2026-02-02"`)
}

// TestRegoTestsRefuseWhatDecideRefuses: one loader, one set of checks.
func TestRegoTestsRefuseWhatDecideRefuses(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	dir := policyCopy(t, "", "", "")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "uncited.rego"), []byte("package dsrkit.uncited\n\nimport data.dsrkit.lib\n\nr := lib.reason(\"c\", \"m\", rego.metadata.chain())\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "uncited_test.rego"), []byte("package dsrkit.uncited_test\n\nimport data.dsrkit.uncited\n\ntest_r if uncited.r.code == \"c\"\n"), 0o644))
	const refused = "uncited.rego:5:1: rule r gives a reason but its METADATA has no custom.citation"

	code, out, stderr := dsrkit(t, "", "decide", "--policy", dir, example)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, refused)

	code, out, stderr = dsrkit(t, "", "test", "--run", "uncited", dir)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, refused)

	code, _, stderr = dsrkit(t, "", "test", bundleOf(t, dir))
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, refused)
}
