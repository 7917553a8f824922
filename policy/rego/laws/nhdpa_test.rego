package dsrkit.laws.nhdpa_test

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.delete
import data.dsrkit.laws.nhdpa
import data.dsrkit.opt_in
import data.dsrkit.opt_out

big := {"consumers_per_year": 35000, "revenue_share_from_sale": 0}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-NH"}, "business": business}

applies(inp) if "NHDPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.NHDPA} with input as inp
}

test_data if {
	nhdpa.law.id == "NHDPA"
	nhdpa.law.in_force.from == "2025-01-01"
	nhdpa.law.calendar == "US"
	nhdpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "RSA 507-H:4, III"}
	nhdpa.law.delete.extended == {"n": 90, "unit": "days", "citation": "RSA 507-H:4, III"}
	nhdpa.law.delete.appeal == {
		"n": 45, "unit": "days", "citation": "RSA 507-H:4",
		"authority": {"name": "the New Hampshire Attorney General", "citation": "RSA 507-H:4"},
	}
	object.keys(nhdpa.law.delete) == {"respond", "extended", "extension_notice", "denial", "confirmed", "appeal", "scope", "duty", "exceptions", "legal_hold"}
	nhdpa.law.delete.scope.citation == "RSA 507-H:4, I(c)"
	nhdpa.law.opt_out.signal == {"from": "2025-01-01", "citation": "RSA 507-H:5; 507-H:6"}
	object.keys(nhdpa.law.opt_out) == {"comply", "verification", "signal"}
	nhdpa.law.verification.ordinary == "commercially_reasonable"
	"/delete/appeal/n" in {u.pointer | some u in nhdpa.law.unverified}
}

test_in_force_from_2025_01_01 if {
	codes(req("2024-12-31", big)) == {"not_in_force"}
	applies(req("2025-01-01", big))
}

test_35000_unique_consumers if {
	applies(req("2026-03-02", {"consumers_per_year": 35000, "revenue_share_from_sale": 0}))
	codes(req("2026-03-02", {"consumers_per_year": 34999, "revenue_share_from_sale": 0})) == {"below_threshold"}
}

test_10000_consumers_and_over_a_quarter_of_revenue_from_sale if {
	applies(req("2026-03-02", {"consumers_per_year": 10000, "revenue_share_from_sale": 0.26}))
	not applies(req("2026-03-02", {"consumers_per_year": 10000, "revenue_share_from_sale": 0.25}))
	not applies(req("2026-03-02", {"consumers_per_year": 9999, "revenue_share_from_sale": 0.26}))
}

test_entity_exemptions if {
	every e in ["government", "glba_financial_institution", "hipaa_covered_entity", "nonprofit", "higher_education"] {
		codes(req("2026-03-02", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
	}
}

test_consumers_in_an_individual_context_only if {
	applies(object.union(req("2026-03-02", big), {"consumer": {"relationship": "other"}}))
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		codes(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}})) == {"not_a_consumer"}
	}
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-ME"}})) == {"not_resident"}
}

delete_req := object.union(req("2026-03-02", big), {"kind": "delete"})

test_delete_45_days_extended_to_90 if {
	deadlines.by_law.NHDPA == {
		"acknowledge_by": null,
		"respond_by": "2026-04-16",
		"extended_respond_by": "2026-05-31",
		"extension_notice_by": "2026-04-16",
		"calendar": "US",
	} with input as delete_req
}

test_appeal_45_days_then_the_attorney_general if {
	d := delete.decision with input as object.union(delete_req, {"as_of": "2026-04-20T00:00:00Z"})
	[n] := [n | some n in d.notices; n.code == "appeal_instructions"]
	n == {
		"code": "appeal_instructions", "law": "NHDPA", "citation": "RSA 507-H:4", "due": "2026-04-16",
		"text": "You may appeal this decision; we will answer your appeal within 45 days of receiving it. If we deny your appeal, you may contact the New Hampshire Attorney General.",
	}
}

test_signal_honoured_from_2025_01_01 if {
	d := opt_out.decision with input as object.union(req("2025-01-01", big), {"kind": "opt_out", "signal": "gpc"})
	d.signal_honored == true
	d.comply_by == "2025-02-15"
	some r in d.reasons
	r.code == "signal_honored"
	r.citation == "RSA 507-H:5; 507-H:6"
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

test_minors_13_to_15_need_their_consent if {
	minor_codes(optin("US-NH", big, "2026-03-02", 15), "NHDPA") == {"minor_consent_required"}
	minor_codes(optin("US-NH", big, "2026-03-02", 13), "NHDPA") == {"minor_consent_required"}
	minor_codes(optin("US-NH", big, "2026-03-02", 16), "NHDPA") == set()
}

test_no_sale_of_a_child_from_2027_01_01 if {
	minor_codes(optin("US-NH", big, "2026-12-31", 12), "NHDPA") == set()
	minor_codes(optin("US-NH", big, "2027-01-01", 12), "NHDPA") == {"minor_sale_prohibited"}
	d := opt_in.decision with input as optin("US-NH", big, "2027-01-01", 12)
	d.valid == false
	d.outcome == "invalid"
}
