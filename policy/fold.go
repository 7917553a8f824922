package policy

// Folding (issue 16). Some of a policy's rules do not read the request:
// the law data gathered by id (data.dsrkit.applicability.laws), the texts
// of a law's tests, the laws[] entries of the laws whose territory a
// consumer living in a given place is outside. Plain evaluation computes
// them again for every request. When it compiles the policy, the engine
// finds, from the policy itself, the rules that
//
//   - take no arguments and are referred to by name (a ground reference)
//     from a rule or function whose value depends on the input, or from a
//     function;
//   - do not depend on the input (nor on a rule or function that does),
//     use no with and call no built-in that is not deterministic;
//
// evaluates them once, and lays their values over every evaluation of a
// decision with `with`, as the memo lays its values. A legal editor who
// makes such a rule read the request takes it out of the fold; the
// engine never holds a hand list of them. WithoutMemo evaluates the policy
// plainly: no fold, no memo. The differential test checks that the two
// give the same decisions.

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
)

// foldable lists the paths of the rules the engine may evaluate once,
// sorted.
func foldable(c *ast.Compiler) []ast.Ref {
	w := newWalker(c, func(*ast.Rule) bool { return false })
	pure := map[*ast.Rule]bool{}
	found := map[string]ast.Ref{}
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			if len(r.Head.Args) == 0 && !w.dependsOnInput(r) {
				continue // folded itself, or read only by rules that are
			}
			visit(r, func(ref ast.Ref) {
				if !ref.HasPrefix(ast.DefaultRootRef) {
					return
				}
				path, rules := rulePath(c, ref)
				if literal(rules) {
					return // as cheap to evaluate as to lay over
				}
				for _, q := range rules {
					if len(q.Head.Args) > 0 || w.dependsOnInput(q) || !w.deterministic(q, pure) {
						return
					}
				}
				if len(rules) > 0 {
					found[path.String()] = path
				}
			}, nil)
		}
	}
	refs := make([]ast.Ref, 0, len(found))
	for _, k := range sortedKeys(found) {
		refs = append(refs, found[k])
	}
	return refs
}

// literal: each of the rules is written as its value (x := {...}), which
// OPA evaluates as cheaply as a with it would be replaced by.
func literal(rules []*ast.Rule) bool {
	for _, r := range rules {
		if r.Head.Value == nil || !r.Head.Value.IsGround() || len(r.Head.Args) > 0 || r.Else != nil ||
			len(r.Body) != 1 || !r.Body[0].Equal(ast.NewExpr(ast.BooleanTerm(true))) {
			return false
		}
	}
	return true
}

// rulePath is the path of the rule a reference reads by name, and its
// definitions: the longest ground prefix of ref that is a rule's path
// (data.p.laws of data.p.laws[id].citation). None when ref reaches rules
// by a computed name (data.p[x].law) or names a package.
func rulePath(c *ast.Compiler, ref ast.Ref) (ast.Ref, []*ast.Rule) {
	ground := ref.GroundPrefix()
	for i := len(ground); i > 1; i-- {
		if rules := c.GetRulesExact(ground[:i]); len(rules) > 0 {
			return ground[:i], rules
		}
	}
	return nil, nil
}

// deterministic: rule r, and every rule and function it reads, calls only
// deterministic built-ins.
func (w *walker) deterministic(r *ast.Rule, done map[*ast.Rule]bool) bool {
	if d, ok := done[r]; ok {
		return d
	}
	done[r] = true // in progress (a cycle the compiler refuses)
	d := true
	visit(r, func(ref ast.Ref) {
		if d && ref.HasPrefix(ast.DefaultRootRef) {
			for _, q := range w.c.GetRulesDynamicWithOpts(ref, ast.RulesOptions{}) {
				d = d && w.deterministic(q, done)
			}
		}
	}, func(name string) {
		if b, ok := w.builtin(name); ok && b.Nondeterministic {
			d = false
		}
	})
	done[r] = d
	return d
}

// foldTimeout bounds the fold: a policy whose input-independent rules take
// longer is evaluated plainly (and a slow one is refused by the smoke
// corpus, not waited for here).
var foldTimeout = time.Second

// fold evaluates the foldable rules once and returns the with modifiers
// that lay their values over a query. Nothing is folded when one fails or
// the fold takes longer than foldTimeout: plain evaluation then gives what
// it gives. A rule that is undefined is not folded.
func fold(parent context.Context, c *ast.Compiler, store storage.Store) ([]*ast.With, error) {
	refs := foldable(c)
	if len(refs) == 0 {
		return nil, nil
	}
	parts := make([]string, len(refs))
	for i, ref := range refs {
		parts[i] = fmt.Sprintf("[x | x := %s]", ref)
	}
	asTerm := rego.GenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil })
	pq, err := newQuery(c, store, "["+strings.Join(parts, ", ")+"]", asTerm).PrepareForEval(parent)
	if err != nil {
		return nil, &PolicyError{Messages: []string{fmt.Sprintf("preparing the fold: %v", err)}}
	}
	ctx, cancel := context.WithTimeout(parent, foldTimeout)
	defer cancel()
	rs, err := pq.Eval(ctx)
	if parent.Err() != nil {
		return nil, parent.Err()
	}
	if err != nil || len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, nil //nolint:nilerr // one fails: evaluated plainly, which gives its error
	}
	values := rs[0].Expressions[0].Value.(*ast.Term).Value.(*ast.Array)
	var withs []*ast.With
	for i, ref := range refs {
		if v := values.Elem(i).Value.(*ast.Array); v.Len() == 1 {
			withs = append(withs, &ast.With{Target: ast.NewTerm(ref), Value: v.Elem(0)})
		}
	}
	return withs, nil
}

// withFolds is the option that evaluates query with the folds laid over
// it (folded); none without folds.
func withFolds(c *ast.Compiler, query string, folds []*ast.With) ([]func(*rego.Rego), error) {
	body, err := folded(c, query, folds)
	if body == nil {
		return nil, err
	}
	return []func(*rego.Rego){rego.ParsedQuery(body)}, nil
}

// folded is query with the folds it can reach laid over each of its
// expressions (but for a target an expression already replaces): each
// with costs every evaluation a little. Nil without folds.
func folded(c *ast.Compiler, query string, folds []*ast.With) (ast.Body, error) {
	if len(folds) == 0 {
		return nil, nil
	}
	body, err := ast.ParseBody(query)
	if err != nil {
		return nil, err
	}
	reached := reachable(c, body)
	for _, e := range body {
		taken := map[string]bool{}
		for _, w := range e.With {
			taken[w.Target.String()] = true
		}
		for _, f := range folds {
			if t := f.Target.String(); reached[t] && !taken[t] {
				e.With = append(e.With, f)
			}
		}
	}
	return body, nil
}

// reachable holds the paths of the rules an evaluation of body may read.
func reachable(c *ast.Compiler, body ast.Body) map[string]bool {
	reached := map[string]bool{}
	seen := map[*ast.Rule]bool{}
	var reach func(ref ast.Ref)
	reach = func(ref ast.Ref) {
		if !ref.HasPrefix(ast.DefaultRootRef) {
			return
		}
		for _, r := range c.GetRulesDynamicWithOpts(ref, ast.RulesOptions{}) {
			if seen[r] {
				continue
			}
			seen[r] = true
			reached[r.Path().String()] = true
			visit(r, reach, nil)
		}
	}
	ast.WalkRefs(body, func(ref ast.Ref) bool {
		reach(ref)
		return false
	})
	return reached
}
