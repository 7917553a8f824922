package dsrkit.laws.ndpa_test

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.delete
import data.dsrkit.laws.ndpa
import data.dsrkit.opt_out

covered := {"sba_small_business": false}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-NE"}, "business": business}

applies(inp) if "NDPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.NDPA} with input as inp
}

test_data if {
	ndpa.law.id == "NDPA"
	ndpa.law.in_force.from == "2025-01-01"
	ndpa.law.calendar == "US"
	ndpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "Neb. Rev. Stat. § 87-1108(2)"}
	ndpa.law.delete.extended == {"n": 90, "unit": "days", "citation": "Neb. Rev. Stat. § 87-1108(2)"}
	ndpa.law.delete.extension_notice.citation == "Neb. Rev. Stat. § 87-1108(2)"
	ndpa.law.delete.denial.citation == "Neb. Rev. Stat. § 87-1108(3)"
	ndpa.law.delete.appeal == {
		"n": 60, "unit": "days", "citation": "Neb. Rev. Stat. § 87-1109",
		"authority": {"name": "the Nebraska Attorney General", "citation": "Neb. Rev. Stat. § 87-1109"},
	}
	ndpa.law.delete.scope.sources == {"consumer", "third_party", "observed", "inferred"}
	ndpa.law.delete.third_party_data == {"citation": "Neb. Rev. Stat. § 87-1108(6)", "options": ["retain_record_minimum", "opt_out"]}
	object.keys(ndpa.law.delete) == {"respond", "extended", "extension_notice", "denial", "confirmed", "appeal", "scope", "duty", "exceptions", "legal_hold", "third_party_data"}
	ndpa.law.opt_out.comply == {"n": 45, "unit": "days", "citation": "Neb. Rev. Stat. § 87-1108(2)"}
	ndpa.law.opt_out.signal == {"from": "2025-01-01", "citation": "Neb. Rev. Stat. § 87-1111", "residence_check": {"citation": "Neb. Rev. Stat. § 87-1111"}}
	object.keys(ndpa.law.opt_out) == {"comply", "verification", "signal"}
	ndpa.law.verification == {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Neb. Rev. Stat. § 87-1108(5)"}
	{u.pointer | some u in ndpa.law.unverified} == {"/in_force/from", "/thresholds", "/exempt_entities", "/delete/scope", "/delete/exceptions", "/opt_out/signal/from", "/consent"}
}

test_in_force_from_2025_01_01 if {
	codes(req("2024-12-31", covered)) == {"not_in_force"}
	applies(req("2025-01-01", covered))
}

test_no_numbers_only_the_small_business_test if {
	applies(req("2026-03-02", {"sba_small_business": false, "consumers_per_year": 1}))
	codes(req("2026-03-02", {"sba_small_business": true, "consumers_per_year": 10000000})) == {"below_threshold"}
	some r in applicability.reasons.NDPA with input as req("2026-03-02", {"sba_small_business": true})
	r.message == "NDPA applies on 2026-03-02 to a business meeting any of: business.sba_small_business == false; the business: sba_small_business true"
	r.citation == "Neb. Rev. Stat. § 87-1103(1)"
}

test_small_business_not_said_is_assumed_covered if {
	inp := req("2026-03-02", {"consumers_per_year": 500})
	codes(inp) == {"applies", "threshold_unknown"}
	some r in applicability.reasons.NDPA with input as inp
	r.code == "threshold_unknown"
	r.message == "NDPA threshold could not be checked: business.sba_small_business == false (not given); NDPA is assumed to apply (never late)"
}

test_entity_exemptions if {
	every e in ["government", "glba_financial_institution", "hipaa_covered_entity", "nonprofit", "higher_education"] {
		codes(req("2026-03-02", object.union(covered, {"exemptions": [e]}))) == {"exempt_entity"}
	}
}

test_consumers_in_an_individual_context_only if {
	every r in ["customer", "other"] {
		applies(object.union(req("2026-03-02", covered), {"consumer": {"relationship": r}}))
	}
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		codes(object.union(req("2026-03-02", covered), {"consumer": {"relationship": r}})) == {"not_a_consumer"}
	}
}

test_nebraskans_only if {
	codes(object.union(req("2026-03-02", covered), {"consumer": {"residence": "US-IA"}})) == {"not_resident"}
}

delete_req := object.union(req("2026-03-02", covered), {"kind": "delete"})

test_delete_45_days_extended_to_90 if {
	deadlines.by_law.NDPA == {
		"acknowledge_by": null,
		"respond_by": "2026-04-16",
		"extended_respond_by": "2026-05-31",
		"extension_notice_by": "2026-04-16",
		"calendar": "US",
	} with input as delete_req
}

test_appeal_instructions_name_the_attorney_general if {
	d := delete.decision with input as object.union(delete_req, {"as_of": "2026-04-20T00:00:00Z"})
	d.outcome == "unverified"
	[n] := [n | some n in d.notices; n.code == "appeal_instructions"]
	n == {
		"code": "appeal_instructions", "law": "NDPA", "citation": "Neb. Rev. Stat. § 87-1109", "due": "2026-04-16",
		"text": "You may appeal this decision; we will answer your appeal within 60 days of receiving it. If we deny your appeal, you may contact the Nebraska Attorney General.",
	}
}

gpc(on) := object.union(req(on, covered), {"kind": "opt_out", "signal": "gpc"})

test_signal_honoured_from_2025_01_01 if {
	d := opt_out.decision with input as gpc("2025-01-01")
	d.signal_honored == true
	d.outcome == "comply"
	d.comply_by == "2025-02-15"
	some r in d.reasons
	r.code == "signal_honored"
	r.law == "NDPA"
	r.citation == "Neb. Rev. Stat. § 87-1111"
}
