package policy

import (
	"context"
	"maps"
	"slices"
)

// Law is one law of a loaded policy, as its data: the value of
// data.dsrkit.laws.<Package>.law, which the engine checked against the
// policy's law schema when it loaded the policy.
type Law struct {
	// ID is the law's id in decisions (laws[].law), e.g. "TDPSA".
	ID string
	// Package is the law's Rego package under data.dsrkit.laws, e.g. "tdpsa".
	Package string
	// Position is the file and line of the law's data, e.g.
	// "laws/tdpsa.rego:21".
	Position string
	// Data is the law's data, decoded from JSON: objects are
	// map[string]any, arrays []any, numbers json.Number or float64 as OPA
	// gives them, and so on. Each call to LawData returns a fresh copy.
	Data map[string]any
}

// LawData returns the data of every law of the policy the engine serves
// now, ordered by id. The data are those checked at load (no evaluation
// happens here); the caller may modify what it gets.
func (e *Engine) LawData(ctx context.Context) ([]Law, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	laws := e.cur.Load().laws
	out := make([]Law, len(laws))
	for i, l := range laws {
		out[i] = l
		out[i].Data, _ = copyJSON(l.Data, nil).(map[string]any)
	}
	return out, nil
}

// lawList is the checked laws of a policy, ordered by id.
func lawList(laws map[string]any, position func(pkg string) string) []Law {
	var out []Law
	for _, pkg := range slices.Sorted(maps.Keys(laws)) {
		obj, ok := laws[pkg].(map[string]any)
		if !ok {
			continue
		}
		id, _ := obj["id"].(string)
		out = append(out, Law{ID: id, Package: pkg, Position: position(pkg), Data: obj})
	}
	slices.SortStableFunc(out, func(a, b Law) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return out
}

// copyJSON copies decoded JSON, leaving out the object members named in
// drop (nil: none).
func copyJSON(v any, drop map[string]bool) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			if !drop[k] {
				out[k] = copyJSON(x, drop)
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = copyJSON(x, drop)
		}
		return out
	}
	return v
}
