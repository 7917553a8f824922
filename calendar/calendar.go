package calendar

import (
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
)

// Holiday is one observed holiday: the day on which it is kept (for US
// calendars the observed day, e.g. Friday 2027-12-31 for New Year's Day 2028)
// and its name (in the country's language for EU and EEA calendars).
type Holiday struct {
	Date Date
	Name string
}

// The supported range as day numbers: [first, end).
var (
	first = date.New(MinYear, time.January, 1)
	end   = date.New(MaxYear+1, time.January, 1)
)

const (
	nDays  = 366*(MaxYear-MinYear+1) + 7 // upper bound on days in range; sized at compile time
	nWords = (nDays + 63) / 64
)

// Calendar is an immutable set of business days over MinYear..MaxYear:
// Monday to Friday minus the calendar's observed holidays. It is built once
// at package initialisation and safe for concurrent use.
//
// Every method fails with ErrOutOfRange when its date argument, or any date
// it has to look at, lies outside MinYear..MaxYear; the error's Value is
// that date.
type Calendar struct {
	name, description string
	closed            [nWords]uint64                   // bit i set: day first+i is not a business day
	holidays          [MaxYear - MinYear + 1][]Holiday // by year, sorted by date
	added, removed    []Date                           // the amendments of a calendar made by With
}

// Name returns the calendar's name as accepted by Lookup ("US-CA", "DE", ...).
func (c *Calendar) Name() string { return c.name }

// Description says what the calendar holds and cites its source, e.g.
// "US federal holidays as observed (5 U.S.C. § 6103)"; for a calendar
// amended by With, followed by the amendment ("; amended: +2026-12-24").
func (c *Calendar) Description() string { return c.description + c.amendmentText() }

// Holidays returns the holidays observed in the given calendar year, sorted
// by date. Holidays falling on a Saturday or Sunday that the law does not
// move are included. The slice is the caller's to keep.
func (c *Calendar) Holidays(year int) ([]Holiday, error) {
	if year < MinYear || year > MaxYear {
		return nil, newError("holidays", strconv.Itoa(year), ErrOutOfRange)
	}
	src := c.holidays[year-MinYear]
	out := make([]Holiday, len(src))
	copy(out, src)
	return out, nil
}

// IsBusinessDay reports whether d is Monday to Friday and not an observed
// holiday.
func (c *Calendar) IsBusinessDay(d Date) (bool, error) {
	if d < first || d >= end {
		return false, rangeError("is_business_day", d)
	}
	return !c.isClosed(d), nil
}

// NextBusinessDay returns the first business day strictly after d.
func (c *Calendar) NextBusinessDay(d Date) (Date, error) {
	return c.step("next_business_day", d, 1)
}

// RollForward returns d if it is a business day, else the next business day
// (Regulation 1182/71 Art. 3(4)).
func (c *Calendar) RollForward(d Date) (Date, error) {
	if d < first || d >= end {
		return 0, rangeError("roll_forward", d)
	}
	if !c.isClosed(d) {
		return d, nil
	}
	return c.step("roll_forward", d, 1)
}

// AddBusinessDays implements reading R3: the n-th business day strictly
// after d. The day d itself is never counted, whatever it is, so a request
// received on a weekend or holiday starts counting at the next business day.
// n == 0 returns d; n < 0 gives the |n|-th business day strictly before d.
func (c *Calendar) AddBusinessDays(d Date, n int) (Date, error) {
	const op = "add_business_days"
	if n == 0 {
		if d < first || d >= end {
			return 0, rangeError(op, d)
		}
		return d, nil
	}
	if n > 0 {
		return c.step(op, d, n)
	}
	return c.stepBack(op, d, -n)
}

// BusinessDaysBetween counts the business days in (from, to]. When to is
// before from it returns minus the count in (to, from], so
// BusinessDaysBetween(a, b) == -BusinessDaysBetween(b, a), and
// BusinessDaysBetween(d, AddBusinessDays(d, n)) == n for every n >= 0.
func (c *Calendar) BusinessDaysBetween(from, to Date) (int, error) {
	const op = "business_days_between"
	if from < first || from >= end {
		return 0, rangeError(op, from)
	}
	if to < first || to >= end {
		return 0, rangeError(op, to)
	}
	if to < from {
		return -c.openCount(to, from), nil
	}
	return c.openCount(from, to), nil
}

// AddMonthsEU implements readings R5 and R6: a period of n months from d
// under Regulation (EEC, Euratom) No 1182/71. The day of the event is not
// counted (Art. 3(1)); the period ends on the same-numbered day n months
// later, or on that month's last day where it has no such day (Art. 3(2)(c));
// a period ending on a Saturday, Sunday or public holiday ends on the
// following working day (Art. 3(4)). That is RollForward(AddMonths(d, n)).
// For the GDPR's extended period compute AddMonthsEU(receipt, 3): from the
// receipt, not chained from the rolled one-month date.
func (c *Calendar) AddMonthsEU(d Date, n int) (Date, error) {
	const op = "add_months_eu"
	if d < first || d >= end {
		return 0, rangeError(op, d)
	}
	t := AddMonths(d, n)
	if t < first || t >= end {
		return 0, rangeError(op, t)
	}
	if !c.isClosed(t) {
		return t, nil
	}
	return c.step(op, t, 1)
}

func (c *Calendar) isClosed(d Date) bool {
	i := uint64(d - first)
	return c.closed[i>>6]&(1<<(i&63)) != 0
}

// step returns the n-th (n >= 1) business day strictly after d.
func (c *Calendar) step(op string, d Date, n int) (Date, error) {
	if d < first || d >= end {
		return 0, rangeError(op, d)
	}
	for x := d + 1; x < end; x++ {
		if !c.isClosed(x) {
			if n--; n == 0 {
				return x, nil
			}
		}
	}
	return 0, rangeError(op, end)
}

// stepBack returns the n-th (n >= 1) business day strictly before d.
func (c *Calendar) stepBack(op string, d Date, n int) (Date, error) {
	if d < first || d >= end {
		return 0, rangeError(op, d)
	}
	for x := d - 1; x >= first; x-- {
		if !c.isClosed(x) {
			if n--; n == 0 {
				return x, nil
			}
		}
	}
	return 0, rangeError(op, first-1)
}

// openCount counts business days in (a, b], a <= b, both in range, a word at
// a time.
func (c *Calendar) openCount(a, b Date) int {
	lo, hi := uint64(a-first)+1, uint64(b-first)+1 // count bits in [lo, hi)
	open := 0
	for i := lo; i < hi; {
		w, off := i>>6, i&63
		span := min(64-off, hi-i)
		mask := ^uint64(0) >> (64 - span) << off
		open += int(span) - bits.OnesCount64(c.closed[w]&mask)
		i += span
	}
	return open
}

func rangeError(op string, d Date) error {
	return newError(op, Format(d), ErrOutOfRange)
}

// registry holds every calendar by name; it is filled at initialisation and
// never written afterwards.
var (
	registry = map[string]*Calendar{}
	names    []string
)

// Lookup returns the calendar with the given name: "US", "US-CA", "US-VA",
// "US-CO", "US-CT", "US-UT", "weekends", or the ISO 3166-1 alpha-2 code of
// an EU member state or EEA state ("DE", "FR", "IS", ...). An exact match is
// tried first, then a case-insensitive one.
//
// "common(A,B,...)" names the calendar of the holidays common to two or more
// of those calendars (reading R4): a day is a holiday on it only when it is
// one on every calendar listed, so its business-day periods never end later
// than on any of them. The CCPA's default is "common(US,US-CA)". Its Name
// lists the members as registered ("common(us, us-ca)" → "common(US,US-CA)");
// combinations do not nest and are not in Names.
func Lookup(name string) (*Calendar, error) {
	if c, ok := registry[name]; ok {
		return c, nil
	}
	if c, ok := cachedCommon(name); ok {
		return c, nil
	}
	if c, ok := lookupBase(name); ok {
		return c, nil
	}
	return lookupCommon(name)
}

// lookupBase finds a registered calendar by its exact name, else without
// regard to case.
func lookupBase(name string) (*Calendar, bool) {
	if c, ok := registry[name]; ok {
		return c, true
	}
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return registry[n], true
		}
	}
	return nil, false
}

// Names returns the names of every calendar, sorted. The slice is the
// caller's to keep.
func Names() []string {
	out := make([]string, len(names))
	copy(out, names)
	return out
}

// register precomputes a calendar from its holiday definitions.
func register(name, description string, holidays []Holiday) {
	if _, dup := registry[name]; dup {
		panic("calendar: duplicate calendar " + name)
	}
	c := &Calendar{name: name, description: description}
	for d := first; d < end; d++ {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			c.setClosed(d)
		}
	}
	sort.SliceStable(holidays, func(i, j int) bool { return holidays[i].Date < holidays[j].Date })
	for _, h := range holidays {
		if h.Date < first || h.Date >= end {
			continue
		}
		c.setClosed(h.Date)
		y := h.Date.Year()
		c.holidays[y-MinYear] = append(c.holidays[y-MinYear], h)
	}
	registry[name] = c
	names = append(names, name)
	sort.Strings(names)
}

func (c *Calendar) setClosed(d Date) {
	i := uint64(d - first)
	c.closed[i>>6] |= 1 << (i & 63)
}
