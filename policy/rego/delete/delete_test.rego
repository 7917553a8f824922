package dsrkit.delete_test

import data.dsrkit.delete

ca := {"kind": "delete", "id": "r-1", "received_at": "2026-03-02", "consumer": {"residence": "US-CA"}, "business": {}}

test_ccpa_request_gets_deadlines if {
	d := delete.decision with input as ca
	d.kind == "delete"
	d.request_id == "r-1"
	d.received_on == "2026-03-02"
	d.as_of == "2026-03-02"
	d.deadlines.acknowledge_by == "2026-03-16"
	d.deadlines.respond_by == "2026-04-16"
	d.deadlines.extended_respond_by == "2026-05-31"
	d.deadlines.extension_notice_by == "2026-04-16"
	d.deadlines.calendar == "common(US,US-CA)"
	d.outcome == "pending_verification"
	d.verification.status == "pending"
	d.notices == []
}

test_uncovered_request_is_a_decision if {
	d := delete.decision with input as object.union(ca, {"consumer": {"residence": "US-NY"}})
	d.outcome == "not_covered"
	d.deadlines.respond_by == null
	d.deadlines.by_law == {}
	[r.code | some r in d.reasons] == ["not_covered"]
}

test_calendar_named_is_the_one_used if {
	d := delete.decision with input as object.union(ca, {"business": {"calendar": "US-CA"}})
	d.deadlines.calendar == "US-CA"
}

test_two_laws_bind_the_earliest if {
	inp := object.union(ca, {"received_at": "2026-04-01", "business": {"annual_revenue_usd": 30000000, "eu_establishment": true, "eu_member_state": "DE"}})
	d := delete.decision with input as inp
	[l.law | some l in d.laws; l.applies] == ["CCPA", "GDPR"]
	d.deadlines.acknowledge_by == "2026-04-15"
	d.deadlines.respond_by == "2026-05-04"
	d.deadlines.extended_respond_by == "2026-06-30"
	d.deadlines.extension_notice_by == "2026-05-04"
	d.deadlines.calendar == "common(US,US-CA)"
	d.deadlines.by_law.GDPR.calendar == "DE"
}

verified := {"method": "data_matching", "matched_data_points": 2}

test_verified_request_needs_review_of_its_items if {
	d := delete.decision with input as object.union(ca, {"verification": verified})
	d.outcome == "needs_review"
	d.verification.status == "verified"
	{r.code | some r in d.reasons} == {"verified", "discovery_pending", "plan_clamped"}
	count(d.plan) == 8
	d.record == {"retain_until": "2029-04-16", "citation": "Cal. Code Regs. tit. 11, § 7101(a); playbook: record retention"}
}

test_insufficient_verification_asks_for_more_information if {
	inp := object.union(ca, {"as_of": "2026-03-10T00:00:00Z", "verification": {"method": "data_matching", "matched_data_points": 1, "info_requested_at": "2026-03-06T09:00:00Z"}})
	d := delete.decision with input as inp
	d.outcome == "pending_verification"
	d.notices == [{
		"code": "request_more_information",
		"text": "We could not yet verify your identity. Please send the information we asked for.",
		"citation": "Cal. Code Regs. tit. 11, § 7021(b); § 7060(d)",
		"due": "2026-03-21",
	}]
}

test_unverified_on_the_response_date if {
	# respond_by is 2026-04-16; on that day the identity is still not verified.
	inp := object.union(ca, {
		"as_of": "2026-04-16T12:00:00Z",
		"verification": {"method": "data_matching", "matched_data_points": 1},
		"business": {"sells_or_shares": true, "opt_out_url": "https://example.com/opt-out"},
	})
	d := delete.decision with input as inp
	d.outcome == "unverified"
	{n.code | some n in d.notices} == {"identity_not_verified", "offer_opt_out", "record_kept"}
	some n in d.notices
	n.code == "offer_opt_out"
	n.text == "You can also tell us to stop selling or sharing your personal information: https://example.com/opt-out"
	some r in d.reasons
	r.code == "unverified"
	r.message == "identity still not verified on 2026-04-16, the response date 2026-04-16: the request may be denied as unverifiable"
}

test_no_opt_out_offer_when_already_opted_out_or_not_selling if {
	base := object.union(ca, {"as_of": "2026-04-20T12:00:00Z"})
	d1 := delete.decision with input as object.union(base, {"business": {"sells_or_shares": false}})
	d1.outcome == "unverified"
	{n.code | some n in d1.notices} == {"identity_not_verified", "record_kept"}
	d2 := delete.decision with input as object.union(base, {"business": {"sells_or_shares": true}, "consumer": {"residence": "US-CA", "opted_out_of_sale": true}})
	{n.code | some n in d2.notices} == {"identity_not_verified", "record_kept"}
}

test_day_before_the_response_date_is_still_pending if {
	d := delete.decision with input as object.union(ca, {"as_of": "2026-04-15T12:00:00Z"})
	d.outcome == "pending_verification"
}

va := {"kind": "delete", "received_at": "2026-03-02", "consumer": {"residence": "US-VA"}, "business": {"consumers_per_year": 200000}}

test_appeal_instructions_when_declining_under_vcdpa if {
	d := delete.decision with input as object.union(va, {"as_of": "2026-04-20T00:00:00Z"})
	d.outcome == "unverified"
	some n in d.notices
	n.code == "appeal_instructions"
	n == {"code": "appeal_instructions", "law": "VCDPA", "citation": "Va. Code § 59.1-577(C)", "due": "2026-04-16", "text": "You may appeal this decision; we will answer your appeal within 60 days of receiving it."}
	not "record_kept" in {n.code | some n in d.notices}
}

test_supervisory_authority_complaint_when_declining_under_gdpr if {
	inp := {"kind": "delete", "received_at": "2026-03-02", "as_of": "2026-04-10T00:00:00Z", "consumer": {"residence": "DE"}, "business": {"eu_establishment": true, "eu_member_state": "DE"}}
	d := delete.decision with input as inp
	d.outcome == "unverified"
	some n in d.notices
	n.code == "supervisory_authority_complaint"
	n.law == "GDPR"
	n.citation == "GDPR Art. 12(4); Art. 77; Art. 79"
}

test_utah_extension_notice_states_its_length if {
	inp := {"kind": "delete", "received_at": "2026-03-02", "consumer": {"residence": "US-UT"}, "business": {"annual_revenue_usd": 30000000, "consumers_per_year": 200000}, "extension": {"reason": "the request covers twelve systems"}}
	d := delete.decision with input as inp
	some n in d.notices
	n.code == "extension_notice"
	n.due == "2026-04-16"
	n.text == "We need more time to respond: the request covers twelve systems. We will respond by 2026-05-31 (an extension of 45 days)."
	n.citation == "Utah Code § 13-61-203(2) (with the extension's length and reasons)"
}

test_extension_notice_without_length_elsewhere if {
	d := delete.decision with input as object.union(ca, {"extension": {"reason": "complex"}})
	some n in d.notices
	n.code == "extension_notice"
	n.text == "We need more time to respond: complex. We will respond by 2026-05-31."
}

test_directives_only_once_verified if {
	r := [{"id": "sp-1", "name": "Mailer", "role": "service_provider", "received_via": "disclosure"}]
	d1 := delete.decision with input as object.union(ca, {"recipients": r})
	d1.directives == []
	d2 := delete.decision with input as object.union(ca, {"recipients": r, "verification": verified})
	[x.recipient | some x in d2.directives] == ["sp-1"]
}

test_no_plan_without_a_law if {
	d := delete.decision with input as object.union(ca, {"consumer": {"residence": "US-NY"}})
	not d.plan
	d.escalations == []
}

item(id, extra) := object.union({"id": id, "system": "crm", "system_type": "crm", "category": "contact", "source": "consumer"}, extra)

test_full_deletion if {
	d := delete.decision with input as object.union(ca, {"verification": verified, "data": [item("a", {}), item("b", {"system_type": "marketing"})]})
	d.outcome == "full_deletion"
	[i.action | some i in d.items] == ["delete", "delete"]
	{n.code | some n in d.notices} == {"deletion_confirmed", "record_kept"}
}

test_nothing_found_after_discovery_is_full_deletion if {
	d := delete.decision with input as object.union(ca, {"verification": verified, "events": {"discovery_completed_at": "2026-03-05T00:00:00Z"}})
	d.outcome == "full_deletion"
}

test_partial_deletion_explains_and_offers_opt_out if {
	inp := object.union(ca, {
		"verification": verified,
		"business": {"sells_or_shares": true, "opt_out_url": "https://example.com/opt-out"},
		"data": [item("a", {}), item("tax", {"system_type": "financial", "category": "tax_record", "exceptions": [{"basis": "legal_obligation", "until": "2032-12-31"}]})],
	})
	d := delete.decision with input as inp
	d.outcome == "partial_deletion"
	{n.code | some n in d.notices} == {"partial_deletion_explained", "offer_opt_out", "record_kept"}
	some n in d.notices
	n.code == "partial_deletion_explained"
	contains(n.text, "tax_record (legal_obligation, Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1))")
}

test_denied_when_everything_is_kept if {
	d := delete.decision with input as object.union(ca, {"verification": verified, "data": [item("tax", {"exceptions": [{"basis": "legal_obligation"}]})]})
	d.outcome == "denied"
	"denial_explained" in {n.code | some n in d.notices}
}

test_legal_hold_is_kept_and_legal_is_told if {
	d := delete.decision with input as object.union(ca, {"verification": verified, "data": [item("a", {}), item("h", {"legal_hold": true})]})
	d.outcome == "partial_deletion"
	{n.code | some n in d.notices} == {"legal_hold", "record_kept"}
	{[e.trigger, e.level] | some e in d.escalations} == {["legal_hold", 3]}
	some i in d.items
	i.id == "h"
	i.action == "retain"
}

test_disputed_claim_needs_review if {
	d := delete.decision with input as object.union(ca, {"verification": verified, "data": [item("a", {"exceptions": [{"basis": "security_integrity", "disputed": true}]})]})
	d.outcome == "needs_review"
	{e.trigger | some e in d.escalations} == {"legal_exception_unclear"}
	not "delete" in {i.action | some i in d.items}
}

test_no_items_before_verification if {
	d := delete.decision with input as object.union(ca, {"data": [item("a", {})]})
	d.items == []
}

# no_date stands for a date built-in that fails under stock OPA without
# strict built-in errors (opa run --server by default): it is undefined.
no_date(date, _, _) := date if date == "never"

test_no_decision_with_a_deadline_missing if {
	delete.decision.deadlines.acknowledge_by == "2026-03-16" with input as ca
	not delete.decision with input as ca with dsrkit.add_business_days as no_date
}

test_no_decision_with_a_plan_date_missing if {
	plan_without_verify := {"intake": "2026-03-03", "acknowledge": "2026-03-16", "discover": "2026-03-20", "analyze_exceptions": "2026-03-27", "execute_deletion": "2026-04-03", "notify_recipients": "2026-04-03", "respond": "2026-04-16"}
	not delete.decision with input as ca with data.dsrkit.procedure.due as plan_without_verify
}

test_uncovered_decision_needs_no_dates if {
	delete.decision.outcome == "not_covered" with input as object.union(ca, {"consumer": {"residence": "US-NY"}}) with dsrkit.add_business_days as no_date
}

# --- Each notice cites the applicable law's own provisions -------------------

# marks: what shows a citation of each law.
marks := {
	"CCPA": ["Cal. ", "§ 70", "§ 1798"],
	"VCDPA": ["Va. Code"],
	"CPA": ["Colo. Rev. Stat.", "4 CCR 904-3", "C.R.S."],
	"CTDPA": ["Conn. "],
	"UCPA": ["Utah Code"],
	"GDPR": ["GDPR", "Reg. 1182/71"],
}

# own(law, s): s names no other law's provision.
own(law, s) if {
	every other, ms in marks {
		free_of(law, other, ms, s)
	}
}

free_of(law, other, _, _) if law == other

free_of(law, other, ms, s) if {
	law != other
	every m in ms {
		not contains(s, m)
	}
}

# one_law(law, extra): a request to delete decided as if only law applied.
one_law(law, extra) := d if {
	inp := object.union(
		{
			"kind": "delete", "received_at": "2026-03-02", "as_of": "2026-03-20T12:00:00Z",
			"consumer": {"residence": "US-CA"}, "business": {"time_zone": "UTC", "sells_or_shares": true},
			"verification": {"method": "account_login", "reauthenticated": true},
			"extension": {"reason": "the request is complex"},
		},
		extra,
	)
	d := delete.decision with input as inp with data.dsrkit.applicability.applies as {law}
}

scenarios := {
	"full": {"data": [{"id": "a", "source": "consumer"}]},
	"partial": {"data": [
		{"id": "a", "source": "consumer"},
		{"id": "b", "source": "consumer", "category": "tax_record", "exceptions": [{"basis": "legal_obligation"}]},
		{"id": "c", "source": "consumer", "legal_hold": true},
	]},
	"denied": {"data": [{"id": "b", "source": "consumer", "category": "tax_record", "exceptions": [{"basis": "legal_claims"}]}]},
	"unverified": {"as_of": "2026-06-30T12:00:00Z", "verification": {"method": "none"}},
	"more_information": {"verification": {"method": "data_matching", "matched_data_points": 0, "info_requested_at": "2026-03-03T09:00:00Z"}},
}

test_every_delete_notice_under_one_law_cites_only_that_law if {
	every law in object.keys(marks) {
		every extra in scenarios {
			d := one_law(law, extra)
			count(d.notices) > 0
			every n in d.notices {
				n.citation != ""
				own(law, n.citation)
				own(law, n.text)
			}
		}
	}
}

codes_of(law, name) := {n.code | some n in one_law(law, scenarios[name]).notices}

test_the_notices_each_law_gets if {
	codes_of("VCDPA", "full") == {"deletion_confirmed", "extension_notice"}
	codes_of("GDPR", "partial") == {"partial_deletion_explained", "legal_hold", "supervisory_authority_complaint", "extension_notice"}
	codes_of("UCPA", "denied") == {"denial_explained", "extension_notice"}
	codes_of("CPA", "unverified") == {"identity_not_verified", "appeal_instructions", "extension_notice"}
	codes_of("CTDPA", "more_information") == {"request_more_information", "extension_notice"}
	codes_of("CCPA", "partial") == {"partial_deletion_explained", "legal_hold", "offer_opt_out", "record_kept", "extension_notice"}
	[c] := [n.citation | some n in one_law("VCDPA", scenarios.full).notices; n.code == "deletion_confirmed"]
	c == "Va. Code § 59.1-577(B)(1)"
	[h] := [n.citation | some n in one_law("UCPA", scenarios.partial).notices; n.code == "legal_hold"]
	h == "Utah Code § 13-61-304(1)(a)–(b), (d)"
	[g] := [n.citation | some n in one_law("GDPR", scenarios.partial).notices; n.code == "legal_hold"]
	g == "GDPR Art. 17(3)(b), (e)"
	[a] := [n.text | some n in one_law("CPA", scenarios.unverified).notices; n.code == "appeal_instructions"]
	a == "You may appeal this decision; we will answer your appeal within 45 days of receiving it, or, if we tell you within those 45 days that we need more time and why, within 60 further days."
	[v] := [n.text | some n in one_law("VCDPA", scenarios.unverified).notices; n.code == "appeal_instructions"]
	v == "You may appeal this decision; we will answer your appeal within 60 days of receiving it."
}

test_marks_see_a_foreign_citation if {
	not own("VCDPA", "Cal. Code Regs. tit. 11, § 7022(e)")
	not own("CTDPA", "see § 7028(a)")
	own("CCPA", "Cal. Code Regs. tit. 11, § 7022(e)")
}

# --- Notices a law has only when its data says so (issue 15) --------------------

unverified_seller := object.union(ca, {
	"as_of": "2026-04-16T12:00:00Z",
	"verification": {"method": "data_matching", "matched_data_points": 1},
	"business": {"sells_or_shares": true},
})

# The opt-out offer and the record notice are the CCPA's (law.delete
# offer_opt_out, record_notice), cited to its § 7022: a law without the keys
# (VCDPA) gets neither.
test_offer_and_record_notices_come_from_the_law_data if {
	d := delete.decision with input as unverified_seller
	{[n.code, n.citation] | some n in d.notices; n.code in {"offer_opt_out", "record_kept"}} == {
		["offer_opt_out", "Cal. Code Regs. tit. 11, § 7022(a), (g); Cal. Civ. Code § 1798.120"],
		["record_kept", "Cal. Code Regs. tit. 11, § 7022(e)"],
	}
	va := delete.decision with input as object.union(unverified_seller, {"consumer": {"residence": "US-VA"}, "business": {"annual_revenue_usd": 0, "consumers_per_year": 200000}})
	va.outcome == "unverified"
	{n.code | some n in va.notices} & {"offer_opt_out", "record_kept"} == set()
}

# A new law whose data has the keys gets the notices with its own
# citations, with no rule change.
test_a_law_with_the_keys_gets_the_notices if {
	vcdpa := data.dsrkit.laws.vcdpa.law
	xx := object.union(vcdpa, {"delete": {"offer_opt_out": {"citation": "XX Code § 7"}, "record_notice": {"citation": "XX Code § 8"}}})
	inp := object.union(unverified_seller, {"consumer": {"residence": "US-VA"}, "business": {"annual_revenue_usd": 0, "consumers_per_year": 200000}})
	d := delete.decision with input as inp with data.dsrkit.laws.vcdpa.law as xx
	{[n.code, n.citation] | some n in d.notices; n.code in {"offer_opt_out", "record_kept"}} == {
		["offer_opt_out", "XX Code § 7"],
		["record_kept", "XX Code § 8"],
	}
}
