package source_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/source"
)

func TestIsPolicyFile(t *testing.T) {
	for name, want := range map[string]bool{
		"laws/ccpa.rego":      true,
		"laws/ccpa_test.rego": true,
		"laws/data.json":      true,
		"data.yaml":           true,
		".manifest":           true,
		"x/.manifest":         true,
		"laws/.ccpa.rego.swp": false,
		"laws/ccpa.rego~":     false,
		"laws/4913":           false,
		"capabilities.json":   false,
		"notes.txt":           false,
	} {
		assert.Equal(t, want, source.IsPolicyFile(name), name)
	}
}

const (
	module = "package dsrkit.x\n\nr := 1\n"
	test   = "package dsrkit.x_test\n\ntest_r if data.dsrkit.x.r == 1\n"
)

// TestDigest: the digest is over the policy's content — not its tests, nor
// its revision, nor how its data is split into files — and the same for a
// directory and a bundle holding the same files.
func TestDigest(t *testing.T) {
	base := fstest.MapFS{
		"x/x.rego":          {Data: []byte(module)},
		"x/data.json":       {Data: []byte(`{"n": 45}`)},
		"x/y/data.json":     {Data: []byte(`{"m": 1}`)},
		"x/x_test.rego":     {Data: []byte(test)},
		".manifest":         {Data: []byte(`{"revision": "one"}`)},
		"capabilities.json": {Data: []byte(`{}`)},
	}
	digest := func(t *testing.T, fsys fstest.MapFS) string {
		t.Helper()
		src, err := source.Load(fsys, true)
		require.NoError(t, err)
		return src.Digest
	}
	// with is base with files replaced: name, text, name, text, …; an
	// empty text removes the file.
	with := func(edits ...string) fstest.MapFS {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		for i := 0; i < len(edits); i += 2 {
			if edits[i+1] == "" {
				delete(fsys, edits[i])
			} else {
				fsys[edits[i]] = &fstest.MapFile{Data: []byte(edits[i+1])}
			}
		}
		return fsys
	}
	want := digest(t, base)
	for name, c := range map[string]struct {
		fsys fstest.MapFS
		same bool
	}{
		"another revision":         {with(".manifest", `{"revision": "two"}`), true},
		"another test":             {with("x/x_test.rego", test+"\ntest_s if true\n"), true},
		"without tests":            {with("x/x_test.rego", ""), true},
		"data split otherwise":     {with("x/y/data.json", "", "x/data.json", `{"n": 45, "y": {"m": 1}}`), true},
		"data reformatted":         {with("x/data.json", "{\n  \"n\": 45\n}\n"), true},
		"a changed period":         {with("x/data.json", `{"n": 46}`), false},
		"a changed module":         {with("x/x.rego", module+"\ns := 2\n"), false},
		"a module moved":           {with("x/x.rego", "", "x/z.rego", module), false},
		"a file that is no policy": {with("notes.txt", "x"), true},
	} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, c.same, digest(t, c.fsys) == want)
		})
	}
}

func TestBundleDigestEqualsDirectoryDigest(t *testing.T) {
	dir, err := source.Load(fstest.MapFS{
		"x/x.rego":      {Data: []byte(module)},
		"x/x_test.rego": {Data: []byte(test)},
		"x/data.json":   {Data: []byte(`{"n": 45}`)},
	}, false)
	require.NoError(t, err)

	roots := []string{"dsrkit", "x"}
	var buf bytes.Buffer
	require.NoError(t, bundle.NewWriter(&buf).UseModulePath(true).DisableFormat(true).Write(bundle.Bundle{
		Manifest: bundle.Manifest{Revision: "2026.12.0", Roots: &roots},
		Data:     map[string]any{"x": map[string]any{"n": 45}},
		Modules: []bundle.ModuleFile{
			{URL: "/x/x.rego", Path: "/x/x.rego", Raw: []byte(module)},
			{URL: "/x/x_test.rego", Path: "/x/x_test.rego", Raw: []byte(test)},
		},
	}))
	for _, tests := range []bool{false, true} {
		b, err := source.LoadBundle(bytes.NewReader(buf.Bytes()), tests)
		require.NoError(t, err)
		assert.Equal(t, dir.Digest, b.Digest)
		assert.Equal(t, "2026.12.0", b.Revision)
		assert.Equal(t, tests, b.HasTests())
		assert.Contains(t, b.Modules, "x/x.rego", "module paths lose the leading /")
		assert.Equal(t, map[string]any{"x": map[string]any{"n": json.Number("45")}}, b.Data)
	}
}
