package policy_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
	"github.com/dsrkit/dsrkit/rules"
)

// withEdit is the shipped policy with one occurrence of old in file
// replaced by new.
func withEdit(t *testing.T, file, old, new string) fstest.MapFS {
	t.Helper()
	fsys := withModule(t, "unused/none.txt", "")
	delete(fsys, "unused/none.txt")
	src := string(fsys[file].Data)
	require.Equal(t, 1, strings.Count(src, old), "%s must hold %q once", file, old)
	fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(src, old, new, 1))}
	return fsys
}

// Built-ins that read the clock or the host's zone, or allocate without
// bound, are refused when the policy loads, with the file, the line and
// the reason.
func TestSandboxRefusesImpureAndUnboundedBuiltins(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	for _, tt := range []struct{ call, module, reason string }{
		{"crypto.x509.parse_and_verify_certificates", `r := crypto.x509.parse_and_verify_certificates("MIIB")`,
			"verifies the certificates' validity period against the wall clock"},
		{"crypto.x509.parse_and_verify_certificates_with_options", `r := crypto.x509.parse_and_verify_certificates_with_options("MIIB", {})`,
			"verifies against the wall clock unless CurrentTime is given"},
		{"time.format", `r := time.format([0, "Local"])`,
			`its zone argument reads $TZ ("Local") or the host's zoneinfo (any other name)`},
		{"time.date", `r := time.date([0, "Europe/Berlin"])`,
			`its zone argument reads $TZ ("Local") or the host's zoneinfo (any other name)`},
		{"time.parse_ns", `r := time.parse_ns("MST", "PST")`,
			`Go's time.Parse resolves a zone abbreviation (layout "MST") against the host's local zone ($TZ)`},
		{"numbers.range", `r := count(numbers.range(1, 1e8))`,
			"allocates a list as long as its arguments say: numbers.range(1, 1e8) exhausts memory"},
		{"bits.lsh", `r := bits.lsh(1, 1e12)`, "allocates 2^n bits for a shift by n"},
		{"strings.render_template", `r := strings.render_template("{{range 100000000000}}x{{end}}", {})`,
			"Go text/template: {{range N}} repeats its body N times, an output unbounded by the template's length"},
	} {
		t.Run(tt.call, func(t *testing.T) {
			_, err := policy.New(context.Background(), policy.WithFS(withModule(t, "x/x.rego", "package dsrkit.x\n"+tt.module+"\n")))
			require.ErrorIs(t, err, policy.ErrPolicy)
			var pe *policy.PolicyError
			require.ErrorAs(t, err, &pe)
			require.Len(t, pe.Messages, 1)
			assert.Regexp(t, `^x/x\.rego:2:\d+: rego_type_error: undefined function `+strings.ReplaceAll(tt.call, ".", `\.`)+` \(`, pe.Messages[0])
			assert.Contains(t, pe.Messages[0], "("+tt.call+" is not allowed in a dsrkit policy: "+tt.reason+"; see policy/rego/capabilities.json)")
		})
	}
}

// A reason the policy writes as a literal object, or whose citation it
// empties with lib.with_citation(r, ""), passes the compile-time check
// (neither calls lib.reason without METADATA) but is never served: the
// decision is refused with a *PolicyError naming the reason and its rule.
func TestUncitedReasonIsNeverServed(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	const module = `package dsrkit.delete

import data.dsrkit.lib

reasons contains {"code": "literal", "message": "a reason written out", "rule": "data.dsrkit.delete.literal"} if input.id == "literal"

# METADATA
# title: Emptied
# custom:
#   citation: Cal. Civ. Code § 1798.105
reasons contains lib.with_citation(lib.reason("emptied", "a citation emptied at run time", rego.metadata.chain()), "") if input.id == "emptied"
`
	eng, err := policy.New(context.Background(), policy.WithFS(withModule(t, "delete/uncited.rego", module)))
	require.NoError(t, err, "the smoke corpus does not reach these reasons")
	for id, msg := range map[string]string{
		"literal": `^policy: the decision's /reasons/\d+ \(rule data\.dsrkit\.delete\.literal\) has no citation$`,
		"emptied": `^policy: the decision's /reasons/\d+ \(rule data\.dsrkit\.delete\.reasons\) has no citation$`,
	} {
		t.Run(id, func(t *testing.T) {
			out, err := eng.Decide(context.Background(), []byte(strings.Replace(caRequest, `"r-1"`, `"`+id+`"`, 1)))
			assert.Nil(t, out)
			require.ErrorIs(t, err, policy.ErrPolicy)
			assert.NotErrorIs(t, err, policy.ErrEvaluation)
			var pe *policy.PolicyError
			require.ErrorAs(t, err, &pe)
			require.Len(t, pe.Messages, 1)
			assert.Regexp(t, msg, pe.Error())
		})
	}
	_, err = eng.Decide(context.Background(), []byte(caRequest))
	require.NoError(t, err, "other requests are decided")
}

// The reproducer as written: the shipped not_covered reason with
// its citation emptied. The smoke corpus reaches it, so the policy is
// refused where it loads.
func TestEmptiedCitationIsRefusedAtLoad(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	fsys := withEdit(t, "delete/delete.rego",
		`rego.metadata.chain()), concat("; ", [l.citation | some l in applicability.results]))`,
		`rego.metadata.chain()), "")`)
	_, err := policy.New(context.Background(), policy.WithFS(fsys))
	require.ErrorIs(t, err, policy.ErrPolicy)
	assert.Equal(t, "policy: the policy fails the smoke request not-covered-new-york.json (delete): policy: the decision's /reasons/0 (rule data.dsrkit.delete.reasons) has no citation", err.Error())

	eng := engine(t)
	before := eng.Info()
	err = eng.Reload(context.Background(), policy.WithFS(fsys), policy.WithRegoTests(false))
	require.ErrorIs(t, err, policy.ErrPolicy)
	assert.Contains(t, err.Error(), "not-covered-new-york.json")
	assert.Equal(t, before, eng.Info(), "the old policy is still served")
}

// A policy whose decisions break the decision schema is refused by Reload
// even with its Rego tests off: the engine keeps serving the old policy.
func TestReloadRefusesAContractBreakingPolicyWithoutItsTests(t *testing.T) {
	policy.SkipMachineryWhenShort(t)
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	fsys := withEdit(t, "delete/delete.rego", `"outcome": outcome,`, `"outcome": "maybe",`)
	eng := engine(t)
	before := eng.Info()
	err := eng.Reload(context.Background(), policy.WithFS(fsys), policy.WithRegoTests(false))
	require.ErrorIs(t, err, policy.ErrPolicy)
	var pe *policy.PolicyError
	require.ErrorAs(t, err, &pe)
	assert.Len(t, pe.Messages, 5, "one per delete request of the smoke corpus: %v", pe.Messages)
	for _, m := range pe.Messages {
		assert.Regexp(t, `^the policy fails the smoke request [a-z0-9-]+\.json \(delete\): deciding delete request: the policy gave a decision that breaks the contract: .*/outcome`, m)
	}
	assert.Equal(t, before, eng.Info())
	out, err := eng.Decide(context.Background(), []byte(caRequest))
	require.NoError(t, err)
	assert.NotContains(t, string(out), `"maybe"`)

	_, err = policy.New(context.Background(), policy.WithFS(fsys))
	require.ErrorIs(t, err, policy.ErrPolicy, "New refuses it too")
}

// The smoke corpus is golden requests, copied; the shipped policy decides
// each within the contract (else New and Reload would refuse it).
func TestSmokeCorpusIsGoldenRequests(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	names, err := filepath.Glob("smoke/*.json")
	require.NoError(t, err)
	require.Len(t, names, 8)
	kinds := map[string]int{}
	eng := engine(t)
	for _, name := range names {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		golden, err := os.ReadFile(filepath.Join("..", "testdata", "cases", strings.TrimSuffix(filepath.Base(name), ".json"), "request.json"))
		require.NoError(t, err, "%s is a copy of a golden request", name)
		assert.Equal(t, string(golden), string(b), "%s differs from its golden request: copy it again", name)
		var r struct{ Kind string }
		require.NoError(t, json.Unmarshal(b, &r))
		kinds[r.Kind]++
		_, err = eng.Decide(context.Background(), b)
		require.NoError(t, err, name)
	}
	assert.Equal(t, map[string]int{"delete": 5, "opt_out": 1, "opt_in": 1, "solicit_opt_in": 1}, kinds)
}

// A playbook rule whose until lies beyond year 9999 (+10026-… as text,
// which sorts before every four-digit year) must not make the claim
// expired and the item deleted: the claim is disputed and the item kept
// for Legal.
func TestFarUntilFromThePlaybookNeverDeletes(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	pb, err := rules.Parse("far.yaml", []byte(`rules:
  - id: far-future
    condition: item.category == "tax_record"
    basis: legal_obligation
    until: as_of.add_years(8000)
`))
	require.NoError(t, err)
	eng, err := policy.New(context.Background(), policy.WithPlaybook(pb))
	require.NoError(t, err)
	req := `{"kind": "delete", "id": "far", "received_at": "2026-03-02T10:00:00-08:00", "as_of": "2026-03-20T10:00:00-07:00",
 "consumer": {"residence": "US-CA"}, "business": {"time_zone": "America/Los_Angeles"},
 "verification": {"method": "account_login", "reauthenticated": true},
 "data": [{"id": "t1", "system": "erp", "system_type": "financial", "category": "tax_record", "source": "consumer"}]}`
	out, err := eng.Decide(context.Background(), []byte(req))
	require.NoError(t, err)
	var d struct {
		Outcome string
		Items   []struct {
			ID, Action string
			Reasons    []struct {
				Code, Message string
				PlaybookRule  string `json:"playbook_rule"`
			}
		}
	}
	require.NoError(t, json.Unmarshal(out, &d))
	require.Len(t, d.Items, 1)
	assert.NotEqual(t, "delete", d.Items[0].Action)
	assert.Equal(t, "retain", d.Items[0].Action)
	assert.Equal(t, "needs_review", d.Outcome)
	assert.NotContains(t, string(out), "+10026")
	require.Len(t, d.Items[0].Reasons, 1)
	assert.Equal(t, "needs_review", d.Items[0].Reasons[0].Code)
	assert.Equal(t, "far-future", d.Items[0].Reasons[0].PlaybookRule)
}
