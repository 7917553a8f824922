package calendar_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
)

func holiday(t testing.TB, day, name string) calendar.Holiday {
	t.Helper()
	return calendar.Holiday{Date: d(t, day), Name: name}
}

// An added holiday moves every business-day count across it, and nothing
// else: the base calendar is untouched.
func TestWithAddedHoliday(t *testing.T) {
	ca := mustLookup(t, "US-CA")
	amended, err := ca.With([]calendar.Holiday{holiday(t, "2026-12-24", "Christmas Eve")}, nil)
	require.NoError(t, err)

	// Fri 18 Dec 2026 + 5 business days: 21, 22, 23, 24, (25 Christmas), 28.
	got, err := ca.AddBusinessDays(d(t, "2026-12-18"), 5)
	require.NoError(t, err)
	assert.Equal(t, "2026-12-28", calendar.Format(got))
	// Amended: 21, 22, 23, (24, 25), 28, 29.
	got, err = amended.AddBusinessDays(d(t, "2026-12-18"), 5)
	require.NoError(t, err)
	assert.Equal(t, "2026-12-29", calendar.Format(got))

	n, err := amended.BusinessDaysBetween(d(t, "2026-12-18"), d(t, "2026-12-31"))
	require.NoError(t, err)
	assert.Equal(t, 7, n) // 21 22 23 28 29 30 31
	n, err = ca.BusinessDaysBetween(d(t, "2026-12-18"), d(t, "2026-12-31"))
	require.NoError(t, err)
	assert.Equal(t, 8, n)

	ok, err := amended.IsBusinessDay(d(t, "2026-12-24"))
	require.NoError(t, err)
	assert.False(t, ok)
	ok, err = ca.IsBusinessDay(d(t, "2026-12-24"))
	require.NoError(t, err)
	assert.True(t, ok, "the base calendar must not change")

	next, err := amended.NextBusinessDay(d(t, "2026-12-23"))
	require.NoError(t, err)
	assert.Equal(t, "2026-12-28", calendar.Format(next))

	// A year that has no amendment counts as before.
	got, err = amended.AddBusinessDays(d(t, "2027-12-17"), 5)
	require.NoError(t, err)
	want, err := ca.AddBusinessDays(d(t, "2027-12-17"), 5)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	assert.Equal(t, "US-CA", amended.Name())
	assert.Equal(t, "California state holidays (Gov. Code §§ 6700–6701); amended: +2026-12-24", amended.Description())
	assert.Equal(t, "California state holidays (Gov. Code §§ 6700–6701)", ca.Description())
	assert.Same(t, ca, mustLookup(t, "US-CA"))
}

// Regulation 1182/71: a period ending on an added holiday rolls forward.
func TestWithAddedHolidayRollsAMonthForward(t *testing.T) {
	de := mustLookup(t, "DE")
	got, err := de.AddMonthsEU(d(t, "2026-11-24"), 1)
	require.NoError(t, err)
	assert.Equal(t, "2026-12-24", calendar.Format(got))

	amended, err := de.With([]calendar.Holiday{holiday(t, "2026-12-24", "Heiligabend")}, nil)
	require.NoError(t, err)
	got, err = amended.AddMonthsEU(d(t, "2026-11-24"), 1)
	require.NoError(t, err)
	assert.Equal(t, "2026-12-28", calendar.Format(got)) // 25, 26 holidays; 27 a Sunday
}

// A removed holiday becomes a business day (unless it is a weekend day).
func TestWithRemovedHoliday(t *testing.T) {
	us := mustLookup(t, "US")
	amended, err := us.With(nil, []calendar.Date{d(t, "2026-11-26")}) // Thanksgiving
	require.NoError(t, err)

	got, err := us.AddBusinessDays(d(t, "2026-11-20"), 10)
	require.NoError(t, err)
	assert.Equal(t, "2026-12-07", calendar.Format(got))
	got, err = amended.AddBusinessDays(d(t, "2026-11-20"), 10)
	require.NoError(t, err)
	assert.Equal(t, "2026-12-04", calendar.Format(got))

	hs, err := amended.Holidays(2026)
	require.NoError(t, err)
	assert.Len(t, hs, 10)
	for _, h := range hs {
		assert.NotEqual(t, "Thanksgiving Day", h.Name)
	}
	hs, err = us.Holidays(2026)
	require.NoError(t, err)
	assert.Len(t, hs, 11, "the base calendar must not change")
	assert.Equal(t, "US federal holidays as observed (5 U.S.C. § 6103); amended: -2026-11-26", amended.Description())

	// Genocide Remembrance Day 2027 is a Saturday: removing it leaves a Saturday.
	ca := mustLookup(t, "US-CA")
	sat, err := ca.With(nil, []calendar.Date{d(t, "2027-04-24")})
	require.NoError(t, err)
	ok, err := sat.IsBusinessDay(d(t, "2027-04-24"))
	require.NoError(t, err)
	assert.False(t, ok)
}

func TestWithHolidayList(t *testing.T) {
	ca := mustLookup(t, "US-CA")
	amended, err := ca.With(
		[]calendar.Holiday{holiday(t, "2026-12-24", "Christmas Eve"), holiday(t, "2026-12-25", "Christmas, again")},
		[]calendar.Date{d(t, "2026-11-11")},
	)
	require.NoError(t, err)
	hs, err := amended.Holidays(2026)
	require.NoError(t, err)
	var dec []string
	for _, h := range hs {
		assert.NotEqual(t, "2026-11-11", calendar.Format(h.Date))
		if h.Date.Month() == 12 {
			dec = append(dec, calendar.Format(h.Date)+" "+h.Name)
		}
	}
	assert.Equal(t, []string{"2026-12-24 Christmas Eve", "2026-12-25 Christmas Day", "2026-12-25 Christmas, again"}, dec)
	ok, err := amended.IsBusinessDay(d(t, "2026-11-11"))
	require.NoError(t, err)
	assert.True(t, ok)

	// Amending an amended calendar keeps both amendments.
	twice, err := amended.With([]calendar.Holiday{holiday(t, "2026-12-31", "New Year's Eve")}, []calendar.Date{d(t, "2026-12-24")})
	require.NoError(t, err)
	for day, want := range map[string]bool{"2026-11-11": true, "2026-12-24": true, "2026-12-31": false} {
		ok, err := twice.IsBusinessDay(d(t, day))
		require.NoError(t, err)
		assert.Equal(t, want, ok, day)
	}
	ok, err = amended.IsBusinessDay(d(t, "2026-12-24"))
	require.NoError(t, err)
	assert.False(t, ok, "the first amended calendar must not change")

	// Nothing to amend: an equal calendar.
	same, err := ca.With(nil, nil)
	require.NoError(t, err)
	assert.Equal(t, ca.Description(), same.Description())
	n, err := same.BusinessDaysBetween(d(t, "2018-01-01"), d(t, "2040-12-31"))
	require.NoError(t, err)
	m, err := ca.BusinessDaysBetween(d(t, "2018-01-01"), d(t, "2040-12-31"))
	require.NoError(t, err)
	assert.Equal(t, m, n)
}

func TestWithErrors(t *testing.T) {
	us := mustLookup(t, "US")
	_, err := us.With(nil, []calendar.Date{d(t, "2026-11-27")}) // the day after Thanksgiving: not federal
	requireCalErr(t, err, calendar.ErrNotAHoliday, "2026-11-27")
	assert.Equal(t, `calendar: with: "2026-11-27": not a holiday of the calendar`, err.Error())

	_, err = us.With([]calendar.Holiday{holiday(t, "2041-12-24", "x")}, nil)
	requireCalErr(t, err, calendar.ErrOutOfRange, "2041-12-24")
	_, err = us.With(nil, []calendar.Date{d(t, "2017-12-25")})
	requireCalErr(t, err, calendar.ErrOutOfRange, "2017-12-25")

	_, err = us.With([]calendar.Holiday{holiday(t, "2026-12-25", "x")}, []calendar.Date{d(t, "2026-12-25")})
	requireCalErr(t, err, calendar.ErrAddedAndRemoved, "2026-12-25")
}

func TestWithConcurrentUse(t *testing.T) {
	ca := mustLookup(t, "US-CA")
	eve, thanksgiving, start := d(t, "2026-12-24"), d(t, "2026-11-26"), d(t, "2026-12-18")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := ca.With([]calendar.Holiday{{Date: eve + calendar.Date(i), Name: "x"}}, []calendar.Date{thanksgiving})
			if err != nil {
				t.Error(err)
				return
			}
			if _, err := c.AddBusinessDays(start, 5); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

func BenchmarkWith(b *testing.B) {
	ca := mustLookup(b, "US-CA")
	add := []calendar.Holiday{holiday(b, "2026-12-24", "Christmas Eve")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ca.With(add, nil); err != nil {
			b.Fatal(err)
		}
	}
}
