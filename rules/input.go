package rules

import (
	"encoding/json"
	"math"
)

// newItem reads a data item (a decoded data[] entry). A field of the wrong
// type is left at its zero value: the request schema has checked them.
func newItem(m map[string]any) *item {
	it := &item{
		ID:         str(m["id"]),
		System:     str(m["system"]),
		SystemType: str(m["system_type"]),
		Category:   str(m["category"]),
		Sensitive:  boolean(m["sensitive"]),
		Source:     str(m["source"]),
		LegalHold:  boolean(m["legal_hold"]),
	}
	if l, ok := m["exceptions"].([]any); ok {
		it.Exceptions = make([]exception, 0, len(l))
		for _, e := range l {
			em, _ := e.(map[string]any)
			it.Exceptions = append(it.Exceptions, exception{
				Basis:    str(em["basis"]),
				Until:    str(em["until"]),
				Note:     str(em["note"]),
				Disputed: boolean(em["disputed"]),
			})
		}
	}
	if a, ok := m["attributes"].(map[string]any); ok {
		it.Attributes = jsonNumbers(a)
	}
	if it.Attributes == nil {
		it.Attributes = map[string]any{}
	}
	return it
}

// newRequest reads the request document's fields that CEL sees.
func newRequest(m map[string]any) *request {
	c, _ := m["consumer"].(map[string]any)
	b, _ := m["business"].(map[string]any)
	r := &request{
		Kind:       str(m["kind"]),
		ID:         str(m["id"]),
		ReceivedAt: str(m["received_at"]),
		AsOf:       str(m["as_of"]),
		Consumer: consumer{
			Residence:      str(c["residence"]),
			Age:            int64(number(c["age"])),
			Relationship:   str(c["relationship"]),
			Deceased:       boolean(c["deceased"]),
			OptedOutOfSale: boolean(c["opted_out_of_sale"]),
		},
		Business: business{
			TimeZone:               str(b["time_zone"]),
			Calendar:               str(b["calendar"]),
			AnnualRevenueUSD:       number(b["annual_revenue_usd"]),
			ConsumersPerYear:       number(b["consumers_per_year"]),
			SellsOrShares:          boolean(b["sells_or_shares"]),
			ProcessesSensitiveData: boolean(b["processes_sensitive_data"]),
			EUEstablishment:        boolean(b["eu_establishment"]),
			TargetsEU:              boolean(b["targets_eu"]),
			EUMemberState:          str(b["eu_member_state"]),
		},
	}
	if l, ok := b["exemptions"].([]any); ok {
		for _, e := range l {
			r.Business.Exemptions = append(r.Business.Exemptions, str(e))
		}
	}
	return r
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func boolean(v any) bool {
	b, _ := v.(bool)
	return b
}

// number reads a JSON number however it was decoded.
func number(v any) float64 {
	switch n := v.(type) {
	case float64:
		return n
	case json.Number:
		f, _ := n.Float64()
		return f
	case int:
		return float64(n)
	case int64:
		return float64(n)
	}
	return 0
}

// jsonNumbers returns attrs with every json.Number (a decoder's
// UseNumber) replaced by its float64, as encoding/json decodes numbers by
// default, so that a number is a CEL double however the caller decoded the
// request. Attributes without a json.Number are used as they are.
func jsonNumbers(attrs map[string]any) map[string]any {
	if !containsNumber(attrs) {
		return attrs
	}
	m, _ := withFloats(attrs).(map[string]any)
	return m
}

// withFloats copies v, replacing json.Number by float64.
func withFloats(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return math.NaN()
		}
		return f
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = withFloats(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = withFloats(e)
		}
		return out
	}
	return v
}

// containsNumber reports whether v holds a json.Number anywhere.
func containsNumber(v any) bool {
	switch x := v.(type) {
	case json.Number:
		return true
	case map[string]any:
		for _, e := range x {
			if containsNumber(e) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if containsNumber(e) {
				return true
			}
		}
	}
	return false
}
