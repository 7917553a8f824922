package calendar_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
)

// R3: business days counted after the receipt date.
func TestAddBusinessDaysDeadlines(t *testing.T) {
	for _, tc := range []struct {
		cal, from string
		n         int
		want      string
		why       string
	}{
		{"US", "2026-02-03", 10, "2026-02-18", "Presidents' Day 16 Feb skipped"},
		{"US", "2026-02-03", 0, "2026-02-03", "n = 0 is the date itself"},
		{"US", "2026-02-06", 1, "2026-02-09", "Friday + 1 = Monday"},
		// Receipt on a weekend or holiday: counting starts at the next business day.
		{"US", "2026-11-21", 1, "2026-11-23", "Saturday receipt"},
		{"US", "2026-11-22", 10, "2026-12-07", "Sunday receipt"},
		{"US", "2026-11-26", 1, "2026-11-27", "receipt on Thanksgiving"},
		{"US", "2026-11-26", 10, "2026-12-10", "receipt on Thanksgiving"},
		// Thanksgiving week: Thu 26 Nov off on US; Thu and Fri off on US-VA.
		{"US", "2026-11-23", 10, "2026-12-08", "Thanksgiving skipped"},
		{"US-VA", "2026-11-23", 10, "2026-12-09", "Thanksgiving and the day after skipped"},
		{"US-CA", "2026-11-23", 10, "2026-12-08", "day after Thanksgiving is not a § 6700 holiday"},
		// CCPA opt-out, 15 business days.
		{"US", "2026-11-23", 15, "2026-12-15", ""},
		{"US", "2026-12-21", 15, "2027-01-13", "Christmas and New Year's Day skipped"},
		// New Year's Day 2028 (Saturday) is kept on Friday 2027-12-31.
		{"US", "2027-12-30", 1, "2028-01-03", "31 Dec 2027 is the observed New Year's Day"},
		{"US", "2027-12-29", 2, "2028-01-03", ""},
		{"US-CA", "2027-12-30", 1, "2027-12-31", "California has no Saturday rule for 1 January"},
		{"weekends", "2027-12-30", 1, "2027-12-31", ""},
		{"US", "2027-12-23", 1, "2027-12-27", "Christmas 2027 (Saturday) kept on Friday 24 Dec"},
		// California-only holidays.
		{"US-CA", "2026-03-30", 1, "2026-04-01", "Cesar Chavez Day"},
		{"US", "2026-03-30", 1, "2026-03-31", ""},
		{"US-CA", "2026-02-11", 3, "2026-02-19", "Lincoln Day, Presidents' Day, Lunar New Year"},
		// Negative n counts backwards.
		{"US", "2026-11-30", -2, "2026-11-25", "Thanksgiving skipped backwards"},
		{"US", "2028-01-03", -1, "2027-12-30", ""},
	} {
		c := mustLookup(t, tc.cal)
		got, err := c.AddBusinessDays(d(t, tc.from), tc.n)
		require.NoError(t, err)
		assert.Equal(t, tc.want, calendar.Format(got), "%s %s %+d: %s", tc.cal, tc.from, tc.n, tc.why)
	}
}

func TestNextBusinessDayAndRollForward(t *testing.T) {
	us := mustLookup(t, "US")
	for _, tc := range []struct{ from, next, roll string }{
		{"2026-11-25", "2026-11-27", "2026-11-25"},
		{"2026-11-26", "2026-11-27", "2026-11-27"},
		{"2026-11-28", "2026-11-30", "2026-11-30"},
		{"2027-12-30", "2028-01-03", "2027-12-30"},
		{"2027-12-31", "2028-01-03", "2028-01-03"},
	} {
		next, err := us.NextBusinessDay(d(t, tc.from))
		require.NoError(t, err)
		assert.Equal(t, tc.next, calendar.Format(next), "next after %s", tc.from)
		roll, err := us.RollForward(d(t, tc.from))
		require.NoError(t, err)
		assert.Equal(t, tc.roll, calendar.Format(roll), "roll %s", tc.from)
	}
}

func TestBusinessDaysBetween(t *testing.T) {
	us := mustLookup(t, "US")
	for _, tc := range []struct {
		from, to string
		want     int
	}{
		{"2026-11-23", "2026-12-08", 10},
		{"2026-11-23", "2026-11-23", 0},
		{"2026-11-21", "2026-11-22", 0}, // a weekend
		{"2026-11-21", "2026-11-23", 1},
		{"2026-11-25", "2026-11-27", 1}, // Thanksgiving not counted
		{"2026-12-08", "2026-11-23", -10},
		{"2026-11-22", "2026-11-21", 0},
		{"2026-11-23", "2026-11-21", -1},
		{"2026-01-01", "2026-12-31", 250}, // 261 weekdays minus 11 holidays
	} {
		got, err := us.BusinessDaysBetween(d(t, tc.from), d(t, tc.to))
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "(%s, %s]", tc.from, tc.to)
	}
}

// R5, R6: Regulation 1182/71 month periods.
func TestAddMonthsEU(t *testing.T) {
	for _, tc := range []struct {
		cal, from string
		n         int
		want      string
		why       string
	}{
		{"weekends", "2026-03-05", 1, "2026-04-06", "5 Apr 2026 is a Sunday"},
		{"DE", "2026-03-05", 1, "2026-04-07", "Sun 5 Apr, then Easter Monday"},
		{"weekends", "2026-01-31", 1, "2026-03-02", "28 Feb 2026 is a Saturday"},
		{"DE", "2028-01-31", 1, "2028-02-29", "leap year, a Tuesday"},
		{"DE", "2024-01-31", 1, "2024-02-29", "leap year"},
		{"DE", "2026-03-31", 1, "2026-04-30", "31 Mar + 1 month = 30 Apr"},
		{"DE", "2026-11-25", 1, "2026-12-28", "25 and 26 Dec holidays, 27 Sunday"},
		{"DE", "2026-11-26", 1, "2026-12-28", "26 Dec holiday (Saturday), 27 Sunday"},
		{"FR", "2026-04-14", 1, "2026-05-15", "Ascension Thursday 14 May"},
		{"NL", "2026-03-27", 1, "2026-04-28", "Mon 27 Apr is Koningsdag"},
		{"IE", "2026-02-17", 1, "2026-03-18", "St Patrick's Day"},
		{"PL", "2025-11-24", 1, "2025-12-29", "24–26 Dec holidays from 2025, 27–28 weekend"},
		{"IT", "2027-09-04", 1, "2027-10-05", "4 October from 2026"},
		// GDPR extension: three months from receipt, not chained from the
		// rolled one-month date (which would give 2026-05-04).
		{"DE", "2026-01-31", 3, "2026-04-30", "from receipt"},
		{"DE", "2026-01-31", 1, "2026-03-02", ""},
		{"DE", "2026-03-02", 2, "2026-05-04", "what chaining would give"},
	} {
		c := mustLookup(t, tc.cal)
		got, err := c.AddMonthsEU(d(t, tc.from), tc.n)
		require.NoError(t, err)
		assert.Equal(t, tc.want, calendar.Format(got), "%s %s %+d months: %s", tc.cal, tc.from, tc.n, tc.why)
	}
}
