package calendar

import (
	"slices"
	"strings"
	"time"
)

// With returns a new calendar: c amended by the policy. Each date in add
// becomes a holiday (closed for business, with the Holiday's name), as
// given: no observance rule moves it. Each date in remove loses every
// holiday c keeps on it, so that day becomes a business day unless it is a
// Saturday or Sunday. c itself is never modified, and the result is as
// immutable and as safe for concurrent use as c.
//
// The new calendar keeps c's Name, so a decision still names the calendar
// it counted on; its Description lists the amendment.
//
// With fails, naming the date, with ErrOutOfRange for a date outside
// MinYear..MaxYear, with ErrNotAHoliday for a removal of a day that is not
// one of c's holidays (most likely a mistyped date, which would otherwise
// leave the holiday in place), and with ErrAddedAndRemoved for a date in
// both lists. Adding a day that is already closed (a Saturday, a Sunday, a
// holiday) changes nothing but the holiday list.
func (c *Calendar) With(add []Holiday, remove []Date) (*Calendar, error) {
	const op = "with"
	for _, d := range remove {
		if d < first || d >= end {
			return nil, rangeError(op, d)
		}
		if !slices.ContainsFunc(c.holidays[d.Year()-MinYear], func(h Holiday) bool { return h.Date == d }) {
			return nil, newError(op, Format(d), ErrNotAHoliday)
		}
	}
	for _, h := range add {
		if h.Date < first || h.Date >= end {
			return nil, rangeError(op, h.Date)
		}
		if slices.Contains(remove, h.Date) {
			return nil, newError(op, Format(h.Date), ErrAddedAndRemoved)
		}
	}

	n := *c // copies the bit set; the per-year holiday slices are cloned before they change
	var cloned [MaxYear - MinYear + 1]bool
	year := func(d Date) int {
		y := d.Year() - MinYear
		if !cloned[y] {
			n.holidays[y] = slices.Clone(n.holidays[y])
			cloned[y] = true
		}
		return y
	}
	for _, d := range remove {
		y := year(d)
		n.holidays[y] = slices.DeleteFunc(n.holidays[y], func(h Holiday) bool { return h.Date == d })
		if !isWeekend(d) {
			n.setOpen(d)
		}
	}
	for _, h := range add {
		y := year(h.Date)
		i, _ := slices.BinarySearchFunc(n.holidays[y], h.Date, func(x Holiday, d Date) int { return int(x.Date - d) })
		for i < len(n.holidays[y]) && n.holidays[y][i].Date == h.Date {
			i++ // after the holidays already kept that day, as register orders them
		}
		n.holidays[y] = slices.Insert(n.holidays[y], i, h)
		n.setClosed(h.Date)
	}
	n.added = slices.Concat(c.added, dates(add))
	n.removed = slices.Concat(c.removed, remove)
	return &n, nil
}

func dates(hs []Holiday) []Date {
	out := make([]Date, len(hs))
	for i, h := range hs {
		out[i] = h.Date
	}
	return out
}

// amendmentText is the suffix an amended calendar's Description carries,
// e.g. "; amended: +2026-12-24, -2026-11-27".
func (c *Calendar) amendmentText() string {
	if len(c.added) == 0 && len(c.removed) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("; amended:")
	sep := " "
	for _, d := range c.added {
		b.WriteString(sep + "+" + Format(d))
		sep = ", "
	}
	for _, d := range c.removed {
		b.WriteString(sep + "-" + Format(d))
		sep = ", "
	}
	return b.String()
}

func (c *Calendar) setOpen(d Date) {
	i := uint64(d - first)
	c.closed[i>>6] &^= 1 << (i & 63)
}

func isWeekend(d Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}
