// Command opa is Open Policy Agent's own command line (opa test, eval, fmt,
// check, run --server, ...) with dsrkit's date built-ins
// (dsrkit.add_business_days and the rest) registered, so that OPA's tools
// run on dsrkit's policy unchanged, and so that a backend written in any
// language can use the policy through OPA's REST API (a sidecar).
//
// It is the only dsrkit program that registers built-ins in OPA's global
// registry; the library registers them per engine. It is its own module
// (cmd/opa/go.mod) so that its long build stays out of the root module's
// go test ./... and go vet ./....
//
// Every built-in's error stops the evaluation, in every command, as
// rego.StrictBuiltinErrors(true) does in dsrkit's engine: a failing date
// computation is never a silently missing date. OPA's server has no setting
// for that default (only the per-request ?strict-builtin-errors=true), so
// the built-ins are registered wrapped (see strictBuiltins).
//
// See README.md beside this file for the commands.
package main

import (
	"errors"
	"os"

	"github.com/open-policy-agent/opa/cmd"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/dsrkit/dsrkit/internal/builtins"
)

func main() {
	builtins.RegisterGlobally()
	strictBuiltins()
	if err := cmd.RootCommand.Execute(); err != nil {
		if e, ok := errors.AsType[*cmd.ExitError](err); ok {
			os.Exit(e.Exit)
		}
		os.Exit(1)
	}
}

// strictBuiltins re-registers every built-in (OPA's and dsrkit's) so that
// its error halts the evaluation. Without strict built-in errors OPA records
// a built-in's error and makes the expression undefined — which turns a
// date that cannot be computed (a year outside the calendars, an unknown
// calendar) into a decision without that date, served with HTTP 200. A
// topdown.Halt is raised whatever the query's strict setting; its error is
// the built-in's own (code eval_builtin_error, with its message and
// location), so `opa run --server` answers HTTP 500 "internal_error" and
// `opa eval` and `opa test` report the error, exactly as with
// --strict-builtin-errors / ?strict-builtin-errors=true. A caller cannot
// turn it off.
func strictBuiltins() {
	for _, b := range ast.Builtins {
		f := topdown.GetBuiltin(b.Name)
		if f == nil {
			continue // an operator evaluated by OPA itself (eq, assign, ...)
		}
		topdown.RegisterBuiltinFunc(b.Name, halting(f))
	}
}

// halting makes f's own error a topdown.Halt. An error that is already a
// Halt (one from the rest of the evaluation, passed back through f's
// iterator) is returned as it is.
func halting(f topdown.BuiltinFunc) topdown.BuiltinFunc {
	return func(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
		err := f(bctx, operands, iter)
		if err == nil {
			return nil
		}
		if _, ok := err.(topdown.Halt); ok {
			return err
		}
		return topdown.Halt{Err: err}
	}
}
