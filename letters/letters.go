// Package letters turns a deletion decision into the documents it calls
// for (seed procedure PROC-PRIV-002 § 5 and § 3.2 step 7): the deletion
// directive to each service provider, contractor or third party, the
// acknowledgement, the response (full deletion confirmed, partial deletion
// explained, denial), the extension notice, the appeal instructions and
// the GDPR supervisory-authority notice.
//
// The documents come from templates the legal and privacy teams edit: Go
// text/template files (NAME.txt) for plain text and e-mail and
// html/template files (NAME.html) for HTML, one per Kind in each format,
// plus shared parts in files whose name starts with "_" ({{define}}
// blocks). Default holds the templates embedded from letters/templates;
// Load reads a directory of them. Every template sees:
//
//	.decision  the decision document (schemas/decision.json)
//	.request   the request document (schemas/request.json), or nothing
//	.org       the organisation (Organisation: from the playbook)
//	.letter    this document (letterData: its kind, date, the directive,
//	           the items kept and deleted with their categories)
//
// and the functions notice CODE (the decision's first notice with that
// code, or nothing), notices (all of them), timeline NAME DATE (the
// timeline entry that computed that date under that name, e.g. timeline
// "respond_by" .decision.deadlines.respond_by: the binding law's, with its
// citation) and words (snake_case to words). Load checks
// every field a template names, in every branch and every template it
// calls, against the decision and request schemas and the Go types of
// .org and .letter: {{.decision.deadlines.respnd_by}} fails at load with
// ErrUnknownField, not when a decision happens to reach it. Rendering
// fails (ErrMissingValue) rather than print a field the decision leaves
// out; a template tests optional fields with {{if}} or {{with}}.
//
// No template states law of its own: every legal sentence's substance
// (dates, citations, bases, periods, the texts of the notices) comes from
// the decision; the templates add courtesy text and the organisation's
// details only.
package letters

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	htemplate "html/template"
	"io"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"sync"
	ttemplate "text/template"
	"text/template/parse"
)

// Kind is a kind of document.
type Kind string

// The kinds of document, in the order Render returns them.
const (
	Acknowledgement      Kind = "acknowledgement"              // CCPA: receipt confirmed, how the request will be processed
	ExtensionNotice      Kind = "extension_notice"             // the extension taken, its reasons (Utah: its length)
	DeletionConfirmation Kind = "deletion_confirmation"        // full deletion
	PartialDeletion      Kind = "partial_deletion"             // each category kept, its basis, citation and use limitation
	Denial               Kind = "denial"                       // nothing deleted: identity not verified, or everything kept
	AppealInstructions   Kind = "appeal_instructions"          // how to appeal, the period to answer
	SupervisoryAuthority Kind = "supervisory_authority_notice" // GDPR: complaint to a supervisory authority
	Directive            Kind = "directive"                    // one per decision directive
)

// Kinds lists every kind of document, in Render's order.
func Kinds() []Kind {
	return []Kind{Acknowledgement, ExtensionNotice, DeletionConfirmation, PartialDeletion, Denial, AppealInstructions, SupervisoryAuthority, Directive}
}

// Format is a document format.
type Format string

// The formats: plain text (NAME.txt templates) and HTML (NAME.html).
const (
	Text Format = "text"
	HTML Format = "html"
)

func (f Format) ext() string {
	if f == HTML {
		return ".html"
	}
	return ".txt"
}

// Organisation is the organisation's details on its letters (the
// playbook's organisation section). Name is required.
type Organisation struct {
	Name         string    `json:"name"`
	Address      []string  `json:"address"`
	PrivacyEmail string    `json:"privacy_email"`
	PrivacyPhone string    `json:"privacy_phone"`
	OptOutURL    string    `json:"opt_out_url"` // printed when the request gives no business.opt_out_url
	Signatory    Signatory `json:"signatory"`
}

// Signatory signs the letters and authorises the directives.
type Signatory struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

// Input is what Render renders.
type Input struct {
	// Decision is the decision document (JSON). Required.
	Decision []byte
	// Request is the request document the decision is about (JSON), or
	// nil. It gives the data categories and the recipients' names; without
	// it the documents name items and recipients by their ids.
	Request []byte
	// Organisation signs the documents.
	Organisation Organisation
	// ConsumerRef is the consumer's identifier on a directive: an
	// anonymised one the host passes in (audit.ConsumerHash) or an account
	// number, never personal data. Empty: the decision's request_id.
	ConsumerRef string
	// DirectiveConfirmation is the time the organisation's procedure gives
	// a recipient to confirm a directive, as words ("15 calendar days",
	// from the playbook's directive_confirmation); the date itself is the
	// decision's confirm_by. Empty: the directive gives the date only.
	DirectiveConfirmation string
	// Date is the documents' date (YYYY-MM-DD). Empty: the date of the
	// decision's as_of.
	Date string
}

// Document is one rendered document.
type Document struct {
	Kind Kind
	// Name is the document's name: its kind, and for a directive
	// "directive-" and the recipient's id (characters other than letters,
	// digits, '.', '_' and '-' replaced by '_').
	Name   string
	Format Format
	Body   []byte
}

// FileName is the document's name with its format's extension.
func (d Document) FileName() string { return d.Name + d.Format.ext() }

// Set is a compiled set of templates. It is immutable and safe for
// concurrent use: each rendering executes a clone of it.
type Set struct {
	text *ttemplate.Template
	html *htemplate.Template
}

//go:embed all:templates
var embedded embed.FS

var defaultSet = sync.OnceValues(func() (*Set, error) {
	sub, err := fs.Sub(embedded, "templates")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// Default returns the set of templates embedded from letters/templates,
// compiled once.
func Default() (*Set, error) { return defaultSet() }

// funcs are the functions templates may call. The checker knows the shape
// of each result (check.go); at run time they read the decision the
// document is rendered from.
func funcs(data map[string]any) map[string]any {
	decision, _ := data["decision"].(map[string]any)
	list := func(key string) []any { l, _ := decision[key].([]any); return l }
	byField := func(key, field, want string) any {
		for _, e := range list(key) {
			if m, ok := e.(map[string]any); ok && m[field] == want {
				return m
			}
		}
		return (*absent)(nil)
	}
	return map[string]any{
		"notice":  func(code string) any { return byField("notices", "code", code) },
		"notices": func() []any { return list("notices") },
		"timeline": func(name string, date any) any {
			for _, e := range list("timeline") {
				if m, ok := e.(map[string]any); ok && m["name"] == name && m["date"] == date {
					return m
				}
			}
			return (*absent)(nil)
		},
		"words": func(s string) string { return strings.ReplaceAll(s, "_", " ") },
	}
}

// Load compiles the templates in the root of fsys: NAME.txt files as
// text/template, NAME.html files as html/template, each format one set
// (so a template may call any other of its format by file name or by a
// {{define}}d name). Every Kind needs a template in each format. Load
// checks every template against the data it will see (see the package
// documentation) and returns a *LoadError listing every problem.
func Load(fsys fs.FS) (*Set, error) {
	var problems []Problem
	add := func(loc string, kind error, format string, a ...any) {
		problems = append(problems, Problem{Location: loc, Message: fmt.Sprintf(format, a...), Err: kind})
	}
	stub := funcs(nil)
	text := ttemplate.New("").Funcs(stub).Option("missingkey=error")
	html := htemplate.New("").Funcs(stub).Option("missingkey=error")
	for _, ext := range []string{".txt", ".html"} {
		names, err := fs.Glob(fsys, "*"+ext)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				add(name, ErrTemplate, "%v", err)
				continue
			}
			if ext == ".txt" {
				_, err = text.New(name).Parse(string(b))
			} else {
				_, err = html.New(name).Parse(string(b))
			}
			if err != nil {
				add("", ErrTemplate, "%s", strings.TrimPrefix(err.Error(), "template: "))
			}
		}
	}
	root, err := rootShape()
	if err != nil {
		return nil, err
	}
	textTree := func(name string) *parse.Tree {
		if t := text.Lookup(name); t != nil {
			return t.Tree
		}
		return nil
	}
	htmlTree := func(name string) *parse.Tree {
		if t := html.Lookup(name); t != nil {
			return t.Tree
		}
		return nil
	}
	for _, k := range Kinds() {
		for _, f := range []struct {
			ext  string
			tree func(string) *parse.Tree
		}{{".txt", textTree}, {".html", htmlTree}} {
			name := string(k) + f.ext
			t := f.tree(name)
			if t == nil {
				add(name, ErrMissingTemplate, "no template for the %s document (%s)", k, name)
				continue
			}
			c := &checker{lookup: f.tree, seen: map[visit]bool{}}
			c.check(t, root)
			for _, p := range c.problems {
				p.Err = ErrUnknownField
				problems = append(problems, p)
			}
		}
	}
	if len(problems) == 0 {
		// html/template escapes a template on its first execution: do it
		// now, so that a template that cannot be escaped fails here.
		// Escape a copy: the set itself stays unexecuted, so that each
		// rendering can clone it with its own functions.
		probe, err := html.Clone()
		if err != nil {
			return nil, err
		}
		for _, k := range Kinds() {
			err := probe.Lookup(string(k)+".html").Execute(io.Discard, nil)
			if he := (*htemplate.Error)(nil); errors.As(err, &he) {
				add(string(k)+".html", ErrTemplate, "%s", strings.TrimPrefix(he.Error(), "html/template:"))
			}
		}
	}
	if len(problems) > 0 {
		return nil, &LoadError{Problems: problems}
	}
	return &Set{text: text, html: html}, nil
}

// rootShape is the shape of the data every template sees.
func rootShape() (*shape, error) {
	shapes, err := contractShapes()
	if err != nil {
		return nil, err
	}
	return &shape{name: "the data", kind: object, fields: map[string]*shape{
		"decision": shapes["decision"],
		"request":  shapes["request"],
		"org":      fromType("org", reflect.TypeFor[Organisation]()),
		"letter":   fromType("letter", reflect.TypeFor[letterData]()),
	}}, nil
}

// Render renders every document the decision calls for, in the format
// given, in the order of Kinds: the acknowledgement while a law requires
// one (deadlines.acknowledge_by), the plan does not record it done and the
// request is not yet answered (outcome pending_verification or
// needs_review), then one document per
// notice that calls for one (extension_notice; deletion_confirmed;
// partial_deletion_explained or legal_hold; denial_explained or
// identity_not_verified; appeal_instructions;
// supervisory_authority_complaint), then a directive per entry of
// directives[]. A decision on anything but a deletion calls for none.
//
// The decision (and the request, when given) is validated against the
// contract's schemas first; the request must be the one decided (same
// id). Errors: *InputError (ErrInvalidDecision, ErrInvalidRequest,
// ErrMissingInput), *RenderError (ErrMissingValue), ErrFormat.
func (s *Set) Render(in Input, format Format) ([]Document, error) {
	if format != Text && format != HTML {
		return nil, fmt.Errorf("letters: %w %q (text or html)", ErrFormat, format)
	}
	src, err := prepare(in)
	if err != nil {
		return nil, err
	}
	var docs []Document
	for _, l := range src.letters() {
		data := map[string]any{"decision": src.decision, "request": src.request, "org": src.org, "letter": toJSONValue(l.data)}
		body, err := s.execute(l.template, format, data)
		if err != nil {
			return nil, &RenderError{Document: l.name, Err: err}
		}
		docs = append(docs, Document{Kind: l.data.Kind, Name: l.name, Format: format, Body: body})
	}
	return docs, nil
}

func (s *Set) execute(kind Kind, format Format, data map[string]any) ([]byte, error) {
	var b strings.Builder
	name := string(kind) + format.ext()
	var err error
	if format == HTML {
		var t *htemplate.Template
		if t, err = s.html.Clone(); err == nil {
			err = t.Funcs(funcs(data)).ExecuteTemplate(&b, name, data)
		}
	} else {
		var t *ttemplate.Template
		if t, err = s.text.Clone(); err == nil {
			err = t.Funcs(funcs(data)).ExecuteTemplate(&b, name, data)
		}
	}
	if err != nil {
		return nil, err
	}
	if strings.Contains(b.String(), absentMarker) {
		return nil, fmt.Errorf("%w: %s printed a field the decision has no value for (test it with {{if}} or {{with}})", ErrMissingValue, name)
	}
	return []byte(b.String()), nil
}

// fileSafe replaces what a file name should not hold.
func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			return r
		}
		return '_'
	}, path.Base("/"+s))
}

// toJSONValue converts a Go value to its decoded JSON form (maps, slices),
// the form templates see.
func toJSONValue(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // our own types
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return out
}
