package builtins_test

import (
	"context"
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
