package rules

import (
	"errors"
	"fmt"
	"strings"
)

// The kinds of load problem. Every *Error wraps one of them (or, for Load,
// the error reading the file); test with errors.Is.
var (
	// ErrSyntax: the file is not YAML or JSON.
	ErrSyntax = errors.New("syntax error")
	// ErrSchema: the file violates playbook.schema.json (an unknown key, a
	// basis the policy does not know, a malformed period …) or a rule the
	// schema cannot express (rule ids are unique; hours are whole days).
	ErrSchema = errors.New("schema violation")
	// ErrCompile: a CEL expression does not parse or type-check: an unknown
	// field (item.categroy), an undeclared reference, no matching overload
	// (item.category == 1), an invalid literal (date("2026-02-30")).
	ErrCompile = errors.New("CEL compile error")
	// ErrResultType: a condition is not of type bool, or an until is not of
	// type date.
	ErrResultType = errors.New("wrong result type")
	// ErrCost: the estimated worst-case cost of an expression exceeds
	// CostLimit.
	ErrCost = errors.New("cost over the limit")
)

// Error is one problem found loading a playbook.
type Error struct {
	// File is the playbook's name (the path given to Load, the name given
	// to Parse).
	File string
	// Rule is the id of the rule at fault, "" for a problem outside the
	// rules (or a rule without a readable id).
	Rule string
	// Pointer is the JSON pointer of the offending value in the playbook,
	// e.g. "/rules/2/condition" or "/settings/steps/verify"; "" for the
	// whole file.
	Pointer string
	// FileLine is the line of that value in the file (1-based), 0 when
	// unknown.
	FileLine int
	// Line and Column give the position of a CEL problem within the
	// expression (both 1-based); 0 for other problems.
	Line, Column int
	// Err wraps one of the Err* kinds with the message (or, from Load,
	// is the error reading the file).
	Err error
}

// Error formats the problem as
// `file:line: rule "id": /pointer:line:column: kind: message`, leaving out
// the parts that are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.FileLine > 0 {
		fmt.Fprintf(&b, ":%d", e.FileLine)
	}
	if e.Rule != "" {
		fmt.Fprintf(&b, ": rule %q", e.Rule)
	}
	if e.Pointer != "" {
		b.WriteString(": ")
		b.WriteString(e.Pointer)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// LoadError is what Load and Parse return for a bad playbook: every problem
// found, in file order. errors.Is(err, ErrCompile) and errors.As(err,
// &*Error) look through it to the problems.
type LoadError struct {
	Problems []Error
}

// Error lists the problems, one a line.
func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i := range e.Problems {
		lines[i] = e.Problems[i].Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems (as *Error).
func (e *LoadError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i := range e.Problems {
		errs[i] = &e.Problems[i]
	}
	return errs
}

// kindf returns an error of the given kind with a message.
func kindf(kind error, format string, args ...any) error {
	return fmt.Errorf("%w: %s", kind, fmt.Sprintf(format, args...))
}
