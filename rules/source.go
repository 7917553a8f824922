package rules

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

//go:embed playbook.schema.json
var schemaJSON []byte

// Schema returns the JSON Schema (draft 2020-12) of a playbook file, for
// editors and CI checks. Load and Parse validate against it.
func Schema() []byte { return bytes.Clone(schemaJSON) }

// compiledSchema is playbook.schema.json, compiled once.
var compiledSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, err
	}
	const url = "https://dsrkit.dev/schemas/playbook.schema.json"
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

// source is a playbook file read as a JSON value, with the line of each
// value for error messages.
type source struct {
	name  string
	value any            // JSON-compatible: map[string]any, []any, string, json.Number, bool, nil
	lines map[string]int // JSON pointer → line
}

// readSource parses YAML (which includes JSON) into a JSON value.
func readSource(name string, data []byte) (*source, *Error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &Error{File: name, FileLine: yamlErrorLine(err), Err: kindf(ErrSyntax, "%s", strings.TrimPrefix(err.Error(), "yaml: "))}
	}
	s := &source{name: name, lines: map[string]int{}}
	if len(doc.Content) == 0 {
		return s, nil // an empty file: the schema reports it
	}
	if err := s.refuseAliases(&doc); err != nil {
		return nil, err
	}
	v, err := s.convert(doc.Content[0], "", doc.Content[0].Line, 0)
	if err != nil {
		return nil, err
	}
	s.value = v
	return s, nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlErrorLine reads the line number out of a YAML parser message.
func yamlErrorLine(err error) int {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// refuseAliases refuses anchors (&a) and aliases (*a) anywhere in the
// document, before anything is converted: an alias is expanded wherever it
// is used, so a few hundred bytes of nested aliases ("billion laughs")
// would expand to gigabytes. A playbook has no use for them; the walk
// visits each node of the parsed tree once (an alias is not followed).
func (s *source) refuseAliases(doc *yaml.Node) *Error {
	stack := []*yaml.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case n.Kind == yaml.AliasNode:
			return s.syntaxError(n, fmt.Sprintf("alias *%s: YAML anchors and aliases are not allowed in a playbook (write the value out)", n.Value))
		case n.Anchor != "":
			return s.syntaxError(n, fmt.Sprintf("anchor &%s: YAML anchors and aliases are not allowed in a playbook (write the value out)", n.Anchor))
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return nil
}

// convert turns a YAML node into a JSON value, recording the line of each
// value (for a mapping's value, the line of its key).
func (s *source) convert(n *yaml.Node, ptr string, line, depth int) (any, *Error) {
	if depth > 64 {
		return nil, s.syntaxError(n, "nesting deeper than 64 levels")
	}
	s.lines[ptr] = line
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.ShortTag() == "!!merge" {
				return nil, s.syntaxError(k, "keys must be plain strings")
			}
			if _, dup := m[k.Value]; dup {
				return nil, s.syntaxError(k, fmt.Sprintf("key %q repeated", k.Value))
			}
			cv, err := s.convert(v, ptr+"/"+escapePointer(k.Value), k.Line, depth+1)
			if err != nil {
				return nil, err
			}
			m[k.Value] = cv
		}
		return m, nil
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, c := range n.Content {
			cv, err := s.convert(c, ptr+"/"+strconv.Itoa(i), c.Line, depth+1)
			if err != nil {
				return nil, err
			}
			l[i] = cv
		}
		return l, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				return nil, s.syntaxError(n, err.Error())
			}
			return b, nil
		case "!!int", "!!float":
			var f float64
			if err := n.Decode(&f); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
				return nil, s.syntaxError(n, fmt.Sprintf("%q is not a JSON number", n.Value))
			}
			if n.ShortTag() == "!!int" {
				var i int64
				if err := n.Decode(&i); err == nil {
					return json.Number(strconv.FormatInt(i, 10)), nil
				}
			}
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
		default: // !!str, !!timestamp (a bare date stays a string), others
			return n.Value, nil
		}
	}
	return nil, s.syntaxError(n, "unexpected YAML node")
}

func (s *source) syntaxError(n *yaml.Node, msg string) *Error {
	return &Error{File: s.name, FileLine: n.Line, Err: kindf(ErrSyntax, "%s", msg)}
}

// escapePointer escapes a key for a JSON pointer (RFC 6901).
func escapePointer(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}

// line is the line of the value at ptr, or of its nearest ancestor.
func (s *source) line(ptr string) int {
	for {
		if l, ok := s.lines[ptr]; ok {
			return l
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return 0
		}
		ptr = ptr[:i]
	}
}

// ruleID is the id of the rule a pointer lies in ("/rules/3/…"), if the
// rule has a string id.
func (s *source) ruleID(ptr string) string {
	rest, ok := strings.CutPrefix(ptr, "/rules/")
	if !ok {
		return ""
	}
	idx, _, _ := strings.Cut(rest, "/")
	i, err := strconv.Atoi(idx)
	if err != nil {
		return ""
	}
	doc, _ := s.value.(map[string]any)
	rules, _ := doc["rules"].([]any)
	if i >= len(rules) {
		return ""
	}
	r, _ := rules[i].(map[string]any)
	id, _ := r["id"].(string)
	return id
}

// problem builds an Error at a pointer.
func (s *source) problem(ptr string, err error) Error {
	return Error{File: s.name, Rule: s.ruleID(ptr), Pointer: ptr, FileLine: s.line(ptr), Err: err}
}

// validate checks the value against the schema, one Error per violation.
func (s *source) validate() []Error {
	sch, err := compiledSchema()
	if err != nil {
		panic(fmt.Sprintf("rules: playbook.schema.json: %v", err)) // embedded and tested
	}
	err = sch.Validate(s.value)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Error{s.problem("", kindf(ErrSchema, "%v", err))}
	}
	p := message.NewPrinter(language.English)
	var out []Error
	seen := map[string]bool{}
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		ptr := ""
		for _, t := range e.InstanceLocation {
			ptr += "/" + escapePointer(t)
		}
		msg := e.ErrorKind.LocalizedString(p)
		if strings.Contains(e.SchemaURL, "/$defs/period/") {
			msg = periodHint
		}
		add := func(ptr, msg string) {
			if seen[ptr+"\x00"+msg] {
				return
			}
			seen[ptr+"\x00"+msg] = true
			out = append(out, s.problem(ptr, kindf(ErrSchema, "%s", msg)))
		}
		if k, ok := e.ErrorKind.(*kind.AdditionalProperties); ok {
			// Point at each unknown key itself.
			for _, name := range k.Properties {
				add(ptr+"/"+escapePointer(name), fmt.Sprintf("unknown key %q", name))
			}
			return
		}
		add(ptr, msg)
	}
	walk(ve)
	slices.SortStableFunc(out, func(a, b Error) int { return cmp.Compare(a.FileLine, b.FileLine) })
	return out
}

// periodHint replaces the schema's messages about a malformed period.
const periodHint = `not a period: write e.g. "24 hours", "15 days", "5 business days", "2 weeks", "36 months", "3 years" (or 24h, 15d, 5bd, 2w, 36mo, 3y), or {n: 5, unit: business_days} with unit days, business_days or months`

// decode fills v (a Go struct) from the validated value.
func (s *source) decode(v any) error {
	b, err := json.Marshal(s.value)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}
