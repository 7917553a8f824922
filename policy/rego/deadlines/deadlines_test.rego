package dsrkit.deadlines_test

import data.dsrkit.deadlines

ca(received_at) := {"received_at": received_at, "consumer": {"residence": "US-CA"}, "business": {"time_zone": "America/Los_Angeles"}}

test_ccpa_deadlines_from_a_monday if {
	deadlines.by_law.CCPA == {
		"acknowledge_by": "2026-03-16",
		"respond_by": "2026-04-16",
		"extended_respond_by": "2026-05-31",
		"extension_notice_by": "2026-04-16",
		"calendar": "common(US,US-CA)",
	} with input as ca("2026-03-02T09:00:00-08:00")
}

test_ccpa_deadlines_over_thanksgiving_and_new_year if {
	deadlines.by_law.CCPA == {
		"acknowledge_by": "2026-12-07",
		"respond_by": "2027-01-04",
		"extended_respond_by": "2027-02-18",
		"extension_notice_by": "2027-01-04",
		"calendar": "common(US,US-CA)",
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
	tl[0].computation == "2026-03-02 + 10 business days on calendar common(US,US-CA)"
	tl[0].citation == "Cal. Code Regs. tit. 11, § 7021(a)"
	tl[0].rule == "data.dsrkit.deadlines.steps"
}

gdpr(received_at, business) := {"received_at": received_at, "consumer": {"residence": "FR"}, "business": object.union({"targets_eu": true}, business)}

test_gdpr_month_end_on_weekends if {
	# 31 Jan + 1 month = 28 Feb 2026, a Saturday: Monday 2 March (R5). The
	# extension runs three months from receipt, not from 2 March (R6).
	deadlines.by_law.GDPR == {
		"acknowledge_by": null,
		"respond_by": "2026-03-02",
		"extended_respond_by": "2026-04-30",
		"extension_notice_by": "2026-03-02",
		"calendar": "weekends",
	} with input as gdpr("2026-01-31", {})
}

test_gdpr_on_the_member_state_calendar if {
	# 1 May is Labour Day in Germany, a Friday: the month ends Monday 4 May.
	deadlines.by_law.GDPR.respond_by == "2026-05-04" with input as gdpr("2026-04-01", {"eu_member_state": "DE"})
	deadlines.by_law.GDPR.calendar == "DE" with input as gdpr("2026-04-01", {"eu_member_state": "DE"})
	deadlines.by_law.GDPR.respond_by == "2026-05-01" with input as gdpr("2026-04-01", {})
}

test_gdpr_ignores_the_us_business_day_calendar if {
	inp := gdpr("2026-04-01", {"calendar": "US-CA"})
	deadlines.by_law.GDPR.calendar == "weekends" with input as inp
	deadlines.binding_calendar == "weekends" with input as inp
}

two_laws := {
	"received_at": "2026-04-01",
	"consumer": {"residence": "US-CA"},
	"business": {"annual_revenue_usd": 30000000, "eu_establishment": true, "eu_member_state": "DE"},
}

test_two_laws_each_own_deadlines_and_the_earliest_binds if {
	deadlines.by_law == {
		"CCPA": {
			"acknowledge_by": "2026-04-15",
			"respond_by": "2026-05-16",
			"extended_respond_by": "2026-06-30",
			"extension_notice_by": "2026-05-16",
			"calendar": "common(US,US-CA)",
		},
		"GDPR": {
			"acknowledge_by": null,
			"respond_by": "2026-05-04",
			"extended_respond_by": "2026-07-01",
			"extension_notice_by": "2026-05-04",
			"calendar": "DE",
		},
	} with input as two_laws
	deadlines.binding == {
		"acknowledge_by": "2026-04-15",
		"respond_by": "2026-05-04",
		"extended_respond_by": "2026-06-30",
		"extension_notice_by": "2026-05-04",
	} with input as two_laws
	deadlines.binding_calendar == "common(US,US-CA)" with input as two_laws
}

test_binding_calendar if {
	deadlines.binding_calendar == "US-CA" with input as object.union(ca("2026-03-02"), {"business": {"calendar": "US-CA"}})
	deadlines.binding_calendar == "DE" with input as gdpr("2026-04-01", {"eu_member_state": "DE"})
	deadlines.binding_calendar == "US" with input as object.union(ca("2026-03-02"), {"consumer": {"residence": "US-NY"}})
	deadlines.binding_calendar == "US-CO" with input as {"received_at": "2026-03-02", "consumer": {"residence": "US-NY"}, "business": {"calendar": "US-CO"}}
}

test_us_state_laws_45_and_90_days if {
	every residence in ["US-VA", "US-CO", "US-CT", "US-UT"] {
		inp := {"received_at": "2026-03-02", "consumer": {"residence": residence}, "business": {"annual_revenue_usd": 30000000, "consumers_per_year": 200000}}
		by_law := deadlines.by_law with input as inp
		count(by_law) == 1
		some law in by_law
		law == {
			"acknowledge_by": null,
			"respond_by": "2026-04-16",
			"extended_respond_by": "2026-05-31",
			"extension_notice_by": "2026-04-16",
			"calendar": "US",
		}
	}
}

# no_date stands for a date built-in that fails under stock OPA without
# strict built-in errors (opa run --server by default): it is undefined.
no_date(date, _, _) := date if date == "never"

test_complete_when_every_deadline_has_its_date if {
	deadlines.expected == {["CCPA", "acknowledge_by"], ["CCPA", "respond_by"], ["CCPA", "extended_respond_by"], ["CCPA", "extension_notice_by"]} with input as ca("2026-03-02")
	deadlines.complete with input as ca("2026-03-02")
}

test_incomplete_when_a_date_cannot_be_computed if {
	not deadlines.complete with input as ca("2026-03-02") with dsrkit.add_business_days as no_date
	deadlines.by_law.CCPA.acknowledge_by == null with input as ca("2026-03-02") with dsrkit.add_business_days as no_date
}
