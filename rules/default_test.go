package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
)

// day parses a YYYY-MM-DD test date.
func day(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.Parse(s)
	require.NoError(t, err)
	return d
}

// withoutNotes drops the notes, which TestDefaultRulesHaveNotes checks.
func withoutNotes(claims []Claim) []Claim {
	var out []Claim
	for _, c := range claims {
		c.Note = ""
		out = append(out, c)
	}
	return out
}

// TestDefaultRules puts each rule of the seed's "Common Exception
// Scenarios" at its boundary.
func TestDefaultRules(t *testing.T) {
	type attrs = map[string]any
	tests := []struct {
		name string
		item map[string]any
		asOf string
		want []Claim
	}{
		// Tax records < 7 years: kept through the 7th anniversary of the end of the tax year.
		{"tax record one day younger than 7 years", map[string]any{"category": "tax_record", "attributes": attrs{"tax_year_end": "2019-12-31"}}, "2026-12-30",
			[]Claim{{Rule: "tax-records-7-years", Basis: "legal_obligation", Until: "2026-12-31"}}},
		{"tax record exactly 7 years old: its last day", map[string]any{"category": "tax_record", "attributes": attrs{"tax_year_end": "2019-12-31"}}, "2026-12-31",
			[]Claim{{Rule: "tax-records-7-years", Basis: "legal_obligation", Until: "2026-12-31"}}},
		{"tax record one day older than 7 years", map[string]any{"category": "tax_record", "attributes": attrs{"tax_year_end": "2019-12-31"}}, "2027-01-01", nil},
		{"tax year ending 29 February: anniversary 28 February", map[string]any{"category": "tax_record", "attributes": attrs{"tax_year_end": "2020-02-29"}}, "2027-02-28",
			[]Claim{{Rule: "tax-records-7-years", Basis: "legal_obligation", Until: "2027-02-28"}}},
		{"tax year ending 29 February, a day after", map[string]any{"category": "tax_record", "attributes": attrs{"tax_year_end": "2020-02-29"}}, "2027-03-01", nil},
		{"tax record without its tax year end goes to Legal", map[string]any{"category": "tax_record"}, "2026-03-20",
			[]Claim{{Rule: "tax-records-7-years", Basis: "legal_obligation", Error: "condition: no such key: tax_year_end"}}},
		{"tax record with a malformed date goes to Legal", map[string]any{"category": "tax_record", "attributes": attrs{"tax_year_end": "2019-13-31"}}, "2026-03-20",
			[]Claim{{Rule: "tax-records-7-years", Basis: "legal_obligation", Error: `condition: date("2019-13-31"): not a date (want YYYY-MM-DD)`}}},

		// Active order: kept until fulfilled, no date.
		{"open order", map[string]any{"category": "order", "attributes": attrs{"order_status": "open"}}, "2026-03-20",
			[]Claim{{Rule: "active-order", Basis: "complete_transaction"}}},
		{"shipped order", map[string]any{"category": "order", "attributes": attrs{"order_status": "shipped"}}, "2026-03-20",
			[]Claim{{Rule: "active-order", Basis: "complete_transaction"}}},
		{"fulfilled order", map[string]any{"category": "order", "attributes": attrs{"order_status": "fulfilled"}}, "2026-03-20", nil},
		{"cancelled order", map[string]any{"category": "order", "attributes": attrs{"order_status": "cancelled"}}, "2026-03-20", nil},
		{"order status on another category", map[string]any{"category": "payment", "attributes": attrs{"order_status": "processing"}}, "2026-03-20",
			[]Claim{{Rule: "active-order", Basis: "complete_transaction"}}},
		{"order without a status goes to Legal", map[string]any{"category": "order"}, "2026-03-20",
			[]Claim{{Rule: "active-order", Basis: "complete_transaction", Error: "condition: no such key: order_status"}}},

		// Active warranty: kept through the day it expires.
		{"warranty expiring today", map[string]any{"category": "warranty", "attributes": attrs{"warranty_expires": "2026-03-20"}}, "2026-03-20",
			[]Claim{{Rule: "active-warranty", Basis: "warranty_or_recall", Until: "2026-03-20"}}},
		{"warranty expired yesterday", map[string]any{"category": "warranty", "attributes": attrs{"warranty_expires": "2026-03-19"}}, "2026-03-20", nil},
		{"warranty date on an order", map[string]any{"category": "order", "attributes": attrs{"order_status": "delivered", "warranty_expires": "2028-01-31"}}, "2026-03-20",
			[]Claim{{Rule: "active-warranty", Basis: "warranty_or_recall", Until: "2028-01-31"}}},
		{"warranty without an expiry goes to Legal", map[string]any{"category": "warranty"}, "2026-03-20",
			[]Claim{{Rule: "active-warranty", Basis: "warranty_or_recall", Error: "condition: no such key: warranty_expires"}}},

		// Security investigation: kept until resolved.
		{"open investigation", map[string]any{"category": "security_log", "attributes": attrs{"investigation_status": "open"}}, "2026-03-20",
			[]Claim{{Rule: "open-security-investigation", Basis: "security_integrity"}}},
		{"closed investigation", map[string]any{"category": "security_log", "attributes": attrs{"investigation_status": "closed"}}, "2026-03-20", nil},
		{"resolved investigation", map[string]any{"category": "contact", "attributes": attrs{"investigation_status": "resolved"}}, "2026-03-20", nil},

		// Legal hold: do not delete.
		{"legal hold", map[string]any{"category": "contact", "legal_hold": true}, "2026-03-20",
			[]Claim{{Rule: "legal-hold", Basis: "legal_claims"}}},
		{"no legal hold", map[string]any{"category": "contact", "legal_hold": false}, "2026-03-20", nil},

		// Fraud detection records: may retain.
		{"fraud record", map[string]any{"category": "fraud_record"}, "2026-03-20",
			[]Claim{{Rule: "fraud-records", Basis: "security_integrity"}}},
		{"fraud signals", map[string]any{"category": "fraud_signals"}, "2026-03-20",
			[]Claim{{Rule: "fraud-records", Basis: "security_integrity"}}},
		{"item in a fraud case", map[string]any{"category": "contact", "attributes": attrs{"fraud_case": "FR-2026-0042"}}, "2026-03-20",
			[]Claim{{Rule: "fraud-records", Basis: "security_integrity"}}},

		// Nothing to keep; several rules at once, in playbook order.
		{"contact", map[string]any{"id": "crm-1", "category": "contact"}, "2026-03-20", nil},
		{"several rules", map[string]any{"category": "fraud_record", "legal_hold": true, "attributes": attrs{"investigation_status": "open"}}, "2026-03-20",
			[]Claim{
				{Rule: "open-security-investigation", Basis: "security_integrity"},
				{Rule: "legal-hold", Basis: "legal_claims"},
				{Rule: "fraud-records", Basis: "security_integrity"},
			}},
	}
	p := Default()
	request := map[string]any{"kind": "delete", "received_at": "2026-03-01"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := p.Claims(tt.item, request, day(t, tt.asOf))
			assert.Equal(t, tt.want, withoutNotes(got))
		})
	}
}

func TestDefaultRulesHaveNotes(t *testing.T) {
	p := Default()
	require.Len(t, p.rules, 6)
	for _, r := range p.rules {
		assert.NotEmpty(t, r.note, r.id)
	}
	claims := p.Claims(map[string]any{"legal_hold": true}, nil, day(t, "2026-03-20"))
	require.Len(t, claims, 1)
	assert.Equal(t, "legal hold in effect: do not delete, notify Legal, tell the consumer without disclosing the litigation (seed procedure step 4, § 4.5)", claims[0].Note)
}

// TestDefaultSettings: the default playbook overrides nothing (its values
// repeat the policy's defaults, which policy/playbook_drift_test.go holds
// them equal to); its settings name every escalation trigger the policy
// raises.
func TestDefaultSettings(t *testing.T) {
	assert.Equal(t, map[string]any{}, Default().Overrides())
	assert.Equal(t, map[string]any{
		"recipient_non_compliance": 1,
		"deadline_at_risk":         2,
		"denial_disputed":          2,
		"legal_exception_unclear":  3,
		"legal_hold":               3,
		"special_scenario":         3,
		"sold_after_opt_out":       3,
		"reading_contested":        1,
		"regulator_complaint":      4,
	}, Default().Settings()["escalation_levels"])
}

func TestSettingsIsACopy(t *testing.T) {
	s := Default().Settings()
	s["steps"].(map[string]any)["verify"] = map[string]any{"n": 99, "unit": "days"}
	s["out_of_scope_action"] = "retain"
	again := Default().Settings()
	assert.Equal(t, map[string]any{"n": 5, "unit": "business_days"}, again["steps"].(map[string]any)["verify"])
	assert.Equal(t, "delete", again["out_of_scope_action"])
}

func TestDefaultIdentity(t *testing.T) {
	p := Default()
	assert.Same(t, p, Default(), "compiled once")
	assert.Equal(t, "default.yaml", p.Name())
	assert.Len(t, p.Digest(), 64)
	assert.Equal(t, p.Digest(), mustParse(t, "again.yaml", defaultYAML).Digest(), "the digest is of the bytes, not the name")
}

func mustParse(t testing.TB, name string, data []byte) *Playbook {
	t.Helper()
	p, err := Parse(name, data)
	require.NoError(t, err)
	return p
}
