package dsrkit.procedure_test

import data.dsrkit.procedure

# Monday 2 March 2026, California: respond_by 2026-04-16, acknowledge_by 2026-03-16.
ca(extra) := object.union({"kind": "delete", "received_at": "2026-03-02", "as_of": "2026-03-02T12:00:00Z", "consumer": {"residence": "US-CA"}, "business": {}}, extra)

test_plan_from_the_seed_timeframes_clamped_to_the_response_date if {
	procedure.plan == [
		{"step": "intake", "due": "2026-03-03", "statutory": false, "done_at": "2026-03-02"},
		{"step": "acknowledge", "due": "2026-03-16", "statutory": true},
		{"step": "verify", "due": "2026-03-09", "statutory": false},
		{"step": "discover", "due": "2026-03-30", "statutory": false},
		{"step": "analyze_exceptions", "due": "2026-04-06", "statutory": false},
		{"step": "execute_deletion", "due": "2026-04-16", "statutory": false},
		{"step": "notify_recipients", "due": "2026-04-16", "statutory": false},
		{"step": "respond", "due": "2026-04-16", "statutory": true},
	] with input as ca({})
	codes := {[r.code, r.message] | some r in procedure.reasons} with input as ca({})
	codes == {
		["plan_clamped", "execute_deletion would be due on 2026-04-20, after the response date 2026-04-16: it is due on 2026-04-16"],
		["plan_clamped", "notify_recipients would be due on 2026-04-20, after the response date 2026-04-16: it is due on 2026-04-16"],
	}
	some r in procedure.reasons with input as ca({})
	r.citation == "Cal. Civ. Code § 1798.130(a)(2)(A); Cal. Code Regs. tit. 11, § 7021(b)"
}

test_plan_counts_from_what_actually_happened if {
	inp := ca({"events": {"verified_at": "2026-03-03T10:00:00Z", "discovery_completed_at": "2026-03-05T10:00:00Z"}})
	p := procedure.plan with input as inp
	p[2] == {"step": "verify", "due": "2026-03-09", "statutory": false, "done_at": "2026-03-03T10:00:00Z"}
	p[3].done_at == "2026-03-05T10:00:00Z"
	p[4].due == "2026-03-12" # 5 business days after 5 March
	p[5].due == "2026-03-26" # 10 business days after 12 March
	count(procedure.reasons) == 0 with input as inp
}

test_plan_without_a_statutory_acknowledgement if {
	p := procedure.plan with input as object.union(ca({}), {"consumer": {"residence": "US-VA"}, "business": {"consumers_per_year": 200000}})
	p[1] == {"step": "acknowledge", "due": "2026-03-16", "statutory": false}
}

test_directives if {
	inp := ca({
		"as_of": "2026-03-30T12:00:00Z",
		"recipients": [
			{"id": "sp-1", "name": "Mailer", "role": "service_provider", "received_via": "disclosure", "directive_sent_at": "2026-03-10T09:00:00Z"},
			{"id": "sp-2", "name": "Hosting", "role": "contractor", "received_via": "disclosure", "directive_sent_at": "2026-03-10T09:00:00Z", "confirmed_at": "2026-03-20T09:00:00Z"},
			{"id": "tp-1", "name": "Broker", "role": "third_party", "received_via": "sale"},
			{"id": "tp-2", "name": "Old partner", "role": "third_party", "received_via": "share", "impossible_or_disproportionate": "the partner was dissolved in 2024 and has no successor"},
		],
	})
	procedure.directives == [
		{"recipient": "sp-1", "role": "service_provider", "action": "delete", "confirm_by": "2026-03-25", "follow_up_due": "2026-03-26", "overdue": true, "sent_at": "2026-03-10T09:00:00Z"},
		{"recipient": "sp-2", "role": "contractor", "action": "delete", "confirm_by": "2026-03-25", "overdue": false, "sent_at": "2026-03-10T09:00:00Z", "confirmed_at": "2026-03-20T09:00:00Z"},
		{"recipient": "tp-1", "role": "third_party", "action": "notify_delete", "confirm_by": "2026-05-01", "follow_up_due": "2026-05-02", "overdue": false},
	] with input as inp
	codes := {r.code | some r in procedure.reasons} with input as inp
	codes == {"directive_overdue", "third_party_not_notified", "plan_clamped"}
	procedure.escalations == {{"trigger": "recipient_non_compliance", "level": 1, "to": "Privacy Team Lead", "reason": "sp-1 has not confirmed deletion, due 2026-03-25"}} with input as inp
}

test_deadline_at_risk_after_30_days if {
	count(procedure.escalations) == 0 with input as ca({"as_of": "2026-04-01T12:00:00Z"})
	procedure.escalations == {{"trigger": "deadline_at_risk", "level": 2, "to": "Chief Privacy Officer", "reason": "31 days since receipt and no response yet"}} with input as ca({"as_of": "2026-04-02T12:00:00Z"})
	count(procedure.escalations) == 0 with input as ca({"as_of": "2026-04-02T12:00:00Z", "events": {"responded_at": "2026-03-30T12:00:00Z"}})
}

test_disputes_and_special_scenarios if {
	e := procedure.escalations with input as ca({
		"disputes": {"denial_disputed": true, "regulator_complaint": true},
		"consumer": {"residence": "US-CA", "relationship": "employee", "deceased": true},
		"requester": {"type": "household"},
		"data": [{"id": "hr-1", "system_type": "hr"}],
	})
	{[x.trigger, x.level] | some x in e} == {["denial_disputed", 2], ["regulator_complaint", 4], ["special_scenario", 3]}
	count(e) == 5
	f := procedure.escalations with input as ca({"requester": {"type": "estate"}})
	{x.reason | some x in f} == {"request by an estate: verify authority, consult Legal (seed procedure § 4.4)"}
}

# A household request names the CCPA's household-data provision and never
# the repealed AG-era household procedure (former § 999.318, seed § 4.1).
test_household_request_cites_the_household_data_provision if {
	e := procedure.escalations with input as ca({"requester": {"type": "household"}})
	e == {{"trigger": "special_scenario", "level": 3, "to": "Legal Counsel", "reason": "household request: CCPA: the duty to delete does not reach household data (Cal. Civ. Code § 1798.145(p); cited from memory, FACTS CA-15: for counsel); answer it as the request of the member who made it, about their own personal information, verified as that consumer"}}
	g := procedure.escalations with input as ca({"requester": {"type": "household"}}) with data.dsrkit.applicability.applies as {"VCDPA"}
	{x.reason | some x in g} == {"household request: answer it as the request of the member who made it, about their own personal information, verified as that consumer"}
	procedure.household_note({"text": "x", "citation": "y"}) == ""
}

test_record_is_the_longest_of_law_and_playbook if {
	procedure.record == {"retain_until": "2029-04-16", "citation": "Cal. Code Regs. tit. 11, § 7101(a); playbook: record retention"} with input as ca({})
	r := procedure.record with input as ca({"events": {"responded_at": "2026-03-20T12:00:00Z"}, "playbook": {"record_retention": {"n": 12, "unit": "months"}}})
	r.retain_until == "2028-03-20"
}

test_a_playbook_retention_in_days_counts if {
	# 1,500 days from 2026-03-20 is 2030-04-28, past the CCPA's 24 months.
	r := procedure.record with input as ca({"events": {"responded_at": "2026-03-20T12:00:00Z"}, "playbook": {"record_retention": {"n": 1500, "unit": "days"}}})
	r.retain_until == "2030-04-28"
}

test_item_escalations_are_passed_on if {
	e := {"trigger": "legal_exception_unclear", "reason": "disputed claim"}
	procedure.escalations == {object.union(e, {"level": 3, "to": "Legal Counsel"})} with input as ca({}) with data.dsrkit.items.escalations as {e}
}
