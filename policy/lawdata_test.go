package policy_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

func TestLawData(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	eng, err := policy.New(ctx)
	require.NoError(t, err)
	laws, err := eng.LawData(ctx)
	require.NoError(t, err)
	byID := map[string]policy.Law{}
	for i, l := range laws {
		if i > 0 {
			assert.Less(t, laws[i-1].ID, l.ID, "ordered by id")
		}
		byID[l.ID] = l
	}
	tx, ok := byID["TDPSA"]
	require.True(t, ok, "TDPSA is a law of the embedded policy")
	assert.Equal(t, "tdpsa", tx.Package)
	assert.Regexp(t, `laws/tdpsa\.rego:\d+$`, tx.Position)
	assert.Equal(t, "Texas Data Privacy and Security Act", tx.Data["name"])
	assert.Equal(t, "2024-07-01", tx.Data["in_force"].(map[string]any)["from"])
	assert.Equal(t, "2025-01-01", tx.Data["opt_out"].(map[string]any)["signal"].(map[string]any)["from"])
	assert.Contains(t, byID, "CCPA")
	assert.Contains(t, byID, "GDPR")

	// The caller owns its copy: changing it changes nothing the engine keeps.
	tx.Data["name"] = "changed"
	again, err := eng.LawData(ctx)
	require.NoError(t, err)
	for _, l := range again {
		if l.ID == "TDPSA" {
			assert.Equal(t, "Texas Data Privacy and Security Act", l.Data["name"])
		}
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = eng.LawData(cancelled)
	assert.ErrorIs(t, err, context.Canceled)
}

func ExampleEngine_LawData() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	laws, err := eng.LawData(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range laws {
		if l.ID == "TDPSA" {
			fmt.Println(l.ID, l.Data["in_force"].(map[string]any)["from"])
		}
	}
	// Output: TDPSA 2024-07-01
}
