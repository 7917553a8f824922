package dsrkit.procedure

import data.dsrkit.items
import data.dsrkit.lib
import data.dsrkit.playbook

# escalation is the playbook's escalation for trigger, naming the rule
# definition that raises it (pass rego.metadata.chain()).
escalation(trigger, reason, chain) := lib.traced(playbook.escalation(trigger, reason), chain)

days_since_receipt := dsrkit.days_between(request_received_on, request_as_of_date)

request_received_on := data.dsrkit.request.received_on

# escalations: the seed procedure's § 10.1 triggers, and Legal for unclear
# exceptions and legal holds (items).
# METADATA
# title: Deadline at risk
escalations contains escalation("deadline_at_risk", sprintf("%d days since receipt and no response yet", [days_since_receipt]), rego.metadata.chain()) if {
	days_since_receipt > settings.deadline_at_risk_after_days
	not closed
}

# METADATA
# title: Denial disputed
escalations contains escalation("denial_disputed", "the consumer disputes the denial", rego.metadata.chain()) if input.disputes.denial_disputed

# METADATA
# title: Regulator complaint
escalations contains escalation("regulator_complaint", "the consumer complained to a regulator", rego.metadata.chain()) if input.disputes.regulator_complaint

# METADATA
# title: Recipient has not confirmed
escalations contains escalation("recipient_non_compliance", sprintf("%s has not confirmed deletion, due %s", [r.id, confirm_by(r)]), rego.metadata.chain()) if {
	some r in recipients
	directive_action(r)
	overdue(r)
}

# METADATA
# title: Special scenario
escalations contains escalation("special_scenario", msg, rego.metadata.chain()) if {
	some msg in special_scenarios
}

# the items' escalations keep the id and position of the items rule that
# raises them.
escalations contains object.union(playbook.escalation(e.trigger, e.reason), e) if some e in items.escalations

special_scenarios contains "employee or HR data: route to HR and Legal (seed procedure § 4.3)" if {
	input.consumer.relationship in {"employee", "job_applicant", "contractor"}
}

special_scenarios contains "employee or HR data: route to HR and Legal (seed procedure § 4.3)" if {
	some item in object.get(input, "data", [])
	item.system_type == "hr"
}

special_scenarios contains "the consumer is deceased: verify the requester's authority, consult Legal (seed procedure § 4.4)" if {
	input.consumer.deceased
}

# A household request: no household-request procedure survives (the AG-era
# rule, former Cal. Code Regs. tit. 11, § 999.318, was not carried into
# §§ 7060–7063: FACTS CA-15), so the request is the member's own; under a
# law whose duty to delete does not reach household data the message says
# so, with the law's provision (items.household_data).
special_scenarios contains sprintf("household request: %sanswer it as the request of the member who made it, about their own personal information, verified as that consumer", [household_laws_text]) if {
	input.requester.type == "household"
}

household_laws_text := concat("", [sprintf("%s: the duty to delete does not reach household data (%s%s); ", [law, h.citation, household_note(h)]) |
	some law in sort(data.dsrkit.applicability.applies)
	h := items.household_data[law]
])

household_note(h) := sprintf("; %s", [h.note]) if {
	h.note
} else := ""

special_scenarios contains "request by an estate: verify authority, consult Legal (seed procedure § 4.4)" if {
	input.requester.type == "estate"
}
