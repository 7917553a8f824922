package dsrkit.laws.ocpa_test

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.laws.ocpa

req(on, business) := {"received_at": on, "consumer": {"residence": "US-OR"}, "business": business}

applies(inp) if "OCPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.OCPA} with input as inp
}

test_data if {
	ocpa.law.id == "OCPA"
	ocpa.law.in_force.from == "2024-07-01"
	ocpa.law.calendar == "US"
	ocpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "ORS 646A.576"}
	ocpa.law.delete.appeal == {"n": 45, "unit": "days", "citation": "ORS 646A.576(6)(d)"}
	ocpa.law.delete.extended.n == 90
	object.keys(ocpa.law.delete) == {"respond", "extended", "extension_notice", "appeal", "scope", "duty"}
	ocpa.law.delete.duty.citation == "ORS 646A.574(1)(c)"
	ocpa.law.verification == {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "ORS 646A.576(5)(d)"}
}

test_in_force_from_2024_07_01 if {
	codes(req("2024-06-30", {})) == {"not_in_force"}
	applies(req("2024-07-01", {}))
}

test_nonprofits_from_2025_07_01 if {
	codes(req("2025-06-30", {"exemptions": ["nonprofit"]})) == {"exempt_entity"}
	applies(req("2025-07-01", {"exemptions": ["nonprofit"]}))
}

test_no_thresholds_until_counsel_confirms_them if {
	applies(req("2026-03-02", {"consumers_per_year": 1}))
	codes(req("2026-03-02", {"consumers_per_year": 1})) == {"applies"}
}

test_every_relationship_until_counsel_confirms_the_exclusions if {
	every r in ["customer", "other", "employee", "job_applicant", "contractor", "b2b_contact"] {
		applies(object.union(req("2026-03-02", {}), {"consumer": {"relationship": r}}))
	}
}

test_oregonians_only if {
	codes(object.union(req("2026-03-02", {}), {"consumer": {"residence": "US-WA"}})) == {"not_resident"}
}

test_45_days_extendable_to_90 if {
	deadlines.by_law.OCPA == {
		"acknowledge_by": null,
		"respond_by": "2026-04-16",
		"extended_respond_by": "2026-05-31",
		"extension_notice_by": "2026-04-16",
		"calendar": "US",
	} with input as req("2026-03-02", {})
}
