package policy_test

import (
	"context"
	"encoding/json"
	"errors"
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
	eng := engine(t)
	require.NoError(t, eng.Reload(context.Background(), policy.WithPlaybookFile(acme), policy.WithRegoTests(false)))
	assert.Equal(t, acme, eng.Info().Playbook.Name)
	err := eng.Reload(context.Background(), policy.WithPlaybookFile("../rules/testdata/bad/unknown-field.yaml"))
	require.ErrorIs(t, err, policy.ErrPolicy)
	assert.Equal(t, acme, eng.Info().Playbook.Name, "a bad playbook is never served")
}
