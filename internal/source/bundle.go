package source

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
)

// LoadBundle reads a policy from an OPA bundle: a gzipped tarball as
// `opa build -b DIR` writes it, with its .manifest (revision, roots) and
// one data.json. It is read with OPA's bundle reader, which checks that
// every package and data path lies under the manifest's roots; modules are
// parsed as Rego v1 with dsrkit's capabilities (which declare dsrkit's
// built-ins) and METADATA annotations, exactly as Load parses a directory.
//
// Module paths lose the leading "/" bundles give them, so a bundle holding
// the same files as a directory has the same Digest. Test modules are kept
// only when tests is true. A delta bundle, a bundle with Wasm or plan
// modules, a bundle whose manifest declares a Rego version other than v1
// (its modules are parsed in that version first, so v0-only syntax shows as
// parse errors), and a signed bundle (no verification keys are configured)
// are refused.
func LoadBundle(r io.Reader, tests bool) (*Sources, error) {
	b, err := bundle.NewCustomReader(bundle.NewTarballLoaderWithBaseURL(r, "")).
		WithCapabilities(parserOptions().Capabilities).
		WithProcessAnnotations(true).
		WithRegoVersion(ast.RegoV1).
		WithLazyLoadingMode(false).
		Read()
	if err != nil {
		var errs ast.Errors
		if errors.As(err, &errs) {
			msgs := make([]string, len(errs))
			for i, e := range errs {
				msgs[i] = Describe(e)
			}
			return nil, &Error{Messages: msgs}
		}
		return nil, &Error{Messages: []string{"bundle: " + err.Error()}}
	}
	var msgs []string
	switch {
	case b.Type() != bundle.SnapshotBundleType:
		msgs = append(msgs, "bundle: a "+b.Type()+" bundle is not a whole policy")
	case len(b.WasmModules) > 0 || len(b.PlanModules) > 0:
		msgs = append(msgs, "bundle: holds compiled Wasm or plan modules, which dsrkit does not evaluate")
	}
	if v := b.Manifest.RegoVersion; v != nil && *v != 1 {
		msgs = append(msgs, fmt.Sprintf("bundle: .manifest declares rego_version %d; a dsrkit policy is Rego v1", *v))
	}
	for file, v := range b.Manifest.FileRegoVersions {
		if v != 1 {
			msgs = append(msgs, fmt.Sprintf("bundle: .manifest declares rego_version %d for %s; a dsrkit policy is Rego v1", v, file))
		}
	}
	if len(msgs) > 0 {
		return nil, &Error{Messages: msgs}
	}

	src := &Sources{Modules: map[string]*ast.Module{}, Data: b.Data, Revision: b.Manifest.Revision}
	if src.Data == nil {
		src.Data = map[string]any{}
	}
	if src.Revision == "" {
		src.Revision = Unversioned
	}
	raw := map[string][]byte{}
	for _, m := range b.Modules {
		p := strings.TrimPrefix(m.Path, "/")
		if _, dup := src.Modules[p]; dup {
			return nil, &Error{Messages: []string{"bundle: " + p + " appears twice"}}
		}
		if IsTest(p) && !tests {
			continue
		}
		raw[p] = m.Raw
		src.Modules[p] = m.Parsed
	}
	if src.Digest, err = Digest(raw, src.Data); err != nil {
		return nil, &Error{Messages: []string{err.Error()}}
	}
	return src, nil
}
