package builtins_test

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/internal/builtins"
)

// fuzzQueries call every dsrkit built-in on the fuzzer's arguments:
// input.a and input.b (strings: dates, instants, anything), input.n (a
// number), input.zone and input.cal (strings), input.obj (a calendar object).
var fuzzQueries = []string{
	`dsrkit.receipt_date(input.a, input.zone)`,
	`dsrkit.add_days(input.a, input.n)`,
	`dsrkit.add_months(input.a, input.n)`,
	`dsrkit.add_business_days(input.a, input.n, input.cal)`,
	`dsrkit.add_business_days(input.a, input.n, input.obj)`,
	`dsrkit.add_months_eu(input.a, input.n, input.cal)`,
	`dsrkit.is_business_day(input.a, input.cal)`,
	`dsrkit.next_business_day(input.a, input.obj)`,
	`dsrkit.business_days_between(input.a, input.b, input.cal)`,
	`dsrkit.days_between(input.a, input.b)`,
}

// FuzzBuiltins: whatever the arguments, each dsrkit built-in returns a
// value or an error — never a panic — and a date it returns is a valid
// YYYY-MM-DD (one calendar.Parse accepts and writes back the same).
func FuzzBuiltins(f *testing.F) {
	f.Add("2026-03-02", "2026-04-16", int64(45), "America/Los_Angeles", "US-CA", "2026-12-24")
	f.Add("2026-03-09T06:30:00Z", "2026-03-08", int64(-10), "", "common(US,US-CA)", "2026-11-26")
	f.Add("9999-12-31", "0001-01-01", int64(1), "Local", "weekends", "")
	f.Add("2040-12-31", "2018-01-01", int64(9223372036854775807), "localtime", "DE", "2040-12-31")
	f.Add("2026-01-31", "2026-02-30", int64(-9223372036854775808), "posixrules", "Narnia", "x")
	f.Add("+10026-01-01", "2026-13-01", int64(120001), "../../etc/passwd", "us-ca", "2026-02-29")
	ctx := context.Background()
	queries := make([]rego.PreparedEvalQuery, len(fuzzQueries))
	for i, q := range fuzzQueries {
		opts := append([]func(*rego.Rego){rego.Query(q), rego.StrictBuiltinErrors(true)}, builtins.Options()...)
		pq, err := rego.New(opts...).PrepareForEval(ctx)
		require.NoError(f, err, q)
		queries[i] = pq
	}
	f.Fuzz(func(t *testing.T, a, b string, n int64, zone, cal, holiday string) {
		input := map[string]any{
			"a": a, "b": b, "n": n, "zone": zone, "cal": cal,
			"obj": map[string]any{"name": cal, "add": []any{holiday}, "remove": []any{a}},
		}
		for i, pq := range queries {
			rs, err := pq.Eval(ctx, rego.EvalInput(input))
			if err != nil || len(rs) == 0 {
				continue
			}
			if s, ok := rs[0].Expressions[0].Value.(string); ok {
				d, perr := calendar.Parse(s)
				if perr != nil || calendar.Format(d) != s {
					t.Fatalf("%s with %v gave %q, not a YYYY-MM-DD date", fuzzQueries[i], input, s)
				}
			}
		}
	})
}

// Date arithmetic whose result has no four-digit year, or whose count
// could overflow a day number, is an error: never "+10000-01-01".
func TestDateResultsOutsideFourDigitYearsAreErrors(t *testing.T) {
	for query, want := range map[string]string{
		`dsrkit.add_days("9999-12-31", 1)`:         "the resulting date, in year 10000, is outside the years 1 to 9999",
		`dsrkit.add_days("0001-01-01", -1)`:        "the resulting date, in year 0, is outside the years 1 to 9999",
		`dsrkit.add_months("9999-12-31", 1)`:       "the resulting date, in year 10000, is outside the years 1 to 9999",
		`dsrkit.add_days("2026-03-02", 3660001)`:   "operand 2 3660001 is out of range (at most ±3660000)",
		`dsrkit.add_months("2026-03-02", -120001)`: "operand 2 -120001 is out of range (at most ±120000)",
	} {
		t.Run(query, func(t *testing.T) {
			_, err := eval(t, query)
			require.Error(t, err)
			assert.Contains(t, err.Error(), want)
		})
	}
	got, err := eval(t, `dsrkit.add_days("9999-12-30", 1)`)
	require.NoError(t, err)
	assert.Equal(t, "9999-12-31", got)
	_, err = eval(t, `dsrkit.add_months("2026-03-02", 120000)`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "the resulting date, in year 12026, is outside the years 1 to 9999")
}
