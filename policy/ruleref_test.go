package policy_test

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/ruleref"
	"github.com/dsrkit/dsrkit/policy"
)

// tracedLists are the lists whose every element names the rule definition
// that gave it, wherever they appear (reasons also in laws[] and items[]).
var tracedLists = map[string]bool{"reasons": true, "notices": true, "escalations": true, "timeline": true}

// TestGoldenRuleRefsResolve: in every golden decision, each reason (at any
// depth), notice, escalation and timeline step has a rule_id and a
// position, and the embedded policy's file at that position holds, on that
// line, the head of a rule whose path the id starts with.
func TestGoldenRuleRefsResolve(t *testing.T) {
	heads := map[string]*ast.Rule{} // "file:line" → the rule whose head starts there
	err := fsWalk(policy.Embedded(), func(p string, b []byte) {
		if !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return
		}
		m, err := ast.ParseModuleWithOpts(p, string(b), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
		require.NoError(t, err, p)
		for _, r := range m.Rules {
			heads[p+":"+strconv.Itoa(r.Location.Row)] = r
		}
	})
	require.NoError(t, err)

	files, err := filepath.Glob("../testdata/cases/*/decision.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	ids, rules := map[string]bool{}, map[string]bool{}
	for _, file := range files {
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		var d any
		require.NoError(t, json.Unmarshal(b, &d))
		n := 0
		var walk func(v any, ptr string)
		walk = func(v any, ptr string) {
			switch v := v.(type) {
			case map[string]any:
				for k, c := range v {
					if list, ok := c.([]any); ok && tracedLists[k] {
						for i, e := range list {
							n++
							checkRuleRef(t, heads, e, file+"#"+ptr+"/"+k+"/"+strconv.Itoa(i))
							if m, ok := e.(map[string]any); ok {
								ids[m["rule_id"].(string)] = true
								if r, ok := m["rule"].(string); ok {
									rules[r] = true
								}
							}
						}
					}
					walk(c, ptr+"/"+k)
				}
			case []any:
				for i, e := range v {
					walk(e, ptr+"/"+strconv.Itoa(i))
				}
			}
		}
		walk(d, "")
		require.Positive(t, n, "%s has no reason", file)
	}
	// Each element names one definition: many ids per rule path (16 paths,
	// 89 ids over the 141 cases when this was written).
	assert.Greater(t, len(ids), 4*len(rules), "distinct rule ids (%d) against distinct rule paths (%d)", len(ids), len(rules))
}

func checkRuleRef(t *testing.T, heads map[string]*ast.Rule, e any, where string) {
	t.Helper()
	m, ok := e.(map[string]any)
	require.True(t, ok, where)
	id, _ := m["rule_id"].(string)
	pos, _ := m["position"].(string)
	if !assert.NotEmpty(t, id, "%s: no rule_id", where) || !assert.NotEmpty(t, pos, "%s: no position", where) {
		return
	}
	rule, ok := heads[pos]
	if !assert.True(t, ok, "%s: no rule head at %s", where, pos) {
		return
	}
	path := ruleref.Path(rule)
	assert.True(t, id == path || strings.HasPrefix(id, path+"/"), "%s: id %s does not name the rule %s at %s", where, id, path, pos)
	if rule, ok := m["rule"].(string); ok {
		assert.Equal(t, "data.dsrkit."+path, rule, "%s: rule and rule_id name the same rule", where)
	}
}

// TestRuleIDsAreUniqueAtLoad: two definitions of one rule with the same
// METADATA title would share an id; the policy is refused at load, naming
// both positions and what to do.
func TestRuleIDsAreUniqueAtLoad(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	fsys := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(policy.Embedded(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(policy.Embedded(), p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	}))
	extra := `package dsrkit.extra

import data.dsrkit.lib

# METADATA
# title: Same title
# custom:
#   citation: Cal. Civ. Code § 1798.105
reasons contains lib.reason("a", "first", rego.metadata.chain()) if input.kind == "delete"

# METADATA
# title: Same  title!
# custom:
#   citation: Cal. Civ. Code § 1798.105
reasons contains lib.reason("b", "second", rego.metadata.chain()) if input.kind == "delete"
`
	fsys["extra/extra.rego"] = &fstest.MapFile{Data: []byte(extra)}
	_, err := policy.New(context.Background(), policy.WithFS(fsys))
	var pe *policy.PolicyError
	require.True(t, errors.As(err, &pe), "%v", err)
	assert.ErrorIs(t, err, policy.ErrPolicy)
	assert.Contains(t, err.Error(), `extra/extra.rego:15: rule extra.reasons has the id "extra.reasons/same-title" of the rule at extra/extra.rego:9: give one of them a distinct METADATA title or custom.id`)

	// A custom.id written by the author is kept, and tells them apart.
	fsys["extra/extra.rego"] = &fstest.MapFile{Data: []byte(strings.Replace(extra, "# title: Same  title!\n# custom:\n", "# title: Same  title!\n# custom:\n#   id: extra.reasons/second\n", 1))}
	_, err = policy.New(context.Background(), policy.WithFS(fsys))
	require.NoError(t, err)
}
