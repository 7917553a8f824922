package rules

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
)

// aliasBomb is a "billion laughs" playbook: 9 levels of 9 aliases each,
// 9^9 = 387 million strings once expanded, in about 450 bytes.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString(`description: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString("x" + name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n")
		prev = name
	}
	b.WriteString("rules: []\n")
	return b.String()
}

func TestAliasBombIsRefusedFast(t *testing.T) {
	src := aliasBomb()
	require.Less(t, len(src), 600)
	start := time.Now()
	_, err := Parse("bomb.yaml", []byte(src))
	elapsed := time.Since(start)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrSyntax)
	assert.Equal(t, `bomb.yaml:1: syntax error: anchor &a: YAML anchors and aliases are not allowed in a playbook (write the value out)`, err.Error())
	assert.Less(t, elapsed, time.Second, "refused before anything is expanded")
}

func TestAliasAndAnchorAreRefusedWithTheirLine(t *testing.T) {
	// An alias to an anchor the parser does not know is its own syntax
	// error; an anchor alone is refused at its line.
	_, err := Parse("a.yaml", []byte("rules:\n  - id: x\n    condition: &c \"true\"\n    basis: legal_claims\n"))
	var le *LoadError
	require.ErrorAs(t, err, &le)
	require.Len(t, le.Problems, 1)
	assert.Equal(t, 3, le.Problems[0].FileLine)
	assert.True(t, errors.Is(err, ErrSyntax))
	assert.Contains(t, err.Error(), "anchor &c")

	_, err = Parse("b.yaml", []byte("rules:\n  - &r\n    id: x\n    condition: \"true\"\n    basis: legal_claims\n  - *r\n"))
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "b.yaml:2: syntax error: anchor &r: YAML anchors and aliases are not allowed in a playbook (write the value out)", err.Error())
}

// A rule whose until lies beyond year 9999 gives a claim that cannot be
// written as a YYYY-MM-DD date: it is an error (a disputed claim, kept for
// Legal), never an until like "+10026-03-20", which compares as text
// before any four-digit year and would make the claim expired.
func TestUntilBeyondTheCalendarIsAnError(t *testing.T) {
	p, err := Parse("far.yaml", []byte(`rules:
  - id: far
    condition: "true"
    basis: legal_obligation
    until: as_of.add_years(8000)
  - id: near
    condition: "true"
    basis: legal_obligation
    until: as_of.add_years(7973)
  - id: past
    condition: "true"
    basis: legal_obligation
    until: as_of.add_years(-2026)
`))
	require.NoError(t, err)
	asOf, err := calendar.Parse("2026-03-20")
	require.NoError(t, err)
	claims := p.Claims(map[string]any{"category": "x"}, nil, asOf)
	require.Len(t, claims, 3)
	assert.Equal(t, Claim{Rule: "far", Basis: "legal_obligation", Error: "until: add_years(8000): the result, in year 10026, is outside the years 1 to 9999"}, claims[0])
	assert.Equal(t, Claim{Rule: "near", Basis: "legal_obligation", Until: "9999-03-20"}, claims[1])
	assert.Equal(t, Claim{Rule: "past", Basis: "legal_obligation", Error: "until: add_years(-2026): the result, in year 0, is outside the years 1 to 9999"}, claims[2])

	// The same in a condition: the rule cannot be evaluated, its claim is
	// an error (disputed), not silently false.
	p, err = Parse("cond.yaml", []byte(`rules:
  - id: cond
    condition: as_of.add_days(3000000) > as_of
    basis: legal_obligation
  - id: bd
    condition: "true"
    basis: legal_obligation
    until: date("9999-12-30").add_business_days(5, "US")
`))
	require.NoError(t, err)
	claims = p.Claims(map[string]any{"category": "x"}, nil, asOf)
	require.Len(t, claims, 2)
	assert.Equal(t, "condition: add_days(3000000): the result, in year 10239, is outside the years 1 to 9999", claims[0].Error)
	assert.Equal(t, "bd", claims[1].Rule)
	assert.NotEmpty(t, claims[1].Error)
	assert.Empty(t, claims[1].Until)
}
