package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Limits bound what Parse reads. A zero field is no limit.
type Limits struct {
	Bytes       int // size of the document
	StringBytes int // length of any string, member names included, in bytes (as decoded)
	Depth       int // nesting of objects and arrays; the top-level value is depth 1

	// Items per array, by the array's place in a request document.
	DataItems   int // /data
	Exceptions  int // /data/N/exceptions, per item
	Recipients  int // /recipients
	Steps       int // /steps
	Disclosures int // /disclosures_since_receipt
	OtherItems  int // any other array (attributes, scope, exemptions, ...)
}

// LimitNames name each limit in the problems that report it, as the
// caller's users know it.
type LimitNames struct {
	Bytes, StringBytes, Depth, DataItems, Exceptions, Recipients, Steps, Disclosures, OtherItems string
}

// Parse decodes one JSON document into the form Request and Decision take
// (objects as map[string]any, arrays as []any, numbers as json.Number) in a
// single pass over its tokens, and refuses what encoding/json would let
// through silently:
//
//   - a member name that appears twice in one object (encoding/json keeps
//     the last: `"legal_hold": true, "legal_hold": false` would read false),
//     reported at the pointer of the second occurrence;
//   - invalid UTF-8 in a string or a member name, and \u escapes that are
//     unpaired UTF-16 surrogates (encoding/json rewrites both to U+FFFD, so
//     ids would no longer round-trip);
//   - whatever exceeds lim (names from names).
//
// Malformed JSON is one problem at "", naming the line and column. On any
// problem the document is nil.
func Parse(b []byte, lim Limits, names LimitNames) (any, []Problem) {
	if lim.Bytes > 0 && len(b) > lim.Bytes {
		return nil, []Problem{{Message: fmt.Sprintf("the document is %d bytes; the limit is %d (%s)", len(b), lim.Bytes, names.Bytes)}}
	}
	p := parser{dec: json.NewDecoder(bytes.NewReader(b)), src: b, lim: lim, names: names}
	p.dec.UseNumber()
	doc, err := p.run()
	if err != nil {
		return nil, []Problem{{Message: err.Error()}}
	}
	if p.ps != nil {
		return nil, p.ps.sorted()
	}
	return doc, nil
}

// frame is an open object or array.
type frame struct {
	obj   map[string]any // an object, or
	arr   []any          // an array
	isObj bool
	named bool   // object: key is read, its value comes next
	key   string // object: the name of the member whose value comes next
	limit int    // array: most items allowed (0: no limit)
	name  string // array: the limit's name
}

type parser struct {
	dec   *json.Decoder
	src   []byte
	lim   Limits
	names LimitNames
	stack []frame
	path  []string // pointer tokens of the value being read
	ps    problems
}

func (p *parser) run() (any, error) {
	var (
		root any
		done bool
		prev int64 // input offset before the token
	)
	for {
		tok, err := p.dec.Token()
		if err == io.EOF && done {
			return root, nil
		}
		if err != nil {
			return nil, p.syntax()
		}
		if done {
			return nil, p.syntax()
		}
		end := p.dec.InputOffset()
		raw := p.src[prev:end]
		prev = end

		// A string in an object, where a name is expected, is the name.
		if n := len(p.stack); n > 0 {
			if top := &p.stack[n-1]; top.isObj && !top.named {
				if d, ok := tok.(json.Delim); ok && d == '}' {
					done = p.close(&root)
					continue
				}
				name := tok.(string) // encoding/json reports any other token as a syntax error
				p.member(top, name, raw)
				continue
			}
		}

		var v any
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				p.open(t == '{')
				continue
			default: // '}' after a value, or ']'
				done = p.close(&root)
				continue
			}
		case string:
			p.checkString(t, raw, false)
			v = t
		default: // json.Number, bool, nil
			v = t
		}
		done = p.value(&root, v)
	}
}

// syntax describes the malformed JSON a Token call refused. The offsets
// of Token's syntax errors point at the offending byte or past it,
// depending on which part of the decoder found it: the document is decoded
// again with Decode, whose errors name the line and column consistently.
func (p *parser) syntax() error {
	dec := json.NewDecoder(bytes.NewReader(p.src))
	var doc any
	err := dec.Decode(&doc)
	var se *json.SyntaxError
	if err == nil {
		_, err = dec.Token()
		if errors.As(err, &se) { // Token's offset is that of the offending byte
			return malformed(p.src, se.Offset+1, se.Error())
		}
		return malformed(p.src, dec.InputOffset(), "unexpected data after the top-level value")
	}
	switch {
	case errors.As(err, &se):
		return malformed(p.src, se.Offset, se.Error())
	case err == io.EOF:
		return errors.New("malformed JSON: empty document")
	case err == io.ErrUnexpectedEOF:
		return malformed(p.src, int64(len(p.src)), "unexpected end of input")
	}
	return fmt.Errorf("malformed JSON: %w", err)
}

// member records the name of the next member of the object top.
func (p *parser) member(top *frame, name string, raw []byte) {
	p.path[len(p.path)-1] = name
	p.checkString(name, raw, true)
	if _, dup := top.obj[name]; dup {
		p.ps.add(p.path, "", "duplicate key: the object has a member of that name already")
	}
	top.key, top.named = name, true
}

// open starts an object or an array, as the value at p.path.
func (p *parser) open(isObj bool) {
	depth := len(p.stack) + 1
	if p.lim.Depth > 0 && depth == p.lim.Depth+1 {
		p.ps.add(p.path, "", fmt.Sprintf("nested more than %d levels deep (%s)", p.lim.Depth, p.names.Depth))
	}
	f := frame{isObj: isObj}
	if isObj {
		f.obj = map[string]any{}
	} else {
		f.limit, f.name = p.arrayLimit()
	}
	p.stack = append(p.stack, f)
	p.path = append(p.path, "") // the member name or index comes with the first member
	if !isObj {
		p.path[len(p.path)-1] = "0"
	}
}

// arrayLimit is the limit on the items of the array at p.path.
func (p *parser) arrayLimit() (int, string) {
	path := p.path
	switch {
	case len(path) == 1 && len(p.stack) == 1:
		switch path[0] {
		case "data":
			return p.lim.DataItems, p.names.DataItems
		case "recipients":
			return p.lim.Recipients, p.names.Recipients
		case "steps":
			return p.lim.Steps, p.names.Steps
		case "disclosures_since_receipt":
			return p.lim.Disclosures, p.names.Disclosures
		}
	case len(path) == 3 && path[0] == "data" && path[2] == "exceptions":
		return p.lim.Exceptions, p.names.Exceptions
	}
	return p.lim.OtherItems, p.names.OtherItems
}

// close ends the innermost object or array and stores it in its parent.
func (p *parser) close(root *any) bool {
	n := len(p.stack)
	f := p.stack[n-1]
	p.stack = p.stack[:n-1]
	p.path = p.path[:len(p.path)-1]
	var v any = f.obj
	if !f.isObj {
		if f.arr == nil {
			f.arr = []any{}
		}
		if f.limit > 0 && len(f.arr) > f.limit {
			p.ps.add(p.path, "", fmt.Sprintf("%d items; the limit is %d (%s)", len(f.arr), f.limit, f.name))
		}
		v = f.arr
	}
	return p.value(root, v)
}

// value stores a complete value in its parent; it reports whether it was
// the top-level value.
func (p *parser) value(root *any, v any) bool {
	n := len(p.stack)
	if n == 0 {
		*root = v
		return true
	}
	top := &p.stack[n-1]
	if top.isObj {
		top.obj[top.key] = v
		top.named = false
		return false
	}
	top.arr = append(top.arr, v)
	p.path[len(p.path)-1] = strconv.Itoa(len(top.arr))
	return false
}

// checkString reports a string at p.path (the name of the member there,
// when isName) that is not valid Unicode or exceeds the string limit. raw
// holds the token as written, perhaps after whitespace and a separator.
func (p *parser) checkString(s string, raw []byte, isName bool) {
	what := "string"
	if isName {
		what = "member name"
	}
	if p.lim.StringBytes > 0 && len(s) > p.lim.StringBytes {
		p.ps.add(p.path, "", fmt.Sprintf("%s of %d bytes; the limit is %d (%s)", what, len(s), p.lim.StringBytes, p.names.StringBytes))
	}
	// encoding/json writes U+FFFD for what it cannot decode: only then is
	// the token as written worth a look.
	if !strings.ContainsRune(s, utf8.RuneError) {
		return
	}
	if i := bytes.IndexByte(raw, '"'); i >= 0 && !validString(raw[i:]) {
		p.ps.add(p.path, "", what+" is not valid UTF-8 (or holds an unpaired surrogate escape)")
	}
}

// validString reports whether a JSON string token, quotes included, is
// valid UTF-8 and every \u escape in it that is a UTF-16 surrogate is one
// half of a pair, high then low.
func validString(raw []byte) bool {
	if !utf8.Valid(raw) {
		return false
	}
	for i := 1; i < len(raw)-1; i++ {
		if raw[i] != '\\' {
			continue
		}
		i++
		if raw[i] != 'u' {
			continue
		}
		r := hex4(raw[i+1:])
		i += 4
		if !utf16.IsSurrogate(r) {
			continue
		}
		if r >= 0xDC00 || i+6 >= len(raw) || raw[i+1] != '\\' || raw[i+2] != 'u' {
			return false
		}
		if lo := hex4(raw[i+3:]); lo < 0xDC00 || lo > 0xDFFF {
			return false
		}
		i += 6
	}
	return true
}

// hex4 reads the four hex digits of a \u escape the decoder accepted.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	n, err := strconv.ParseUint(string(b[:4]), 16, 32)
	if err != nil {
		return -1
	}
	return rune(n)
}
