package policy

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"time"

	"github.com/dsrkit/dsrkit/internal/schema"
)

// smokeTimeout bounds the smoke corpus as a whole (it takes well under a
// second on the shipped policy).
var smokeTimeout = 30 * time.Second

// smokeFS is the smoke corpus: a few requests of every kind, copies of
// golden cases (testdata/cases/<name>/request.json, kept equal by a test).
//
//go:embed smoke/*.json
var smokeFS embed.FS

// smoke decides every request of the smoke corpus whose kind policy p
// decides, exactly as Decide would (the playbook, the evaluation, the
// citation check, the decision schema), and refuses p — a *PolicyError
// naming each request and what went wrong — unless every decision keeps
// the contract. Reload runs it on every candidate before the swap, whether
// or not the policy's own Rego tests run; New runs it on a policy other
// than the embedded one.
func (e *Engine) smoke(parent context.Context, p *compiled) error {
	// A policy that cannot decide the corpus promptly is refused, not
	// waited for: New and Reload return.
	ctx, cancel := context.WithTimeout(parent, smokeTimeout)
	defer cancel()
	names, err := fs.Glob(smokeFS, "smoke/*.json")
	if err != nil || len(names) == 0 {
		panic(fmt.Sprintf("policy: the smoke corpus is missing: %v", err)) // embedded and tested
	}
	var msgs []string
	for _, name := range names {
		if err := parent.Err(); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return &PolicyError{Messages: []string{fmt.Sprintf("the policy did not decide the smoke corpus within %s", smokeTimeout)}}
		}
		b, err := smokeFS.ReadFile(name)
		if err != nil {
			panic(err) // embedded
		}
		v, problems := schema.ParseJSON(b)
		if problems == nil {
			problems = e.schemas.Request(v)
		}
		if len(problems) > 0 {
			return &PolicyError{Messages: []string{fmt.Sprintf("smoke request %s is not a valid request: %v", name, problems)}} // a dsrkit bug, caught by its tests
		}
		doc := v.(map[string]any)
		kind, _ := doc["kind"].(string)
		if _, ok := p.queries[kind]; !ok {
			continue
		}
		if _, err := e.decideWith(ctx, p, kind, doc); err != nil {
			msgs = append(msgs, fmt.Sprintf("the policy fails the smoke request %s (%s): %v", path.Base(name), kind, err))
		}
	}
	if len(msgs) > 0 {
		return &PolicyError{Messages: msgs}
	}
	return nil
}
