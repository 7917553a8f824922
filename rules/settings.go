package rules

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"strconv"
)

// The units of a normalised period, as the Rego policy reads them.
const (
	unitDays         = "days"
	unitBusinessDays = "business_days"
	unitMonths       = "months"
)

// period is a normalised period: {n, unit}.
type period struct {
	N    int    `json:"n"`
	Unit string `json:"unit"`
}

// periodText is the string form of a period (the schema's pattern).
var periodText = regexp.MustCompile(`^([0-9]{1,5}) ?(h|hours?|d|days?|bd|business[ _]days?|w|weeks?|mo|months?|y|years?)$`)

// parsePeriod reads a period in either form the schema allows and
// normalises it: hours to days (whole days only), weeks to 7 days, years
// to 12 months.
func parsePeriod(raw json.RawMessage) (period, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		var p period
		err := json.Unmarshal(raw, &p)
		return p, err
	}
	m := periodText.FindStringSubmatch(s)
	if m == nil {
		return period{}, fmt.Errorf("%q is not a period", s)
	}
	n, _ := strconv.Atoi(m[1]) // at most five digits
	switch m[2] {
	case "h", "hour", "hours":
		if n%24 != 0 {
			return period{}, fmt.Errorf("%q is not a whole number of days (the policy counts in days)", s)
		}
		return period{n / 24, unitDays}, nil
	case "d", "day", "days":
		return period{n, unitDays}, nil
	case "w", "week", "weeks":
		return period{7 * n, unitDays}, nil
	case "mo", "month", "months":
		return period{n, unitMonths}, nil
	case "y", "year", "years":
		return period{12 * n, unitMonths}, nil
	default: // business days, in any spelling the pattern allows
		return period{n, unitBusinessDays}, nil
	}
}

// settingsDoc is the settings section of a playbook file, as written.
// Absent keys are nil (or missing from the maps).
type settingsDoc struct {
	VerificationDataPoints  map[string]int             `json:"verification_data_points"`
	InfoResponse            json.RawMessage            `json:"info_response"`
	Steps                   map[string]json.RawMessage `json:"steps"`
	DirectiveConfirmation   json.RawMessage            `json:"directive_confirmation"`
	RecordRetention         json.RawMessage            `json:"record_retention"`
	EscalationLevels        map[string]int             `json:"escalation_levels"`
	DeadlineAtRiskAfterDays *int                       `json:"deadline_at_risk_after_days"`
	OutOfScopeAction        *string                    `json:"out_of_scope_action"`
	OptInConfirmationWindow json.RawMessage            `json:"opt_in_confirmation_window"`
}

// settings are a playbook's normalised settings, JSON-compatible, in the
// shape of the Rego defaults (policy/rego/playbook).
type settings map[string]any

// overlay returns base with the file's settings laid over it (maps merged
// key by key). Period problems are reported at their JSON pointers.
func (d *settingsDoc) overlay(base settings, problem func(ptr string, err error)) settings {
	out := base.clone()
	periodAt := func(key string, raw json.RawMessage) {
		if raw == nil {
			return
		}
		p, err := parsePeriod(raw)
		if err != nil {
			problem("/settings/"+key, err)
			return
		}
		out[key] = p.value()
	}
	mergeInts := func(key string, m map[string]int) {
		if m == nil {
			return
		}
		merged, _ := out[key].(map[string]any)
		merged = maps.Clone(merged)
		if merged == nil {
			merged = map[string]any{}
		}
		for k, v := range m {
			merged[k] = v
		}
		out[key] = merged
	}
	mergeInts("verification_data_points", d.VerificationDataPoints)
	periodAt("info_response", d.InfoResponse)
	if d.Steps != nil {
		steps, _ := out["steps"].(map[string]any)
		steps = maps.Clone(steps)
		if steps == nil {
			steps = map[string]any{}
		}
		for name, raw := range d.Steps {
			p, err := parsePeriod(raw)
			if err != nil {
				problem("/settings/steps/"+name, err)
				continue
			}
			steps[name] = p.value()
		}
		out["steps"] = steps
	}
	periodAt("directive_confirmation", d.DirectiveConfirmation)
	periodAt("record_retention", d.RecordRetention)
	mergeInts("escalation_levels", d.EscalationLevels)
	if d.DeadlineAtRiskAfterDays != nil {
		out["deadline_at_risk_after_days"] = *d.DeadlineAtRiskAfterDays
	}
	if d.OutOfScopeAction != nil {
		out["out_of_scope_action"] = *d.OutOfScopeAction
	}
	periodAt("opt_in_confirmation_window", d.OptInConfirmationWindow)
	return out
}

// value is the period as the policy reads it.
func (p period) value() map[string]any { return map[string]any{"n": p.N, "unit": p.Unit} }

// clone copies the settings deeply (maps of maps; leaves are immutable).
func (s settings) clone() settings {
	out := make(settings, len(s))
	for k, v := range s {
		out[k] = cloneValue(v)
	}
	return out
}

func cloneValue(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := make(map[string]any, len(m))
	for k, e := range m {
		out[k] = cloneValue(e)
	}
	return out
}
