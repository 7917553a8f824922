package policy

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dsrkit/dsrkit/internal/schema"
)

// DecideOption adjusts one decision.
type DecideOption func(*decideConfig)

type decideConfig struct {
	asOf        string
	defaultAsOf string // for a request without as_of
	calendar    string
	consumerID  string // for the decision log only
}

// AsOf sets the moment of evaluation (RFC 3339), overriding the request's
// as_of. Without it and without as_of in the request, the decision is taken
// as of the moment the request was received: dsrkit never reads the clock.
func AsOf(instant string) DecideOption { return func(c *decideConfig) { c.asOf = instant } }

// DefaultAsOf sets the moment of evaluation (RFC 3339) of a request that
// has no as_of member; a request's own as_of, whatever its value, is kept
// (and checked). A host that decides "now" passes its clock's instant here.
func DefaultAsOf(instant string) DecideOption {
	return func(c *decideConfig) { c.defaultAsOf = instant }
}

// Calendar sets the business-day calendar (e.g. "US-CA"), overriding the
// request's business.calendar and each law's default.
func Calendar(name string) DecideOption { return func(c *decideConfig) { c.calendar = name } }

// Decide validates a request document (JSON) against the contract and
// returns the decision document (JSON). An invalid request gives a
// *RequestError listing every problem; a policy that fails gives an
// *EvalError (also when evaluation panics); a decision in which a reason,
// law, notice, timeline entry, exception, record or third-party
// instruction has no citation is never returned: it gives a *PolicyError.
// On error nothing was decided.
func (e *Engine) Decide(ctx context.Context, request []byte, opts ...DecideOption) (json.RawMessage, error) {
	p := e.cur.Load() // the whole decision is made under this policy, even if Reload swaps it meanwhile
	doc, err := e.validate(request, opts)
	if err != nil {
		return nil, err
	}
	out, err := e.decideWith(ctx, p, doc["kind"].(string), doc)
	if err == nil && e.log != nil {
		e.log.add(out, opts) // never waits
	}
	return out, err
}

// decideWith lays the playbook over a validated request and decides it
// under policy p. A failed evaluation, and a panic anywhere in it (a
// built-in, the playbook), is an *EvalError; a decision that does not cite
// the law is a *PolicyError.
func (e *Engine) decideWith(ctx context.Context, p *compiled, kind string, doc map[string]any) (out json.RawMessage, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, &EvalError{Kind: kind, Err: fmt.Errorf("the evaluation panicked: %v", r)}
		}
	}()
	if err := applyPlaybook(p.playbook, doc); err != nil {
		return nil, &EvalError{Kind: kind, Err: err}
	}
	decision, err := e.eval(ctx, p, kind, doc)
	var pe *PolicyError
	switch {
	case errors.As(err, &pe):
		return nil, pe
	case err != nil:
		return nil, &EvalError{Kind: kind, Err: err}
	}
	return decision, nil
}

// Laws validates a request document and returns every law the policy
// considers for it: whether it applies, its citation and the reasons.
func (e *Engine) Laws(ctx context.Context, request []byte, opts ...DecideOption) ([]LawResult, error) {
	p := e.cur.Load()
	doc, err := e.validate(request, opts)
	if err != nil {
		return nil, err
	}
	input, err := p.input(doc)
	if err != nil {
		return nil, &EvalError{Kind: doc["kind"].(string), Err: err}
	}
	v, _, err := p.evalValue(ctx, lawsQuery, doc, input, nil) // results: never spliced
	if err != nil {
		return nil, &EvalError{Kind: doc["kind"].(string), Err: err}
	}
	if err := checkServedCitations(map[string]any{"laws": v}); err != nil {
		return nil, err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, &EvalError{Kind: doc["kind"].(string), Err: err}
	}
	var laws []LawResult
	if err := json.Unmarshal(b, &laws); err != nil {
		return nil, &EvalError{Kind: doc["kind"].(string), Err: fmt.Errorf("%s is not a list of laws: %w", lawsQuery, err)}
	}
	return laws, nil
}

// validate parses a request, applies the overrides and checks the result
// against the contract's schema, once. An as_of the request holds must be
// a valid instant even when AsOf overrides it.
func (e *Engine) validate(request []byte, opts []DecideOption) (map[string]any, error) {
	var cfg decideConfig
	for _, o := range opts {
		o(&cfg)
	}
	v, problems := schema.Parse(request, e.limits.parseLimits(), limitNames)
	if problems != nil {
		return nil, e.invalid(problems)
	}
	var overridden []Problem
	if doc, ok := v.(map[string]any); ok {
		if cfg.asOf != "" {
			if own, ok := doc["as_of"]; ok {
				overridden = e.schemas.Instant(own, "/as_of")
			}
			doc["as_of"] = cfg.asOf
		}
		if _, own := doc["as_of"]; !own && cfg.defaultAsOf != "" {
			doc["as_of"] = cfg.defaultAsOf
		}
		if cfg.calendar != "" {
			business, _ := doc["business"].(map[string]any)
			if business == nil {
				business = map[string]any{}
				doc["business"] = business
			}
			business["calendar"] = cfg.calendar
		}
	}
	if problems := e.schemas.Request(v); len(problems) > 0 || len(overridden) > 0 {
		return nil, e.invalid(schema.Sort(append(overridden, problems...)))
	}
	return v.(map[string]any), nil
}

// invalid is the error for a request with these problems, as many as the
// limits let it list.
func (e *Engine) invalid(problems []Problem) *RequestError {
	return &RequestError{Problems: capProblems(problems, e.limits.resolved().Problems)}
}

// eval runs the kind's prepared query of policy p and checks the decision
// it gives against the contract: a policy that produces no decision, or a
// malformed one, is an error, never a decision.
func (e *Engine) eval(ctx context.Context, p *compiled, kind string, doc map[string]any) (json.RawMessage, error) {
	if _, ok := p.queries[kind]; !ok {
		return nil, fmt.Errorf("the policy has no rule for %q requests (%s)", kind, entrypoints[kind])
	}
	input, err := p.input(doc)
	if err != nil {
		return nil, err
	}
	dm := p.decided[kind]
	var echo echoed
	if dm != nil {
		var ok bool
		if echo, ok, err = dm.keyOf(ctx, doc, input.(ast.Object)); err != nil || !ok {
			dm = nil // decided in full, which gives the error, if any
		} else if out, hit := dm.served(echo, e.checkFields); hit {
			return out, nil
		}
	}
	v, laws, err := p.evalValue(ctx, kind, doc, input, e.checkLawResults)
	if err != nil {
		return nil, err
	}
	decision, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s is not an object", entrypoints[kind])
	}
	if given, ok := decision["laws"]; ok && laws == nil && p.checked != nil {
		if laws, err = p.writtenLaws(given, e.checkLawResults); err != nil {
			return nil, err
		}
	}
	if laws != nil {
		decision["laws"] = []any{} // written as checked once (the memo's, or writtenLaws's)
	}
	if err := checkServedCitations(decision); err != nil {
		return nil, err
	}
	decision["policy"] = p.infoDoc
	// The decision is checked as the policy gave it, before it is written:
	// OPA's result is already a JSON value (objects, arrays, json.Number),
	// so encoding and parsing it again would only check the encoder.
	if problems := e.schemas.Decision(decision); len(problems) > 0 {
		return nil, fmt.Errorf("the policy gave a decision that breaks the contract: %v", problems)
	}
	decision["policy"] = p.info // written in the contract's field order
	if laws != nil {
		decision["laws"] = json.RawMessage(laws)
	}
	fields, err := encodeFields(decision)
	if err != nil {
		return nil, err
	}
	if dm != nil {
		dm.keep(echo, fields)
	}
	return writeOrdered(fields), nil
}

// writtenLaws writes a decision's laws[] and checks it as checkFields does,
// once for each laws[] written the same (of the last DefaultMemoSize): most
// decisions share their laws[] with many others (the laws a consumer of one
// place, of one business, is under).
func (p *compiled) writtenLaws(laws any, check func(any) error) ([]byte, error) {
	b, err := json.Marshal(laws)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	if p.checked.Contains(sum) {
		return b, nil
	}
	if err := check(laws); err != nil {
		return nil, err
	}
	p.checked.Add(sum, struct{}{})
	return b, nil
}

// checkFields checks some of a decision's top-level fields on their own,
// as eval checks a whole decision: a memoised laws[], and the echo served
// with a decision the memo kept (the rest of each decision was checked
// whole). The contract says nothing of these fields but what it says of
// each.
func (e *Engine) checkFields(fields map[string]any) error {
	if err := checkServedCitations(fields); err != nil {
		return err
	}
	for name, v := range fields {
		if problems := e.schemas.Field(name, v); len(problems) > 0 {
			return fmt.Errorf("the policy gave a decision that breaks the contract: %v", problems)
		}
	}
	return nil
}

// checkLawResults checks a memoised laws[] (checkFields).
func (e *Engine) checkLawResults(laws any) error { return e.checkFields(map[string]any{"laws": laws}) }

// evalValue runs one prepared query on a request; an undefined result is an
// error, never an empty answer. With the memo, laws may be the decision's
// laws[] as JSON, checked by check (and v holds no laws).
func (p *compiled) evalValue(ctx context.Context, query string, doc map[string]any, input ast.Value, check func(any) error) (v any, laws []byte, err error) {
	if p.memo != nil {
		v, laws, ok, err := p.memo.eval(ctx, doc, input.(ast.Object), query, check)
		if err != nil || ok {
			return v, laws, err
		}
	}
	rs, err := p.queries[query].Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, nil, err
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, nil, fmt.Errorf("the policy gave no answer (%s is undefined)", cmp.Or(entrypoints[query], query))
	}
	return rs[0].Expressions[0].Value, nil, nil
}

// fieldOrder is the order in which a decision's top-level fields are
// written (CONTRACT.md § 3); fields not named follow, sorted by name.
var fieldOrder = []string{
	"kind", "request_id", "as_of", "received_on", "outcome", "valid", "allowed",
	"earliest", "comply_by", "laws", "deadlines", "verification", "items",
	"directives", "plan", "record", "scope", "third_party_instructions",
	"signal_honored", "signal_covers", "reasons", "notices", "escalations",
	"timeline", "policy",
}

var fieldRank = func() map[string]int {
	m := make(map[string]int, len(fieldOrder))
	for i, f := range fieldOrder {
		m[f] = i
	}
	return m
}()

// encodeFields writes each of a decision's top-level fields as JSON.
func encodeFields(decision map[string]any) (map[string]json.RawMessage, error) {
	fields := make(map[string]json.RawMessage, len(decision))
	for k, v := range decision {
		if raw, ok := v.(json.RawMessage); ok { // written by json.Marshal already
			fields[k] = raw
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		fields[k] = b
	}
	return fields, nil
}

// writeOrdered writes a decision's fields in contract order, so a person
// reading it meets the outcome before the arithmetic.
func writeOrdered(fields map[string]json.RawMessage) []byte {
	keys := orderedKeys(fields)
	if len(keys) == 0 {
		return []byte("{}")
	}
	n := 2
	for _, k := range keys {
		n += len(k) + len(fields[k]) + 4
	}
	buf := make([]byte, 0, n)
	for i, k := range keys {
		buf = appendKey(buf, k, i == 0)
		buf = append(buf, fields[k]...)
	}
	return append(buf, '}')
}

// orderedKeys are a decision's field names in contract order (fieldOrder),
// the others after them by name.
func orderedKeys(fields map[string]json.RawMessage) []string {
	return slices.SortedFunc(maps.Keys(fields), func(a, b string) int {
		ra, oka := fieldRank[a]
		rb, okb := fieldRank[b]
		switch {
		case oka && okb:
			return ra - rb
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a, b)
	})
}

// appendKey appends a field's name and colon to a decision being written,
// after the opening brace for the first field, else after a comma.
func appendKey(buf []byte, k string, first bool) []byte {
	if first {
		buf = append(buf, '{')
	} else {
		buf = append(buf, ',')
	}
	kb, _ := json.Marshal(k)
	buf = append(buf, kb...)
	return append(buf, ':')
}
