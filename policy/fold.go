package policy

// Folding (issue 16). Some of a policy's rules do not read the request:
// the law data gathered by id (data.dsrkit.applicability.laws), the texts
// of the laws' fixed territories and their not_resident reason but for
// its message (applicability.fixed), the items' exception maps. Plain
// evaluation computes them again for every request. When it compiles the policy, the engine
// finds, from the policy itself, the rules that
//
//   - take no arguments and are referred to by name (a ground reference)
//     from a rule or function whose value depends on the input, or from a
//     function;
//   - do not depend on the input (nor on a rule or function that does),
//     use no with and call no built-in that is not deterministic;
//
// evaluates them once, and lays their values over each query that can
// reach them with `with`, from a member of the input, as the memo lays its
// values. A legal editor who
// makes such a rule read the request takes it out of the fold; the
// engine never holds a hand list of them. WithoutMemo evaluates the policy
// plainly: no fold, no memo. The differential test checks that the two
// give the same decisions.

import (
	"context"
	"fmt"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
)

// foldable lists the paths of the rules the engine may evaluate once,
// sorted.
func foldable(c *analysis) []ast.Ref {
	w := newWalker(c, func(*ast.Rule) bool { return false })
	pure := map[*ast.Rule]bool{}
	found := map[string]ast.Ref{}
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			if len(r.Head.Args) == 0 && !w.dependsOnInput(r) {
				continue // folded itself, or read only by rules that are
			}
			c.visit(r, func(ref ast.Ref) {
				if !ref.HasPrefix(ast.DefaultRootRef) {
					return
				}
				path, rules := rulePath(c.Compiler, ref)
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
	w.c.visit(r, func(ref ast.Ref) {
		if d && ref.HasPrefix(ast.DefaultRootRef) {
			for _, q := range w.c.GetRulesDynamicWithOpts(ref, ast.RulesOptions{}) {
				d = d && w.deterministic(q, done)
			}
		}
	}, func(name string) {
		if b, ok := w.c.builtin(name); ok && b.Nondeterministic {
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

// foldInput is the member of the input through which the folded values
// reach an evaluation (written in the query, they would make each query
// that many times longer to prepare); no rule can see it (walker).
const foldInput = "$dsrkit_fold"

// fold evaluates the foldable rules once and returns the with modifiers
// that lay their values over a query, from the input's foldInput member,
// and that member's value. Nothing is folded when one fails or the fold
// takes longer than foldTimeout: plain evaluation then gives what it
// gives. A rule that is undefined is not folded.
func fold(parent context.Context, c *analysis, store storage.Store) ([]*ast.With, *ast.Term, error) {
	refs := foldable(c)
	if len(refs) == 0 {
		return nil, nil, nil
	}
	pq, err := newQuery(c.Compiler, store, valuesOf(refs), asTerm).PrepareForEval(parent)
	if err != nil {
		return nil, nil, &PolicyError{Messages: []string{fmt.Sprintf("preparing the fold: %v", err)}}
	}
	ctx, cancel := context.WithTimeout(parent, foldTimeout)
	defer cancel()
	rs, err := pq.Eval(ctx)
	if parent.Err() != nil {
		return nil, nil, parent.Err()
	}
	if err != nil || len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, nil, nil //nolint:nilerr // one fails: evaluated plainly, which gives its error
	}
	got := rs[0].Expressions[0].Value.(*ast.Term).Value.(*ast.Array)
	var withs []*ast.With
	values := ast.NewObject()
	for i, ref := range refs {
		if v := got.Elem(i).Value.(*ast.Array); v.Len() == 1 {
			name := ast.StringTerm(ref.String())
			values.Insert(name, v.Elem(0))
			from := ast.RefTerm(ast.InputRootDocument, ast.StringTerm(foldInput), name)
			withs = append(withs, &ast.With{Target: ast.NewTerm(ref), Value: from})
		}
	}
	if len(withs) == 0 {
		return nil, nil, nil
	}
	return withs, ast.NewTerm(values), nil
}

// folder lays the folds over queries: each query gets the folds it can
// reach (each with costs every evaluation a little).
type folder struct {
	c     *analysis
	folds []*ast.With
	under map[*ast.Rule]map[string]bool // the fold targets a rule may read, its own path among them
}

func newFolder(c *analysis, folds []*ast.With) *folder {
	return &folder{c: c, folds: folds, under: map[*ast.Rule]map[string]bool{}}
}

// options are the options that evaluate query with its folds; none
// without folds.
func (f *folder) options(query string) ([]func(*rego.Rego), error) {
	body, err := f.body(query)
	if body == nil {
		return nil, err
	}
	return []func(*rego.Rego){rego.ParsedQuery(body)}, nil
}

// body is query with the folds it can reach laid over each of its
// expressions (but for a target an expression already replaces). Nil
// without folds.
func (f *folder) body(query string) (ast.Body, error) {
	if f == nil || len(f.folds) == 0 {
		return nil, nil
	}
	body, err := ast.ParseBody(query)
	if err != nil {
		return nil, err
	}
	reached := map[string]bool{}
	ast.WalkRefs(body, func(ref ast.Ref) bool {
		f.reachRef(ref, reached)
		return false
	})
	for _, e := range body {
		taken := map[string]bool{}
		for _, w := range e.With {
			taken[w.Target.String()] = true
		}
		for _, w := range f.folds {
			if t := w.Target.String(); reached[t] && !taken[t] {
				e.With = append(e.With, w)
			}
		}
	}
	return body, nil
}

// reachRef adds to into the fold targets an evaluation of ref may read.
func (f *folder) reachRef(ref ast.Ref, into map[string]bool) {
	if !ref.HasPrefix(ast.DefaultRootRef) {
		return
	}
	for _, r := range f.c.GetRulesDynamicWithOpts(ref, ast.RulesOptions{}) {
		for t := range f.reach(r) {
			into[t] = true
		}
	}
}

// reach is the set of fold targets rule r may read, r's own path among
// them: worked out once per rule (the compiler refuses recursion).
func (f *folder) reach(r *ast.Rule) map[string]bool {
	if got, ok := f.under[r]; ok {
		return got
	}
	got := map[string]bool{}
	f.under[r] = got
	path := r.Path().String()
	for _, w := range f.folds {
		if w.Target.String() == path {
			got[path] = true
		}
	}
	f.c.visit(r, func(ref ast.Ref) { f.reachRef(ref, got) }, nil)
	return got
}
