// Package contracttest compares the contract's JSON Schemas (package
// schemas) with the Go types written by hand for them, by walking both: the
// properties a schema declares at each path (through $ref, allOf,
// properties, items, patternProperties and additionalProperties) against
// the fields Go's encoding/json (or another struct tag, such as CEL's
// "cel") reads at the same path. It is for tests: a drift in either
// direction is a list of messages naming each path.
package contracttest

import (
	"encoding"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// Schemas is a set of JSON Schema files, read for walking.
type Schemas struct {
	files map[string]map[string]any // by file name
}

// Load reads every *.json file of fsys (the directory of the schemas, so
// that "common.json#/$defs/x" resolves to a file beside the referrer).
func Load(fsys fs.FS) (*Schemas, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, err
	}
	s := &Schemas{files: map[string]map[string]any{}}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		s.files[name] = doc
	}
	return s, nil
}

// Node is the shape a schema gives one place of a document.
type Node struct {
	// Props are the declared properties of an object, nil for none.
	Props map[string]*Node
	// Items is the schema of an array's elements, nil for no array.
	Items *Node
	// Values is the schema of the values of an object keyed by pattern
	// (patternProperties, or an additionalProperties schema).
	Values *Node
	// Object is true when the schema says "type": "object".
	Object bool
	// Required are the properties the object must have.
	Required map[string]bool
}

// Open reports an object whose properties are free (no declared
// properties, no value schema): any Go shape reads it.
func (n *Node) Open() bool { return n.Object && n.Props == nil && n.Values == nil }

// Def returns the node of a schema inside file at a JSON pointer
// ("#/$defs/data_item", or "#" for the whole file). The root's
// kind-selecting allOf (if/then) is not followed: see Kind.
func (s *Schemas) Def(file, pointer string) (*Node, error) {
	v, err := s.resolve(file, pointer)
	if err != nil {
		return nil, err
	}
	n := &Node{}
	if err := s.merge(n, file, v, 0); err != nil {
		return nil, err
	}
	return n, nil
}

// Kind returns the root of file as a document of one kind sees it: the
// root's properties merged with those $defs/<kind> overrides, restricted
// to the names $defs/<kind>.propertyNames allows (every enum its anyOf
// lists, through $ref).
func (s *Schemas) Kind(file, kind string) (*Node, error) {
	root, err := s.Def(file, "#")
	if err != nil {
		return nil, err
	}
	def, err := s.resolve(file, "#/$defs/"+kind)
	if err != nil {
		return nil, err
	}
	if err := s.merge(root, file, def, 0); err != nil {
		return nil, err
	}
	names, err := s.Names(file, "#/$defs/"+kind+"/propertyNames")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s#/$defs/%s names no property", file, kind)
	}
	return root.Only(names), nil
}

// Names returns every string of the enums (and consts) the schema at
// pointer gives, through $ref, anyOf, oneOf and allOf, sorted.
func (s *Schemas) Names(file, pointer string) ([]string, error) {
	v, err := s.resolve(file, pointer)
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	if err := s.names(set, file, v, 0); err != nil {
		return nil, err
	}
	return slices.Sorted(maps.Keys(set)), nil
}

func (s *Schemas) names(set map[string]bool, file string, v any, depth int) error {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	if depth > 32 {
		return fmt.Errorf("%s: $ref nested too deep", file)
	}
	if ref, ok := m["$ref"].(string); ok {
		f, target, err := s.follow(file, ref)
		if err != nil {
			return err
		}
		if err := s.names(set, f, target, depth+1); err != nil {
			return err
		}
	}
	if e, ok := m["enum"].([]any); ok {
		for _, x := range e {
			if str, ok := x.(string); ok {
				set[str] = true
			}
		}
	}
	if c, ok := m["const"].(string); ok {
		set[c] = true
	}
	for _, key := range []string{"anyOf", "oneOf", "allOf"} {
		l, _ := m[key].([]any)
		for _, x := range l {
			if err := s.names(set, file, x, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// Only returns n with only the named properties.
func (n *Node) Only(names []string) *Node {
	c := *n
	c.Props = map[string]*Node{}
	for _, name := range names {
		if p, ok := n.Props[name]; ok {
			c.Props[name] = p
		}
	}
	return &c
}

// merge adds what schema v (in file) declares to n.
func (s *Schemas) merge(n *Node, file string, v any, depth int) error {
	m, ok := v.(map[string]any)
	if !ok {
		return nil // true/false schemas declare no shape
	}
	if depth > 64 {
		return fmt.Errorf("%s: schema nested too deep (a $ref cycle?)", file)
	}
	if ref, ok := m["$ref"].(string); ok {
		f, target, err := s.follow(file, ref)
		if err != nil {
			return err
		}
		if err := s.merge(n, f, target, depth+1); err != nil {
			return err
		}
	}
	if l, ok := m["allOf"].([]any); ok {
		for _, x := range l {
			if xm, _ := x.(map[string]any); xm != nil && xm["if"] != nil {
				continue // a conditional part: selected by Kind
			}
			if err := s.merge(n, file, x, depth+1); err != nil {
				return err
			}
		}
	}
	switch t := m["type"].(type) {
	case string:
		n.Object = n.Object || t == "object"
	case []any:
		n.Object = n.Object || slices.Contains(t, any("object"))
	}
	if req, ok := m["required"].([]any); ok {
		if n.Required == nil {
			n.Required = map[string]bool{}
		}
		for _, r := range req {
			if name, ok := r.(string); ok {
				n.Required[name] = true
			}
		}
	}
	if props, ok := m["properties"].(map[string]any); ok {
		if n.Props == nil {
			n.Props = map[string]*Node{}
		}
		for name, p := range props {
			child := n.Props[name]
			if child == nil {
				child = &Node{}
				n.Props[name] = child
			}
			if err := s.merge(child, file, p, depth+1); err != nil {
				return fmt.Errorf("/%s: %w", name, err)
			}
		}
		n.Object = true
	}
	if items, ok := m["items"]; ok {
		if n.Items == nil {
			n.Items = &Node{}
		}
		if err := s.merge(n.Items, file, items, depth+1); err != nil {
			return err
		}
	}
	values := func(x any) error {
		if n.Values == nil {
			n.Values = &Node{}
		}
		return s.merge(n.Values, file, x, depth+1)
	}
	if pp, ok := m["patternProperties"].(map[string]any); ok {
		for _, p := range pp {
			if err := values(p); err != nil {
				return err
			}
		}
	}
	if ap, ok := m["additionalProperties"].(map[string]any); ok {
		if err := values(ap); err != nil {
			return err
		}
	}
	return nil
}

// follow resolves a $ref made in file.
func (s *Schemas) follow(file, ref string) (string, any, error) {
	target, pointer, _ := strings.Cut(ref, "#")
	if target == "" {
		target = file
	}
	v, err := s.resolve(target, "#"+pointer)
	return target, v, err
}

// resolve returns the value at a JSON pointer ("#/a/b") of file.
func (s *Schemas) resolve(file, pointer string) (any, error) {
	doc, ok := s.files[file]
	if !ok {
		return nil, fmt.Errorf("no schema file %s", file)
	}
	var v any = doc
	p := strings.TrimPrefix(pointer, "#")
	if p == "" {
		return v, nil
	}
	for _, tok := range strings.Split(strings.TrimPrefix(p, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s%s: not an object at %q", file, pointer, tok)
		}
		if v, ok = m[tok]; !ok {
			return nil, fmt.Errorf("%s%s: no %q", file, pointer, tok)
		}
	}
	return v, nil
}

// Options say how Compare reads the Go type.
type Options struct {
	// Tag is the struct tag naming a field's property: "json" (the
	// default) or e.g. "cel". A field without the tag is named as
	// encoding/json names it: by its Go name, matched case-insensitively
	// (FoldNames then applies to it).
	Tag string
	// Subset checks one direction only: every Go field exists in the
	// schema (for a view of the contract, such as CEL's types or a type
	// reading part of a decision). Without it every schema property must
	// also have a Go field, and a property an object requires must not be
	// omitempty or omitzero in Go (its zero value would be left out) —
	// except at the root, where a kind requires fields of a header the
	// kinds share (as_of for opt_in) and the others omit.
	Subset bool
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	rawMessage    = reflect.TypeFor[json.RawMessage]()
)

// field is one Go field as the decoder reads it.
type field struct {
	name   string
	folded bool // named by the Go field name: matched case-insensitively
	omit   bool // omitempty or omitzero: the zero value is not written
	typ    reflect.Type
}

// fields lists the properties a struct type reads, flattening embedded
// structs without a tag as encoding/json does.
func fields(t reflect.Type, tag string) []field {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get(tag), ",")
		omit := slices.ContainsFunc(strings.Split(opts, ","), func(o string) bool { return o == "omitempty" || o == "omitzero" })
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			et := f.Type
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				out = append(out, fields(et, tag)...)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			out = append(out, field{name: f.Name, folded: true, typ: f.Type})
			continue
		}
		out = append(out, field{name: name, omit: omit, typ: f.Type})
	}
	return out
}

// scalar reports a Go type that encodes itself (calendar.Date) or is not a
// container.
func scalar(t reflect.Type) bool {
	if t == rawMessage {
		return false
	}
	if t.Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(jsonMarshaler) ||
		t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler) {
		return true
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Slice, reflect.Array, reflect.Map, reflect.Interface:
		return false
	}
	return true
}

// Compare lists every drift between the schema node n and the Go type t,
// each as "path: what", sorted; none is nil.
func Compare(n *Node, t reflect.Type, opts Options) []string {
	if opts.Tag == "" {
		opts.Tag = "json"
	}
	var out []string
	compare(&out, "", n, t, opts)
	slices.Sort(out)
	return out
}

func compare(out *[]string, path string, n *Node, t reflect.Type, opts Options) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	at := path
	if at == "" {
		at = "/"
	}
	bad := func(format string, args ...any) {
		*out = append(*out, at+": "+fmt.Sprintf(format, args...))
	}
	// Anything fits an interface or raw JSON; an open object fits any map.
	if t.Kind() == reflect.Interface || t == rawMessage {
		return
	}
	if t.Kind() == reflect.Map && t.Elem().Kind() == reflect.Interface && (n.Open() || n.Values != nil) {
		return
	}
	switch {
	case scalar(t):
		if n.Props != nil || n.Items != nil || n.Values != nil || n.Object {
			bad("the schema has a container, Go has %s", t)
		}
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		if n.Items == nil {
			bad("Go has a list (%s), the schema has none", t)
			return
		}
		compare(out, path+"/*", n.Items, t.Elem(), opts)
	case t.Kind() == reflect.Map:
		if n.Values == nil {
			bad("Go has a map (%s), the schema declares no keyed values", t)
			return
		}
		compare(out, path+"/*", n.Values, t.Elem(), opts)
	case t.Kind() == reflect.Struct:
		if n.Open() {
			return // a struct reading some free facts
		}
		if n.Props == nil {
			bad("Go has a struct (%s), the schema declares no properties", t)
			return
		}
		seen := map[string]bool{}
		for _, f := range fields(t, opts.Tag) {
			name, ok := f.name, false
			if _, ok = n.Props[name]; !ok && f.folded {
				for p := range n.Props {
					if strings.EqualFold(p, name) {
						name, ok = p, true
						break
					}
				}
			}
			if !ok {
				bad("Go field %s.%s (%q) is not in the schema", t.Name(), f.name, f.name)
				continue
			}
			seen[name] = true
			if n.Required[name] && f.omit && path != "" && !opts.Subset {
				bad("schema property %q is required, Go field %s.%s omits its zero value", name, t.Name(), f.name)
			}
			compare(out, path+"/"+name, n.Props[name], f.typ, opts)
		}
		if !opts.Subset {
			for _, p := range slices.Sorted(maps.Keys(n.Props)) {
				if !seen[p] {
					bad("schema property %q has no Go field in %s", p, t)
				}
			}
		}
	default:
		bad("Go type %s is not comparable with the schema", t)
	}
}
