package dsrkit.laws.mtcdpa_test

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.laws.mtcdpa
import data.dsrkit.opt_in

small := {"consumers_per_year": 0, "revenue_share_from_sale": 0}

big := {"consumers_per_year": 50000, "revenue_share_from_sale": 0}

req(on, business) := {"kind": "delete", "received_at": on, "consumer": {"residence": "US-MT"}, "business": business}

with_figures(figures) := object.union(small, figures)

applies(inp) if "MTCDPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.MTCDPA} with input as inp
}

test_data if {
	mtcdpa.law.id == "MTCDPA"
	mtcdpa.law.in_force.from == "2024-10-01"
	mtcdpa.sb_297 == "2025-10-01"
	mtcdpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "Mont. Code Ann. § 30-14-2808"}
	mtcdpa.law.delete.extended.n == 90
	mtcdpa.law.delete.appeal.n == 45
	mtcdpa.law.delete.appeal.authority.name == "Montana Attorney General"
	mtcdpa.law.opt_out.comply.n == 45
	mtcdpa.law.opt_out.signal == {"from": "2025-01-01", "citation": "Mont. Code Ann. § 30-14-2809(3)"}
	count(mtcdpa.law.unverified) == 9
}

test_in_force_from_2024_10_01 if {
	codes(req("2024-09-30", big)) == {"not_in_force"}
	applies(req("2024-10-01", big))
}

test_50000_consumers_until_september_2025 if {
	applies(req("2025-09-30", with_figures({"consumers_per_year": 50000})))
	not applies(req("2025-09-30", with_figures({"consumers_per_year": 49999})))
}

test_25000_and_over_a_quarter_until_september_2025 if {
	applies(req("2025-09-30", with_figures({"consumers_per_year": 25000, "revenue_share_from_sale": 0.26})))
	not applies(req("2025-09-30", with_figures({"consumers_per_year": 25000, "revenue_share_from_sale": 0.25})))
	not applies(req("2025-09-30", with_figures({"consumers_per_year": 24999, "revenue_share_from_sale": 0.26})))
}

test_25000_consumers_from_october_2025 if {
	not applies(req("2025-09-30", with_figures({"consumers_per_year": 25000})))
	applies(req("2025-10-01", with_figures({"consumers_per_year": 25000})))
	not applies(req("2025-10-01", with_figures({"consumers_per_year": 24999})))
}

test_15000_and_over_a_quarter_from_october_2025 if {
	not applies(req("2025-09-30", with_figures({"consumers_per_year": 15000, "revenue_share_from_sale": 0.26})))
	applies(req("2025-10-01", with_figures({"consumers_per_year": 15000, "revenue_share_from_sale": 0.26})))
	not applies(req("2025-10-01", with_figures({"consumers_per_year": 15000, "revenue_share_from_sale": 0.25})))
	not applies(req("2025-10-01", with_figures({"consumers_per_year": 14999, "revenue_share_from_sale": 0.26})))
}

test_entity_exemptions if {
	every e in ["government", "higher_education", "hipaa_covered_entity"] {
		codes(req("2025-09-30", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
		codes(req("2025-10-01", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
	}
}

test_nonprofit_and_glba_exemptions_end_with_sb_297 if {
	every e in ["nonprofit", "glba_financial_institution"] {
		codes(req("2025-09-30", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
		applies(req("2025-10-01", object.union(big, {"exemptions": [e]})))
	}
}

test_consumers_in_an_individual_context_only if {
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		codes(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}})) == {"not_a_consumer"}
	}
	applies(object.union(req("2026-03-02", big), {"consumer": {"relationship": "other"}}))
}

test_montanans_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-ID"}})) == {"not_resident"}
}

test_periods if {
	deadlines.by_law.MTCDPA == {
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
	"as_of": sprintf("%sT12:00:00-06:00", [day]),
	"consumer": {"residence": "US-MT", "age": age},
	"business": {"consumers_per_year": 150000, "revenue_share_from_sale": 0},
	"steps": [
		opt_in_step("request", sprintf("%sT10:00:00-06:00", [day]), "form-1"),
		opt_in_step("confirmation", sprintf("%sT10:20:00-06:00", [day]), "email-link-1"),
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

test_minor_rules_13_to_15_then_under_18_from_sb_297 if {
	"minor_consent_required" in minor_codes("2025-09-30", 15)
	not "minor_consent_required" in minor_codes("2025-09-30", 17)
	"minor_consent_required" in minor_codes("2025-10-01", 17)
	minor_outcome("2025-10-01", 17) == "valid"
	not "minor_consent_required" in minor_codes("2025-10-01", 18)
}
