package rules_test

import (
	"errors"
	"fmt"

	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/rules"
)

// The default playbook claims exceptions for a request's data items; an
// item it cannot judge (a tax record without its tax year) goes to Legal.
func ExamplePlaybook_Claims() {
	p := rules.Default()
	request := map[string]any{"kind": "delete", "received_at": "2026-03-02"}
	asOf, _ := calendar.Parse("2026-03-20")
	items := []map[string]any{
		{"id": "crm-1", "category": "contact"},
		{"id": "tax-1", "category": "tax_record", "attributes": map[string]any{"tax_year_end": "2019-12-31"}},
		{"id": "tax-2", "category": "tax_record"},
		{"id": "ord-1", "category": "order", "attributes": map[string]any{"order_status": "open"}},
	}
	for _, it := range items {
		for _, c := range p.Claims(it, request, asOf) {
			if c.Error != "" {
				fmt.Printf("%s: %s %s: Legal decides (%s)\n", it["id"], c.Rule, c.Basis, c.Error)
				continue
			}
			fmt.Printf("%s: %s %s until %q\n", it["id"], c.Rule, c.Basis, c.Until)
		}
	}
	// Output:
	// tax-1: tax-records-7-years legal_obligation until "2026-12-31"
	// tax-2: tax-records-7-years legal_obligation: Legal decides (condition: no such key: tax_year_end)
	// ord-1: active-order complete_transaction until ""
}

// Settings are what the Rego policy reads as input.playbook.
func ExamplePlaybook_Settings() {
	s := rules.Default().Settings()
	fmt.Println(s["steps"].(map[string]any)["intake"], s["record_retention"], s["out_of_scope_action"])
	// Output:
	// map[n:1 unit:days] map[n:36 unit:months] delete
}

// A bad playbook fails at load, with the file, the rule and the position
// of the problem in the expression.
func ExampleLoad_error() {
	_, err := rules.Load("testdata/bad/unknown-field.yaml")
	fmt.Println(err)
	var e *rules.Error
	if errors.As(err, &e) && errors.Is(err, rules.ErrCompile) {
		fmt.Println(e.Rule, e.FileLine, e.Line, e.Column)
	}
	// Output:
	// testdata/bad/unknown-field.yaml:6: rule "typo": /rules/1/condition:1:5: CEL compile error: undefined field 'categroy'
	// typo 6 1 5
}

// Overrides are only what a playbook's file sets; the policy's defaults
// give the rest.
func ExamplePlaybook_Overrides() {
	p, err := rules.Parse("escalations.yaml", []byte("settings:\n  escalation_levels:\n    sold_after_opt_out: 1\n"))
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Overrides())
	fmt.Println(p.Settings()["escalation_levels"].(map[string]any)["sold_after_opt_out"], p.Settings()["escalation_levels"].(map[string]any)["legal_hold"])
	fmt.Println(rules.Default().Overrides())
	// Output:
	// map[escalation_levels:map[sold_after_opt_out:1]]
	// 1 3
	// map[]
}
