package dsrkit.laws.ridtppa_test

import data.dsrkit.applicability
import data.dsrkit.laws.ridtppa

big := {"consumers_per_year": 35000, "revenue_share_from_sale": 0}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-RI"}, "business": business}

applies(inp) if "RIDTPPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.RIDTPPA} with input as inp
}

test_in_force_from_2026_01_01 if {
	codes(req("2025-12-31", big)) == {"not_in_force"}
	applies(req("2026-01-01", big))
}

test_35000_consumers if {
	applies(req("2026-03-02", {"consumers_per_year": 35000, "revenue_share_from_sale": 0}))
	codes(req("2026-03-02", {"consumers_per_year": 34999, "revenue_share_from_sale": 0})) == {"below_threshold"}
}

test_10000_consumers_and_a_share_of_revenue_from_sale if {
	applies(req("2026-03-02", {"consumers_per_year": 10000, "revenue_share_from_sale": 0.21}))
	not applies(req("2026-03-02", {"consumers_per_year": 10000, "revenue_share_from_sale": 0.2}))
	not applies(req("2026-03-02", {"consumers_per_year": 9999, "revenue_share_from_sale": 0.21}))
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
	ridtppa.law.id == "RIDTPPA"
	ridtppa.law.calendar == "US"
	ridtppa.law.delete.respond == {"n": 45, "unit": "days", "citation": "R.I. Gen. Laws § 6-48.1-6(b)(1)"}
	ridtppa.law.delete.extended.n == 90
	ridtppa.law.delete.appeal == {"n": 60, "unit": "days", "citation": "R.I. Gen. Laws § 6-48.1-6"}
	ridtppa.law.delete.free_requests == {"n": 1, "per": {"n": 12, "unit": "months"}, "citation": "R.I. Gen. Laws § 6-48.1-6(b)(3)"}
	ridtppa.law.delete.scope.sources == {"consumer", "third_party", "observed", "inferred"}
	object.keys(ridtppa.law.opt_out) == {"comply", "consent_revocation", "verification"}
	[r.rule | some r in ridtppa.law.sensitive_data] == ["consent"]
	count(ridtppa.law.unverified) == 6
}
