package calendar

import (
	"errors"
	"strconv"
)

// Sentinel errors. Every error returned by this package is an *Error whose
// Err is one of these; test with errors.Is.
var (
	// ErrInvalidDate: not YYYY-MM-DD, or an impossible date such as 2026-02-30.
	ErrInvalidDate = errors.New("invalid date")
	// ErrInvalidInstant: neither an RFC 3339 timestamp with an offset nor a bare date.
	ErrInvalidInstant = errors.New("invalid instant")
	// ErrUnknownZone: not an IANA time zone name.
	ErrUnknownZone = errors.New("unknown time zone")
	// ErrUnknownCalendar: no calendar of that name (see Names).
	ErrUnknownCalendar = errors.New("unknown calendar")
	// ErrOutOfRange: a business-day query touched a date outside MinYear..MaxYear.
	ErrOutOfRange = errors.New("year out of supported range")
	// ErrNotAHoliday: Calendar.With was asked to remove a day that is not one
	// of the calendar's holidays.
	ErrNotAHoliday = errors.New("not a holiday of the calendar")
	// ErrAddedAndRemoved: Calendar.With was given the same date to add and
	// to remove.
	ErrAddedAndRemoved = errors.New("both added and removed")
)

// Error reports a failed operation on a value; errors.Is(err, ErrX) matches
// its Err, and errors.As gives access to the offending Value.
type Error struct {
	Op    string // "parse", "receipt_date", "lookup", "add_business_days", ...
	Value string // the offending input
	Err   error  // one of the sentinels above
}

// Error returns e.g.
// `calendar: add_business_days: "2041-01-02": year out of supported range (2018-2040)`.
func (e *Error) Error() string {
	msg := "calendar: " + e.Op + ": " + strconv.Quote(e.Value) + ": "
	if e.Err == nil {
		return msg + "error"
	}
	msg += e.Err.Error()
	if e.Err == ErrOutOfRange {
		msg += " (" + strconv.Itoa(MinYear) + "-" + strconv.Itoa(MaxYear) + ")"
	}
	return msg
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

func newError(op, value string, err error) error {
	return &Error{Op: op, Value: value, Err: err}
}
