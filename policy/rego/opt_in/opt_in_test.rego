package dsrkit.opt_in_test

import data.dsrkit.opt_in
import data.dsrkit.playbook

# A web form on Monday 2 March 2026, then the link in the resulting email.
request_step := {
	"type": "request",
	"at": "2026-03-02T18:00:00Z",
	"channel": "web_form",
	"action_id": "a-1",
	"subject_id": "c-1",
	"actor": "consumer",
	"affirmative": true,
	"prechecked": false,
	"bundled": false,
}

confirmation_step := object.union(request_step, {"type": "confirmation", "at": "2026-03-02T18:30:00Z", "channel": "email_link", "action_id": "a-2"})

req(extra) := object.union(request_step, extra)

conf(extra) := object.union(confirmation_step, extra)

opt_in_request(steps) := {
	"kind": "opt_in",
	"id": "i-1",
	"as_of": "2026-03-20T12:00:00Z",
	"consumer": {"residence": "US-CA"},
	"steps": steps,
}

valid := opt_in_request([request_step, confirmation_step])

with_consumer(inp, consumer) := object.union(inp, {"consumer": consumer})

decide(inp) := d if {
	d := opt_in.decision with input as inp
}

codes(inp) := {r.code | some r in decide(inp).reasons}

messages(inp, code) := {r.message | some r in decide(inp).reasons; r.code == code}

failure(code, message) := {
	"code": code,
	"message": message,
	"citation": citation[code],
	"rule": "data.dsrkit.opt_in.failures",
}

citation := {
	"missing_request": "Cal. Code Regs. tit. 11, § 7028(a)",
	"missing_confirmation": "Cal. Code Regs. tit. 11, § 7028(a)",
	"confirmation_before_request": "Cal. Code Regs. tit. 11, § 7028(a)",
	"not_separate": "Cal. Code Regs. tit. 11, § 7028(a)",
	"different_consumer": "Cal. Code Regs. tit. 11, § 7028(a)",
	"not_affirmative": "Cal. Code Regs. tit. 11, § 7004",
	"prechecked": "Cal. Code Regs. tit. 11, § 7004",
	"bundled": "Cal. Code Regs. tit. 11, § 7004",
	"parent_consent_required": "Cal. Civ. Code § 1798.120(c)",
	"consumer_consent_required": "Cal. Civ. Code § 1798.120(c)",
	"solicited_within_12_months": "Cal. Civ. Code § 1798.135(c)(4)",
	"confirmation_window_expired": "playbook (opt_in_confirmation_window); Cal. Code Regs. tit. 11, § 7028(a)",
}

# invalid_alone: the request is invalid for exactly one reason, given once.
invalid_alone(inp, code, message) if {
	d := decide(inp)
	d.outcome == "invalid"
	d.valid == false
	d.reasons == [failure(code, message)]
}

test_valid_two_step_opt_in if {
	d := decide(valid)
	d.kind == "opt_in"
	d.request_id == "i-1"
	d.as_of == "2026-03-20T12:00:00Z"
	[l.law | some l in d.laws; l.applies] == ["CCPA"]
	d.outcome == "valid"
	d.valid == true
	d.timeline == []
	d.notices == []
	d.escalations == []
	d.reasons == [{
		"code": "two_step_complete",
		"message": "requested on 2026-03-02 and confirmed separately afterwards by the same consumer",
		"citation": "Cal. Code Regs. tit. 11, § 7028(a)",
		"rule": "data.dsrkit.opt_in.reasons",
	}]
}

test_request_id_defaults_to_empty if {
	decide(object.remove(valid, ["id"])).request_id == ""
}

test_request_date_is_the_date_in_the_business_zone if {
	# 18:00 UTC on 2 March is 03:00 on 3 March in Tokyo.
	inp := object.union(valid, {"business": {"time_zone": "Asia/Tokyo"}})
	decide(inp).reasons[0].message == "requested on 2026-03-03 and confirmed separately afterwards by the same consumer"
}

test_the_first_request_counts if {
	# A second request after the confirmation does not make it early.
	inp := opt_in_request([request_step, confirmation_step, req({"at": "2026-03-02T19:00:00Z", "action_id": "a-3"})])
	decide(inp).valid == true
}

test_missing_request if {
	invalid_alone(opt_in_request([confirmation_step]), "missing_request", "no request to opt in was recorded")
}

test_missing_confirmation if {
	invalid_alone(opt_in_request([request_step]), "missing_confirmation", "no confirmation of the opt-in was recorded")
}

test_no_steps_at_all if {
	codes(opt_in_request([])) == {"missing_request", "missing_confirmation"}
	codes(object.remove(valid, ["steps"])) == {"missing_request", "missing_confirmation"}
}

test_confirmation_before_the_request if {
	inp := opt_in_request([request_step, conf({"at": "2026-03-02T17:59:00Z"})])
	invalid_alone(inp, "confirmation_before_request", "no separate confirmation comes after the request of 2026-03-02T18:00:00Z")
}

test_confirmation_at_the_same_instant_is_not_after if {
	inp := opt_in_request([request_step, conf({"at": "2026-03-02T18:00:00Z"})])
	codes(inp) == {"confirmation_before_request"}
}

test_an_early_confirmation_does_not_spoil_a_later_one if {
	inp := opt_in_request([request_step, conf({"at": "2026-03-02T17:59:00Z", "action_id": "a-0"}), confirmation_step])
	decide(inp).valid == true
}

test_confirmation_by_the_same_action_is_not_separate if {
	inp := opt_in_request([request_step, conf({"action_id": "a-1"})])
	invalid_alone(inp, "not_separate", "the confirmation is the same action as the request (a-1)")
}

test_steps_for_different_consumers if {
	inp := opt_in_request([request_step, conf({"subject_id": "c-2"})])
	invalid_alone(inp, "different_consumer", "the steps are for different consumers: c-1, c-2")
}

test_not_an_affirmative_choice if {
	inp := opt_in_request([request_step, conf({"affirmative": false})])
	invalid_alone(inp, "not_affirmative", "the confirmation (a-2) is not an affirmative choice")
}

test_prechecked_choice if {
	inp := opt_in_request([req({"prechecked": true}), confirmation_step])
	invalid_alone(inp, "prechecked", "the request (a-1) used a pre-checked choice")
}

test_bundled_consent if {
	inp := opt_in_request([req({"bundled": true}), confirmation_step])
	invalid_alone(inp, "bundled", "the request (a-1) bundled the opt-in with other terms")
}

# --- Minors -------------------------------------------------------------------

parent(step) := object.union(step, {"actor": "parent_guardian"})

by_parent := opt_in_request([parent(request_step), parent(confirmation_step)])

test_a_child_under_13_cannot_opt_in_alone if {
	inp := with_consumer(valid, {"age": 12})
	d := decide(inp)
	d.outcome == "invalid"
	{r | some r in d.reasons} == {
		failure("parent_consent_required", "the consumer is 12: a parent or guardian must give each step; the request (a-1) was given by the consumer"),
		failure("parent_consent_required", "the consumer is 12: a parent or guardian must give each step; the confirmation (a-2) was given by the consumer"),
	}
}

test_a_parent_opts_in_for_a_child_under_13 if {
	decide(with_consumer(by_parent, {"age": 12})).valid == true
}

test_a_parent_must_give_every_step_for_a_child if {
	inp := with_consumer(opt_in_request([parent(request_step), confirmation_step]), {"age": 12})
	messages(inp, "parent_consent_required") == {"the consumer is 12: a parent or guardian must give each step; the confirmation (a-2) was given by the consumer"}
}

test_age_is_taken_on_the_request_date if {
	# Born 2 March 2013: 13 on the request date, 12 the day before.
	decide(with_consumer(valid, {"birth_date": "2013-03-02"})).valid == true
	codes(with_consumer(valid, {"birth_date": "2013-03-03"})) == {"parent_consent_required"}
}

test_a_consumer_of_13_to_15_must_opt_in_personally if {
	every age in [13, 15] {
		inp := with_consumer(by_parent, {"age": age})
		codes(inp) == {"consumer_consent_required"}
		decide(with_consumer(valid, {"age": age})).valid == true
	}
	inp := with_consumer(by_parent, {"age": 14})
	d := decide(inp)
	{r | some r in d.reasons} == {
		failure("consumer_consent_required", "the consumer (aged 14) must give each step; the request (a-1) was given by a parent or guardian"),
		failure("consumer_consent_required", "the consumer (aged 14) must give each step; the confirmation (a-2) was given by a parent or guardian"),
	}
}

test_a_parent_cannot_opt_in_for_an_adult if {
	messages(with_consumer(by_parent, {"age": 30}), "consumer_consent_required") == {
		"the consumer (aged 30) must give each step; the request (a-1) was given by a parent or guardian",
		"the consumer (aged 30) must give each step; the confirmation (a-2) was given by a parent or guardian",
	}
}

test_age_text_when_the_age_is_unknown if {
	opt_in.age_text == "age unknown" with input as by_parent
	opt_in.age_text == "aged 14" with input as with_consumer(by_parent, {"age": 14})
}

test_age_without_a_request_is_taken_on_as_of if {
	# Born 20 March 2013: 13 on as_of (20 March 2026).
	inp := with_consumer(opt_in_request([parent(confirmation_step)]), {"birth_date": "2013-03-20"})
	codes(inp) == {"missing_request", "consumer_consent_required"}
}

# --- Solicited within the wait ------------------------------------------------

# Opted out on 10 June 2025: the wait ends on 10 June 2026.
solicited := object.union(valid, {"opted_out_at": "2025-06-10T18:00:00Z", "solicited_by_business": true})

test_solicited_within_12_months_of_the_opt_out if {
	invalid_alone(solicited, "solicited_within_12_months", "the business asked on 2026-03-02, before the wait after the opt-out of 2025-06-10 was over (2026-06-10)")
	d := decide(solicited)
	d.timeline == [{
		"name": "wait_ends",
		"date": "2026-06-10",
		"computation": "opted out 2025-06-10 + 12 months (clamped to the month's last day)",
		"citation": "Cal. Civ. Code § 1798.135(c)(4)",
		"rule": "data.dsrkit.consent.timeline",
	}]
}

test_solicited_for_a_consumer_initiated_transaction if {
	decide(object.union(solicited, {"consumer_initiated_transaction": true})).valid == true
}

test_solicited_after_the_wait if {
	inp := object.union(solicited, {
		"as_of": "2026-06-20T12:00:00Z",
		"steps": [req({"at": "2026-06-10T18:00:00Z"}), conf({"at": "2026-06-10T18:30:00Z"})],
	})
	decide(inp).valid == true
}

test_the_date_the_business_asked_counts_not_the_request if {
	# Asked in month 11, the consumer answered after the wait: still invalid.
	late := object.union(solicited, {
		"as_of": "2026-06-20T12:00:00Z",
		"solicited_at": "2026-05-01T18:00:00Z",
		"steps": [req({"at": "2026-06-12T18:00:00Z"}), conf({"at": "2026-06-12T18:30:00Z"})],
	})
	invalid_alone(late, "solicited_within_12_months", "the business asked on 2026-05-01, before the wait after the opt-out of 2025-06-10 was over (2026-06-10)")
}

test_not_solicited_by_the_business if {
	d := decide(object.union(solicited, {"solicited_by_business": false}))
	d.valid == true
	count(d.timeline) == 1
}

# --- The playbook's confirmation window ---------------------------------------

window_7_days := object.union(playbook.defaults, {"opt_in_confirmation_window": {"n": 7, "unit": "days"}})

late := opt_in_request([request_step, conf({"at": "2026-03-10T09:00:00Z"})])

on_time := opt_in_request([request_step, conf({"at": "2026-03-09T23:00:00Z"})])

test_confirmation_after_the_playbook_window if {
	d := opt_in.decision with input as late with data.dsrkit.playbook.defaults as window_7_days
	d.outcome == "invalid"
	d.reasons == [failure("confirmation_window_expired", "no confirmation came by 2026-03-09 (2026-03-02 + 7 calendar days)")]
}

test_confirmation_on_the_last_day_of_the_window if {
	d := opt_in.decision with input as on_time with data.dsrkit.playbook.defaults as window_7_days
	d.valid == true
}

test_one_confirmation_within_the_window_is_enough if {
	inp := opt_in_request([request_step, confirmation_step, conf({"at": "2026-03-10T09:00:00Z", "action_id": "a-3"})])
	d := opt_in.decision with input as inp with data.dsrkit.playbook.defaults as window_7_days
	d.valid == true
}

# Outside the CCPA the window's reason cites the law's own consent
# provision; with no law applicable, the rule's own citation.
test_confirmation_window_cites_the_applicable_law if {
	ct := opt_in.decision with input as with_consumer(late, {"residence": "US-CT"}) with data.dsrkit.playbook.defaults as window_7_days
	[r.citation | some r in ct.reasons; r.code == "confirmation_window_expired"] == ["playbook (opt_in_confirmation_window); Conn. Gen. Stat. § 42-515 (\"consent\")"]
	ny := opt_in.decision with input as with_consumer(late, {"residence": "US-NY"}) with data.dsrkit.playbook.defaults as window_7_days
	[r.citation | some r in ny.reasons; r.code == "confirmation_window_expired"] == ["playbook (opt_in_confirmation_window); dsrkit reading O4"]
}

test_confirmation_window_from_the_request_playbook if {
	inp := object.union(late, {"playbook": {"opt_in_confirmation_window": {"n": 5, "unit": "business_days"}}})
	messages(inp, "confirmation_window_expired") == {"no confirmation came by 2026-03-09 (2026-03-02 + 5 business days on calendar US)"}
}

test_no_confirmation_window_by_default if {
	decide(late).valid == true
}

# --- Every failure is listed ----------------------------------------------------

test_every_failure_is_listed if {
	inp := with_consumer(
		object.union(solicited, {"steps": [
			req({"prechecked": true, "bundled": true}),
			conf({"action_id": "a-1", "affirmative": false, "subject_id": "c-2"}),
			parent(conf({"at": "2026-03-02T17:00:00Z", "action_id": "a-9"})),
		]}),
		{"age": 14},
	)
	d := decide(inp)
	d.outcome == "invalid"
	d.valid == false
	codes(inp) == {
		"prechecked", "bundled", "not_separate", "not_affirmative", "different_consumer",
		"confirmation_before_request", "consumer_consent_required", "solicited_within_12_months",
	}
	not "two_step_complete" in codes(inp)
}

# --- A consumer of unknown age ---------------------------------------------------

# With no age or birth date no minors rule reaches the consumer: the
# consumer gives the opt-in, and a parent's steps do not count. No CCPA
# minors rule reaches them either, so the reason cites the CCPA's opt-in
# provision (law.consent), not the minors' § 1798.120(c).
test_a_parent_cannot_opt_in_for_a_consumer_of_unknown_age if {
	d := decide(by_parent)
	d.outcome == "invalid"
	own := {"citation": "Cal. Code Regs. tit. 11, § 7028(a)"}
	{r | some r in d.reasons} == {
		object.union(failure("consumer_consent_required", "the consumer (age unknown) must give each step; the request (a-1) was given by a parent or guardian"), own),
		object.union(failure("consumer_consent_required", "the consumer (age unknown) must give each step; the confirmation (a-2) was given by a parent or guardian"), own),
	}
}

# --- Who opts in for a minor: each law's minors rules (dsrkit reading O5) --------

# A child of 12 in New Hampshire: the NHDPA has no parental-consent rule
# (law.minors), so no parent is asked for; the CCPA's under-13 rule does not
# reach a law it is not part of.
test_no_parent_rule_borrowed_from_the_ccpa if {
	inp := with_consumer(valid, {"residence": "US-NH", "age": 12})
	not "parent_consent_required" in codes(inp) with data.dsrkit.applicability.applies as {"NHDPA"}
}

# A law whose data has a parental-consent rule gets the behaviour, with its
# own citation, and no rule change: XXDPA, under 14.
xxdpa := {
	"id": "XXDPA",
	"citation": "XX Code § 1",
	"consent": {"citation": "XX Code § 2"},
	"minors": [
		{"from": "2020-01-01", "under_age": 14, "rule": "parental_consent", "scope": ["sale"], "knowledge": "actual", "citation": "XX Code § 3(a)"},
		{"from": "2020-01-01", "from_age": 14, "under_age": 18, "rule": "consent", "scope": ["sale"], "knowledge": "actual", "citation": "XX Code § 3(b)"},
	],
}

test_a_law_with_a_parental_rule_gets_it_with_its_citation if {
	inp := with_consumer(valid, {"residence": "US-CA", "age": 13})
	d := decide(inp) with data.dsrkit.applicability.applies as {"XXDPA"} with data.dsrkit.applicability.laws as {"XXDPA": xxdpa}
	{[r.code, r.citation] | some r in d.reasons; r.code == "parent_consent_required"} == {["parent_consent_required", "XX Code § 3(a)"]}
	by := decide(with_consumer(by_parent, {"residence": "US-CA", "age": 15})) with data.dsrkit.applicability.applies as {"XXDPA"} with data.dsrkit.applicability.laws as {"XXDPA": xxdpa}
	{r.citation | some r in by.reasons; r.code == "consumer_consent_required"} == {"XX Code § 3(b)"}
	adult := decide(with_consumer(by_parent, {"residence": "US-CA", "age": 30})) with data.dsrkit.applicability.applies as {"XXDPA"} with data.dsrkit.applicability.laws as {"XXDPA": xxdpa}
	{r.citation | some r in adult.reasons; r.code == "consumer_consent_required"} == {"XX Code § 2"}
	nothing := decide(with_consumer(by_parent, {"residence": "US-CA", "age": 30})) with data.dsrkit.applicability.applies as {"XXDPA"} with data.dsrkit.applicability.laws as {"XXDPA": object.remove(xxdpa, ["consent"])}
	{r.citation | some r in nothing.reasons; r.code == "consumer_consent_required"} == {"XX Code § 1"}
}

# With no law applicable the reason keeps the rule's own citation, the reading.
test_the_consumer_gives_the_opt_in_under_no_law if {
	d := decide(with_consumer(by_parent, {"residence": "US-NY", "age": 30}))
	{r.citation | some r in d.reasons; r.code == "consumer_consent_required"} == {"dsrkit reading O4, O5; each law's minors rule (minors), else its consent provision (consent)"}
}

# dsrkit reading O4: under a law other than the CCPA the opt-in cites that
# law's consent provision, never § 7028.
test_the_opt_in_cites_each_applicable_laws_consent_provision if {
	ct := decide(with_consumer(valid, {"residence": "US-CT"}))
	ct.valid
	[r] := [r | some r in ct.reasons; r.code == "two_step_complete"]
	r.citation == "Conn. Gen. Stat. § 42-515 (\"consent\")"
	bad := decide(with_consumer(opt_in_request([request_step]), {"residence": "US-VA"}))
	[m] := [r | some r in bad.reasons; r.code == "missing_confirmation"]
	m.citation == "Va. Code § 59.1-575 (\"consent\")"
	both := decide(object.union(valid, {"business": {"eu_establishment": true}}))
	[b] := [r | some r in both.reasons; r.code == "two_step_complete"]
	b.citation == "Cal. Code Regs. tit. 11, § 7028(a); GDPR Art. 4(11); Art. 7"
	none := decide(with_consumer(valid, {"residence": "US-NY"}))
	[n] := [r | some r in none.reasons; r.code == "two_step_complete"]
	n.citation == "dsrkit reading O4; each applicable law's two-step opt-in provision (law.consent)"
}
