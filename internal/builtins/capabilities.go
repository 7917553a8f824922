package builtins

import (
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// denied names the built-ins a dsrkit policy may never call, besides every
// built-in OPA marks non-deterministic: a decision must depend on its
// request and its policy alone — never on the clock, the network, the host
// or chance.
var denied = []string{"http.", "net.", "opa.runtime", "time.now_ns", "rand.", "uuid."}

// Allowed reports whether a policy may call the OPA built-in named name.
func Allowed(b *ast.Builtin) bool {
	if b.Nondeterministic {
		return false
	}
	return !slices.ContainsFunc(denied, func(p string) bool {
		return b.Name == p || (strings.HasSuffix(p, ".") && strings.HasPrefix(b.Name, p))
	})
}

// Capabilities returns the sandbox dsrkit policies are compiled with: this
// OPA version's capabilities without the denied built-ins, plus dsrkit's
// own. policy/rego/capabilities.json is this value, written out.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = slices.DeleteFunc(caps.Builtins, func(b *ast.Builtin) bool { return !Allowed(b) })
	for _, b := range all {
		caps.Builtins = append(caps.Builtins, b.Decl)
	}
	slices.SortFunc(caps.Builtins, func(a, b *ast.Builtin) int { return strings.Compare(a.Name, b.Name) })
	caps.AllowNet = []string{}
	return caps
}
