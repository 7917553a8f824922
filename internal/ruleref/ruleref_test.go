package ruleref_test

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/ruleref"
)

func TestSlug(t *testing.T) {
	assert.Equal(t, "legal-hold-notify-legal", ruleref.Slug("Legal hold — notify Legal"))
	assert.Equal(t, "sale-after-opt-out-1798-135", ruleref.Slug("  Sale after opt-out (§ 1798.135) "))
	assert.Equal(t, "", ruleref.Slug(" — "))
}

const module = `package dsrkit.items

# METADATA
# title: Legal hold
# custom:
#   citation: c
item_reasons[id] contains {"id": id, "m": rego.metadata.chain()} if some id in input.ids

# METADATA
# title: Kept
# custom:
#   id: items.kept
#   citation: c
item_reasons[id] contains {"id": id, "m": rego.metadata.rule()} if some id in input.ids

# METADATA
# title: Not read
helper := 1
`

// TestCompilerGivesEachDefinitionItsIDAndPosition: the stage writes
// custom.id (the author's, else path/slug) and custom.position into the
// METADATA of each definition that reads it, before rego.metadata is
// resolved; a definition that does not read its METADATA is left alone.
func TestCompilerGivesEachDefinitionItsIDAndPosition(t *testing.T) {
	m, err := ast.ParseModuleWithOpts("items/items.rego", module, ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
	require.NoError(t, err)
	c := ruleref.With(ast.NewCompiler())
	c.Compile(map[string]*ast.Module{"items/items.rego": m})
	require.False(t, c.Failed(), "%v", c.Errors)
	var got [][2]any
	for _, r := range c.Modules["items/items.rego"].Rules {
		a := c.GetAnnotationSet().GetRuleScope(r)
		require.Len(t, a, 1)
		got = append(got, [2]any{a[0].Custom["id"], a[0].Custom["position"]})
	}
	assert.Equal(t, [][2]any{
		{"items.item_reasons/legal-hold", "items/items.rego:7"},
		{"items.kept", "items/items.rego:14"},
		{nil, nil},
	}, got)
	assert.Nil(t, m.Rules[0].Annotations[0].Custom["id"], "the parsed module given to the compiler is not modified")
}
