package dsrkit.items_test

import data.dsrkit.items

req(data_items) := {
	"kind": "delete",
	"received_at": "2026-03-02",
	"consumer": {"residence": "US-CA"},
	"business": {"time_zone": "America/Los_Angeles"},
	"data": data_items,
}

# decide evaluates the items of a request under the given applicable laws.
decide(laws, data_items) := d if {
	d := items.decisions with input as req(data_items)
		with data.dsrkit.applicability.applies as laws
}

# one is the decision of a single item.
one(laws, item) := d if {
	[d] := decide(laws, [item])
}

codes(d) := {r.code | some r in d.reasons}

# reason finds the reason with a code (and, for a law reason, its law).
reason(d, code, law) := r if {
	some r in d.reasons
	r.code == code
	object.get(r, "law", "") == law
}

prod(extra) := object.union({"id": "a", "system": "orders", "system_type": "production_db", "source": "consumer"}, extra)

claim(basis) := {"exceptions": [{"basis": basis}]}

test_no_claim_is_deleted_with_the_system_method if {
	d := one({"CCPA"}, prod({}))
	d.action == "delete"
	d.method == "DELETE command, verify removal"
	codes(d) == {"delete", "alternatives_allowed"}
	reason(d, "delete", "CCPA").citation == "Cal. Civ. Code § 1798.105(c)(1)"
	reason(d, "delete", "CCPA").message == "no exception keeps the item under CCPA: delete it"
	reason(d, "delete", "CCPA").rule == "data.dsrkit.items.item_reasons"
	reason(d, "alternatives_allowed", "CCPA").citation == "Cal. Code Regs. tit. 11, § 7022(b)(1)"
	not d.exception
	not d.use_limited_to
}

test_deidentify_or_aggregate_only_where_every_law_allows_it if {
	d := one({"CCPA", "GDPR"}, prod({}))
	d.action == "delete"
	codes(d) == {"delete"}
	reason(d, "delete", "GDPR").citation == "GDPR Art. 17(1)"
	reason(d, "delete", "CCPA").citation == "Cal. Civ. Code § 1798.105(c)(1)"
	codes(one({"VCDPA"}, prod({}))) == {"delete"}
}

test_method_of_each_system_type if {
	every t in ["production_db", "crm", "ecommerce", "marketing", "support", "analytics", "financial", "hr", "email_archive", "file_system", "cloud_service", "processor"] {
		one({"VCDPA"}, prod({"system_type": t})).method == items.methods[t]
	}
	one({"CCPA"}, prod({"system_type": "crm"})).method == "delete or anonymize record"
	one({"CCPA"}, prod({"system_type": "marketing"})).method == "unsubscribe and purge"
	one({"CCPA"}, {"id": "x"}).method == "delete, verify removal"
}

test_security_integrity_is_kept_under_ccpa_and_deleted_under_gdpr if {
	ccpa := one({"CCPA"}, prod(claim("security_integrity")))
	ccpa.action == "retain"
	ccpa.method == "retain; restrict use"
	ccpa.exception == {"basis": "security_integrity", "law": "CCPA", "citation": "Cal. Civ. Code § 1798.105(d)(2)"}
	ccpa.use_limited_to == ["security_integrity"]
	not ccpa.retain_until
	r := reason(ccpa, "exception_applies", "CCPA")
	r.message == "security_integrity is an exception to deletion under CCPA (only to the extent the use is reasonably necessary and proportionate): retain the item and use it only for that purpose"
	r.citation == "Cal. Civ. Code § 1798.105(d)(2)"

	both := one({"CCPA", "GDPR"}, prod(claim("security_integrity")))
	both.action == "delete"
	not both.exception
	codes(both) == {"exception_not_recognised", "delete"}
	n := reason(both, "exception_not_recognised", "GDPR")
	n.citation == "GDPR Art. 17(3)(a)–(e)"
	n.message == "security_integrity is not an exception to deletion under GDPR: it does not justify keeping the item"
	not reason(both, "exception_not_recognised", "CCPA")
}

# Every basis under every law: kept when the law's table lists it, deleted
# otherwise (one law at a time).
test_every_basis_under_every_law if {
	every law in {"CCPA", "VCDPA", "CPA", "CTDPA", "UCPA", "GDPR"} {
		every basis in items.bases {
			d := one({law}, prod(claim(basis)))
			expect_basis(law, basis, d)
		}
	}
}

expect_basis(law, basis, d) if {
	items.exceptions[law][basis]
	d.action == "retain"
	d.exception == {"basis": basis, "law": law, "citation": items.exceptions[law][basis]}
}

expect_basis(law, basis, d) if {
	not items.exceptions[law][basis]
	d.action == "delete"
	reason(d, "exception_not_recognised", law).citation == items.exception_lists[law]
}

test_research_under_ccpa_is_kept_on_the_consents_condition if {
	d := one({"CCPA"}, prod(claim("research_public_interest")))
	d.action == "retain"
	d.exception.citation == "Cal. Civ. Code § 1798.105(d)(6)"
	contains(reason(d, "exception_applies", "CCPA").message, "only if the consumer has given informed consent")
	contains(reason(one({"UCPA"}, prod(claim("research_public_interest"))), "exception_applies", "UCPA").message, "§ 13-61-302")
}

test_calecpa_is_californian_only if {
	one({"CCPA"}, prod(claim("calecpa"))).action == "retain"
	one({"CCPA", "VCDPA"}, prod(claim("calecpa"))).action == "delete"
}

test_life_safety_is_not_a_ccpa_exception if {
	one({"VCDPA", "CPA", "CTDPA", "UCPA"}, prod(claim("life_safety"))).action == "retain"
	one({"CCPA"}, prod(claim("life_safety"))).action == "delete"
	one({"GDPR"}, prod(claim("life_safety"))).action == "delete"
}

test_two_laws_that_both_recognise_the_basis if {
	d := one({"GDPR", "CCPA"}, prod({"exceptions": [{"basis": "legal_obligation", "until": "2032-12-31", "note": "tax records, 7 years"}]}))
	d.action == "retain"
	d.exception == {
		"basis": "legal_obligation",
		"law": "CCPA",
		"citation": "CCPA: Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1); GDPR: GDPR Art. 17(3)(b)",
	}
	d.retain_until == "2032-12-31"
	d.use_limited_to == ["legal_obligation"]
	codes(d) == {"exception_applies"}
	reason(d, "exception_applies", "GDPR").citation == "GDPR Art. 17(3)(b)"
	reason(d, "exception_applies", "GDPR").message == "legal_obligation is an exception to deletion under GDPR: retain the item until 2032-12-31 and use it only for that purpose"
	reason(d, "exception_applies", "CCPA").citation == "Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1)"
}

test_several_claims_keep_the_latest_until_and_limit_use_to_each if {
	d := one({"CCPA"}, prod({"exceptions": [
		{"basis": "complete_transaction", "until": "2026-04-30"},
		{"basis": "warranty_or_recall", "until": "2027-03-01"},
		{"basis": "security_integrity", "disputed": true},
	]}))
	d.action == "retain"
	d.exception.basis == "complete_transaction"
	d.retain_until == "2027-03-01"
	d.use_limited_to == ["complete_transaction", "warranty_or_recall"]
	not "needs_review" in codes(d)

	open := one({"CCPA"}, prod({"exceptions": [
		{"basis": "complete_transaction", "until": "2026-04-30"},
		{"basis": "legal_obligation"},
	]}))
	not open.retain_until
}

test_an_ended_exception_does_not_keep_the_item if {
	d := one({"CCPA"}, prod({"exceptions": [{"basis": "complete_transaction", "until": "2026-03-01"}]}))
	d.action == "delete"
	codes(d) == {"exception_expired", "delete", "alternatives_allowed"}
	r := reason(d, "exception_expired", "")
	r.message == "the claimed exception complete_transaction ended on 2026-03-01, before 2026-03-02: it no longer justifies keeping the item"
	r.citation == "dsrkit reading D6; Cal. Code Regs. tit. 11, § 7022(f)(2)"
	one({"CCPA"}, prod({"exceptions": [{"basis": "complete_transaction", "until": "2026-03-02"}]})).action == "retain"
}

test_legal_hold_alone if {
	d := one({"CCPA"}, prod({"legal_hold": true}))
	d.action == "retain"
	d.method == "retain; restrict use"
	d.exception == {"basis": "legal_obligation", "law": "CCPA", "citation": "Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1)"}
	d.use_limited_to == ["legal_claims", "legal_obligation"]
	not d.retain_until
	codes(d) == {"legal_hold"}
	reason(d, "legal_hold", "CCPA").message == "the item is under legal hold: retained under CCPA (legal obligation, legal claims) whatever else is claimed, and not deleted while the hold lasts"
}

test_legal_hold_wins_over_every_other_claim_and_every_law if {
	inp := [prod({"legal_hold": true, "system_type": "backup", "source": "third_party", "exceptions": [
		{"basis": "security_integrity", "disputed": true},
		{"basis": "complete_transaction", "until": "2020-01-01"},
		{"basis": "no_such_basis"},
	]})]
	laws := {"CCPA", "GDPR", "UCPA"}
	[d] := decide(laws, inp)
	d.action == "retain"
	codes(d) == {"legal_hold"}
	d.exception.citation == "CCPA: Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1); GDPR: GDPR Art. 17(3)(b), (e); UCPA: Utah Code § 13-61-304(1)(a)–(b), (d)"
	reason(d, "legal_hold", "GDPR").citation == "GDPR Art. 17(3)(b), (e)"
	items.legal_hold with input as req(inp) with data.dsrkit.applicability.applies as laws
	not items.needs_review with input as req(inp) with data.dsrkit.applicability.applies as laws
	items.escalations == {{
		"trigger": "legal_hold",
		"reason": "data under legal hold is retained and its deletion not completed: items a",
	}} with input as req(inp)
		with data.dsrkit.applicability.applies as laws
	items.retained_categories == [] with input as req(inp) with data.dsrkit.applicability.applies as laws
}

test_legal_hold_under_a_law_without_a_table if {
	d := one({"OCPA"}, prod({"legal_hold": true}))
	d.exception.citation == "dsrkit reading D3"
	reason(d, "legal_hold", "OCPA").citation == "dsrkit reading D3"
}

test_legal_hold_notice_tells_no_detail if {
	not contains(items.legal_hold_notice, "litigation")
	contains(items.legal_hold_notice, "cannot be deleted at this time")
}

test_disputed_claim_is_kept_for_legal_and_never_deleted if {
	inp := [prod({"exceptions": [{"basis": "security_integrity", "disputed": true}]})]
	laws := {"CCPA", "GDPR"}
	[d] := decide(laws, inp)
	d.action == "retain"
	d.method == "retain; restrict use"
	not d.exception
	not d.use_limited_to
	codes(d) == {"needs_review", "exception_not_recognised"}
	r := reason(d, "needs_review", "")
	r.message == "the exception claim security_integrity is flagged disputed: the item is kept, its use restricted, until Legal decides"
	r.citation == "dsrkit reading D2; seed procedure step 4 (\"Consult Legal if complex exceptions apply\")"
	items.needs_review with input as req(inp) with data.dsrkit.applicability.applies as laws
	items.review == {"a"} with input as req(inp) with data.dsrkit.applicability.applies as laws
	items.escalations == {{
		"trigger": "legal_exception_unclear",
		"reason": "exception claims Legal must decide (disputed, unknown basis, or a law without an exception table); the items are kept with restricted use meanwhile: items a",
	}} with input as req(inp)
		with data.dsrkit.applicability.applies as laws
	one({"CCPA"}, prod({"exceptions": [{"basis": "legal_obligation", "disputed": true, "until": "2020-01-01"}]})).action == "retain"
}

test_disputed_backup_is_kept_not_deferred if {
	d := one({"CCPA"}, prod({"system_type": "backup", "exceptions": [{"basis": "legal_claims", "disputed": true}]}))
	d.action == "retain"
}

test_unknown_basis_string_goes_to_legal if {
	d := one({"CCPA"}, prod(claim("tax_retention")))
	d.action == "retain"
	codes(d) == {"needs_review"}
	startswith(reason(d, "needs_review", "").message, "tax_retention is not a known exception basis (one of: calecpa, complete_transaction, debug_repair,")
	items.needs_review with input as req([prod(claim("tax_retention"))]) with data.dsrkit.applicability.applies as {"CCPA"}
}

test_a_law_without_an_exception_table if {
	d := one({"CCPA", "OCPA"}, prod(claim("legal_obligation")))
	d.action == "retain"
	reason(d, "needs_review", "").message == "this policy has no exception table for OCPA, so the claim legal_obligation cannot be checked: the item is kept, its use restricted, until Legal decides"
	plain := one({"OCPA"}, prod({}))
	plain.action == "delete"
	reason(plain, "delete", "OCPA").citation == "dsrkit reading D1"
	real := one({"CCPA"}, prod({})) with data.dsrkit.items.duty as {}
	reason(real, "delete", "CCPA").citation == "Cal. Civ. Code § 1798.100 et seq."
}

test_backup_is_deferred_where_the_law_allows_it if {
	d := one({"CCPA"}, prod({"system_type": "backup"}))
	d.action == "defer"
	d.method == "delete from rotation or anonymize in next backup cycle"
	codes(d) == {"backup_deferred"}
	r := reason(d, "backup_deferred", "CCPA")
	r.citation == "Cal. Code Regs. tit. 11, § 7022(d)"
	r.message == "under CCPA deletion from the backup may wait until the archived or backup system is restored to an active system or is next accessed or used for a sale, disclosure, or commercial purpose; delete it then (seed procedure § 6)"

	a := one({"CPA", "CCPA"}, prod({"system_type": "archive"}))
	a.action == "defer"
	a.method == "delete from archive when it is restored or next accessed"
	reason(a, "backup_deferred", "CPA").citation == "4 CCR 904-3, Rule 4.06(C)"
	reason(a, "backup_deferred", "CCPA").citation == "Cal. Code Regs. tit. 11, § 7022(d)"
}

test_backup_is_deleted_now_where_a_law_has_no_backup_rule if {
	d := one({"VCDPA"}, prod({"system_type": "backup"}))
	d.action == "delete"
	d.method == "delete from backup media now, verify removal (seed procedure § 6.2, Option A)"
	codes(d) == {"delete", "backup_not_deferred"}
	r := reason(d, "backup_not_deferred", "VCDPA")
	r.citation == "Va. Code § 59.1-577(A)(3)"
	r.message == "VCDPA has no rule letting deletion from a backup wait until it is restored or next accessed: delete it from the backup within the response period"

	g := one({"CCPA", "GDPR"}, prod({"system_type": "archive"}))
	g.action == "delete"
	g.method == "delete from active archive now, verify removal (seed procedure § 6.3)"
	reason(g, "backup_not_deferred", "GDPR").citation == "GDPR Art. 17(1)"
	not reason(g, "backup_not_deferred", "CCPA")
}

test_excepted_backup_is_retained if {
	one({"CCPA"}, prod({"system_type": "backup", "exceptions": [{"basis": "legal_claims"}]})).action == "retain"
}

test_third_party_data_is_outside_utah_scope_but_inside_virginia if {
	item := prod({"source": "third_party"})
	ut := one({"UCPA"}, item)
	ut.action == "delete"
	ut.method == "DELETE command, verify removal"
	codes(ut) == {"outside_scope", "playbook_action"}
	r := reason(ut, "outside_scope", "UCPA")
	r.citation == "Utah Code § 13-61-201(2)"
	r.message == "UCPA reaches only personal data that the consumer provided to the controller; this item's source is third_party"
	reason(ut, "playbook_action", "").message == "no applicable law requires deleting this item; the playbook's out_of_scope_action is delete"
	reason(ut, "playbook_action", "").citation == "dsrkit reading D1"

	ca := one({"CCPA"}, item)
	reason(ca, "outside_scope", "CCPA").citation == "Cal. Civ. Code § 1798.105(a); § 1798.140(f)"

	both := one({"UCPA", "VCDPA"}, item)
	codes(both) == {"delete"}
	reason(both, "delete", "VCDPA").citation == "Va. Code § 59.1-577(A)(3)"
}

test_scope_by_source if {
	one({"CCPA"}, prod({"source": "observed"})).action == "delete"
	codes(one({"CCPA"}, prod({"source": "observed"}))) == {"delete", "alternatives_allowed"}
	codes(one({"UCPA"}, prod({"source": "observed"}))) == {"outside_scope", "playbook_action"}
	codes(one({"CCPA"}, prod({"source": "inferred"}))) == {"outside_scope", "playbook_action"}
	codes(one({"UCPA"}, {"id": "x"})) == {"delete"}
	every law in {"VCDPA", "CPA", "CTDPA", "GDPR"} {
		every s in items.sources {
			codes(one({law}, prod({"source": s}))) == {"delete"}
		}
	}
}

test_exception_only_needs_the_laws_that_reach_the_item if {
	d := one({"CCPA", "VCDPA"}, prod({"source": "third_party", "exceptions": [{"basis": "life_safety"}]}))
	d.action == "retain"
	d.exception == {"basis": "life_safety", "law": "VCDPA", "citation": "Va. Code § 59.1-582(A)(6)"}
}

test_out_of_scope_item_with_a_claim_is_not_required if {
	d := one({"UCPA"}, prod({"source": "third_party", "exceptions": [{"basis": "free_speech"}, {"basis": "x", "disputed": true}]}))
	d.action == "not_required"
	d.method == "none: no law requires deleting this item"
	codes(d) == {"outside_scope", "not_required"}
	reason(d, "not_required", "").message == "no applicable law requires deleting this item and the business claims free_speech, x: it is not deleted"
	not d.exception
}

playbook_decides(item, action) := d if {
	[d] := items.decisions with input as object.union(req([item]), {"playbook": {"out_of_scope_action": action}})
		with data.dsrkit.applicability.applies as {"UCPA"}
}

test_the_playbook_decides_out_of_scope_items if {
	item := prod({"source": "third_party"})
	every a in ["not_required", "deidentify", "aggregate", "delete"] {
		d := playbook_decides(item, a)
		d.action == a
		reason(d, "playbook_action", "").message == sprintf("no applicable law requires deleting this item; the playbook's out_of_scope_action is %s", [a])
	}
	playbook_decides(item, "deidentify").method == items.other_methods.deidentify
	playbook_decides(item, "aggregate").method == items.other_methods.aggregate
	playbook_decides(item, "not_required").method == items.other_methods.not_required
	playbook_decides(item, "keep").action == "not_required"
	items.out_of_scope_action == "not_required" with input.playbook as {"out_of_scope_action": "keep"}
	items.out_of_scope_action == "delete" with input as {}
}

test_no_law_no_items if {
	decide(set(), [prod({})]) == []
}

test_summary_sets if {
	inp := [
		prod({"id": "del"}),
		prod({"id": "keep", "category": "order", "exceptions": [{"basis": "complete_transaction", "until": "2026-05-01"}]}),
		prod({"id": "keep2", "exceptions": [{"basis": "legal_obligation"}]}),
		prod({"id": "hold", "category": "support_ticket", "legal_hold": true}),
		prod({"id": "bak", "system_type": "backup"}),
		prod({"id": "out", "source": "third_party", "exceptions": [{"basis": "legal_claims"}]}),
		prod({"id": "rev", "exceptions": [{"basis": "legal_claims", "disputed": true}]}),
	]
	laws := {"UCPA"}
	[d.id | some d in decide(laws, inp)] == ["bak", "del", "hold", "keep", "keep2", "out", "rev"]
	items.retained == {"keep", "keep2", "hold", "rev"} with input as req(inp) with data.dsrkit.applicability.applies as laws
	items.deleted == {"del", "bak"} with input as req(inp) with data.dsrkit.applicability.applies as laws
	items.deferred == set() with input as req(inp) with data.dsrkit.applicability.applies as laws
	items.not_required == {"out"} with input as req(inp) with data.dsrkit.applicability.applies as laws
	items.held == {"hold"} with input as req(inp) with data.dsrkit.applicability.applies as laws
	items.review == {"rev"} with input as req(inp) with data.dsrkit.applicability.applies as laws
	items.retained_categories == [
		{"basis": "complete_transaction", "category": "order", "citation": "Utah Code § 13-61-304(1)(e)–(f)"},
		{"basis": "legal_obligation", "category": "other", "citation": "Utah Code § 13-61-304(1)(a)–(b)"},
	] with input as req(inp)
		with data.dsrkit.applicability.applies as laws
	count(items.escalations) == 2 with input as req(inp) with data.dsrkit.applicability.applies as laws
	items.deferred == {"bak"} with input as req(inp) with data.dsrkit.applicability.applies as {"CCPA"}
}

test_nothing_to_escalate if {
	inp := [prod({})]
	items.escalations == set() with input as req(inp) with data.dsrkit.applicability.applies as {"CCPA"}
	not items.legal_hold with input as req(inp) with data.dsrkit.applicability.applies as {"CCPA"}
	not items.needs_review with input as req(inp) with data.dsrkit.applicability.applies as {"CCPA"}
}

# The laws come from applicability: a Californian and a Coloradan request.
test_with_the_laws_that_apply if {
	inp := object.union(req([prod({"system_type": "archive"})]), {"business": {"annual_revenue_usd": 30000000, "consumers_per_year": 200000}})
	[d] := items.decisions with input as inp
	d.action == "defer"
	{r.law | some r in d.reasons} == {"CCPA"}
	co := object.union(inp, {"consumer": {"residence": "US-CO"}})
	[c] := items.decisions with input as co
	reason(c, "backup_deferred", "CPA").citation == "4 CCR 904-3, Rule 4.06(C)"
}

test_a_playbook_claim_names_its_rule_in_the_reasons if {
	by_rule := {"exceptions": [{"basis": "security_integrity", "rule": "fraud-records"}]}
	ccpa := one({"CCPA"}, prod(by_rule))
	reason(ccpa, "exception_applies", "CCPA").playbook_rule == "fraud-records"
	gdpr := one({"GDPR"}, prod(by_rule))
	gdpr.action == "delete"
	reason(gdpr, "exception_not_recognised", "GDPR").playbook_rule == "fraud-records"
	not reason(one({"CCPA"}, prod(claim("security_integrity"))), "exception_applies", "CCPA").playbook_rule
}
