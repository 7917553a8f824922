// Package policy is dsrkit's engine: it loads the law as Rego (the policy
// embedded under policy/rego, a directory, or an OPA bundle), compiles it
// once inside a sandbox, and turns validated request documents into
// decision documents.
//
// An *Engine is safe for concurrent use by many goroutines: New does all
// parsing, compiling and schema loading; Decide only evaluates. Reload
// replaces the policy while the engine serves: the new policy is compiled
// and its own Rego tests run off to the side, and it is swapped in
// atomically only if all of that succeeds; Watch reloads when the policy's
// files change.
package policy

import (
	"cmp"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sync"
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/dsrkit/dsrkit/internal/builtins"
	"github.com/dsrkit/dsrkit/internal/ruleref"
	"github.com/dsrkit/dsrkit/internal/schema"
	"github.com/dsrkit/dsrkit/internal/source"
	"github.com/dsrkit/dsrkit/rules"
)

//go:embed rego rego/.manifest
var embedded embed.FS

// Embedded returns the policy shipped with dsrkit, as a file system rooted
// at policy/rego.
func Embedded() fs.FS { return embeddedRoot }

var embeddedRoot = func() fs.FS {
	sub, err := fs.Sub(embedded, "rego")
	if err != nil {
		panic(err) // the embed directive guarantees the directory
	}
	return sub
}()

// entrypoints maps each request kind to the rule that decides it.
var entrypoints = map[string]string{
	KindDelete:       "data.dsrkit.delete.decision",
	KindOptOut:       "data.dsrkit.opt_out.decision",
	KindOptIn:        "data.dsrkit.opt_in.decision",
	KindSolicitOptIn: "data.dsrkit.solicit_opt_in.decision",
}

// lawsQuery lists every law considered for a request and whether it applies.
const lawsQuery = "data.dsrkit.applicability.results"

// Engine decides requests under one compiled policy at a time.
//
// An *Engine is safe for concurrent use by many goroutines: Decide, Laws,
// Info and Kinds may run in any number at once, also while Reload swaps the
// policy. Each of them reads the current policy once, with one atomic load,
// and finishes on it: a decision is never computed half under one policy
// and half under another, and its policy.digest names the policy that made
// it.
type Engine struct {
	cur     atomic.Pointer[compiled] // the policy being served; never nil after New
	schemas *schema.Validator        // the contract's schemas: part of the program, not of the policy
	limits  Limits                   // on the requests read (zero fields: defaults); fixed at New
	log     *decisionLog             // WithDecisionLog; nil without; fixed at New

	mu  sync.Mutex // serialises Reload; guards cfg
	cfg config     // where the policy being served came from, and how Reload vets a new one
}

// compiled is one policy, compiled, with its queries prepared. It is never
// modified once built, so any number of evaluations may share it; Reload
// replaces it as a whole.
type compiled struct {
	info     Info
	infoDoc  map[string]any                     // info as the JSON value a decision's "policy" holds
	queries  map[string]*rego.PreparedEvalQuery // by request kind, and lawsQuery
	kinds    []string
	playbook *rules.Playbook                         // applied to every request before the policy decides it
	laws     []Law                                   // every law's checked data, by id (LawData)
	folds    []*ast.With                             // the rules evaluated once (fold.go); none while the memo is off
	folded   *ast.Term                               // their values: the input's foldInput member
	checked  *lru.Cache[[sha256.Size]byte, struct{}] // the laws[] checked (writtenLaws), by digest; nil while the memo is off
	memo     *memo                                   // nil: off, or the policy cannot be memoised
	decided  map[string]*decisionMemo                // by kind; none: off, or the kind's decision cannot be memoised
}

type config struct {
	fsys        fs.FS  // the policy's files, or
	bundle      string // the path of an OPA bundle (.tar.gz)
	name        string // for messages
	skipTests   bool   // Reload does not run the policy's Rego tests
	checks      []Check
	playbook    *rules.Playbook    // nil: rules.Default()
	limits      source.Limits      // WithPolicyLimits; zero fields: source.DefaultLimits
	requests    Limits             // WithLimits; New applies them, Reload does not
	decisionLog *decisionLogConfig // WithDecisionLog; New starts it, Reload does not
	memoSize    int                // WithMemo; 0: DefaultMemoSize, < 0: off
}

// Option configures New and Reload.
type Option func(*config) error

// WithDir loads the policy from path: a directory (with its .manifest, if
// any) or, when path is a regular file, an OPA bundle as WithBundle reads
// it. A directory is read again on every Reload; so is a bundle.
func WithDir(path string) Option {
	return func(c *config) error {
		info, err := os.Stat(path)
		if err != nil {
			return err
		}
		switch {
		case info.IsDir():
			c.fsys, c.bundle, c.name = os.DirFS(path), "", path
		case info.Mode().IsRegular():
			c.fsys, c.bundle, c.name = nil, path, path
		default:
			return fmt.Errorf("%s is neither a directory nor a bundle file", path)
		}
		return nil
	}
}

// WithBundle loads the policy from an OPA bundle file: a gzipped tarball as
// `opa build -b DIR` writes it (e.g. `opa build -b policy/rego`). The
// bundle's .manifest gives the revision every decision reports (its roots
// are enforced: each package and data path must lie under one); the digest
// is still that of the policy's content (Info.Digest), equal to the digest
// of the directory it was built from, embedded or not, from whatever path
// opa build was given. Tests in the bundle (*_test.rego) are what Reload
// runs. Signed, delta and Wasm bundles are refused. The bundle is read
// within WithPolicyLimits (by default 64 MiB decompressed, 16 MiB per
// file), counted as read, never trusting a tar header; a traversal name
// ("../x.rego", which opa build -b ../DIR writes), a link or a name given
// twice is refused (*BundlePathError), never renamed.
func WithBundle(path string) Option {
	return func(c *config) error {
		info, err := os.Stat(path)
		if err != nil {
			return err
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s is not a bundle file", path)
		}
		c.fsys, c.bundle, c.name = nil, path, path
		return nil
	}
}

// WithFS loads the policy from a file system (its root holds the packages).
func WithFS(fsys fs.FS) Option {
	return func(c *config) error {
		c.fsys, c.bundle, c.name = fsys, "", "fs"
		return nil
	}
}

// contract is the contract's schemas, compiled once for the program: they
// are part of it, not of a policy, and a Validator is safe for concurrent
// use.
var contract = sync.OnceValues(schema.New)

// New loads, checks and compiles a policy and prepares one query per
// request kind it decides. Every configuration problem is returned here, as
// a *PolicyError (errors.Is(err, ErrPolicy)); a policy that calls a
// built-in outside the sandbox (http.send, time.now_ns, …) is refused.
//
// A policy other than the embedded one, or any policy with a playbook
// given, must decide the smoke corpus within the contract (see Reload), or
// New refuses it. New does not run the policy's Rego tests nor the checks
// given with WithCheck: it is the start-up path (a CLI call, a service starting on the
// shipped policy, whose tests run in CI). Reload runs them; to vet the first
// policy too, call Reload right after New.
func New(ctx context.Context, opts ...Option) (*Engine, error) {
	cfg := config{fsys: Embedded(), name: "embedded"}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, optionError(err)
		}
	}
	v, err := contract()
	if err != nil {
		return nil, fmt.Errorf("loading the contract's schemas: %w", err)
	}
	p, _, err := build(ctx, &cfg, false)
	if err != nil {
		return nil, err
	}
	e := &Engine{schemas: v, cfg: cfg, limits: cfg.requests.resolved()}
	if cfg.bundle != "" || cfg.fsys != embeddedRoot || cfg.playbook != nil {
		// Not the shipped policy and playbook, which the golden cases test.
		if err := e.smoke(ctx, p); err != nil {
			return nil, err
		}
	}
	e.cur.Store(p)
	if cfg.decisionLog != nil {
		e.log = startDecisionLog(cfg.decisionLog)
	}
	return e, nil
}

// load reads the configured policy's sources, with its tests when asked.
func (c *config) load(tests bool) (*source.Sources, error) {
	var (
		src *source.Sources
		err error
	)
	if c.bundle != "" {
		f, oerr := os.Open(c.bundle)
		if oerr != nil {
			return nil, &PolicyError{Messages: []string{oerr.Error()}}
		}
		defer f.Close()
		src, err = source.LoadBundleLimited(f, tests, c.limits)
	} else {
		src, err = source.LoadLimited(c.fsys, tests, c.limits)
	}
	if se, ok := err.(*source.Error); ok {
		msgs := se.Messages
		if c.bundle != "" {
			msgs = make([]string, len(se.Messages))
			for i, m := range se.Messages {
				msgs[i] = c.bundle + ": " + m
			}
		}
		return nil, &PolicyError{Messages: msgs, Err: se.Err}
	} else if err != nil {
		return nil, &PolicyError{Messages: []string{err.Error()}}
	}
	return src, nil
}

// build loads and compiles the configured policy and prepares its queries.
// It also returns the sources, with the test modules when tests is true.
func build(ctx context.Context, cfg *config, tests bool) (*compiled, *source.Sources, error) {
	src, err := cfg.load(tests)
	if err != nil {
		return nil, nil, err
	}
	compiler, err := compile(src)
	if err != nil {
		return nil, nil, err
	}
	store := inmem.NewFromObject(src.Data)
	pb := cfg.playbook
	if pb == nil {
		pb = rules.Default()
	}
	p := &compiled{
		info: Info{
			Revision: src.Revision,
			Digest:   src.Digest,
			Playbook: PlaybookInfo{Name: pb.Name(), Digest: "sha256:" + pb.Digest()},
		},
		queries:  map[string]*rego.PreparedEvalQuery{},
		playbook: pb,
	}
	if p.infoDoc, err = jsonValue(p.info); err != nil {
		return nil, nil, err
	}
	a := newAnalysis(compiler)
	if cfg.memoSize >= 0 {
		if p.folds, p.folded, err = fold(ctx, a, store); err != nil {
			return nil, nil, err
		}
		if p.checked, err = lru.New[[sha256.Size]byte, struct{}](DefaultMemoSize); err != nil {
			return nil, nil, err
		}
	}
	folds := newFolder(a, p.folds)
	for kind, query := range entrypoints {
		if len(compiler.GetRulesExact(ast.MustParseRef(query))) == 0 {
			continue
		}
		pq, err := prepare(ctx, compiler, store, query, folds)
		if err != nil {
			return nil, nil, err
		}
		p.queries[kind] = pq
		p.kinds = append(p.kinds, kind)
	}
	if len(p.queries) == 0 {
		return nil, nil, &PolicyError{Messages: []string{cfg.name + ": the policy decides no request kind (no data.dsrkit.<kind>.decision rule)"}}
	}
	if p.queries[lawsQuery], err = prepare(ctx, compiler, store, lawsQuery, folds); err != nil {
		return nil, nil, err
	}
	if p.laws, err = checkLaws(ctx, compiler, store); err != nil {
		return nil, nil, err
	}
	if err := checkPlaybook(ctx, compiler, store, pb); err != nil {
		return nil, nil, err
	}
	memoised := map[string]string{lawsQuery: lawsQuery}
	for _, kind := range p.kinds {
		memoised[kind] = entrypoints[kind]
	}
	if p.memo, err = newMemo(ctx, a, store, memoised, folds, cmp.Or(cfg.memoSize, DefaultMemoSize)); err != nil {
		return nil, nil, err
	}
	p.decided = map[string]*decisionMemo{}
	for _, kind := range p.kinds {
		dm, err := newDecisionMemo(ctx, a, store, entrypoints[kind], cmp.Or(cfg.memoSize, DefaultMemoSize))
		if err != nil {
			return nil, nil, err
		}
		if dm != nil {
			p.decided[kind] = dm
		}
	}
	slices.Sort(p.kinds)
	return p, src, nil
}

// input is a request as the prepared queries read it: with the folded
// values, if any, in their member.
func (p *compiled) input(doc map[string]any) (ast.Object, error) {
	v, err := ast.InterfaceToValue(doc)
	if err != nil {
		return nil, err
	}
	input, ok := v.(ast.Object)
	if !ok {
		return nil, fmt.Errorf("the request is not an object")
	}
	if p.folded != nil {
		input.Insert(ast.StringTerm(foldInput), p.folded)
	}
	return input, nil
}

// jsonValue is v as the generic JSON value (objects, arrays, json.Number)
// that the contract's schemas check.
func jsonValue(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	doc, problems := schema.ParseJSON(b)
	if problems != nil {
		return nil, fmt.Errorf("%v", problems)
	}
	return doc.(map[string]any), nil
}

// prepare prepares one query over the compiled policy, with strict
// built-in errors so that a failing date computation is an error, and the
// folded rules' values laid over it.
func prepare(ctx context.Context, compiler *ast.Compiler, store storage.Store, query string, folds *folder) (*rego.PreparedEvalQuery, error) {
	if len(compiler.GetRulesExact(ast.MustParseRef(query))) == 0 {
		return nil, &PolicyError{Messages: []string{"the policy has no rule " + query}}
	}
	opts, err := folds.options(query)
	if err != nil {
		return nil, err
	}
	pq, err := newQuery(compiler, store, query, opts...).PrepareForEval(ctx)
	if err != nil {
		return nil, &PolicyError{Messages: []string{fmt.Sprintf("preparing %s: %v", query, err)}}
	}
	return &pq, nil
}

// newQuery is a query over the compiled policy as the engine evaluates it:
// dsrkit's built-ins, strict built-in errors.
func newQuery(compiler *ast.Compiler, store storage.Store, query string, extra ...func(*rego.Rego)) *rego.Rego {
	opts := append([]func(*rego.Rego){
		rego.Query(query),
		rego.Compiler(compiler),
		rego.Store(store),
		rego.StrictBuiltinErrors(true),
	}, builtins.Options()...)
	return rego.New(append(opts, extra...)...)
}

// Info returns the revision and digest of the policy the engine serves now.
func (e *Engine) Info() Info { return e.cur.Load().info }

// Kinds returns the request kinds the policy served now decides, sorted.
func (e *Engine) Kinds() []string { return slices.Clone(e.cur.Load().kinds) }

// compile compiles the modules inside the sandbox: dsrkit's capabilities
// allow neither the clock, nor the network, nor randomness; and it
// type-checks every reference to input against the request schema, so a
// misspelt field (input.consumer.residnce) is a load error at its line.
// Every rule definition that reads its own METADATA gets its id and
// position (package ruleref) before the rego.metadata calls are resolved.
func compile(src *source.Sources) (*ast.Compiler, error) {
	ss, err := inputSchemaSet()
	if err != nil {
		return nil, &PolicyError{Messages: []string{err.Error()}}
	}
	c := ruleref.With(ast.NewCompiler()).
		WithSchemas(ss).
		WithCapabilities(builtins.Capabilities()).
		WithEnablePrintStatements(false)
	c.Compile(src.Policy())
	if c.Failed() {
		msgs := make([]string, 0, len(c.Errors))
		for _, e := range c.Errors {
			msgs = append(msgs, sandboxHint(e))
		}
		return nil, &PolicyError{Messages: msgs}
	}
	if err := checkCitations(c); err != nil {
		return nil, err
	}
	return c, nil
}

// sandboxHint names the sandbox when a policy calls a built-in dsrkit does
// not allow (the compiler only says it is undefined).
func sandboxHint(e *ast.Error) string {
	msg := source.Describe(e)
	if e.Code == ast.TypeErr {
		for _, b := range ast.CapabilitiesForThisVersion().Builtins {
			if !builtins.Allowed(b) && containsCall(e.Message, b.Name) {
				return msg + " (" + b.Name + " is not allowed in a dsrkit policy: " + builtins.Refusal(b.Name) + "; see policy/rego/capabilities.json)"
			}
		}
	}
	return msg
}

func containsCall(msg, name string) bool {
	return msg == "undefined function "+name
}
