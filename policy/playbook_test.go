package policy_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
	"github.com/dsrkit/dsrkit/rules"
)

const acme = "../examples/playbook/acme.yaml"

func decideWith(t *testing.T, eng *policy.Engine, request string) map[string]any {
	t.Helper()
	out, err := eng.Decide(context.Background(), []byte(request))
	require.NoError(t, err)
	var d map[string]any
	require.NoError(t, json.Unmarshal(out, &d))
	return d
}

func TestDefaultPlaybookIsApplied(t *testing.T) {
	info := engine(t).Info()
	assert.Equal(t, "default.yaml", info.Playbook.Name)
	assert.Equal(t, "sha256:"+rules.Default().Digest(), info.Playbook.Digest)
}

func TestACustomPlaybookChangesClaimsAndSettings(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	eng, err := policy.New(context.Background(), policy.WithPlaybookFile(acme))
	require.NoError(t, err)
	assert.Equal(t, acme, eng.Info().Playbook.Name)

	// A card payment inside Acme's chargeback window is kept under its
	// rule; the record is kept 5 years (Acme) instead of 3 (default).
	req := `{"kind": "delete", "received_at": "2026-11-20", "as_of": "2026-12-01T09:00:00Z",
	  "consumer": {"residence": "US-CA"}, "business": {"annual_revenue_usd": 40000000},
	  "verification": {"method": "account_login", "reauthenticated": true},
	  "data": [{"id": "pay", "system_type": "ecommerce", "category": "payment", "source": "consumer", "attributes": {"paid_on": "2026-10-02"}}]}`
	d := decideWith(t, eng, req)
	item := d["items"].([]any)[0].(map[string]any)
	assert.Equal(t, "retain", item["action"])
	assert.Equal(t, "2027-01-30", item["retain_until"])
	reason := item["reasons"].([]any)[0].(map[string]any)
	assert.Equal(t, "chargeback-window", reason["playbook_rule"])
	assert.Equal(t, "2032-01-04", d["record"].(map[string]any)["retain_until"])

	// Under the default playbook the same payment has no claim: deleted.
	d = decideWith(t, engine(t), req)
	assert.Equal(t, "delete", d["items"].([]any)[0].(map[string]any)["action"])
}

func TestABadPlaybookFailsAtLoad(t *testing.T) {
	for _, file := range []string{"unknown-field.yaml", "type-error.yaml", "not-bool.yaml", "cost.yaml", "schema.yaml"} {
		t.Run(file, func(t *testing.T) {
			path := "../rules/testdata/bad/" + file
			_, err := policy.New(context.Background(), policy.WithPlaybookFile(path))
			require.Error(t, err)
			assert.True(t, errors.Is(err, policy.ErrPolicy))
			var le *rules.LoadError
			require.True(t, errors.As(err, &le), "the playbook's own error is wrapped")
			var pe *policy.PolicyError
			require.True(t, errors.As(err, &pe))
			require.Len(t, pe.Messages, len(le.Problems))
			assert.Contains(t, pe.Messages[0], path)
		})
	}
}

func TestReloadSwapsThePlaybookWithThePolicy(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	eng := engine(t)
	require.NoError(t, eng.Reload(context.Background(), policy.WithPlaybookFile(acme), policy.WithRegoTests(false)))
	assert.Equal(t, acme, eng.Info().Playbook.Name)
	err := eng.Reload(context.Background(), policy.WithPlaybookFile("../rules/testdata/bad/unknown-field.yaml"))
	require.ErrorIs(t, err, policy.ErrPolicy)
	assert.Equal(t, acme, eng.Info().Playbook.Name, "a bad playbook is never served")
}

// decideCase decides the request of a golden case with eng.
func decideCase(t *testing.T, eng *policy.Engine, name string) map[string]any {
	t.Helper()
	req, err := os.ReadFile("../testdata/cases/" + name + "/request.json")
	require.NoError(t, err)
	return decideWith(t, eng, string(req))
}

// escalation is the decision's escalation for trigger, without its trace.
func escalation(t *testing.T, d map[string]any, trigger string) map[string]any {
	t.Helper()
	for _, e := range d["escalations"].([]any) {
		if e := e.(map[string]any); e["trigger"] == trigger {
			return map[string]any{"trigger": e["trigger"], "level": e["level"], "to": e["to"]}
		}
	}
	t.Fatalf("no %s escalation in %v", trigger, d["escalations"])
	return nil
}

// TestPlaybookSetsTheOptOutEscalations: issue 15 — the escalation levels of
// sold_after_opt_out and reading_contested existed only in the Rego and the
// playbook schema refused them. A playbook now sets them and the decision
// escalates to the level it sets.
func TestPlaybookSetsTheOptOutEscalations(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	eng, err := policy.New(context.Background(), policy.WithPlaybookFile("../rules/testdata/escalations.yaml"))
	require.NoError(t, err)
	tests := []struct {
		golden, trigger string
		def, set        map[string]any
	}{
		{"optout-sale-after-processing", "sold_after_opt_out",
			map[string]any{"trigger": "sold_after_opt_out", "level": 3.0, "to": "Legal Counsel"},
			map[string]any{"trigger": "sold_after_opt_out", "level": 1.0, "to": "Privacy Team Lead"}},
		{"gpc-gdpr-objection-by-automated-means-contested", "reading_contested",
			map[string]any{"trigger": "reading_contested", "level": 1.0, "to": "Privacy Team Lead"},
			map[string]any{"trigger": "reading_contested", "level": 4.0, "to": "Executive Leadership"}},
	}
	for _, tt := range tests {
		t.Run(tt.trigger, func(t *testing.T) {
			assert.Equal(t, tt.def, escalation(t, decideCase(t, engine(t), tt.golden), tt.trigger), "the default playbook")
			assert.Equal(t, tt.set, escalation(t, decideCase(t, eng, tt.golden), tt.trigger), "the playbook's level")
		})
	}
}

// TestPlaybookWithAnUnknownSettingFailsAtLoad: a misspelt setting or
// trigger is refused when the engine starts, naming it.
func TestPlaybookWithAnUnknownSettingFailsAtLoad(t *testing.T) {
	tests := []struct{ file, pointer, msg string }{
		{"unknown-trigger.yaml", "/settings/escalation_levels/sold_after_optout", `unknown key "sold_after_optout"`},
		{"unknown-setting.yaml", "/settings/record_retension", `unknown key "record_retension"`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := "../rules/testdata/bad/" + tt.file
			_, err := policy.New(context.Background(), policy.WithPlaybookFile(path))
			require.ErrorIs(t, err, policy.ErrPolicy)
			require.ErrorIs(t, err, rules.ErrSchema)
			var e *rules.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, path, e.File)
			assert.Equal(t, tt.pointer, e.Pointer)
			assert.Equal(t, 5, e.FileLine)
			assert.Equal(t, path+":5: "+tt.pointer+": schema violation: "+tt.msg, e.Error())
		})
	}
}

// TestPlaybookSettingTheLoadedPolicyDoesNotName: the loaded policy's
// defaults name what a playbook may set. A policy without the
// sold_after_opt_out trigger refuses a playbook that sets it (the schema,
// written for the shipped policy, lets it through), with a typed error
// naming it; the default playbook, which sets nothing of its own, still
// loads with that policy.
func TestPlaybookSettingTheLoadedPolicyDoesNotName(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	fsys := withEdit(t, "playbook/playbook.rego", "\t\t\"sold_after_opt_out\": 3,\n", "")
	_, err := policy.New(context.Background(), policy.WithFS(fsys), policy.WithPlaybookFile("../rules/testdata/escalations.yaml"))
	require.ErrorIs(t, err, policy.ErrPolicy)
	var se *policy.PlaybookSettingError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, &policy.PlaybookSettingError{Playbook: "../rules/testdata/escalations.yaml", Pointers: []string{"/settings/escalation_levels/sold_after_opt_out"}}, se)
	var pe *policy.PolicyError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, []string{"../rules/testdata/escalations.yaml: /settings/escalation_levels/sold_after_opt_out: the policy has no such setting (its settings are named at playbook/playbook.rego:16)"}, pe.Messages)

	_, err = policy.New(context.Background(), policy.WithFS(fsys), policy.WithPlaybook(rules.Default()))
	require.NoError(t, err)
}

// TestAPlaybookLeavesTheRestToThePolicy: input.playbook carries only what
// the playbook sets, so a policy whose defaults differ decides with its
// own defaults for the rest.
func TestAPlaybookLeavesTheRestToThePolicy(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	fsys := withEdit(t, "playbook/playbook.rego", "\t\t\"reading_contested\": 1,\n", "\t\t\"reading_contested\": 2,\n")
	eng, err := policy.New(context.Background(), policy.WithFS(fsys))
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"trigger": "reading_contested", "level": 2.0, "to": "Chief Privacy Officer"},
		escalation(t, decideCase(t, eng, "gpc-gdpr-objection-by-automated-means-contested"), "reading_contested"))
}
