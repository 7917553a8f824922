package drp_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/drp"
	"github.com/dsrkit/dsrkit/internal/contracttest"
	"github.com/dsrkit/dsrkit/policy"
	"github.com/dsrkit/dsrkit/schemas"
)

// policyCodes collects every reason code the policy's Rego sources (not
// their tests) can give: the code argument of each lib.reason and
// lib.law_reason call, and the "code" of each object literal that is a
// reason (it has a "message"). A code given through a variable is found
// where the variable gets it: compared with a string in the same rule
// (code == "minor_wait"), or taken from a function's array value
// ([code, msg] := out_of_scope_text(id)). A code it cannot resolve fails
// the test at its file:line, so that a new way of building reasons is
// taught here rather than missed.
func policyCodes(t *testing.T) map[string][]string {
	t.Helper()
	codes := map[string][]string{} // code → where
	var modules []*ast.Module
	err := fs.WalkDir(policy.Embedded(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(policy.Embedded(), path)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(path, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		modules = append(modules, m)
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, modules)

	for _, m := range modules {
		inLib := m.Package.Path.String() == "data.dsrkit.lib" // where lib.reason itself builds the object
		for _, rule := range m.Rules {
			add := func(code *ast.Term, at *ast.Location) {
				where := fmt.Sprintf("%s:%d", at.File, at.Row)
				found := resolve(m, rule, code)
				if len(found) == 0 {
					t.Errorf("%s: a reason code (%v) this test cannot resolve: teach policyCodes how it is set", where, code)
				}
				for _, c := range found {
					codes[c] = append(codes[c], where)
				}
			}
			ast.WalkTerms(rule, func(x *ast.Term) bool {
				switch v := x.Value.(type) {
				case ast.Call:
					if i := codeArg(v[0]); i >= 0 && len(v) > i+1 {
						add(v[i+1], x.Location)
					}
				case ast.Object:
					// a reason written out: with its message, or with its
					// rule and its message added later (not_resident)
					if c := v.Get(ast.StringTerm("code")); c != nil && (v.Get(ast.StringTerm("message")) != nil || v.Get(ast.StringTerm("rule")) != nil) && !inLib {
						add(c, x.Location)
					}
				}
				return false
			})
			ast.WalkExprs(rule, func(e *ast.Expr) bool {
				if e.IsCall() {
					ops := e.Operands()
					if i := codeArg(e.Operator()); i >= 0 && len(ops) > i {
						add(ops[i], e.Location)
					}
				}
				return false
			})
		}
	}
	return codes
}

// codeArg is the index of the code among a reason constructor's arguments.
func codeArg(op any) int {
	var ref ast.Ref
	switch o := op.(type) {
	case *ast.Term:
		ref, _ = o.Value.(ast.Ref)
	case ast.Ref:
		ref = o
	}
	switch ref.String() {
	case "lib.reason":
		return 0
	case "lib.law_reason":
		return 1
	}
	return -1
}

// resolve returns the string values a code term can have inside rule.
func resolve(m *ast.Module, rule *ast.Rule, code *ast.Term) []string {
	switch v := code.Value.(type) {
	case ast.String:
		return []string{string(v)}
	case ast.Var:
		var out []string
		ast.WalkExprs(rule, func(e *ast.Expr) bool {
			if !e.IsCall() {
				return false
			}
			ops := e.Operands()
			switch {
			case e.Operator().Equal(ast.Equal.Ref()) && len(ops) == 2:
				// code == "literal"
				for i, o := range ops {
					if o.Value.Compare(v) == 0 {
						if s, ok := ops[1-i].Value.(ast.String); ok {
							out = append(out, string(s))
						}
					}
				}
			case (e.Operator().Equal(ast.Assign.Ref()) || e.Operator().Equal(ast.Equality.Ref())) && len(ops) == 2:
				// [code, msg] := f(x)
				arr, ok := ops[0].Value.(*ast.Array)
				call, isCall := ops[1].Value.(ast.Call)
				if !ok || !isCall {
					return false
				}
				for i := range arr.Len() {
					if arr.Elem(i).Value.Compare(v) != 0 {
						continue
					}
					name := call[0].Value.(ast.Ref).String()
					for _, r := range m.Rules {
						if r.Head.Ref().String() != name || r.Head.Value == nil {
							continue
						}
						if a, ok := r.Head.Value.Value.(*ast.Array); ok && a.Len() > i {
							if s, ok := a.Elem(i).Value.(ast.String); ok {
								out = append(out, string(s))
							}
						}
					}
				}
			}
			return false
		})
		return out
	}
	return nil
}

// goldenCodes are the reason codes the golden decisions give.
func goldenCodes(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("../testdata/cases/*/decision.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	codes := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var d struct {
			policy.Envelope
			Items []struct {
				Reasons []policy.Reason `json:"reasons"`
			} `json:"items"`
		}
		require.NoError(t, json.Unmarshal(b, &d))
		rs := slices.Clone(d.Reasons)
		for _, l := range d.Laws {
			rs = append(rs, l.Reasons...)
		}
		for _, it := range d.Items {
			rs = append(rs, it.Reasons...)
		}
		for _, r := range rs {
			codes[r.Code] = true
		}
	}
	return codes
}

// TestEveryReasonCodeMapped: every reason code the policy can give has a
// DRP mapping, and the mapping names no code the policy cannot give.
func TestEveryReasonCodeMapped(t *testing.T) {
	codes := policyCodes(t)
	for c := range goldenCodes(t) {
		require.Contains(t, codes, c, "a golden decision's code the scan of the policy did not find")
	}
	for _, c := range slices.Sorted(maps.Keys(codes)) {
		_, ok := drp.Reasons[c]
		require.True(t, ok, "reason code %q (%s) has no DRP mapping: add it to drp.Reasons and docs/drp.md", c, strings.Join(codes[c], ", "))
	}
	for _, c := range slices.Sorted(maps.Keys(drp.Reasons)) {
		require.Contains(t, codes, c, "drp.Reasons maps %q, which the policy does not give", c)
	}
}

// TestEveryOutcomeMapped: every outcome the decision schema allows a kind
// an agent can ask has a DRP status, and no other.
func TestEveryOutcomeMapped(t *testing.T) {
	s, err := contracttest.Load(schemas.FS)
	require.NoError(t, err)
	kinds, err := s.Names("common.json", "#/$defs/kind")
	require.NoError(t, err)
	var want []string
	for _, k := range kinds {
		if k == policy.KindSolicitOptIn {
			continue // not an exercise: Status refuses it
		}
		outcomes, err := s.Names("decision.json", "#/$defs/"+k+"/properties/outcome")
		require.NoError(t, err)
		require.NotEmpty(t, outcomes, k)
		for _, o := range outcomes {
			want = append(want, k+"/"+o)
		}
	}
	slices.Sort(want)
	require.Equal(t, want, slices.Sorted(maps.Keys(drp.Outcomes)))
}

// TestDocumentedTable: docs/drp.md holds the mapping as it is.
func TestDocumentedTable(t *testing.T) {
	b, err := os.ReadFile("../docs/drp.md")
	require.NoError(t, err)
	doc := string(b)
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return "`" + s + "`"
	}
	for _, k := range slices.Sorted(maps.Keys(drp.Outcomes)) {
		m := drp.Outcomes[k]
		kind, outcome, _ := strings.Cut(k, "/")
		row := fmt.Sprintf("| `%s` | `%s` | %s | %s | %s |", kind, outcome, dash(m.Status), dash(m.Reason), dash(m.Done))
		require.Contains(t, doc, row+"\n")
	}
	for _, c := range slices.Sorted(maps.Keys(drp.Reasons)) {
		require.Contains(t, doc, fmt.Sprintf("| `%s` | %s |\n", c, dash(drp.Reasons[c])))
	}
}
