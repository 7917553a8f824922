// Package policy is dsrkit's engine: it loads the law as Rego (the policy
// embedded under policy/rego, or a directory), compiles it once inside a
// sandbox, and turns validated request documents into decision documents.
//
// An *Engine is safe for concurrent use by many goroutines: New does all
// parsing, compiling and schema loading; Decide only evaluates.
package policy

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/dsrkit/dsrkit/internal/builtins"
	"github.com/dsrkit/dsrkit/internal/schema"
	"github.com/dsrkit/dsrkit/internal/source"
)

//go:embed rego rego/.manifest
var embedded embed.FS

// Embedded returns the policy shipped with dsrkit, as a file system rooted
// at policy/rego.
func Embedded() fs.FS {
	sub, err := fs.Sub(embedded, "rego")
	if err != nil {
		panic(err) // the embed directive guarantees the directory
	}
	return sub
}

// entrypoints maps each request kind to the rule that decides it.
var entrypoints = map[string]string{
	KindDelete:       "data.dsrkit.delete.decision",
	KindOptOut:       "data.dsrkit.opt_out.decision",
	KindOptIn:        "data.dsrkit.opt_in.decision",
	KindSolicitOptIn: "data.dsrkit.solicit_opt_in.decision",
}

// lawsQuery lists every law considered for a request and whether it applies.
const lawsQuery = "data.dsrkit.applicability.results"

// Engine decides requests under one compiled policy.
type Engine struct {
	info    Info
	schemas *schema.Validator
	queries map[string]*rego.PreparedEvalQuery // by request kind, and lawsQuery
	kinds   []string
}

type config struct {
	fsys fs.FS
	name string
}

// Option configures New.
type Option func(*config) error

// WithDir loads the policy from a directory instead of the embedded one.
func WithDir(dir string) Option {
	return func(c *config) error {
		info, err := os.Stat(dir)
		if err != nil {
			return err
		}
		if !info.IsDir() {
			return fmt.Errorf("%s is not a directory", dir)
		}
		c.fsys, c.name = os.DirFS(dir), dir
		return nil
	}
}

// WithFS loads the policy from a file system (its root holds the packages).
func WithFS(fsys fs.FS) Option {
	return func(c *config) error {
		c.fsys, c.name = fsys, "fs"
		return nil
	}
}

// New loads, checks and compiles a policy and prepares one query per
// request kind it decides. Every configuration problem is returned here, as
// a *PolicyError (errors.Is(err, ErrPolicy)); a policy that calls a
// built-in outside the sandbox (http.send, time.now_ns, …) is refused.
func New(ctx context.Context, opts ...Option) (*Engine, error) {
	cfg := config{fsys: Embedded(), name: "embedded"}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, &PolicyError{Messages: []string{err.Error()}}
		}
	}
	src, err := source.Load(cfg.fsys, false)
	if err != nil {
		return nil, &PolicyError{Messages: err.(*source.Error).Messages}
	}
	compiler, err := compile(src)
	if err != nil {
		return nil, err
	}
	v, err := schema.New()
	if err != nil {
		return nil, fmt.Errorf("loading the contract's schemas: %w", err)
	}
	e := &Engine{
		info:    Info{Revision: src.Revision, Digest: src.Digest},
		schemas: v,
		queries: map[string]*rego.PreparedEvalQuery{},
	}
	store := inmem.NewFromObject(src.Data)
	for kind, query := range entrypoints {
		if len(compiler.GetRulesExact(ast.MustParseRef(query))) == 0 {
			continue
		}
		pq, err := prepare(ctx, compiler, store, query)
		if err != nil {
			return nil, err
		}
		e.queries[kind] = pq
		e.kinds = append(e.kinds, kind)
	}
	if len(e.queries) == 0 {
		return nil, &PolicyError{Messages: []string{cfg.name + ": the policy decides no request kind (no data.dsrkit.<kind>.decision rule)"}}
	}
	if e.queries[lawsQuery], err = prepare(ctx, compiler, store, lawsQuery); err != nil {
		return nil, err
	}
	slices.Sort(e.kinds)
	return e, nil
}

// prepare prepares one query over the compiled policy, with strict
// built-in errors so that a failing date computation is an error.
func prepare(ctx context.Context, compiler *ast.Compiler, store storage.Store, query string) (*rego.PreparedEvalQuery, error) {
	if len(compiler.GetRulesExact(ast.MustParseRef(query))) == 0 {
		return nil, &PolicyError{Messages: []string{"the policy has no rule " + query}}
	}
	opts := append([]func(*rego.Rego){
		rego.Query(query),
		rego.Compiler(compiler),
		rego.Store(store),
		rego.StrictBuiltinErrors(true),
	}, builtins.Options()...)
	pq, err := rego.New(opts...).PrepareForEval(ctx)
	if err != nil {
		return nil, &PolicyError{Messages: []string{fmt.Sprintf("preparing %s: %v", query, err)}}
	}
	return &pq, nil
}

// Info returns the revision and digest of the engine's policy.
func (e *Engine) Info() Info { return e.info }

// Kinds returns the request kinds the policy decides, sorted.
func (e *Engine) Kinds() []string { return slices.Clone(e.kinds) }

// compile compiles the modules inside the sandbox: dsrkit's capabilities
// allow neither the clock, nor the network, nor randomness.
func compile(src *source.Sources) (*ast.Compiler, error) {
	c := ast.NewCompiler().
		WithCapabilities(builtins.Capabilities()).
		WithEnablePrintStatements(false)
	c.Compile(src.Modules)
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
				return msg + " (" + b.Name + " is not allowed in a dsrkit policy: decisions may not depend on the clock, the network, the host or chance; see policy/rego/capabilities.json)"
			}
		}
	}
	return msg
}

func containsCall(msg, name string) bool {
	return msg == "undefined function "+name
}
