package calendar

import (
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"
)

// US federal and state holiday calendars (FACTS.md § 8). Every calendar is
// Monday–Friday minus the days listed; "every Sunday" holidays (Cal. Gov.
// Code § 6700(a)(1), Utah Code § 63G-1-301) are never business days anyway,
// so Sunday-only holidays such as Easter Sunday are not listed.
func init() { registerAll(usCalendars()) }

func usCalendars() []calendarDef {
	// Building blocks shared by the state lists. Weekday-rule holidays never
	// need an observance rule; fixed-date ones take the state's rule.
	var (
		mlk          = nthWeekday("Martin Luther King Jr. Day", time.January, time.Monday, 3)
		washington   = nthWeekday("Washington's Birthday", time.February, time.Monday, 3)
		memorial     = nthWeekday("Memorial Day", time.May, time.Monday, -1)
		labor        = nthWeekday("Labor Day", time.September, time.Monday, 1)
		columbus     = nthWeekday("Columbus Day", time.October, time.Monday, 2)
		thanksgiving = nthWeekday("Thanksgiving Day", time.November, time.Thursday, 4)

		// Utah Code § 63G-1-301(1)(b): when 19 June is a Tuesday to Friday
		// "the preceding Monday" is the holiday, instead of 19 June.
		utJuneteenth = since(2022, fixedDay("Juneteenth National Freedom Day", time.June, 19, weekMondayOrNext))
	)

	return []calendarDef{
		{
			// 5 U.S.C. § 6103(a); Saturday → Friday (§ 6103(b)), Sunday →
			// Monday (Executive Order 11582). rickar/cal's list has exactly
			// these eleven, Juneteenth from 2021 (Pub. L. 117-17).
			name:        "US",
			description: "US federal holidays as observed (5 U.S.C. § 6103)",
			holidays:    us.Holidays,
		},
		{
			// Cal. Gov. Code § 6700(a) and § 6701. Not listed, because they are
			// not whole-day holidays: Good Friday from noon to 3 p.m.
			// (§ 6700(a)(16)) and Saturday afternoons (§ 6702). The day after
			// Thanksgiving is a state-employee (§ 19853) and judicial holiday,
			// not a § 6700 holiday. Lunar New Year, Genocide Remembrance Day
			// and Juneteenth were added by AB 2596, AB 1801 and AB 1655
			// (Stats. 2022), in force 1 January 2023. § 6701 moves only the
			// dates it names: Sunday → Monday for 1 Jan, 12 Feb, 31 Mar,
			// 4 Jul, 9 Sep, 11 Nov and 25 Dec; 11 Nov on a Saturday → Friday.
			name:        "US-CA",
			description: "California state holidays (Gov. Code §§ 6700–6701)",
			holidays: []*cal.Holiday{
				fixedDay("New Year's Day", time.January, 1, sunMon),
				mlk,
				lunarNewYear,
				fixedDay("Lincoln Day", time.February, 12, sunMon),
				renamed("Presidents' Day", washington),
				fixedDay("Cesar Chavez Day", time.March, 31, sunMon),
				since(2023, fixedDay("Genocide Remembrance Day", time.April, 24, nil)),
				memorial,
				since(2023, fixedDay("Juneteenth", time.June, 19, nil)),
				fixedDay("Independence Day", time.July, 4, sunMon),
				labor,
				fixedDay("Admission Day", time.September, 9, sunMon),
				nthWeekday("Native American Day", time.September, time.Friday, 4),
				columbus,
				fixedDay("Veterans Day", time.November, 11, satFriSunMon),
				thanksgiving, // § 6700(a)(17): appointed by the President or Governor
				fixedDay("Christmas Day", time.December, 25, sunMon),
			},
		},
		{
			// Va. Code § 2.2-3300; Saturday → Friday, Sunday → Monday.
			// Lee-Jackson Day (the Friday before the third Monday in January)
			// was a holiday until the 2020 amendment of § 2.2-3300 repealed it
			// from 1 July 2020, so it was still kept on 17 January 2020; the
			// same amendment made Election Day a holiday (3 November 2020).
			// Juneteenth is a holiday from 2021 (amendment of the 2020 special
			// session): 19 June 2020 was a closure of state offices by the
			// Governor, not a statutory holiday.
			name:        "US-VA",
			description: "Virginia state holidays (Va. Code § 2.2-3300)",
			holidays: []*cal.Holiday{
				fixedDay("New Year's Day", time.January, 1, satFriSunMon),
				until(2020, shifted(mlk, "Lee-Jackson Day", -3)),
				mlk,
				renamed("George Washington Day", washington),
				memorial,
				since(2021, fixedDay("Juneteenth", time.June, 19, satFriSunMon)),
				fixedDay("Independence Day", time.July, 4, satFriSunMon),
				labor,
				renamed("Columbus Day and Yorktown Victory Day", columbus),
				since(2020, shifted(nthWeekday("", time.November, time.Monday, 1), "Election Day", 1)),
				fixedDay("Veterans Day", time.November, 11, satFriSunMon),
				thanksgiving,
				shifted(thanksgiving, "Day after Thanksgiving", 1),
				fixedDay("Christmas Day", time.December, 25, satFriSunMon),
			},
		},
		{
			// C.R.S. § 24-11-101; a holiday on a Sunday is kept the following
			// Monday (subsection 2); no Saturday rule. Juneteenth: SB 22-139.
			// Frances Xavier Cabrini Day replaced Columbus Day from 2020.
			// Cesar Chavez Day (§ 24-11-112) is an optional day, not listed.
			name:        "US-CO",
			description: "Colorado state holidays (C.R.S. § 24-11-101)",
			holidays: []*cal.Holiday{
				fixedDay("New Year's Day", time.January, 1, sunMon),
				mlk,
				renamed("Washington-Lincoln Day", washington),
				memorial,
				since(2022, fixedDay("Juneteenth", time.June, 19, sunMon)),
				fixedDay("Independence Day", time.July, 4, sunMon),
				labor,
				until(2019, columbus),
				since(2020, nthWeekday("Frances Xavier Cabrini Day", time.October, time.Monday, 1)),
				fixedDay("Veterans Day", time.November, 11, sunMon),
				thanksgiving,
				fixedDay("Christmas Day", time.December, 25, sunMon),
			},
		},
		{
			// Conn. Gen. Stat. § 1-4: days not designated to occur on a Monday
			// move Sunday → Monday and Saturday → Friday. MLK Day is "the first
			// Monday occurring on or after January fifteenth" (always the third
			// Monday). Juneteenth: P.A. 22-128, first observed 2023.
			// Thanksgiving is a legal holiday as a day appointed by the Governor
			// and the President. Good Friday is a state-employee closing day,
			// not a § 1-4 legal holiday, so it is left out.
			name:        "US-CT",
			description: "Connecticut legal holidays (Conn. Gen. Stat. § 1-4)",
			holidays: []*cal.Holiday{
				fixedDay("New Year's Day", time.January, 1, satFriSunMon),
				weekdayFrom("Martin Luther King Jr. Day", time.January, 15, time.Monday),
				fixedDay("Lincoln Day", time.February, 12, satFriSunMon),
				washington,
				memorial,
				since(2023, fixedDay("Juneteenth Independence Day", time.June, 19, satFriSunMon)),
				fixedDay("Independence Day", time.July, 4, satFriSunMon),
				labor,
				columbus,
				fixedDay("Veterans' Day", time.November, 11, satFriSunMon),
				thanksgiving,
				fixedDay("Christmas", time.December, 25, satFriSunMon),
			},
		},
		{
			// Utah Code § 63G-1-301: fixed-date holidays Saturday → Friday,
			// Sunday → Monday; Juneteenth National Freedom Day (from 2022) is
			// kept on the Monday of its week (Tuesday–Friday) or the following
			// Monday (Saturday, Sunday). Easter Sunday is always a Sunday. The
			// version in force from 6 May 2026 adds Good Friday subject to a
			// condition (FACTS HOL-19) that cannot be evaluated here; it is
			// left out (never-late reading: fewer holidays, earlier deadlines).
			name:        "US-UT",
			description: "Utah state holidays (Utah Code § 63G-1-301)",
			holidays: []*cal.Holiday{
				fixedDay("New Year's Day", time.January, 1, satFriSunMon),
				mlk,
				renamed("Washington and Lincoln Day", washington),
				memorial,
				utJuneteenth,
				fixedDay("Independence Day", time.July, 4, satFriSunMon),
				fixedDay("Pioneer Day", time.July, 24, satFriSunMon),
				labor,
				columbus,
				fixedDay("Veterans Day", time.November, 11, satFriSunMon),
				thanksgiving,
				fixedDay("Christmas Day", time.December, 25, satFriSunMon),
			},
			replaced: []*cal.Holiday{utJuneteenth},
		},
		{
			name:        "weekends",
			description: "Saturdays and Sundays only, no holidays",
		},
	}
}

// lunarNewYear is the "second new moon following the winter solstice, or the
// third new moon following the winter solstice should an intercalary month
// intervene" (Cal. Gov. Code § 6700(a)(4)): the conventional Lunar New Year
// dates (China Standard Time reckoning, as published in state calendars).
var lunarNewYear = tableDates("Lunar New Year", map[int]ymd{
	2023: {time.January, 22}, 2024: {time.February, 10}, 2025: {time.January, 29},
	2026: {time.February, 17}, 2027: {time.February, 6}, 2028: {time.January, 26},
	2029: {time.February, 13}, 2030: {time.February, 3}, 2031: {time.January, 23},
	2032: {time.February, 11}, 2033: {time.January, 31}, 2034: {time.February, 19},
	2035: {time.February, 8}, 2036: {time.January, 28}, 2037: {time.February, 15},
	2038: {time.February, 4}, 2039: {time.January, 24}, 2040: {time.February, 12},
})
