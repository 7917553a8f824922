package dsrkit.procedure

import data.dsrkit.deadlines
import data.dsrkit.lib
import data.dsrkit.request
import data.dsrkit.verification

# step_events: the steps in order, and the event that marks each done.
step_events := [
	["intake", "received_at"],
	["acknowledge", "acknowledged_at"],
	["verify", "verified_at"],
	["discover", "discovery_completed_at"],
	["analyze_exceptions", "analysis_completed_at"],
	["execute_deletion", "deletion_completed_at"],
	["notify_recipients", "deletion_completed_at"],
	["respond", "responded_at"],
]

# done: the instant each step was done — the step's own event, else what
# the deletion log and the directives sent show (events.rego).
done := object.union(derived_done, {pair[0]: instant |
	some pair in step_events
	instant := object.union(events, {"received_at": input.received_at})[pair[1]]
})

# respond_by is the date to respond by: the binding response date, or the
# extended one once the extension was notified in time (R6, R7).
respond_by := deadlines.binding.respond_by if not extension_in_time

respond_by := deadlines.binding.extended_respond_by if extension_in_time

respond_name := "extended_respond_by" if extension_in_time

default respond_name := "respond_by"

# from(step, planned) is the date the next step counts from: the day the
# step was actually done, else its planned date.
from(step, _) := day(done[step])

from(step, planned) := planned if not done[step]

after(date, step) := lib.due(date, settings.steps[step], calendar)

# unclamped is each step's date before it is held to the response date: the
# law's own for acknowledge and respond, the playbook's timeframes from the
# step before otherwise (seed procedure § 3.2).
unclamped["intake"] := after(request.received_on, "intake")

unclamped["acknowledge"] := deadlines.binding.acknowledge_by

unclamped["acknowledge"] := after(request.received_on, "acknowledge") if not deadlines.binding.acknowledge_by

unclamped["verify"] := after(request.received_on, "verify")

unclamped["discover"] := after(from("verify", unclamped.verify), "discover")

unclamped["analyze_exceptions"] := after(from("discover", unclamped.discover), "analyze_exceptions")

unclamped["execute_deletion"] := after(from("analyze_exceptions", unclamped.analyze_exceptions), "execute_deletion")

unclamped["notify_recipients"] := unclamped.execute_deletion

unclamped["respond"] := respond_by

# statutory: the steps the law itself dates.
statutory contains "respond"

statutory contains "acknowledge" if deadlines.binding.acknowledge_by

# due is each step's date, never later than the statutory response date.
due[step] := min({date, respond_by}) if some step, date in unclamped

# plan lists the steps in order, each with its due date, when it was done,
# and whether it is overdue: not done, past its date, the request still
# open; then, once an appeal is received, the answer to it.
plan := array.concat(
	[object.union(
		{"step": step, "due": due[step], "statutory": step in statutory},
		object.union({"done_at": t | t := done[step]}, {"overdue": true | overdue_step(step)}),
	) |
		some pair in step_events
		step := pair[0]
	],
	appeal_plan,
)

overdue_step(step) if {
	not settled(step)
	not blocked(step)
	not closed
	request_as_of_date > due[step]
}

# METADATA
# title: A step clamped to the response date
# description: The procedure's own timeframes never push a step past the law's response date.
# custom:
#   citation: the binding response deadline (deadlines.timeline)
reasons contains lib.with_citation(lib.reason("plan_clamped", msg, rego.metadata.chain()), respond_citation) if {
	some pair in step_events
	step := pair[0]
	unclamped[step] > respond_by
	msg := sprintf("%s would be due on %s, after the response date %s: it is due on %s", [step, unclamped[step], respond_by, respond_by])
}

respond_citation := concat("; ", {s.citation | some s in deadlines.timeline; s.name == respond_name; s.date == respond_by})

# settled: a step done, or, for verification, an identity the request's
# facts already verify (or that needs none) without a verified_at event.
settled(step) if done[step]

settled("verify") if verification.status in {"verified", "not_required"}

# discovery reported what it found (the request's data) without its event
settled("discover") if count(object.get(input, "data", [])) > 0

# blocked: the steps that wait on an identity not yet verified are not
# overdue themselves; the verification (and the response) is.
blocked(step) if {
	step in {"discover", "analyze_exceptions", "execute_deletion", "notify_recipients"}
	verification.status in {"insufficient", "pending"}
}
