package builtins

import (
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
)

// An amended calendar is built once per distinct object; the cache stays
// bounded however many distinct objects come.
func TestAmendedCalendarsAreCached(t *testing.T) {
	a, err := cal(ast.MustParseTerm(`{"name": "US-VA", "add": ["2026-12-24"]}`), 3)
	require.NoError(t, err)
	b, err := cal(ast.MustParseTerm(`{"add": ["2026-12-24"], "name": "US-VA"}`), 3)
	require.NoError(t, err)
	assert.Same(t, a, b)
	c, err := cal(ast.MustParseTerm(`{"name": "US-VA", "add": ["2026-12-31"]}`), 3)
	require.NoError(t, err)
	assert.NotSame(t, a, c)
	base, err := calendar.Lookup("US-VA")
	require.NoError(t, err)
	assert.NotSame(t, base, a)

	start, err := calendar.Parse("2027-01-04")
	require.NoError(t, err)
	for i := range maxAmended + 10 {
		o := ast.MustParseTerm(fmt.Sprintf(`{"name": "US", "add": [%q]}`, calendar.Format(start+calendar.Date(i))))
		x, err := cal(o, 3)
		require.NoError(t, err)
		ok, err := x.IsBusinessDay(start + calendar.Date(i))
		require.NoError(t, err)
		assert.False(t, ok)
	}
	assert.LessOrEqual(t, amendedCount.Load(), int64(maxAmended))
}
