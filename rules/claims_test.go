package rules

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"cel.dev/cel-go/cel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRuntimeErrors: a rule that cannot be evaluated for an item claims its
// basis with the error, so that the item goes to Legal; the other rules
// are still evaluated.
func TestRuntimeErrors(t *testing.T) {
	p, err := Load("testdata/runtime.yaml")
	require.NoError(t, err)
	asOf := day(t, "2026-03-20")
	tests := []struct {
		name string
		item map[string]any
		want []Claim
	}{
		{"a malformed date in the condition", map[string]any{"attributes": map[string]any{"expires": "2026-02-30"}},
			[]Claim{{Rule: "bad-date", Basis: "warranty_or_recall", Error: `condition: date("2026-02-30"): not a date (want YYYY-MM-DD)`}}},
		{"an attribute of the wrong type", map[string]any{"attributes": map[string]any{"expires": 20260330.0}},
			[]Claim{{Rule: "bad-date", Basis: "warranty_or_recall", Error: "condition: no such overload: date(double)"}}},
		{"a missing attribute in until", map[string]any{"category": "ticket"},
			[]Claim{{Rule: "until-fails", Basis: "legal_claims", Error: "until: no such key: closed_on"}}},
		{"the run-time cost limit", map[string]any{"category": "log", "attributes": map[string]any{"text": strings.Repeat("a", 200_000)}},
			[]Claim{{Rule: "expensive", Basis: "security_integrity", Error: "condition: operation cancelled: actual cost limit exceeded"}}},
		{"the other rules still run", map[string]any{"category": "ticket", "attributes": map[string]any{"expires": "2026-03-20", "closed_on": "2025-01-10"}},
			[]Claim{
				{Rule: "bad-date", Basis: "warranty_or_recall", Until: "2026-03-20"},
				{Rule: "until-fails", Basis: "legal_claims", Until: "2027-01-10"},
			}},
		{"no item at all", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, p.Claims(tt.item, nil, asOf))
		})
	}
}

// evalExpr compiles and evaluates one expression over an item, as a rule's
// condition or until is.
func evalExpr(t *testing.T, expr string, it map[string]any, asOf string) (any, error) {
	t.Helper()
	env, err := celEnv()
	require.NoError(t, err)
	ast, iss := env.Compile(expr)
	require.NoError(t, iss.Err(), expr)
	prg, err := env.Program(ast, cel.CostLimit(CostLimit))
	require.NoError(t, err)
	v, err := eval(prg, &activation{item: newItem(it), request: newRequest(nil), asOf: dateVal(day(t, asOf))})
	if err != nil {
		return nil, err
	}
	return v.Value(), nil
}

func TestDateHelpers(t *testing.T) {
	tests := []struct {
		expr string
		want any
	}{
		{`date("2026-01-31").add_months(1) == date("2026-02-28")`, true},
		{`date("2024-01-31").add_months(1) == date("2024-02-29")`, true},
		{`date("2026-03-31").add_months(-1) == date("2026-02-28")`, true},
		{`date("2024-02-29").add_years(1) == date("2025-02-28")`, true},
		{`date("2024-02-29").add_years(4) == date("2028-02-29")`, true},
		{`date("2026-03-01").add_days(-1) == date("2026-02-28")`, true},
		{`string(date("2025-12-31").add_days(1))`, "2026-01-01"},
		{`string(as_of)`, "2026-03-20"},
		{`date("2026-11-25").add_business_days(1, "US") == date("2026-11-27")`, true},
		{`date("2026-12-18").add_business_days(10, "US-CA") == date("2027-01-05")`, true},
		// READINGS R4: 3 July 2026 is a federal holiday only, a business day on the common calendar.
		{`date("2026-06-26").add_business_days(5, "common(US,US-CA)") == date("2026-07-03")`, true},
		{`date("2026-06-26").add_business_days(5, "US") == date("2026-07-06")`, true},
		{`age_days(date("2026-01-01"), as_of)`, int64(78)},
		{`age_days(as_of, date("2026-01-01"))`, int64(-78)},
		{`age_years(date("2019-03-21"), as_of)`, int64(6)},
		{`age_years(date("2019-03-20"), as_of)`, int64(7)},
		{`age_years(date("2024-02-29"), date("2025-02-28"))`, int64(1)},
		{`age_years(date("2024-02-29"), date("2025-02-27"))`, int64(0)},
		{`age_years(as_of, date("2019-03-20"))`, int64(-7)},
		{`date("2026-01-01") < date("2026-01-02") && date("2026-01-02") > date("2026-01-01")`, true},
		{`as_of <= as_of && as_of >= as_of && !(as_of < as_of) && as_of == date("2026-03-20") && as_of != date("2026-03-21")`, true},
		{`date(item.attributes.d) == date("2026-07-04")`, true},
		{`item.attributes.n > 3 && item.attributes.n == 4`, true},
		{`item.attributes.?missing.orValue("none")`, "none"},
		{`item.attributes.list.exists(x, x == "b")`, true},
		{`item.category.upperAscii()`, "ORDER"},
	}
	it := map[string]any{"category": "order", "attributes": map[string]any{"d": "2026-07-04", "n": json.Number("4"), "list": []any{"a", "b"}}}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got, err := evalExpr(t, tt.expr, it, "2026-03-20")
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	for _, bad := range []string{
		`as_of.add_years(10001) == as_of`,
		`as_of.add_days(9223372036854775807) == as_of`,
		`as_of.add_business_days(1, item.category) == as_of`,
		`date("1990-01-01").add_business_days(1, "US") == as_of`,
	} {
		_, err := evalExpr(t, bad, it, "2026-03-20")
		assert.Error(t, err, bad)
	}
}

func TestJSONNumbers(t *testing.T) {
	in := map[string]any{"a": json.Number("1.5"), "b": []any{json.Number("2")}, "c": "x"}
	assert.Equal(t, map[string]any{"a": 1.5, "b": []any{2.0}, "c": "x"}, jsonNumbers(in))
	plain := map[string]any{"a": 1.5}
	assert.Equal(t, fmt.Sprintf("%p", plain), fmt.Sprintf("%p", jsonNumbers(plain)), "not copied")

	r := newRequest(map[string]any{"consumer": map[string]any{"age": json.Number("17")}, "business": map[string]any{"exemptions": []any{"nonprofit"}}})
	assert.Equal(t, int64(17), r.Consumer.Age)
	assert.Equal(t, []string{"nonprofit"}, r.Business.Exemptions)
}

// TestClaimsConcurrent: one playbook, many goroutines (run with -race).
func TestClaimsConcurrent(t *testing.T) {
	p := Default()
	items := benchItems()
	request := benchRequest()
	asOf := day(t, "2026-03-20")
	want := make([][]Claim, len(items))
	for i, it := range items {
		want[i] = p.Claims(it, request, asOf)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				for i, it := range items {
					if got := p.Claims(it, request, asOf); !assert.Equal(t, want[i], got) {
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
