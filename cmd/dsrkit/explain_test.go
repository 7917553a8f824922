package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// updateExplain rewrites testdata/explain/*.txt (so does -update, if
// another test file of the package defines it).
var updateExplain = flag.Bool("update-explain", false, "rewrite the golden explain outputs in testdata/explain")

func updatingExplain() bool {
	if *updateExplain {
		return true
	}
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

const casesDir = "../../testdata/cases"

// explainGoldens are rendered from the golden decisions (and their requests)
// in testdata/cases, so they need no engine.
var explainGoldens = []string{
	"ccpa-partial-tax-record-and-backup", // delete: items retained, deferred, deleted; plan
	"ccpa-directive-overdue",             // delete: an overdue directive to a service provider
	"ccpa-insufficient-asks-for-more",    // delete: verification still short, info response due
	"ccpa-and-gdpr-germany",              // two laws, two calendars, binding law per deadline
	"optout-ccpa-friday-before-christmas",
}

func renderCase(t *testing.T, name string, withRequest bool) string {
	t.Helper()
	decision, err := os.ReadFile(filepath.Join(casesDir, name, "decision.json"))
	require.NoError(t, err)
	var request []byte
	if withRequest {
		request, err = os.ReadFile(filepath.Join(casesDir, name, "request.json"))
		require.NoError(t, err)
	}
	var out bytes.Buffer
	require.NoError(t, renderRequest(&out, decision, request))
	return out.String()
}

func TestExplainGolden(t *testing.T) {
	for _, name := range explainGoldens {
		t.Run(name, func(t *testing.T) {
			got := renderCase(t, name, true)
			file := filepath.Join("testdata", "explain", name+".txt")
			if updatingExplain() {
				require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
				require.NoError(t, os.WriteFile(file, []byte(got), 0o644))
			}
			want, err := os.ReadFile(file)
			require.NoError(t, err, "run go test ./cmd/dsrkit -run TestExplainGolden -update-explain")
			assert.Equal(t, string(want), got)
		})
	}
}

// Without the request, explain shows the same, less the systems items live in
// and the recipients' names.
func TestExplainWithoutRequest(t *testing.T) {
	got := renderCase(t, "ccpa-partial-tax-record-and-backup", false)
	var want []string
	for _, l := range strings.SplitAfter(renderCase(t, "ccpa-partial-tax-record-and-backup", true), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "system ") {
			want = append(want, l)
		}
	}
	assert.Equal(t, strings.Join(want, ""), got)
	assert.Contains(t, renderCase(t, "ccpa-directive-overdue", false), "\n  sp-mail    service_provider  delete  2026-03-25  2026-03-26  yes\n")
}

func TestExplainDeleteParts(t *testing.T) {
	two := renderCase(t, "ccpa-and-gdpr-germany", false)
	for _, want := range []string{
		"\nCalendars (business days and holidays, per law)\n  CCPA  common(US,US-CA)\n  GDPR  DE\n",
		"\n  deadline             binding     set by  CCPA        GDPR\n" +
			"  acknowledge_by       2026-04-15  CCPA    2026-04-15  none\n" +
			"  respond_by           2026-05-04  GDPR    2026-05-16  2026-05-04\n" +
			"  extension_notice_by  2026-05-04  GDPR    2026-05-16  2026-05-04\n" +
			"  extended_respond_by  2026-06-30  CCPA    2026-06-30  2026-07-01\n",
		"\nTimeline\n",
		"  intake              2026-04-02  internal target  2026-04-01T10:00:00-07:00\n",
		"  respond             2026-05-04  law              open\n",
		"  still needed        not_yet_verified: no verification has been done yet [Cal. Code Regs. tit. 11, § 7060(a)] (verification.problems/not-yet-verified at verification/verification.rego:156)\n",
		"\nItems: none\n",
		"\nDirectives to recipients: none\n",
	} {
		assert.Contains(t, two, want)
	}
	assert.NotContains(t, two, "on calendar common(US,US-CA))\n", "no single header calendar")

	partial := renderCase(t, "ccpa-partial-tax-record-and-backup", true)
	assert.Contains(t, partial, "  tax-1  retain  retain; restrict use\n"+
		"         system        NetSuite (financial), category tax_record\n"+
		"         exception     legal_obligation under CCPA [Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1)]\n"+
		"         retain until  2032-12-31\n"+
		"         use only for  legal_obligation\n")
	assert.Contains(t, partial, "  still needed        nothing\n")
	assert.Contains(t, partial, "\nRecord of the request: keep until 2029-04-16 [Cal. Code Regs. tit. 11, § 7101(a); playbook: record retention]\n")

	short := renderCase(t, "ccpa-insufficient-asks-for-more", false)
	assert.Contains(t, short, "  status              insufficient\n"+
		"  still needed        data_points_short: 1 data point(s) matched; the reasonable standard asks for 2 [Cal. Code Regs. tit. 11, § 7062(b)–(d)] (verification.problems/too-few-data-points at verification/verification.rego:126)\n"+
		"  info response due   2026-03-19\n")

	none := renderCase(t, "not-covered-new-york", false)
	assert.Contains(t, none, "\nDeadlines: none\n")
	assert.NotContains(t, none, "\nPlan\n")
	assert.NotContains(t, none, "\nCalendars")
}

// Every golden decision renders, and only a delete shows delete sections.
func TestExplainEveryCase(t *testing.T) {
	dirs, err := os.ReadDir(casesDir)
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for _, dir := range dirs {
		t.Run(dir.Name(), func(t *testing.T) {
			out := renderCase(t, dir.Name(), true)
			assert.Contains(t, out, "\nOutcome: ")
			isDelete := strings.Contains(out, " (delete), ")
			assert.Equal(t, isDelete, strings.Contains(out, "\nVerification\n"))
			assert.Equal(t, isDelete, strings.Contains(out, "\nDirectives to recipients"))
		})
	}
}

func TestExplainBadDecision(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, render(&out, []byte(`{"kind": `)))
	assert.Empty(t, out.String())
}
