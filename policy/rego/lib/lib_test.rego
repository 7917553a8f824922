package dsrkit.lib_test

import data.dsrkit.lib

# The arithmetic is tested on the calendars as shipped (with data.dsrkit.
# calendars.amendments as {}), whatever the policy amends; the amendments are
# tested with amendments of the tests' own.

test_due_calendar_days_crosses_february if {
	lib.due("2026-01-31", {"n": 45, "unit": "days"}, "US") == "2026-03-17" with data.dsrkit.calendars.amendments as {}
}

test_due_business_days_over_thanksgiving if {
	# Fri 20 Nov 2026 + 10 business days: Thanksgiving (26 Nov) is skipped, the Friday after is not.
	lib.due("2026-11-20", {"n": 10, "unit": "business_days"}, "US") == "2026-12-07" with data.dsrkit.calendars.amendments as {}
}

test_due_month_clamped_and_rolled_past_weekend if {
	# 31 Jan + 1 month = 28 Feb 2026, a Saturday: the period ends Monday 2 March (R5).
	lib.due("2026-01-31", {"n": 1, "unit": "months"}, "weekends") == "2026-03-02" with data.dsrkit.calendars.amendments as {}
}

test_due_month_rolled_past_german_christmas if {
	lib.due("2026-11-25", {"n": 1, "unit": "months"}, "DE") == "2026-12-28" with data.dsrkit.calendars.amendments as {}
}

test_due_unknown_unit_is_undefined if {
	not lib.due("2026-01-31", {"n": 1, "unit": "weeks"}, "US") with data.dsrkit.calendars.amendments as {}
}

test_computation_shows_the_arithmetic if {
	lib.computation("2026-03-02", {"n": 45, "unit": "days"}, "US") == "2026-03-02 + 45 calendar days" with data.dsrkit.calendars.amendments as {}
	lib.computation("2026-03-02", {"n": 10, "unit": "business_days"}, "US") == "2026-03-02 + 10 business days on calendar US" with data.dsrkit.calendars.amendments as {}
}

chain := [{"path": ["dsrkit", "x", "rule"], "annotations": {"custom": {"citation": "Cal. Civ. Code § 1798.105"}}}]

test_reason_takes_citation_and_rule_from_metadata if {
	lib.reason("c", "m", chain) == {"code": "c", "message": "m", "citation": "Cal. Civ. Code § 1798.105", "rule": "data.dsrkit.x.rule"}
	lib.law_reason("CCPA", "c", "m", chain).law == "CCPA"
}

test_earliest if {
	lib.earliest({"2026-04-16", "2026-04-02", "2026-05-31"}) == "2026-04-02"
	not lib.earliest(set())
}

test_with_citation_replaces_the_citation if {
	lib.with_citation(lib.reason("c", "m", chain), "Va. Code § 59.1-576(A)").citation == "Va. Code § 59.1-576(A)"
}

eve := {"US-CA": {"add": [{"date": "2026-12-24", "name": "Christmas Eve", "citation": "Proclamation X"}], "remove": []}}

no_thanksgiving := {"US": {"remove": [{"date": "2026-11-26", "citation": "Board resolution Y"}]}}

test_calendar_arg_is_the_name_unless_amended if {
	lib.calendar_arg("US-CA") == "US-CA" with data.dsrkit.calendars.amendments as {}
	lib.calendar_arg("US-CA") == {"name": "US-CA", "add": ["2026-12-24"], "remove": []} with data.dsrkit.calendars.amendments as eve
	lib.calendar_arg("us-ca") == {"name": "us-ca", "add": ["2026-12-24"], "remove": []} with data.dsrkit.calendars.amendments as eve
	lib.calendar_arg("US") == "US" with data.dsrkit.calendars.amendments as eve
	lib.calendar_arg("US") == {"name": "US", "add": [], "remove": ["2026-11-26"]} with data.dsrkit.calendars.amendments as no_thanksgiving
}

test_due_business_days_over_an_added_holiday if {
	# Fri 18 Dec 2026 + 5 business days on US-CA: 21, 22, 23, (25 Christmas), 28 ...
	lib.due("2026-12-18", {"n": 5, "unit": "business_days"}, "US-CA") == "2026-12-28" with data.dsrkit.calendars.amendments as {}

	# ... and with Christmas Eve added: 21, 22, 23, 28, 29.
	lib.due("2026-12-18", {"n": 5, "unit": "business_days"}, "US-CA") == "2026-12-29" with data.dsrkit.calendars.amendments as eve
}

test_due_business_days_without_a_removed_holiday if {
	lib.due("2026-11-20", {"n": 10, "unit": "business_days"}, "US") == "2026-12-04" with data.dsrkit.calendars.amendments as no_thanksgiving
}

test_due_month_rolled_past_an_added_holiday if {
	lib.due("2026-11-24", {"n": 1, "unit": "months"}, "DE") == "2026-12-24" with data.dsrkit.calendars.amendments as {}
	de := {"DE": {"add": [{"date": "2026-12-24", "name": "Heiligabend", "citation": "Z"}]}}
	lib.due("2026-11-24", {"n": 1, "unit": "months"}, "DE") == "2026-12-28" with data.dsrkit.calendars.amendments as de
}

test_due_calendar_days_ignore_amendments if {
	lib.due("2026-12-18", {"n": 10, "unit": "days"}, "US-CA") == "2026-12-28" with data.dsrkit.calendars.amendments as eve
}

test_computation_lists_the_amendments_within_the_period if {
	lib.computation("2026-12-18", {"n": 5, "unit": "business_days"}, "US-CA") == "2026-12-18 + 5 business days on calendar US-CA, as amended: 2026-12-24 added (Christmas Eve; Proclamation X)" with data.dsrkit.calendars.amendments as eve
	lib.computation("2026-11-20", {"n": 10, "unit": "business_days"}, "US") == "2026-11-20 + 10 business days on calendar US, as amended: 2026-11-26 removed (Board resolution Y)" with data.dsrkit.calendars.amendments as no_thanksgiving

	# An amendment outside the period is not mentioned.
	lib.computation("2026-12-24", {"n": 5, "unit": "business_days"}, "US-CA") == "2026-12-24 + 5 business days on calendar US-CA" with data.dsrkit.calendars.amendments as eve
	lib.computation("2026-12-01", {"n": 5, "unit": "business_days"}, "US-CA") == "2026-12-01 + 5 business days on calendar US-CA" with data.dsrkit.calendars.amendments as eve
}

test_computation_lists_amendments_in_date_order if {
	both := {"US": {
		"add": [{"date": "2026-12-24", "name": "Christmas Eve", "citation": "P"}],
		"remove": [{"date": "2026-11-26", "citation": "R"}],
	}}
	lib.computation("2026-11-20", {"n": 30, "unit": "business_days"}, "US") == "2026-11-20 + 30 business days on calendar US, as amended: 2026-11-26 removed (R); 2026-12-24 added (Christmas Eve; P)" with data.dsrkit.calendars.amendments as both
}

test_in_date_order_puts_undated_steps_first if {
	steps := {{"name": "b", "date": "2026-03-02"}, {"name": "c", "date": null}, {"name": "a", "date": "2026-01-05"}}
	[s.name | some s in lib.in_date_order(steps)] == ["c", "a", "b"]
	lib.in_date_order(set()) == []
}

test_rule_ref_names_the_definition_when_the_compiler_gave_it_an_id if {
	traced := [{"path": ["dsrkit", "x", "rule"], "annotations": {"custom": {"citation": "c", "id": "x.rule/a-title", "position": "x/x.rego:7"}}}]
	lib.rule_ref(traced) == {"rule_id": "x.rule/a-title", "position": "x/x.rego:7"}
	lib.reason("c", "m", traced).rule_id == "x.rule/a-title"
	lib.traced({"code": "n"}, traced) == {"code": "n", "rule_id": "x.rule/a-title", "position": "x/x.rego:7"}
	lib.rule_ref(chain) == {}
}
