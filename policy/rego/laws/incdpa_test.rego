package dsrkit.laws.incdpa_test

import data.dsrkit.applicability
import data.dsrkit.laws.incdpa

big := {"consumers_per_year": 100000, "revenue_share_from_sale": 0}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-IN"}, "business": business}

applies(inp) if "INCDPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.INCDPA} with input as inp
}

test_in_force_from_2026_01_01 if {
	codes(req("2025-12-31", big)) == {"not_in_force"}
	applies(req("2026-01-01", big))
}

test_100000_consumers if {
	applies(req("2026-03-02", {"consumers_per_year": 100000, "revenue_share_from_sale": 0}))
	codes(req("2026-03-02", {"consumers_per_year": 99999, "revenue_share_from_sale": 0})) == {"below_threshold"}
}

test_25000_consumers_and_a_share_of_revenue_from_sale if {
	applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0.51}))
	not applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0.5}))
	not applies(req("2026-03-02", {"consumers_per_year": 24999, "revenue_share_from_sale": 0.51}))
}

test_entity_exemptions if {
	every e in ["government", "glba_financial_institution", "hipaa_covered_entity", "nonprofit", "higher_education"] {
		codes(req("2026-03-02", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
	}
	every e in [] {
		applies(req("2026-03-02", object.union(big, {"exemptions": [e]})))
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

test_residents_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-NY"}})) == {"not_resident"}
}

test_data if {
	incdpa.law.id == "INCDPA"
	incdpa.law.calendar == "US"
	incdpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "IC 24-15-3-1(c)(1)"}
	incdpa.law.delete.extended == {"n": 90, "unit": "days", "citation": "IC 24-15-3-1(c)(1)"}
	incdpa.law.delete.appeal.n == 45
	incdpa.law.delete.appeal.authority == {"name": "the Indiana Attorney General", "citation": "IC 24-15-3-1(d)"}
	object.keys(incdpa.law.delete) == {"respond", "extended", "extension_notice", "denial", "confirmed", "appeal", "scope", "duty", "free_requests"}
	object.keys(incdpa.law.opt_out) == {"comply", "verification"}
	incdpa.law.opt_out.comply.n == 45
	[r.rule | some r in incdpa.law.sensitive_data] == ["consent"]
	count(incdpa.law.unverified) == 6
}

test_one_free_request_a_year if {
	incdpa.law.delete.free_requests.n == 1
	incdpa.law.delete.free_requests.per == {"n": 12, "unit": "months"}
	incdpa.law.delete.free_requests.citation == "IC 24-15-3-1(c)(3)"
}
