package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecideWithPlaybookEscalationLevels: issue 15 — a playbook sets the
// level of sold_after_opt_out, which only the Rego knew and the playbook
// schema refused; the decision escalates to it.
func TestDecideWithPlaybookEscalationLevels(t *testing.T) {
	const req = "../../testdata/cases/optout-sale-after-processing/request.json"
	for _, tt := range []struct {
		args  []string
		level float64
		to    string
	}{
		{[]string{"decide", req}, 3, "Legal Counsel"},
		{[]string{"decide", "--playbook", "../../rules/testdata/escalations.yaml", req}, 1, "Privacy Team Lead"},
	} {
		code, out, stderr := dsrkit(t, "", tt.args...)
		require.Equal(t, exitOK, code, stderr)
		var d struct {
			Escalations []struct {
				Trigger string  `json:"trigger"`
				Level   float64 `json:"level"`
				To      string  `json:"to"`
			} `json:"escalations"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &d))
		require.Len(t, d.Escalations, 1)
		assert.Equal(t, "sold_after_opt_out", d.Escalations[0].Trigger)
		assert.Equal(t, tt.level, d.Escalations[0].Level)
		assert.Equal(t, tt.to, d.Escalations[0].To)
	}

	code, out, stderr := dsrkit(t, "", "decide", "--playbook", "../../rules/testdata/bad/unknown-trigger.yaml", req)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, out)
	assert.Equal(t, "dsrkit: policy: ../../rules/testdata/bad/unknown-trigger.yaml:5: /settings/escalation_levels/sold_after_optout: schema violation: unknown key \"sold_after_optout\"\n", stderr)
}
