package rules

import (
	"encoding/json"
	"testing"
)

// benchItems is a 10-item deletion request's data, every default rule
// touched.
func benchItems() []map[string]any {
	const src = `[
	{"id": "crm-1", "system": "Salesforce", "system_type": "crm", "category": "contact", "source": "consumer"},
	{"id": "mkt-1", "system_type": "marketing", "category": "contact", "source": "consumer"},
	{"id": "ord-1", "system_type": "ecommerce", "category": "order", "source": "consumer", "attributes": {"order_status": "open", "created_on": "2026-03-01"}},
	{"id": "ord-2", "system_type": "ecommerce", "category": "order", "source": "consumer", "attributes": {"order_status": "fulfilled", "warranty_expires": "2027-03-01"}},
	{"id": "tax-1", "system_type": "financial", "category": "tax_record", "source": "consumer", "attributes": {"tax_year_end": "2019-12-31"}},
	{"id": "tax-2", "system_type": "financial", "category": "tax_record", "source": "consumer", "attributes": {"tax_year_end": "2017-12-31"}},
	{"id": "sec-1", "system_type": "production_db", "category": "security_log", "source": "observed", "attributes": {"investigation_status": "open"}},
	{"id": "fr-1", "system_type": "production_db", "category": "fraud_record", "source": "observed", "attributes": {"fraud_case": "FR-1"}},
	{"id": "sup-1", "system_type": "support", "category": "support_ticket", "source": "consumer", "legal_hold": true},
	{"id": "bak-1", "system_type": "backup", "category": "contact", "source": "consumer", "exceptions": [{"basis": "legal_obligation", "until": "2027-01-01"}]}
]`
	var items []map[string]any
	if err := json.Unmarshal([]byte(src), &items); err != nil {
		panic(err)
	}
	return items
}

func benchRequest() map[string]any {
	return map[string]any{
		"kind": "delete", "id": "r-1", "received_at": "2026-03-02", "as_of": "2026-03-20T09:00:00-07:00",
		"consumer": map[string]any{"residence": "US-CA", "age": 34.0, "relationship": "customer"},
		"business": map[string]any{"time_zone": "America/Los_Angeles", "calendar": "US-CA"},
	}
}

// BenchmarkClaims10Items: the default playbook over a 10-item request
// (6 rules, 60 condition evaluations and the untils of the claims made).
func BenchmarkClaims10Items(b *testing.B) {
	p := Default()
	items, request := benchItems(), benchRequest()
	asOf := day(b, "2026-03-20")
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			n += len(p.Claims(it, request, asOf))
		}
	}
	if n == 0 {
		b.Fatal("no claims")
	}
}

// BenchmarkParseDefault: loading (validating and compiling) the default
// playbook.
func BenchmarkParseDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("default.yaml", defaultYAML); err != nil {
			b.Fatal(err)
		}
	}
}
