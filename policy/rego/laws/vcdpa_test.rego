package dsrkit.laws.vcdpa_test

import data.dsrkit.applicability
import data.dsrkit.laws.vcdpa

big := {"consumers_per_year": 100000, "revenue_share_from_sale": 0}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-VA"}, "business": business}

applies(inp) if "VCDPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.VCDPA} with input as inp
}

test_data if {
	vcdpa.law.id == "VCDPA"
	vcdpa.law.in_force.from == "2023-01-01"
	vcdpa.law.calendar == "US"
	vcdpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "Va. Code § 59.1-577(B)(1)"}
	vcdpa.law.delete.extended.n == 90
	object.keys(vcdpa.law.delete) == {"respond", "extended", "extension_notice", "denial", "confirmed", "appeal", "scope", "duty", "exceptions", "legal_hold"}
	vcdpa.law.delete.denial.citation == "Va. Code § 59.1-577(B)(2)"
	vcdpa.law.delete.confirmed.citation == "Va. Code § 59.1-577(B)(1)"
	object.keys(vcdpa.law.opt_out) == {"comply", "verification", "after_opt_out"}
	vcdpa.law.consent.citation == "Va. Code § 59.1-575 (\"consent\")"
}

test_in_force_from_2023_01_01 if {
	codes(req("2022-12-31", big)) == {"not_in_force"}
	applies(req("2023-01-01", big))
}

test_100000_consumers if {
	applies(req("2026-03-02", {"consumers_per_year": 100000, "revenue_share_from_sale": 0}))
	codes(req("2026-03-02", {"consumers_per_year": 99999, "revenue_share_from_sale": 0})) == {"below_threshold"}
}

test_25000_consumers_and_over_half_of_revenue_from_sale if {
	applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0.51}))
	not applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0.5}))
	not applies(req("2026-03-02", {"consumers_per_year": 24999, "revenue_share_from_sale": 0.51}))
}

test_unknown_share_with_25000_consumers_is_assumed if {
	inp := req("2026-03-02", {"consumers_per_year": 30000})
	codes(inp) == {"applies", "threshold_unknown"}
	some r in applicability.reasons.VCDPA with input as inp
	r.code == "threshold_unknown"
	r.message == "VCDPA threshold could not be checked: business.revenue_share_from_sale > 0.5 (not given); VCDPA is assumed to apply (never late)"
	r.citation == "Va. Code § 59.1-576(A)(ii)"
}

test_below_25000_consumers_nothing_is_unknown if {
	codes(req("2026-03-02", {"consumers_per_year": 20000})) == {"below_threshold"}
}

test_entity_exemptions if {
	every e in ["government", "glba_financial_institution", "hipaa_covered_entity", "nonprofit", "higher_education"] {
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

test_virginians_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-CA"}})) == {"not_resident"}
}
