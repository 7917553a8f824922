// Package schema validates request and decision documents against the JSON
// Schemas of dsrkit's contract (package schemas) and reports every problem,
// each at the JSON pointer of the offending value, in words a person can act
// on: `/consumer/residence: "US-XX" is not a known jurisdiction`.
package schema

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dsrkit/dsrkit/schemas"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Problem is one violation, at a JSON pointer into the document ("" is the root).
type Problem struct {
	Pointer string `json:"pointer"`
	Message string `json:"message"`
}

// String gives the problem as the CLI prints it: "pointer: message", or the
// message alone at the root.
func (p Problem) String() string {
	if p.Pointer == "" {
		return p.Message
	}
	return p.Pointer + ": " + p.Message
}

// Validator holds the compiled schemas. It is safe for concurrent use.
type Validator struct {
	request, decision, instant *jsonschema.Schema
	fields                     map[string]*jsonschema.Schema // each top-level property of a decision
}

// base is the URL the schemas' $id values share. It is a name: nothing is
// ever fetched from it.
const base = "https://dsrkit.dev/schemas/"

// New compiles the schemas of package schemas, asserting their formats.
func New() (*Validator, error) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	registerFormats(c)
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
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		if err := c.AddResource(base+name, doc); err != nil {
			return nil, err
		}
	}
	v := &Validator{}
	if v.request, err = c.Compile(base + "request.json"); err != nil {
		return nil, err
	}
	if v.decision, err = c.Compile(base + "decision.json"); err != nil {
		return nil, err
	}
	if v.instant, err = c.Compile(base + "common.json#/$defs/instant"); err != nil {
		return nil, err
	}
	v.fields = map[string]*jsonschema.Schema{}
	for name := range v.decision.Properties {
		if v.fields[name], err = c.Compile(base + "decision.json#/properties/" + name); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// Request validates a request document, as decoded by
// jsonschema.UnmarshalJSON (numbers as json.Number). It returns nil when the
// document is valid, else every problem, sorted by pointer. Beyond the
// schema, the ids of data[] and of recipients[] must be unique: each repeat
// is a problem at its id.
func (v *Validator) Request(doc any) []Problem {
	ps := check(v.request, doc)
	if dups := duplicateIDs(doc); dups != nil {
		return append(problems(ps), dups...).sorted()
	}
	return ps
}

// Instant validates one value as an instant of the contract (what the
// request's as_of must be), reporting its problems at pointer.
func (v *Validator) Instant(x any, pointer string) []Problem {
	ps := check(v.instant, x)
	for i := range ps {
		ps[i].Pointer = pointer + ps[i].Pointer
	}
	return ps
}

// keyed are the arrays whose items the policy knows by their id: a repeated
// id would make two items one (a Rego conflict) or two directives to one
// recipient.
var keyed = []string{"data", "recipients"}

// duplicateIDs reports each item of a keyed array whose id an earlier item
// of the array has, at the later one's id.
func duplicateIDs(doc any) problems {
	root, _ := doc.(map[string]any)
	var ps problems
	for _, name := range keyed {
		items, _ := root[name].([]any)
		first := make(map[string]int, len(items))
		for i, item := range items {
			obj, _ := item.(map[string]any)
			id, ok := obj["id"].(string)
			if !ok {
				continue
			}
			if j, dup := first[id]; dup {
				ps.add([]string{name, strconv.Itoa(i), "id"}, "", fmt.Sprintf("%s is also the id of /%s/%d: ids must be unique", display(id), name, j))
				continue
			}
			first[id] = i
		}
	}
	return ps
}

// Decision validates a decision document like Request.
func (v *Validator) Decision(doc any) []Problem { return check(v.decision, doc) }

// Field validates one top-level field of a decision on its own, as
// Decision would (its problems' pointers start with /name); a field the
// decision schema does not name is a problem. Beyond its own schema, the
// decision schema says only which fields a decision of each kind has, and
// nothing else of laws[], request_id or as_of: a decision whose laws[]
// passes here passes Decision with any other valid laws[] in its place.
func (v *Validator) Field(name string, x any) []Problem {
	s := v.fields[name]
	if s == nil {
		return []Problem{{Pointer: "/" + name, Message: "not a field of a decision"}}
	}
	ps := check(s, x)
	for i := range ps {
		ps[i].Pointer = "/" + name + ps[i].Pointer
	}
	return ps
}

// RequestJSON parses and validates a request. Malformed JSON is one problem
// at "", naming the line and column.
func (v *Validator) RequestJSON(b []byte) []Problem {
	doc, ps := ParseJSON(b)
	if ps != nil {
		return ps
	}
	return v.Request(doc)
}

// ParseJSON decodes a document into the form Request and Decision take
// (numbers as json.Number), for callers that adjust it before validating.
// Malformed JSON is one problem at "", naming the line and column.
// Duplicate member names and invalid UTF-8 are problems too (see Parse).
func ParseJSON(b []byte) (any, []Problem) { return Parse(b, Limits{}, LimitNames{}) }

// DecisionJSON parses and validates a decision like RequestJSON.
func (v *Validator) DecisionJSON(b []byte) []Problem {
	_, ps := checkJSON(v.decision, b)
	return ps
}

func checkJSON(s *jsonschema.Schema, b []byte) (any, []Problem) {
	doc, ps := ParseJSON(b)
	if ps != nil {
		return nil, ps
	}
	return doc, check(s, doc)
}

// malformed names the line and column (in bytes, from 1) of the byte that
// ends at offset.
func malformed(b []byte, offset int64, msg string) error {
	pos := max(0, min(int(offset)-1, len(b)))
	line := 1 + bytes.Count(b[:pos], []byte("\n"))
	col := pos - bytes.LastIndexByte(b[:pos], '\n')
	return fmt.Errorf("malformed JSON at line %d, column %d: %s", line, col, msg)
}

func check(s *jsonschema.Schema, doc any) []Problem {
	var nums, ps problems
	doc, _ = nums.numbers(doc, make([]string, 0, 16))
	err := s.Validate(doc)
	if err == nil && nums == nil {
		return nil
	}
	var verr *jsonschema.ValidationError
	switch {
	case errors.As(err, &verr):
		ps.walk(verr)
	case err != nil:
		ps = append(ps, Problem{Message: err.Error()})
	}
	// The schema saw null where the numbers were: what it says of them is moot.
	ps = slices.DeleteFunc(ps, func(p Problem) bool {
		return slices.ContainsFunc(nums, func(n Problem) bool { return n.Pointer == p.Pointer })
	})
	return append(ps, nums...).sorted()
}

type problems []Problem

// add records msg at the value loc (+ name, when name is not empty).
func (ps *problems) add(loc []string, name, msg string) {
	var b strings.Builder
	for _, tok := range loc {
		b.WriteByte('/')
		b.WriteString(escape(tok))
	}
	if name != "" {
		b.WriteByte('/')
		b.WriteString(escape(name))
	}
	*ps = append(*ps, Problem{b.String(), msg})
}

var escape = strings.NewReplacer("~", "~0", "/", "~1").Replace

// numbers reports the numbers a float64 cannot hold, and returns v with null
// in their place (copying only what changes) when it has any. jsonschema
// reads numbers as big.Rat, which is slow on huge exponents and cannot hold
// some (1e-9999999): minimum and maximum then panic.
func (ps *problems) numbers(v any, loc []string) (any, bool) {
	switch v := v.(type) {
	case map[string]any:
		var c map[string]any
		for k, e := range v {
			if e, changed := ps.numbers(e, append(loc, k)); changed {
				if c == nil {
					c = maps.Clone(v)
				}
				c[k] = e
			}
		}
		if c != nil {
			return c, true
		}
	case []any:
		var c []any
		for i, e := range v {
			if e, changed := ps.numbers(e, append(loc, strconv.Itoa(i))); changed {
				if c == nil {
					c = slices.Clone(v)
				}
				c[i] = e
			}
		}
		if c != nil {
			return c, true
		}
	case json.Number:
		s := string(v)
		f, err := strconv.ParseFloat(s, 64)
		if e := strings.IndexAny(s, "eE"); e >= 0 {
			s = s[:e]
		}
		if err != nil || f == 0 && strings.ContainsAny(s, "123456789") { // overflow, underflow
			ps.add(loc, "", fmt.Sprintf("number %s is out of range", display(v)))
			return nil, true
		}
	}
	return v, false
}

// walk records the leaves of the error tree, in the contract's words. The
// inner nodes ($ref, allOf, if/then, groups) only say "validation failed".
func (ps *problems) walk(e *jsonschema.ValidationError) {
	loc := e.InstanceLocation
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		for _, name := range k.Missing {
			ps.add(loc, name, "missing required field "+display(name))
		}
	case *kind.AdditionalProperties:
		for _, name := range k.Properties {
			ps.add(loc, name, "unknown field")
		}
	case *kind.PropertyNames:
		// jsonschema v6.0.3 gives this error its validator's location slice,
		// which later siblings overwrite: the schemas use propertyNames only
		// at the root, where the location is empty.
		ps.add(loc, k.Property, "unknown field")
	case *kind.Type:
		ps.add(loc, "", fmt.Sprintf("expected %s, got %s", strings.Join(k.Want, " or "), k.Got))
	case *kind.Enum:
		ps.add(loc, "", display(k.Got)+" is not "+oneOf(k.Want))
	case *kind.Const:
		ps.add(loc, "", display(k.Got)+" is not "+display(k.Want))
	case *kind.Format:
		var verdict invalid
		if !errors.As(k.Err, &verdict) {
			verdict = invalid("is not a valid " + k.Want)
		}
		ps.add(loc, "", display(k.Got)+" "+string(verdict))
	case *kind.Pattern:
		ps.add(loc, "", fmt.Sprintf("%s does not match %s", display(k.Got), k.Want))
	case *kind.Minimum:
		ps.add(loc, "", fmt.Sprintf("%s is less than the minimum %s", rat(k.Got), rat(k.Want)))
	case *kind.Maximum:
		ps.add(loc, "", fmt.Sprintf("%s is greater than the maximum %s", rat(k.Got), rat(k.Want)))
	case *kind.InvalidJsonValue:
		ps.add(loc, "", fmt.Sprintf("%T is not a JSON value", k.Value))
	case *kind.UniqueItems:
		ps.add(loc, strconv.Itoa(k.Duplicates[1]), fmt.Sprintf("duplicate of item %d", k.Duplicates[0]))
	default:
		if len(e.Causes) == 0 {
			ps.add(loc, "", k.LocalizedString(printer))
		}
		for _, c := range e.Causes {
			ps.walk(c)
		}
	}
}

var printer = message.NewPrinter(language.English)

// maxListed is the longest enum a message lists in full.
const maxListed = 15

func oneOf(values []any) string {
	if len(values) > maxListed {
		return fmt.Sprintf("one of the %d allowed values", len(values))
	}
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = fmt.Sprint(v)
	}
	return "one of " + strings.Join(s, ", ")
}

// display writes v as JSON, cut short when long.
func display(v any) string {
	const maxLen = 64
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	s := strings.TrimSuffix(b.String(), "\n")
	if len(s) <= maxLen {
		return s
	}
	cut := maxLen
	for !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func rat(r *big.Rat) string {
	if r.IsInt() && r.Num().IsInt64() {
		return r.Num().String()
	}
	f, _ := r.Float64()
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// sorted orders the problems by pointer, token by token (array indexes as
// numbers), and drops repeats.
func (ps problems) sorted() []Problem {
	slices.SortFunc(ps, func(a, b Problem) int {
		return cmp.Or(comparePointers(a.Pointer, b.Pointer), strings.Compare(a.Message, b.Message))
	})
	return slices.Compact(ps)
}

func comparePointers(a, b string) int {
	ta, tb := strings.Split(a, "/"), strings.Split(b, "/")
	for i := range min(len(ta), len(tb)) {
		if c := compareTokens(ta[i], tb[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(ta), len(tb))
}

func compareTokens(a, b string) int {
	if isIndex(a) && isIndex(b) {
		return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
	}
	return strings.Compare(a, b)
}

func isIndex(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// Sort orders problems by pointer, token by token (array indexes as
// numbers), then by message, and drops repeats.
func Sort(ps []Problem) []Problem { return problems(ps).sorted() }
