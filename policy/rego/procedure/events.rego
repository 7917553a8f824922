package dsrkit.procedure

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.items
import data.dsrkit.lib

# What the team recorded as it went (request events), read back so that a
# re-decision dates the plan from what happened: the deletion log of seed
# procedure § 3.2 step 5, the directives of step 6, the extension notice,
# the response of step 7 and an appeal.

items_deleted := object.get(events, "items_deleted", [])

# latest is the latest of a set of instants, whatever their offsets.
latest(instants) := [t |
	some t in instants
	time.parse_rfc3339_ns(t) == max({time.parse_rfc3339_ns(u) | some u in instants})
][0]

# to_delete: the items the decision removes (deleted, deidentified or
# aggregated); the deletion is done once the log names every one of them.
to_delete := items.deleted

logged := {e.item | some e in items_deleted}

derived_done["execute_deletion"] := latest({e.at | some e in items_deleted; e.item in to_delete}) if {
	count(to_delete) > 0
	count(to_delete - logged) == 0
}

# directed: the recipients that get a directive; notification is done once
# every directive has been sent.
directed := [r | some r in recipients; directive_action(r)]

derived_done["notify_recipients"] := latest({r.directive_sent_at | some r in directed}) if {
	count(directed) > 0
	every r in directed {
		r.directive_sent_at
	}
}

# closed: the response was sent. Nothing of the request is at risk or
# overdue any more, except what recipients and an appeal still owe.
closed if events.responded_at

# extension_in_time: the extension notice went out within the first period,
# so the extended date is the one to respond by (R6, R7).
extension_in_time if day(input.extension.notified_at) <= deadlines.binding.extension_notice_by

# appeal_due: the earliest date an applicable law gives to answer an appeal,
# counted from its receipt.
appeal_due := min(dates) if {
	dates := {lib.due(day(events.appeal_received_at), applicability.laws[id].delete.appeal, calendar) |
		some id in applicability.applies
		applicability.laws[id].delete.appeal
	}
	count(dates) > 0
}

appeal_open if {
	events.appeal_received_at
	not events.appeal_answered_at
}

appeal_plan := [object.union(
	{"step": "answer_appeal", "due": appeal_due, "statutory": true},
	object.union(
		{"done_at": t | t := events.appeal_answered_at},
		{"overdue": true | appeal_open; request_as_of_date > appeal_due},
	),
)] if appeal_due

default appeal_plan := []

# METADATA
# title: Appeal not yet answered
escalations contains escalation("denial_disputed", sprintf("appeal received on %s and not yet answered%s", [day(events.appeal_received_at), answer_by]), rego.metadata.chain()) if {
	appeal_open
	answer_by := appeal_answer_by
}

appeal_answer_by := sprintf("; the answer is due by %s", [appeal_due]) if appeal_due

default appeal_answer_by := ""
