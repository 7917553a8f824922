// Package ruleref gives every rule definition of a dsrkit policy that reads
// its own METADATA (rego.metadata.chain() or rego.metadata.rule(): the rules
// that give a reason, a notice or an escalation) a stable id and its
// position, so that each reason a decision carries names the one
// definition that produced it.
//
// The id and the position are written into the definition's annotations,
// as custom.id and custom.position, by a compiler stage that runs before
// OPA resolves the rego.metadata calls; the policy's helpers (lib.reason,
// lib.rule_ref) copy them into the reason as rule_id and position. The
// engine and dsrkit's Rego test runner add the same stage (With), so both
// see the same ids; stock `opa test` does not, and there the fields are
// absent.
package ruleref

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Custom keys written into a definition's METADATA.
const (
	IDKey       = "id"       // custom.id: kept when the author wrote one
	PositionKey = "position" // custom.position: "file:line", always set by the stage
)

var (
	metadataChain = ast.RegoMetadataChain.Ref()
	metadataRule  = ast.RegoMetadataRule.Ref()
	dsrkitRoot    = ast.MustParseRef("data.dsrkit")
)

// With adds the stage to a compiler, after OPA builds its annotation set
// and before it rewrites the rego.metadata calls.
func With(c *ast.Compiler) *ast.Compiler {
	return c.WithStageAfterID(ast.StageSetAnnotationSet, ast.CompilerStageDefinition{
		Name:       "dsrkit.AssignRuleRefs",
		MetricName: "compile_stage_dsrkit_assign_rule_refs",
		Stage:      assign,
	})
}

// Slug is the part of an id taken from a METADATA title: lower case
// letters and digits, every other run of characters one "-".
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// Path is a rule's path as an id starts with it: relative to data.dsrkit
// ("items.item_reasons"), or from data for a rule outside it.
func Path(rule *ast.Rule) string {
	ref := rule.Ref().GroundPrefix()
	if !ref.HasPrefix(dsrkitRoot) {
		ref = rule.Module.Package.Path.Extend(ref)
	}
	if ref.HasPrefix(dsrkitRoot) {
		ref = ref[len(dsrkitRoot):]
	} else if len(ref) > 0 && ref[0].Equal(ast.DefaultRootDocument) {
		ref = ref[1:]
	}
	parts := make([]string, len(ref))
	for i, t := range ref {
		if s, ok := t.Value.(ast.String); ok {
			parts[i] = string(s)
		} else {
			parts[i] = t.String()
		}
	}
	return strings.Join(parts, ".")
}

// Reads reports whether a rule reads its own METADATA.
func Reads(rule *ast.Rule) bool {
	found := false
	ast.WalkRefs(rule, func(r ast.Ref) bool {
		if r.Equal(metadataChain) || r.Equal(metadataRule) {
			found = true
		}
		return found
	})
	return found
}

func assign(c *ast.Compiler) *ast.Error {
	as := c.GetAnnotationSet()
	if as == nil {
		return nil
	}
	type owner struct {
		file string
		row  int
	}
	seen := map[string]owner{}
	var msgs []string
	var first *ast.Location
	for _, name := range slices.Sorted(maps.Keys(c.Modules)) {
		for _, rule := range c.Modules[name].Rules {
			if !Reads(rule) {
				continue
			}
			annots := as.GetRuleScope(rule)
			if len(annots) == 0 {
				continue // no METADATA of its own: nothing to name it by
			}
			a := annots[len(annots)-1] // the block closest to the rule
			if a.Custom == nil {
				a.Custom = map[string]any{}
			}
			id, ok := a.Custom[IDKey].(string)
			if !ok || strings.TrimSpace(id) == "" {
				id = Path(rule)
				if s := Slug(a.Title); s != "" {
					id += "/" + s
				}
				a.Custom[IDKey] = id
			}
			// A bundle's module is named "/x.rego": positions are relative to
			// the policy's root, whatever its packaging.
			file, row := strings.TrimPrefix(rule.Location.File, "/"), rule.Location.Row
			a.Custom[PositionKey] = file + ":" + strconv.Itoa(row)
			if prev, dup := seen[id]; dup {
				if first == nil {
					first = rule.Location
				}
				msgs = append(msgs, fmt.Sprintf("%s:%d: rule %s has the id %q of the rule at %s:%d: give one of them a distinct METADATA title or custom.id", file, row, Path(rule), id, prev.file, prev.row))
				continue
			}
			seen[id] = owner{file, row}
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return ast.NewError(ast.CompileErr, first, "%s", strings.Join(msgs, "\n"))
}
