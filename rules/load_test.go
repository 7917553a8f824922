package rules

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCustomPlaybook(t *testing.T) {
	p, err := Load("testdata/custom.yaml")
	require.NoError(t, err)
	assert.Equal(t, "testdata/custom.yaml", p.Name())

	// The file's settings laid over the default playbook's, map by map.
	want := Default().Settings()
	want["verification_data_points"] = map[string]any{"ordinary": 2, "sensitive": 4}
	steps := want["steps"].(map[string]any)
	steps["verify"] = map[string]any{"n": 3, "unit": "business_days"}
	steps["intake"] = map[string]any{"n": 2, "unit": "days"}
	want["record_retention"] = map[string]any{"n": 60, "unit": "months"}
	want["escalation_levels"].(map[string]any)["legal_hold"] = 4
	want["out_of_scope_action"] = "not_required"
	want["opt_in_confirmation_window"] = map[string]any{"n": 14, "unit": "days"}
	assert.Equal(t, want, p.Settings())

	// Its overrides are what it sets, nothing of the default playbook's.
	assert.Equal(t, map[string]any{
		"verification_data_points":   map[string]any{"sensitive": 4},
		"steps":                      map[string]any{"verify": map[string]any{"n": 3, "unit": "business_days"}, "intake": map[string]any{"n": 2, "unit": "days"}},
		"record_retention":           map[string]any{"n": 60, "unit": "months"},
		"escalation_levels":          map[string]any{"legal_hold": 4},
		"out_of_scope_action":        "not_required",
		"opt_in_confirmation_window": map[string]any{"n": 14, "unit": "days"},
	}, p.Overrides())
	o := p.Overrides()
	o["escalation_levels"].(map[string]any)["legal_hold"] = 1
	assert.Equal(t, 4, p.Overrides()["escalation_levels"].(map[string]any)["legal_hold"], "a copy")

	// Its own rules only.
	employee := map[string]any{"consumer": map[string]any{"residence": "US-CA", "relationship": "employee"}}
	tests := []struct {
		name    string
		item    map[string]any
		request map[string]any
		asOf    string
		want    []Claim
	}{
		{"chargeback window, last day", map[string]any{"category": "payment", "attributes": map[string]any{"paid_on": "2026-01-01"}}, nil, "2026-05-01",
			[]Claim{{Rule: "chargeback-window", Basis: "complete_transaction", Until: "2026-05-01"}}},
		{"chargeback window over", map[string]any{"category": "payment", "attributes": map[string]any{"paid_on": "2026-01-01"}}, nil, "2026-05-02", nil},
		{"the default rules are not inherited", map[string]any{"category": "tax_record", "legal_hold": true}, nil, "2026-05-02", nil},
		{"HR file of an employee", map[string]any{"system_type": "hr", "attributes": map[string]any{"terminated_on": "2024-02-29"}}, employee, "2026-05-02",
			[]Claim{{Rule: "hr-file", Basis: "legal_obligation", Until: "2028-02-29"}}},
		{"HR file of a job applicant", map[string]any{"system_type": "hr"}, map[string]any{"consumer": map[string]any{"relationship": "job_applicant"}}, "2026-05-02", nil},
		// 10 California business days from Friday 18 December 2026:
		// Christmas Day and New Year's Day are holidays.
		{"business days on the California calendar", map[string]any{"category": "support_ticket", "attributes": map[string]any{"closed_on": "2026-12-18"}}, employee, "2027-01-05",
			[]Claim{{Rule: "california-complaint-window", Basis: "legal_claims", Until: "2027-01-05"}}},
		{"business days on the California calendar, a day later", map[string]any{"category": "support_ticket", "attributes": map[string]any{"closed_on": "2026-12-18"}}, employee, "2027-01-06", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, withoutNotes(p.Claims(tt.item, tt.request, day(t, tt.asOf))))
		})
	}
}

func TestCanonicalJSONPlaybook(t *testing.T) {
	p, err := Load("testdata/canonical.json")
	require.NoError(t, err)
	s := p.Settings()
	assert.Equal(t, map[string]any{"n": 10, "unit": "business_days"}, s["info_response"])
	assert.Equal(t, map[string]any{"n": 2, "unit": "days"}, s["steps"].(map[string]any)["intake"])
	assert.Equal(t, map[string]any{"n": 5, "unit": "business_days"}, s["steps"].(map[string]any)["verify"])
	assert.Equal(t, 20, s["deadline_at_risk_after_days"])
	assert.NotContains(t, s, "opt_in_confirmation_window")
	assert.Equal(t, []Claim{{Rule: "hold", Basis: "legal_obligation"}}, p.Claims(map[string]any{"legal_hold": true}, nil, day(t, "2026-01-01")))

	// Settings() round-trips: its JSON is a valid settings section.
	b, err := json.Marshal(map[string]any{"settings": Default().Settings()})
	require.NoError(t, err)
	assert.Equal(t, Default().Settings(), mustParse(t, "settings.json", b).Settings())
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		in   string
		want period
	}{
		{`"24 hours"`, period{1, "days"}},
		{`"24h"`, period{1, "days"}},
		{`"0 days"`, period{0, "days"}},
		{`"1 day"`, period{1, "days"}},
		{`"15d"`, period{15, "days"}},
		{`"5 business days"`, period{5, "business_days"}},
		{`"5 business_days"`, period{5, "business_days"}},
		{`"1 business day"`, period{1, "business_days"}},
		{`"5bd"`, period{5, "business_days"}},
		{`"2 weeks"`, period{14, "days"}},
		{`"2w"`, period{14, "days"}},
		{`"36 months"`, period{36, "months"}},
		{`"36mo"`, period{36, "months"}},
		{`"3 years"`, period{36, "months"}},
		{`"3y"`, period{36, "months"}},
		{`{"n": 7, "unit": "business_days"}`, period{7, "business_days"}},
	}
	for _, tt := range tests {
		got, err := parsePeriod(json.RawMessage(tt.in))
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	for _, bad := range []string{`"36 hours"`, `"5 fortnights"`, `"-1 days"`} {
		_, err := parsePeriod(json.RawMessage(bad))
		assert.Error(t, err, bad)
	}
}

// TestLoadErrors: one bad playbook per kind of problem, each reported at
// load with the file, the rule, the pointer, the line in the file and the
// position in the expression.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		file string
		kind error
		want []Error // Err is checked by kind and message
		msgs []string
	}{
		{"unknown-field.yaml", ErrCompile,
			[]Error{{Rule: "typo", Pointer: "/rules/1/condition", FileLine: 6, Line: 1, Column: 5}},
			[]string{"CEL compile error: undefined field 'categroy'"}},
		{"type-error.yaml", ErrCompile,
			[]Error{{Rule: "age-as-string", Pointer: "/rules/0/condition", FileLine: 3, Line: 1, Column: 22}},
			[]string{"CEL compile error: found no matching overload for '_>_' applied to '(int, string)'"}},
		{"bad-literal.yaml", ErrCompile,
			[]Error{
				{Rule: "leap", Pointer: "/rules/0/condition", FileLine: 3, Line: 1, Column: 14},
				{Rule: "calendar", Pointer: "/rules/1/condition", FileLine: 6, Line: 1, Column: 36},
			},
			[]string{`CEL compile error: date("2026-02-29"): not a date (want YYYY-MM-DD)`, `CEL compile error: calendar: lookup: "US-XX": unknown calendar`}},
		{"not-bool.yaml", ErrResultType,
			[]Error{{Rule: "category", Pointer: "/rules/0/condition", FileLine: 3, Line: 1, Column: 1}},
			[]string{"wrong result type: the expression is of type string, want bool"}},
		{"until-not-date.yaml", ErrResultType,
			[]Error{{Rule: "until-string", Pointer: "/rules/0/until", FileLine: 5, Line: 1, Column: 1}},
			[]string{"wrong result type: the expression is of type dyn, known only at run time (convert it: date(…)), want date"}},
		{"cost.yaml", ErrCost,
			[]Error{{Rule: "quadratic", Pointer: "/rules/0/condition", FileLine: 3, Line: 1, Column: 1}},
			[]string{"cost over the limit: estimated cost up to 213006003 exceeds the limit of 10000 (assuming input strings, lists and maps of up to 1000 elements)"}},
		{"schema.yaml", ErrSchema,
			[]Error{
				{Pointer: "/settings/steps/verify", FileLine: 3},
				{Pointer: "/settings/escalation_level", FileLine: 4},
				{Rule: "no-basis", Pointer: "/rules/0", FileLine: 7},
			},
			[]string{"schema violation: " + periodHint, `schema violation: unknown key "escalation_level"`, "schema violation: missing property 'basis'"}},
		{"unknown-basis.yaml", ErrSchema,
			[]Error{{Rule: "marketing", Pointer: "/rules/0/basis", FileLine: 4}},
			[]string{"schema violation: value must be one of 'complete_transaction', 'warranty_or_recall', 'security_integrity', 'debug_repair', 'free_speech', 'legal_obligation', 'legal_claims', 'law_enforcement', 'research_public_interest', 'internal_uses_expected', 'calecpa', 'life_safety', 'public_health'"}},
		{"duplicate-id.yaml", ErrSchema,
			[]Error{{Rule: "hold", Pointer: "/rules/1/id", FileLine: 5}},
			[]string{`schema violation: rule id "hold" is already used by /rules/0`}},
		{"hours.yaml", ErrSchema,
			[]Error{{Pointer: "/settings/steps/intake", FileLine: 3}},
			[]string{`schema violation: "36 hours" is not a whole number of days (the policy counts in days)`}},
		{"syntax.yaml", ErrSyntax,
			[]Error{{FileLine: 3}},
			[]string{"syntax error: line 3: found unexpected end of stream"}},
		{"several.json", ErrCompile,
			[]Error{
				{Rule: "a", Pointer: "/rules/0/condition", FileLine: 3, Line: 1, Column: 5},
				{Rule: "b", Pointer: "/rules/1/until", FileLine: 4, Line: 1, Column: 1},
			},
			[]string{"CEL compile error: undefined field 'nope'", "wrong result type: the expression is of type int, want date"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := "testdata/bad/" + tt.file
			p, err := Load(path)
			require.Error(t, err)
			assert.Nil(t, p)
			assert.ErrorIs(t, err, tt.kind)
			var le *LoadError
			require.ErrorAs(t, err, &le)
			require.Len(t, le.Problems, len(tt.want))
			for i, got := range le.Problems {
				assert.Equal(t, tt.msgs[i], got.Err.Error())
				want := tt.want[i]
				want.File, want.Err = path, got.Err
				assert.Equal(t, want, got)
			}
			var first *Error
			require.ErrorAs(t, err, &first)
			assert.Equal(t, le.Problems[0], *first)

			// The same source through Parse gives the same problems.
			data, rerr := os.ReadFile(path)
			require.NoError(t, rerr)
			_, perr := Parse(path, data)
			assert.Equal(t, err, perr)
		})
	}
}

func TestErrorText(t *testing.T) {
	_, err := Load("testdata/bad/several.json")
	assert.EqualError(t, err, `testdata/bad/several.json:3: rule "a": /rules/0/condition:1:5: CEL compile error: undefined field 'nope'`+"\n"+
		`testdata/bad/several.json:4: rule "b": /rules/1/until:1:1: wrong result type: the expression is of type int, want date`)
	_, err = Load("testdata/bad/hours.yaml")
	assert.EqualError(t, err, `testdata/bad/hours.yaml:3: /settings/steps/intake: schema violation: "36 hours" is not a whole number of days (the policy counts in days)`)
}

func TestLoadFileProblems(t *testing.T) {
	_, err := Load("testdata/missing.yaml")
	assert.ErrorIs(t, err, fs.ErrNotExist)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "testdata/missing.yaml", e.File)

	_, err = Load("testdata/custom.txt")
	assert.ErrorIs(t, err, ErrSyntax)
}

func TestParseOddSources(t *testing.T) {
	tests := []struct {
		name, src string
		kind      error
	}{
		{"empty", "", ErrSchema},
		{"a list", "- 1\n", ErrSchema},
		{"a repeated key", "settings: {}\nsettings: {}\n", ErrSyntax},
		{"a non-string key", "settings:\n  steps:\n    [a]: 1d\n", ErrSyntax},
		{"not JSON numbers", "settings:\n  deadline_at_risk_after_days: .inf\n", ErrSyntax},
		{"a float where an integer goes", "settings:\n  deadline_at_risk_after_days: 30.5\n", ErrSchema},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("odd.yaml", []byte(tt.src))
			assert.ErrorIs(t, err, tt.kind)
		})
	}
	p := mustParse(t, "minimal.yaml", []byte("description: only the defaults\n"))
	assert.Equal(t, Default().Settings(), p.Settings())
	assert.Empty(t, p.Claims(map[string]any{"legal_hold": true}, nil, day(t, "2026-01-01")))
	// YAML anchors and aliases are refused (an alias bomb: hostile_test.go).
	_, err := Parse("anchors.yaml", []byte("settings:\n  steps:\n    verify: &five 5 business days\n    analyze_exceptions: *five\n"))
	assert.ErrorIs(t, err, ErrSyntax)
	assert.EqualError(t, err, "anchors.yaml:3: syntax error: anchor &five: YAML anchors and aliases are not allowed in a playbook (write the value out)")
}

func TestSchemaIsValidJSON(t *testing.T) {
	var v map[string]any
	require.NoError(t, json.Unmarshal(Schema(), &v))
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", v["$schema"])
	s := Schema()
	s[0] = 'x'
	assert.Equal(t, byte('{'), Schema()[0], "Schema returns a copy")
	assert.True(t, errors.Is(&Error{Err: kindf(ErrCost, "x")}, ErrCost))
}
