package calendar

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/bg"
	"github.com/rickb777/date/v2"
)

// Guard: an observance rule never loses a holiday's own day. For every
// definition of every calendar and every year, the observed day is closed,
// and so is the actual day when it is a Monday to Friday, unless the
// definition is one whose observed day replaces it (calendarDef.replaced).
// rickar/cal's Bulgarian 26 December was moved to the 27th on a Tuesday,
// which left 26 December 2023, 2028 and 2034 open.
func TestObservanceKeepsTheActualDay(t *testing.T) {
	toDate := func(x time.Time) Date { y, m, d := x.Date(); return date.New(y, m, d) }
	for _, def := range slices.Concat(usCalendars(), euCalendars()) {
		c := registry[def.name]
		for _, h := range def.holidays {
			for y := MinYear; y <= MaxYear; y++ {
				actual, obs := h.Calc(y)
				if obs.IsZero() {
					continue
				}
				if o := toDate(obs); o >= first && o < end && !c.isClosed(o) {
					t.Errorf("%s %s %d: observed %s is open", def.name, h.Name, y, Format(o))
				}
				a := toDate(actual)
				if a < first || a >= end || isWeekend(a) || slices.Contains(def.replaced, h) {
					continue
				}
				if !c.isClosed(a) {
					t.Errorf("%s %s %d: its own day %s (a %s) is open", def.name, h.Name, y, Format(a), a.Weekday())
				}
			}
		}
	}
}

// The replaced definitions do replace: Utah's Juneteenth is kept on the
// Monday of its week only (Utah Code § 63G-1-301(1)(b)).
func TestReplacedActualDayIsOpen(t *testing.T) {
	ut := registry["US-UT"]
	for _, s := range []string{"2024-06-19", "2025-06-19", "2026-06-19"} {
		d, err := Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		if ut.isClosed(d) {
			t.Errorf("US-UT %s is closed; Juneteenth is kept on the Monday", s)
		}
	}
}

// The rest-day transfer gives each fixed-date holiday on a Saturday or
// Sunday its own weekday, one that is no holiday of its own, after it.
func TestTransferGivesEachHolidayADay(t *testing.T) {
	for _, def := range euCalendars() {
		if def.transfer == nil {
			continue
		}
		own := build(def.holidays, def.replaced)
		isOwn := map[Date]bool{}
		for _, h := range own {
			isOwn[h.Date] = true
		}
		moved := build(def.transfer, nil)
		subs := transferred(own, slices.Clone(moved))
		want := 0
		for _, h := range moved {
			if isWeekend(h.Date) && h.Date.Year() < MaxYear {
				want++
			}
		}
		if len(subs) < want {
			t.Fatalf("%s: %d transfers for %d weekend holidays", def.name, len(subs), want)
		}
		seen := map[Date]bool{}
		for _, s := range subs {
			if isWeekend(s.Date) || isOwn[s.Date] || seen[s.Date] {
				t.Errorf("%s: transfer %s (%s) lands on a rest day, a holiday or another transfer", def.name, Format(s.Date), s.Name)
			}
			seen[s.Date] = true
		}
	}
}

// build keeps both days of a definition whose rule moves it off a weekday
// (rickar/cal's Bulgarian 26 December, moved to the 27th on a Tuesday),
// and only the observed one when the definition is listed as replaced.
func TestBuildKeepsBothDays(t *testing.T) {
	days := func(hs []Holiday, year int) []string {
		var out []string
		for _, h := range hs {
			if h.Date.Year() == year {
				out = append(out, Format(h.Date))
			}
		}
		slices.Sort(out)
		return out
	}
	defs := []*cal.Holiday{bg.ChristmasDay2}
	for _, y := range []int{2023, 2028, 2034} {
		s := strconv.Itoa(y)
		if got, want := days(build(defs, nil), y), []string{s + "-12-26", s + "-12-27"}; !slices.Equal(got, want) {
			t.Errorf("%d: build = %v, want %v", y, got, want)
		}
		if got, want := days(build(defs, defs), y), []string{s + "-12-27"}; !slices.Equal(got, want) {
			t.Errorf("%d replaced: build = %v, want %v", y, got, want)
		}
	}
	// A weekend day is closed anyway: a holiday moved off it is listed once.
	if got, want := days(build([]*cal.Holiday{bg.ChristmasDay2}, nil), 2026), []string{"2026-12-28"}; !slices.Equal(got, want) {
		t.Errorf("2026: build = %v, want %v", got, want)
	}
}

// The cost of building a combined calendar, paid once per name while the
// cache has room and on every lookup of a new name after that.
func BenchmarkBuildCommon(b *testing.B) {
	members := []*Calendar{registry["US"], registry["US-CA"]}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if c := common(members); c.name != "common(US,US-CA)" {
			b.Fatal(c.name)
		}
	}
}
