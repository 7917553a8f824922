package source_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/source"
)

// entry is one tar entry of a hand-made bundle: its header, and the bytes
// written after it (which need not match the size the header claims).
type entry struct {
	hdr  tar.Header
	data []byte
}

func file(name, text string) entry {
	return entry{tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(text))}, []byte(text)}
}

// tarball writes entries as a gzipped tarball, byte for byte as given: a
// header's size is not checked against the data that follows it, and the
// archive is not closed when the last entry lies about its size.
func tarball(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	honest := true
	for _, e := range entries {
		require.NoError(t, tw.WriteHeader(&e.hdr))
		if _, err := tw.Write(e.data); err != nil {
			honest = false
		}
	}
	if honest && tw.Close() != nil {
		honest = false
	}
	require.NoError(t, gz.Close())
	return buf.Bytes()
}

// allocated is the bytes f allocates (runtime.MemStats.TotalAlloc).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestBundleHeaderClaims64GiB: a bundle of under 200 bytes whose only tar
// header claims 64 GiB was a fatal out-of-memory in OPA's tarball loader
// (it allocates the header's size). It is refused, naming the size, with
// nothing of that size allocated.
func TestBundleHeaderClaims64GiB(t *testing.T) {
	b := tarball(t, entry{tar.Header{Name: "/x.rego", Typeflag: tar.TypeReg, Mode: 0o644, Size: 64 << 30}, nil})
	t.Logf("bundle: %d bytes", len(b))
	require.Less(t, len(b), 200)

	var err error
	alloc := allocated(func() { _, err = source.LoadBundle(bytes.NewReader(b), true) })
	assert.Less(t, alloc, uint64(1<<20), "bytes allocated")

	require.ErrorIs(t, err, source.ErrTooLarge)
	var se *source.Error
	require.ErrorAs(t, err, &se)
	var le *source.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, source.LimitError{File: "x.rego", Size: 68719476736, Declared: true, Limit: 16 << 20}, *le)
	assert.Equal(t, "bundle: x.rego declares 68719476736 bytes, more than the limit of 16777216 bytes for one file", err.Error())
}

// zeroBundle is a gzipped tarball of files of zeros, each size bytes (a
// multiple of 1 MiB), built as a concatenation of gzip members (one
// compressed MiB of zeros repeated), so that a bundle of gigabytes of zeros
// costs a few megabytes and no time to make.
func zeroBundle(t testing.TB, size int64, names ...string) []byte {
	t.Helper()
	member := func(b []byte) []byte {
		var buf bytes.Buffer
		gz := gzip.NewWriter(&buf)
		_, err := gz.Write(b)
		require.NoError(t, err)
		require.NoError(t, gz.Close())
		return buf.Bytes()
	}
	mib := member(make([]byte, 1<<20))
	var out bytes.Buffer
	for _, name := range names {
		var hdr bytes.Buffer
		tw := tar.NewWriter(&hdr)
		require.NoError(t, tw.WriteHeader(&tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644, Size: size}))
		out.Write(member(hdr.Bytes()))
		for range size >> 20 {
			out.Write(mib)
		}
	}
	out.Write(member(make([]byte, 1024))) // end of archive
	return out.Bytes()
}

// TestBundleFourGiBOfZeros: four files of 1 GiB of zeros (a bundle of about
// 4 MB) were read into 4.3 GB and accepted. They are refused at the first
// header, and reading allocates next to nothing.
func TestBundleFourGiBOfZeros(t *testing.T) {
	b := zeroBundle(t, 1<<30, "/z/0.rego", "/z/1.rego", "/z/2.rego", "/z/3.rego")
	t.Logf("bundle: %d bytes", len(b))
	require.Less(t, len(b), 8<<20)

	var err error
	alloc := allocated(func() { _, err = source.LoadBundle(bytes.NewReader(b), false) })
	assert.Less(t, alloc, uint64(1<<20), "bytes allocated")
	var le *source.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, source.LimitError{File: "z/0.rego", Size: 1 << 30, Declared: true, Limit: 16 << 20}, *le)
}

// TestBundleTotalLimit: files each within the per-file limit that together
// pass the total are refused once the total is read, whatever the headers
// say; the count is of decompressed bytes.
func TestBundleTotalLimit(t *testing.T) {
	b := zeroBundle(t, 1<<20, "/a/data.json", "/b/data.json", "/c/data.json", "/d/data.json")
	lim := source.Limits{Total: 3 << 20, File: 2 << 20}
	var err error
	alloc := allocated(func() { _, err = source.LoadBundleLimited(bytes.NewReader(b), false, lim) })
	assert.Less(t, alloc, uint64(16<<20), "bytes allocated")
	var le *source.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "", le.File)
	assert.Equal(t, int64(3<<20), le.Limit)
	assert.Equal(t, int64(3<<20)+1, le.Size, "refused at the first byte past the total")
	assert.False(t, le.Declared)
	assert.Equal(t, "bundle: the policy holds more than 3145728 bytes in all (the limit): refused after 3145729 bytes", err.Error())

	// The same files within the limits read (as data, not as Rego).
	_, err = source.LoadBundleLimited(bytes.NewReader(b), false, source.Limits{Total: 8 << 20, File: 2 << 20})
	assert.NotErrorIs(t, err, source.ErrTooLarge)
}

// TestBundleUnsafeNames: names that would leave the bundle's root or are not
// clean paths, entries that are not regular files or directories, and a name
// given twice are refused — not cleaned into another name.
func TestBundleUnsafeNames(t *testing.T) {
	link := func(typ byte, name, target string) entry {
		return entry{tar.Header{Name: name, Typeflag: typ, Linkname: target, Mode: 0o777}, nil}
	}
	dir := func(name string) entry { return entry{tar.Header{Name: name, Typeflag: tar.TypeDir, Mode: 0o755}, nil} }
	for name, c := range map[string]struct {
		entries []entry
		entry   string
		reason  string
	}{
		"parent":                {[]entry{file("../x.rego", module)}, "../x.rego", `a ".." element leaves the bundle's root`},
		"parent after root":     {[]entry{file("/../x.rego", module)}, "/../x.rego", `a ".." element`},
		"parent inside":         {[]entry{file("/a/../../x.rego", module)}, "/a/../../x.rego", `a ".." element`},
		"dot parent":            {[]entry{file("./../x.rego", module)}, "./../x.rego", `a ".." element`},
		"absolute beyond root":  {[]entry{file("//etc/x.rego", module)}, "//etc/x.rego", "not a clean path"},
		"empty element":         {[]entry{file("/a//x.rego", module)}, "/a//x.rego", "not a clean path"},
		"dot element":           {[]entry{file("/a/./x.rego", module)}, "/a/./x.rego", "not a clean path"},
		"backslash":             {[]entry{file("a\\..\\..\\x.rego", module)}, "a\\..\\..\\x.rego", "a backslash or NUL"},
		"directory parent":      {[]entry{dir("../d/"), file("/x.rego", module)}, "../d", `a ".." element`},
		"symbolic link":         {[]entry{link(tar.TypeSymlink, "/x.rego", "/etc/passwd")}, "/x.rego", "tar entry type '2'"},
		"hard link":             {[]entry{file("/x.rego", module), link(tar.TypeLink, "/y.rego", "/x.rego")}, "/y.rego", "tar entry type '1'"},
		"given twice":           {[]entry{file("/x.rego", module), file("x.rego", module)}, "x.rego", "given twice"},
		"given twice, dot form": {[]entry{file("/x.rego", module), file("./x.rego", module)}, "./x.rego", "given twice"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := source.LoadBundle(bytes.NewReader(tarball(t, c.entries...)), true)
			require.ErrorIs(t, err, source.ErrUnsafePath)
			var se *source.Error
			require.ErrorAs(t, err, &se)
			var pe *source.PathError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, c.entry, pe.Name)
			assert.Contains(t, pe.Reason, c.reason)
			assert.True(t, strings.HasPrefix(err.Error(), "bundle: entry "), err.Error())
		})
	}
}

// TestBundleNames: the forms of a clean name tar and opa build write are
// read, each as the path relative to the bundle's root.
func TestBundleNames(t *testing.T) {
	for _, name := range []string{"/x/x.rego", "x/x.rego", "./x/x.rego"} {
		src, err := source.LoadBundle(bytes.NewReader(tarball(t,
			entry{tar.Header{Name: "./", Typeflag: tar.TypeDir, Mode: 0o755}, nil},
			file(name, module))), false)
		require.NoError(t, err, name)
		assert.Equal(t, []string{"x/x.rego"}, keys(src.Modules), name)
	}
}

func keys[V any](m map[string]V) []string {
	var k []string
	for name := range m {
		k = append(k, name)
	}
	return k
}

// TestLoadLimits: a directory is read within the same limits, counted as
// read (a file system's sizes are not trusted either).
func TestLoadLimits(t *testing.T) {
	big := strings.Repeat(" ", 600<<10) + `{"n": 1}`
	fsys := fstest.MapFS{
		"a/data.json": {Data: []byte(big)},
		"b/data.json": {Data: []byte(big)},
		"x/x.rego":    {Data: []byte(module)},
	}
	_, err := source.LoadLimited(fsys, false, source.Limits{Total: 4 << 20, File: 512 << 10})
	var le *source.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, source.LimitError{File: "a/data.json", Size: 512<<10 + 1, Limit: 512 << 10}, *le)
	assert.Equal(t, "a/data.json holds more than 524288 bytes, the limit for one file", err.Error())

	_, err = source.LoadLimited(fsys, false, source.Limits{Total: 1 << 20, File: 1 << 20})
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "", le.File)
	assert.Equal(t, int64(1<<20), le.Limit)

	src, err := source.LoadLimited(fsys, false, source.Limits{Total: 2 << 20, File: 1 << 20})
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"a": map[string]any{"n": json.Number("1")}, "b": map[string]any{"n": json.Number("1")}}, src.Data)

	// Zero limits are the defaults.
	_, err = source.LoadLimited(fstest.MapFS{"d/data.json": {Data: []byte(strings.Repeat(" ", 16<<20) + "{}")}}, false, source.Limits{})
	require.ErrorAs(t, err, &le)
	assert.Equal(t, source.DefaultLimits.File, le.Limit)
	assert.True(t, errors.Is(err, source.ErrTooLarge))
}
