# METADATA
# title: Shared helpers of dsrkit's policy
# description: |
#   Reasons carry the citation of the rule that gives them (its METADATA
#   custom.citation); periods are law data ({n, unit, citation}) turned into
#   dates by dsrkit's calendar builtins, never by time.add_date, on the
#   calendars as amended in dsrkit.calendars.
package dsrkit.lib

import data.dsrkit.calendars

# reason builds a decision reason from the calling rule's metadata chain
# (pass rego.metadata.chain()): the citation, the rule's name, and the
# definition's id and position (rule_ref) come from there.
reason(code, message, chain) := object.union(
	{
		"code": code,
		"message": message,
		"citation": chain[0].annotations.custom.citation,
		"rule": rule_name(chain),
	},
	rule_ref(chain),
)

# rule_ref names the one rule definition a metadata chain starts at:
# {"rule_id", "position"}, from the custom.id and custom.position dsrkit's
# compiler writes into every definition that reads its METADATA (the
# definition's own id, else its path and a slug of its title; "file:line").
# Stock opa test has no such pass: there it is empty, so Rego tests never
# assert on these two fields.
rule_ref(chain) := {key: v |
	some field, key in {"id": "rule_id", "position": "position"}
	v := chain[0].annotations.custom[field]
}

# traced adds rule_ref(chain) to a reason, notice, escalation or timeline
# entry built by hand.
traced(x, chain) := object.union(x, rule_ref(chain))

# law_reason is a reason about one law.
law_reason(law, code, message, chain) := object.union(reason(code, message, chain), {"law": law})

# with_citation cites a reason to a provision the rule takes from law data
# (a generic rule's METADATA names the reading; the reason, the statute).
with_citation(reason, citation) := object.union(reason, {"citation": citation})

# rule_name is the full reference (data.…) of the rule a metadata chain starts at.
rule_name(chain) := concat(".", array.concat(["data"], chain[0].path))

# due is the last day of a period that starts the day after date (R2, R3,
# R5), counted on the named calendar as amended in dsrkit.calendars.
due(date, period, _) := dsrkit.add_days(date, period.n) if period.unit == "days"

due(date, period, calendar) := dsrkit.add_business_days(date, period.n, calendar_arg(calendar)) if period.unit == "business_days"

due(date, period, calendar) := dsrkit.add_months_eu(date, period.n, calendar_arg(calendar)) if period.unit == "months"

# calendar_arg is what the date built-ins are given for a calendar's name:
# the name, or, when dsrkit.calendars amends that calendar, the calendar
# with its amendments ({"name", "add": [date], "remove": [date]}).
calendar_arg(name) := name if not amendment(name)

calendar_arg(name) := {
	"name": name,
	"add": [h.date | some h in object.get(a, "add", [])],
	"remove": [h.date | some h in object.get(a, "remove", [])],
} if {
	a := amendment(name)
}

# amendment is a calendar's entry in dsrkit.calendars.amendments, its name
# matched without regard to case (as the calendars themselves are).
amendment(name) := a if {
	some key, a in calendars.amendments
	lower(key) == lower(name)
}

# unit_text says a period in words, for the arithmetic a decision shows.
unit_text := {
	"days": "calendar days",
	"business_days": "business days",
	"months": "months (Reg. 1182/71, rolled to the next working day)",
}

# computation shows how a due date was reached. On an amended calendar it
# lists the amendments that fell within the period, with their citations.
computation(date, period, _) := sprintf("%s + %d %s", [date, period.n, unit_text[period.unit]]) if period.unit == "days"

computation(date, period, calendar) := sprintf("%s + %d %s on calendar %s", [date, period.n, unit_text[period.unit], calendar]) if {
	period.unit != "days"
	count(amended_within(date, period, calendar)) == 0
}

computation(date, period, calendar) := sprintf("%s + %d %s on calendar %s, as amended: %s", [date, period.n, unit_text[period.unit], calendar, concat("; ", amended_within(date, period, calendar))]) if {
	period.unit != "days"
	count(amended_within(date, period, calendar)) > 0
}

# amended_within lists, in date order, the amendments of a calendar dated
# after date and no later than the period's last day.
amended_within(_, _, calendar) := [] if not amendment(calendar)

amended_within(date, period, calendar) := [text |
	last := due(date, period, calendar)
	changes := {[h.date, sprintf("%s added (%s; %s)", [h.date, h.name, h.citation])] |
		some h in object.get(amendment(calendar), "add", [])
		date < h.date
		h.date <= last
	} | {[h.date, sprintf("%s removed (%s)", [h.date, h.citation])] |
		some h in object.get(amendment(calendar), "remove", [])
		date < h.date
		h.date <= last
	}
	some change in sort(changes)
	text := change[1]
] if amendment(calendar)

# in_date_order lists timeline steps by date; steps with no fixed date
# (null) come first.
in_date_order(steps) := [s | some date in sort({t.date | some t in steps}); some s in steps; s.date == date]

# earliest is the first of a set of dates (YYYY-MM-DD sorts as it reads).
earliest(dates) := min(dates) if count(dates) > 0
