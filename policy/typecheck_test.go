package policy_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

// A misspelt input path is a load error at its file and line (issue 15):
// the compiler types input with the request schema.
func TestMisspeltInputPathIsALoadError(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	for name, tc := range map[string]struct{ module, want string }{
		"field":         {"package dsrkit.x\n\nr if input.consumer.residnce == \"US-CA\"\n", "x/x.rego:3:6: rego_type_error: undefined ref: input.consumer.residnce"},
		"nested item":   {"package dsrkit.x\n\nr if input.data[_].legal_hld\n", "x/x.rego:3:6: rego_type_error: undefined ref: input.data[_].legal_hld"},
		"through a var": {"package dsrkit.x\n\nr if {\n\tb := input.business\n\tb.tme_zone == \"UTC\"\n}\n", "x/x.rego:5:2: rego_type_error: undefined ref: b.tme_zone"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := policy.New(context.Background(), policy.WithFS(withModule(t, "x/x.rego", tc.module)))
			require.ErrorIs(t, err, policy.ErrPolicy)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// The fields the engine lays over a request are typed too: the policy may
// read them.
func TestInputSchemaKnowsEveryRequestField(t *testing.T) {
	module := "package dsrkit.x\n\nr if {\n\tinput.consumer.residence == \"US-CA\"\n\tinput.data[_].exceptions[_].basis == \"legal_claims\"\n\tinput.playbook.anything\n}\n"
	_, err := policy.New(context.Background(), policy.WithFS(withModule(t, "x/x.rego", module)))
	require.NoError(t, err)
}
