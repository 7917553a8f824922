package dsrkit.calendars_test

import data.dsrkit.calendars
import data.dsrkit.lib

# The policy's amendments, whatever they are: each names a known calendar,
# each date is valid and in range, each removal is a holiday of that
# calendar (the built-ins refuse it otherwise), and nothing is missing.
test_amendments_are_well_formed if {
	count(calendars.problems) == 0
	every name, _ in calendars.amendments {
		is_boolean(dsrkit.is_business_day("2026-01-02", lib.calendar_arg(name)))
	}
}

eve := {"date": "2026-12-24", "name": "Christmas Eve", "citation": "Proclamation X"}

# The shipped policy amends no calendar. A change to the amendments changes
# this test, deliberately: replace it with one that says what was amended.
test_shipped_calendars_are_not_amended if {
	calendars.amendments == {}
}

test_problems_name_missing_fields if {
	bad := {"US-CA": {"add": [{"date": "2026-12-24", "name": " "}], "remove": [{"date": "2026-11-27"}]}}
	calendars.problems == {
		"calendar US-CA: add entry 0 has no name",
		"calendar US-CA: add entry 0 has no citation",
		"calendar US-CA: remove entry 0 has no citation",
	} with calendars.amendments as bad
}

test_problems_name_unknown_keys_and_duplicates if {
	bad := {"US-CA": {"added": [eve]}, "us-ca": {"add": [eve]}}
	calendars.problems == {
		"calendar US-CA: unknown key added (want add, remove)",
		"calendar US-CA is amended twice (names are matched without regard to case)",
		"calendar us-ca is amended twice (names are matched without regard to case)",
	} with calendars.amendments as bad
}

test_problems_name_an_added_day_that_is_already_closed if {
	# 2026-12-25 is already Christmas; 2026-12-26 a Saturday.
	bad := {"US": {"add": [object.union(eve, {"date": "2026-12-25"}), object.union(eve, {"date": "2026-12-26"})]}}
	calendars.problems == {
		"calendar US: added 2026-12-25 is not a business day on US as shipped (a weekend day or a holiday already): is the date right?",
		"calendar US: added 2026-12-26 is not a business day on US as shipped (a weekend day or a holiday already): is the date right?",
	} with calendars.amendments as bad
}

test_a_good_amendment_has_no_problems if {
	count(calendars.problems) == 0 with calendars.amendments as {"US-CA": {"add": [eve], "remove": [{"date": "2026-11-26", "citation": "R"}]}}
}

ca_request := {
	"kind": "delete",
	"id": "r-1",
	"received_at": "2026-12-18T10:00:00-08:00",
	"consumer": {"residence": "US-CA"},
	"business": {"time_zone": "America/Los_Angeles", "calendar": "US-CA"},
}

# A whole decision on an amended calendar: the acknowledgement (10 business
# days, CCPA) moves by a day, the decision still names the calendar, and
# the timeline shows the amendment with its citation.
test_a_decision_counts_on_the_amended_calendar if {
	d := data.dsrkit.delete.decision with input as ca_request with calendars.amendments as {}
	d.deadlines.calendar == "US-CA"
	d.deadlines.acknowledge_by == "2027-01-05" # 21 22 23 24 28 29 30 31 (1 Jan) 4 5

	a := data.dsrkit.delete.decision with input as ca_request
		with calendars.amendments as {"US-CA": {"add": [eve]}}
	a.deadlines.calendar == "US-CA"
	a.deadlines.by_law.CCPA.calendar == "US-CA"
	a.deadlines.acknowledge_by == "2027-01-06"
	some step in a.timeline
	step.name == "acknowledge_by"
	step.computation == "2026-12-18 + 10 business days on calendar US-CA, as amended: 2026-12-24 added (Christmas Eve; Proclamation X)"
}

# dsrkit reading R4: the CCPA counts on the holidays common to the federal and the
# California calendars. Friday 3 July 2026 (Independence Day on a Saturday)
# is a federal holiday only, so the acknowledgement is due on 10 July, not
# on 13 July as on the federal calendar; a request may still name "US".
r4_request := {
	"kind": "delete",
	"id": "r-1",
	"received_at": "2026-06-26T10:00:00-07:00",
	"consumer": {"residence": "US-CA"},
	"business": {"time_zone": "America/Los_Angeles"},
}

test_ccpa_counts_on_the_common_calendar if {
	d := data.dsrkit.delete.decision with input as r4_request with calendars.amendments as {}
	d.deadlines.calendar == "common(US,US-CA)"
	d.deadlines.by_law.CCPA.calendar == "common(US,US-CA)"
	d.deadlines.acknowledge_by == "2026-07-10"

	us := data.dsrkit.delete.decision with input as object.union(r4_request, {"business": {"calendar": "US"}})
		with calendars.amendments as {}
	us.deadlines.calendar == "US"
	us.deadlines.acknowledge_by == "2026-07-13"
}

# An amendment names the combined calendar as the law does.
test_the_common_calendar_can_be_amended if {
	amended := {"common(US,US-CA)": {"add": [{"date": "2026-07-03", "name": "Independence Day (observed)", "citation": "Proclamation Z"}]}}
	d := data.dsrkit.delete.decision with input as r4_request with calendars.amendments as amended
	d.deadlines.acknowledge_by == "2026-07-13"
	some step in d.timeline
	step.name == "acknowledge_by"
	step.computation == "2026-06-26 + 10 business days on calendar common(US,US-CA), as amended: 2026-07-03 added (Independence Day (observed); Proclamation Z)"
}
