package calendar_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
)

// d parses a YYYY-MM-DD literal in a test table.
func d(t testing.TB, s string) calendar.Date {
	t.Helper()
	v, err := calendar.Parse(s)
	require.NoError(t, err, s)
	return v
}

func mustLookup(t testing.TB, name string) *calendar.Calendar {
	t.Helper()
	c, err := calendar.Lookup(name)
	require.NoError(t, err, name)
	return c
}

// requireCalErr checks that err is an *Error carrying sentinel and value.
func requireCalErr(t *testing.T, err error, sentinel error, value string) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, sentinel)
	var ce *calendar.Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, value, ce.Value)
	assert.Contains(t, err.Error(), fmt.Sprintf("%q", value))
}

func TestParse(t *testing.T) {
	good := map[string][3]int{
		"2026-01-31": {2026, 1, 31},
		"2024-02-29": {2024, 2, 29},
		"2000-02-29": {2000, 2, 29},
		"0001-01-01": {1, 1, 1},
		"9999-12-31": {9999, 12, 31},
	}
	for s, want := range good {
		got, err := calendar.Parse(s)
		require.NoError(t, err, s)
		assert.Equal(t, date.New(want[0], time.Month(want[1]), want[2]), got, s)
		assert.Equal(t, s, calendar.Format(got))
	}
	bad := []string{
		"", "2026-02-30", "2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-01-00",
		"2026-2-3", "2026-02-3", "26-02-03", "2026/02/03", "2026-02-03x", " 2026-02-03",
		"2026-02-03T00:00:00Z", "+2026-02-03", "2026-0a-03", "0000-01-01", "２０２６-01-01",
	}
	for _, s := range bad {
		_, err := calendar.Parse(s)
		requireCalErr(t, err, calendar.ErrInvalidDate, s)
	}
}

func TestFormatAndParseAgreeWithLibrary(t *testing.T) {
	// The package's own day-number conversions against rickb777/date's,
	// every day from 1600 to 2600.
	for x := date.New(1600, 1, 1); x <= date.New(2600, 12, 31); x += stride(1, 97) {
		s := x.String()
		if got := calendar.Format(x); got != s {
			t.Fatalf("Format(%d) = %s, want %s", x, got, s)
		}
		if got, err := calendar.Parse(s); err != nil || got != x {
			t.Fatalf("Parse(%s) = %d, %v, want %d", s, got, err, x)
		}
	}
	assert.Equal(t, "+10000-01-01", calendar.Format(date.New(10000, 1, 1)))
}

func TestAddDays(t *testing.T) {
	assert.Equal(t, d(t, "2026-03-20"), calendar.AddDays(d(t, "2026-02-03"), 45))
	assert.Equal(t, d(t, "2024-03-01"), calendar.AddDays(d(t, "2024-02-28"), 2))
	assert.Equal(t, d(t, "2025-12-31"), calendar.AddDays(d(t, "2026-01-01"), -1))
	assert.Equal(t, d(t, "2026-01-01"), calendar.AddDays(d(t, "2026-01-01"), 0))
	// R7: extended US deadline = receipt + 90.
	assert.Equal(t, d(t, "2026-04-01"), calendar.AddDays(d(t, "2026-01-01"), 90))
}

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2028-01-31", 1, "2028-02-29"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2026-03-31", 1, "2026-04-30"},
		{"2026-03-05", 1, "2026-04-05"},
		{"2026-01-30", 1, "2026-02-28"},
		{"2026-01-31", 3, "2026-04-30"},
		{"2026-11-30", 3, "2027-02-28"},
		{"2026-12-31", 2, "2027-02-28"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 48, "2028-02-29"},
		{"2100-01-29", 1, "2100-02-28"}, // not a leap year
		{"2000-01-30", 1, "2000-02-29"}, // leap year
		{"2026-03-31", -1, "2026-02-28"},
		{"2026-01-31", -2, "2025-11-30"},
		{"2026-05-15", 0, "2026-05-15"},
		{"2026-05-15", -17, "2024-12-15"},
		{"2026-05-15", 120, "2036-05-15"},
	} {
		assert.Equal(t, tc.want, calendar.Format(calendar.AddMonths(d(t, tc.from), tc.n)), "%s %+d", tc.from, tc.n)
	}
}

func TestReceiptDate(t *testing.T) {
	for _, tc := range []struct {
		instant, zone, want string
	}{
		// 23:30 on the day US daylight saving time starts, written with the
		// local offset and in UTC.
		{"2026-03-08T23:30:00-07:00", "America/Los_Angeles", "2026-03-08"},
		{"2026-03-09T06:30:00Z", "America/Los_Angeles", "2026-03-08"},
		{"2026-03-08T01:59:59-08:00", "America/Los_Angeles", "2026-03-08"},
		// Day it ends.
		{"2026-11-02T07:30:00Z", "America/Los_Angeles", "2026-11-01"},
		// Written in UTC; the business's local date is the day before.
		{"2026-01-01T03:00:00Z", "America/New_York", "2025-12-31"},
		{"2026-01-01T05:00:00Z", "America/New_York", "2026-01-01"},
		{"2025-12-31T23:30:00-05:00", "Europe/Berlin", "2026-01-01"},
		{"2026-06-30T23:59:59.999999999Z", "Pacific/Kiritimati", "2026-07-01"},
		// No zone: the written offset decides.
		{"2026-01-01T03:00:00Z", "", "2026-01-01"},
		{"2025-12-31T22:00:00-05:00", "", "2025-12-31"},
		{"2026-01-01T00:30:00+14:00", "", "2026-01-01"},
		{"2026-01-01T03:00:00.123+01:00", "", "2026-01-01"},
		{"2026-03-08T07:30:00Z", "UTC", "2026-03-08"},
		// A bare date is that date.
		{"2026-11-20", "", "2026-11-20"},
		{"2026-11-20", "Asia/Tokyo", "2026-11-20"},
	} {
		got, err := calendar.ReceiptDate(tc.instant, tc.zone)
		require.NoError(t, err, "%s in %q", tc.instant, tc.zone)
		assert.Equal(t, tc.want, calendar.Format(got), "%s in %q", tc.instant, tc.zone)
	}
}

func TestReceiptDateErrors(t *testing.T) {
	for _, tc := range []struct {
		instant, zone string
		sentinel      error
		value         string
	}{
		{"2026-03-08T07:30:00Z", "Mars/Olympus_Mons", calendar.ErrUnknownZone, "Mars/Olympus_Mons"},
		{"2026-03-08T07:30:00Z", "Local", calendar.ErrUnknownZone, "Local"},
		{"2026-03-08T07:30:00Z", "../../etc/passwd", calendar.ErrUnknownZone, "../../etc/passwd"},
		{"2026-03-08", "Nowhere/Else", calendar.ErrUnknownZone, "Nowhere/Else"},
		{"2026-03-08T07:30:00", "", calendar.ErrInvalidInstant, "2026-03-08T07:30:00"},
		{"2026-03-08 07:30:00Z", "", calendar.ErrInvalidInstant, "2026-03-08 07:30:00Z"},
		{"2026-03-08T07:30:00Zjunk", "", calendar.ErrInvalidInstant, "2026-03-08T07:30:00Zjunk"},
		{"yesterday", "", calendar.ErrInvalidInstant, "yesterday"},
		{"", "", calendar.ErrInvalidInstant, ""},
		{"2026-02-30", "", calendar.ErrInvalidDate, "2026-02-30"},
		{"2026-02-30T10:00:00Z", "", calendar.ErrInvalidInstant, "2026-02-30T10:00:00Z"},
	} {
		_, err := calendar.ReceiptDate(tc.instant, tc.zone)
		requireCalErr(t, err, tc.sentinel, tc.value)
	}
}

func TestErrors(t *testing.T) {
	_, err := calendar.Parse("2026-02-30")
	requireCalErr(t, err, calendar.ErrInvalidDate, "2026-02-30")
	assert.Equal(t, `calendar: parse: "2026-02-30": invalid date`, err.Error())

	_, err = calendar.Lookup("XX")
	requireCalErr(t, err, calendar.ErrUnknownCalendar, "XX")
	assert.False(t, errors.Is(err, calendar.ErrOutOfRange))

	_, err = calendar.ReceiptDate("2026-01-01T00:00:00Z", "Europe/Atlantis")
	requireCalErr(t, err, calendar.ErrUnknownZone, "Europe/Atlantis")

	us := mustLookup(t, "US")
	_, err = us.AddBusinessDays(d(t, "2041-01-02"), 1)
	requireCalErr(t, err, calendar.ErrOutOfRange, "2041-01-02")
	assert.Equal(t, `calendar: add_business_days: "2041-01-02": year out of supported range (2018-2040)`, err.Error())

	// Every way of leaving the range.
	_, err = us.AddBusinessDays(d(t, "2040-12-28"), 5)
	requireCalErr(t, err, calendar.ErrOutOfRange, "2041-01-01")
	_, err = us.AddBusinessDays(d(t, "2018-01-03"), -2)
	requireCalErr(t, err, calendar.ErrOutOfRange, "2017-12-31")
	_, err = us.AddBusinessDays(d(t, "2017-12-29"), 0)
	requireCalErr(t, err, calendar.ErrOutOfRange, "2017-12-29")
	_, err = us.IsBusinessDay(d(t, "2017-12-31"))
	requireCalErr(t, err, calendar.ErrOutOfRange, "2017-12-31")
	_, err = us.NextBusinessDay(d(t, "2040-12-31"))
	requireCalErr(t, err, calendar.ErrOutOfRange, "2041-01-01")
	_, err = us.RollForward(d(t, "2041-01-01"))
	requireCalErr(t, err, calendar.ErrOutOfRange, "2041-01-01")
	_, err = us.BusinessDaysBetween(d(t, "2026-01-01"), d(t, "2045-01-01"))
	requireCalErr(t, err, calendar.ErrOutOfRange, "2045-01-01")
	_, err = us.AddMonthsEU(d(t, "2040-12-15"), 1)
	requireCalErr(t, err, calendar.ErrOutOfRange, "2041-01-15")
	_, err = us.AddMonthsEU(d(t, "2017-12-15"), 1)
	requireCalErr(t, err, calendar.ErrOutOfRange, "2017-12-15")
	_, err = us.Holidays(2041)
	requireCalErr(t, err, calendar.ErrOutOfRange, "2041")
	_, err = us.Holidays(2017)
	requireCalErr(t, err, calendar.ErrOutOfRange, "2017")

	// The edges themselves are in range.
	_, err = us.IsBusinessDay(d(t, "2018-01-01"))
	assert.NoError(t, err)
	_, err = us.IsBusinessDay(d(t, "2040-12-31"))
	assert.NoError(t, err)
}

func TestLookupAndNames(t *testing.T) {
	want := []string{
		"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT",
		"LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
		"US", "US-CA", "US-CO", "US-CT", "US-UT", "US-VA", "weekends",
	}
	assert.Equal(t, want, calendar.Names())

	for _, name := range want {
		c := mustLookup(t, name)
		assert.Equal(t, name, c.Name())
		assert.NotEmpty(t, c.Description())
	}
	assert.Equal(t, "US federal holidays as observed (5 U.S.C. § 6103)", mustLookup(t, "US").Description())
	assert.Equal(t, "California state holidays (Gov. Code §§ 6700–6701)", mustLookup(t, "US-CA").Description())

	// Case-insensitive fallback.
	assert.Same(t, mustLookup(t, "US-CA"), mustLookup(t, "us-ca"))
	assert.Same(t, mustLookup(t, "weekends"), mustLookup(t, "Weekends"))
	assert.Same(t, mustLookup(t, "DE"), mustLookup(t, "de"))

	for _, bad := range []string{"", "UK", "GB", "EL", "US-NY", "D E", "weekend"} {
		_, err := calendar.Lookup(bad)
		requireCalErr(t, err, calendar.ErrUnknownCalendar, bad)
	}

	// Names returns a copy.
	n := calendar.Names()
	n[0] = "mutated"
	assert.Equal(t, "AT", calendar.Names()[0])
}

func TestLookupDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := calendar.Lookup("US-CA"); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}
