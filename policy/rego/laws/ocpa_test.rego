package dsrkit.laws.ocpa_test

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.laws.ocpa
import data.dsrkit.opt_in

big := {"consumers_per_year": 100000, "revenue_share_from_sale": 0}

req(on, business) := {"kind": "delete", "received_at": on, "consumer": {"residence": "US-OR"}, "business": business}

applies(inp) if "OCPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.OCPA} with input as inp
}

test_data if {
	ocpa.law.id == "OCPA"
	ocpa.law.in_force.from == "2024-07-01"
	ocpa.hb_2008 == "2026-01-01"
	ocpa.law.calendar == "US"
	ocpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "ORS 646A.576(5)(a)"}
	ocpa.law.delete.extended == {"n": 90, "unit": "days", "citation": "ORS 646A.576(5)(a)"}
	ocpa.law.delete.appeal == {"n": 45, "unit": "days", "citation": "ORS 646A.576(6)(d)"}
	ocpa.law.delete.scope.sources == {"consumer", "third_party", "observed", "inferred"}
	not "third_party_data" in object.keys(ocpa.law.delete)
	ocpa.law.opt_out.comply == {"n": 45, "unit": "days", "citation": "ORS 646A.576(5)(a)"}
	ocpa.law.opt_out.verification == {"not_required": true, "citation": "ORS 646A.576(5)(e)"}
	ocpa.law.opt_out.fraud.citation == "ORS 646A.576(5)(e)"
	ocpa.law.opt_out.signal == {"from": "2026-01-01", "citation": "ORS 646A.578(5)(c)"}
	ocpa.law.opt_out.consent_revocation == {"n": 15, "unit": "days", "citation": "ORS 646A.578(1)(d)"}
	object.keys(ocpa.law.delete.exceptions.bases) == {"legal_obligation", "legal_claims", "life_safety", "security_integrity", "research_public_interest", "internal_uses_expected"}
	count(ocpa.law.unverified) == 10
}

test_in_force_from_2024_07_01 if {
	codes(req("2024-06-30", big)) == {"not_in_force"}
	applies(req("2024-07-01", big))
}

test_100000_consumers if {
	applies(req("2026-03-02", {"consumers_per_year": 100000, "revenue_share_from_sale": 0}))
	codes(req("2026-03-02", {"consumers_per_year": 99999, "revenue_share_from_sale": 0})) == {"below_threshold"}
}

# ORS 646A.572(1)(b): "25 percent or more" — the share is >=.
test_25000_consumers_and_a_quarter_of_revenue_from_sale if {
	applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0.25}))
	not applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0.2499}))
	not applies(req("2026-03-02", {"consumers_per_year": 24999, "revenue_share_from_sale": 0.25}))
}

test_unknown_share_is_assumed if {
	codes(req("2026-03-02", {"consumers_per_year": 30000})) == {"applies", "threshold_unknown"}
}

test_nonprofits_from_2025_07_01 if {
	inp := req("2025-06-30", object.union(big, {"exemptions": ["nonprofit"]}))
	codes(inp) == {"exempt_entity"}
	some r in applicability.reasons.OCPA with input as inp
	r.message == "OCPA does not apply to a business that is nonprofit (until 2025-07-01): nonprofits are covered from 2025-07-01"
	applies(req("2025-07-01", object.union(big, {"exemptions": ["nonprofit"]})))
}

test_entity_exemptions if {
	codes(req("2026-03-02", object.union(big, {"exemptions": ["government"]}))) == {"exempt_entity"}

	# HIPAA and GLBA are data-level exemptions only; higher education is covered.
	every e in ["hipaa_covered_entity", "glba_financial_institution", "higher_education"] {
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

test_oregonians_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-WA"}})) == {"not_resident"}
}

# Received Friday 2026-11-20: 45 days, then 90 (R2, R7); no roll.
test_periods if {
	inp := object.union(req("2026-11-20", big), {"as_of": "2026-11-20T12:00:00-08:00"})
	deadlines.by_law.OCPA == {
		"acknowledge_by": null,
		"respond_by": "2027-01-04",
		"extended_respond_by": "2027-02-18",
		"extension_notice_by": "2027-01-04",
		"calendar": "US",
	} with input as inp
}

# dsrkit reading O5: a two-step opt-in to sale by a consumer of the age given.
minor_opt_in(day, age) := {
	"kind": "opt_in",
	"id": "minor",
	"as_of": sprintf("%sT12:00:00-08:00", [day]),
	"consumer": {"residence": "US-OR", "age": age},
	"business": {"consumers_per_year": 150000, "revenue_share_from_sale": 0},
	"steps": [
		opt_in_step("request", sprintf("%sT10:00:00-08:00", [day]), "form-1"),
		opt_in_step("confirmation", sprintf("%sT10:20:00-08:00", [day]), "email-link-1"),
	],
}

opt_in_step(type, at, action) := {
	"type": type, "at": at, "channel": "web", "action_id": action, "subject_id": "c-1",
	"actor": "consumer", "affirmative": true, "prechecked": false, "bundled": false,
}

minor_codes(day, age) := c if {
	c := {r.code | some r in opt_in.decision.reasons} with input as minor_opt_in(day, age)
}

minor_outcome(day, age) := o if {
	o := opt_in.decision.outcome with input as minor_opt_in(day, age)
}

test_minor_15_needs_consent_until_2025_and_is_banned_from_2026 if {
	minor_outcome("2025-12-31", 15) == "valid"
	"minor_consent_required" in minor_codes("2025-12-31", 15)
	minor_outcome("2026-01-01", 15) == "invalid"
	minor_codes("2026-01-01", 15) == {"minor_sale_prohibited"}
	minor_outcome("2026-01-01", 16) == "valid"
	not "minor_consent_required" in minor_codes("2026-01-01", 16)
}
