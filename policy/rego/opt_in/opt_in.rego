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

decision := object.union(envelope, request.echo)

envelope := {
	"kind": "opt_in",
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
#   citation: dsrkit reading O4; each applicable law's two-step opt-in provision (law.consent)
reasons contains consent.cite("two_step", lib.reason("two_step_complete", sprintf("requested on %s and confirmed separately afterwards by the same consumer", [requested_on]), rego.metadata.chain())) if valid

# METADATA
# title: No request to opt in
# description: The first step, a clear request to opt in, is missing.
# custom:
#   citation: dsrkit reading O4; each applicable law's two-step opt-in provision (law.consent)
failures contains consent.cite("two_step", lib.reason("missing_request", "no request to opt in was recorded", rego.metadata.chain())) if count(requests) == 0

# METADATA
# title: No confirmation
# description: The second step, a separate confirmation of the choice, is missing.
# custom:
#   citation: dsrkit reading O4; each applicable law's two-step opt-in provision (law.consent)
failures contains consent.cite("two_step", lib.reason("missing_confirmation", "no confirmation of the opt-in was recorded", rego.metadata.chain())) if count(confirmations) == 0

# METADATA
# title: Confirmation not after the request
# description: The confirmation must come after the request; a confirmation at or before it does not count.
# custom:
#   citation: dsrkit reading O4; each applicable law's two-step opt-in provision (law.consent)
failures contains consent.cite("two_step", lib.reason("confirmation_before_request", sprintf("no separate confirmation comes after the request of %s", [first_request.at]), rego.metadata.chain())) if {
	count([c | some c in confirmations; separate(c)]) > 0
	count(later_confirmations) == 0
}

# METADATA
# title: Not a separate step
# description: The confirmation was given by the same action as the request (one click, one form), so it is not a second step.
# custom:
#   citation: dsrkit reading O4; each applicable law's two-step opt-in provision (law.consent)
failures contains consent.cite("two_step", lib.reason("not_separate", sprintf("the confirmation is the same action as the request (%s)", [c.action_id]), rego.metadata.chain())) if {
	count(later_confirmations) == 0
	some c in confirmations
	not separate(c)
}

# METADATA
# title: Different consumers
# description: The request and the confirmation must come from the same consumer.
# custom:
#   citation: dsrkit reading O4; each applicable law's two-step opt-in provision (law.consent)
failures contains consent.cite("two_step", lib.reason("different_consumer", sprintf("the steps are for different consumers: %s", [concat(", ", subjects)]), rego.metadata.chain())) if {
	subjects := {s.subject_id | some s in steps}
	count(subjects) > 1
}

# METADATA
# title: Not an affirmative choice
# description: Each step must be the consumer's affirmative choice; silence, inactivity or a default is not consent.
# custom:
#   citation: dsrkit reading O4; each applicable law's provision on consent free of dark patterns (law.consent)
failures contains consent.cite("dark_patterns", lib.reason("not_affirmative", sprintf("the %s (%s) is not an affirmative choice", [s.type, s.action_id]), rego.metadata.chain())) if {
	some s in steps
	not s.affirmative
}

# METADATA
# title: Pre-checked
# description: A pre-checked box is a dark pattern; consent given through it is not consent.
# custom:
#   citation: dsrkit reading O4; each applicable law's provision on consent free of dark patterns (law.consent)
failures contains consent.cite("dark_patterns", lib.reason("prechecked", sprintf("the %s (%s) used a pre-checked choice", [s.type, s.action_id]), rego.metadata.chain())) if {
	some s in steps
	s.prechecked
}

# METADATA
# title: Bundled consent
# description: Consent bundled with other terms or choices is not a freely given, specific choice.
# custom:
#   citation: dsrkit reading O4; each applicable law's provision on consent free of dark patterns (law.consent)
failures contains consent.cite("dark_patterns", lib.reason("bundled", sprintf("the %s (%s) bundled the opt-in with other terms", [s.type, s.action_id]), rego.metadata.chain())) if {
	some s in steps
	s.bundled
}

age := consent.age_on(requested_on)

age := consent.age_on(request.as_of_date) if count(requests) == 0

# METADATA
# title: A parent or guardian must opt in for a child under 13
# description: Where an applicable law's minors rule reaching the consumer needs a parent's or guardian's consent (law.minors, rule parental_consent; CCPA § 1798.120(c), under 13), only a parent or guardian may authorise the sale or sharing.
# custom:
#   citation: dsrkit reading O5; each law's minors rule (minors)
failures contains lib.with_citation(lib.reason("parent_consent_required", sprintf("the consumer is %d: a parent or guardian must give each step; the %s (%s) was given by the consumer", [age, s.type, s.action_id]), rego.metadata.chain()), concat("; ", sort({r.citation | some r in parental_rules}))) if {
	child
	some s in steps
	s.actor != "parent_guardian"
}

# METADATA
# title: The consumer must opt in
# description: Where no applicable law needs a parent's or guardian's consent, the consumer gives the opt-in; a parent's or guardian's steps do not count. Each law's minors rule for the consumer's own consent (CCPA § 1798.120(c), 13 to 15), else its consent provision.
# custom:
#   citation: dsrkit reading O4, O5; each law's minors rule (minors), else its consent provision (consent)
failures contains actor_cite(lib.reason("consumer_consent_required", sprintf("the consumer (%s) must give each step; the %s (%s) was given by a parent or guardian", [age_text, s.type, s.action_id]), rego.metadata.chain())) if {
	not child
	some s in steps
	s.actor == "parent_guardian"
}

# child: a parental-consent rule reaches the consumer (parental_rules, at
# the end of the file); an unknown age is no actual knowledge of a child.
child if count(parental_rules) > 0

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
#   citation: playbook (opt_in_confirmation_window); dsrkit reading O4
failures contains window_cite(lib.reason("confirmation_window_expired", sprintf("no confirmation came by %s (%s)", [by, lib.computation(requested_on, window, calendar)]), rego.metadata.chain())) if {
	window := playbook.settings.opt_in_confirmation_window
	by := lib.due(requested_on, window, calendar)
	count(later_confirmations) > 0
	every c in later_confirmations {
		consent.on(c.at) > by
	}
}

# window_cite: the playbook's window and each applicable law's two-step
# opt-in provision (consent.cite); with no law applicable, the rule's own.
window_cite(r) := lib.with_citation(r, sprintf("playbook (opt_in_confirmation_window); %s", [consent.consent_citations("two_step")])) if {
	count(applicability.applies) > 0
} else := r

# calendar counts a confirmation window in business days: the request's
# choice, else US (R4).
calendar := object.get(input, ["business", "calendar"], "US")

timeline := consent.timeline_in_order if input.opted_out_at

default timeline := []

# consent_day: the day whose age and rules say who gives the opt-in: the
# day it was asked for, else the decision's.
consent_day := requested_on

consent_day := request.as_of_date if count(requests) == 0

# parental_rules: the minors rules of the applicable laws, in force that
# day and reaching the consumer's age, that need a parent's or guardian's
# consent (law.minors, rule parental_consent).
parental_rules := {r | some r in consent.minor_rules(consent_day); r.rule == "parental_consent"}

# actor_cite gives the consumer_consent_required reason, per applicable
# law, its minors rules for the consumer's own consent that reach the
# consumer, else its consent provision, else its citation; with no law
# applicable the rule's own citation (the reading) stays.
actor_cite(r) := lib.with_citation(r, concat("; ", sort({actor_citation(id) | some id in applicability.applies}))) if {
	count(applicability.applies) > 0
} else := r

actor_citation(id) := concat("; ", sort(cs)) if {
	cs := {r.citation | some r in consent.minor_rules(consent_day); r.law == id; r.rule == "consent"}
	count(cs) > 0
} else := object.get(applicability.laws[id], ["consent", "citation"], applicability.laws[id].citation)
