package policy_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

// writeBundle writes the Rego modules of fsys (tests included) as an OPA
// bundle — a .tar.gz with a .manifest, as `opa build -b` makes it, written
// with OPA's own bundle writer — and returns its path.
func writeBundle(t testing.TB, fsys fs.FS, manifest bundle.Manifest) string {
	t.Helper()
	b := bundle.Bundle{Manifest: manifest, Data: map[string]any{}}
	require.NoError(t, fsWalk(fsys, func(p string, raw []byte) {
		if strings.HasSuffix(p, ".rego") {
			b.Modules = append(b.Modules, bundle.ModuleFile{URL: "/" + p, Path: "/" + p, Raw: raw})
		}
	}))
	path := filepath.Join(t.TempDir(), "bundle.tar.gz")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, bundle.NewWriter(f).UseModulePath(true).DisableFormat(true).Write(b))
	require.NoError(t, f.Close())
	return path
}

func manifest(revision string, roots ...string) bundle.Manifest {
	return bundle.Manifest{Revision: revision, Roots: &roots}
}

// withoutPolicyRevision is a decision with its policy.revision removed.
func withoutPolicyRevision(t *testing.T, decision string) map[string]any {
	t.Helper()
	var d map[string]any
	require.NoError(t, json.Unmarshal([]byte(decision), &d))
	delete(d["policy"].(map[string]any), "revision")
	return d
}

// TestBundle: the shipped policy as a bundle decides as the embedded one;
// the decision names the bundle's revision and the same content digest.
func TestBundle(t *testing.T) {
	path := writeBundle(t, policy.Embedded(), manifest("2026.12.1-bundle", "dsrkit"))
	embedded := engine(t)
	for name, load := range map[string]func(t *testing.T) (*policy.Engine, error){
		"WithBundle": func(t *testing.T) (*policy.Engine, error) {
			return policy.New(context.Background(), policy.WithBundle(path))
		},
		"WithDir on a file": func(t *testing.T) (*policy.Engine, error) {
			return policy.New(context.Background(), policy.WithDir(path))
		},
		"Reload": func(t *testing.T) (*policy.Engine, error) {
			eng := engine(t)
			return eng, eng.Reload(context.Background(), policy.WithBundle(path), policy.WithRegoTests(false))
		},
	} {
		t.Run(name, func(t *testing.T) {
			eng, err := load(t)
			require.NoError(t, err)
			assert.Equal(t, policy.Info{Revision: "2026.12.1-bundle", Digest: embedded.Info().Digest, Playbook: embedded.Info().Playbook}, eng.Info())
			got := decideCA(t, eng)
			assert.Contains(t, got, `"policy":{"revision":"2026.12.1-bundle","digest":"`+embedded.Info().Digest+`","playbook":`)
			assert.Equal(t, withoutPolicyRevision(t, decideCA(t, embedded)), withoutPolicyRevision(t, got))
		})
	}
}

// TestBundleRefused: a bundle that breaks the manifest's roots, the
// sandbox, Rego, or its own tests is a policy error, and a reload from it
// leaves the old policy serving.
func TestBundleRefused(t *testing.T) {
	withModule := func(name, src string) fs.FS {
		fsys := fstest.MapFS{}
		require.NoError(t, fsWalk(policy.Embedded(), func(p string, b []byte) { fsys[p] = &fstest.MapFile{Data: b} }))
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
		return fsys
	}
	notGzip := filepath.Join(t.TempDir(), "policy.tar.gz")
	require.NoError(t, os.WriteFile(notGzip, []byte("package dsrkit.x\n"), 0o644))
	v0 := 0
	for name, c := range map[string]struct {
		path func() string
		want string
	}{
		"not a gzipped tarball": {func() string { return notGzip }, "archive read failed"},
		"a package outside the roots": {
			func() string { return writeBundle(t, policy.Embedded(), manifest("r", "dsrkit/laws")) },
			"manifest roots [dsrkit/laws] do not permit 'package dsrkit.",
		},
		"the network": {
			func() string {
				return writeBundle(t, withModule("x/x.rego", "package dsrkit.x\n\nr := http.send({\"method\": \"GET\", \"url\": \"https://example.com\"})\n"), manifest("r", "dsrkit"))
			},
			"http.send is not allowed in a dsrkit policy",
		},
		"a syntax error": {
			func() string {
				return writeBundle(t, withModule("x/x.rego", "package dsrkit.x\n\nr := {\n"), manifest("r", "dsrkit"))
			},
			"/x/x.rego:4:0: rego_parse_error",
		},
		"Rego v0": {
			func() string {
				m := manifest("r", "dsrkit")
				m.RegoVersion = &v0
				return writeBundle(t, fstest.MapFS{"x/x.rego": {Data: []byte("package dsrkit.x\n\nr := 1\n")}}, m) // Rego that parses as v0 and v1
			},
			"a dsrkit policy is Rego v1",
		},
		"a failing test": {
			func() string {
				return writeBundle(t, withModule("x/x_test.rego", "package dsrkit.x_test\n\ntest_fails if false\n"), manifest("r", "dsrkit"))
			},
			"FAIL data.dsrkit.x_test.test_fails (/x/x_test.rego:3)",
		},
	} {
		t.Run(name, func(t *testing.T) {
			eng := engine(t)
			before := eng.Info()
			err := eng.Reload(context.Background(), policy.WithBundle(c.path()))
			require.ErrorIs(t, err, policy.ErrPolicy)
			assert.Contains(t, err.Error(), c.want)
			assert.Equal(t, before, eng.Info())
		})
	}
}
