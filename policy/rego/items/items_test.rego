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

test_security_integrity_is_kept_under_ccpa_and_goes_to_legal_under_gdpr if {
	ccpa := one({"CCPA"}, prod(claim("security_integrity")))
	ccpa.action == "retain"
	ccpa.method == "retain; restrict use"
	ccpa.exception == {"basis": "security_integrity", "law": "CCPA", "citation": "Cal. Civ. Code § 1798.105(d)(2)"}
	ccpa.use_limited_to == ["security_integrity"]
	not ccpa.retain_until
	r := reason(ccpa, "exception_applies", "CCPA")
	r.message == "security_integrity is an exception to deletion under CCPA (only to the extent the use is reasonably necessary and proportionate): retain the item and use it only for that purpose"
	r.citation == "Cal. Civ. Code § 1798.105(d)(2)"

	# D10: under the GDPR fraud and security records rest on legitimate
	# interests; the request objects, and Legal weighs the grounds.
	both := one({"CCPA", "GDPR"}, prod(claim("security_integrity")))
	both.action == "retain"
	not both.exception
	not both.use_limited_to
	codes(both) == {"needs_review"}
	n := reason(both, "needs_review", "GDPR")
	n.citation == "GDPR Art. 17(1)(c); Art. 21(1); Art. 6(1)(f)"
	n.message == "under GDPR the item is processed on legitimate interests (fraud prevention and network security are such interests: Recitals 47, 49), and the request objects to it: whether compelling legitimate grounds override the objection is for Legal to decide (record legitimate_interests_assessed once they are assessed and documented); the item is kept, its use restricted, until Legal decides"
	n.rule == "data.dsrkit.items.item_reasons"
	items.review == {"a"} with input as req([prod(claim("security_integrity"))]) with data.dsrkit.applicability.applies as {"CCPA", "GDPR"}
	[e] := [x | some x in items.escalations] with input as req([prod(claim("security_integrity"))]) with data.dsrkit.applicability.applies as {"CCPA", "GDPR"}
	e.reason == "exception claims Legal must decide (disputed, unknown basis, a law without an exception table, or legitimate-interest grounds not yet assessed); the items are kept with restricted use meanwhile: items a"

	# Once the grounds are assessed and documented, both laws keep it.
	assessed := prod(object.union(claim("security_integrity"), {"legitimate_interests_assessed": true}))
	kept := one({"CCPA", "GDPR"}, assessed)
	kept.action == "retain"
	kept.exception == {"basis": "security_integrity", "law": "CCPA", "citation": "CCPA: Cal. Civ. Code § 1798.105(d)(2); GDPR: GDPR Art. 17(1)(c); Art. 21(1)"}
	kept.use_limited_to == ["security_integrity"]
	codes(kept) == {"exception_applies", "erasure_not_required"}
	g := reason(kept, "erasure_not_required", "GDPR")
	g.citation == "GDPR Art. 17(1)(c); Art. 21(1)"
	g.message == "the item is processed on legitimate interests (fraud prevention and network security are such interests: Recitals 47, 49), and the request objects to it; compelling legitimate grounds that override the objection were assessed and documented: no ground of Art. 17(1) holds, so GDPR does not require erasure while security_integrity lasts; use the item only for that purpose"
	gdpr := one({"GDPR"}, assessed)
	gdpr.exception == {"basis": "security_integrity", "law": "GDPR", "citation": "GDPR Art. 17(1)(c); Art. 21(1)"}
}

# D10: a contract still being performed (an open order, an active
# warranty) means no Art. 17(1) ground holds while it lasts.
test_an_open_order_is_kept_under_ccpa_and_gdpr if {
	d := one({"CCPA", "GDPR"}, prod(claim("complete_transaction")))
	d.action == "retain"
	d.exception == {"basis": "complete_transaction", "law": "CCPA", "citation": "CCPA: Cal. Civ. Code § 1798.105(d)(1); GDPR: GDPR Art. 17(1)(a)–(b); Art. 6(1)(b)"}
	d.use_limited_to == ["complete_transaction"]
	not d.retain_until
	codes(d) == {"exception_applies", "erasure_not_required"}
	reason(d, "erasure_not_required", "GDPR").message == "the item is still needed to perform a contract with the data subject: no ground of Art. 17(1) holds, so GDPR does not require erasure while complete_transaction lasts; use the item only for that purpose"
	not reason(d, "exception_not_recognised", "GDPR")
}

test_an_active_warranty_is_kept_under_gdpr_until_it_expires if {
	d := one({"GDPR"}, prod({"exceptions": [{"basis": "warranty_or_recall", "until": "2027-01-31"}]}))
	d.action == "retain"
	d.method == "retain; restrict use"
	d.exception == {"basis": "warranty_or_recall", "law": "GDPR", "citation": "GDPR Art. 17(1)(a)–(b); Art. 6(1)(b)"}
	d.retain_until == "2027-01-31"
	d.use_limited_to == ["warranty_or_recall"]
	reason(d, "erasure_not_required", "GDPR").message == "the item is still needed to perform a contract with the data subject: no ground of Art. 17(1) holds, so GDPR does not require erasure until 2027-01-31 (warranty_or_recall); use the item only for that purpose"

	# An expired warranty no longer shows a contract: a ground holds.
	ended := one({"GDPR"}, prod({"exceptions": [{"basis": "warranty_or_recall", "until": "2026-01-31"}]}))
	ended.action == "delete"
	codes(ended) == {"exception_expired", "delete"}
	reason(ended, "delete", "GDPR").citation == "GDPR Art. 17(1)"
}

# D10: a stated lawful basis or necessity overrides the defaults.
test_stated_facts_decide_whether_a_gdpr_ground_holds if {
	order := claim("complete_transaction")
	consent := one({"GDPR"}, prod(object.union(order, {"lawful_basis": "consent"})))
	consent.action == "delete"
	r := reason(consent, "delete", "GDPR")
	r.citation == "GDPR Art. 17(1)(b); Art. 7(3)"
	r.message == "no exception keeps the item under GDPR: delete it (the item is processed on consent alone, which the request withdraws)"

	done := one({"GDPR"}, prod(object.union(order, {"still_necessary": false})))
	done.action == "delete"
	reason(done, "delete", "GDPR").citation == "GDPR Art. 17(1)(a)"

	contract := one({"GDPR"}, prod({"lawful_basis": "contract"}))
	contract.action == "retain"
	contract.exception == {"basis": "contract", "law": "GDPR", "citation": "GDPR Art. 17(1)(a)–(b); Art. 6(1)(b)"}
	contract.use_limited_to == ["contract"]
	not contract.retain_until
	reason(contract, "erasure_not_required", "GDPR").message == "the item is still needed to perform a contract with the data subject: no ground of Art. 17(1) holds, so GDPR does not require erasure while contract lasts; use the item only for that purpose"

	one({"GDPR"}, prod({"lawful_basis": "legal_obligation"})).exception.citation == "GDPR Art. 17(1)(a)–(b); Art. 6(1)(c)"
	one({"GDPR"}, prod({"lawful_basis": "vital_interests"})).exception.citation == "GDPR Art. 17(1)(a)–(b); Art. 6(1)(d)"

	li := one({"GDPR"}, prod({"lawful_basis": "legitimate_interests"}))
	li.action == "retain"
	codes(li) == {"needs_review"}
	task := one({"GDPR"}, prod({"lawful_basis": "public_task"}))
	reason(task, "needs_review", "GDPR").citation == "GDPR Art. 17(1)(c); Art. 21(1); Art. 6(1)(e)"
	task_ok := one({"GDPR"}, prod({"lawful_basis": "public_task", "legitimate_interests_assessed": true}))
	task_ok.exception == {"basis": "public_task", "law": "GDPR", "citation": "GDPR Art. 17(1)(c); Art. 21(1)"}
	not reason(task_ok, "erasure_not_required", "GDPR").playbook_rule
}

test_direct_marketing_and_unclaimed_data_are_erased_under_gdpr if {
	m := one({"GDPR"}, prod(object.union(claim("security_integrity"), {"system_type": "marketing"})))
	m.action == "delete"
	reason(m, "delete", "GDPR").citation == "GDPR Art. 17(1)(c); Art. 21(2)–(3)"
	reason(m, "delete", "GDPR").message == "no exception keeps the item under GDPR: delete it (the item is used for direct marketing, to which the data subject may object at any time)"

	# A stated basis displaces the direct-marketing default (a suppression list).
	one({"GDPR"}, prod({"system_type": "marketing", "lawful_basis": "legal_obligation"})).action == "retain"

	plain := one({"GDPR"}, prod({}))
	plain.action == "delete"
	reason(plain, "delete", "GDPR").citation == "GDPR Art. 17(1)"
	reason(plain, "delete", "GDPR").message == "no exception keeps the item under GDPR: delete it (nothing shows that the item is still needed for a contract with the data subject or rests on overriding legitimate grounds, so a ground of Art. 17(1) is taken to hold)"
}

# D10, several laws: deleted when any applicable law requires it and none of
# that law's grounds keeps it; kept when each law keeps it, on its own ground.
test_each_law_keeps_on_its_own_ground if {
	two := {"exceptions": [{"basis": "debug_repair", "until": "2027-01-01"}, {"basis": "public_health", "until": "2028-01-01"}]}
	d := one({"CCPA", "GDPR"}, prod(two))
	d.action == "retain"
	d.exception == {"basis": "debug_repair", "law": "CCPA", "citation": "CCPA: Cal. Civ. Code § 1798.105(d)(3); GDPR: GDPR Art. 17(3)(c)"}
	d.use_limited_to == ["debug_repair", "public_health"]
	d.retain_until == "2027-01-01"
	{[r.code, r.law] | some r in d.reasons; r.code == "exception_applies"} == {["exception_applies", "CCPA"], ["exception_applies", "GDPR"]}

	# One law keeps it, another requires the deletion: deleted.
	e := one({"CCPA", "VCDPA"}, prod(claim("calecpa")))
	e.action == "delete"
	{r.law | some r in e.reasons; r.code == "delete"} == {"VCDPA"}

	# Legal's review under one law does not hold up a deletion another law requires.
	f := one({"CCPA", "GDPR"}, prod({"lawful_basis": "legitimate_interests"}))
	f.action == "delete"
	{r.law | some r in f.reasons; r.code == "delete"} == {"CCPA"}

	# A backup waits when every law that requires its deletion lets it.
	g := one({"CCPA", "GDPR"}, prod({"system_type": "backup", "lawful_basis": "contract"}))
	g.action == "defer"
	{[r.code, r.law] | some r in g.reasons; r.law} == {["backup_deferred", "CCPA"], ["erasure_not_required", "GDPR"]}
}

# Every basis under every law: kept when the law's table lists it, deleted
# otherwise (one law at a time).
test_every_basis_under_every_law if {
	every law in {l.id | some pkg; l := data.dsrkit.laws[pkg].law} {
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
	not items.grounds[law].implied_by_claim[basis]
	d.action == "delete"
	reason(d, "exception_not_recognised", law).citation == items.exception_lists[law]
}

# Under the GDPR a contract claim shows no ground holds; a security claim
# goes to Legal (D10).
expect_basis(law, basis, d) if {
	items.grounds[law].implied_by_claim[basis] == "contract"
	d.action == "retain"
	d.exception == {"basis": basis, "law": law, "citation": "GDPR Art. 17(1)(a)–(b); Art. 6(1)(b)"}
}

expect_basis(law, basis, d) if {
	items.grounds[law].implied_by_claim[basis] == "legitimate_interests"
	d.action == "retain"
	codes(d) == {"needs_review"}
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
	d.exception == {"basis": "legal_obligation", "law": "CCPA", "citation": "Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1)(E)"}
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
	d.exception.citation == "CCPA: Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1)(E); GDPR: GDPR Art. 17(3)(b), (e); UCPA: Utah Code § 13-61-304(1)(a)–(b), (d)"
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
	d := one({"XXDPA"}, prod({"legal_hold": true}))
	d.exception.citation == "dsrkit reading D3"
	reason(d, "legal_hold", "XXDPA").citation == "dsrkit reading D3"
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
	codes(d) == {"needs_review"}
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
	d := one({"CCPA", "XXDPA"}, prod(claim("legal_obligation")))
	d.action == "retain"
	reason(d, "needs_review", "").message == "this policy has no exception table for XXDPA, so the claim legal_obligation cannot be checked: the item is kept, its use restricted, until Legal decides"
	plain := one({"XXDPA"}, prod({}))
	plain.action == "delete"
	reason(plain, "delete", "XXDPA").citation == "dsrkit reading D1"
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

# Household data (data[].household) is outside the CCPA's duty to delete
# (Cal. Civ. Code § 1798.145(p)): no law requires its deletion under the
# CCPA alone, so the playbook decides; a law without the exclusion still
# reaches it.
test_household_data_is_outside_the_ccpa_duty_to_delete if {
	ca := one({"CCPA"}, prod({"household": true}))
	codes(ca) == {"household_data", "playbook_action"}
	ca.action == "delete"
	r := reason(ca, "household_data", "CCPA")
	r.citation == "Cal. Civ. Code § 1798.145(p)"
	r.message == "CCPA's duty to delete does not reach household data (personal information about a group of consumers who share a residence, not about this consumer alone); this item is household data (provision cited from memory, FACTS CA-15: for counsel)"
	r.rule == "data.dsrkit.items.item_reasons"
	kept := one({"CCPA"}, prod({"household": true, "exceptions": [{"basis": "free_speech"}]}))
	kept.action == "not_required"
	codes(one({"CCPA"}, prod({"household": false}))) == {"delete", "alternatives_allowed"}
	codes(one({"CCPA", "VCDPA"}, prod({"household": true}))) == {"delete"}
	codes(one({"VCDPA"}, prod({"household": true}))) == {"delete"}
	items.note_suffix({"text": "x", "citation": "y"}) == ""
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
	vcdpa := one({"VCDPA"}, prod({"exceptions": [{"basis": "calecpa", "rule": "calecpa-rule"}]}))
	vcdpa.action == "delete"
	reason(vcdpa, "exception_not_recognised", "VCDPA").playbook_rule == "calecpa-rule"
	fraud := one({"GDPR"}, prod(by_rule))
	reason(fraud, "needs_review", "GDPR").playbook_rule == "fraud-records"
	not reason(one({"GDPR"}, prod({"lawful_basis": "legitimate_interests"})), "needs_review", "GDPR").playbook_rule
	order := one({"GDPR"}, prod({"exceptions": [{"basis": "complete_transaction", "rule": "active-order"}]}))
	reason(order, "erasure_not_required", "GDPR").playbook_rule == "active-order"
	not reason(one({"CCPA"}, prod(claim("security_integrity"))), "exception_applies", "CCPA").playbook_rule
}

test_one_basis_kept_on_two_grounds_cites_both if {
	ks := [
		{"basis": "legal_obligation", "citation": "GDPR Art. 17(3)(b)"},
		{"basis": "legal_obligation", "citation": "GDPR Art. 17(1)(a)–(b); Art. 6(1)(c)"},
	]
	items.law_basis_citation(ks, "legal_obligation") == "GDPR Art. 17(1)(a)–(b); Art. 6(1)(c); GDPR Art. 17(3)(b)"
	items.law_basis_citation(ks, "legal_claims") == "GDPR Art. 17(3)(b)"
}
