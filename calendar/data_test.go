package calendar_test

import (
	"testing"
)

// Calendar data checked day by day against its source (issue 14, "Calendar
// data"). business is whether the day is a business day on the calendar.
func TestCalendarData(t *testing.T) {
	for _, tc := range []struct {
		cal, day string
		business bool
		why      string
	}{
		// Bulgaria, Labour Code Art. 154: (1) the official holidays; (2) one
		// falling on a rest day moves to the next day that is neither a rest
		// day nor a holiday (Easter excepted).
		{"BG", "2024-05-01", false, "Art. 154(1): 1 May, a Wednesday, is kept on its day (Good Friday is 3 May)"},
		{"BG", "2024-05-07", true, "Easter Tuesday 2024: no transfer, 6 May (Easter Monday and St George) is not a rest day"},
		{"BG", "2024-05-06", false, "Easter Monday and St George's Day"},
		{"BG", "2024-05-03", false, "Orthodox Good Friday"},
		{"BG", "2021-05-04", false, "Art. 154(2): 1 May on Holy Saturday → Tuesday 4 May (3 May is Easter Monday)"},
		{"BG", "2021-05-05", true, "only one day for 1 May 2021"},
		{"BG", "2027-05-04", false, "Art. 154(2): 1 May on Holy Saturday → Tuesday 4 May"},
		{"BG", "2023-12-26", false, "Art. 154(1): 26 December, a Tuesday, is kept on its day"},
		{"BG", "2023-12-27", false, "Art. 154(2): 24 December on a Sunday → Wednesday 27 (25, 26 are holidays)"},
		{"BG", "2023-12-28", true, "a single transfer in 2023"},
		{"BG", "2028-12-26", false, "Art. 154(1): 26 December, a Tuesday"},
		{"BG", "2028-12-27", false, "Art. 154(2): 24 December on a Sunday → Wednesday 27"},
		{"BG", "2034-12-26", false, "Art. 154(1): 26 December, a Tuesday"},
		{"BG", "2034-12-27", false, "Art. 154(2): 24 December on a Sunday → Wednesday 27"},
		{"BG", "2022-12-27", false, "Art. 154(2): 24 December on a Saturday → Tuesday 27 (26 is a holiday)"},
		{"BG", "2022-12-28", false, "Art. 154(2): 25 December on a Sunday → Wednesday 28"},
		{"BG", "2022-12-29", true, "two transfers in 2022, no more"},
		{"BG", "2021-12-27", false, "Art. 154(2): 25 December on a Saturday → Monday 27"},
		{"BG", "2021-12-28", false, "Art. 154(2): 26 December on a Sunday → Tuesday 28"},
		{"BG", "2022-01-03", false, "Art. 154(2): 1 January on a Saturday → Monday 3"},
		{"BG", "2024-03-04", false, "Art. 154(2): 3 March on a Sunday → Monday 4"},
		{"BG", "2025-05-26", false, "Art. 154(2): 24 May on a Saturday → Monday 26"},
		{"BG", "2025-09-08", false, "Art. 154(2): 6 September on a Saturday → Monday 8"},
		{"BG", "2026-04-14", true, "Easter is excepted from the transfer: no day for Holy Saturday or Easter Sunday"},
		{"BG", "2026-11-02", true, "1 November (National Awakeners) is a day off for schools only"},

		// Virginia, Va. Code § 2.2-3300 as amended in 2020.
		{"US-VA", "2020-01-17", false, "Lee-Jackson Day, still a holiday on 17 January 2020 (repealed from 1 July 2020)"},
		{"US-VA", "2019-01-18", false, "Lee-Jackson Day 2019"},
		{"US-VA", "2021-01-15", true, "Lee-Jackson Day repealed"},
		{"US-VA", "2020-06-19", true, "Juneteenth 2020: an executive closure, not a statutory holiday"},
		{"US-VA", "2021-06-18", false, "Juneteenth from 2021: Saturday 19 June → Friday 18"},
		{"US-VA", "2026-06-19", false, "Juneteenth"},
		{"US-VA", "2020-11-03", false, "Election Day from 2020"},

		// Greece: Labour Day moved by the Minister of Labour's decision
		// for the year.
		{"GR", "2021-05-04", false, "Labour Day 2021 moved from Holy Saturday to Tuesday 4 May"},
		{"GR", "2022-05-02", false, "Labour Day 2022 moved from Sunday to Monday 2 May"},
		{"GR", "2024-05-07", false, "Labour Day 2024 moved from Holy Wednesday to Tuesday 7 May"},
		{"GR", "2024-05-01", true, "1 May 2024 a working day (the holiday was moved to 7 May)"},
		{"GR", "2023-05-01", false, "Labour Day on its day"},
		{"GR", "2026-05-01", false, "Labour Day on its day (no move decided)"},

		// Latvia: one-off holidays enacted by the Saeima.
		{"LV", "2018-07-09", false, "closing day of the XXVI Song and XVI Dance Festival"},
		{"LV", "2023-05-29", false, "day after the ice hockey bronze medal"},
		{"LV", "2023-07-10", false, "closing day of the XXVII Song and XVII Dance Festival"},
		{"LV", "2024-07-08", true, "no festival holiday in 2024"},
		{"LV", "2019-07-08", true, "no festival holiday in 2019"},

		// Holidays that only a national time-limits act counts are business
		// days (package doc, "Which days are holidays").
		{"NL", "2026-04-03", true, "Good Friday: Algemene termijnenwet art. 3 only"},
		{"NL", "2025-04-18", true, "Good Friday: Algemene termijnenwet art. 3 only"},
		{"NL", "2026-04-06", false, "Tweede Paasdag"},
		{"NL", "2026-05-05", false, "Bevrijdingsdag"},
		{"NL", "2026-04-27", false, "Koningsdag"},
		{"FI", "2026-06-19", true, "Midsummer Eve: Act 150/1930 § 5 only"},
		{"FI", "2026-12-24", true, "Christmas Eve: Act 150/1930 § 5 only"},
		{"FI", "2026-06-20", false, "Midsummer Day (a Saturday)"},
		{"FI", "2026-12-25", false, "Christmas Day"},
		{"SE", "2026-06-19", true, "Midsummer Eve: Lag (1930:173) § 2 only"},
		{"SE", "2026-12-24", true, "Christmas Eve: Lag (1930:173) § 2 only"},
		{"SE", "2026-12-31", true, "New Year's Eve: Lag (1930:173) § 2 only"},
		{"SE", "2026-06-06", false, "National Day (a Saturday)"},
		{"SE", "2027-06-25", true, "Midsummer Eve 2027"},
	} {
		isBD(t, mustLookup(t, tc.cal), tc.day, tc.business)
	}
}

// The lists, written out, for the years the sources above move days in.
func TestCalendarDataLists(t *testing.T) {
	for _, tc := range []struct {
		cal  string
		year int
		want string
	}{
		// Christmas 2023: 24 Sun, 25 Mon, 26 Tue, transfer Wed 27; 6 May Sat
		// → Mon 8; 1 January Sun → Mon 2. Orthodox Easter 16 April.
		{"BG", 2023, "01-01 01-02 03-03 04-14 04-15 04-16 04-17 05-01 05-06 05-08 05-24 09-06 09-22 12-24 12-25 12-26 12-27"},
		// Orthodox Easter 5 May: 6 May is Easter Monday and St George's Day;
		// 3 March Sun → Mon 4, 22 September Sun → Mon 23.
		{"BG", 2024, "01-01 03-03 03-04 05-01 05-03 05-04 05-05 05-06 05-06 05-24 09-06 09-22 09-23 12-24 12-25 12-26"},
		{"GR", 2024, "01-01 01-06 03-18 03-25 05-03 05-06 05-07 06-24 08-15 10-28 12-25 12-26"},
		{"LV", 2023, "01-01 04-07 04-09 04-10 05-01 05-04 05-29 06-23 06-24 07-10 11-20 12-24 12-25 12-26 12-31"},
		{"US-VA", 2020, "01-01 01-17 01-20 02-17 05-25 07-03 09-07 10-12 11-03 11-11 11-26 11-27 12-25"},
		{"US-VA", 2021, "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-02 11-11 11-25 11-26 12-24 12-31"},
	} {
		if got := holidayDates(t, mustLookup(t, tc.cal), tc.year); got != tc.want {
			t.Errorf("%s %d:\n got %s\nwant %s", tc.cal, tc.year, got, tc.want)
		}
	}
}
