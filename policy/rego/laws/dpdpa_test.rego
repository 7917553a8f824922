package dsrkit.laws.dpdpa_test

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.laws.dpdpa
import data.dsrkit.opt_in

small := {"consumers_per_year": 0, "revenue_share_from_sale": 0}

big := {"consumers_per_year": 35000, "revenue_share_from_sale": 0}

req(on, business) := {"kind": "delete", "received_at": on, "consumer": {"residence": "US-DE"}, "business": business}

with_figures(figures) := object.union(small, figures)

applies(inp) if "DPDPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.DPDPA} with input as inp
}

test_data if {
	dpdpa.law.id == "DPDPA"
	dpdpa.law.in_force.from == "2025-01-01"
	dpdpa.amendment_2027 == "2027-01-01"
	dpdpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "6 Del. C. § 12D-104(c)(1)"}
	dpdpa.law.delete.extended.n == 90
	dpdpa.law.delete.appeal.n == 45
	dpdpa.law.delete.appeal.authority.name == "Delaware Department of Justice"
	dpdpa.law.delete.third_party_data == {"citation": "6 Del. C. § 12D-104(c)(5)", "options": ["retain_record_minimum"]}
	dpdpa.law.opt_out.signal == {"from": "2026-01-01", "citation": "6 Del. C. § 12D-106(e)"}
	object.keys(dpdpa.law.delete.exceptions.bases) == {
		"legal_obligation", "law_enforcement", "legal_claims", "complete_transaction", "warranty_or_recall", "life_safety",
		"security_integrity", "research_public_interest", "debug_repair", "internal_uses_expected", "free_speech",
	}
	count(dpdpa.law.unverified) == 11
}

test_in_force_from_2025_01_01 if {
	codes(req("2024-12-31", big)) == {"not_in_force"}
	applies(req("2025-01-01", big))
}

test_35000_consumers_until_2027 if {
	applies(req("2026-12-31", with_figures({"consumers_per_year": 35000})))
	not applies(req("2026-12-31", with_figures({"consumers_per_year": 34999})))
}

test_10000_and_over_a_fifth_until_2027 if {
	applies(req("2026-12-31", with_figures({"consumers_per_year": 10000, "revenue_share_from_sale": 0.21})))
	not applies(req("2026-12-31", with_figures({"consumers_per_year": 10000, "revenue_share_from_sale": 0.2})))
	not applies(req("2026-12-31", with_figures({"consumers_per_year": 9999, "revenue_share_from_sale": 0.21})))
}

test_lower_thresholds_from_2027 if {
	applies(req("2027-01-01", with_figures({"consumers_per_year": 10000})))
	not applies(req("2027-01-01", with_figures({"consumers_per_year": 9999})))
	applies(req("2027-01-01", with_figures({"consumers_per_year": 5000, "revenue_share_from_sale": 0.21})))
	not applies(req("2027-01-01", with_figures({"consumers_per_year": 5000, "revenue_share_from_sale": 0.2})))
	not applies(req("2027-01-01", with_figures({"consumers_per_year": 4999, "revenue_share_from_sale": 0.21})))
}

test_entity_exemptions if {
	every e in ["government", "glba_financial_institution"] {
		codes(req("2026-03-02", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
	}

	# No nonprofit, higher-education or HIPAA entity exemption.
	every e in ["nonprofit", "higher_education", "hipaa_covered_entity"] {
		applies(req("2026-03-02", object.union(big, {"exemptions": [e]})))
	}
}

test_consumers_in_an_individual_context_only if {
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		codes(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}})) == {"not_a_consumer"}
	}
	applies(object.union(req("2026-03-02", big), {"consumer": {"relationship": "other"}}))
}

test_delawareans_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-MD"}})) == {"not_resident"}
}

test_periods if {
	deadlines.by_law.DPDPA == {
		"acknowledge_by": null,
		"respond_by": "2026-04-16",
		"extended_respond_by": "2026-05-31",
		"extension_notice_by": "2026-04-16",
		"calendar": "US",
	} with input as req("2026-03-02", big)
}

# dsrkit reading O5: a two-step opt-in to sale by a consumer of the age given.
minor_opt_in(day, age) := {
	"kind": "opt_in",
	"id": "minor",
	"as_of": sprintf("%sT12:00:00-05:00", [day]),
	"consumer": {"residence": "US-DE", "age": age},
	"business": {"consumers_per_year": 150000, "revenue_share_from_sale": 0},
	"steps": [
		opt_in_step("request", sprintf("%sT10:00:00-05:00", [day]), "form-1"),
		opt_in_step("confirmation", sprintf("%sT10:20:00-05:00", [day]), "email-link-1"),
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

test_minor_13_to_17_needs_consent if {
	"minor_consent_required" in minor_codes("2026-03-02", 17)
	minor_outcome("2026-03-02", 17) == "valid"
	"minor_consent_required" in minor_codes("2026-03-02", 13)
	not "minor_consent_required" in minor_codes("2026-03-02", 12)
	not "minor_consent_required" in minor_codes("2026-03-02", 18)
}
