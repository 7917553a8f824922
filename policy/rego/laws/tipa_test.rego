package dsrkit.laws.tipa_test

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.delete
import data.dsrkit.laws.tipa
import data.dsrkit.opt_out

big := {"annual_revenue_usd": 25000001, "consumers_per_year": 175000, "revenue_share_from_sale": 0}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-TN"}, "business": business}

applies(inp) if "TIPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.TIPA} with input as inp
}

test_data if {
	tipa.law.id == "TIPA"
	tipa.law.in_force.from == "2025-07-01"
	tipa.law.calendar == "US"
	tipa.law.delete.respond == {"n": 45, "unit": "days", "citation": "Tenn. Code Ann. § 47-18-3304(b)(1)"}
	tipa.law.delete.extended.n == 90
	tipa.law.delete.denial.citation == "Tenn. Code Ann. § 47-18-3304(b)(2)"
	tipa.law.delete.appeal.n == 60
	tipa.law.delete.appeal.authority == {"name": "the Tennessee Attorney General and Reporter", "citation": "Tenn. Code Ann. § 47-18-3304(c)"}
	tipa.law.delete.third_party_data.options == ["retain_record_minimum", "opt_out"]
	object.keys(tipa.law.opt_out) == {"comply", "verification"}
}

test_in_force_from_2025_07_01 if {
	codes(req("2025-06-30", big)) == {"not_in_force"}
	applies(req("2025-07-01", big))
}

test_revenue_over_25_million_and_175000_consumers if {
	applies(req("2026-03-02", big))
	not applies(req("2026-03-02", object.union(big, {"annual_revenue_usd": 25000000})))
	codes(req("2026-03-02", object.union(big, {"consumers_per_year": 174999}))) == {"below_threshold"}
}

test_revenue_over_25_million_25000_consumers_and_over_half_from_sale if {
	applies(req("2026-03-02", {"annual_revenue_usd": 25000001, "consumers_per_year": 25000, "revenue_share_from_sale": 0.51}))
	not applies(req("2026-03-02", {"annual_revenue_usd": 25000001, "consumers_per_year": 25000, "revenue_share_from_sale": 0.5}))
	not applies(req("2026-03-02", {"annual_revenue_usd": 25000000, "consumers_per_year": 25000, "revenue_share_from_sale": 0.51}))
	not applies(req("2026-03-02", {"annual_revenue_usd": 25000001, "consumers_per_year": 24999, "revenue_share_from_sale": 0.51}))
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
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-KY"}})) == {"not_resident"}
}

delete_req := object.union(req("2026-03-02", big), {"kind": "delete"})

test_delete_45_days_extended_to_90 if {
	deadlines.by_law.TIPA == {
		"acknowledge_by": null,
		"respond_by": "2026-04-16",
		"extended_respond_by": "2026-05-31",
		"extension_notice_by": "2026-04-16",
		"calendar": "US",
	} with input as delete_req
}

test_appeal_60_days_then_the_attorney_general if {
	d := delete.decision with input as object.union(delete_req, {"as_of": "2026-04-20T00:00:00Z"})
	[n] := [n | some n in d.notices; n.code == "appeal_instructions"]
	n == {
		"code": "appeal_instructions", "law": "TIPA", "citation": "Tenn. Code Ann. § 47-18-3304(c)", "due": "2026-04-16",
		"text": "You may appeal this decision; we will answer your appeal within 60 days of receiving it. If we deny your appeal, you may contact the Tennessee Attorney General and Reporter.",
	}
}

test_signal_not_required if {
	d := opt_out.decision with input as object.union(req("2026-03-02", big), {"kind": "opt_out", "signal": "gpc"})
	d.signal_honored == false
	some r in d.reasons
	r.code == "signal_not_required"
	r.message == "TIPA does not require honouring a universal opt-out signal; the business may still honour it"
	r.citation == "Tenn. Code Ann. § 47-18-3304(b)(1)"
}
