# METADATA
# title: Asking an opted-out consumer again, and minors' consent
# description: |
#   dsrkit reading O3–O5: when a business may ask a consumer who opted out (or, as
#   a minor, refused) to opt back in, and who must give an opt-in. The waits
#   are the CCPA's; the seed guidance applies them to every consumer, so
#   they hold whichever law covers the request; the rest is each law's data.
package dsrkit.consent

import data.dsrkit.applicability
import data.dsrkit.lib
import data.dsrkit.request

# rules are the periods, ages and provisions, as data.
rules := {
	# Wait at least 12 months before asking again (FACTS CA-38, CONFIRMED-P).
	"wait": {"n": 12, "unit": "months", "citation": "Cal. Civ. Code § 1798.135(c)(4)"},
	# Under 16 and refused: "at least 12 months … or until the consumer
	# attains 16" (FACTS CA-39, CONFIRMED-P). dsrkit reading O3, the stricter
	# reading: the 16th birthday never shortens the 12-month wait. Counsel
	# who adopt the earlier reading (ask at 16 if that comes sooner) set
	# sixteenth_birthday_ends_wait to true.
	"minor_wait": {"until_age": 16, "sixteenth_birthday_ends_wait": false, "citation": "Cal. Civ. Code § 1798.135(c)(5)"},
	# The opt-in's provisions are each law's data, not rules here (issue
	# 15): the two-step opt-in, consent free of dark patterns, the
	# consumer-initiated transaction and the opt-in instructions are
	# law.consent (the CCPA's: § 7028(a), § 7004, § 7028(b)); who gives a
	# minor's opt-in is law.minors (the CCPA's: under 13 a parent or
	# guardian, 13–15 the consumer, § 1798.120(c)).
}

# cite gives a reason on one aspect of the opt-in (two_step, dark_patterns,
# consumer_initiated, opt_in_instructions) each applicable law's own
# provision for it (law.consent.provisions; the CCPA's § 7028, § 7004),
# else its consent provision (law.consent), which the seed guidance's
# two-step opt-in meets, else its citation (dsrkit reading O4). With no law
# applicable the rule's own citation (the reading) stays.
cite(aspect, r) := lib.with_citation(r, consent_citations(aspect)) if {
	count(applicability.applies) > 0
} else := r

# consent_citations: the provisions cite(aspect, _) gives, one per law.
consent_citations(aspect) := concat("; ", sort({consent_citation(id, aspect) | some id in applicability.applies}))

consent_citation(id, aspect) := object.get(applicability.laws[id], ["consent", "provisions", aspect, "citation"], object.get(applicability.laws[id], ["consent", "citation"], applicability.laws[id].citation))

zone := object.get(input, ["business", "time_zone"], "")

# on is the date of an instant in the business's time zone (R1).
on(instant) := dsrkit.receipt_date(instant, zone)

opted_out_on := on(input.opted_out_at)

# twelve_months is the end of the general wait: the same day 12 months
# after the opt-out (29 Feb → 28 Feb), never 360 or 365 days.
twelve_months := dsrkit.add_months(opted_out_on, rules.wait.n)

# sixteenth_birthday: from the birth date; from an age alone, the latest
# date it can be (the consumer's age on as_of, counted as just turned), so
# the business never asks early.
sixteenth_birthday := dsrkit.add_months(input.consumer.birth_date, 12 * rules.minor_wait.until_age)

sixteenth_birthday := dsrkit.add_months(request.as_of_date, 12 * (rules.minor_wait.until_age - input.consumer.age)) if {
	not input.consumer.birth_date
	input.consumer.age < rules.minor_wait.until_age
}

# minor_at_opt_out: the consumer was under 16 when opting out or refusing.
# With an age alone, only an age under 16 on as_of shows it.
minor_at_opt_out if sixteenth_birthday > opted_out_on

# wait_end is the first day the business may ask again: 12 months after
# the opt-out; the 16th birthday ends it sooner only on the earlier reading
# (dsrkit reading O3: switch sixteenth_birthday_ends_wait).
wait_end := sixteenth_birthday if minor_wait_binds

wait_end := twelve_months if not minor_wait_binds

# birthday_before_wait_end: a consumer under 16 at the opt-out turns 16
# before the 12 months are over.
birthday_before_wait_end if {
	minor_at_opt_out
	sixteenth_birthday < twelve_months
}

# minor_wait_binds: on the earlier reading, the 16th birthday ends the wait.
minor_wait_binds if {
	birthday_before_wait_end
	rules.minor_wait.sixteenth_birthday_ends_wait
}

# METADATA
# title: The wait before asking again
# description: The dates the wait after an opt-out is counted from and ends on (dsrkit reading O3).
# custom:
#   citation: Cal. Civ. Code § 1798.135(c)(4)
timeline contains lib.traced(
	{
		"name": "wait_ends",
		"date": twelve_months,
		"computation": sprintf("opted out %s + 12 months (clamped to the month's last day)", [opted_out_on]),
		"citation": rules.wait.citation,
		"rule": lib.rule_name(rego.metadata.chain()),
	},
	rego.metadata.chain(),
)

# METADATA
# title: A minor's 16th birthday
# description: A consumer under 16 who refused turns 16 on this date; on the stricter reading (dsrkit reading O3, the default) it does not shorten the 12-month wait.
# custom:
#   citation: Cal. Civ. Code § 1798.135(c)(5)
timeline contains lib.traced(
	{
		"name": "sixteenth_birthday",
		"date": sixteenth_birthday,
		"computation": birthday_computation,
		"citation": rules.minor_wait.citation,
		"rule": lib.rule_name(rego.metadata.chain()),
	},
	rego.metadata.chain(),
) if minor_at_opt_out

# timeline_in_order lists the timeline by date.
timeline_in_order := lib.in_date_order(timeline)

birthday_computation := sprintf("born %s + 16 years", [input.consumer.birth_date]) if input.consumer.birth_date

birthday_computation := sprintf("aged %d on %s: 16 by %s at the latest", [input.consumer.age, request.as_of_date, sixteenth_birthday]) if not input.consumer.birth_date

# METADATA
# title: Asked within the wait
# description: The business asked an opted-out consumer to opt back in before the wait was over, and not for a transaction the consumer initiated.
# custom:
#   citation: Cal. Civ. Code § 1798.135(c)(4)
reason_waiting(code, asked_on) := lib.reason(code, msg, rego.metadata.chain()) if {
	code == "twelve_month_wait"
	msg := sprintf("opted out on %s: the business may not ask again before %s (12 months); %s", [opted_out_on, wait_end, asked(asked_on)])
}

# METADATA
# title: A minor's wait
# description: On the earlier reading a consumer under 16 who refused may be asked again after 12 months or at 16, whichever comes first.
# custom:
#   citation: Cal. Civ. Code § 1798.135(c)(5)
reason_waiting(code, asked_on) := lib.reason(code, msg, rego.metadata.chain()) if {
	code == "minor_wait"
	minor_wait_binds
	msg := sprintf("under 16 when opting out on %s: the business may ask again on the earlier of %s (12 months) and %s (16th birthday), so from %s; %s", [opted_out_on, twelve_months, sixteenth_birthday, wait_end, asked(asked_on)])
}

# METADATA
# title: A minor's wait is 12 months, whatever the birthday
# description: |
#   A consumer under 16 who refused turns 16 before the 12 months are over;
#   on the stricter reading (dsrkit reading O3, the default) the birthday
#   does not shorten the wait: 12 months from the opt-out.
# custom:
#   citation: Cal. Civ. Code § 1798.135(c)(4), (c)(5); dsrkit reading O3
reason_waiting(code, asked_on) := lib.reason(code, msg, rego.metadata.chain()) if {
	code == "minor_wait"
	not minor_wait_binds
	msg := sprintf("under 16 when opting out on %s: the 16th birthday (%s) does not shorten the 12-month wait (stricter reading of § 1798.135(c)(5), dsrkit reading O3), so the business may not ask again before %s; %s", [opted_out_on, sixteenth_birthday, wait_end, asked(asked_on)])
}

# wait_code names the rule that sets wait_end.
wait_code := "minor_wait" if birthday_before_wait_end

wait_code := "twelve_month_wait" if not birthday_before_wait_end

asked(on) := sprintf("asking on %s is allowed", [on]) if on >= wait_end

asked(on) := sprintf("asking on %s is too early", [on]) if on < wait_end

# age_on is the consumer's age in whole years on a date: from the birth
# date when given, else the age the request states.
age_on(date) := age if {
	birth := input.consumer.birth_date
	years := to_number(substring(date, 0, 4)) - to_number(substring(birth, 0, 4))
	age := years - to_number(substring(date, 5, 5) < substring(birth, 5, 5))
}

age_on(_) := input.consumer.age if not input.consumer.birth_date
