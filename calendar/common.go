package calendar

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Combined calendars (reading R4): "common(US,US-CA)" names the calendar
// whose holidays are the days that every listed calendar keeps as a
// holiday. A weekday is a business day on it when it is a business day on
// at least one of them, so a period counted on it never ends later than
// the same period counted on any one of them (the never-late reading when
// several calendars are plausible).
//
// The form is accepted wherever a calendar name is, because it is resolved
// by Lookup: a request's business.calendar, the engine's and the CLI's
// calendar option, the policy's law data and built-ins, the playbook.

const (
	commonPrefix = "common("
	commonSuffix = ")"
	// maxCommon bounds how many distinct combinations are kept once built;
	// names come from requests, so past the bound a combination is built on
	// each lookup (a few microseconds) instead of being kept.
	maxCommon = 64
)

var (
	commonCache sync.Map // string (the name as given) -> *Calendar
	commonCount atomic.Int64
)

// cachedCommon returns the combined calendar of a name already resolved.
func cachedCommon(name string) (*Calendar, bool) {
	c, ok := commonCache.Load(name)
	if !ok {
		return nil, false
	}
	return c.(*Calendar), true
}

// lookupCommon resolves "common(A,B,...)": the word common (any case), then
// two or more distinct calendar names of Names (each matched as Lookup
// matches them, spaces around a name ignored) separated by commas, in
// parentheses. Combinations do not nest. The calendar's Name lists the
// members as registered, in the order given: "common(us, us-ca)" is named
// "common(US,US-CA)".
func lookupCommon(name string) (*Calendar, error) {
	fail := newError("lookup", name, ErrUnknownCalendar)
	if len(name) < len(commonPrefix)+len(commonSuffix) ||
		!strings.EqualFold(name[:len(commonPrefix)], commonPrefix) ||
		!strings.HasSuffix(name, commonSuffix) {
		return nil, fail
	}
	parts := strings.Split(name[len(commonPrefix):len(name)-len(commonSuffix)], ",")
	if len(parts) < 2 || len(parts) > len(names) {
		return nil, fail
	}
	members := make([]*Calendar, 0, len(parts))
	for _, p := range parts {
		m, ok := lookupBase(strings.TrimSpace(p))
		if !ok || slices.Contains(members, m) {
			return nil, fail
		}
		members = append(members, m)
	}
	c := common(members)
	if commonCount.Load() < maxCommon {
		if prev, loaded := commonCache.LoadOrStore(name, c); loaded {
			return prev.(*Calendar), nil
		}
		commonCount.Add(1)
	}
	return c, nil
}

// common builds the calendar of the holidays every member keeps: a day is
// closed when it is closed on every member, and a holiday is listed when
// every member lists a holiday on that date (under the first member's
// name). Weekends are closed on every member, so the bit set and the
// holiday lists agree as they do for a built-in calendar.
func common(members []*Calendar) *Calendar {
	names := make([]string, len(members))
	descs := make([]string, len(members))
	for i, m := range members {
		names[i] = m.name
		descs[i] = m.name + ": " + m.Description()
	}
	c := &Calendar{
		name:        commonPrefix + strings.Join(names, ",") + commonSuffix,
		description: "holidays common to " + strings.Join(descs, "; "),
		closed:      members[0].closed,
	}
	for _, m := range members[1:] {
		for i := range c.closed {
			c.closed[i] &= m.closed[i]
		}
	}
	n := 0
	for _, hs := range members[0].holidays {
		n += len(hs)
	}
	all := make([]Holiday, 0, n) // one backing array; each year's slice is capped to its own part
	for y := range c.holidays {
		lo := len(all)
		for _, h := range members[0].holidays[y] {
			if everyLists(members[1:], y, h.Date) {
				all = append(all, h)
			}
		}
		if len(all) > lo {
			c.holidays[y] = all[lo:len(all):len(all)]
		}
	}
	return c
}

func everyLists(members []*Calendar, y int, d Date) bool {
	for _, m := range members {
		if !slices.ContainsFunc(m.holidays[y], func(h Holiday) bool { return h.Date == d }) {
			return false
		}
	}
	return true
}
