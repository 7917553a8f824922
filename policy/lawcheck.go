package policy

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"

	"github.com/dsrkit/dsrkit/internal/schema"
)

// lawSchemaRule is the rule whose value is the JSON Schema every law's data
// must match (policy/rego/laws/schema.rego).
const lawSchemaRule = "data.dsrkit.law_schema.schema"

// checkLaws checks the data of every law of a compiled policy (the value
// of data.dsrkit.laws.<package>.law) against the policy's own law schema,
// and the effective periods within it. Every problem is reported with the
// law's file and the JSON pointer into its data. It returns the checked
// laws, which the compiled policy keeps for LawData.
func checkLaws(ctx context.Context, compiler *ast.Compiler, store storage.Store) ([]Law, error) {
	schemaDoc, err := evalConst(ctx, compiler, store, lawSchemaRule)
	if err != nil {
		return nil, err
	}
	if schemaDoc == nil {
		return nil, &PolicyError{Messages: []string{"the policy has no law schema (" + lawSchemaRule + ")"}}
	}
	s, err := schema.Compile("law", schemaDoc)
	if err != nil {
		return nil, &PolicyError{Messages: []string{rulePosition(compiler, lawSchemaRule) + ": " + err.Error()}}
	}
	lawsDoc, err := evalConst(ctx, compiler, store, "{pkg: l | l := data.dsrkit.laws[pkg].law}")
	if err != nil {
		return nil, err
	}
	laws, _ := lawsDoc.(map[string]any)
	var msgs []string
	ids := map[string]string{}
	for _, pkg := range slices.Sorted(maps.Keys(laws)) {
		rule := "data.dsrkit.laws." + pkg + ".law"
		file := rulePosition(compiler, rule)
		law := laws[pkg]
		problems := s.Validate(law)
		problems = append(problems, periodProblems(law, "")...)
		for _, p := range problems {
			msgs = append(msgs, fmt.Sprintf("%s: law data %s", file, p))
		}
		if obj, ok := law.(map[string]any); ok {
			if id, ok := obj["id"].(string); ok {
				if other, dup := ids[id]; dup {
					msgs = append(msgs, fmt.Sprintf("%s: law data /id: %q is also the id of the law in %s", file, id, other))
				}
				ids[id] = file
			}
		}
	}
	if msgs != nil {
		return nil, &PolicyError{Messages: msgs}
	}
	return lawList(laws, func(pkg string) string { return rulePosition(compiler, "data.dsrkit.laws."+pkg+".law") }), nil
}

// evalConst evaluates a query that needs no input; nil when undefined.
func evalConst(ctx context.Context, compiler *ast.Compiler, store storage.Store, query string) (any, error) {
	rs, err := newQuery(compiler, store, "x := "+query).Eval(ctx)
	if err != nil {
		return nil, &PolicyError{Messages: []string{fmt.Sprintf("evaluating %s: %v", query, err)}}
	}
	if len(rs) == 0 {
		return nil, nil
	}
	return rs[0].Bindings["x"], nil
}

// rulePosition is the file and line of a rule's first definition.
func rulePosition(compiler *ast.Compiler, rule string) string {
	rules := compiler.GetRulesExact(ast.MustParseRef(rule))
	if len(rules) == 0 || rules[0].Location == nil {
		return rule
	}
	return fmt.Sprintf("%s:%d", rules[0].Location.File, rules[0].Location.Row)
}

// periodProblems checks the effective periods within a law's data: an
// object's "from" must be before its "until"; and within one array, two
// versions of the same entry (equal but for their periods, figures,
// citations and notes) must not be in force on the same day.
func periodProblems(v any, ptr string) []schema.Problem {
	var ps []schema.Problem
	switch v := v.(type) {
	case map[string]any:
		from, hasFrom := v["from"].(string)
		until, hasUntil := v["until"].(string)
		if hasFrom && hasUntil && from >= until {
			ps = append(ps, schema.Problem{Pointer: ptr, Message: fmt.Sprintf("from (%s) must be before until (%s)", from, until)})
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			ps = append(ps, periodProblems(v[k], ptr+"/"+k)...)
		}
	case []any:
		for i, x := range v {
			at := ptr + "/" + strconv.Itoa(i)
			ps = append(ps, periodProblems(x, at)...)
			for j := range i {
				if sameEntry(v[j], x) && overlap(v[j], x) {
					ps = append(ps, schema.Problem{Pointer: at, Message: fmt.Sprintf("its period overlaps that of %s/%d, a version of the same entry", ptr, j)})
				}
			}
		}
	}
	return ps
}

// versionKeys are what may differ between versions of one entry: an
// entry without them (copyJSON) is what its versions share.
var versionKeys = map[string]bool{"from": true, "until": true, "value": true, "citation": true, "note": true}

// sameEntry reports whether a and b are dated versions of one entry.
func sameEntry(a, b any) bool {
	am, ok := a.(map[string]any)
	bm, ok2 := b.(map[string]any)
	if !ok || !ok2 {
		return false
	}
	_, af := am["from"]
	_, au := am["until"]
	_, bf := bm["from"]
	_, bu := bm["until"]
	if !(af || au || bf || bu) {
		return false // undated entries are not versions of each other
	}
	return reflect.DeepEqual(copyJSON(a, versionKeys), copyJSON(b, versionKeys))
}

// overlap reports whether the periods [from, until) of a and b share a day;
// a missing from is the beginning of time, a missing until its end.
func overlap(a, b any) bool {
	am, bm := a.(map[string]any), b.(map[string]any)
	af, _ := am["from"].(string)
	bf, _ := bm["from"].(string)
	au, aok := am["until"].(string)
	bu, bok := bm["until"].(string)
	startsBeforeEnd := func(from, until string, bounded bool) bool { return !bounded || cmp.Less(from, until) }
	return startsBeforeEnd(bf, au, aok) && startsBeforeEnd(af, bu, bok)
}
