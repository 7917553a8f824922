package builtins_test

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/builtins"
)

func eval(t *testing.T, query string) (any, error) {
	t.Helper()
	opts := append([]func(*rego.Rego){rego.Query(query), rego.StrictBuiltinErrors(true)}, builtins.Options()...)
	rs, err := rego.New(opts...).Eval(context.Background())
	if err != nil {
		return nil, err
	}
	require.Len(t, rs, 1)
	return rs[0].Expressions[0].Value, nil
}

func TestBuiltins(t *testing.T) {
	cases := []struct{ query, want string }{
		{`dsrkit.receipt_date("2026-03-09T06:30:00Z", "America/Los_Angeles")`, "2026-03-08"},
		{`dsrkit.receipt_date("2026-03-09T06:30:00Z", "")`, "2026-03-09"},
		{`dsrkit.receipt_date("2026-11-20", "Asia/Tokyo")`, "2026-11-20"},
		{`dsrkit.add_days("2026-01-31", 45)`, "2026-03-17"},
		{`dsrkit.add_months("2026-01-31", 1)`, "2026-02-28"},
		{`dsrkit.add_months("2028-01-31", 1)`, "2028-02-29"},
		{`dsrkit.add_business_days("2026-11-20", 10, "US")`, "2026-12-07"},
		{`dsrkit.add_business_days("2027-12-30", 1, "US")`, "2028-01-03"}, // 31 Dec 2027 is New Year 2028 observed
		{`dsrkit.add_months_eu("2026-01-31", 1, "weekends")`, "2026-03-02"},
		{`dsrkit.add_months_eu("2026-11-25", 1, "DE")`, "2026-12-28"},
		{`dsrkit.next_business_day("2026-11-25", "US")`, "2026-11-27"},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			got, err := eval(t, c.query)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestBuiltinsNumbersAndBooleans(t *testing.T) {
	got, err := eval(t, `dsrkit.is_business_day("2026-11-26", "US")`)
	require.NoError(t, err)
	assert.Equal(t, false, got)
	got, err = eval(t, `dsrkit.business_days_between("2026-11-20", "2026-12-07", "US")`)
	require.NoError(t, err)
	assert.EqualValues(t, "10", got.(interface{ String() string }).String())
	got, err = eval(t, `dsrkit.days_between("2026-01-31", "2026-03-17")`)
	require.NoError(t, err)
	assert.EqualValues(t, "45", got.(interface{ String() string }).String())
}

// A failing date computation stops the evaluation with a message naming the
// value: it never makes a deadline silently undefined.
func TestBuiltinErrorsStopEvaluation(t *testing.T) {
	cases := []struct{ query, want string }{
		{`dsrkit.add_business_days("2026-11-20", 10, "XX")`, `"XX": unknown calendar`},
		{`dsrkit.add_days("2026-02-30", 1)`, `"2026-02-30"`},
		{`dsrkit.receipt_date("2026-03-09T06:30:00Z", "Mars/Olympus")`, `"Mars/Olympus"`},
		{`dsrkit.add_business_days("2045-01-02", 1, "US")`, `year out of supported range`},
		{`dsrkit.add_days("2026-01-01", 1.5)`, `operand 2`},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			_, err := eval(t, c.query)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// The sandbox keeps deterministic built-ins and dsrkit's own, and drops the
// clock, the network and chance.
func TestCapabilities(t *testing.T) {
	names := map[string]bool{}
	for _, b := range builtins.Capabilities().Builtins {
		names[b.Name] = true
	}
	for _, allowed := range []string{"dsrkit.add_business_days", "dsrkit.receipt_date", "sprintf", "object.union", "rego.metadata.chain", "time.parse_rfc3339_ns"} {
		assert.True(t, names[allowed], allowed)
	}
	for _, denied := range []string{"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn", "uuid.rfc4122"} {
		assert.False(t, names[denied], denied)
	}
	assert.False(t, builtins.Allowed(&ast.Builtin{Name: "net.cidr_contains"}))
}

// A calendar argument may be an object: the named calendar with holidays
// added and removed by the policy.
func TestAmendedCalendarArgument(t *testing.T) {
	cases := []struct{ query, want string }{
		// Thu 24 Dec 2026 added to US-CA: 21, 22, 23, (24, 25), 28, 29.
		{`dsrkit.add_business_days("2026-12-18", 5, {"name": "US-CA", "add": ["2026-12-24"]})`, "2026-12-29"},
		{`dsrkit.add_business_days("2026-12-18", 5, "US-CA")`, "2026-12-28"},
		// Thanksgiving removed from US: 20 Nov + 10 business days is 4 Dec, not 7 Dec.
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": "US", "add": [], "remove": ["2026-11-26"]})`, "2026-12-04"},
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": "US", "remove": {"2026-11-26"}})`, "2026-12-04"},
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": "US"})`, "2026-12-07"},
		{`dsrkit.add_months_eu("2026-11-24", 1, {"name": "DE", "add": ["2026-12-24"]})`, "2026-12-28"},
		{`dsrkit.next_business_day("2026-12-23", {"name": "us-ca", "add": ["2026-12-24"]})`, "2026-12-28"},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			got, err := eval(t, c.query)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
	got, err := eval(t, `dsrkit.is_business_day("2026-12-24", {"name": "US-CA", "add": ["2026-12-24"]})`)
	require.NoError(t, err)
	assert.Equal(t, false, got)
	got, err = eval(t, `dsrkit.business_days_between("2026-12-18", "2026-12-31", {"name": "US-CA", "add": ["2026-12-24"]})`)
	require.NoError(t, err)
	assert.EqualValues(t, "7", got.(interface{ String() string }).String())
}

func TestAmendedCalendarArgumentErrors(t *testing.T) {
	cases := []struct{ query, want string }{
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": "US", "remove": ["2026-11-27"]})`, `"2026-11-27": not a holiday of the calendar`},
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": "US", "add": ["2026-12-25"], "remove": ["2026-12-25"]})`, `"2026-12-25": both added and removed`},
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": "Narnia"})`, `"Narnia": unknown calendar`},
		{`dsrkit.add_business_days("2026-11-20", 10, {"add": ["2026-12-24"]})`, `operand 3 calendar object has no name`},
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": 1})`, `operand 3 calendar object's name must be a string, got number`},
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": "US", "added": ["2026-12-24"]})`, `operand 3 calendar object has unknown key "added" (want name, add, remove)`},
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": "US", "add": "2026-12-24"})`, `operand 3 calendar object's add must be an array of dates, got string`},
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": "US", "add": [{"date": "2026-12-24"}]})`, `operand 3 calendar object's add must hold dates (YYYY-MM-DD), got object`},
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": "US", "add": ["2026-12-32"]})`, `"2026-12-32": invalid date`},
		{`dsrkit.add_business_days("2026-11-20", 10, {"name": "US", "add": ["2045-12-24"]})`, `"2045-12-24": year out of supported range`},
		{`dsrkit.is_business_day("2026-11-20", ["US"])`, "rego_type_error: dsrkit.is_business_day: invalid argument(s)"}, // the declaration's type,
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			_, err := eval(t, c.query)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// A calendar that the type checker cannot see (it comes from the input) is
// checked when the built-in runs.
func TestCalendarArgumentTypeAtRunTime(t *testing.T) {
	opts := append([]func(*rego.Rego){
		rego.Query(`dsrkit.is_business_day("2026-11-20", input.calendar)`),
		rego.Input(map[string]any{"calendar": []any{"US"}}),
		rego.StrictBuiltinErrors(true),
	}, builtins.Options()...)
	_, err := rego.New(opts...).Eval(context.Background())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "operand 2 must be one of {string, object} but got array")
}

// RegisterGlobally changes the whole process, so it runs in a child
// process: there, OPA knows dsrkit's built-ins without any option, exactly
// as the per-engine options implement them, and a second call panics.
func TestRegisterGlobally(t *testing.T) {
	if os.Getenv("DSRKIT_TEST_REGISTER_GLOBALLY") == "1" {
		builtins.RegisterGlobally()
		for _, b := range builtins.All() {
			assert.Same(t, b.Decl.Decl, ast.BuiltinMap[b.Decl.Name].Decl, b.Decl.Name)
		}
		rs, err := rego.New(
			rego.Query(`dsrkit.add_business_days("2026-12-18", 5, {"name": "US-CA", "add": ["2026-12-24"]})`),
			rego.StrictBuiltinErrors(true),
		).Eval(context.Background())
		require.NoError(t, err)
		assert.Equal(t, "2026-12-29", rs[0].Expressions[0].Value)
		_, err = rego.New(rego.Query(`dsrkit.add_business_days("2026-12-18", 5, "Narnia")`), rego.StrictBuiltinErrors(true)).Eval(context.Background())
		assert.ErrorContains(t, err, `"Narnia": unknown calendar`)
		assert.PanicsWithValue(t, "builtins: RegisterGlobally called twice", builtins.RegisterGlobally)
		return
	}
	// Without registration, OPA does not know them.
	_, err := rego.New(rego.Query(`dsrkit.add_days("2026-01-31", 45)`)).Eval(context.Background())
	require.ErrorContains(t, err, "undefined function dsrkit.add_days")

	cmd := exec.Command(os.Args[0], "-test.run=^TestRegisterGlobally$", "-test.v")
	cmd.Env = append(os.Environ(), "DSRKIT_TEST_REGISTER_GLOBALLY=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "--- PASS: TestRegisterGlobally")
}
