package calendar_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
)

// Properties of business-day arithmetic on every calendar, for dates from
// 2019 to 2039 (every fifth day, so every weekday is hit) and n in 0..60.
func TestBusinessDayProperties(t *testing.T) {
	lo, hi := d(t, "2019-01-01"), d(t, "2039-12-31")
	const maxN = 60
	for _, name := range calendar.Names() {
		c := mustLookup(t, name)
		prev := make([]calendar.Date, maxN+1) // results for the previous sampled date
		for x := lo; x <= hi; x += stride(5, 61) {
			var last calendar.Date
			for n := 0; n <= maxN; n++ {
				r, err := c.AddBusinessDays(x, n)
				if err != nil {
					t.Fatalf("%s %s %+d: %v", name, calendar.Format(x), n, err)
				}
				if n == 0 {
					if r != x {
						t.Fatalf("%s %s +0 = %s", name, calendar.Format(x), calendar.Format(r))
					}
				} else {
					ok, _ := c.IsBusinessDay(r)
					if !ok || r <= last {
						t.Fatalf("%s %s %+d = %s: business day %v, previous %s", name, calendar.Format(x), n, calendar.Format(r), ok, calendar.Format(last))
					}
					// Strictly monotonic in n: the n-th is the day after the (n-1)-th's next business day.
					if next, _ := c.NextBusinessDay(last); next != r {
						t.Fatalf("%s %s %+d = %s, next after %s is %s", name, calendar.Format(x), n, calendar.Format(r), calendar.Format(last), calendar.Format(next))
					}
				}
				if got, err := c.BusinessDaysBetween(x, r); err != nil || got != n {
					t.Fatalf("%s: BusinessDaysBetween(%s, %s) = %d, %v, want %d", name, calendar.Format(x), calendar.Format(r), got, err, n)
				}
				if got, _ := c.BusinessDaysBetween(r, x); got != -n {
					t.Fatalf("%s: BusinessDaysBetween(%s, %s) = %d, want %d", name, calendar.Format(r), calendar.Format(x), got, -n)
				}
				// Monotonic in the start date.
				if x > lo && r < prev[n] {
					t.Fatalf("%s %+d: later start %s gives earlier %s than %s", name, n, calendar.Format(x), calendar.Format(r), calendar.Format(prev[n]))
				}
				prev[n], last = r, r
			}
			// From a business day, counting back undoes counting forward.
			if ok, _ := c.IsBusinessDay(x); ok {
				back, err := c.AddBusinessDays(prev[7], -7)
				require.NoError(t, err)
				if back != x {
					t.Fatalf("%s: %s +7 -7 = %s", name, calendar.Format(x), calendar.Format(back))
				}
			}
		}
	}
}

// AddMonthsEU never ends on a Saturday, Sunday or holiday, ends on the first
// business day on or after AddMonths, and at most a few days after it.
func TestAddMonthsEUProperties(t *testing.T) {
	lo, hi := d(t, "2019-01-01"), d(t, "2039-09-30")
	for _, name := range calendar.Names() {
		c := mustLookup(t, name)
		maxGap := calendar.Date(0)
		for x := lo; x <= hi; x += stride(1, 11) {
			for _, n := range []int{1, 2, 3} {
				plain := calendar.AddMonths(x, n)
				r, err := c.AddMonthsEU(x, n)
				if err != nil {
					t.Fatalf("%s %s %+d months: %v", name, calendar.Format(x), n, err)
				}
				if ok, _ := c.IsBusinessDay(r); !ok || r < plain {
					t.Fatalf("%s %s %+d months = %s (plain %s)", name, calendar.Format(x), n, calendar.Format(r), calendar.Format(plain))
				}
				for y := plain; y < r; y++ {
					if ok, _ := c.IsBusinessDay(y); ok {
						t.Fatalf("%s %s %+d months = %s skips business day %s", name, calendar.Format(x), n, calendar.Format(r), calendar.Format(y))
					}
				}
				maxGap = max(maxGap, r-plain)
			}
		}
		// Longest runs: Maundy Thursday to Easter Monday; Bulgarian Christmas
		// with its substitute days.
		t.Logf("%s: longest roll-forward %d days", name, maxGap)
		if maxGap > 5 {
			t.Errorf("%s: AddMonthsEU rolled %d days forward", name, maxGap)
		}
	}
}

// stride is the step of an exhaustive loop: normal, or under -race.
func stride(normal, race calendar.Date) calendar.Date {
	if raceEnabled {
		return race
	}
	return normal
}

// Many goroutines using the shared calendars and the zone cache at once; run
// with -race.
func TestConcurrentUse(t *testing.T) {
	zones := []string{"America/Los_Angeles", "America/New_York", "Europe/Berlin", "Asia/Tokyo", ""}
	names := calendar.Names()
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			start := d(t, "2026-01-01") + calendar.Date(g)
			for i := 0; i < 300; i++ {
				c, err := calendar.Lookup(names[(g+i)%len(names)])
				if err != nil {
					t.Error(err)
					return
				}
				x := start + calendar.Date(i)
				if _, err := c.AddBusinessDays(x, 15); err != nil {
					t.Error(err)
				}
				if _, err := c.AddMonthsEU(x, 1); err != nil {
					t.Error(err)
				}
				if _, err := c.BusinessDaysBetween(x, x+30); err != nil {
					t.Error(err)
				}
				if _, err := c.Holidays(2026); err != nil {
					t.Error(err)
				}
				if _, err := calendar.ReceiptDate("2026-03-09T06:30:00Z", zones[(g+i)%len(zones)]); err != nil {
					t.Error(err)
				}
				_ = calendar.Format(calendar.AddMonths(x, i%13))
			}
		}(g)
	}
	wg.Wait()
}
