package dsrkit.lib_test

import data.dsrkit.lib

test_due_calendar_days_crosses_february if {
	lib.due("2026-01-31", {"n": 45, "unit": "days"}, "US") == "2026-03-17"
}

test_due_business_days_over_thanksgiving if {
	# Fri 20 Nov 2026 + 10 business days: Thanksgiving (26 Nov) is skipped, the Friday after is not.
	lib.due("2026-11-20", {"n": 10, "unit": "business_days"}, "US") == "2026-12-07"
}

test_due_month_clamped_and_rolled_past_weekend if {
	# 31 Jan + 1 month = 28 Feb 2026, a Saturday: the period ends Monday 2 March (R5).
	lib.due("2026-01-31", {"n": 1, "unit": "months"}, "weekends") == "2026-03-02"
}

test_due_month_rolled_past_german_christmas if {
	lib.due("2026-11-25", {"n": 1, "unit": "months"}, "DE") == "2026-12-28"
}

test_due_unknown_unit_is_undefined if {
	not lib.due("2026-01-31", {"n": 1, "unit": "weeks"}, "US")
}

test_computation_shows_the_arithmetic if {
	lib.computation("2026-03-02", {"n": 45, "unit": "days"}, "US") == "2026-03-02 + 45 calendar days"
	lib.computation("2026-03-02", {"n": 10, "unit": "business_days"}, "US") == "2026-03-02 + 10 business days on calendar US"
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
