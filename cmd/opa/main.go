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
// See README.md beside this file for the commands.
package main

import (
	"errors"
	"os"

	"github.com/open-policy-agent/opa/cmd"

	"github.com/dsrkit/dsrkit/internal/builtins"
)

func main() {
	builtins.RegisterGlobally()
	if err := cmd.RootCommand.Execute(); err != nil {
		if e, ok := errors.AsType[*cmd.ExitError](err); ok {
			os.Exit(e.Exit)
		}
		os.Exit(1)
	}
}
