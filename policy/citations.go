package policy

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
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

// citedLists are the decision's top-level lists whose every element cites
// the law it comes from; citedObjects are the objects that do, wherever
// they appear (items[].exception, record). Every reasons list, at any
// depth (reasons, laws[].reasons, items[].reasons), is checked too.
var (
	citedLists   = []string{"laws", "notices", "timeline", "third_party_instructions"}
	citedObjects = []string{"exception", "record"}
)

// maxUncited bounds the messages of one uncited decision.
const maxUncited = 10

// checkServedCitations walks a decision (or the laws list, as "laws") as
// the policy gave it, once, and refuses it when a reason, a law, a notice,
// a timeline entry, an exception, the record or a third-party instruction
// has no citation: a *PolicyError naming each by its JSON pointer and the
// rule that gave it. The compile-time check (checkCitations) sees only the
// rules that call lib.reason; this one also catches a literal reason object
// and a citation emptied at run time (lib.with_citation(r, "")).
func checkServedCitations(decision map[string]any) error {
	var msgs []string
	var path []string // the JSON pointer's tokens, written out only for a message
	need := func(v any, tokens ...string) {
		m, _ := v.(map[string]any)
		if s, ok := m["citation"].(string); ok && strings.TrimSpace(s) != "" {
			return
		}
		var ptr strings.Builder
		for _, t := range append(path, tokens...) {
			ptr.WriteString("/" + escapePointer(t))
		}
		what := ""
		if rule, ok := m["rule"].(string); ok && rule != "" {
			what = " (rule " + rule + ")"
		}
		msgs = append(msgs, fmt.Sprintf("the decision's %s%s has no citation", ptr.String(), what))
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, c := range v {
				list, isList := c.([]any)
				switch {
				case k == "reasons" && isList, len(path) == 0 && isList && slices.Contains(citedLists, k):
					for i, e := range list {
						need(e, k, strconv.Itoa(i))
					}
				case slices.Contains(citedObjects, k):
					need(c, k)
				}
				if _, isMap := c.(map[string]any); isMap || isList {
					path = append(path, k)
					walk(c)
					path = path[:len(path)-1]
				}
			}
		case []any:
			for i, e := range v {
				switch e.(type) {
				case map[string]any, []any:
					path = append(path, strconv.Itoa(i))
					walk(e)
					path = path[:len(path)-1]
				}
			}
		}
	}
	walk(decision)
	if len(msgs) == 0 {
		return nil
	}
	slices.Sort(msgs) // the walk's order is a map's
	if n := len(msgs); n > maxUncited {
		msgs = append(msgs[:maxUncited], fmt.Sprintf("and %d more without a citation", n-maxUncited))
	}
	return &PolicyError{Messages: msgs}
}

// escapePointer escapes a key for a JSON pointer (RFC 6901).
func escapePointer(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}
