package dsrkit.laws.tdpsa_test

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.laws.tdpsa

big := {"sba_small_business": false}

req(on, business) := {"kind": "delete", "received_at": on, "consumer": {"residence": "US-TX"}, "business": business}

applies(inp) if "TDPSA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.TDPSA} with input as inp
}

test_data if {
	tdpsa.law.id == "TDPSA"
	tdpsa.law.in_force.from == "2024-07-01"
	tdpsa.law.calendar == "US"
	tdpsa.law.delete.respond == {"n": 45, "unit": "days", "citation": "Tex. Bus. & Com. Code § 541.052(b)"}
	tdpsa.law.delete.extended.n == 90
	tdpsa.law.delete.appeal.n == 60
	tdpsa.law.delete.appeal.authority.citation == "Tex. Bus. & Com. Code § 541.053"
	tdpsa.law.opt_out.comply.n == 45
	tdpsa.law.opt_out.signal == {
		"from": "2025-01-01",
		"citation": "Tex. Bus. & Com. Code § 541.055(e)",
		"residence_check": {"citation": "Tex. Bus. & Com. Code § 541.055(f)(2)"},
	}
	not "fraud" in object.keys(tdpsa.law.opt_out)
	not "not_required" in object.keys(tdpsa.law.opt_out.verification)
	object.keys(tdpsa.law.delete.exceptions.bases) == {
		"legal_obligation", "law_enforcement", "legal_claims", "complete_transaction", "warranty_or_recall",
		"life_safety", "security_integrity", "research_public_interest", "debug_repair", "internal_uses_expected",
	}
	count(tdpsa.law.unverified) == 9
}

test_in_force_from_2024_07_01 if {
	codes(req("2024-06-30", big)) == {"not_in_force"}
	applies(req("2024-07-01", big))
}

# No numeric threshold: the SBA small-business test alone.
test_not_a_small_business if {
	applies(req("2026-03-02", {"sba_small_business": false, "consumers_per_year": 1}))
	inp := req("2026-03-02", {"sba_small_business": true, "consumers_per_year": 10000000})
	codes(inp) == {"below_threshold"}
	some r in applicability.reasons.TDPSA with input as inp
	r.message == "TDPSA applies on 2026-03-02 to a business meeting any of: business.sba_small_business == false; the business: sba_small_business true"
	r.citation == "Tex. Bus. & Com. Code § 541.002(a)"
}

test_unknown_small_business_status_is_assumed if {
	inp := req("2026-03-02", {})
	codes(inp) == {"applies", "threshold_unknown"}
	some r in applicability.reasons.TDPSA with input as inp
	r.code == "threshold_unknown"
	r.message == "TDPSA threshold could not be checked: business.sba_small_business == false (not given); TDPSA is assumed to apply (never late)"
	r.citation == "Tex. Bus. & Com. Code § 541.002(a)(3)"
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

test_texans_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-OK"}})) == {"not_resident"}
}

# Received 2026-03-02: the 45th day 2026-04-16, extended 2026-05-31 (R2, R7).
test_periods if {
	deadlines.by_law.TDPSA == {
		"acknowledge_by": null,
		"respond_by": "2026-04-16",
		"extended_respond_by": "2026-05-31",
		"extension_notice_by": "2026-04-16",
		"calendar": "US",
	} with input as req("2026-03-02", big)
}
