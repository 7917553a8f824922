package dsrkit.laws.ucpa_test

import data.dsrkit.applicability
import data.dsrkit.laws.ucpa

big := {"annual_revenue_usd": 25000000, "consumers_per_year": 100000, "revenue_share_from_sale": 0}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-UT"}, "business": business}

applies(inp) if "UCPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.UCPA} with input as inp
}

test_data if {
	ucpa.law.id == "UCPA"
	ucpa.law.in_force.from == "2023-12-31"
	ucpa.law.calendar == "US"
	ucpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "Utah Code § 13-61-203(2)"}
	ucpa.law.delete.extended.n == 90
	ucpa.law.delete.confirmed.citation == "Utah Code § 13-61-203(2)(a)"
	not "fraud" in object.keys(ucpa.law.opt_out)
	ucpa.law.opt_out.fraud_period.citation == "Utah Code § 13-61-203(2)(d)"
}

test_in_force_from_2023_12_31 if {
	codes(req("2023-12-30", big)) == {"not_in_force"}
	applies(req("2023-12-31", big))
}

test_revenue_of_25_million_is_required if {
	applies(req("2026-03-02", object.union(big, {"annual_revenue_usd": 25000000})))
	codes(req("2026-03-02", object.union(big, {"annual_revenue_usd": 24999999}))) == {"below_threshold"}
	not applies(req("2026-03-02", {"annual_revenue_usd": 24999999, "consumers_per_year": 30000, "revenue_share_from_sale": 0.9}))
}

test_and_100000_consumers if {
	not applies(req("2026-03-02", object.union(big, {"consumers_per_year": 99999})))
}

test_or_25000_consumers_and_over_half_of_revenue_from_sale if {
	applies(req("2026-03-02", {"annual_revenue_usd": 25000000, "consumers_per_year": 25000, "revenue_share_from_sale": 0.51}))
	not applies(req("2026-03-02", {"annual_revenue_usd": 25000000, "consumers_per_year": 25000, "revenue_share_from_sale": 0.5}))
	not applies(req("2026-03-02", {"annual_revenue_usd": 25000000, "consumers_per_year": 24999, "revenue_share_from_sale": 0.51}))
}

test_unknown_revenue_is_assumed if {
	inp := req("2026-03-02", {"consumers_per_year": 100000, "revenue_share_from_sale": 0})
	codes(inp) == {"applies", "threshold_unknown"}
	some r in applicability.reasons.UCPA with input as inp
	r.code == "threshold_unknown"
	r.message == "UCPA threshold could not be checked: business.annual_revenue_usd >= 25000000 (not given); UCPA is assumed to apply (never late)"
}

test_a_known_low_revenue_excludes_whatever_is_unknown if {
	codes(req("2026-03-02", {"annual_revenue_usd": 1000000})) == {"below_threshold"}
}

test_entity_exemptions if {
	every e in ["government", "higher_education", "nonprofit", "glba_financial_institution", "hipaa_covered_entity"] {
		codes(req("2026-03-02", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
	}
}

test_consumers_in_an_individual_context_only if {
	every r in ["customer", "other"] {
		applies(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}}))
	}
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		codes(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}})) == {"not_a_consumer"}
	}
}

test_utahns_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-CO"}})) == {"not_resident"}
}

test_each_unknown_figure_is_named_once if {
	some r in applicability.reasons.UCPA with input as req("2026-03-02", {})
	r.code == "threshold_unknown"
	r.message == "UCPA threshold could not be checked: business.annual_revenue_usd >= 25000000, business.consumers_per_year >= 100000, business.consumers_per_year >= 25000, business.revenue_share_from_sale > 0.5 (not given); UCPA is assumed to apply (never late)"
}
