package contracttest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/deletion"
	"github.com/dsrkit/dsrkit/internal/contracttest"
	"github.com/dsrkit/dsrkit/jurisdictions"
	"github.com/dsrkit/dsrkit/optout"
	"github.com/dsrkit/dsrkit/policy"
	"github.com/dsrkit/dsrkit/schemas"
)

// kinds are the typed request and decision of each kind the contract
// defines; TestKindsComplete keeps them equal to the schema's kinds.
var kinds = map[string]struct{ request, decision reflect.Type }{
	policy.KindDelete:       {reflect.TypeFor[deletion.Request](), reflect.TypeFor[deletion.Decision]()},
	policy.KindOptOut:       {reflect.TypeFor[optout.Request](), reflect.TypeFor[optout.Decision]()},
	policy.KindOptIn:        {reflect.TypeFor[optout.OptInRequest](), reflect.TypeFor[optout.OptInDecision]()},
	policy.KindSolicitOptIn: {reflect.TypeFor[optout.SolicitRequest](), reflect.TypeFor[optout.SolicitDecision]()},
}

func load(t *testing.T) *contracttest.Schemas {
	t.Helper()
	s, err := contracttest.Load(schemas.FS)
	require.NoError(t, err)
	return s
}

func TestKindsComplete(t *testing.T) {
	names, err := load(t).Names("common.json", "#/$defs/kind")
	require.NoError(t, err)
	var typed []string
	for k := range kinds {
		typed = append(typed, k)
	}
	slices.Sort(typed)
	require.Equal(t, names, typed, "every kind of the schema has a typed request and decision")
}

// TestRequestTypes: every property schemas/request.json allows a kind, at
// every depth, is a field of that kind's Go request, and every field of the
// Go request is a property of the schema at the same path.
func TestRequestTypes(t *testing.T) {
	s := load(t)
	for kind, types := range kinds {
		t.Run(kind, func(t *testing.T) {
			n, err := s.Kind("request.json", kind)
			require.NoError(t, err)
			require.Empty(t, contracttest.Compare(n, types.request, contracttest.Options{}))
		})
	}
	t.Run("jurisdictions", func(t *testing.T) {
		root, err := s.Def("request.json", "#")
		require.NoError(t, err)
		common, err := s.Names("request.json", "#/$defs/common_field")
		require.NoError(t, err)
		require.Empty(t, contracttest.Compare(root.Only(common), reflect.TypeFor[jurisdictions.Request](), contracttest.Options{}))
	})
}

// TestDecisionTypes does the same for schemas/decision.json and the typed
// decisions; jurisdictions.Resolution reads a part of any decision.
func TestDecisionTypes(t *testing.T) {
	s := load(t)
	for kind, types := range kinds {
		t.Run(kind, func(t *testing.T) {
			n, err := s.Kind("decision.json", kind)
			require.NoError(t, err)
			require.Empty(t, contracttest.Compare(n, types.decision, contracttest.Options{}))
		})
	}
	t.Run("jurisdictions", func(t *testing.T) {
		root, err := s.Def("decision.json", "#")
		require.NoError(t, err)
		require.Empty(t, contracttest.Compare(root, reflect.TypeFor[jurisdictions.Resolution](), contracttest.Options{Subset: true}))
	})
}

// canonical is a JSON document as bytes with its object keys sorted and its
// numbers as written: json.Marshal of the document decoded into any (with
// UseNumber).
func canonical(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := json.Marshal(decode(t, b))
	require.NoError(t, err)
	return out
}

func decode(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	require.NoError(t, d.Decode(&v))
	return v
}

// diff lists the JSON pointers at which two decoded documents differ.
func diff(at string, a, b any) []string {
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		var out []string
		for _, k := range slices.Sorted(maps.Keys(am)) {
			if _, ok := bm[k]; !ok {
				out = append(out, at+"/"+k+": lost")
				continue
			}
			out = append(out, diff(at+"/"+k, am[k], bm[k])...)
		}
		for _, k := range slices.Sorted(maps.Keys(bm)) {
			if _, ok := am[k]; !ok {
				out = append(out, at+"/"+k+": added")
			}
		}
		return out
	}
	al, aok := a.([]any)
	bl, bok := b.([]any)
	if aok && bok && len(al) == len(bl) {
		var out []string
		for i := range al {
			out = append(out, diff(fmt.Sprintf("%s/%d", at, i), al[i], bl[i])...)
		}
		return out
	}
	if !reflect.DeepEqual(a, b) {
		return []string{fmt.Sprintf("%s: %v became %v", at, a, b)}
	}
	return nil
}

// roundTrip decodes b into a new value of type typ (refusing a field the
// type does not have) and encodes it again.
func roundTrip(t *testing.T, b []byte, typ reflect.Type) []byte {
	t.Helper()
	p := reflect.New(typ)
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	require.NoError(t, d.Decode(p.Interface()))
	out, err := json.Marshal(p.Interface())
	require.NoError(t, err)
	return out
}

// TestGoldenRoundTrip: every golden decision (and request) decoded into its
// kind's Go type and encoded again is the same JSON document, compared as
// canonical bytes (keys sorted, numbers as written): no field is lost,
// added, renamed or rewritten (a null turned into an omission, an empty list
// dropped) by the Go types.
func TestGoldenRoundTrip(t *testing.T) {
	dirs, err := filepath.Glob("../../testdata/cases/*")
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	n := 0
	for _, dir := range dirs {
		for _, doc := range []string{"request.json", "decision.json"} {
			b, err := os.ReadFile(filepath.Join(dir, doc))
			if os.IsNotExist(err) {
				continue
			}
			require.NoError(t, err)
			t.Run(filepath.Base(dir)+"/"+doc, func(t *testing.T) {
				var head struct{ Kind string }
				require.NoError(t, json.Unmarshal(b, &head))
				types, ok := kinds[head.Kind]
				require.True(t, ok, "kind %q", head.Kind)
				typ := types.request
				if doc == "decision.json" {
					typ = types.decision
				}
				got := roundTrip(t, b, typ)
				require.Empty(t, diff("", decode(t, b), decode(t, got)))
				require.Equal(t, string(canonical(t, b)), string(canonical(t, got)))
			})
			n++
		}
	}
	require.Greater(t, n, 2*80-1, "the golden cases were found")
}

// TestCompareFindsDrift: the comparison fails in both directions, at any
// depth, and on a list or object where the other side has none.
func TestCompareFindsDrift(t *testing.T) {
	fsys := fstest.MapFS{
		"a.json": {Data: []byte(`{
			"type": "object",
			"properties": {
				"kind": {"enum": ["x"]},
				"outer": {"$ref": "b.json#/$defs/outer"},
				"list": {"type": "array", "items": {"type": "string"}},
				"free": {"type": "object"},
				"by": {"type": "object", "patternProperties": {"^[A-Z]+$": {"$ref": "#/$defs/leaf"}}},
				"hidden": {"type": "string"}
			},
			"allOf": [{"if": {"properties": {"kind": {"const": "x"}}}, "then": {"$ref": "#/$defs/x"}}],
			"$defs": {
				"leaf": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}},
				"x": {"propertyNames": {"anyOf": [{"enum": ["kind", "outer"]}, {"$ref": "#/$defs/more"}]}},
				"more": {"enum": ["list", "free", "by"]}
			}
		}`)},
		"b.json": {Data: []byte(`{"$defs": {"outer": {"type": "object", "properties": {"inner": {"type": "string"}, "deep": {"type": "object", "properties": {"z": {"type": "string"}}}}}}}`)},
	}
	s, err := contracttest.Load(fsys)
	require.NoError(t, err)
	n, err := s.Kind("a.json", "x")
	require.NoError(t, err)

	type leaf struct {
		N int `json:"n"`
	}
	type deep struct {
		Z string `json:"z"`
	}
	type outer struct {
		Inner string `json:"inner"`
		Deep  deep   `json:"deep"`
	}
	type good struct {
		Kind  string          `json:"kind"`
		Outer *outer          `json:"outer,omitempty"`
		List  []string        `json:"list"`
		Free  map[string]any  `json:"free"`
		By    map[string]leaf `json:"by"`
	}
	require.Empty(t, contracttest.Compare(n, reflect.TypeFor[good](), contracttest.Options{}))

	type deepBad struct {
		Z string `json:"z"`
		Y string `json:"y"`
	}
	type outerBad struct {
		Deep deepBad `json:"deep"`
	}
	type bad struct {
		Kind  string          `json:"kind"`
		Outer outerBad        `json:"outer"`
		List  string          `json:"list"`
		By    map[string]int  `json:"by"`
		Extra map[string]leaf `json:"extra"`
	}
	require.Equal(t, []string{
		"/: Go field bad.extra (\"extra\") is not in the schema",
		"/: schema property \"free\" has no Go field in contracttest_test.bad",
		"/by/*: the schema has a container, Go has int",
		"/list: the schema has a container, Go has string",
		"/outer/deep: Go field deepBad.y (\"y\") is not in the schema",
		"/outer: schema property \"inner\" has no Go field in contracttest_test.outerBad",
	}, contracttest.Compare(n, reflect.TypeFor[bad](), contracttest.Options{}))
	require.Equal(t, []string{
		"/: Go field bad.extra (\"extra\") is not in the schema",
		"/by/*: the schema has a container, Go has int",
		"/list: the schema has a container, Go has string",
		"/outer/deep: Go field deepBad.y (\"y\") is not in the schema",
	}, contracttest.Compare(n, reflect.TypeFor[bad](), contracttest.Options{Subset: true}))

	// A required property whose zero value Go leaves out.
	type leafOmit struct {
		N int `json:"n,omitempty"`
	}
	type omits struct {
		Kind string              `json:"kind"`
		By   map[string]leafOmit `json:"by"`
	}
	require.Empty(t, contracttest.Compare(n, reflect.TypeFor[omits](), contracttest.Options{Subset: true}))
	require.Equal(t, []string{
		"/: schema property \"free\" has no Go field in contracttest_test.omits",
		"/: schema property \"list\" has no Go field in contracttest_test.omits",
		"/: schema property \"outer\" has no Go field in contracttest_test.omits",
		"/by/*: schema property \"n\" is required, Go field leafOmit.n omits its zero value",
	}, contracttest.Compare(n, reflect.TypeFor[omits](), contracttest.Options{}))

	// The kind's propertyNames hide what it does not allow.
	all, err := s.Def("a.json", "#")
	require.NoError(t, err)
	require.Len(t, all.Props, 6)
	require.Contains(t, all.Props, "hidden")
	require.NotContains(t, n.Props, "hidden")
	require.Len(t, n.Props, 5)
}
