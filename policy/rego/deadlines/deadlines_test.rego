package dsrkit.deadlines_test

import data.dsrkit.deadlines

ca(received_at) := {"received_at": received_at, "consumer": {"residence": "US-CA"}, "business": {"time_zone": "America/Los_Angeles"}}

test_ccpa_deadlines_from_a_monday if {
	deadlines.by_law.CCPA == {
		"acknowledge_by": "2026-03-16",
		"respond_by": "2026-04-16",
		"extended_respond_by": "2026-05-31",
		"extension_notice_by": "2026-04-16",
	} with input as ca("2026-03-02T09:00:00-08:00")
}

test_ccpa_deadlines_over_thanksgiving_and_new_year if {
	deadlines.by_law.CCPA == {
		"acknowledge_by": "2026-12-07",
		"respond_by": "2027-01-04",
		"extended_respond_by": "2027-02-18",
		"extension_notice_by": "2027-01-04",
	} with input as ca("2026-11-20T16:00:00-08:00")
}

test_receipt_late_evening_local_counts_from_local_date if {
	# 2026-11-21T05:30Z is still Friday 20 November in Los Angeles.
	deadlines.by_law.CCPA.acknowledge_by == "2026-12-07" with input as ca("2026-11-21T05:30:00Z")
}

test_state_calendar_override if {
	# Cesar Chavez Day (Tue 31 March) is a California holiday, not a federal one.
	inp := object.union(ca("2026-03-30"), {"business": {"calendar": "US-CA"}})
	deadlines.by_law.CCPA.acknowledge_by == "2026-04-14" with input as inp
	deadlines.by_law.CCPA.acknowledge_by == "2026-04-13" with input as ca("2026-03-30")
}

test_binding_is_the_earliest if {
	deadlines.binding.respond_by == "2026-04-16" with input as ca("2026-03-02")
	not deadlines.binding.respond_by with input as object.union(ca("2026-03-02"), {"consumer": {"residence": "US-NY"}})
}

test_timeline_in_date_order_with_arithmetic if {
	tl := deadlines.timeline with input as ca("2026-03-02")
	[s.name | some s in tl] == ["acknowledge_by", "extension_notice_by", "respond_by", "extended_respond_by"]
	tl[0].computation == "2026-03-02 + 10 business days on calendar US"
	tl[0].citation == "Cal. Code Regs. tit. 11, § 7021(a)"
	tl[0].rule == "data.dsrkit.deadlines.steps"
}
