package policy

// The decision memo (issue 16). A website that honours Global Privacy
// Control asks for the same opt-out decision with every page view: the
// requests differ in their id and instants, not in what is decided. Each
// kind's decision is object.union(what it decides, data.dsrkit.request.echo):
// echo holds the request's own fields the decision gives back (its id, its
// as_of). When it compiles the policy the engine walks the kind's decision
// rule and every rule and function it reads, except the request package's
// rules (the request, normalised: its receipt date, not the instant), and
// collects, as the applicability memo does,
//
//   - the input paths those rules read;
//   - the request package's rules they read, by value.
//
// Those values are the kind's decision key. The walk also checks that echo
// is read only where the decision is the union of something with it: what
// is decided then cannot depend on it. A decision is kept, checked against
// the contract and written, without its echo; a request with the same key
// gets it with its own echo (checked against the contract's fields for it)
// put back. A kind whose rules read the input in a way the walk cannot
// bound, or whose decision does not have that shape, has no decision memo.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
)

const (
	// requestPackage holds the request, normalised: what a decision reads
	// of it through these rules is read by value.
	requestPackage = "data.dsrkit.request"
	// echoRule is what every decision gives back of the request as given.
	echoRule = requestPackage + ".echo"
)

// decisionPlan is what a kind's decision, less its echo, depends on.
type decisionPlan struct {
	inputs [][]string // input paths read, sorted, none a prefix of another
	rules  []ast.Ref  // the request package's rules read, by value, sorted
}

// analyseDecision walks the decision rule entry for its plan. It returns an
// error saying why the decision cannot be memoised.
func analyseDecision(c *analysis, entry ast.Ref) (*decisionPlan, error) {
	request, echo := ast.MustParseRef(requestPackage), ast.MustParseRef(echoRule)
	entries := c.GetRulesExact(entry)
	if len(entries) == 0 {
		return nil, fmt.Errorf("the policy has no rule %s", entry)
	}
	w := newWalker(c, func(r *ast.Rule) bool { return !r.Module.Package.Path.HasPrefix(request) })
	for _, r := range entries {
		if err := w.walk(r); err != nil {
			return nil, err
		}
	}
	for r := range w.seen {
		if err := echoesOnly(c, r, entry, echo); err != nil {
			return nil, err
		}
	}
	plan := &decisionPlan{}
	var rules []ast.Ref
	plan.inputs, rules = w.key()
	for _, r := range rules {
		if !r.Equal(echo) {
			plan.rules = append(plan.rules, r)
		}
	}
	if len(plan.rules) == len(rules) {
		return nil, fmt.Errorf("%s is not object.union(…, %s)", entry, echo)
	}
	return plan, nil
}

// echoesOnly checks that rule r reads echo only as the second operand of
// the object.union that is its value, and only if r is the decision rule
// entry: in the compiled rule, `__e = echo; object.union(x, __e, __v)`
// with __v the rule's value, __e and __v used nowhere else.
func echoesOnly(c *analysis, r *ast.Rule, entry, echo ast.Ref) error {
	reads := 0
	c.visit(r, func(ref ast.Ref) {
		if !ref.HasPrefix(ast.DefaultRootRef) || !mayReach(ref, echo) {
			return
		}
		for _, q := range c.GetRulesDynamicWithOpts(ref, ast.RulesOptions{}) {
			if q.Path().Equal(echo) {
				reads++
				return
			}
		}
	}, nil)
	if reads == 0 {
		return nil
	}
	value, ok := r.Head.Value.Value.(ast.Var)
	if !r.Path().Equal(entry) || !ok || reads != 1 {
		return fmt.Errorf("%s reads %s other than as the decision's object.union(…, %s)", r.Location, echo, echo)
	}
	uses := map[ast.Var]int{}
	ast.WalkVars(r.Body, func(v ast.Var) bool { uses[v]++; return false })
	for _, e := range r.Body {
		terms, ok := e.Terms.([]*ast.Term)
		if !ok || !e.IsCall() || len(e.With) > 0 || len(terms) != 4 || terms[0].Value.Compare(ast.ObjectUnion.Ref()) != 0 {
			continue
		}
		bound, ok := terms[2].Value.(ast.Var)
		if !ok || terms[3].Value.Compare(value) != 0 || uses[bound] != 2 || uses[value] != 1 {
			continue
		}
		for _, f := range r.Body {
			if f.IsEquality() && len(f.With) == 0 {
				ft := f.Terms.([]*ast.Term)
				if ft[1].Value.Compare(bound) == 0 && ft[2].Value.Compare(echo) == 0 {
					return nil
				}
			}
		}
	}
	return fmt.Errorf("%s reads %s other than as the decision's object.union(…, %s)", r.Location, echo, echo)
}

// mayReach: ref may read the rule at path: each of its terms that path also
// has is that term, or not a constant.
func mayReach(ref, path ast.Ref) bool {
	for i := 1; i < len(ref) && i < len(path); i++ {
		if ast.IsConstant(ref[i].Value) && !ref[i].Equal(path[i]) {
			return false
		}
	}
	return true
}

// decisionMemoBytes bounds the decisions one kind's memo holds, written,
// with their keys:
// with its bound on their number, a memo of deletes with thousands of
// items holds fewer of them.
const decisionMemoBytes = 64 << 20

// decisionMemo keeps one kind's decisions without their echo.
type decisionMemo struct {
	plan  *decisionPlan
	key   *rego.PreparedEvalQuery // [[the plan's rules' values, each as [value] or []], echo as [value] or []]
	cache *lru.Cache[string, *decided]
	bytes atomic.Int64 // the size of the decisions the cache holds
}

// decided is a decision, checked against the contract, without its echo:
// written in contract order, cut where each of the echo's fields goes.
type decided struct {
	segs  [][]byte // the decision is segs[0], slots[0]'s value, segs[1], …
	slots []string // the echo's field names, in contract order
	size  int64    // of segs and of the key
}

func newDecisionMemo(ctx context.Context, c *analysis, store storage.Store, entry string, size int) (*decisionMemo, error) {
	if size <= 0 {
		return nil, nil // off
	}
	plan, err := analyseDecision(c, ast.MustParseRef(entry))
	if err != nil {
		return nil, nil //nolint:nilerr // not memoisable: decided every time
	}
	query := fmt.Sprintf("[%s, [x | x := %s]]", valuesOf(plan.rules), echoRule)
	pq, err := newQuery(c.Compiler, store, query, asTerm).PrepareForEval(ctx)
	if err != nil {
		return nil, &PolicyError{Messages: []string{fmt.Sprintf("preparing the decision memo's %s: %v", query, err)}}
	}
	m := &decisionMemo{plan: plan, key: &pq}
	if m.cache, err = lru.NewWithEvict(size, func(_ string, d *decided) { m.bytes.Add(-d.size) }); err != nil {
		return nil, err
	}
	return m, nil
}

// echoed is one request's key and echo.
type echoed struct {
	key  string
	echo map[string]json.RawMessage // each field as JSON
	doc  map[string]any             // each field as a JSON value
}

// keyOf is the request's key and echo; ok is false when the request cannot
// use the memo (its echo is undefined, or not an object of values that
// replace what they are laid over: strings, numbers, arrays, null).
func (m *decisionMemo) keyOf(ctx context.Context, doc map[string]any, input ast.Object) (e echoed, ok bool, err error) {
	key, values, err := keyOf(ctx, doc, input, m.plan.inputs, m.key)
	if err != nil {
		return e, false, err
	}
	pair := values.Value.(*ast.Array)
	echo, _ := pair.Elem(1).Value.(*ast.Array)
	if echo == nil || echo.Len() != 1 {
		return e, false, nil
	}
	obj, isObj := echo.Elem(0).Value.(ast.Object)
	if !isObj {
		return e, false, nil
	}
	e = echoed{key: key + pair.Elem(0).String(), echo: map[string]json.RawMessage{}, doc: map[string]any{}}
	for _, k := range obj.Keys() {
		name, isString := k.Value.(ast.String)
		v := obj.Get(k)
		if _, nested := v.Value.(ast.Object); !isString || nested {
			return e, false, nil
		}
		x, err := ast.JSON(v.Value)
		if err != nil {
			return e, false, nil //nolint:nilerr // decided in full
		}
		b, err := json.Marshal(x)
		if err != nil {
			return e, false, nil //nolint:nilerr // decided in full
		}
		e.echo[string(name)], e.doc[string(name)] = b, x
	}
	return e, true, nil
}

// keep records a decision, written field by field, for the request's key
// once it is known to be what is decided laid under the echo.
func (m *decisionMemo) keep(e echoed, fields map[string]json.RawMessage) {
	for name, v := range e.echo {
		if got, ok := fields[name]; !ok || !bytes.Equal(got, v) {
			return // not what object.union(…, echo) gives: not kept
		}
	}
	d := &decided{}
	var seg []byte
	for i, k := range orderedKeys(fields) {
		seg = appendKey(seg, k, i == 0)
		if _, isEcho := e.echo[k]; isEcho {
			d.segs, d.slots, seg = append(d.segs, seg), append(d.slots, k), nil
			continue
		}
		seg = append(seg, fields[k]...)
	}
	d.segs = append(d.segs, append(seg, '}'))
	d.size = int64(len(e.key))
	for _, seg := range d.segs {
		d.size += int64(len(seg))
	}
	if d.size > decisionMemoBytes/16 {
		return // too large to keep many of: decided in full each time
	}
	if held, _ := m.cache.ContainsOrAdd(e.key, d); held {
		return
	}
	m.bytes.Add(d.size)
	for m.bytes.Load() > decisionMemoBytes {
		if _, _, ok := m.cache.RemoveOldest(); !ok {
			break
		}
	}
}

// sameFields: the echo has exactly the fields named.
func sameFields(names []string, echo map[string]json.RawMessage) bool {
	if len(names) != len(echo) {
		return false
	}
	for _, n := range names {
		if _, ok := echo[n]; !ok {
			return false
		}
	}
	return true
}

// served is the request's decision from the memo, if it holds one for its
// key whose echo has the same fields; check checks the echo's fields.
func (m *decisionMemo) served(e echoed, check func(map[string]any) error) ([]byte, bool) {
	d, hit := m.cache.Get(e.key)
	if !hit || !sameFields(d.slots, e.echo) || check(e.doc) != nil {
		return nil, false
	}
	n := 0
	for i, seg := range d.segs {
		n += len(seg)
		if i < len(d.slots) {
			n += len(e.echo[d.slots[i]])
		}
	}
	out := make([]byte, 0, n)
	for i, seg := range d.segs {
		out = append(out, seg...)
		if i < len(d.slots) {
			out = append(out, e.echo[d.slots[i]]...)
		}
	}
	return out, true
}
