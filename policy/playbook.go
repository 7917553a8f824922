package policy

import (
	"errors"
	"fmt"

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

// applyPlaybook lays the playbook over a validated request document: its
// settings become input.playbook, and, for a request to delete, the claims
// its rules make for each data item join the item's exceptions, each naming
// its rule. A rule that could not be evaluated for an item claims its basis
// as disputed, so that Legal reviews the item instead of it being deleted.
func applyPlaybook(pb *rules.Playbook, doc map[string]any) error {
	doc["playbook"] = pb.Settings()
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
