package policy

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dsrkit/dsrkit/internal/schema"
)

// Sentinel errors, for errors.Is. Every error an Engine returns matches
// exactly one of them — except the context's own error when Reload's
// context ends first (and a Check's error, which a *PolicyError wraps,
// may match others too).
var (
	// ErrInvalidRequest: the request is not valid against the contract; see
	// *RequestError for every problem.
	ErrInvalidRequest = errors.New("invalid request")
	// ErrPolicy: the policy could not be loaded or compiled, or is not
	// allowed by the sandbox; see *PolicyError.
	ErrPolicy = errors.New("policy error")
	// ErrEvaluation: the policy failed while deciding (a builtin error, a
	// conflict, no decision, a decision that breaks the contract). Nothing
	// was decided.
	ErrEvaluation = errors.New("evaluation failed")
)

// Problem is one thing wrong with a request, at a JSON pointer into it
// (Pointer "" is the whole document).
type Problem = schema.Problem

// RequestError lists every problem found in an invalid request.
type RequestError struct {
	Problems []Problem
}

func (e *RequestError) Error() string {
	s := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		s[i] = p.String()
	}
	return "invalid request: " + strings.Join(s, "; ")
}

// Is reports ErrInvalidRequest.
func (e *RequestError) Is(target error) bool { return target == ErrInvalidRequest }

// PolicyError is a policy that cannot be served: it does not load, does
// not compile, is not allowed by the sandbox, or — in Reload — one of its
// own Rego tests or a Check fails. Each message names its file, line and
// column where OPA gives them; a failing Rego test is a message
// "FAIL data.<package>.<test> (<file>:<line>): …".
type PolicyError struct {
	Messages []string
	// Err is the error a Check returned, when a Check refused the policy,
	// or the *PolicySizeError or *BundlePathError of a policy refused for
	// its size or an unsafe bundle entry (errors.Is and errors.As reach it
	// through Unwrap); else nil.
	Err error
}

func (e *PolicyError) Error() string {
	return "policy: " + strings.Join(e.Messages, "\n")
}

// Is reports ErrPolicy.
func (e *PolicyError) Is(target error) bool { return target == ErrPolicy }

// Unwrap returns the error of the Check that refused the policy, if any.
func (e *PolicyError) Unwrap() error { return e.Err }

// EvalError is a failed evaluation of one request.
type EvalError struct {
	Kind string // the request kind
	Err  error  // the underlying cause
}

func (e *EvalError) Error() string { return fmt.Sprintf("deciding %s request: %v", e.Kind, e.Err) }

// Unwrap returns the cause.
func (e *EvalError) Unwrap() error { return e.Err }

// Is reports ErrEvaluation.
func (e *EvalError) Is(target error) bool { return target == ErrEvaluation }
