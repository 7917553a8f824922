package dsrkit.laws.iacdpa_test

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.laws.iacdpa

big := {"consumers_per_year": 100000, "revenue_share_from_sale": 0}

req(on, business) := {"kind": "delete", "received_at": on, "consumer": {"residence": "US-IA"}, "business": business}

applies(inp) if "IACDPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.IACDPA} with input as inp
}

test_data if {
	iacdpa.law.id == "IACDPA"
	iacdpa.law.in_force.from == "2025-01-01"
	iacdpa.law.delete.respond == {"n": 90, "unit": "days", "citation": "Iowa Code § 715D.3(2)(a)"}
	iacdpa.law.delete.extended == {"n": 135, "unit": "days", "citation": "Iowa Code § 715D.3(2)(a)"}
	iacdpa.law.delete.appeal.n == 60
	iacdpa.law.delete.scope.sources == {"consumer"}
	iacdpa.law.opt_out.comply.n == 90
	not "signal" in object.keys(iacdpa.law.opt_out)
	count(iacdpa.law.unverified) == 7
}

test_in_force_from_2025_01_01 if {
	codes(req("2024-12-31", big)) == {"not_in_force"}
	applies(req("2025-01-01", big))
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

test_entity_exemptions if {
	every e in ["government", "glba_financial_institution", "hipaa_covered_entity", "nonprofit", "higher_education"] {
		codes(req("2026-03-02", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
	}
}

test_consumers_in_an_individual_context_only if {
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		codes(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}})) == {"not_a_consumer"}
	}
	applies(object.union(req("2026-03-02", big), {"consumer": {"relationship": "other"}}))
}

test_iowans_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-NE"}})) == {"not_resident"}
}

# Received 2026-03-02: 90 days → 2026-05-31; + 45 → 2026-07-15 (R2).
test_periods_90_plus_45 if {
	deadlines.by_law.IACDPA == {
		"acknowledge_by": null,
		"respond_by": "2026-05-31",
		"extended_respond_by": "2026-07-15",
		"extension_notice_by": "2026-05-31",
		"calendar": "US",
	} with input as req("2026-03-02", big)
}
