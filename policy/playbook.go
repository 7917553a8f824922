package policy

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"

	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/rules"
)

// WithPlaybook sets the organisation's playbook (package rules): its
// retention rules claim exceptions for the data items of a request to
// delete, and its settings (step deadlines, escalation levels, record
// retention, …) replace the policy's defaults. Without it the engine uses
// rules.Default(), the seed procedure's playbook.
func WithPlaybook(pb *rules.Playbook) Option {
	return func(c *config) error {
		if pb == nil {
			return fmt.Errorf("WithPlaybook: nil playbook")
		}
		c.playbook = pb
		return nil
	}
}

// WithPlaybookFile loads the playbook in a YAML or JSON file. A playbook
// that does not load fails New with a *PolicyError that wraps the
// *rules.LoadError (file, rule id and CEL position of every problem).
func WithPlaybookFile(path string) Option {
	return func(c *config) error {
		pb, err := rules.Load(path)
		if err != nil {
			return err
		}
		c.playbook = pb
		return nil
	}
}

// applyPlaybook lays the playbook over a validated request document: the
// settings it sets itself become input.playbook (the policy's defaults,
// data.dsrkit.playbook.defaults, give the rest), and, for a request to delete, the claims
// its rules make for each data item join the item's exceptions, each naming
// its rule. A rule that could not be evaluated for an item claims its basis
// as disputed, so that Legal reviews the item instead of it being deleted.
func applyPlaybook(pb *rules.Playbook, doc map[string]any) error {
	doc["playbook"] = pb.Overrides()
	items, _ := doc["data"].([]any)
	if doc["kind"] != KindDelete || len(items) == 0 {
		return nil
	}
	asOf, err := requestDate(doc)
	if err != nil {
		return err
	}
	for _, it := range items {
		item, ok := it.(map[string]any)
		if !ok {
			continue
		}
		claims := pb.Claims(item, doc, asOf)
		if len(claims) == 0 {
			continue
		}
		exceptions, _ := item["exceptions"].([]any)
		for _, c := range claims {
			e := map[string]any{"basis": c.Basis, "rule": c.Rule}
			if c.Until != "" {
				e["until"] = c.Until
			}
			if c.Note != "" {
				e["note"] = c.Note
			}
			if c.Error != "" {
				e["disputed"] = true
				e["note"] = fmt.Sprintf("playbook rule %s could not be evaluated: %s", c.Rule, c.Error)
			}
			exceptions = append(exceptions, e)
		}
		item["exceptions"] = exceptions
	}
	return nil
}

// requestDate is the date the request is judged on, as the policy reads it
// (request.as_of_date): as_of, else received_at, in the business's zone.
func requestDate(doc map[string]any) (calendar.Date, error) {
	instant, _ := doc["as_of"].(string)
	if instant == "" {
		instant, _ = doc["received_at"].(string)
	}
	zone := ""
	if b, ok := doc["business"].(map[string]any); ok {
		zone, _ = b["time_zone"].(string)
	}
	return calendar.ReceiptDate(instant, zone)
}

// optionError is the *PolicyError for an option that failed: one message
// per problem of a playbook that did not load, which it wraps.
func optionError(err error) *PolicyError {
	var le *rules.LoadError
	if errors.As(err, &le) {
		msgs := make([]string, len(le.Problems))
		for i := range le.Problems {
			msgs[i] = le.Problems[i].Error()
		}
		return &PolicyError{Messages: msgs, Err: err}
	}
	return &PolicyError{Messages: []string{err.Error()}, Err: err}
}

// The rules naming what a playbook may set (policy/rego/playbook): every
// setting with its default, and the settings without one.
const (
	playbookDefaultsRule       = "data.dsrkit.playbook.defaults"
	playbookWithoutDefaultRule = "data.dsrkit.playbook.without_default"
)

// PlaybookSettingError is a playbook that sets a setting, or an escalation
// trigger, the loaded policy does not name (data.dsrkit.playbook.defaults,
// data.dsrkit.playbook.without_default): the policy would never read it. New
// and Reload refuse the pair with a *PolicyError wrapping it.
type PlaybookSettingError struct {
	// Playbook is the playbook's name (rules.Playbook.Name).
	Playbook string
	// Pointers are the JSON pointers of the unknown settings in the
	// playbook file, e.g. "/settings/escalation_levels/sold_after_optout",
	// sorted.
	Pointers []string
}

func (e *PlaybookSettingError) Error() string {
	return fmt.Sprintf("%s: %s: the policy has no such setting", e.Playbook, strings.Join(e.Pointers, ", "))
}

// Is reports ErrPolicy.
func (e *PlaybookSettingError) Is(target error) bool { return target == ErrPolicy }

// checkPlaybook refuses a playbook that sets what the compiled policy does
// not name. A policy without playbook defaults reads no setting, and is
// not checked.
func checkPlaybook(ctx context.Context, compiler *ast.Compiler, store storage.Store, pb *rules.Playbook) error {
	defaults, err := evalConst(ctx, compiler, store, playbookDefaultsRule)
	if err != nil {
		return err
	}
	known, ok := defaults.(map[string]any)
	if !ok {
		return nil
	}
	known = maps.Clone(known)
	without, err := evalConst(ctx, compiler, store, playbookWithoutDefaultRule)
	if err != nil {
		return err
	}
	names, _ := without.([]any) // a set is a JSON array
	for _, n := range names {
		if n, ok := n.(string); ok {
			known[n] = nil // any value
		}
	}
	var unknown []string
	unknownSettings(pb.Overrides(), known, "/settings", &unknown)
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	e := &PlaybookSettingError{Playbook: pb.Name(), Pointers: unknown}
	return &PolicyError{Messages: []string{e.Error() + " (its settings are named at " + rulePosition(compiler, playbookDefaultsRule) + ")"}, Err: e}
}

// pointerToken escapes a key for a JSON pointer (RFC 6901).
var pointerToken = strings.NewReplacer("~", "~0", "/", "~1")

// unknownSettings appends the pointer of every key of set that known lacks,
// looking into the maps both have (a key known with a nil value takes any
// value).
func unknownSettings(set, known map[string]any, at string, out *[]string) {
	for k, v := range set {
		kv, ok := known[k]
		if !ok {
			*out = append(*out, at+"/"+pointerToken.Replace(k))
			continue
		}
		sub, isMap := v.(map[string]any)
		ksub, knownMap := kv.(map[string]any)
		if isMap && knownMap {
			unknownSettings(sub, ksub, at+"/"+pointerToken.Replace(k), out)
		}
	}
}
