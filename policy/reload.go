package policy

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/dsrkit/dsrkit/internal/regotest"
	"github.com/dsrkit/dsrkit/internal/source"
)

// A Check vets a candidate policy before Reload serves it. It receives the
// candidate as a ready *Engine — it may Decide requests, e.g. replay golden
// cases, and compare its Info — which is not yet serving anyone. A non-nil
// error refuses the candidate: Reload returns it inside a *PolicyError
// (errors.Is(err, ErrPolicy), and errors.Is/As reach the Check's own error).
// A Check runs on the goroutine that called Reload, never concurrently with
// another Check of the same engine.
type Check func(ctx context.Context, candidate *Engine) error

// WithCheck adds a Check that Reload runs on every candidate policy, after
// the policy's own Rego tests have passed. Checks run in the order given.
// New does not run them, but keeps them for every later Reload; given to
// Reload, a check also applies to the reloads after it.
func WithCheck(c Check) Option {
	return func(cfg *config) error {
		if c == nil {
			return errors.New("WithCheck: nil Check")
		}
		cfg.checks = append(slices.Clip(cfg.checks), c)
		return nil
	}
}

// WithRegoTests sets whether Reload runs the candidate policy's own Rego
// tests (its *_test.rego modules; default true). Turn it off only when the
// policy was tested before it reached the engine — e.g. a bundle built in
// CI after `dsrkit test` passed — and reloading must be fast: running the
// shipped policy's tests takes seconds. A policy without tests passes
// them; the smoke corpus (see Reload) still runs.
// Given to New or to Reload, the setting holds for the reloads after it.
func WithRegoTests(run bool) Option {
	return func(cfg *config) error {
		cfg.skipTests = !run
		return nil
	}
}

// Reload replaces the engine's policy, atomically, with a new one that has
// been vetted off to the side. The new policy is read from the source given
// by opts (WithDir, WithBundle, WithFS) or, without one, read again from
// where the current policy came from; the other options (WithCheck,
// WithRegoTests) are added to the engine's, for this and later reloads.
//
// Reload reads the policy with its tests, compiles it in the sandbox
// exactly as New does, prepares its queries, decides the smoke corpus
// shipped with the engine (a few requests of each kind: every decision must
// validate against the decision schema and cite the law in every reason —
// whatever WithRegoTests says), runs its own Rego tests with dsrkit's
// built-ins (the same runner as `dsrkit test`) and then every Check. Only if all of that succeeds does it swap the new policy in, with
// one atomic store: decisions started before finish on the old policy,
// decisions started after use the new one, and none mixes the two. If any
// step fails, Reload returns a *PolicyError (errors.Is(err, ErrPolicy)) that
// names each problem — a syntax error with its file, line and column, each
// failing test — and the engine keeps serving the policy it had, with the
// same Info. If ctx ends first, Reload returns ctx's error and changes
// nothing.
//
// Reload is safe to call concurrently with Decide, Laws, Info and Kinds,
// and with itself: reloads are serialised, each vetting its own candidate.
//
// Running the tests in the engine means that the package links OPA's test
// runner (opa/v1/tester and opa/v1/cover) into every program that embeds
// dsrkit, against the advice to keep them out of production code. It is a
// deliberate choice: the test runner is what makes a hot reload safe — a
// policy whose tests fail is refused before it decides anything — and a
// program cannot supply that runner itself, because dsrkit's built-ins are
// only reachable through its internal packages. The runner registers
// nothing globally and runs only inside Reload, never on the Decide path
// (which is unchanged: one atomic load); it adds about 120 KB to a program
// that embeds only the engine. WithRegoTests(false) turns it off.
func (e *Engine) Reload(ctx context.Context, opts ...Option) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	cfg := e.cfg
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return optionError(err)
		}
	}
	p, src, err := build(ctx, &cfg, !cfg.skipTests)
	if err == nil {
		err = e.smoke(ctx, p)
	}
	if err == nil && !cfg.skipTests {
		err = runRegoTests(ctx, src)
	}
	if err == nil && len(cfg.checks) > 0 {
		candidate := &Engine{schemas: e.schemas, cfg: cfg}
		candidate.cur.Store(p)
		for _, check := range cfg.checks {
			if cerr := check(ctx, candidate); cerr != nil {
				err = &PolicyError{Messages: []string{"a check refused the policy: " + cerr.Error()}, Err: cerr}
				break
			}
		}
	}
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("reloading the policy: %w", cerr)
	}
	if err != nil {
		return err
	}
	e.cur.Store(p)
	e.cfg = cfg
	return nil
}

// runRegoTests runs every test of a policy read with its tests; a test
// module that does not compile, or any failing test, is a *PolicyError.
func runRegoTests(ctx context.Context, src *source.Sources) error {
	rep, err := regotest.RunSources(ctx, src, regotest.Options{})
	if err != nil {
		var errs ast.Errors
		if errors.As(err, &errs) {
			msgs := make([]string, len(errs))
			for i, e := range errs {
				msgs[i] = source.Describe(e)
			}
			return &PolicyError{Messages: msgs}
		}
		return &PolicyError{Messages: []string{"running the policy's Rego tests: " + err.Error()}}
	}
	failures := rep.Failures()
	if len(failures) == 0 {
		return nil
	}
	msgs := make([]string, len(failures))
	for i, r := range failures {
		msgs[i] = fmt.Sprintf("FAIL %s.%s (%s)", r.Package, r.Name, r.Location)
		if r.Error != "" {
			msgs[i] += ": " + r.Error
		}
	}
	return &PolicyError{Messages: msgs}
}
