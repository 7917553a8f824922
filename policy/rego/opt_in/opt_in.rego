# METADATA
# title: Is an opt-in to sale or sharing valid?
# description: |
#   Entry point for kind "opt_in" (dsrkit reading O4–O5): valid only with a clear
#   request and a separate, later confirmation by the same consumer, each an
#   affirmative choice free of dark patterns, given by the right person for
#   a minor, and not solicited before the wait after an opt-out was over.
#   Every failing reason is listed.
package dsrkit.opt_in

import data.dsrkit.applicability
import data.dsrkit.consent
import data.dsrkit.lib
import data.dsrkit.playbook
import data.dsrkit.request

decision := {
	"kind": "opt_in",
	"request_id": object.get(input, "id", ""),
	"as_of": request.as_of,
	"laws": applicability.results,
	"outcome": outcome,
	"valid": valid,
	"timeline": timeline,
	"reasons": [r | some r in reasons],
	"notices": [],
	"escalations": [],
}

default valid := false

valid if count(failures) == 0

outcome := "valid" if valid

outcome := "invalid" if not valid

steps := object.get(input, "steps", [])

requests := [s | some s in steps; s.type == "request"]

confirmations := [s | some s in steps; s.type == "confirmation"]

ns(step) := time.parse_rfc3339_ns(step.at)

# first_request: the earliest request. Each lookup below is computed once
# (the earliest instant, the requests' actions), so the evaluation is
# linear in the number of steps (issue 13).
first_request := [r | some r in requests; ns(r) == first_request_ns][0]

first_request_ns := min({ns(q) | some q in requests})

requested_on := consent.on(first_request.at)

# separate: a confirmation given by an action other than a request's.
separate(c) if not c.action_id in request_actions

request_actions := {r.action_id | some r in requests}

# later_confirmations are the separate confirmations after the first request.
later_confirmations := [c | some c in confirmations; separate(c); ns(c) > ns(first_request)]

reasons contains r if some r in failures

# METADATA
# title: Two-step opt-in complete
# description: A clear request, then a separate confirmation by the same consumer.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7028(a)
reasons contains consent.cite(lib.reason("two_step_complete", sprintf("requested on %s and confirmed separately afterwards by the same consumer", [requested_on]), rego.metadata.chain())) if valid

# METADATA
# title: No request to opt in
# description: The first step, a clear request to opt in, is missing.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7028(a)
failures contains consent.cite(lib.reason("missing_request", "no request to opt in was recorded", rego.metadata.chain())) if count(requests) == 0

# METADATA
# title: No confirmation
# description: The second step, a separate confirmation of the choice, is missing.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7028(a)
failures contains consent.cite(lib.reason("missing_confirmation", "no confirmation of the opt-in was recorded", rego.metadata.chain())) if count(confirmations) == 0

# METADATA
# title: Confirmation not after the request
# description: The confirmation must come after the request; a confirmation at or before it does not count.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7028(a)
failures contains consent.cite(lib.reason("confirmation_before_request", sprintf("no separate confirmation comes after the request of %s", [first_request.at]), rego.metadata.chain())) if {
	count([c | some c in confirmations; separate(c)]) > 0
	count(later_confirmations) == 0
}

# METADATA
# title: Not a separate step
# description: The confirmation was given by the same action as the request (one click, one form), so it is not a second step.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7028(a)
failures contains consent.cite(lib.reason("not_separate", sprintf("the confirmation is the same action as the request (%s)", [c.action_id]), rego.metadata.chain())) if {
	count(later_confirmations) == 0
	some c in confirmations
	not separate(c)
}

# METADATA
# title: Different consumers
# description: The request and the confirmation must come from the same consumer.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7028(a)
failures contains consent.cite(lib.reason("different_consumer", sprintf("the steps are for different consumers: %s", [concat(", ", subjects)]), rego.metadata.chain())) if {
	subjects := {s.subject_id | some s in steps}
	count(subjects) > 1
}

# METADATA
# title: Not an affirmative choice
# description: Each step must be the consumer's affirmative choice; silence, inactivity or a default is not consent.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7004
failures contains consent.cite(lib.reason("not_affirmative", sprintf("the %s (%s) is not an affirmative choice", [s.type, s.action_id]), rego.metadata.chain())) if {
	some s in steps
	not s.affirmative
}

# METADATA
# title: Pre-checked
# description: A pre-checked box is a dark pattern; consent given through it is not consent.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7004
failures contains consent.cite(lib.reason("prechecked", sprintf("the %s (%s) used a pre-checked choice", [s.type, s.action_id]), rego.metadata.chain())) if {
	some s in steps
	s.prechecked
}

# METADATA
# title: Bundled consent
# description: Consent bundled with other terms or choices is not a freely given, specific choice.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7004
failures contains consent.cite(lib.reason("bundled", sprintf("the %s (%s) bundled the opt-in with other terms", [s.type, s.action_id]), rego.metadata.chain())) if {
	some s in steps
	s.bundled
}

age := consent.age_on(requested_on)

age := consent.age_on(request.as_of_date) if count(requests) == 0

# METADATA
# title: A parent or guardian must opt in for a child under 13
# description: For a consumer under 13, only a parent or guardian may authorise the sale or sharing.
# custom:
#   citation: Cal. Civ. Code § 1798.120(c)
failures contains lib.reason("parent_consent_required", sprintf("the consumer is %d: a parent or guardian must give each step; the %s (%s) was given by the consumer", [age, s.type, s.action_id]), rego.metadata.chain()) if {
	child
	some s in steps
	s.actor != "parent_guardian"
}

# METADATA
# title: The consumer must opt in
# description: From 13 the consumer gives the opt-in; a parent's or guardian's steps do not count.
# custom:
#   citation: Cal. Civ. Code § 1798.120(c)
failures contains lib.reason("consumer_consent_required", sprintf("the consumer (%s) must give each step; the %s (%s) was given by a parent or guardian", [age_text, s.type, s.action_id]), rego.metadata.chain()) if {
	not child
	some s in steps
	s.actor == "parent_guardian"
}

# child: under 13 on the request date. An unknown age is no actual
# knowledge of a child: the consumer gives the opt-in.
child if age < consent.rules.minor_consent.parent_below

age_text := sprintf("aged %d", [age])

default age_text := "age unknown"

# METADATA
# title: Solicited within the wait
# description: The business asked for the opt-in before the wait after the opt-out was over, and not for a transaction the consumer initiated.
# custom:
#   citation: Cal. Civ. Code § 1798.135(c)(4)
failures contains lib.reason("solicited_within_12_months", sprintf("the business asked on %s, before the wait after the opt-out of %s was over (%s)", [asked_on, consent.opted_out_on, consent.wait_end]), rego.metadata.chain()) if {
	input.solicited_by_business
	not input.consumer_initiated_transaction
	asked_on < consent.wait_end
}

# asked_on: when the business asked; without a record of it, no later than
# the consumer's request.
asked_on := consent.on(input.solicited_at)

asked_on := requested_on if not input.solicited_at

# METADATA
# title: Confirmation too late
# description: The organisation's playbook sets a window for confirming an opt-in; a confirmation after it does not count.
# custom:
#   citation: playbook (opt_in_confirmation_window); Cal. Code Regs. tit. 11, § 7028(a)
failures contains lib.reason("confirmation_window_expired", sprintf("no confirmation came by %s (%s)", [by, lib.computation(requested_on, window, calendar)]), rego.metadata.chain()) if {
	window := playbook.settings.opt_in_confirmation_window
	by := lib.due(requested_on, window, calendar)
	count(later_confirmations) > 0
	every c in later_confirmations {
		consent.on(c.at) > by
	}
}

# calendar counts a confirmation window in business days: the request's
# choice, else US (R4).
calendar := object.get(input, ["business", "calendar"], "US")

timeline := consent.timeline_in_order if input.opted_out_at

default timeline := []
