package dsrkit.laws.kcdpa_test

import data.dsrkit.applicability
import data.dsrkit.laws.kcdpa

big := {"consumers_per_year": 100000, "revenue_share_from_sale": 0}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-KY"}, "business": business}

applies(inp) if "KCDPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.KCDPA} with input as inp
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
	kcdpa.law.id == "KCDPA"
	kcdpa.law.calendar == "US"
	kcdpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "KRS 367.3615(3)"}
	kcdpa.law.delete.extended.n == 90
	kcdpa.law.delete.appeal == {"n": 60, "unit": "days", "citation": "KRS 367.3615(4)", "authority": {"name": "the Kentucky Attorney General", "citation": "KRS 367.3615(4)"}}
	kcdpa.law.delete.third_party_data == {"citation": "KRS 367.3615(3)(e)", "options": ["retain_record_minimum", "opt_out"]}
	kcdpa.law.delete.free_requests.n == 2
	object.keys(kcdpa.law.opt_out) == {"comply", "verification"}
	[r.rule | some r in kcdpa.law.sensitive_data] == ["consent"]
	count(kcdpa.law.unverified) == 7
}
