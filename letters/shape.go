package letters

import (
	"bytes"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dsrkit/dsrkit/schemas"
)

// A shape is what a template may reach in a value: an object's fields,
// a list's elements, a map's values, or nothing below (a leaf). It is read
// from the contract's JSON Schemas (decision, request) and from the Go
// types of the other data (organisation, letter), so that a template that
// names a field the data cannot have fails when the templates load.
type shape struct {
	name   string            // for messages: "decision", "decision.deadlines"
	fields map[string]*shape // an object's fields (kind object)
	elem   *shape            // a list's elements or a map's values (kind list, dict)
	kind   shapeKind
}

type shapeKind int

const (
	leaf   shapeKind = iota // a string, number, bool or null: no fields
	object                  // the fields listed, no others
	list                    // elements of elem
	dict                    // any key, values of elem (e.g. deadlines.by_law)
	open                    // anything: free data (data[].attributes)
)

func (s *shape) String() string {
	switch s.kind {
	case object:
		return "an object"
	case list:
		return "a list"
	case dict:
		return "a map"
	case open:
		return "free data"
	}
	return "a single value"
}

// fieldNames lists an object's fields, sorted, for messages.
func (s *shape) fieldNames() string {
	names := make([]string, 0, len(s.fields))
	for n := range s.fields {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// schemaBase is the URL the contract's schemas share ($id); never fetched.
const schemaBase = "https://dsrkit.dev/schemas/"

// contractShapes are the shapes of the decision and request documents,
// read once from the embedded schemas.
var contractShapes = sync.OnceValues(func() (map[string]*shape, error) {
	c := jsonschema.NewCompiler()
	names, err := fs.Glob(schemas.FS, "*.json")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		b, err := schemas.FS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("letters: schema %s: %w", name, err)
		}
		if err := c.AddResource(schemaBase+name, doc); err != nil {
			return nil, err
		}
	}
	out := map[string]*shape{}
	for _, doc := range []string{"decision", "request"} {
		s, err := c.Compile(schemaBase + doc + ".json")
		if err != nil {
			return nil, fmt.Errorf("letters: schema %s.json: %w", doc, err)
		}
		out[doc] = fromSchema(doc, s)
	}
	return out, nil
})

// fromSchema builds the shape of a JSON Schema: the union of what its
// branches ($ref, allOf, anyOf, oneOf, if/then/else) allow.
func fromSchema(name string, s *jsonschema.Schema) *shape {
	out := &shape{name: name}
	var visit func(s *jsonschema.Schema, depth int)
	visit = func(s *jsonschema.Schema, depth int) {
		if s == nil || depth > 32 {
			return
		}
		visit(s.Ref, depth+1)
		for _, b := range slices.Concat(s.AllOf, s.AnyOf, s.OneOf) {
			visit(b, depth+1)
		}
		visit(s.Then, depth+1)
		visit(s.Else, depth+1)
		switch {
		case len(s.Properties) > 0:
			if out.kind != object {
				out.kind, out.fields = object, map[string]*shape{}
			}
			for k, p := range s.Properties {
				if f, ok := out.fields[k]; ok {
					out.fields[k] = merge(f, fromSchema(name+"."+k, p))
				} else {
					out.fields[k] = fromSchema(name+"."+k, p)
				}
			}
		case len(s.PatternProperties) > 0 && out.kind == leaf:
			out.kind = dict
			for _, p := range s.PatternProperties {
				out.elem = fromSchema(name+"[…]", p)
			}
		case s.Items2020 != nil && out.kind == leaf:
			out.kind, out.elem = list, fromSchema(name+"[]", s.Items2020)
		case s.Types != nil && out.kind == leaf && !strings.Contains(s.Types.String(), "string") && strings.Contains(s.Types.String(), "object"):
			out.kind = open // an object the schema says nothing more about
		}
	}
	visit(s, 0)
	return out
}

// merge joins two shapes of one field (a field several branches define).
func merge(a, b *shape) *shape {
	switch {
	case a.kind == leaf || a.kind == open && b.kind != leaf:
		return b
	case b.kind == leaf || b.kind == open:
		return a
	case a.kind == object && b.kind == object:
		out := &shape{name: a.name, kind: object, fields: map[string]*shape{}}
		for k, f := range a.fields {
			out.fields[k] = f
		}
		for k, f := range b.fields {
			if g, ok := out.fields[k]; ok {
				out.fields[k] = merge(g, f)
			} else {
				out.fields[k] = f
			}
		}
		return out
	}
	return a
}

// fromType builds the shape of a Go type from its JSON field names.
func fromType(name string, t reflect.Type) *shape {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		out := &shape{name: name, kind: object, fields: map[string]*shape{}}
		for i := range t.NumField() {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || tag == "-" || tag == "" {
				continue
			}
			out.fields[tag] = fromType(name+"."+tag, f.Type)
		}
		return out
	case reflect.Slice, reflect.Array:
		return &shape{name: name, kind: list, elem: fromType(name+"[]", t.Elem())}
	case reflect.Map:
		return &shape{name: name, kind: dict, elem: fromType(name+"[…]", t.Elem())}
	case reflect.Interface:
		return &shape{name: name, kind: open}
	}
	return &shape{name: name}
}
