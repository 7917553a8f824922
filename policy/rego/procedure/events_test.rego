package dsrkit.procedure_test

import data.dsrkit.procedure

verified := {
	"verification": {"method": "data_matching", "matched_data_points": 2},
	"data": [
		{"id": "crm-1", "system_type": "crm", "category": "contact", "source": "consumer"},
		{"id": "mkt-1", "system_type": "marketing", "category": "email", "source": "consumer"},
	],
}

step(plan, name) := [s | some s in plan; s.step == name][0]

test_the_deletion_log_marks_the_deletion_done_at_its_latest_entry if {
	# 23:00 at -08:00 on 20 March is 07:00Z on 21 March: later than 05:00Z.
	log := [
		{"item": "crm-1", "at": "2026-03-20T23:00:00-08:00", "by": "IT", "method": "DELETE, verified"},
		{"item": "mkt-1", "at": "2026-03-21T05:00:00Z", "by": "Marketing ops", "method": "unsubscribe and purge"},
	]
	p := procedure.plan with input as ca(object.union(verified, {"events": {"items_deleted": log}}))
	step(p, "execute_deletion").done_at == "2026-03-20T23:00:00-08:00"

	# one item still to delete: not done
	q := procedure.plan with input as ca(object.union(verified, {"events": {"items_deleted": [log[1]]}}))
	not step(q, "execute_deletion").done_at

	# the team's own deletion_completed_at wins
	r := procedure.plan with input as ca(object.union(verified, {"events": {"items_deleted": log, "deletion_completed_at": "2026-03-22T10:00:00Z"}}))
	step(r, "execute_deletion").done_at == "2026-03-22T10:00:00Z"
}

test_no_item_to_delete_leaves_the_deletion_to_its_event if {
	p := procedure.plan with input as ca({"events": {"items_deleted": [{"item": "x", "at": "2026-03-05T10:00:00Z"}]}})
	not step(p, "execute_deletion").done_at
}

test_directives_sent_mark_the_notification_done if {
	sent := [
		{"id": "sp-1", "role": "service_provider", "received_via": "disclosure", "directive_sent_at": "2026-03-10T09:00:00Z"},
		{"id": "sp-2", "role": "contractor", "received_via": "disclosure", "directive_sent_at": "2026-03-11T09:00:00Z", "confirmed_at": "2026-03-12T09:00:00Z"},
		{"id": "tp-2", "role": "third_party", "received_via": "share", "impossible_or_disproportionate": "dissolved in 2024, no successor"},
	]
	p := procedure.plan with input as ca({"recipients": sent})
	step(p, "notify_recipients").done_at == "2026-03-11T09:00:00Z"

	unsent := array.concat(sent, [{"id": "tp-1", "role": "third_party", "received_via": "sale"}])
	q := procedure.plan with input as ca({"recipients": unsent})
	not step(q, "notify_recipients").done_at

	d := procedure.directives with input as ca({"recipients": sent})
	d == [
		{"recipient": "sp-1", "role": "service_provider", "action": "delete", "confirm_by": "2026-03-25", "follow_up_due": "2026-03-26", "overdue": false, "sent_at": "2026-03-10T09:00:00Z"},
		{"recipient": "sp-2", "role": "contractor", "action": "delete", "confirm_by": "2026-03-26", "overdue": false, "sent_at": "2026-03-11T09:00:00Z", "confirmed_at": "2026-03-12T09:00:00Z"},
	]
}

test_an_extension_notified_in_time_moves_the_response_date if {
	# CCPA, received 2026-03-02: respond by 2026-04-16, extended 2026-05-31.
	inp := ca({"extension": {"notified_at": "2026-04-16T20:00:00Z", "reason": "many systems"}})
	step(procedure.plan, "respond") == {"step": "respond", "due": "2026-05-31", "statutory": true} with input as inp
	step(procedure.plan, "execute_deletion").due == "2026-04-20" with input as inp
	count(procedure.reasons) == 0 with input as inp
	procedure.respond_citation == "Cal. Civ. Code § 1798.130(a)(2)(A); Cal. Code Regs. tit. 11, § 7021(b)" with input as inp
	procedure.record.extension_notified_on == "2026-04-16" with input as inp

	# notified a day late: the extension is not taken
	late := ca({"extension": {"notified_at": "2026-04-17T08:00:00Z"}})
	step(procedure.plan, "respond").due == "2026-04-16" with input as late
}

test_what_is_overdue_while_the_request_is_open if {
	p := procedure.plan with input as ca({"as_of": "2026-03-30T12:00:00Z"})
	{s.step | some s in p; s.overdue} == {"acknowledge", "verify"}
	step(p, "discover") == {"step": "discover", "due": "2026-03-30", "statutory": false} # due today: not yet overdue

	# verified on 4 March: discovery was due 15 business days later, on 25 March
	v := procedure.plan with input as ca({"as_of": "2026-03-30T12:00:00Z", "verification": verified.verification, "events": {"verified_at": "2026-03-04T10:00:00Z"}})
	{s.step | some s in v; s.overdue} == {"acknowledge", "discover"}
	step(v, "discover").due == "2026-03-25"

	q := procedure.plan with input as ca({"as_of": "2026-04-17T12:00:00Z", "verification": verified.verification})
	{s.step | some s in q; s.overdue} == {"acknowledge", "discover", "analyze_exceptions", "execute_deletion", "notify_recipients", "respond"}

	# the response was sent: the request is closed, nothing is overdue or at risk
	closed := ca({"as_of": "2026-04-17T12:00:00Z", "events": {"responded_at": "2026-04-10T12:00:00Z", "response_channel": "email"}})
	{s.step | some s in procedure.plan; s.overdue} == set() with input as closed
	count(procedure.escalations) == 0 with input as closed
	procedure.record == {
		"retain_until": "2029-04-10",
		"citation": "Cal. Code Regs. tit. 11, § 7101(a); playbook: record retention",
		"responded_on": "2026-04-10",
		"response_channel": "email",
	} with input as closed
}

# Virginia, 200,000 consumers: an appeal is answered within 60 days.
va(extra) := object.union(ca({"consumer": {"residence": "US-VA"}, "business": {"consumers_per_year": 200000}}), extra)

test_an_appeal_is_planned_escalated_until_answered if {
	open := va({"as_of": "2026-07-01T12:00:00Z", "events": {"responded_at": "2026-04-01T12:00:00Z", "appeal_received_at": "2026-05-01T12:00:00Z"}})
	p := procedure.plan with input as open
	p[count(p) - 1] == {"step": "answer_appeal", "due": "2026-06-30", "statutory": true, "overdue": true}
	procedure.escalations == {{
		"trigger": "denial_disputed", "level": 2, "to": "Chief Privacy Officer",
		"reason": "appeal received on 2026-05-01 and not yet answered; the answer is due by 2026-06-30",
	}} with input as open
	procedure.record.appeal_received_on == "2026-05-01" with input as open

	answered := va({"as_of": "2026-07-01T12:00:00Z", "events": {"responded_at": "2026-04-01T12:00:00Z", "appeal_received_at": "2026-05-01T12:00:00Z", "appeal_answered_at": "2026-06-20T12:00:00Z"}})
	q := procedure.plan with input as answered
	q[count(q) - 1] == {"step": "answer_appeal", "due": "2026-06-30", "statutory": true, "done_at": "2026-06-20T12:00:00Z"}
	count(procedure.escalations) == 0 with input as answered
	procedure.record.appeal_answered_on == "2026-06-20" with input as answered
}

test_an_appeal_without_a_statutory_period if {
	# the CCPA gives no appeal: no plan step, but the dispute escalates
	inp := ca({"events": {"responded_at": "2026-03-20T12:00:00Z", "appeal_received_at": "2026-03-25T12:00:00Z"}})
	{s.step | some s in procedure.plan} == {"intake", "acknowledge", "verify", "discover", "analyze_exceptions", "execute_deletion", "notify_recipients", "respond"} with input as inp
	{e.reason | some e in procedure.escalations} == {"appeal received on 2026-03-25 and not yet answered"} with input as inp
}

test_a_verified_identity_is_not_an_overdue_verification if {
	p := procedure.plan with input as ca(object.union(verified, {"as_of": "2026-03-30T12:00:00Z"}))
	{s.step | some s in p; s.overdue} == {"acknowledge"}
}

test_data_found_settles_discovery_and_unverified_identity_blocks_what_follows if {
	with_data := procedure.plan with input as ca(object.union(verified, {"as_of": "2026-04-10T12:00:00Z"}))
	{s.step | some s in with_data; s.overdue} == {"acknowledge", "analyze_exceptions"}

	unverified := ca({"as_of": "2026-04-17T12:00:00Z", "verification": {"method": "data_matching", "matched_data_points": 1}})
	{s.step | some s in procedure.plan; s.overdue} == {"acknowledge", "verify", "respond"} with input as unverified
}
