package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dsrkit(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errw)
	return code, out.String(), errw.String()
}

const example = "../../examples/requests/ccpa-delete.json"

func TestDecideExample(t *testing.T) {
	code, out, stderr := dsrkit(t, "", "decide", example)
	require.Equal(t, exitOK, code, stderr)
	var d map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	assert.Equal(t, "req-2026-0142", d["request_id"])
	deadlines := d["deadlines"].(map[string]any)
	assert.Equal(t, "2026-12-07", deadlines["acknowledge_by"])
	assert.Equal(t, "2027-01-04", deadlines["respond_by"])
	assert.True(t, strings.HasPrefix(out, "{\n  \"kind\": \"delete\""), "contract order: kind first")
}

func TestDecideInvalidRequests(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	valid := `"kind": "delete", "received_at": "2026-11-20", "consumer": {"residence": "US-CA"}, "business": {}`
	cases := map[string]struct{ request, want string }{
		"malformed JSON":      {`{"kind": "delete",`, "JSON"},
		"unknown kind":        {`{"kind": "erase", "received_at": "2026-11-20", "consumer": {"residence": "US-CA"}, "business": {}}`, `/kind: "erase" is not one of delete, opt_out, opt_in, solicit_opt_in`},
		"impossible date":     {`{` + strings.Replace(valid, "2026-11-20", "2026-02-30", 1) + `}`, `/received_at: "2026-02-30"`},
		"unknown residence":   {`{` + strings.Replace(valid, "US-CA", "US-XX", 1) + `}`, `/consumer/residence: "US-XX" is not a known jurisdiction`},
		"missing received_at": {`{"kind": "delete", "consumer": {"residence": "US-CA"}, "business": {}}`, `/received_at: missing required field`},
		"wrong type":          {`{` + strings.Replace(valid, `"US-CA"}`, `"US-CA", "age": "ten"}`, 1) + `}`, `/consumer/age: expected integer, got string`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			code, out, stderr := dsrkit(t, c.request, "decide", "-")
			assert.Equal(t, exitInvalid, code)
			assert.Empty(t, out, "nothing on stdout for an invalid request")
			assert.Contains(t, stderr, c.want)
		})
	}
}

func TestDecideFlagsOverride(t *testing.T) {
	code, out, stderr := dsrkit(t, "", "decide", "--calendar", "US-CA", "--as-of", "2026-12-01T00:00:00Z", example)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, `"calendar": "US-CA"`)
	assert.Contains(t, out, `"as_of": "2026-12-01T00:00:00Z"`)

	// a flag's value the contract refuses is a usage error (exit 1, not the
	// 2 of an invalid request), named after the flag, not a JSON pointer
	code, out, stderr = dsrkit(t, "", "decide", "--calendar", "Narnia", example)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, out)
	assert.True(t, strings.HasPrefix(stderr, `--calendar: "Narnia"`), stderr)
	assert.NotContains(t, stderr, "/business/calendar")
}

func TestDecideWithoutAsOfUsesTheClock(t *testing.T) {
	code, out, stderr := dsrkit(t, `{"kind": "delete", "received_at": "2026-11-20", "consumer": {"residence": "US-CA"}, "business": {}}`, "decide", "-")
	require.Equal(t, exitOK, code, stderr)
	var d struct {
		AsOf string `json:"as_of"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	assert.Regexp(t, `^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`, d.AsOf)
}

func TestDecideJSONLAnswersInOrder(t *testing.T) {
	var in strings.Builder
	for _, r := range []string{"US-CA", "US-NY", "US-XX", "US-CA"} {
		in.WriteString(`{"kind": "delete", "id": "` + r + `", "received_at": "2026-11-20", "as_of": "2026-11-20T00:00:00Z", "consumer": {"residence": "` + r + `"}, "business": {}}` + "\n")
	}
	code, out, stderr := dsrkit(t, in.String(), "decide", "--jsonl", "-")
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, stderr, `line 3 (id "US-XX"): invalid request: /consumer/residence`)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 4)
	for i, want := range []string{`"request_id":"US-CA"`, `"request_id":"US-NY"`, `"problems"`, `"request_id":"US-CA"`} {
		assert.Contains(t, lines[i], want, "line %d", i+1)
	}
}

func TestExplain(t *testing.T) {
	code, out, stderr := dsrkit(t, "", "explain", example)
	require.Equal(t, exitOK, code, stderr)
	for _, want := range []string{
		"Request req-2026-0142 (delete), received 2026-11-20",
		"CCPA applies (Cal. Civ. Code § 1798.100 et seq.)",
		"2026-12-07  acknowledge_by",
		"2026-11-20 + 10 business days on calendar common(US,US-CA)",
		"[Cal. Code Regs. tit. 11, § 7021(a)]",
		"2027-02-18  extended_respond_by",
		"Outcome: needs_review",
	} {
		assert.Contains(t, out, want)
	}
}

func TestPolicyDirCallingTheNetworkIsRefused(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x.rego"), []byte("package dsrkit.delete\n\ndecision := http.send({\"method\": \"GET\", \"url\": \"https://example.com\"})\n"), 0o644))
	code, out, stderr := dsrkit(t, "", "decide", "--policy", dir, example)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "x.rego:3:13")
	assert.Contains(t, stderr, "http.send is not allowed in a dsrkit policy")
}

func TestRegoTests(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	// One law's tests: the whole suite at full coverage is the README's own
	// command, which CI runs as written.
	code, out, stderr := dsrkit(t, "", "test", "--run", `dsrkit\.laws\.vcdpa_test`)
	require.Equal(t, exitOK, code, out+stderr)
	assert.Regexp(t, `[1-9]\d* passed, 0 failed`, out)

	code, out, _ = dsrkit(t, "", "test", "--run", failingTest, withFailingTest(t))
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, out, "data.dsrkit.a_test.test_fails: FAIL")
	assert.Contains(t, out, "0 passed, 1 failed")
}

func TestUsage(t *testing.T) {
	code, out, stderr := dsrkit(t, "")
	assert.Equal(t, exitFailure, code, "a usage error is not an invalid request")
	assert.Empty(t, out)
	assert.Contains(t, stderr, "usage:")
	code, _, stderr = dsrkit(t, "", "frobnicate")
	assert.Equal(t, exitFailure, code)
	assert.Equal(t, "dsrkit: unknown command \"frobnicate\"; run 'dsrkit help' for the commands\n", stderr)
}

func TestExplainUnverified(t *testing.T) {
	req := `{"kind": "delete", "id": "u", "received_at": "2026-03-02", "as_of": "2026-04-16T12:00:00Z", "consumer": {"residence": "US-CA"},
	  "business": {"sells_or_shares": true, "opt_out_url": "https://example.com/opt-out"}}`
	code, out, stderr := dsrkit(t, req, "explain", "-")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "Outcome: unverified")
	assert.Contains(t, out, "identity_not_verified")
	assert.Contains(t, out, "offer_opt_out: You can also tell us to stop selling or sharing your personal information: https://example.com/opt-out")
}

func TestExplainOptOutOptInAndSolicit(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"optout-ccpa-friday-before-christmas", []string{
			"2027-01-12  comply_by  CCPA  2026-12-18 + 15 business days on calendar common(US,US-CA)",
			"Outcome: comply\nComply by 2027-01-12\nScope: sale, sharing, targeted_advertising",
			"Instruct third parties\n  - adnet-after (received it 2026-12-18T17:30:00-08:00): sold to adnet-after after the opt-out was received",
		}},
		{"optout-cpa-as-soon-as-feasible", []string{
			"no fixed date  comply_by",
			"2027-02-01     comply_outer_bound  CPA  2026-12-18 + 45 calendar days",
			"Comply as soon as feasibly possible (no fixed date; see the outer bound above)",
		}},
		{"gpc-ccpa-consumer-known", []string{"Signal honoured: opts out browser_or_device, associated_profiles, consumer"}},
		{"gpc-vcdpa-not-required", []string{"Outcome: not_required", "Signal honoured: no law that applies requires it"}},
		{"optin-not-separate", []string{"Outcome: invalid\nValid: no", "not_separate: the confirmation is the same action as the request (form-1)"}},
		{"solicit-11-months-30-days", []string{
			"2026-06-15  wait_ends",
			"Outcome: not_yet\nAllowed now: no\nEarliest: 2026-06-15",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, stderr := dsrkit(t, "", "explain", filepath.Join("../../testdata/cases", tc.name, "request.json"))
			require.Equal(t, exitOK, code, stderr)
			for _, want := range tc.want {
				assert.Contains(t, out, want)
			}
		})
	}
}

func TestDecideWithPlaybook(t *testing.T) {
	code, out, stderr := dsrkit(t, "", "explain", "--playbook", "../../examples/playbook/acme.yaml", "../../examples/playbook/request.json")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "Outcome: partial_deletion")
	assert.Contains(t, out, "until 2032-01-04") // Acme keeps records 5 years

	code, out, stderr = dsrkit(t, "", "decide", "--playbook", "../../rules/testdata/bad/unknown-field.yaml", example)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, `unknown-field.yaml:6: rule "typo"`)
	assert.Contains(t, stderr, "undefined field 'categroy'")
}
