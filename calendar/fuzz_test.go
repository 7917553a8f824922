package calendar_test

import (
	"errors"
	"testing"

	"github.com/dsrkit/dsrkit/calendar"
)

var sentinels = []error{
	calendar.ErrInvalidDate, calendar.ErrInvalidInstant, calendar.ErrUnknownZone,
	calendar.ErrUnknownCalendar, calendar.ErrOutOfRange,
}

// checkErr fails unless err is nil or an *Error matching exactly one sentinel.
func checkErr(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var ce *calendar.Error
	if !errors.As(err, &ce) {
		t.Fatalf("error %T %v is not a *calendar.Error", err, err)
	}
	matched := 0
	for _, s := range sentinels {
		if errors.Is(err, s) {
			matched++
		}
	}
	if matched != 1 || err.Error() == "" {
		t.Fatalf("error %q matches %d sentinels", err, matched)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026-01-31", "2026-02-30", "2024-02-29", "2026-2-3", "0000-00-00", "9999-12-31", "", "2026-01-31x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := calendar.Parse(s)
		checkErr(t, err)
		if err != nil {
			if !errors.Is(err, calendar.ErrInvalidDate) {
				t.Fatalf("Parse(%q): %v", s, err)
			}
			return
		}
		if got := calendar.Format(v); got != s {
			t.Fatalf("Parse(%q) formats back as %q", s, got)
		}
	})
}

func FuzzReceiptDate(f *testing.F) {
	for _, tc := range [][2]string{
		{"2026-03-08T23:30:00-07:00", "America/Los_Angeles"},
		{"2026-03-09T06:30:00Z", "America/Los_Angeles"},
		{"2026-01-01T03:00:00Z", "America/New_York"},
		{"2026-01-01T03:00:00Z", ""},
		{"2026-11-20", ""},
		{"2026-02-30", "UTC"},
		{"2026-03-08T07:30:00", "Local"},
		{"9999-12-31T23:59:59-23:59", "Pacific/Kiritimati"},
	} {
		f.Add(tc[0], tc[1])
	}
	f.Fuzz(func(t *testing.T, instant, zone string) {
		v, err := calendar.ReceiptDate(instant, zone)
		checkErr(t, err)
		if err == nil && len(instant) == 10 {
			if want, perr := calendar.Parse(instant); perr == nil && v != want {
				t.Fatalf("bare date %q gave %s", instant, calendar.Format(v))
			}
		}
	})
}

func FuzzArithmetic(f *testing.F) {
	f.Add("2026-11-23", 10, 1, "US")
	f.Add("2027-12-30", 1, 3, "US-CA")
	f.Add("2026-01-31", -5, 1, "DE")
	f.Add("2040-12-28", 60, 12, "weekends")
	f.Add("2018-01-02", -3, -1, "BG")
	f.Add("2026-02-30", 0, 0, "XX")
	f.Fuzz(func(t *testing.T, day string, n, months int, name string) {
		x, err := calendar.Parse(day)
		checkErr(t, err)
		if err != nil {
			return
		}
		_ = calendar.AddDays(x, n)
		plain := calendar.AddMonths(x, months)
		_ = calendar.Format(plain)
		c, err := calendar.Lookup(name)
		checkErr(t, err)
		if err != nil {
			return
		}
		r, err := c.AddBusinessDays(x, n)
		checkErr(t, err)
		if err == nil && n > 0 {
			if ok, _ := c.IsBusinessDay(r); !ok || r <= x {
				t.Fatalf("%s %s %+d = %s", name, day, n, calendar.Format(r))
			}
			if got, err := c.BusinessDaysBetween(x, r); err != nil || got != n {
				t.Fatalf("%s BusinessDaysBetween(%s, %s) = %d, %v", name, day, calendar.Format(r), got, err)
			}
		}
		e, err := c.AddMonthsEU(x, months)
		checkErr(t, err)
		if err == nil {
			if ok, _ := c.IsBusinessDay(e); !ok || e < plain || e > plain+7 {
				t.Fatalf("%s AddMonthsEU(%s, %d) = %s, plain %s", name, day, months, calendar.Format(e), calendar.Format(plain))
			}
		}
		_, err = c.NextBusinessDay(x)
		checkErr(t, err)
		_, err = c.RollForward(x)
		checkErr(t, err)
		_, err = c.IsBusinessDay(x)
		checkErr(t, err)
		_, err = c.BusinessDaysBetween(x, plain)
		checkErr(t, err)
		_, err = c.Holidays(x.Year())
		checkErr(t, err)
	})
}
