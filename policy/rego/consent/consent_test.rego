package dsrkit.consent_test

import data.dsrkit.consent

# A consumer born 1 September 2010 opts out on 1 March 2026, aged 15.
fifteen := {"as_of": "2026-03-01T12:00:00Z", "opted_out_at": "2026-03-01T12:00:00Z", "consumer": {"birth_date": "2010-09-01"}}

# Born 10 January 2012: 14 on the opt-out of 1 March 2026.
fourteen := object.union(fifteen, {"consumer": {"birth_date": "2012-01-10"}})

adult := {"as_of": "2026-03-01T12:00:00Z", "opted_out_at": "2026-03-01T12:00:00Z", "consumer": {"age": 30}}

# The waits are the seed guidance's, from the CCPA; the opt-in's provisions
# and the minors' rules are each law's data (laws/*.rego: consent, minors).
test_rules_are_the_ccpa_waits if {
	consent.rules == {
		"wait": {"n": 12, "unit": "months", "citation": "Cal. Civ. Code § 1798.135(c)(4)"},
		"minor_wait": {"until_age": 16, "sixteenth_birthday_ends_wait": false, "citation": "Cal. Civ. Code § 1798.135(c)(5)"},
	}
}

test_opt_out_date_is_the_date_in_the_business_zone if {
	# 03:00 UTC on 11 June 2025 is 20:00 on 10 June in Los Angeles.
	inp := {"opted_out_at": "2025-06-11T03:00:00Z", "business": {"time_zone": "America/Los_Angeles"}}
	consent.opted_out_on == "2025-06-10" with input as inp
	consent.twelve_months == "2026-06-10" with input as inp
	consent.opted_out_on == "2025-06-11" with input as {"opted_out_at": "2025-06-11T03:00:00Z"}
}

test_twelve_months_is_the_same_day_a_year_later if {
	consent.twelve_months == "2027-03-01" with input as adult
	consent.wait_end == "2027-03-01" with input as adult
}

test_twelve_months_from_29_february_ends_on_28_february if {
	consent.twelve_months == "2025-02-28" with input as {"opted_out_at": "2024-02-29T12:00:00Z"}

	# Not 365 days, which from 1 March 2023 would be 29 February 2024.
	consent.twelve_months == "2024-03-01" with input as {"opted_out_at": "2023-03-01T12:00:00Z"}
}

test_sixteenth_birthday_from_the_birth_date if {
	consent.sixteenth_birthday == "2026-09-01" with input as fifteen
	consent.sixteenth_birthday == "2024-02-29" with input as {"consumer": {"birth_date": "2008-02-29"}}
	consent.birthday_computation == "born 2010-09-01 + 16 years" with input as fifteen
}

test_sixteenth_birthday_from_an_age_alone_is_the_latest_it_can_be if {
	inp := object.union(adult, {"consumer": {"age": 14}})
	consent.sixteenth_birthday == "2028-03-01" with input as inp
	consent.birthday_computation == "aged 14 on 2026-03-01: 16 by 2028-03-01 at the latest" with input as inp
}

test_no_sixteenth_birthday_from_an_age_of_16_or_more if {
	not consent.sixteenth_birthday with input as object.union(adult, {"consumer": {"age": 16}})
	not consent.minor_at_opt_out with input as object.union(adult, {"consumer": {"age": 16}})
	not consent.sixteenth_birthday with input as adult
}

test_minor_at_opt_out_until_the_sixteenth_birthday if {
	consent.minor_at_opt_out with input as fifteen
	consent.minor_at_opt_out with input as object.union(fifteen, {"opted_out_at": "2026-08-31T12:00:00Z"})
	not consent.minor_at_opt_out with input as object.union(fifteen, {"opted_out_at": "2026-09-01T12:00:00Z"})
	not consent.minor_at_opt_out with input as adult
}

# dsrkit reading O3: by default the 16th birthday never shortens the wait.
test_the_sixteenth_birthday_does_not_shorten_the_wait if {
	consent.wait_end == "2027-03-01" with input as fifteen
	consent.birthday_before_wait_end with input as fifteen
	not consent.minor_wait_binds with input as fifteen
	consent.wait_code == "minor_wait" with input as fifteen
}

# The earlier reading, a switch for counsel: the wait ends at 16 when that comes first.
earlier_reading := object.union(consent.rules, {"minor_wait": {"until_age": 16, "sixteenth_birthday_ends_wait": true, "citation": "Cal. Civ. Code § 1798.135(c)(5)"}})

test_on_the_earlier_reading_the_wait_ends_at_16_when_that_comes_first if {
	consent.wait_end == "2026-09-01" with input as fifteen with consent.rules as earlier_reading
	consent.minor_wait_binds with input as fifteen with consent.rules as earlier_reading
	consent.wait_code == "minor_wait" with input as fifteen with consent.rules as earlier_reading
}

test_minor_wait_ends_after_12_months_when_that_comes_first if {
	consent.minor_at_opt_out with input as fourteen
	consent.sixteenth_birthday == "2028-01-10" with input as fourteen
	consent.wait_end == "2027-03-01" with input as fourteen
	not consent.minor_wait_binds with input as fourteen
	consent.wait_code == "twelve_month_wait" with input as fourteen
}

test_adult_waits_12_months if {
	consent.wait_end == "2027-03-01" with input as adult
	consent.wait_code == "twelve_month_wait" with input as adult
}

wait_ends(on, date) := {
	"name": "wait_ends",
	"date": date,
	"computation": sprintf("opted out %s + 12 months (clamped to the month's last day)", [on]),
	"citation": "Cal. Civ. Code § 1798.135(c)(4)",
	"rule": "data.dsrkit.consent.timeline",
}

birthday(date, computation) := {
	"name": "sixteenth_birthday",
	"date": date,
	"computation": computation,
	"citation": "Cal. Civ. Code § 1798.135(c)(5)",
	"rule": "data.dsrkit.consent.timeline",
}

test_timeline_in_order if {
	consent.timeline_in_order == [
		birthday("2026-09-01", "born 2010-09-01 + 16 years"),
		wait_ends("2026-03-01", "2027-03-01"),
	] with input as fifteen
	consent.timeline_in_order == [
		wait_ends("2026-03-01", "2027-03-01"),
		birthday("2028-01-10", "born 2012-01-10 + 16 years"),
	] with input as fourteen
	consent.timeline_in_order == [wait_ends("2026-03-01", "2027-03-01")] with input as adult
}

test_reason_for_the_twelve_month_wait if {
	consent.reason_waiting("twelve_month_wait", "2027-02-28") == {
		"code": "twelve_month_wait",
		"message": "opted out on 2026-03-01: the business may not ask again before 2027-03-01 (12 months); asking on 2027-02-28 is too early",
		"citation": "Cal. Civ. Code § 1798.135(c)(4)",
		"rule": "data.dsrkit.consent.reason_waiting",
	} with input as adult
	consent.reason_waiting("twelve_month_wait", "2027-03-01").message == "opted out on 2026-03-01: the business may not ask again before 2027-03-01 (12 months); asking on 2027-03-01 is allowed" with input as adult
}

test_reason_for_a_minors_wait if {
	consent.reason_waiting("minor_wait", "2026-09-01") == {
		"code": "minor_wait",
		"message": "under 16 when opting out on 2026-03-01: the 16th birthday (2026-09-01) does not shorten the 12-month wait (stricter reading of § 1798.135(c)(5), dsrkit reading O3), so the business may not ask again before 2027-03-01; asking on 2026-09-01 is too early",
		"citation": "Cal. Civ. Code § 1798.135(c)(4), (c)(5); dsrkit reading O3",
		"rule": "data.dsrkit.consent.reason_waiting",
	} with input as fifteen
}

test_reason_for_a_minors_wait_on_the_earlier_reading if {
	consent.reason_waiting("minor_wait", "2026-08-31") == {
		"code": "minor_wait",
		"message": "under 16 when opting out on 2026-03-01: the business may ask again on the earlier of 2027-03-01 (12 months) and 2026-09-01 (16th birthday), so from 2026-09-01; asking on 2026-08-31 is too early",
		"citation": "Cal. Civ. Code § 1798.135(c)(5)",
		"rule": "data.dsrkit.consent.reason_waiting",
	} with input as fifteen with consent.rules as earlier_reading
}

test_age_on_around_a_birthday if {
	inp := {"consumer": {"birth_date": "2013-06-15"}}
	consent.age_on("2026-06-14") == 12 with input as inp
	consent.age_on("2026-06-15") == 13 with input as inp
	consent.age_on("2026-12-31") == 13 with input as inp
	consent.age_on("2027-01-01") == 13 with input as inp
}

test_age_on_for_a_29_february_birthday if {
	inp := {"consumer": {"birth_date": "2008-02-29"}}
	consent.age_on("2025-02-28") == 16 with input as inp
	consent.age_on("2025-03-01") == 17 with input as inp
}

test_age_on_from_the_stated_age if {
	consent.age_on("2020-01-01") == 30 with input as adult
	not consent.age_on("2020-01-01") with input as {"consumer": {}}
}
