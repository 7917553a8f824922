package dsrkit.verification_test

import data.dsrkit.verification

ca(extra) := object.union({"kind": "delete", "received_at": "2026-03-02", "consumer": {"residence": "US-CA"}, "business": {"time_zone": "America/Los_Angeles"}}, extra)

codes(inp) := c if {
	c := {r.code | some r in verification.reasons} with input as inp
}

test_ccpa_ordinary_data_two_points_verify if {
	inp := ca({"verification": {"method": "data_matching", "matched_data_points": 2}, "data": [{"id": "a"}]})
	verification.block == {
		"standard": "reasonable",
		"required_data_points": 2,
		"signed_declaration_required": false,
		"reauthentication_required": false,
		"status": "verified",
	} with input as inp
	codes(inp) == {"verified"}
}

test_ccpa_one_point_short_is_insufficient if {
	inp := ca({"verification": {"method": "data_matching", "matched_data_points": 1, "info_requested_at": "2026-03-05T10:00:00-08:00"}})
	b := verification.block with input as inp
	b.status == "insufficient"
	b.info_response_due == "2026-03-20"
	some r in verification.reasons with input as inp
	r.code == "data_points_short"
	r.message == "1 data point(s) matched; the reasonable standard asks for 2"
	r.citation == "Cal. Code Regs. tit. 11, § 7062(b)–(d)"
}

test_ccpa_sensitive_item_needs_three_points_and_a_declaration if {
	inp := ca({"verification": {"method": "data_matching", "matched_data_points": 3}, "data": [{"id": "a", "sensitive": true}]})
	b := verification.block with input as inp
	b.standard == "reasonably_high"
	b.required_data_points == 3
	b.signed_declaration_required == true
	b.status == "insufficient"
	codes(inp) == {"declaration_missing"}
	verification.status == "verified" with input as object.union(inp, {"verification": {"method": "data_matching", "matched_data_points": 3, "signed_declaration": true}})
}

test_account_holder_must_reauthenticate if {
	inp := ca({"verification": {"method": "account_login"}})
	verification.status == "pending" with input as inp
	verification.reauthentication_required with input as inp
	codes(inp) == {"reauthentication_needed"}
	verification.status == "verified" with input as ca({"verification": {"method": "account_login", "reauthenticated": true}})
}

test_nothing_done_yet_is_pending if {
	verification.status == "pending" with input as ca({})
	codes(ca({})) == {"not_yet_verified"}
}

test_fraud_suspected_blocks_even_a_match if {
	inp := ca({"verification": {"method": "data_matching", "matched_data_points": 4, "fraud_suspected": true}})
	verification.status == "insufficient" with input as inp
	codes(inp) == {"fraud_suspected"}
}

test_agents if {
	ok := {"method": "data_matching", "matched_data_points": 2}
	codes(ca({"requester": {"type": "authorized_agent"}, "verification": ok})) == {"agent_permission_missing"}
	codes(ca({"requester": {"type": "authorized_agent", "authorization": "signed_permission"}, "verification": ok})) == {"consumer_confirmation_missing"}
	verification.status == "verified" with input as ca({"requester": {"type": "authorized_agent", "authorization": "signed_permission"}, "verification": object.union(ok, {"consumer_confirmed_directly": true})})
	verification.status == "verified" with input as ca({"requester": {"type": "authorized_agent", "authorization": "power_of_attorney"}, "verification": ok})
}

# § 7063(a) lets the business require the consumer's direct confirmation;
# the seed procedure requires it: the reason says whose requirement it is.
test_agent_confirmation_is_the_procedures_requirement if {
	signed := {"requester": {"type": "authorized_agent", "authorization": "signed_permission"}, "verification": {"method": "data_matching", "matched_data_points": 2}}
	[r] := [r | some r in verification.reasons; r.code == "consumer_confirmation_missing"] with input as ca(signed)
	r.message == "the seed procedure (§ 4.2) requires the consumer to verify their own identity or confirm the agent's permission directly, as § 7063(a) allows the business to require; it has not been done"
	r.citation == "Cal. Code Regs. tit. 11, § 7063(a); seed procedure § 4.2"
	va := object.union(ca(signed), {"consumer": {"residence": "US-VA"}, "business": {"consumers_per_year": 200000}})
	[v] := [r | some r in verification.reasons; r.code == "consumer_confirmation_missing"] with input as va
	v.message == "the seed procedure (§ 4.2) requires the consumer to verify their own identity or confirm the agent's permission directly (the playbook's requirement: the law names no agent procedure for a request to delete); it has not been done"
	v.citation == "Va. Code § 59.1-577(B)(4)"
}

test_other_us_law_is_commercially_reasonable_with_playbook_points if {
	inp := object.union(ca({"verification": {"method": "data_matching", "matched_data_points": 1}}), {"consumer": {"residence": "US-VA"}})
	b := verification.block with input as inp
	b.standard == "commercially_reasonable"
	b.required_data_points == 2
	some r in verification.reasons with input as inp
	r.citation == "Va. Code § 59.1-577(B)(4)"
}

test_no_law_no_verification if {
	inp := object.union(ca({}), {"consumer": {"residence": "US-NY"}})
	verification.block == {
		"standard": "none",
		"required_data_points": 0,
		"signed_declaration_required": false,
		"reauthentication_required": false,
		"status": "not_required",
	} with input as inp
	codes(inp) == set()
}

test_law_without_a_standard_entry_keeps_its_rule_citation if {
	r := verification.cite({"code": "c", "citation": "X"}) with verification.binding_law as "XXDPA"
	r.citation == "X"
	verification.law_standard("XXDPA") == "commercially_reasonable"
}

# A binding law with no verification data (FDBR) is cited by its own
# citation, never by a CCPA section.
test_law_without_verification_data_cites_itself if {
	r := verification.cite({"code": "c", "citation": "X"}) with verification.binding_law as "FDBR"
	r.citation == "Fla. Stat. § 501.701 et seq."
}

# Each verification reason cites each applicable law's own clause for it
# (law.verification.clauses): a new law with the key gets its own citation
# and a law without it its verification clause, with no rule change.
xxdpa := {
	"id": "XXDPA",
	"citation": "XX Code § 1",
	"verification": {
		"ordinary": "reasonable",
		"sensitive": "reasonable",
		"citation": "XX Code § 10",
		"minimum_data_points": {"reasonable": 4, "citation": "XX Code § 11"},
		"clauses": {
			"fraud_suspected": {"citation": "XX Code § 12"},
			"consumer_confirmation_missing": {"citation": "XX Code § 13", "text": "as XX Code § 13 allows"},
		},
	},
}

with_xx(inp) := rs if {
	rs := verification.reasons with input as inp with data.dsrkit.applicability.applies as {"XXDPA"} with data.dsrkit.applicability.laws as {"XXDPA": xxdpa}
}

test_a_law_with_verification_clauses_gets_them if {
	inp := ca({"verification": {"method": "data_matching", "matched_data_points": 4, "fraud_suspected": true}})
	{[r.code, r.citation] | some r in with_xx(inp)} == {["fraud_suspected", "XX Code § 12"]}
	agent := ca({"requester": {"type": "authorized_agent", "authorization": "signed_permission"}, "verification": {"method": "data_matching", "matched_data_points": 4}})
	{[r.code, r.citation, r.message] | some r in with_xx(agent)} == {[
		"consumer_confirmation_missing", "XX Code § 13; seed procedure § 4.2",
		"the seed procedure (§ 4.2) requires the consumer to verify their own identity or confirm the agent's permission directly, as XX Code § 13 allows; it has not been done",
	]}
	none := ca({"requester": {"type": "authorized_agent"}, "verification": {"method": "data_matching", "matched_data_points": 4}})
	{[r.code, r.citation] | some r in with_xx(none)} == {["agent_permission_missing", "XX Code § 10"]}
}

test_a_law_names_its_own_data_point_floor if {
	low := {"playbook": {"verification_data_points": {"ordinary": 1, "sensitive": 1}}}
	b := verification.block with input as ca(low) with data.dsrkit.applicability.applies as {"XXDPA"} with data.dsrkit.applicability.laws as {"XXDPA": xxdpa}
	b.required_data_points == 4
	without := object.union(object.remove(xxdpa, ["verification"]), {"verification": object.remove(xxdpa.verification, ["minimum_data_points"])})
	w := verification.block with input as ca(low) with data.dsrkit.applicability.applies as {"XXDPA"} with data.dsrkit.applicability.laws as {"XXDPA": without}
	w.required_data_points == 1
}

# Outside the CCPA the agent-confirmation reason says the requirement is the
# playbook's, and cites the governing law's verification clause.
test_agent_confirmation_outside_the_ccpa if {
	inp := {"kind": "delete", "received_at": "2026-03-02", "consumer": {"residence": "US-VA"}, "requester": {"type": "authorized_agent", "authorization": "signed_permission"}, "business": {}}
	{[r.code, r.citation, r.message] | some r in verification.reasons with input as inp; r.code == "consumer_confirmation_missing"} == {[
		"consumer_confirmation_missing", "Va. Code § 59.1-577(B)(4)",
		"the seed procedure (§ 4.2) requires the consumer to verify their own identity or confirm the agent's permission directly (the playbook's requirement: the law names no agent procedure for a request to delete); it has not been done",
	]}
	ca_inp := object.union(inp, {"consumer": {"residence": "US-CA"}})
	{[r.citation, r.message] | some r in verification.reasons with input as ca_inp; r.code == "consumer_confirmation_missing"} == {[
		"Cal. Code Regs. tit. 11, § 7063(a); seed procedure § 4.2",
		"the seed procedure (§ 4.2) requires the consumer to verify their own identity or confirm the agent's permission directly, as § 7063(a) allows the business to require; it has not been done",
	]}
}

test_agent_rule_cites_the_governing_law if {
	inp := {"kind": "delete", "received_at": "2026-03-02", "consumer": {"residence": "US-VA"}, "requester": {"type": "authorized_agent"}, "business": {}}
	some r in verification.reasons with input as inp
	r.code == "agent_permission_missing"
	r.citation == "Va. Code § 59.1-577(B)(4)"
	some c in verification.reasons with input as object.union(inp, {"consumer": {"residence": "US-CA"}})
	c.code == "agent_permission_missing"
	c.citation == "Cal. Code Regs. tit. 11, § 7063(a)–(b)"
}

test_a_playbook_may_raise_but_not_lower_the_ccpa_data_points if {
	low := {"playbook": {"verification_data_points": {"ordinary": 1, "sensitive": 1}}}
	ccpa := verification.block with input as ca(object.union(low, {"verification": {"method": "data_matching", "matched_data_points": 1}}))
	ccpa.required_data_points == 2
	ccpa.status == "insufficient"
	sensitive := verification.block with input as ca(object.union(low, {"data": [{"id": "a", "sensitive": true}]}))
	sensitive.required_data_points == 3
	high := verification.block with input as ca({"playbook": {"verification_data_points": {"ordinary": 4, "sensitive": 5}}})
	high.required_data_points == 4
	va := {"kind": "delete", "received_at": "2026-03-02", "consumer": {"residence": "US-VA"}, "business": {"consumers_per_year": 200000}}
	vcdpa := verification.block with input as object.union(va, low)
	vcdpa.standard == "commercially_reasonable"
	vcdpa.required_data_points == 1
}

# --- GDPR: no fixed floor (Art. 12(2), (6); Art. 11(2); dsrkit reading § 4) ---

de(extra) := object.union({"kind": "delete", "received_at": "2026-03-02", "consumer": {"residence": "DE"}, "business": {"eu_establishment": true}}, extra)

test_gdpr_a_request_from_the_authenticated_session_is_verified_as_it_stands if {
	inp := de({"verification": {"method": "account_login"}})
	verification.block == {
		"standard": "reasonable",
		"required_data_points": 0,
		"signed_declaration_required": false,
		"reauthentication_required": false,
		"status": "verified",
	} with input as inp
	[r] := [r | some r in verification.reasons] with input as inp
	r == {
		"code": "verified_as_it_stands",
		"message": "the request came from the account holder's authenticated session: verified as it stands, with no reasonable doubt about identity that would justify asking for more",
		"citation": "GDPR Art. 12(2), (6); Art. 11(2)",
		"rule": "data.dsrkit.verification.reasons",
	}
}

test_gdpr_a_request_from_the_registered_contact_is_verified_as_it_stands if {
	inp := de({"verification": {"method": "none", "from_registered_contact": true}})
	b := verification.block with input as inp
	b.status == "verified"
	b.required_data_points == 0
	[r.message | some r in verification.reasons] == ["the request came from the account holder's registered contact: verified as it stands, with no reasonable doubt about identity that would justify asking for more"] with input as inp
}

test_gdpr_a_reasonable_doubt_asks_for_more if {
	inp := de({"verification": {"method": "account_login", "fraud_suspected": true}})
	b := verification.block with input as inp
	b.status == "insufficient"
	b.reauthentication_required == true
}

test_gdpr_otherwise_the_playbook_figure_without_the_ccpa_floor if {
	inp := de({"verification": {"method": "data_matching", "matched_data_points": 1}})
	two := verification.block with input as inp
	two.required_data_points == 2
	one := object.union(inp, {"playbook": {"verification_data_points": {"ordinary": 1, "sensitive": 3}}})
	b := verification.block with input as one
	b.required_data_points == 1
	b.status == "verified"
}

test_the_ccpa_floor_still_binds_with_the_gdpr if {
	inp := ca({"business": {"eu_establishment": true}, "verification": {"method": "account_login", "reauthenticated": false}, "playbook": {"verification_data_points": {"ordinary": 1, "sensitive": 3}}})
	b := verification.block with input as inp
	b.required_data_points == 2
	b.reauthentication_required == true
	b.status == "pending"
}
