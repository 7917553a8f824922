package policy_test

import (
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

// TestRegoIsFormatted keeps the policy as `opa fmt` writes it.
func TestRegoIsFormatted(t *testing.T) {
	n := 0
	err := fsWalk(policy.Embedded(), func(p string, b []byte) {
		if !strings.HasSuffix(p, ".rego") {
			return
		}
		n++
		want, err := format.SourceWithOpts(p, b, format.Opts{RegoVersion: ast.RegoV1})
		require.NoError(t, err, p)
		assert.Equal(t, string(want), string(b), "%s is not opa fmt-clean", p)
	})
	require.NoError(t, err)
	require.Greater(t, n, 10)
}
