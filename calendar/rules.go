package calendar

import (
	"slices"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickb777/date/v2"
)

// Holidays are declared as data: each calendar is a list of rickar/cal
// holiday definitions (rickar's own where it has them, dsrkit's otherwise),
// each with its date rule, its first and last year, and one of the
// observance rules below. build runs rickar's Holiday.Calc over the supported
// years and keeps only the year, month and day of each observed date.
//
// Nothing here touches rickar's package-level settings: definitions are
// cloned before they are changed, and Calc is only ever called at
// initialisation.

// The observance vocabulary: where a holiday is kept when its date falls on
// a given weekday. A nil rule means the holiday stays on its date.
var (
	// Saturday → preceding Friday, Sunday → following Monday
	// (5 U.S.C. § 6103(b), Executive Order 11582; Va., Conn., Utah).
	satFriSunMon = []cal.AltDay{{Day: time.Saturday, Offset: -1}, {Day: time.Sunday, Offset: 1}}

	// Sunday → following Monday only (Cal. Gov. Code § 6701, C.R.S. § 24-11-101(2)).
	sunMon = []cal.AltDay{{Day: time.Sunday, Offset: 1}}

	// Monday of the same week for Tuesday to Friday, following Monday for
	// Saturday and Sunday (Utah Code § 63G-1-301, Juneteenth).
	weekMondayOrNext = []cal.AltDay{
		{Day: time.Tuesday, Offset: -1}, {Day: time.Wednesday, Offset: -2},
		{Day: time.Thursday, Offset: -3}, {Day: time.Friday, Offset: -4},
		{Day: time.Saturday, Offset: 2}, {Day: time.Sunday, Offset: 1},
	}
)

// fixedDay is a holiday on a fixed day of the year.
func fixedDay(name string, m time.Month, day int, observed []cal.AltDay) *cal.Holiday {
	return &cal.Holiday{Name: name, Type: cal.ObservancePublic, Month: m, Day: day, Observed: observed, Func: cal.CalcDayOfMonth}
}

// nthWeekday is the n-th given weekday of a month; n = -1 is the last.
func nthWeekday(name string, m time.Month, wd time.Weekday, n int) *cal.Holiday {
	return &cal.Holiday{Name: name, Type: cal.ObservancePublic, Month: m, Weekday: wd, Offset: n, Func: cal.CalcWeekdayOffset}
}

// weekdayFrom is the first given weekday on or after a fixed day.
func weekdayFrom(name string, m time.Month, day int, wd time.Weekday) *cal.Holiday {
	return &cal.Holiday{Name: name, Type: cal.ObservancePublic, Month: m, Day: day, Weekday: wd, Offset: 1, Func: cal.CalcWeekdayFrom}
}

// easter is a day offset from Western (Gregorian) Easter Sunday.
func easter(name string, offset int) *cal.Holiday {
	return &cal.Holiday{Name: name, Type: cal.ObservancePublic, Offset: offset, Func: cal.CalcEasterOffset}
}

// orthodoxEaster is a day offset from Orthodox (Julian-computed) Easter Sunday.
func orthodoxEaster(name string, offset int) *cal.Holiday {
	h := easter(name, offset)
	h.Julian = true
	return h
}

// ymd is a calendar date in a table of dates.
type ymd struct {
	m time.Month
	d int
}

// tableDates is a holiday whose date in each year comes from a table. It is
// observed only in the years the table covers.
func tableDates(name string, dates map[int]ymd) *cal.Holiday {
	lo, hi := 0, 0
	for y := range dates {
		if lo == 0 || y < lo {
			lo = y
		}
		if y > hi {
			hi = y
		}
	}
	for y := lo; y <= hi; y++ {
		if _, ok := dates[y]; !ok {
			panic("calendar: gap in date table for " + name)
		}
	}
	return &cal.Holiday{
		Name: name, Type: cal.ObservancePublic, StartYear: lo, EndYear: hi,
		Func: func(_ *cal.Holiday, year int) time.Time {
			d := dates[year]
			return time.Date(year, d.m, d.d, 0, 0, 0, 0, cal.DefaultLoc)
		},
	}
}

// shifted is h moved by days after its rule is applied (e.g. the day after
// Thanksgiving, the Tuesday after the first Monday).
func shifted(h *cal.Holiday, name string, days int) *cal.Holiday {
	c := h.Clone(nil)
	c.Name = name
	c.CalcOffset += days
	return c
}

// since limits h to the years from first on.
func since(first int, h *cal.Holiday) *cal.Holiday {
	c := h.Clone(nil)
	c.StartYear = first
	return c
}

// until limits h to the years up to last.
func until(last int, h *cal.Holiday) *cal.Holiday {
	c := h.Clone(nil)
	c.EndYear = last
	return c
}

// except removes the given years from h.
func except(h *cal.Holiday, years ...int) *cal.Holiday {
	c := h.Clone(nil)
	c.Except = append(append([]int(nil), h.Except...), years...)
	return c
}

// renamed is h under another name.
func renamed(name string, h *cal.Holiday) *cal.Holiday {
	c := h.Clone(nil)
	c.Name = name
	return c
}

// without returns list minus the given definitions (matched by identity).
func without(list []*cal.Holiday, drop ...*cal.Holiday) []*cal.Holiday {
	out := make([]*cal.Holiday, 0, len(list))
next:
	for _, h := range list {
		for _, d := range drop {
			if h == d {
				continue next
			}
		}
		out = append(out, h)
	}
	if len(out) != len(list)-len(drop) {
		panic("calendar: without: a dropped definition is not in the list")
	}
	return out
}

// revise returns list with each definition that is a key of changes
// replaced by its revision, in place.
func revise(list []*cal.Holiday, changes map[*cal.Holiday]*cal.Holiday) []*cal.Holiday {
	out := make([]*cal.Holiday, len(list))
	found := 0
	for i, h := range list {
		out[i] = h
		if r, ok := changes[h]; ok {
			out[i] = r
			found++
		}
	}
	if found != len(changes) {
		panic("calendar: revise: a revised definition is not in the list")
	}
	return out
}

// with returns list followed by the given definitions.
func with(list []*cal.Holiday, add ...*cal.Holiday) []*cal.Holiday {
	return append(append([]*cal.Holiday(nil), list...), add...)
}

// onDates is a holiday kept only on the given dates (YYYY-MM-DD), at most
// one a year: a one-off holiday, or a holiday moved in given years by a
// decision made for that year.
func onDates(name string, days ...string) *cal.Holiday {
	dates := map[int]time.Time{}
	for _, s := range days {
		t, err := time.ParseInLocation(time.DateOnly, s, cal.DefaultLoc)
		if err != nil {
			panic("calendar: onDates " + name + ": " + err.Error())
		}
		if _, dup := dates[t.Year()]; dup {
			panic("calendar: onDates " + name + ": two dates in " + s[:4])
		}
		dates[t.Year()] = t
	}
	return &cal.Holiday{
		Name: name, Type: cal.ObservancePublic,
		Func: func(_ *cal.Holiday, year int) time.Time { return dates[year] }, // zero: not that year
	}
}

// calendarDef is one row of a calendar table.
//
// A holiday whose observance rule moves it from a Monday–Friday keeps its
// own day as well as the day it is moved to, unless it is listed in
// replaced: the law says the observed day replaces it (Utah's Juneteenth).
// A weekend day is closed anyway, so a holiday moved off a weekend is listed
// only on the day it is kept.
//
// transfer lists the holidays (a subset of holidays, without observance
// rules) that the law moves when they fall on a rest day: each one on a
// Saturday or Sunday is also kept on the first following day that is
// neither a Saturday, a Sunday, a holiday nor a day already given for an
// earlier holiday (Bulgarian Labour Code Art. 154(2)).
type calendarDef struct {
	name, description string
	holidays          []*cal.Holiday
	replaced          []*cal.Holiday
	transfer          []*cal.Holiday
}

// build computes every holiday of defs kept in MinYear..MaxYear. The years
// on either side are computed too, so that a holiday observed across a year
// boundary (New Year's Day 2028, a Saturday, kept on Friday 2027-12-31) is
// not lost.
func build(defs, replaced []*cal.Holiday) []Holiday {
	var out []Holiday
	add := func(t time.Time, name string) {
		y, m, dd := t.Date() // in cal.DefaultLoc: only the calendar date is used
		if d := date.New(y, m, dd); d >= first && d < end {
			out = append(out, Holiday{Date: d, Name: name})
		}
	}
	for _, h := range defs {
		for y := MinYear - 1; y <= MaxYear+1; y++ {
			actual, obs := h.Calc(y)
			if obs.IsZero() {
				continue
			}
			add(obs, h.Name)
			if wd := actual.Weekday(); !actual.Equal(obs) && wd != time.Saturday && wd != time.Sunday && !slices.Contains(replaced, h) {
				add(actual, h.Name)
			}
		}
	}
	return out
}

// transferred gives the days the holidays in movable (dates of all, the
// calendar's holidays) are moved to when they fall on a rest day; see
// calendarDef.transfer.
func transferred(all, movable []Holiday) []Holiday {
	closed := map[Date]bool{}
	for _, h := range all {
		closed[h.Date] = true
	}
	slices.SortStableFunc(movable, func(a, b Holiday) int { return int(a.Date - b.Date) })
	var out []Holiday
	for _, h := range movable {
		if !isWeekend(h.Date) {
			continue
		}
		x := h.Date + 1
		for isWeekend(x) || closed[x] {
			x++
		}
		closed[x] = true
		if x < end {
			out = append(out, Holiday{Date: x, Name: h.Name})
		}
	}
	return out
}

func registerAll(defs []calendarDef) {
	for _, def := range defs {
		hs := build(def.holidays, def.replaced)
		if def.transfer != nil {
			hs = append(hs, transferred(hs, build(def.transfer, nil))...)
		}
		register(def.name, def.description, hs)
	}
}
