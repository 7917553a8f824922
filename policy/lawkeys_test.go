package policy_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

// The GDPR's erasure grounds are a closed schema: an unknown key is refused
// at load, naming the law's file and the JSON pointer (issue 15). So is an
// unknown exception basis, now named by its own pointer.
func TestLawGroundsAreAClosedSchema(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	for name, tc := range map[string]struct{ old, new, want string }{
		"unknown ground": {
			`"implied_by_claim": {`, `"implyed_by_claim": {}, "implied_by_claim": {`,
			`law data /delete/grounds/implyed_by_claim: unknown field`,
		},
		"unknown lawful basis": {
			`"vital_interests": {`, `"vital_interest": {"effect": "none", "citation": "GDPR Art. 6(1)(d)", "text": "x"}, "vital_interests": {`,
			`law data /delete/grounds/lawful_basis/vital_interest: unknown field`,
		},
		"unknown key of a finding": {
			`"no_longer_necessary": {`, `"no_longer_necessary": {"effects": "ground",`,
			`law data /delete/grounds/no_longer_necessary/effects: unknown field`,
		},
		"unknown exception basis": {
			`"free_speech": {"citation": "GDPR Art. 17(3)(a)"},`, `"free_speach": {"citation": "GDPR Art. 17(3)(a)"},`,
			`law data /delete/exceptions/bases/free_speach: unknown field`,
		},
		"bad effect": {
			`"effect": "objection",`, `"effect": "objects",`,
			`law data /delete/grounds/lawful_basis/public_task/effect: "objects" is not one of ground, none, objection`,
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := policy.New(context.Background(), withLawEdit(t, "laws/gdpr.rego", tc.old, tc.new))
			require.ErrorIs(t, err, policy.ErrPolicy)
			assert.Contains(t, err.Error(), "laws/gdpr.rego:")
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// A law's data alone gives it the CCPA-style behaviour the generic rules
// read (issue 15): Virginia's file with an offer_opt_out key and an agent
// clause gets the opt-out offer and the clause's citation, with no rule
// change; without the keys it gets neither. (The Va. Code subsections X
// and Y are made up: the test edits a copy of the policy.)
func TestLawKeyGivesTheBehaviourWithNoRuleChange(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	req := []byte(`{"kind": "delete", "id": "va-1", "received_at": "2026-03-02", "as_of": "2026-04-16T12:00:00Z",
		"consumer": {"residence": "US-VA"},
		"requester": {"type": "authorized_agent", "authorization": "none"},
		"business": {"time_zone": "America/New_York", "annual_revenue_usd": 0, "consumers_per_year": 200000, "sells_or_shares": true}}`)
	type cited struct{ Code, Citation string }
	decide := func(eng *policy.Engine) (outcome string, notices, reasons map[string]string) {
		t.Helper()
		out, err := eng.Decide(ctx, req)
		require.NoError(t, err)
		var d struct {
			Outcome string
			Notices []cited
			Reasons []cited
		}
		require.NoError(t, json.Unmarshal(out, &d))
		notices, reasons = map[string]string{}, map[string]string{}
		for _, n := range d.Notices {
			notices[n.Code] = n.Citation
		}
		for _, r := range d.Reasons {
			reasons[r.Code] = r.Citation
		}
		return d.Outcome, notices, reasons
	}

	shipped, err := policy.New(ctx)
	require.NoError(t, err)
	outcome, notices, reasons := decide(shipped)
	assert.Equal(t, "unverified", outcome)
	assert.NotContains(t, notices, "offer_opt_out")
	assert.Equal(t, "Va. Code § 59.1-577(B)(4)", reasons["agent_permission_missing"])

	edited, err := policy.New(ctx, withLawEdit(t, "laws/vcdpa.rego",
		`"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Va. Code § 59.1-577(B)(4)"},`,
		`"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Va. Code § 59.1-577(B)(4)", "clauses": {"agent_permission_missing": {"citation": "Va. Code § 59.1-577(X)"}}},`))
	require.NoError(t, err)
	offering, err := policy.New(ctx, withLawEdit(t, "laws/vcdpa.rego", `"denial": {"citation": "Va. Code § 59.1-577(B)(2)"},`,
		`"denial": {"citation": "Va. Code § 59.1-577(B)(2)"}, "offer_opt_out": {"citation": "Va. Code § 59.1-577(Y)"},`))
	require.NoError(t, err)

	_, _, reasons = decide(edited)
	assert.Equal(t, "Va. Code § 59.1-577(X)", reasons["agent_permission_missing"])
	outcome, notices, _ = decide(offering)
	assert.Equal(t, "unverified", outcome)
	assert.Equal(t, "Va. Code § 59.1-577(Y)", notices["offer_opt_out"])
}
