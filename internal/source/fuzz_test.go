package source_test

import (
	"archive/tar"
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dsrkit/dsrkit/internal/source"
)

// fuzzLimits keep each fuzz input cheap: a gzip bomb stops at 1 MiB.
var fuzzLimits = source.Limits{Total: 1 << 20, File: 256 << 10}

// checkLoaded: a load either fails with a *source.Error (whose typed cause,
// if any, is a *LimitError or a *PathError), or returns sources whose module
// paths are clean relative paths and whose digest is a sha256.
func checkLoaded(t *testing.T, src *source.Sources, err error) {
	t.Helper()
	if err != nil {
		var se *source.Error
		if !errors.As(err, &se) {
			t.Fatalf("error of type %T, not *source.Error: %v", err, err)
		}
		if len(se.Messages) == 0 {
			t.Fatalf("an error with no message")
		}
		if se.Err != nil && !errors.Is(err, source.ErrTooLarge) && !errors.Is(err, source.ErrUnsafePath) {
			t.Fatalf("cause of type %T: %v", se.Err, se.Err)
		}
		return
	}
	if src == nil || src.Data == nil || src.Revision == "" {
		t.Fatalf("no error and incomplete sources: %+v", src)
	}
	for p := range src.Modules {
		if !fs.ValidPath(p) {
			t.Fatalf("module path %q is not a clean relative path", p)
		}
	}
	if !strings.HasPrefix(src.Digest, "sha256:") || len(src.Digest) != len("sha256:")+64 {
		t.Fatalf("digest %q", src.Digest)
	}
}

// FuzzLoadBundle: no input makes reading a bundle panic, hang or allocate
// without bound; every error is typed. Its seeds (testdata/fuzz) are a
// valid bundle, the 64 GiB header, traversal names, a link, not gzip.
//
//	go test ./internal/source -run '^$' -fuzz FuzzLoadBundle -fuzztime 2m
func FuzzLoadBundle(f *testing.F) {
	f.Add(tarball(f,
		file("/.manifest", `{"revision": "r", "roots": ["dsrkit"]}`),
		file("/data.json", `{"dsrkit": {"x": {"n": 45}}}`),
		file("/x/x.rego", module),
		file("/x/x_test.rego", test)))
	f.Add(tarball(f, entry{tar.Header{Name: "/x.rego", Typeflag: tar.TypeReg, Mode: 0o644, Size: 64 << 30}, nil}))
	f.Add(tarball(f, file("../x.rego", module)))
	f.Add([]byte("package dsrkit.x\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := source.LoadBundleLimited(bytes.NewReader(b), true, fuzzLimits)
		checkLoaded(t, src, err)
	})
}

// FuzzLoadDir: no file system of two files and a manifest makes reading a
// policy directory panic; every error is typed.
//
//	go test ./internal/source -run '^$' -fuzz FuzzLoadDir -fuzztime 2m
func FuzzLoadDir(f *testing.F) {
	f.Add("x/x.rego", []byte(module), "x/data.json", []byte(`{"n": 45}`), []byte(`{"revision": "r"}`))
	f.Add("x/x_test.rego", []byte(test), "x/y/data.yaml", []byte("m: 1\n"), []byte(``))
	f.Add("x/x.rego", []byte("package dsrkit.x\n\nr := {\n"), "data.json", []byte(`{"n": 45, "n": 46}`), []byte(`{"revision": 1}`))
	f.Add("a/data.json", []byte(`{"x": 1}`), "data.json", []byte(`{"a": {"x": 2}}`), []byte(`[]`))
	f.Fuzz(func(t *testing.T, name1 string, data1 []byte, name2 string, data2 []byte, manifest []byte) {
		if !fs.ValidPath(name1) || !fs.ValidPath(name2) || name1 == "." || name2 == "." {
			t.Skip()
		}
		fsys := fstest.MapFS{name1: {Data: data1}, name2: {Data: data2}}
		if len(manifest) > 0 {
			fsys[".manifest"] = &fstest.MapFile{Data: manifest}
		}
		src, err := source.LoadLimited(fsys, true, fuzzLimits)
		checkLoaded(t, src, err)
	})
}
