# METADATA
# title: Deadlines of a request to delete
# description: |
#   Each applicable law's own periods, counted from the receipt date on the
#   law's calendar (dsrkit readings § 1 and § 2); the binding deadlines are the earliest
#   across the laws that apply.
package dsrkit.deadlines

import data.dsrkit.applicability
import data.dsrkit.lib
import data.dsrkit.request

# calendar is the calendar a law's periods are counted on. A law that names
# a business fact for it (calendar_from; GDPR: eu_member_state, R5) takes
# that fact, else its default. Any other law takes the request's choice,
# else its default (R4).
calendar(law) := object.get(input, ["business", law.calendar_from], law.calendar) if law.calendar_from

calendar(law) := request.calendar_override if not law.calendar_from

calendar(law) := law.calendar if {
	not law.calendar_from
	not request.calendar_override
}

# names of the deadlines a law may set, in the order a decision lists them.
names := ["acknowledge_by", "respond_by", "extended_respond_by", "extension_notice_by"]

periods := {"acknowledge_by": "acknowledge", "respond_by": "respond", "extended_respond_by": "extended"}

# by_law holds each applicable law's deadlines for a request to delete, and
# the calendar they were counted on.
by_law[id] := object.union({name: null | some name in names}, dates) if {
	some id in applicability.applies
	dates := object.union(
		{step.name: step.date | some step in steps; step.law == id},
		{"calendar": calendar(applicability.laws[id])},
	)
}

# METADATA
# title: A statutory period of a request to delete
# description: The period's last day, counted from the receipt date (R2, R3, R5, R6, R7).
# custom:
#   citation: dsrkit readings § 1 and § 2
steps contains step if {
	some id in applicability.applies
	law := applicability.laws[id]
	some name, key in periods
	period := law.delete[key]
	cal := calendar(law)
	step := lib.traced(
		{
			"name": name,
			"date": lib.due(request.received_on, period, cal),
			"law": id,
			"computation": lib.computation(request.received_on, period, cal),
			"citation": period.citation,
			"rule": lib.rule_name(rego.metadata.chain()),
		},
		rego.metadata.chain(),
	)
}

# METADATA
# title: Extension notice
# description: The notice of an extension, with its reasons, is due by the first response deadline (R6, R7).
# custom:
#   citation: dsrkit reading R6, R7
steps contains step if {
	some id in applicability.applies
	law := applicability.laws[id]
	respond := lib.due(request.received_on, law.delete.respond, calendar(law))
	step := lib.traced(
		{
			"name": "extension_notice_by",
			"date": respond,
			"law": id,
			"computation": sprintf("within the first period: respond_by (%s)", [respond]),
			"citation": law.delete.extension_notice.citation,
			"rule": lib.rule_name(rego.metadata.chain()),
		},
		rego.metadata.chain(),
	)
}

# expected holds the [law, deadline] pairs the applicable laws set: each
# period a law's data gives, and its extension notice.
expected contains [id, name] if {
	some id in applicability.applies
	some name, key in periods
	applicability.laws[id].delete[key]
}

expected contains [id, "extension_notice_by"] if {
	some id in applicability.applies
	applicability.laws[id].delete.extension_notice
}

# complete: every deadline in expected has its date. Without strict built-in
# errors (stock OPA's default, e.g. opa run --server) a date built-in that
# fails (a year outside the calendars, an unknown calendar) leaves its step
# out instead of raising an error; a decision must then not be made.
complete if count(expected - {[s.law, s.name] | some s in steps}) == 0

# binding holds the earliest of each deadline across the laws that apply (dsrkit reading § 2).
binding[name] := lib.earliest(dates) if {
	some name in names
	dates := {step.date | some step in steps; step.name == name}
	count(dates) > 0
}

# binding_calendar is the calendar of the binding deadlines: that of the law
# setting the binding acknowledgement, else the binding response; with no
# law, the request's choice, else US (R4).
binding_calendar := calendar_of("acknowledge_by")

binding_calendar := calendar_of("respond_by") if not calendar_of("acknowledge_by")

binding_calendar := object.get(input, ["business", "calendar"], "US") if count(applicability.applies) == 0

calendar_of(name) := min(cals) if {
	cals := {by_law[s.law].calendar | some s in steps; s.name == name; s.date == binding[name]}
	count(cals) > 0
}

# timeline lists every computed date, in date order.
timeline := lib.in_date_order(steps)
