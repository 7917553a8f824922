package policy_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/compile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/builtins"
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
	policy.SkipMachineryWhenShort(t)
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
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
	policy.SkipMachineryWhenShort(t)
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
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
			" x/x.rego:4:0: rego_parse_error", // the module's path in the bundle, as a directory names it
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
			"FAIL data.dsrkit.x_test.test_fails (x/x_test.rego:3)",
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

// A directory and a bundle of the same files are read by one loader: a
// .manifest's roots bind a directory as they bind a bundle (a package
// outside them used to be served from a directory and refused from the
// bundle), with the same message.
func TestManifestRootsBindADirectoryAsABundle(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	for name, c := range map[string]struct {
		roots  []string
		module string
		want   string
	}{
		"the shipped policy under narrower roots": {[]string{"dsrkit/laws"}, "", "manifest roots [dsrkit/laws] do not permit 'package dsrkit."},
		"a package outside the roots":             {[]string{"dsrkit"}, "package other\n\nr := 1\n", "manifest roots [dsrkit] do not permit 'package other'"},
	} {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			require.NoError(t, fsWalk(policy.Embedded(), func(p string, b []byte) { fsys[p] = &fstest.MapFile{Data: b} }))
			if c.module != "" {
				fsys["other/other.rego"] = &fstest.MapFile{Data: []byte(c.module)}
			}
			m := manifest("r", c.roots...)
			b, err := json.Marshal(m)
			require.NoError(t, err)
			dir := maps.Clone(fsys)
			dir[".manifest"] = &fstest.MapFile{Data: b} // in place of the shipped one
			_, err = policy.New(context.Background(), policy.WithFS(dir))
			require.ErrorIs(t, err, policy.ErrPolicy)
			assert.Contains(t, err.Error(), c.want)
			_, err = policy.New(context.Background(), policy.WithBundle(writeBundle(t, fsys, m)))
			require.ErrorIs(t, err, policy.ErrPolicy)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// opaBuild builds the policy under paths as `opa build -b` does, with OPA's
// own compile package (which the opa command line calls), and returns the
// bundle's path.
func opaBuild(t *testing.T, paths ...string) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, compile.New().
		WithAsBundle(true).
		WithPaths(paths...).
		WithCapabilities(builtins.Capabilities()).
		WithOutput(&buf).
		Build(context.Background()))
	path := filepath.Join(t.TempDir(), "bundle.tar.gz")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}

// bundleNames lists the entries of a gzipped tarball.
func bundleNames(t *testing.T, path string) []string {
	t.Helper()
	var names []string
	for name := range bundleFiles(t, path) {
		names = append(names, name)
	}
	return names
}

// bundleFiles reads the entries of a gzipped tarball.
func bundleFiles(t *testing.T, path string) map[string][]byte {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	gz, err := gzip.NewReader(f)
	require.NoError(t, err)
	tr := tar.NewReader(gz)
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		require.NoError(t, err)
		b, err := io.ReadAll(tr)
		require.NoError(t, err)
		files[h.Name] = b
	}
}

// TestDigestAcrossPackagings: one policy content, one digest — embedded,
// read from its directory, and built into a bundle by OPA's compile package
// (what `opa build -b` runs) from a relative or an absolute path, which
// name the modules "/rego/laws/ccpa.rego" and "/abs/…/rego/laws/ccpa.rego",
// and add a "{}" data.json and a rego_version to the .manifest.
func TestDigestAcrossPackagings(t *testing.T) {
	policy.SkipMachineryWhenShort(t)
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	want := engine(t).Info()
	abs, err := filepath.Abs("rego")
	require.NoError(t, err)

	relative := opaBuild(t, "rego")
	// opa build formats every module it writes (opa fmt); the digest is over
	// the bytes, so it is one digest only for an opa fmt-clean policy, which
	// cmd/opa/check.sh keeps the shipped one.
	for name, raw := range bundleFiles(t, relative) {
		if strings.HasSuffix(name, ".rego") {
			b, err := os.ReadFile(strings.TrimPrefix(name, "/"))
			require.NoError(t, err)
			require.Equal(t, string(b), string(raw), "%s is not opa fmt-clean (run opa fmt -w): opa build wrote it formatted", name)
		}
	}
	names := bundleNames(t, relative)
	assert.Contains(t, names, "/rego/laws/ccpa.rego")
	assert.Contains(t, names, "/data.json")
	assert.Contains(t, names, "/.manifest")
	assert.NotContains(t, names, "/rego/capabilities.json")
	assert.Contains(t, bundleNames(t, opaBuild(t, abs)), abs+"/laws/ccpa.rego")

	for name, opt := range map[string]policy.Option{
		"directory":               policy.WithDir("rego"),
		"file system":             policy.WithFS(os.DirFS("rego")),
		"opa build -b rego":       policy.WithBundle(relative),
		"opa build -b /abs/rego":  policy.WithBundle(opaBuild(t, abs)),
		"OPA's bundle writer":     policy.WithBundle(writeBundle(t, policy.Embedded(), manifest("2026.11.0", "dsrkit"))),
		"opa build -b rego (dir)": policy.WithDir(relative),
	} {
		t.Run(name, func(t *testing.T) {
			eng, err := policy.New(context.Background(), opt)
			require.NoError(t, err)
			assert.Equal(t, want, eng.Info())
		})
	}
}

// hostileBundle writes a gzipped tarball of one tar header, claiming size
// bytes for name, and no data.
func hostileBundle(t *testing.T, name string, typ byte, size int64) string {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	require.NoError(t, tar.NewWriter(gz).WriteHeader(&tar.Header{Name: name, Typeflag: typ, Mode: 0o644, Size: size, Linkname: "/etc/passwd"}))
	require.NoError(t, gz.Close())
	path := filepath.Join(t.TempDir(), "hostile.tar.gz")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}

// TestBundleHostile: a bundle whose tar header claims 64 GiB (a fatal out of
// memory before, through Reload too, killing the host), a traversal name, a
// link: New refuses each with a *PolicyError that names the problem and
// wraps a typed error; Reload refuses each and the old policy keeps serving.
func TestBundleHostile(t *testing.T) {
	policy.SkipMachineryWhenShort(t)
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	for name, c := range map[string]struct {
		path func(t *testing.T) string
		msg  string
		is   func(t *testing.T, err error)
	}{
		"64 GiB header": {
			func(t *testing.T) string { return hostileBundle(t, "/x.rego", tar.TypeReg, 64<<30) },
			"bundle: x.rego declares 68719476736 bytes, more than the limit of 16777216 bytes for one file",
			func(t *testing.T, err error) {
				var se *policy.PolicySizeError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, policy.PolicySizeError{File: "x.rego", Size: 64 << 30, Declared: true, Limit: policy.DefaultPolicyFileBytes}, *se)
			},
		},
		"traversal": {
			func(t *testing.T) string { return hostileBundle(t, "../x.rego", tar.TypeReg, 0) },
			`bundle: entry "../x.rego": a ".." element leaves the bundle's root (opa build -b ../DIR writes such names: run opa build from a directory that holds DIR)`,
			func(t *testing.T, err error) {
				var pe *policy.BundlePathError
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, "../x.rego", pe.Name)
			},
		},
		"symbolic link": {
			func(t *testing.T) string { return hostileBundle(t, "/x.rego", tar.TypeSymlink, 0) },
			`bundle: entry "/x.rego": tar entry type '2': a bundle holds only regular files and directories`,
			func(t *testing.T, err error) {
				var pe *policy.BundlePathError
				require.ErrorAs(t, err, &pe)
			},
		},
	} {
		t.Run(name, func(t *testing.T) {
			path := c.path(t)
			_, err := policy.New(context.Background(), policy.WithBundle(path))
			require.ErrorIs(t, err, policy.ErrPolicy)
			var pe *policy.PolicyError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, []string{path + ": " + c.msg}, pe.Messages)
			c.is(t, err)

			eng := engine(t)
			before := eng.Info()
			err = eng.Reload(context.Background(), policy.WithBundle(path))
			require.ErrorIs(t, err, policy.ErrPolicy)
			c.is(t, err)
			assert.Equal(t, before, eng.Info())
			assert.Contains(t, decideCA(t, eng), `"digest":"`+before.Digest+`"`)
		})
	}
}

// TestWithPolicyLimits: the limits apply to directories and bundles alike,
// at New and at Reload; 0 keeps a default; a negative limit is an option
// error.
func TestWithPolicyLimits(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	bundlePath := writeBundle(t, policy.Embedded(), manifest("r", "dsrkit"))
	for name, opt := range map[string]policy.Option{
		"embedded": policy.WithFS(policy.Embedded()),
		"bundle":   policy.WithBundle(bundlePath),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := policy.New(context.Background(), opt, policy.WithPolicyLimits(100<<10, 0))
			var se *policy.PolicySizeError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, "", se.File, "the policy as a whole")
			assert.Equal(t, int64(100<<10), se.Limit)
			assert.ErrorIs(t, err, policy.ErrPolicy)

			_, err = policy.New(context.Background(), opt, policy.WithPolicyLimits(0, 10<<10))
			require.ErrorAs(t, err, &se)
			assert.NotEqual(t, "", se.File, "one file")
			assert.Equal(t, int64(10<<10), se.Limit)

			eng, err := policy.New(context.Background(), opt, policy.WithPolicyLimits(0, 0))
			require.NoError(t, err)
			err = eng.Reload(context.Background(), policy.WithPolicyLimits(100<<10, 0), policy.WithRegoTests(false))
			require.ErrorAs(t, err, &se)
		})
	}
	_, err := policy.New(context.Background(), policy.WithPolicyLimits(-1, 0))
	require.Error(t, err)
	assert.False(t, errors.Is(err, policy.ErrPolicy) && errors.As(err, new(*policy.PolicySizeError)))
}
