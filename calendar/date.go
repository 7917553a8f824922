package calendar

import (
	"time"

	"github.com/rickb777/date/v2"
)

// Date is a calendar date with no time of day and no zone. It is
// rickb777/date/v2's Date: a day count, so d+1 is the next day and d2-d1 the
// number of days between two dates.
type Date = date.Date

// MinYear and MaxYear bound the years for which the business-day calendars
// are precomputed. A business-day query that touches a date outside them
// fails with ErrOutOfRange; it never guesses. AddDays and AddMonths are pure
// arithmetic and have no such limit.
const MinYear, MaxYear = 2018, 2040

// Parse reads a date written strictly as YYYY-MM-DD (four-digit year, two-digit
// month and day, nothing before or after). Impossible dates such as
// 2026-02-30 are rejected with ErrInvalidDate.
func Parse(s string) (Date, error) {
	d, ok := parseISO(s)
	if !ok {
		return 0, newError("parse", s, ErrInvalidDate)
	}
	return d, nil
}

// parseISO is Parse without the error value. rickb777/date reads the
// digits; only a date that it writes back identically is accepted, which
// rejects other ISO forms (20260330, 2026-089), year 0 and impossible dates
// such as 2026-02-30 (which it would normalise to 2 March).
func parseISO(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || s[:4] == "0000" {
		return 0, false
	}
	d, err := date.ParseISO(s)
	if err != nil || d.String() != s {
		return 0, false
	}
	return d, true
}

// Format writes d as YYYY-MM-DD (rickb777/date's ISO 8601 form; years
// outside 0001–9999, which Parse does not accept, in its expanded form).
func Format(d Date) string { return d.String() }

// ReceiptDate implements reading R1: the calendar date on which a request
// was received.
//
// instant is an RFC 3339 timestamp with an offset ("2026-03-08T07:30:00Z",
// "2026-03-08T23:30:00-07:00") or a bare date ("2026-03-08"), which is
// returned unchanged. zone is the business's IANA time zone
// ("America/Los_Angeles"); the timestamp is converted to its calendar date
// there. With zone "" the offset written in the timestamp decides the date.
//
// Zone rules come from the tz database compiled into the binary (LoadZone);
// the host's zoneinfo, its clock and its own zone are never read.
func ReceiptDate(instant, zone string) (Date, error) {
	const op = "receipt_date"
	var loc *time.Location
	if zone != "" {
		var err error
		if loc, err = LoadZone(zone); err != nil {
			return 0, newError(op, zone, ErrUnknownZone)
		}
	}
	if len(instant) == 10 && instant[4] == '-' && instant[7] == '-' {
		if d, ok := parseISO(instant); ok {
			return d, nil
		}
		return 0, newError(op, instant, ErrInvalidDate)
	}
	t, err := time.Parse(time.RFC3339, instant)
	if err != nil {
		return 0, newError(op, instant, ErrInvalidInstant)
	}
	if loc != nil {
		t = t.In(loc)
	}
	return date.NewAt(t), nil
}

// AddDays implements reading R2: d plus n calendar days (n may be negative).
// It never rolls forward.
func AddDays(d Date, n int) Date { return d + Date(n) }

// AddMonths returns the date with d's day number n months later (earlier for
// negative n). Where that month is too short it is clamped to the month's
// last day: 2026-01-31 + 1 = 2026-02-28, 2024-01-31 + 1 = 2024-02-29,
// 2026-03-31 + 1 = 2026-04-30. It never overflows into the following month
// (unlike time.Time.AddDate) and never rolls forward; see
// Calendar.AddMonthsEU for periods under Regulation 1182/71.
func AddMonths(d Date, n int) Date {
	y, m, day := d.Date()
	first := date.New(y, m+time.Month(n), 1) // time.Date normalises the month
	return first + Date(min(day, first.LastDayOfMonth())-1)
}
