package main

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dsrkit/dsrkit/audit"
)

// hashSubjectIDs returns the request document with the value of every
// steps[].subject_id (the host's identifier of the consumer an opt-in step
// is for) replaced by audit.ConsumerHash(key, value), like the consumer's
// own id: the database never holds it. Two steps for the same consumer
// still carry one value, so the engine judges different_consumer the same.
//
// Every other byte is kept as posted: the engine still sees the document's
// duplicate keys, invalid UTF-8 and syntax errors and refuses them. A
// subject_id that is not valid Unicode is left alone for the same reason;
// a document that is not valid JSON is returned unchanged.
func hashSubjectIDs(key []byte, doc []byte) []byte {
	type frame struct {
		obj     bool
		wantKey bool   // object: a member name comes next
		name    string // object: the name of the member whose value comes next
		index   int    // array: the index of the next item
	}
	type span struct {
		start, end int64
		with       string
	}
	var (
		stack []frame
		spans []span
		prev  int64
	)
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err == io.EOF && len(stack) == 0 {
			break
		}
		if err != nil {
			return doc
		}
		end := dec.InputOffset()
		start := prev
		prev = end
		// done: a complete value, the parent moves on.
		done := func() {
			if n := len(stack); n > 0 {
				if stack[n-1].obj {
					stack[n-1].wantKey = true
				} else {
					stack[n-1].index++
				}
			}
		}
		n := len(stack)
		if n > 0 && stack[n-1].obj && stack[n-1].wantKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:n-1]
				done()
				continue
			}
			stack[n-1].name, stack[n-1].wantKey = tok.(string), false
			continue
		}
		// tok is a value (or the end of an array) inside stack[n-1].
		inSubject := n == 3 && stack[0].obj && stack[0].name == "steps" && !stack[1].obj && stack[2].obj && stack[2].name == "subject_id"
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, frame{obj: true, wantKey: true})
				continue
			case '[':
				stack = append(stack, frame{})
				continue
			default: // ']'
				stack = stack[:n-1]
			}
		case string:
			raw := doc[start:end]
			if q := bytes.IndexByte(raw, '"'); inSubject && q >= 0 && (!strings.ContainsRune(t, utf8.RuneError) || validString(raw[q:])) {
				spans = append(spans, span{start + int64(q), end, strconv.Quote(audit.ConsumerHash(key, t))})
			}
		}
		done()
	}
	if spans == nil {
		return doc
	}
	var out bytes.Buffer
	at := int64(0)
	for _, s := range spans {
		out.Write(doc[at:s.start])
		out.WriteString(s.with)
		at = s.end
	}
	out.Write(doc[at:])
	return out.Bytes()
}

// validString reports whether a JSON string token as written, quotes
// included, is valid UTF-8 with no unpaired surrogate escape: one that
// encoding/json did not have to rewrite to U+FFFD.
func validString(raw []byte) bool {
	if !utf8.Valid(raw) {
		return false
	}
	hex := func(b []byte) rune {
		if len(b) < 4 {
			return -1
		}
		v, err := strconv.ParseUint(string(b[:4]), 16, 32)
		if err != nil {
			return -1
		}
		return rune(v)
	}
	for i := 1; i < len(raw)-1; i++ {
		if raw[i] != '\\' {
			continue
		}
		i++
		if raw[i] != 'u' {
			continue
		}
		r := hex(raw[i+1:])
		i += 4
		if !utf16.IsSurrogate(r) {
			continue
		}
		if r >= 0xDC00 || i+6 >= len(raw) || raw[i+1] != '\\' || raw[i+2] != 'u' {
			return false
		}
		if lo := hex(raw[i+3:]); lo < 0xDC00 || lo > 0xDFFF {
			return false
		}
		i += 6
	}
	return true
}
