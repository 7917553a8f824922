package policy

// The applicability memo (issue 16). Which laws apply to a request, with
// their reasons, depends on a small part of it: the consumer's residence
// and relationship, the business's facts, the receipt date. The engine
// works out that part from the policy itself, when it compiles it: it
// walks every rule of the applicability package, and every function and
// rule those read, and collects
//
//   - the input paths they read (input.consumer.residence, input.business…);
//   - the rules outside the package they read whose value depends on the
//     input (data.dsrkit.request.received_on: the receipt date, not the
//     instant it is computed from).
//
// The values of those, for one request, are its memo key. The package's
// rules that the rest of the policy reads (applies, results, …) are
// evaluated once per key and laid over the decision's evaluation with
// `with`: a legal editor who changes an applicability rule changes what
// the key is made of, and the memo follows. A package that reads the
// input in a way the walk cannot bound (the whole input, a computed path)
// or calls a non-deterministic built-in gets no memo: it is evaluated
// every time, as is every request while the memo is off (WithoutMemo).
//
// The memo belongs to one compiled policy (and its playbook): Reload
// builds a new one, empty. It holds at most memoSize entries, least
// recently used first out, and is safe for concurrent use. A key is kept
// the second time it comes (among the last memoSize keys met once): a
// request whose facts come only once, as most of a CRM's daily re-decisions
// do, is evaluated at the cost of plain evaluation, not of filling the
// memo.

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"

	"github.com/dsrkit/dsrkit/internal/builtins"
)

// memoPackage is the package whose results are memoised.
const memoPackage = "data.dsrkit.applicability"

// memoInput is the member of the input through which the memoised values
// reach the decision's evaluation; the walk checks that no rule can see it.
const memoInput = "$dsrkit_memo"

// DefaultMemoSize is the number of applicability results an engine keeps,
// and of decisions of each kind.
const DefaultMemoSize = 4096

// memoPlan is what a package's results depend on, from the policy's rules.
type memoPlan struct {
	pkg     ast.Ref
	inputs  [][]string // input paths read, sorted, none a prefix of another
	rules   []ast.Ref  // input-dependent rules outside pkg read by it, sorted
	exports []string   // pkg's rules read from outside it, sorted
}

// analyse walks the policy for pkg's plan. It returns an error saying why
// the package cannot be memoised; the engine then evaluates it every time.
func analyse(c *analysis, pkg ast.Ref) (*memoPlan, error) {
	w := newWalker(c, func(r *ast.Rule) bool { return r.Module.Package.Path.HasPrefix(pkg) })
	w.pkg = pkg
	var inside []*ast.Rule
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			if w.within(r) {
				inside = append(inside, r)
			} else if err := w.exported(r); err != nil {
				return nil, err
			}
		}
	}
	if len(inside) == 0 {
		return nil, fmt.Errorf("the policy has no package %s", pkg)
	}
	for _, r := range inside {
		if err := w.walk(r); err != nil {
			return nil, err
		}
	}
	plan := &memoPlan{pkg: pkg}
	plan.inputs, plan.rules = w.key()
	plan.exports = sortedKeys(w.exports)
	if len(plan.exports) == 0 {
		return nil, fmt.Errorf("no rule outside %s reads it", pkg)
	}
	return plan, nil
}

type walker struct {
	c       *analysis
	within  func(*ast.Rule) bool // the rules whose reads are the key; a rule outside is taken by value
	pkg     ast.Ref              // the applicability memo's package
	seen    map[*ast.Rule]bool   // rules walked into the key
	inputs  map[string][]string
	rules   map[string]ast.Ref
	exports map[string]bool
}

func newWalker(c *analysis, within func(*ast.Rule) bool) *walker {
	return &walker{c: c, within: within, seen: map[*ast.Rule]bool{},
		inputs: map[string][]string{}, rules: map[string]ast.Ref{}, exports: map[string]bool{}}
}

// key is what the walk found: the input paths read, sorted, none a prefix
// of another; and the rules outside read by value, sorted.
func (w *walker) key() (inputs [][]string, rules []ast.Ref) {
	for _, k := range sortedKeys(w.inputs) {
		p := w.inputs[k]
		if n := len(inputs); n > 0 && isPrefix(inputs[n-1], p) {
			continue
		}
		inputs = append(inputs, p)
	}
	for _, k := range sortedKeys(w.rules) {
		rules = append(rules, w.rules[k])
	}
	return inputs, rules
}

// exported notes the rules of the package that r, outside it, reads; and
// refuses a policy in which r could see the memo's member of the input.
func (w *walker) exported(r *ast.Rule) error {
	var err error
	w.c.visit(r, func(ref ast.Ref) {
		if ref.HasPrefix(ast.InputRootRef) && !readsNamedMember(ref) {
			err = fmt.Errorf("%s reads the input's members by a computed name (%s)", r.Location, ref)
		}
		if !ref.HasPrefix(ast.DefaultRootRef) {
			return
		}
		for _, q := range w.c.GetRulesDynamicWithOpts(ref, ast.RulesOptions{}) {
			if w.within(q) && len(q.Head.Args) == 0 {
				w.exports[string(q.Path()[len(w.pkg)].Value.(ast.String))] = true
			}
		}
	}, nil)
	return err
}

// readsNamedMember: a reference to the input names its first member
// (input.x…), and that member is not the memo's.
func readsNamedMember(ref ast.Ref) bool {
	if len(ref) == 1 {
		return false
	}
	name, ok := ref[1].Value.(ast.String)
	return ok && string(name) != memoInput && string(name) != foldInput
}

// walk adds what rule r (inside the package, or a function it calls) reads
// to the key.
func (w *walker) walk(r *ast.Rule) error {
	if w.seen[r] {
		return nil
	}
	w.seen[r] = true
	var err error
	fail := func(e error) {
		if err == nil {
			err = e
		}
	}
	w.c.visit(r, func(ref ast.Ref) {
		switch {
		case ref.HasPrefix(ast.InputRootRef):
			p, ok := inputPath(ref)
			if !ok {
				fail(fmt.Errorf("%s reads the input by a computed path (%s)", r.Location, ref))
				return
			}
			w.inputs[strings.Join(p, "\x00")] = p
		case ref.HasPrefix(ast.DefaultRootRef):
			for _, q := range w.c.GetRulesDynamicWithOpts(ref, ast.RulesOptions{}) {
				switch {
				case w.within(q) || len(q.Head.Args) > 0:
					fail(w.walk(q))
				case w.dependsOnInput(q):
					path := q.Path()
					w.rules[path.String()] = path
				}
			}
		}
	}, func(name string) {
		if b, ok := w.c.builtin(name); ok && b.Nondeterministic {
			fail(fmt.Errorf("%s calls %s, which is not deterministic", r.Location, name))
		}
	})
	if err == nil && hasWith(r) {
		err = fmt.Errorf("%s uses with", r.Location)
	}
	return err
}

// dependsOnInput: rule r's value may change with the input (it reads the
// input, or a rule or function that does).
func (w *walker) dependsOnInput(r *ast.Rule) bool {
	if d, ok := w.c.dependent[r]; ok {
		return d
	}
	w.c.dependent[r] = true // a cycle (which the compiler refuses) or in progress: assume so
	d := false
	w.c.visit(r, func(ref ast.Ref) {
		switch {
		case d:
		case ref.HasPrefix(ast.InputRootRef):
			d = true
		case ref.HasPrefix(ast.DefaultRootRef):
			for _, q := range w.c.GetRulesDynamicWithOpts(ref, ast.RulesOptions{}) {
				d = d || w.dependsOnInput(q)
			}
		}
	}, nil)
	w.c.dependent[r] = d || hasWith(r)
	return w.c.dependent[r]
}

// inputPath is the path a reference to the input reads: its members up to
// the first one that is not a constant string.
func inputPath(ref ast.Ref) ([]string, bool) {
	var p []string
	for _, t := range ref[1:] {
		s, ok := t.Value.(ast.String)
		if !ok {
			break
		}
		p = append(p, string(s))
	}
	return p, len(p) > 0
}

// analysis is a compiled policy as the engine's analyses read it (the
// memos' keys, the fold, the echo check): what each rule reads, as visit
// reports it, is worked out the first time one asks, once.
type analysis struct {
	*ast.Compiler
	reads     map[*ast.Rule][]read
	dependent map[*ast.Rule]bool      // whether a rule's value depends on the input (walker)
	builtins  map[string]*ast.Builtin // the sandbox's, by name
}

// read is one thing a rule reads: a reference, or a function it calls.
type read struct {
	ref  ast.Ref
	call string // when ref is nil
}

func newAnalysis(c *ast.Compiler) *analysis {
	return &analysis{Compiler: c, reads: map[*ast.Rule][]read{}, dependent: map[*ast.Rule]bool{}}
}

// visit reports what r reads as the function visit does, in its order.
func (a *analysis) visit(r *ast.Rule, onRef func(ast.Ref), onCall func(string)) {
	reads, ok := a.reads[r]
	if !ok {
		reads = []read{} // recorded, if empty
		visit(r, func(ref ast.Ref) { reads = append(reads, read{ref: ref}) },
			func(name string) { reads = append(reads, read{call: name}) })
		a.reads[r] = reads
	}
	for _, x := range reads {
		switch {
		case x.ref != nil:
			onRef(x.ref)
		case onCall != nil:
			onCall(x.call)
		}
	}
}

// builtin is the declaration of a built-in the sandbox allows.
func (a *analysis) builtin(name string) (*ast.Builtin, bool) {
	if a.builtins == nil {
		a.builtins = map[string]*ast.Builtin{}
		for _, b := range builtins.Capabilities().Builtins {
			a.builtins[b.Name] = b
		}
	}
	b, ok := a.builtins[name]
	return b, ok
}

// visit calls onRef for every reference in r and onCall for the name of
// every function r calls. object.get(input, path, default) with a constant
// path is a reference to input.path. The compiler binds the input to local
// variables (__local1__ = input): a reference through one is a reference
// to the input, and such a variable used on its own is the whole input.
func visit(r *ast.Rule, onRef func(ast.Ref), onCall func(string)) {
	aliases := map[ast.Var]ast.Ref{}
	ast.WalkExprs(r, func(e *ast.Expr) bool {
		if v, ref, ok := inputAlias(e); ok {
			aliases[v] = ref
		}
		return false
	})
	resolve := func(t *ast.Term) (ast.Ref, bool) {
		switch x := t.Value.(type) {
		case ast.Var:
			ref, ok := aliases[x]
			return ref, ok
		case ast.Ref:
			if head, ok := x[0].Value.(ast.Var); ok {
				if base, ok := aliases[head]; ok {
					return base.Concat(x[1:]), true
				}
			}
			return x, x.HasPrefix(ast.InputRootRef)
		}
		return nil, false
	}
	var vis *ast.GenericVisitor
	call := func(terms []*ast.Term) bool {
		op := terms[0].Value.(ast.Ref)
		if onCall != nil {
			onCall(op.String())
		}
		if !op.Equal(ast.ObjectGet.Ref()) || len(terms) < 3 {
			return false
		}
		base, ok := resolve(terms[1])
		if !ok {
			return false
		}
		path, ok := objectGetPath(terms[2])
		if !ok {
			return false
		}
		onRef(base.Concat(path))
		for _, t := range terms[3:] {
			vis.Walk(t)
		}
		return true
	}
	vis = ast.NewGenericVisitor(func(x any) bool {
		switch x := x.(type) {
		case *ast.Expr:
			if _, _, ok := inputAlias(x); ok {
				return true
			}
			if terms, ok := x.Terms.([]*ast.Term); ok && x.IsCall() && call(terms) {
				for _, w := range x.With {
					vis.Walk(w)
				}
				return true
			}
		case ast.Call:
			return call(x)
		case ast.Var:
			if ref, ok := aliases[x]; ok {
				onRef(ref)
			}
		case ast.Ref:
			ref, _ := resolve(ast.NewTerm(x))
			onRef(ref)
			for _, t := range x[1:] {
				vis.Walk(t)
			}
			return true
		}
		return false
	})
	vis.Walk(r)
}

// inputAlias: e binds a local variable to the whole input. (One bound to
// a part of it is a reference to that part, read as a whole.)
func inputAlias(e *ast.Expr) (ast.Var, ast.Ref, bool) {
	terms, ok := e.Terms.([]*ast.Term)
	if !ok || len(terms) != 3 || !e.IsEquality() {
		return "", nil, false
	}
	for _, pair := range [][2]*ast.Term{{terms[1], terms[2]}, {terms[2], terms[1]}} {
		v, isVar := pair[0].Value.(ast.Var)
		ref, isRef := pair[1].Value.(ast.Ref)
		if isVar && isRef && v.IsGenerated() && ref.Equal(ast.InputRootRef) {
			return v, ref, true
		}
	}
	return "", nil, false
}

// objectGetPath is the path object.get's path argument names: a constant
// string, or the constant strings an array of them starts with (what
// follows is read as a whole).
func objectGetPath(path *ast.Term) (ast.Ref, bool) {
	switch p := path.Value.(type) {
	case ast.String:
		return ast.Ref{path}, true
	case *ast.Array:
		var ref ast.Ref
		for i := range p.Len() {
			if _, ok := p.Elem(i).Value.(ast.String); !ok {
				break
			}
			ref = append(ref, p.Elem(i))
		}
		return ref, len(ref) > 0
	}
	return nil, false
}

func hasWith(r *ast.Rule) bool {
	found := false
	ast.WalkExprs(r, func(e *ast.Expr) bool {
		found = found || len(e.With) > 0
		return found
	})
	return found
}

func isPrefix(p, q []string) bool { return len(p) <= len(q) && slices.Equal(p, q[:len(p)]) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// memo is a compiled policy's applicability memo.
type memo struct {
	plan   *memoPlan
	key    *rego.PreparedEvalQuery            // the values of plan.rules; nil without any
	values *rego.PreparedEvalQuery            // the exported rules, each as [value] or []
	with   map[string]*rego.PreparedEvalQuery // per query: it, with the exported rules from the input
	splice map[string]bool                    // with[query] gives [decision without laws, laws == results]
	cache  *lru.Cache[string, *memoEntry]
	seen   *lru.Cache[string, struct{}] // keys met once and not kept: a key is kept when it comes again
}

// memoEntry is what the memo holds for one key: the exported rules'
// values and, once a decision has needed it, the laws[] those give
// (results), checked against the contract and written as JSON.
type memoEntry struct {
	values *ast.Term
	once   sync.Once
	laws   []byte // nil: results breaks the contract, or there is none
}

// lawsJSON is the entry's results, checked by check once and written.
func (en *memoEntry) lawsJSON(check func(any) error) []byte {
	en.once.Do(func() {
		results := en.values.Value.(ast.Object).Get(ast.StringTerm("results"))
		if results == nil {
			return
		}
		v, err := ast.JSON(results.Value)
		if err != nil || check(v) != nil {
			return
		}
		en.laws, _ = json.Marshal(v)
	})
	return en.laws
}

// asTerm makes a prepared query give its result as an AST term, not as a
// Go value.
var asTerm = rego.GenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil })

// valuesOf is a query for the values of refs, in order, each as [value],
// or [] when it is undefined.
func valuesOf(refs []ast.Ref) string {
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = fmt.Sprintf("[x | x := %s]", r)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// newMemo prepares the memo's queries over a compiled policy, for each of
// queries (by name); nil when the package cannot be memoised.
func newMemo(ctx context.Context, c *analysis, store storage.Store, queries map[string]string, folds *folder, size int) (*memo, error) {
	if size <= 0 {
		return nil, nil // off
	}
	plan, err := analyse(c, ast.MustParseRef(memoPackage))
	if err != nil {
		return nil, nil //nolint:nilerr // not memoisable: evaluated every time
	}
	m := &memo{plan: plan, with: map[string]*rego.PreparedEvalQuery{}, splice: map[string]bool{}}
	if m.cache, err = lru.New[string, *memoEntry](size); err != nil {
		return nil, err
	}
	if m.seen, err = lru.New[string, struct{}](size); err != nil {
		return nil, err
	}
	prep := func(query string, extra ...func(*rego.Rego)) (*rego.PreparedEvalQuery, error) {
		opts, err := folds.options(query)
		if err != nil {
			return nil, err
		}
		pq, err := newQuery(c.Compiler, store, query, append(extra, opts...)...).PrepareForEval(ctx)
		if err != nil {
			return nil, &PolicyError{Messages: []string{fmt.Sprintf("preparing the memo's %s: %v", query, err)}}
		}
		return &pq, nil
	}
	if len(plan.rules) > 0 {
		if m.key, err = prep(valuesOf(plan.rules), asTerm); err != nil {
			return nil, err
		}
	}
	var values, with []string
	for _, name := range plan.exports {
		ref := plan.pkg.Append(ast.StringTerm(name))
		values = append(values, fmt.Sprintf("%q: [x | x := %s]", name, ref))
		with = append(with, fmt.Sprintf("with %s as input[%q][%q]", ref, memoInput, name))
	}
	if m.values, err = prep("{"+strings.Join(values, ", ")+"}", asTerm); err != nil {
		return nil, err
	}
	for name, query := range queries {
		q := query + " " + strings.Join(with, " ")
		// A decision's laws[] is, in the shipped policy, the results rule
		// as it is: the query then leaves it out and says whether it is,
		// so that the engine writes the entry's checked copy instead.
		if decides := name != lawsQuery; decides && slices.Contains(plan.exports, "results") {
			results := fmt.Sprintf("input[%q][%q]", memoInput, "results")
			q = fmt.Sprintf(`__d := %s; [object.remove(__d, {"laws"}), object.get(__d, "laws", null) == %s]`, q, results)
			m.splice[name] = true
		}
		if m.with[name], err = prep(q); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// eval evaluates a query on a request with the memoised values laid over
// its input (in place). ok is false when the request cannot use the memo
// (a value is undefined for it, the query fails or gives no answer, the
// decision's laws[] is not results): the caller then evaluates the plain
// query, which gives the answer, or the error, plain evaluation gives.
// laws is, when not nil, the decision's laws[] as JSON, checked by check
// once for the entry: v then holds no laws.
func (m *memo) eval(ctx context.Context, doc map[string]any, input ast.Object, query string, check func(any) error) (v any, laws []byte, ok bool, err error) {
	pq := m.with[query]
	if pq == nil {
		return nil, nil, false, nil
	}
	key, err := m.keyOf(ctx, doc, input)
	if err != nil {
		return nil, nil, false, err
	}
	en, hit := m.cache.Get(key)
	if !hit {
		if seen, _ := m.seen.ContainsOrAdd(key, struct{}{}); !seen {
			return nil, nil, false, nil // a first sighting: evaluated plainly, at plain cost
		}
		m.seen.Remove(key)
		values, err := m.evaluate(ctx, input)
		if err != nil || values == nil {
			return nil, nil, false, err
		}
		en = &memoEntry{values: values}
		m.cache.Add(key, en)
	}
	input.Insert(ast.StringTerm(memoInput), en.values)
	rs, err := pq.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil || len(rs) != 1 {
		return nil, nil, false, nil //nolint:nilerr // the plain query says what went wrong
	}
	exprs := rs[0].Expressions
	if !m.splice[query] {
		return exprs[0].Value, nil, true, nil
	}
	pair, _ := exprs[len(exprs)-1].Value.([]any)
	if len(pair) != 2 || pair[1] != true {
		return nil, nil, false, nil
	}
	if laws = en.lawsJSON(check); laws == nil {
		return nil, nil, false, nil
	}
	return pair[0], laws, true, nil
}

// keyOf is the request's memo key: the JSON of each input path the
// package reads (absent ones marked), then the values of the rules it
// reads.
func (m *memo) keyOf(ctx context.Context, doc map[string]any, input ast.Object) (string, error) {
	key, values, err := keyOf(ctx, doc, input, m.plan.inputs, m.key)
	if err != nil || values == nil {
		return key, err
	}
	return key + values.String(), nil
}

// keyOf is the first part of a memo key: the JSON of each of the input
// paths (absent ones marked); and the value query gives (nil without a
// query), from which the caller takes the rest.
func keyOf(ctx context.Context, doc map[string]any, input ast.Object, paths [][]string, query *rego.PreparedEvalQuery) (string, *ast.Term, error) {
	var b strings.Builder
	for _, p := range paths {
		v, ok := lookupPath(doc, p)
		if !ok {
			b.WriteString("-\n")
			continue
		}
		j, err := json.Marshal(v)
		if err != nil {
			return "", nil, err
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	if query == nil {
		return b.String(), nil, nil
	}
	rs, err := query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return "", nil, err
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return "", nil, fmt.Errorf("the memo's key is undefined")
	}
	return b.String(), rs[0].Expressions[0].Value.(*ast.Term), nil
}

// evaluate computes the exported rules' values for a request: an object
// of each name to its value, or nil when one is undefined.
func (m *memo) evaluate(ctx context.Context, input ast.Object) (*ast.Term, error) {
	rs, err := m.values.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, err
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, fmt.Errorf("the memo's values are undefined")
	}
	got := rs[0].Expressions[0].Value.(*ast.Term).Value.(ast.Object)
	out := ast.NewObject()
	for _, name := range m.plan.exports {
		arr := got.Get(ast.StringTerm(name)).Value.(*ast.Array)
		if arr.Len() != 1 {
			return nil, nil
		}
		out.Insert(ast.StringTerm(name), arr.Elem(0))
	}
	return ast.NewTerm(out), nil
}

func lookupPath(doc map[string]any, p []string) (any, bool) {
	var v any = doc
	for _, k := range p {
		o, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = o[k]; !ok {
			return nil, false
		}
	}
	return v, true
}

// WithMemo sets how many applicability results, and how many decisions of
// each kind (64 MiB of them at most), the engine keeps (see
// DefaultMemoSize); 0 keeps the default.
// WithoutMemo turns the memos off. They never change a decision; they save
// evaluating which laws apply, or the whole decision, again for a request
// that differs from an earlier one only in what those rules do not read
// (for a decision: but for its echo).
func WithMemo(size int) Option {
	return func(c *config) error {
		if size < 0 {
			return fmt.Errorf("WithMemo: the size must not be negative (%d); use WithoutMemo", size)
		}
		c.memoSize = size
		return nil
	}
}

// WithoutMemo turns the applicability and decision memos off, and the
// fold (fold.go): every request is evaluated in full, plainly, as OPA
// itself would evaluate the policy.
func WithoutMemo() Option {
	return func(c *config) error {
		c.memoSize = -1
		return nil
	}
}
