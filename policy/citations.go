package policy

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/dsrkit/dsrkit/internal/source"
)

// reasonRefs are the helpers through which a rule gives a reason; such a
// rule must say in its METADATA which section of the law it implements.
var reasonRefs = []ast.Ref{
	ast.MustParseRef("data.dsrkit.lib.reason"),
	ast.MustParseRef("data.dsrkit.lib.law_reason"),
	ast.MustParseRef("data.dsrkit.lib.rule_name"),
}

var libPackage = ast.MustParseRef("data.dsrkit.lib")

// checkCitations refuses a policy in which a rule gives a reason without a
// citation (custom.citation in its own METADATA).
func checkCitations(c *ast.Compiler) error {
	as := c.GetAnnotationSet()
	var msgs []string
	for _, name := range slices.Sorted(maps.Keys(c.Modules)) {
		m := c.Modules[name]
		if m.Package.Path.Equal(libPackage) {
			continue // the helpers themselves
		}
		for _, rule := range m.Rules {
			if !givesReason(rule) || hasCitation(as, rule) {
				continue
			}
			msgs = append(msgs, fmt.Sprintf("%s: rule %s gives a reason but its METADATA has no custom.citation", source.Position(rule.Location), rule.Head.Ref()))
		}
	}
	if len(msgs) > 0 {
		return &PolicyError{Messages: msgs}
	}
	return nil
}

func givesReason(rule *ast.Rule) bool {
	found := false
	ast.WalkRefs(rule, func(r ast.Ref) bool {
		for _, p := range reasonRefs {
			if r.HasPrefix(p) {
				found = true
			}
		}
		return found
	})
	return found
}

func hasCitation(as *ast.AnnotationSet, rule *ast.Rule) bool {
	for _, a := range as.GetRuleScope(rule) {
		if s, ok := a.Custom["citation"].(string); ok && strings.TrimSpace(s) != "" {
			return true
		}
	}
	return false
}
