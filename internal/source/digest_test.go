package source_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/compile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/builtins"
	"github.com/dsrkit/dsrkit/internal/source"
)

// build is `opa build -b paths...` through OPA's compile package.
func build(t *testing.T, paths ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, compile.New().
		WithAsBundle(true).
		WithPaths(paths...).
		WithCapabilities(builtins.Capabilities()).
		WithOutput(&buf).
		Build(context.Background()))
	return buf.Bytes()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
}

// TestDigestOfBuiltBundle: a directory and the bundle opa build makes of it
// have one digest, from a relative or an absolute path, with data in
// several files (opa build merges them into one data.json) and without data
// (opa build writes an empty data.json); and a directory whose module is not
// opa fmt-clean does not, because opa build formats the modules it writes.
func TestDigestOfBuiltBundle(t *testing.T) {
	for name, c := range map[string]struct {
		files map[string]string
		same  bool
	}{
		"modules and data": {map[string]string{
			"x/x.rego":          module,
			"x/x_test.rego":     test,
			"y/y.rego":          "package dsrkit.y\n\ns := data.x.n\n",
			"x/data.json":       `{"n": 45}`,
			"x/y/data.yaml":     "m: 1\n",
			".manifest":         `{"revision": "r1", "roots": ["dsrkit", "x"]}`,
			"capabilities.json": `{}`,
		}, true},
		"one module, no data": {map[string]string{"x/x.rego": module}, true},
		"not opa fmt-clean":   {map[string]string{"x/x.rego": "package dsrkit.x\nr:=1\n"}, false},
	} {
		t.Run(name, func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, "policy")
			writeFiles(t, dir, c.files)
			want, err := source.Load(os.DirFS(dir), false)
			require.NoError(t, err)

			t.Chdir(base)
			for _, p := range []string{dir, "policy", "./policy"} {
				got, err := source.LoadBundle(bytes.NewReader(build(t, p)), false)
				require.NoError(t, err, p)
				assert.Equal(t, c.same, want.Digest == got.Digest, p)
				assert.Equal(t, want.Data, got.Data, p)
			}
			t.Chdir(dir)
			got, err := source.LoadBundle(bytes.NewReader(build(t, ".")), false)
			require.NoError(t, err)
			assert.Equal(t, c.same, want.Digest == got.Digest, ".")

			// From outside, opa build names the files "/../…": refused.
			t.Chdir(filepath.Join(base, "policy", "x"))
			_, err = source.LoadBundle(bytes.NewReader(build(t, "../../policy")), false)
			require.ErrorIs(t, err, source.ErrUnsafePath)
		})
	}
}
