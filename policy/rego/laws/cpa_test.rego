package dsrkit.laws.cpa_test

import data.dsrkit.applicability
import data.dsrkit.laws.cpa

big := {"consumers_per_year": 100000, "revenue_share_from_sale": 0}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-CO"}, "business": business}

applies(inp) if "CPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.CPA} with input as inp
}

test_data if {
	cpa.law.id == "CPA"
	cpa.law.in_force.from == "2023-07-01"
	cpa.law.calendar == "US"
	cpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "Colo. Rev. Stat. § 6-1-1306(2)(a)"}
	cpa.law.delete.extended.n == 90
	cpa.law.delete.confirmed.citation == "Colo. Rev. Stat. § 6-1-1306(2)(a)"
	cpa.law.delete.appeal == {"n": 45, "unit": "days", "citation": "Colo. Rev. Stat. § 6-1-1306(3)", "extension": {"n": 60, "unit": "days", "citation": "Colo. Rev. Stat. § 6-1-1306(3)"}}
	cpa.law.opt_out.signal.citation == "Colo. Rev. Stat. § 6-1-1306(1)(a)(IV); 4 CCR 904-3, Rule 5.08(A)"
	not "fraud" in object.keys(cpa.law.opt_out)
	object.keys(cpa.law.opt_out.verification) == {"citation"}
}

test_in_force_from_2023_07_01 if {
	codes(req("2023-06-30", big)) == {"not_in_force"}
	applies(req("2023-07-01", big))
}

test_100000_consumers if {
	applies(req("2026-03-02", {"consumers_per_year": 100000, "revenue_share_from_sale": 0}))
	codes(req("2026-03-02", {"consumers_per_year": 99999, "revenue_share_from_sale": 0})) == {"below_threshold"}
}

test_25000_consumers_and_any_revenue_from_sale if {
	applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0.001}))
	not applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0}))
	not applies(req("2026-03-02", {"consumers_per_year": 24999, "revenue_share_from_sale": 0.9}))
}

test_unknown_consumers_is_assumed if {
	codes(req("2026-03-02", {"revenue_share_from_sale": 0.2})) == {"applies", "threshold_unknown"}
}

test_only_glba_is_an_entity_exemption if {
	codes(req("2026-03-02", object.union(big, {"exemptions": ["glba_financial_institution"]}))) == {"exempt_entity"}
	every e in ["nonprofit", "government", "higher_education", "hipaa_covered_entity"] {
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

test_coloradans_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-UT"}})) == {"not_resident"}
}
