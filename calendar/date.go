package calendar

import (
	"sync"
	"time"
	_ "time/tzdata" // zone rules ship with the binary: no dependence on an installed zoneinfo

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

// parseISO is Parse without the error value.
func parseISO(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(int64(y), int64(m)) {
		return 0, false
	}
	return fromCivil(int64(y), int64(m), int64(d)), true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Format writes d as YYYY-MM-DD. Years outside 0001–9999, which Parse does not
// accept, are written in rickb777/date's expanded ISO 8601 form.
func Format(d Date) string {
	y, m, day := civil(d)
	if y < 1 || y > 9999 {
		return d.String()
	}
	var b [10]byte
	b[0] = byte('0' + y/1000)
	b[1] = byte('0' + y/100%10)
	b[2] = byte('0' + y/10%10)
	b[3] = byte('0' + y%10)
	b[4] = '-'
	b[5] = byte('0' + m/10)
	b[6] = byte('0' + m%10)
	b[7] = '-'
	b[8] = byte('0' + day/10)
	b[9] = byte('0' + day%10)
	return string(b[:])
}

// ReceiptDate implements reading R1: the calendar date on which a request
// was received.
//
// instant is an RFC 3339 timestamp with an offset ("2026-03-08T07:30:00Z",
// "2026-03-08T23:30:00-07:00") or a bare date ("2026-03-08"), which is
// returned unchanged. zone is the business's IANA time zone
// ("America/Los_Angeles"); the timestamp is converted to its calendar date
// there. With zone "" the offset written in the timestamp decides the date.
//
// Zone rules come from the tz database compiled into the binary when the
// host has none; the host clock and the host's own zone are never read.
func ReceiptDate(instant, zone string) (Date, error) {
	const op = "receipt_date"
	var loc *time.Location
	if zone != "" {
		var ok bool
		if loc, ok = loadZone(zone); !ok {
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
	y, m, d := t.Date()
	return fromCivil(int64(y), int64(m), int64(d)), nil
}

// zones caches loaded locations by name (time.LoadLocation reads and parses
// zone data on every call). Only valid names are stored, so the cache is
// bounded by the size of the tz database. *time.Location is safe for
// concurrent use.
var zones sync.Map // string -> *time.Location

func loadZone(name string) (*time.Location, bool) {
	if v, ok := zones.Load(name); ok {
		return v.(*time.Location), true
	}
	// "Local" names the host's zone in time.LoadLocation: never a business's zone.
	if name == "Local" || len(name) > 64 {
		return nil, false
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, false
	}
	zones.Store(name, loc)
	return loc, true
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
	y, m, day := civil(d)
	total := int64(y)*12 + int64(m-1) + int64(n)
	ny := floorDiv(total, 12)
	nm := total - ny*12 + 1
	nd := int64(day)
	if last := int64(daysIn(ny, nm)); nd > last {
		nd = last
	}
	return fromCivil(ny, nm, nd)
}

// The conversions below are H. Hinnant's days_from_civil / civil_from_days
// (proleptic Gregorian), shifted to rickb777/date's epoch 0001-01-01: plain
// integer arithmetic, no time.Time, no allocation.

const unixToCivilShift = 719468 // days from 0000-03-01 to 1970-01-01

func fromCivil(y, m, d int64) Date {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12 // March = 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Date(era*146097 + doe - unixToCivilShift + date.ZeroOffset)
}

func civil(dt Date) (year, month, day int) {
	z := int64(dt) - date.ZeroOffset + unixToCivilShift
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
		y++
	}
	return int(y), int(m), int(d)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int64) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
