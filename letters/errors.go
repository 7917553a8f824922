package letters

import (
	"errors"
	"fmt"
	"strings"
)

// Kinds of error, for errors.Is.
var (
	// ErrTemplate: a template does not parse, names a template the set
	// does not have, or cannot be escaped as HTML.
	ErrTemplate = errors.New("template error")
	// ErrUnknownField: a template names a field its data cannot have
	// (checked against the decision and request schemas when the
	// templates load, in every branch).
	ErrUnknownField = errors.New("unknown field")
	// ErrMissingTemplate: a document kind has no template in a format.
	ErrMissingTemplate = errors.New("missing template")
	// ErrInvalidDecision: the decision is not a valid decision document
	// (schemas/decision.json).
	ErrInvalidDecision = errors.New("invalid decision")
	// ErrInvalidRequest: the request given with the decision is not a valid
	// request document, or is not the request the decision is about.
	ErrInvalidRequest = errors.New("invalid request")
	// ErrMissingInput: something a document needs was not given: the
	// organisation's name, or an anonymised consumer identifier for a
	// directive (Input.ConsumerRef, or the decision's request_id).
	ErrMissingInput = errors.New("missing input")
	// ErrMissingValue: a template printed a field the decision does not
	// have a value for (an optional field left out, a null date).
	ErrMissingValue = errors.New("missing value")
	// ErrFormat: a format other than Text and HTML.
	ErrFormat = errors.New("unknown format")
)

// Problem is one problem with a template, at its location
// ("directive.txt:12:5").
type Problem struct {
	Location string
	Message  string
	Err      error // ErrTemplate, ErrUnknownField or ErrMissingTemplate
}

func (p Problem) String() string {
	if p.Location == "" {
		return p.Message
	}
	return p.Location + ": " + p.Message
}

// LoadError lists every problem found loading a set of templates.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return "letters: the templates do not load:\n\t" + strings.Join(lines, "\n\t")
}

// Unwrap gives the kinds of the problems, for errors.Is.
func (e *LoadError) Unwrap() []error {
	var out []error
	for _, p := range e.Problems {
		if p.Err != nil && !containsErr(out, p.Err) {
			out = append(out, p.Err)
		}
	}
	return out
}

func containsErr(errs []error, err error) bool {
	for _, e := range errs {
		if e == err {
			return true
		}
	}
	return false
}

// InputError is a decision or request that cannot be rendered: its kind
// (ErrInvalidDecision, ErrInvalidRequest, ErrMissingInput) and each
// problem, at its JSON pointer where there is one.
type InputError struct {
	Kind     error
	Problems []string
}

func (e *InputError) Error() string {
	return fmt.Sprintf("letters: %v: %s", e.Kind, strings.Join(e.Problems, "; "))
}

func (e *InputError) Unwrap() error { return e.Kind }

// RenderError is a document that could not be rendered.
type RenderError struct {
	Document string // the document's name, e.g. "directive-sp-mail"
	Err      error
}

func (e *RenderError) Error() string {
	return fmt.Sprintf("letters: rendering %s: %v", e.Document, e.Err)
}

func (e *RenderError) Unwrap() error { return e.Err }
