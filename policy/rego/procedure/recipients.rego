package dsrkit.procedure

import data.dsrkit.lib

recipients := object.get(input, "recipients", [])

# sent is the day a directive went out, or the day it is planned to go out:
# with the deletion, concurrently (seed procedure, step 6).
sent(r) := day(r.directive_sent_at)

sent(r) := due.notify_recipients if not r.directive_sent_at

confirm_by(r) := lib.due(sent(r), settings.directive_confirmation, calendar)

overdue(r) if {
	not r.confirmed_at
	request_as_of_date > confirm_by(r)
}

request_as_of_date := data.dsrkit.request.as_of_date

# directive_action: service providers and contractors are directed to
# delete; third parties the data was sold or shared to are told to delete,
# unless that is impossible or disproportionate (then: explained, not sent).
directive_action(r) := "delete" if r.role in {"service_provider", "contractor"}

directive_action(r) := "notify_delete" if {
	r.role == "third_party"
	not r.impossible_or_disproportionate
}

directives := [object.union(
	{"recipient": r.id, "role": r.role, "action": directive_action(r), "confirm_by": confirm_by(r), "overdue": overdue_flag(r)},
	object.union(
		{"follow_up_due": dsrkit.add_days(confirm_by(r), 1) | not r.confirmed_at},
		object.union({"sent_at": t | t := r.directive_sent_at}, {"confirmed_at": t | t := r.confirmed_at}),
	),
) |
	some r in recipients
	directive_action(r)
]

overdue_flag(r) if overdue(r)

default overdue_flag(_) := false

# METADATA
# title: Third party not notified
# description: Notifying a third party may be skipped only when impossible or disproportionate, with a detailed explanation.
# custom:
#   citation: Cal. Civ. Code § 1798.105(c)(1); Cal. Code Regs. tit. 11, § 7022(b)(3)
reasons contains lib.reason("third_party_not_notified", sprintf("%s is not notified: %s", [r.id, r.impossible_or_disproportionate]), rego.metadata.chain()) if {
	some r in recipients
	r.role == "third_party"
	r.impossible_or_disproportionate
}

# METADATA
# title: Directive confirmation overdue
# custom:
#   citation: Cal. Civ. Code § 1798.105(c)(3)
reasons contains lib.reason("directive_overdue", sprintf("%s has not confirmed deletion; confirmation was due on %s", [r.id, confirm_by(r)]), rego.metadata.chain()) if {
	some r in recipients
	directive_action(r)
	overdue(r)
}
