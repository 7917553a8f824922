package dsrkit.procedure

import data.dsrkit.applicability
import data.dsrkit.lib

# response_date is when the business responded, else when it must.
response_date := day(events.responded_at)

response_date := respond_by if not events.responded_at

# record: how long the record of the request and response is kept — the
# longest of each applicable law's minimum and the playbook's period —
# without personal information beyond an anonymised identifier.
record_periods contains {"n": p.n, "unit": p.unit, "citation": p.citation} if {
	some id in applicability.applies
	p := applicability.laws[id].delete.record
}

record_periods contains object.union(settings.record_retention, {"citation": "playbook: record retention"})

# The record also carries what § 7101(a) has a business log and the
# metrics of seed procedure § 8 count: the dates of the response, of the
# extension notice and of an appeal, and the channel of the response.
record := object.union(
	{
		"retain_until": max({retain(response_date, p) | some p in record_periods}),
		"citation": concat("; ", sort({p.citation | some p in record_periods})),
	},
	record_events,
) if respond_by

record_event_instants := {
	"responded_on": object.get(input, ["events", "responded_at"], null),
	"extension_notified_on": object.get(input, ["extension", "notified_at"], null),
	"appeal_received_on": object.get(input, ["events", "appeal_received_at"], null),
	"appeal_answered_on": object.get(input, ["events", "appeal_answered_at"], null),
}

record_events[name] := day(instant) if {
	some name, instant in record_event_instants
	instant != null
}

record_events["response_channel"] := events.response_channel

# retain is the end of a retention period: months are calendar months,
# clamped (never rolled forward); other units count as the law's periods do.
retain(date, p) := dsrkit.add_months(date, p.n) if p.unit == "months"

retain(date, p) := lib.due(date, p, calendar) if p.unit != "months"
