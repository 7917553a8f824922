package policy

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dsrkit/dsrkit/internal/schema"
)

// Sentinel errors, for errors.Is. Every error an Engine returns matches
// exactly one of them.
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

// PolicyError is a policy that cannot be served: each message names its
// file, line and column where OPA gives them.
type PolicyError struct {
	Messages []string
}

func (e *PolicyError) Error() string {
	return "policy: " + strings.Join(e.Messages, "\n")
}

// Is reports ErrPolicy.
func (e *PolicyError) Is(target error) bool { return target == ErrPolicy }

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
