package calendar_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
)

// The observed holidays of each US calendar, written out by hand from the
// statutes (FACTS.md § 8) and a perpetual calendar, as MM-DD in the given
// year. A date in the following year (New Year's Day kept on 31 December)
// appears in the earlier year's list.
//
// Key facts used: 1 Jan is Mon 2024, Wed 2025, Thu 2026, Fri 2027, Sat 2028.
var usHolidays = map[string]map[int]string{
	"US": {
		2024: "01-01 01-15 02-19 05-27 06-19 07-04 09-02 10-14 11-11 11-28 12-25",
		2025: "01-01 01-20 02-17 05-26 06-19 07-04 09-01 10-13 11-11 11-27 12-25",
		// 4 Jul on a Saturday → Friday 3 Jul.
		2026: "01-01 01-19 02-16 05-25 06-19 07-03 09-07 10-12 11-11 11-26 12-25",
		// 19 Jun Sat → 18 Jun; 4 Jul Sun → 5 Jul; 25 Dec Sat → 24 Dec;
		// 1 Jan 2028 Sat → Fri 31 Dec 2027.
		2027: "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-11 11-25 12-24 12-31",
		// No New Year's Day in 2028 (kept 2027-12-31); 11 Nov Sat → 10 Nov.
		2028: "01-17 02-21 05-29 06-19 07-04 09-04 10-09 11-10 11-23 12-25",
	},
	// Gov. Code § 6700: 1 Jan, MLK, Lunar New Year, 12 Feb, 3rd Mon Feb,
	// 31 Mar, 24 Apr, last Mon May, 19 Jun, 4 Jul, 1st Mon Sep, 9 Sep, 4th Fri
	// Sep, 2nd Mon Oct, 11 Nov, Thanksgiving, 25 Dec. § 6701: Sunday → Monday
	// for 1 Jan, 12 Feb, 31 Mar, 4 Jul, 9 Sep, 11 Nov, 25 Dec; 11 Nov on
	// Saturday → Friday; nothing else moves.
	"US-CA": {
		// LNY Sat 10 Feb; 31 Mar Sun → 1 Apr; 4th Fri Sep = 27 Sep.
		2024: "01-01 01-15 02-10 02-12 02-19 04-01 04-24 05-27 06-19 07-04 09-02 09-09 09-27 10-14 11-11 11-28 12-25",
		2025: "01-01 01-20 01-29 02-12 02-17 03-31 04-24 05-26 06-19 07-04 09-01 09-09 09-26 10-13 11-11 11-27 12-25",
		// 4 Jul is a Saturday and stays there.
		2026: "01-01 01-19 02-12 02-16 02-17 03-31 04-24 05-25 06-19 07-04 09-07 09-09 09-25 10-12 11-11 11-26 12-25",
		// LNY Sat 6 Feb, 24 Apr Sat, 19 Jun Sat, 25 Dec Sat stay; 4 Jul Sun → 5 Jul.
		2027: "01-01 01-18 02-06 02-12 02-15 03-31 04-24 05-31 06-19 07-05 09-06 09-09 09-24 10-11 11-11 11-25 12-25",
		// 1 Jan, 12 Feb, 9 Sep are Saturdays and stay; 11 Nov Sat → Fri 10 Nov.
		2028: "01-01 01-17 01-26 02-12 02-21 03-31 04-24 05-29 06-19 07-04 09-04 09-09 09-22 10-09 11-10 11-23 12-25",
	},
	// Va. Code § 2.2-3300 with Election Day (Tuesday after the first Monday
	// in November) and the day after Thanksgiving; Sat → Fri, Sun → Mon.
	"US-VA": {
		2024: "01-01 01-15 02-19 05-27 06-19 07-04 09-02 10-14 11-05 11-11 11-28 11-29 12-25",
		2025: "01-01 01-20 02-17 05-26 06-19 07-04 09-01 10-13 11-04 11-11 11-27 11-28 12-25",
		2026: "01-01 01-19 02-16 05-25 06-19 07-03 09-07 10-12 11-03 11-11 11-26 11-27 12-25",
		2027: "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-02 11-11 11-25 11-26 12-24 12-31",
		2028: "01-17 02-21 05-29 06-19 07-04 09-04 10-09 11-07 11-10 11-23 11-24 12-25",
	},
	// C.R.S. § 24-11-101: Cabrini Day (1st Mon Oct) instead of Columbus Day;
	// Sunday → Monday only.
	"US-CO": {
		2024: "01-01 01-15 02-19 05-27 06-19 07-04 09-02 10-07 11-11 11-28 12-25",
		2025: "01-01 01-20 02-17 05-26 06-19 07-04 09-01 10-06 11-11 11-27 12-25",
		2026: "01-01 01-19 02-16 05-25 06-19 07-04 09-07 10-05 11-11 11-26 12-25",
		2027: "01-01 01-18 02-15 05-31 06-19 07-05 09-06 10-04 11-11 11-25 12-25",
		2028: "01-01 01-17 02-21 05-29 06-19 07-04 09-04 10-02 11-11 11-23 12-25",
	},
	// Conn. Gen. Stat. § 1-4: Lincoln Day 12 Feb; non-Monday holidays
	// Sat → Fri, Sun → Mon.
	"US-CT": {
		2024: "01-01 01-15 02-12 02-19 05-27 06-19 07-04 09-02 10-14 11-11 11-28 12-25",
		2025: "01-01 01-20 02-12 02-17 05-26 06-19 07-04 09-01 10-13 11-11 11-27 12-25",
		2026: "01-01 01-19 02-12 02-16 05-25 06-19 07-03 09-07 10-12 11-11 11-26 12-25",
		2027: "01-01 01-18 02-12 02-15 05-31 06-18 07-05 09-06 10-11 11-11 11-25 12-24 12-31",
		// 12 Feb Sat → 11 Feb.
		2028: "01-17 02-11 02-21 05-29 06-19 07-04 09-04 10-09 11-10 11-23 12-25",
	},
	// Utah Code § 63G-1-301: Pioneer Day 24 Jul; Juneteenth on the Monday of
	// its week (Tue–Fri) or the next Monday (Sat, Sun); fixed dates
	// Sat → Fri, Sun → Mon.
	"US-UT": {
		// 19 Jun Wed → Mon 17 Jun.
		2024: "01-01 01-15 02-19 05-27 06-17 07-04 07-24 09-02 10-14 11-11 11-28 12-25",
		// 19 Jun Thu → Mon 16 Jun.
		2025: "01-01 01-20 02-17 05-26 06-16 07-04 07-24 09-01 10-13 11-11 11-27 12-25",
		// 19 Jun Fri → Mon 15 Jun.
		2026: "01-01 01-19 02-16 05-25 06-15 07-03 07-24 09-07 10-12 11-11 11-26 12-25",
		// 19 Jun Sat → Mon 21 Jun; 24 Jul Sat → Fri 23 Jul.
		2027: "01-01 01-18 02-15 05-31 06-21 07-05 07-23 09-06 10-11 11-11 11-25 12-24 12-31",
		2028: "01-17 02-21 05-29 06-19 07-04 07-24 09-04 10-09 11-10 11-23 12-25",
	},
}

// Full EU lists for one year, by hand. 2026: Western Easter 5 April (Good
// Friday 3 Apr, Easter Monday 6 Apr, Ascension 14 May, Whit Sunday 24 May,
// Whit Monday 25 May, Corpus Christi 4 Jun). 2027: Easter 28 March.
var euHolidays = map[string]map[int]string{
	"DE": {
		2026: "01-01 04-03 04-06 05-01 05-14 05-25 10-03 12-25 12-26",
		2027: "01-01 03-26 03-29 05-01 05-06 05-17 10-03 12-25 12-26",
	},
	"FR": {2026: "01-01 04-06 05-01 05-08 05-14 05-25 07-14 08-15 11-01 11-11 12-25"},
	// 4 October from 2026.
	"IT": {
		2025: "01-01 01-06 04-21 04-25 05-01 06-02 08-15 11-01 12-08 12-25 12-26",
		2026: "01-01 01-06 04-06 04-25 05-01 06-02 08-15 10-04 11-01 12-08 12-25 12-26",
	},
	// Koningsdag 27 Apr (Mon in 2026; Sun in 2025 → Sat 26 Apr). No Good
	// Friday: it counts only for the Algemene termijnenwet (package doc).
	"NL": {
		2025: "01-01 04-21 04-26 05-05 05-29 06-09 12-25 12-26",
		2026: "01-01 04-06 04-27 05-05 05-14 05-25 12-25 12-26",
	},
	// St Brigid's Day: first Monday of February (1 Feb 2026 is a Sunday).
	"IE": {2026: "01-01 02-02 03-17 04-06 05-04 06-01 08-03 10-26 12-25 12-26"},
	"PT": {2026: "01-01 04-03 04-05 04-25 05-01 06-04 06-10 08-15 10-05 11-01 12-01 12-08 12-25"},
	// Midsummer Day = Saturday 20–26 June; All Saints' = Saturday 31 Oct–6 Nov.
	"FI":       {2026: "01-01 01-06 04-03 04-05 04-06 05-01 05-14 05-24 06-20 10-31 12-06 12-25 12-26"},
	"weekends": {2024: "", 2026: "", 2040: ""},
}

func holidayDates(t *testing.T, c *calendar.Calendar, year int) string {
	t.Helper()
	hs, err := c.Holidays(year)
	require.NoError(t, err)
	var parts []string
	for _, h := range hs {
		s := calendar.Format(h.Date)
		if y := h.Date.Year(); y != year {
			t.Errorf("%s %d: holiday %s %s is in another year", c.Name(), year, s, h.Name)
		}
		parts = append(parts, s[5:])
	}
	return strings.Join(parts, " ")
}

func TestHolidayLists(t *testing.T) {
	for _, table := range []map[string]map[int]string{usHolidays, euHolidays} {
		for name, years := range table {
			c := mustLookup(t, name)
			for year, want := range years {
				assert.Equal(t, want, holidayDates(t, c, year), "%s %d", name, year)
			}
		}
	}
}

func TestHolidayNames(t *testing.T) {
	us := mustLookup(t, "US")
	hs, err := us.Holidays(2027)
	require.NoError(t, err)
	last := hs[len(hs)-1]
	assert.Equal(t, calendar.Holiday{Date: d(t, "2027-12-31"), Name: "New Year's Day"}, last)

	ca := mustLookup(t, "US-CA")
	hs, err = ca.Holidays(2026)
	require.NoError(t, err)
	names := map[string]bool{}
	for _, h := range hs {
		names[h.Name] = true
	}
	for _, n := range []string{"Lunar New Year", "Genocide Remembrance Day", "Juneteenth", "Cesar Chavez Day", "Admission Day", "Native American Day"} {
		assert.True(t, names[n], n)
	}
	assert.False(t, names["Good Friday"])
	assert.False(t, names["Day after Thanksgiving"])

	// Holidays returns a copy.
	hs[0].Name = "mutated"
	again, _ := ca.Holidays(2026)
	assert.Equal(t, "New Year's Day", again[0].Name)
}

// Dates added in the 2023 amendments are absent before they took effect.
func TestStartYears(t *testing.T) {
	ca := mustLookup(t, "US-CA")
	assert.Equal(t, "01-01 01-17 02-12 02-21 03-31 05-30 07-04 09-05 09-09 09-23 10-10 11-11 11-24 12-26",
		holidayDates(t, ca, 2022), "no Lunar New Year, Genocide Remembrance Day or Juneteenth before 2023; 12 Feb Sat stays, 25 Dec Sun → 26 Dec")
	ct := mustLookup(t, "US-CT")
	isBD(t, ct, "2022-06-20", true) // 19 Jun 2022 Sun: not yet a holiday
	isBD(t, ct, "2023-06-19", false)
	co := mustLookup(t, "US-CO")
	isBD(t, co, "2019-10-14", false) // Columbus Day until 2019
	isBD(t, co, "2019-10-07", true)
	isBD(t, co, "2020-10-05", false) // Cabrini Day from 2020
	isBD(t, co, "2020-10-12", true)
	us := mustLookup(t, "US")
	isBD(t, us, "2020-06-19", true) // Juneteenth from 2021
	isBD(t, us, "2021-06-18", false)
	va := mustLookup(t, "US-VA")
	isBD(t, va, "2019-11-05", true) // Election Day from 2020
	isBD(t, va, "2020-11-03", false)
}

func isBD(t *testing.T, c *calendar.Calendar, day string, want bool) {
	t.Helper()
	got, err := c.IsBusinessDay(d(t, day))
	require.NoError(t, err)
	assert.Equal(t, want, got, "%s %s (%s) business day", c.Name(), day, d(t, day).Weekday())
}

// Spot checks for every other calendar: a holiday (false) or a day that
// must stay a business day (true), with the reason.
func TestSpotChecks(t *testing.T) {
	for _, tc := range []struct {
		cal, day string
		business bool
		why      string
	}{
		{"AT", "2026-10-26", false, "Nationalfeiertag"},
		{"AT", "2026-12-08", false, "Mariä Empfängnis"},
		{"AT", "2026-04-03", true, "Good Friday is not a national holiday"},
		{"BE", "2026-07-21", false, "Nationale Feestdag"},
		{"BE", "2026-11-11", false, "Wapenstilstand"},
		{"BG", "2026-03-03", false, "Liberation Day"},
		{"BG", "2026-04-10", false, "Orthodox Good Friday"},
		{"BG", "2026-09-07", false, "6 Sep Sun → next working day"},
		{"BG", "2026-12-28", false, "26 Dec Sat → Mon 28 Dec"},
		{"CY", "2026-02-23", false, "Green Monday (Orthodox Easter 12 Apr − 48)"},
		{"CY", "2026-04-01", false, "EOKA Day"},
		{"CY", "2026-06-01", false, "Kataklysmos"},
		{"CY", "2026-10-01", false, "Independence Day"},
		{"CY", "2026-04-14", true, "Easter Tuesday: public service and banks only"},
		{"CY", "2026-12-24", true, "Christmas Eve: public service only"},
		{"CZ", "2026-07-06", false, "Jan Hus Day"},
		{"CZ", "2026-11-17", false, "Freedom and Democracy Day"},
		{"DK", "2026-04-02", false, "Maundy Thursday"},
		{"DK", "2023-05-05", false, "Store Bededag, last held 2023"},
		{"DK", "2024-04-26", true, "Store Bededag abolished from 2024"},
		{"DK", "2026-06-05", true, "Grundlovsdag is not a helligdag"},
		{"EE", "2026-02-24", false, "Independence Day"},
		{"EE", "2026-06-23", false, "Victory Day"},
		{"EE", "2026-12-24", false, "Christmas Eve"},
		{"EE", "2026-04-06", true, "no Easter Monday"},
		{"ES", "2026-10-12", false, "Fiesta Nacional"},
		{"ES", "2026-12-08", false, "Inmaculada Concepción"},
		{"ES", "2026-04-02", true, "Maundy Thursday is regional"},
		{"GR", "2026-02-23", false, "Kathara Deftera"},
		{"GR", "2026-04-13", false, "Orthodox Easter Monday"},
		{"GR", "2026-06-01", false, "Agiou Pnevmatos"},
		{"GR", "2026-04-06", true, "Western Easter Monday"},
		{"HR", "2026-06-22", false, "Anti-Fascist Struggle Day"},
		{"HR", "2026-11-18", false, "Remembrance Day, from 2020"},
		{"HR", "2026-06-25", true, "no longer a holiday from 2020"},
		{"HR", "2019-06-25", false, "Statehood Day until 2019"},
		{"HR", "2019-10-08", false, "Independence Day until 2019"},
		{"HR", "2019-05-30", true, "30 May a holiday only from 2020"},
		{"HU", "2026-03-16", true, "15 Mar Sunday is not moved"},
		{"HU", "2026-04-03", false, "Good Friday"},
		{"HU", "2026-10-23", false, "National Day"},
		{"HU", "2026-12-24", true, "Christmas Eve is not a public holiday"},
		{"IE", "2024-03-18", true, "17 Mar Sunday is not moved by law"},
		{"IE", "2022-03-18", false, "one-off public holiday 2022"},
		{"IE", "2024-02-05", false, "St Brigid's Day, first Monday in February"},
		{"IE", "2030-02-01", false, "St Brigid's Day: 1 February when a Friday"},
		{"IE", "2026-04-03", true, "Good Friday is not a public holiday"},
		{"IS", "2026-04-23", false, "First Day of Summer (Thursday 19–25 Apr)"},
		{"IS", "2026-04-02", false, "Maundy Thursday"},
		{"IS", "2026-08-03", false, "Commerce Day"},
		{"IS", "2026-12-24", true, "Christmas Eve: afternoon only"},
		{"LI", "2026-09-08", false, "Mariä Geburt"},
		{"LI", "2026-06-04", false, "Fronleichnam"},
		{"LI", "2026-04-03", true, "Good Friday: bank holiday only"},
		{"LI", "2026-03-19", true, "St Joseph: collective agreements only"},
		{"LT", "2026-11-02", false, "All Souls' Day"},
		{"LT", "2019-11-01", false, "All Saints' Day"},
		{"LT", "2018-11-02", true, "All Souls' Day a holiday only from 2020"},
		{"LT", "2026-12-24", false, "Christmas Eve"},
		{"LU", "2026-06-23", false, "National Day"},
		{"LU", "2019-05-09", false, "Europe Day"},
		{"LU", "2018-05-09", true, "Europe Day from 2019"},
		{"LV", "2025-05-05", false, "4 May Sunday → Monday"},
		{"LV", "2026-06-23", false, "Līgo"},
		{"LV", "2026-12-31", false, "New Year's Eve"},
		{"MT", "2026-03-19", false, "St Joseph"},
		{"MT", "2026-06-29", false, "L-Imnarja"},
		{"MT", "2026-09-21", false, "Independence Day"},
		{"MT", "2026-06-08", true, "7 June Sunday is not moved"},
		{"NO", "2026-04-02", false, "Skjærtorsdag"},
		{"NO", "2026-05-18", true, "17 May Sunday is not moved"},
		{"PL", "2026-12-24", false, "Christmas Eve, from 2025"},
		{"PL", "2024-12-24", true, "Christmas Eve not yet a holiday"},
		{"PL", "2026-06-04", false, "Corpus Christi"},
		{"RO", "2026-01-07", false, "St John the Baptist, from 2024"},
		{"RO", "2023-01-06", true, "Epiphany from 2024"},
		{"RO", "2026-06-01", false, "Children's Day and Orthodox Whit Monday"},
		{"RO", "2026-11-30", false, "St Andrew"},
		{"SE", "2026-06-19", true, "Midsummer Eve is not a public holiday"},
		{"SE", "2026-12-24", true, "Christmas Eve is not a public holiday"},
		{"SE", "2026-01-06", false, "Epiphany"},
		{"SI", "2026-01-02", false, "New Year (2nd day)"},
		{"SI", "2026-02-09", true, "8 Feb Sunday is not moved"},
		{"SI", "2026-04-27", false, "Day of Uprising"},
		{"SI", "2026-12-24", true, "Christmas Eve"},
		{"SK", "2026-05-08", true, "not a day of rest in 2026"},
		{"SK", "2025-05-08", false, "Victory over Fascism"},
		{"SK", "2027-05-10", true, "ordinary Monday"},
		{"SK", "2026-09-15", true, "not a day of rest in 2026"},
		{"SK", "2027-09-15", false, "Our Lady of Sorrows"},
		{"SK", "2023-09-01", false, "Constitution Day until 2023"},
		{"SK", "2025-09-01", true, "Constitution Day not a day of rest from 2024"},
		{"SK", "2023-11-17", false, "17 November until 2024"},
		{"SK", "2025-11-17", true, "17 November not a day of rest from 2025"},
		{"SK", "2026-01-06", false, "Epiphany stays a day of rest"},
		{"SK", "2026-12-24", false, "Christmas Eve"},
		{"weekends", "2026-12-25", true, "no holidays"},
		{"weekends", "2026-12-26", false, "Saturday"},
	} {
		c := mustLookup(t, tc.cal)
		got, err := c.IsBusinessDay(d(t, tc.day))
		require.NoError(t, err)
		assert.Equal(t, tc.business, got, "%s %s: %s", tc.cal, tc.day, tc.why)
	}
}

// The bitset and the holiday lists agree: a day is a business day exactly
// when it is Monday–Friday and no holiday is kept on it.
func TestBitsetMatchesHolidayLists(t *testing.T) {
	lo, hi := d(t, fmt.Sprintf("%d-01-01", calendar.MinYear)), d(t, fmt.Sprintf("%d-12-31", calendar.MaxYear))
	for _, name := range calendar.Names() {
		c := mustLookup(t, name)
		holidays := map[calendar.Date]bool{}
		for y := calendar.MinYear; y <= calendar.MaxYear; y++ {
			hs, err := c.Holidays(y)
			require.NoError(t, err)
			for i, h := range hs {
				holidays[h.Date] = true
				if i > 0 {
					require.LessOrEqual(t, hs[i-1].Date, h.Date, "%s %d sorted", name, y)
				}
				require.NotEmpty(t, h.Name)
			}
		}
		for x := lo; x <= hi; x += stride(1, 5) {
			wd := x.Weekday()
			want := wd != time.Saturday && wd != time.Sunday && !holidays[x]
			got, err := c.IsBusinessDay(x)
			if err != nil || got != want {
				t.Fatalf("%s %s: IsBusinessDay = %v, %v, want %v", name, calendar.Format(x), got, err, want)
			}
		}
	}
}
