package dsrkit.laws.mncdpa_test

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.delete
import data.dsrkit.laws.mncdpa
import data.dsrkit.opt_in
import data.dsrkit.opt_out

big := {"consumers_per_year": 100000, "revenue_share_from_sale": 0, "sba_small_business": false}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-MN"}, "business": business}

applies(inp) if "MNCDPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.MNCDPA} with input as inp
}

test_data if {
	mncdpa.law.id == "MNCDPA"
	mncdpa.law.in_force.from == "2025-07-31"
	mncdpa.law.calendar == "US"
	mncdpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "Minn. Stat. § 325M.14, subd. 4"}
	mncdpa.law.delete.extended.n == 90
	mncdpa.law.delete.appeal == {"n": 45, "unit": "days", "citation": "Minn. Stat. § 325M.14, subd. 5"}
	mncdpa.law.delete.scope.text == "personal data concerning the consumer"
	mncdpa.law.delete.third_party_data == {"citation": "Minn. Stat. § 325M.14, subd. 4(k)", "options": ["retain_record_minimum", "opt_out"]}
	mncdpa.law.opt_out.verification == {"not_required": true, "citation": "Minn. Stat. § 325M.14, subd. 4(h)"}
	mncdpa.law.opt_out.fraud.citation == "Minn. Stat. § 325M.14, subd. 4(h)"
	mncdpa.law.opt_out.signal == {"from": "2025-07-31", "citation": "Minn. Stat. § 325M.14, subd. 2"}
}

test_in_force_from_2025_07_31 if {
	codes(req("2025-07-30", big)) == {"not_in_force"}
	applies(req("2025-07-31", big))
}

test_100000_consumers if {
	applies(req("2026-03-02", big))
	codes(req("2026-03-02", object.union(big, {"consumers_per_year": 99999}))) == {"below_threshold"}
}

test_25000_consumers_and_a_quarter_of_revenue_from_sale if {
	applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0.25, "sba_small_business": false}))
	not applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0.24, "sba_small_business": false}))
	not applies(req("2026-03-02", {"consumers_per_year": 24999, "revenue_share_from_sale": 0.25, "sba_small_business": false}))
}

test_small_business_exempt if {
	codes(req("2026-03-02", object.union(big, {"sba_small_business": true}))) == {"below_threshold"}
	inp := req("2026-03-02", {"consumers_per_year": 100000, "revenue_share_from_sale": 0})
	codes(inp) == {"applies", "threshold_unknown"}
	some r in applicability.reasons.MNCDPA with input as inp
	r.code == "threshold_unknown"
	r.message == "MNCDPA threshold could not be checked: business.sba_small_business == false (not given); MNCDPA is assumed to apply (never late)"
}

test_entity_exemptions if {
	codes(req("2026-03-02", object.union(big, {"exemptions": ["government"]}))) == {"exempt_entity"}
	codes(req("2029-07-30", object.union(big, {"exemptions": ["higher_education"]}))) == {"exempt_entity"}
	applies(req("2029-07-31", object.union(big, {"exemptions": ["higher_education"]})))
	every e in ["nonprofit", "hipaa_covered_entity", "glba_financial_institution"] {
		applies(req("2026-03-02", object.union(big, {"exemptions": [e]})))
	}
}

test_consumers_in_an_individual_context_only if {
	applies(object.union(req("2026-03-02", big), {"consumer": {"relationship": "other"}}))
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		codes(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}})) == {"not_a_consumer"}
	}
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-WI"}})) == {"not_resident"}
}

delete_req := object.union(req("2026-03-02", big), {"kind": "delete"})

test_delete_45_days_extended_to_90 if {
	deadlines.by_law.MNCDPA == {
		"acknowledge_by": null,
		"respond_by": "2026-04-16",
		"extended_respond_by": "2026-05-31",
		"extension_notice_by": "2026-04-16",
		"calendar": "US",
	} with input as delete_req
}

test_appeal_45_days if {
	d := delete.decision with input as object.union(delete_req, {"as_of": "2026-04-20T00:00:00Z"})
	[n] := [n | some n in d.notices; n.code == "appeal_instructions"]
	n == {
		"code": "appeal_instructions", "law": "MNCDPA", "citation": "Minn. Stat. § 325M.14, subd. 5", "due": "2026-04-16",
		"text": "You may appeal this decision; we will answer your appeal within 45 days of receiving it.",
	}
}

gpc(on) := object.union(req(on, big), {"kind": "opt_out", "signal": "gpc"})

test_signal_honoured_from_2025_07_31 if {
	codes(req("2025-07-30", big)) == {"not_in_force"}
	d := opt_out.decision with input as gpc("2025-07-31")
	d.signal_honored == true
	d.comply_by == "2025-09-14"
	some r in d.reasons
	r.code == "verification_not_required"
	r.citation == "Minn. Stat. § 325M.14, subd. 4(h)"
}

test_opt_out_denied_for_documented_fraud if {
	d := opt_out.decision with input as object.union(gpc("2026-03-02"), {"signal": "web_form", "fraud_suspected": true, "fraud_basis": "the request came from a known bot network"})
	d.outcome == "deny_fraud"
	some r in d.reasons
	r.code == "deny_fraud"
	r.citation == "Minn. Stat. § 325M.14, subd. 4(h)"
}

optin(residence, business, on, age) := {
	"kind": "opt_in", "as_of": sprintf("%sT12:00:00Z", [on]),
	"consumer": {"residence": residence, "age": age}, "business": business,
	"steps": [
		{"type": "request", "at": sprintf("%sT10:00:00Z", [on]), "channel": "web", "action_id": "form-1", "subject_id": "c-1", "actor": "consumer", "affirmative": true, "prechecked": false, "bundled": false},
		{"type": "confirmation", "at": sprintf("%sT10:20:00Z", [on]), "channel": "email", "action_id": "link-1", "subject_id": "c-1", "actor": "consumer", "affirmative": true, "prechecked": false, "bundled": false},
	],
}

minor_codes(inp, law) := c if {
	c := {r.code | some r in opt_in.decision.reasons; r.law == law} with input as inp
}

test_minors_13_to_16_need_their_consent if {
	minor_codes(optin("US-MN", big, "2026-03-02", 16), "MNCDPA") == {"minor_consent_required"}
	minor_codes(optin("US-MN", big, "2026-03-02", 13), "MNCDPA") == {"minor_consent_required"}
	minor_codes(optin("US-MN", big, "2026-03-02", 17), "MNCDPA") == set()
	opt_in.decision.valid with input as optin("US-MN", big, "2026-03-02", 16)
}
