package dsrkit.laws.njdpa_test

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.delete
import data.dsrkit.laws.njdpa
import data.dsrkit.opt_in
import data.dsrkit.opt_out

big := {"consumers_per_year": 100000, "revenue_share_from_sale": 0, "sells_or_shares": false}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-NJ"}, "business": business}

applies(inp) if "NJDPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.NJDPA} with input as inp
}

test_data if {
	njdpa.law.id == "NJDPA"
	njdpa.law.in_force == {"from": "2025-01-15", "citation": "P.L. 2023, c. 266, § 17"}
	njdpa.law.calendar == "US"
	njdpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "N.J.S.A. 56:8-166.7"}
	njdpa.law.delete.extended.n == 90
	njdpa.law.delete.appeal == {"n": 45, "unit": "days", "citation": "N.J.S.A. 56:8-166.7"}
	njdpa.law.delete.scope.text == "personal data concerning the consumer"
	njdpa.law.delete.third_party_data == {"citation": "N.J.S.A. 56:8-166.10(b)", "options": ["retain_record_minimum", "delete"]}
	object.keys(njdpa.law.delete) == {"respond", "extended", "extension_notice", "denial", "confirmed", "appeal", "scope", "duty", "exceptions", "legal_hold", "third_party_data"}
	njdpa.law.opt_out.signal == {"from": "2025-07-15", "citation": "N.J.S.A. 56:8-166.11(b)"}
	object.keys(njdpa.law.opt_out) == {"comply", "consent_revocation", "verification", "signal"}
	njdpa.law.verification.citation == "N.J.S.A. 56:8-166.7(e)"
}

test_in_force_from_2025_01_15 if {
	codes(req("2025-01-14", big)) == {"not_in_force"}
	applies(req("2025-01-15", big))
}

test_100000_consumers if {
	applies(req("2026-03-02", big))
	codes(req("2026-03-02", object.union(big, {"consumers_per_year": 99999}))) == {"below_threshold"}
}

test_25000_consumers_and_any_revenue_or_a_sale if {
	applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0.01, "sells_or_shares": false}))
	applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0, "sells_or_shares": true}))
	not applies(req("2026-03-02", {"consumers_per_year": 25000, "revenue_share_from_sale": 0, "sells_or_shares": false}))
	not applies(req("2026-03-02", {"consumers_per_year": 24999, "revenue_share_from_sale": 0.5, "sells_or_shares": true}))
}

test_only_government_and_glba_financial_institutions_are_exempt if {
	every e in ["government", "glba_financial_institution"] {
		codes(req("2026-03-02", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
	}
	every e in ["nonprofit", "hipaa_covered_entity", "higher_education"] {
		applies(req("2026-03-02", object.union(big, {"exemptions": [e]})))
	}
}

test_consumers_in_an_individual_context_only if {
	applies(object.union(req("2026-03-02", big), {"consumer": {"relationship": "other"}}))
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		codes(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}})) == {"not_a_consumer"}
	}
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-NY"}})) == {"not_resident"}
}

delete_req := object.union(req("2026-03-02", big), {"kind": "delete"})

test_delete_45_days_extended_to_90 if {
	deadlines.by_law.NJDPA == {
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
		"code": "appeal_instructions", "law": "NJDPA", "citation": "N.J.S.A. 56:8-166.7", "due": "2026-04-16",
		"text": "You may appeal this decision; we will answer your appeal within 45 days of receiving it.",
	}
}

gpc(on) := object.union(req(on, big), {"kind": "opt_out", "signal": "gpc"})

test_signal_honoured_from_2025_07_15 if {
	before := opt_out.decision with input as gpc("2025-07-14")
	before.signal_honored == false
	some r in before.reasons
	r.code == "signal_not_required"
	r.message == "NJDPA does not require honouring a universal opt-out signal before 2025-07-15; the business may still honour it"
	on := opt_out.decision with input as gpc("2025-07-15")
	on.signal_honored == true
	on.comply_by == "2025-08-29"
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
	minor_codes(optin("US-NJ", big, "2026-03-02", 16), "NJDPA") == {"minor_consent_required"}
	minor_codes(optin("US-NJ", big, "2026-03-02", 13), "NJDPA") == {"minor_consent_required"}
	minor_codes(optin("US-NJ", big, "2026-03-02", 17), "NJDPA") == set()
	some r in opt_in.decision.reasons with input as optin("US-NJ", big, "2026-03-02", 16)
	r.code == "minor_consent_required"
	r.citation == "N.J.S.A. 56:8-166.12(a)(7)"
}
