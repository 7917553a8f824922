package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/rules"
)

// playbookSources are the places that name the playbook's settings: the
// policy's defaults (policy/rego/playbook/playbook.rego, the source), the
// playbook schema and the default playbook (rules/), as JSON values.
type playbookSources struct {
	defaults map[string]any // data.dsrkit.playbook.defaults
	without  []any          // data.dsrkit.playbook.without_default
	actions  []any          // data.dsrkit.playbook.out_of_scope_actions
	levels   map[string]any // data.dsrkit.playbook.to (level → who)
	schema   map[string]any // rules.Schema()
	playbook map[string]any // rules.Default().Settings()
}

// decodedJSON is v as encoding/json decodes it (numbers as float64).
func decodedJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var out any
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

// shippedPlaybookSources reads the sources as shipped.
func shippedPlaybookSources(t *testing.T) playbookSources {
	t.Helper()
	ctx := context.Background()
	cfg := config{fsys: Embedded(), name: "embedded"}
	src, err := cfg.load(false)
	require.NoError(t, err)
	compiler, err := compile(src)
	require.NoError(t, err)
	store := inmem.NewFromObject(src.Data)
	eval := func(rule string) any {
		v, err := evalConst(ctx, compiler, store, rule)
		require.NoError(t, err)
		require.NotNil(t, v, rule)
		return decodedJSON(t, v)
	}
	var s playbookSources
	s.defaults, _ = eval(playbookDefaultsRule).(map[string]any)
	s.without, _ = eval(playbookWithoutDefaultRule).([]any)
	s.actions, _ = eval("data.dsrkit.playbook.out_of_scope_actions").([]any)
	s.levels, _ = eval("data.dsrkit.playbook.to").(map[string]any)
	require.NoError(t, json.Unmarshal(rules.Schema(), &s.schema))
	s.playbook, _ = decodedJSON(t, rules.Default().Settings()).(map[string]any)
	return s
}

// at is the value at a path of nested objects, nil when absent.
func at(v any, path ...string) any {
	for _, k := range path {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

// keys are the keys of an object, sorted.
func keys(v any) []string {
	m, _ := v.(map[string]any)
	return slices.Sorted(maps.Keys(m))
}

// strs are the strings of a JSON array, sorted.
func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, e := range l {
		out = append(out, fmt.Sprint(e))
	}
	slices.Sort(out)
	return out
}

// drift lists every disagreement between the schema or the default
// playbook and the policy's defaults.
func (s playbookSources) drift() []string {
	var out []string
	same := func(what string, got, want []string) {
		for _, k := range want {
			if !slices.Contains(got, k) {
				out = append(out, fmt.Sprintf("%s lacks %q", what, k))
			}
		}
		for _, k := range got {
			if !slices.Contains(want, k) {
				out = append(out, fmt.Sprintf("%s has %q, which the policy's defaults do not name", what, k))
			}
		}
	}
	schemaSettings := at(s.schema, "$defs", "settings", "properties")
	same("the schema's settings", keys(schemaSettings), slices.Sorted(slices.Values(append(keys(s.defaults), strs(s.without)...))))
	// Settings that are objects of named entries (steps, escalation
	// triggers, data points): the schema names the same entries.
	for _, name := range keys(s.defaults) {
		if props := at(schemaSettings, name, "properties"); props != nil {
			same("the schema's "+name, keys(props), keys(s.defaults[name]))
		}
	}
	same("the schema's out_of_scope_action values", strs(at(schemaSettings, "out_of_scope_action", "enum")), strs(s.actions))
	var levels []string
	lo, _ := at(s.schema, "$defs", "level", "minimum").(float64)
	hi, _ := at(s.schema, "$defs", "level", "maximum").(float64)
	for l := int(lo); l >= 1 && l <= int(hi); l++ {
		levels = append(levels, strconv.Itoa(l))
	}
	same("the schema's escalation levels", levels, keys(s.levels))
	// The default playbook repeats the defaults, value for value.
	for _, name := range slices.Sorted(slices.Values(append(keys(s.defaults), keys(s.playbook)...))) {
		want, got := s.defaults[name], s.playbook[name]
		if name == "" || slices.Contains(out, name) || reflect.DeepEqual(want, got) {
			continue
		}
		out = append(out, fmt.Sprintf("default.yaml's %s is %v, the policy's default %v", name, got, want))
	}
	return slices.Compact(out)
}

// TestPlaybookSettingsHaveOneSource: the playbook schema and the default
// playbook agree with the policy's defaults; a copy that gains or loses a
// setting, a trigger or a value fails.
func TestPlaybookSettingsHaveOneSource(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	shipped := shippedPlaybookSources(t)
	assert.Empty(t, shipped.drift(), "as shipped")

	tests := []struct {
		name string
		edit func(s *playbookSources)
		want []string
	}{
		{"a trigger only the Rego knows (issue 15)", func(s *playbookSources) {
			s.defaults["escalation_levels"].(map[string]any)["new_trigger"] = 2.0
		}, []string{
			`the schema's escalation_levels lacks "new_trigger"`,
			"default.yaml's escalation_levels is map[deadline_at_risk:2 denial_disputed:2 legal_exception_unclear:3 legal_hold:3 reading_contested:1 recipient_non_compliance:1 regulator_complaint:4 sold_after_opt_out:3 special_scenario:3], the policy's default map[deadline_at_risk:2 denial_disputed:2 legal_exception_unclear:3 legal_hold:3 new_trigger:2 reading_contested:1 recipient_non_compliance:1 regulator_complaint:4 sold_after_opt_out:3 special_scenario:3]",
		}},
		{"a trigger only the schema knows", func(s *playbookSources) {
			at(s.schema, "$defs", "settings", "properties", "escalation_levels", "properties").(map[string]any)["new_trigger"] = map[string]any{}
		}, []string{`the schema's escalation_levels has "new_trigger", which the policy's defaults do not name`}},
		{"a setting only the schema knows", func(s *playbookSources) {
			at(s.schema, "$defs", "settings", "properties").(map[string]any)["new_setting"] = map[string]any{}
		}, []string{`the schema's settings has "new_setting", which the policy's defaults do not name`}},
		{"a setting only the Rego knows", func(s *playbookSources) {
			s.defaults["new_setting"] = 1.0
		}, []string{`the schema's settings lacks "new_setting"`, "default.yaml's new_setting is <nil>, the policy's default 1"}},
		{"a setting without a default the schema does not know", func(s *playbookSources) {
			s.without = append(s.without, "new_window")
		}, []string{`the schema's settings lacks "new_window"`}},
		{"a step only default.yaml has", func(s *playbookSources) {
			s.playbook["steps"].(map[string]any)["new_step"] = map[string]any{"n": 1.0, "unit": "days"}
		}, []string{"default.yaml's steps is map[acknowledge:map[n:10 unit:business_days] analyze_exceptions:map[n:5 unit:business_days] discover:map[n:15 unit:business_days] execute_deletion:map[n:10 unit:business_days] intake:map[n:1 unit:days] new_step:map[n:1 unit:days] verify:map[n:5 unit:business_days]], the policy's default map[acknowledge:map[n:10 unit:business_days] analyze_exceptions:map[n:5 unit:business_days] discover:map[n:15 unit:business_days] execute_deletion:map[n:10 unit:business_days] intake:map[n:1 unit:days] verify:map[n:5 unit:business_days]]"}},
		{"a value default.yaml changes", func(s *playbookSources) {
			s.playbook["deadline_at_risk_after_days"] = 45.0
		}, []string{"default.yaml's deadline_at_risk_after_days is 45, the policy's default 30"}},
		{"an out_of_scope_action the policy ignores (issue 15: review)", func(s *playbookSources) {
			e := at(s.schema, "$defs", "settings", "properties", "out_of_scope_action").(map[string]any)
			e["enum"] = append(e["enum"].([]any), "review")
		}, []string{`the schema's out_of_scope_action values has "review", which the policy's defaults do not name`}},
		{"a level nobody is named for", func(s *playbookSources) {
			at(s.schema, "$defs", "level").(map[string]any)["maximum"] = 5.0
		}, []string{`the schema's escalation levels has "5", which the policy's defaults do not name`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := shippedPlaybookSources(t)
			tt.edit(&s)
			assert.Equal(t, tt.want, s.drift())
		})
	}
}

// TestEveryEscalationTriggerHasALevel: every trigger a rule of the policy
// raises (a call of an escalation function, or an object with a "trigger")
// has its level in the policy's defaults; playbook.escalation gives no
// escalation for a trigger without one.
func TestEveryEscalationTriggerHasALevel(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	cfg := config{fsys: Embedded(), name: "embedded"}
	src, err := cfg.load(false)
	require.NoError(t, err)
	compiler, err := compile(src)
	require.NoError(t, err)
	raised := map[string]string{}
	row := func(l *ast.Location) int {
		if l == nil {
			return 0
		}
		return l.Row
	}
	call := func(terms []*ast.Term, row int, file string) {
		if op, ok := terms[0].Value.(ast.Ref); ok && len(terms) > 1 && op[len(op)-1].Equal(ast.StringTerm("escalation")) {
			if s, ok := terms[1].Value.(ast.String); ok {
				raised[string(s)] = fmt.Sprintf("%s:%d", file, row)
			}
		}
	}
	for name, m := range compiler.Modules {
		ast.NewGenericVisitor(func(x any) bool {
			switch x := x.(type) {
			case *ast.Expr: // a call, as the compiler rewrites it
				if terms, ok := x.Terms.([]*ast.Term); ok {
					call(terms, row(x.Location), name)
				}
			case *ast.Term:
				switch v := x.Value.(type) {
				case ast.Call:
					call(v, row(x.Location), name)
				case ast.Object:
					if tr := v.Get(ast.StringTerm("trigger")); tr != nil {
						if s, ok := tr.Value.(ast.String); ok {
							raised[string(s)] = fmt.Sprintf("%s:%d", name, row(x.Location))
						}
					}
				}
			}
			return false
		}).Walk(m)
	}
	levels := keys(shippedPlaybookSources(t).defaults["escalation_levels"])
	require.Subset(t, slices.Collect(maps.Keys(raised)), []string{"sold_after_opt_out", "reading_contested", "legal_hold", "deadline_at_risk"}, "the walk finds the triggers")
	for trigger, where := range raised {
		assert.Contains(t, levels, trigger, "%s raises %s", where, trigger)
	}
	assert.ElementsMatch(t, levels, slices.Collect(maps.Keys(raised)), "every trigger with a level is raised")
}
