# METADATA
# title: Amendments to the business-day calendars
# description: |
#   dsrkit's holiday calendars (US, US-CA, US-VA, US-CO, US-CT, US-UT, the
#   EU and EEA states, weekends) are built in from each statute's list of
#   holidays; "common(A,B,...)" is the calendar of the holidays common to
#   several of them (dsrkit reading R4; the CCPA's default is
#   common(US,US-CA)). Here the legal team amends them without touching Go:
#   a holiday added by a proclamation, a holiday the business does not keep.
#
#   amendments maps a calendar's name (as in a law's "calendar" or the
#   request's business.calendar; matched without regard to case) to
#
#     add     [{date, name, citation}]: days that are not business days
#             on that calendar although it does not list them
#     remove  [{date, citation}]: days the calendar lists as holidays
#             that are business days after all
#
#   Each date is the day the holiday is kept (the observed day): no
#   observance rule moves it. Every business-day and month period counted
#   on an amended calendar (lib.due) uses the amended calendar; the decision
#   still names the calendar, and each computation that an amendment
#   changes lists it with its citation. Removing a day that is not a
#   holiday of the calendar, or a date outside 2018-2040, is an error that
#   stops every decision counted on that calendar: run the tests after
#   each change (go run ./cmd/dsrkit test).
#
#   A combined calendar is amended under its own name: an amendment of
#   "US-CA" does not change "common(US,US-CA)" (a day added to California
#   alone is not common to both).
#
#   Adding a holiday can only make a deadline later and removing one only
#   earlier: cite the provision that makes the change right.
package dsrkit.calendars

# amendments are empty in the shipped policy: the calendars are the
# statutes' lists (README, "Calendars"). For example:
#
#   amendments := {"US-CA": {
#   	"add": [{
#   		"date": "2026-12-24",
#   		"name": "Christmas Eve",
#   		"citation": "Governor's proclamation of 2026-12-01 (Cal. Gov. Code § 6700(a)(17))",
#   	}],
#   	"remove": [],
#   }}
amendments := {}

# problems lists what is wrong with the amendments, one message each; the
# tests (calendars_test.rego) require none.
problems contains sprintf("calendar %s: %s entry %d has no %s", [name, list, i, key]) if {
	some name, amendment in amendments
	some list in ["add", "remove"]
	some i, entry in object.get(amendment, list, [])
	some key in required[list]
	not non_empty(entry, key)
}

problems contains sprintf("calendar %s: unknown key %s (want add, remove)", [name, key]) if {
	some name, amendment in amendments
	some key, _ in amendment
	not key in {"add", "remove"}
}

problems contains sprintf("calendar %s is amended twice (names are matched without regard to case)", [name]) if {
	some name, _ in amendments
	some other, _ in amendments
	name != other
	lower(name) == lower(other)
}

problems contains sprintf("calendar %s: added %s is not a business day on %s as shipped (a weekend day or a holiday already): is the date right?", [name, entry.date, name]) if {
	some name, amendment in amendments
	some entry in object.get(amendment, "add", [])
	not dsrkit.is_business_day(entry.date, name)
}

required := {"add": ["date", "name", "citation"], "remove": ["date", "citation"]}

non_empty(entry, key) if trim_space(entry[key]) != ""
