package calendar_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
)

// READINGS R4: the CCPA's calendar is the holidays common to the federal
// calendar as observed (5 U.S.C. § 6103) and California's (Gov. Code
// §§ 6700–6701). A federal holiday on a Saturday closes the Friday before
// it (§ 6103(b)); California moves only Sunday holidays (and Veterans Day),
// so those Fridays are business days on the common calendar.
func TestCommonCalendarR4(t *testing.T) {
	us, ca := mustLookup(t, "US"), mustLookup(t, "US-CA")
	c := mustLookup(t, "common(US,US-CA)")
	assert.Equal(t, "common(US,US-CA)", c.Name())
	assert.Equal(t, "holidays common to US: US federal holidays as observed (5 U.S.C. § 6103); "+
		"US-CA: California state holidays (Gov. Code §§ 6700–6701)", c.Description())

	for _, day := range []string{"2026-07-03", "2027-06-18", "2027-12-24", "2027-12-31"} {
		isBD(t, us, day, false)
		isBD(t, c, day, true)
	}
	// Kept by both: Veterans Day 2028 (Saturday) on Friday 10 November;
	// Christmas 2026; Independence Day 2027 (Sunday) on Monday 5 July.
	for _, day := range []string{"2028-11-10", "2026-12-25", "2027-07-05"} {
		isBD(t, c, day, false)
	}
	// California-only holidays are business days on the common calendar.
	for _, day := range []string{"2026-02-12", "2026-02-17", "2026-03-31", "2026-09-25"} {
		isBD(t, ca, day, false)
		isBD(t, c, day, true)
	}

	for _, tc := range []struct{ received, us, common string }{
		// 29 30 | 1 2 (3 Jul: federal only) 6 7 8 9 10 (13).
		{"2026-06-26", "2026-07-13", "2026-07-10"},
		// 20 21 22 23 (24 Dec: federal only) 27 28 29 30 (31 Dec: federal only).
		{"2027-12-17", "2028-01-04", "2027-12-31"},
	} {
		r := d(t, tc.received)
		got, err := us.AddBusinessDays(r, 10)
		require.NoError(t, err)
		assert.Equal(t, tc.us, calendar.Format(got), "US %s + 10", tc.received)
		got, err = c.AddBusinessDays(r, 10)
		require.NoError(t, err)
		assert.Equal(t, tc.common, calendar.Format(got), "common %s + 10", tc.received)
	}
	// CCPA opt-out, 15 business days across 24 and 31 December 2027.
	got, err := c.AddBusinessDays(d(t, "2027-12-17"), 15)
	require.NoError(t, err)
	assert.Equal(t, "2028-01-07", calendar.Format(got))
	got, err = us.AddBusinessDays(d(t, "2027-12-17"), 15)
	require.NoError(t, err)
	assert.Equal(t, "2028-01-11", calendar.Format(got))
}

// The common calendar lists a holiday only where every member lists one on
// that date (under the first member's name).
func TestCommonCalendarHolidays(t *testing.T) {
	c := mustLookup(t, "common(US,US-CA)")
	assert.Equal(t, "01-01 01-19 02-16 05-25 06-19 09-07 10-12 11-11 11-26 12-25", holidayDates(t, c, 2026))
	assert.Equal(t, "01-01 01-18 02-15 05-31 07-05 09-06 10-11 11-11 11-25", holidayDates(t, c, 2027))
	assert.Equal(t, "01-17 02-21 05-29 06-19 07-04 09-04 10-09 11-10 11-23 12-25", holidayDates(t, c, 2028))
	// Juneteenth: federal from 2021, California from 2023.
	assert.NotContains(t, holidayDates(t, c, 2022), "06-20")
	hs, err := c.Holidays(2026)
	require.NoError(t, err)
	assert.Equal(t, calendar.Holiday{Date: d(t, "2026-02-16"), Name: "Presidents' Day"}, hs[2])
	hs, err = mustLookup(t, "common(US-VA,US)").Holidays(2026)
	require.NoError(t, err)
	assert.Equal(t, calendar.Holiday{Date: d(t, "2026-02-16"), Name: "George Washington Day"}, hs[2])

	// Three members.
	c3 := mustLookup(t, "common(US,US-CA,US-VA)")
	assert.Equal(t, "common(US,US-CA,US-VA)", c3.Name())
	isBD(t, c3, "2026-11-27", true) // day after Thanksgiving: Virginia only
	isBD(t, c3, "2026-11-26", false)

	// The weekends calendar has no holidays, so none is common with it.
	w := mustLookup(t, "common(weekends,DE)")
	assert.Equal(t, "", holidayDates(t, w, 2026))
	isBD(t, w, "2026-12-25", true)
}

func TestCommonCalendarNames(t *testing.T) {
	for in, want := range map[string]string{
		"common(US,US-CA)":       "common(US,US-CA)",
		"COMMON(us, us-ca)":      "common(US,US-CA)",
		"Common( de , fr )":      "common(DE,FR)",
		"common(US-CA,US)":       "common(US-CA,US)",
		"common(weekends,IS)":    "common(weekends,IS)",
		"common(NL,BE,DE,LU)":    "common(NL,BE,DE,LU)",
		"common(US,Us-Ca,us-va)": "common(US,US-CA,US-VA)",
	} {
		assert.Equal(t, want, mustLookup(t, in).Name(), in)
	}
	// Looked up again, the same calendar.
	assert.Same(t, mustLookup(t, "common(US,US-CA)"), mustLookup(t, "common(US,US-CA)"))
	assert.NotContains(t, calendar.Names(), "common(US,US-CA)")

	for _, bad := range []string{
		"common()", "common(US)", "common(US,)", "common(,US)", "common(US,US)", "common(US,us)",
		"common(US,US-NY)", "common(US,US-CA", "common US,US-CA)", "commons(US,US-CA)",
		"common(US;US-CA)", "common(common(US,US-CA),US-VA)", "common((US,US-CA))",
		"common(US,US-CA) ", " common(US,US-CA)", "common(DE,AT,CH)", "common(US,US-CA)x", "common", "common(",
	} {
		_, err := calendar.Lookup(bad)
		requireCalErr(t, err, calendar.ErrUnknownCalendar, bad)
	}
}

// A combined calendar is a calendar like the others: amendable (keeping
// its name), its bit set and holiday lists agree, lookups allocate nothing
// once it is built.
func TestCommonCalendarIsACalendar(t *testing.T) {
	c := mustLookup(t, "common(US,US-CA)")
	a, err := c.With([]calendar.Holiday{holiday(t, "2027-12-24", "Christmas Eve")}, []calendar.Date{d(t, "2027-11-11")})
	require.NoError(t, err)
	assert.Equal(t, "common(US,US-CA)", a.Name())
	isBD(t, a, "2027-12-24", false)
	isBD(t, a, "2027-11-11", true)
	isBD(t, c, "2027-12-24", true)
	_, err = c.With(nil, []calendar.Date{d(t, "2027-12-31")}) // a federal holiday only: not one of c's
	requireCalErr(t, err, calendar.ErrNotAHoliday, "2027-12-31")

	allocs := testing.AllocsPerRun(100, func() {
		if _, err := calendar.Lookup("common(US,US-CA)"); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)

	lo, hi := d(t, fmt.Sprintf("%d-01-01", calendar.MinYear)), d(t, fmt.Sprintf("%d-12-31", calendar.MaxYear))
	us, ca := mustLookup(t, "US"), mustLookup(t, "US-CA")
	for x := lo; x <= hi; x += stride(1, 7) {
		got, err := c.IsBusinessDay(x)
		require.NoError(t, err)
		u, _ := us.IsBusinessDay(x)
		k, _ := ca.IsBusinessDay(x)
		if got != (u || k) {
			t.Fatalf("%s: common %v, US %v, US-CA %v", calendar.Format(x), got, u, k)
		}
	}
}

// The property READINGS R4 relies on: for any receipt date from 2020 to
// 2040 and any N from 1 to 30, the N-th business day on the common calendar
// is never later than on the federal calendar or on California's (and where
// either of them can count that far, so can the common calendar).
func TestCommonCalendarNeverLater(t *testing.T) {
	c, us, ca := mustLookup(t, "common(US,US-CA)"), mustLookup(t, "US"), mustLookup(t, "US-CA")
	lo, hi := d(t, "2020-01-01"), d(t, "2040-12-31")
	rng := rand.New(rand.NewPCG(14, 4)) // fixed seed: a failure reproduces
	runs := 20000
	if raceEnabled {
		runs = 2000
	}
	for range runs {
		r := lo + calendar.Date(rng.IntN(int(hi-lo)+1))
		n := 1 + rng.IntN(30)
		got, errC := c.AddBusinessDays(r, n)
		for _, m := range []*calendar.Calendar{us, ca} {
			want, err := m.AddBusinessDays(r, n)
			if err != nil {
				require.ErrorIs(t, err, calendar.ErrOutOfRange)
				continue
			}
			if errC != nil || got > want {
				t.Fatalf("%s + %d: common %s (%v), %s %s", calendar.Format(r), n, calendar.Format(got), errC, m.Name(), calendar.Format(want))
			}
		}
		if errC != nil {
			require.True(t, errors.Is(errC, calendar.ErrOutOfRange), "%v", errC)
		}
	}
}

// New combinations looked up from many goroutines at once; run with -race.
func TestCommonCalendarConcurrentLookup(t *testing.T) {
	names := []string{"common(US,US-CO)", "common(US-CO,US)", "common(us,us-co)", "common(US,US-CT,US-UT)"}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				c, err := calendar.Lookup(names[(g+i)%len(names)])
				if err != nil {
					t.Error(err)
					return
				}
				if _, err := c.AddBusinessDays(d(t, "2026-06-26"), 10); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

// Any string: Lookup returns a calendar whose Name it accepts again, or an
// ErrUnknownCalendar naming the string.
func FuzzLookupCommon(f *testing.F) {
	for _, s := range []string{"common(US,US-CA)", "COMMON(us, us-ca)", "common(US,)", "common(US,US)", "common(common(US,US-CA),DE)", "common(,)", "common(\x00,US)", "common(DE,FR,IT,ES,PT,NL,BE,LU,AT)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		c, err := calendar.Lookup(name)
		if err != nil {
			requireCalErr(t, err, calendar.ErrUnknownCalendar, name)
			return
		}
		again, err := calendar.Lookup(c.Name())
		require.NoError(t, err, c.Name())
		require.Equal(t, c.Name(), again.Name())
	})
}

func BenchmarkLookupCommon(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := calendar.Lookup("common(US,US-CA)"); err != nil {
			b.Fatal(err)
		}
	}
}
