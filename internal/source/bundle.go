package source

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/loader/filter"
)

// LoadBundle reads a policy from an OPA bundle within DefaultLimits; see
// LoadBundleLimited.
func LoadBundle(r io.Reader, tests bool) (*Sources, error) {
	return LoadBundleLimited(r, tests, DefaultLimits)
}

// LoadBundleLimited reads a policy from an OPA bundle: a gzipped tarball as
// `opa build -b DIR` writes it, with its .manifest (revision, roots) and
// one data.json. The tarball is read by dsrkit, within lim (a limit that is
// not positive takes its default): the decompressed stream is counted as it
// is read, a tar header that declares more than lim.File is refused before
// anything is read, and nothing is allocated after a header's claim. An
// entry whose name is not a clean path under the bundle's root ("../x.rego",
// "/../x", "a//b", a backslash), an entry that is neither a regular file nor
// a directory (a link, a device), and a name given twice are refused. The
// files read are then handed to OPA's bundle reader, which checks that
// every package and data path lies under the manifest's roots; modules are
// parsed as Rego v1 with dsrkit's capabilities (which declare dsrkit's
// built-ins) and METADATA annotations, exactly as Load parses a directory.
//
// Module paths lose the leading "/" bundles give them; the Digest is that of
// the same files read from a directory (see Digest). Test modules are kept
// only when tests is true. A delta bundle, a bundle with Wasm or plan
// modules, a bundle whose manifest declares a Rego version other than v1
// (its modules are parsed in that version first, so v0-only syntax shows as
// parse errors), and a signed bundle (no verification keys are configured)
// are refused.
//
// Every error is a *Error; one caused by a limit or an unsafe entry wraps a
// *LimitError (ErrTooLarge) or a *PathError (ErrUnsafePath).
func LoadBundleLimited(r io.Reader, tests bool, lim Limits) (*Sources, error) {
	files, err := readTarball(r, lim.orDefault())
	if err != nil {
		e := &Error{Messages: []string{"bundle: " + err.Error()}}
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrUnsafePath) {
			e.Err = err
		}
		return nil, e
	}
	return fromFiles(files, tests, "bundle: ")
}

// fromFiles hands a policy's files — a bundle's, or a directory's read by
// LoadLimited — to OPA's bundle reader, so that both are read the same
// way: its .manifest (revision, roots: every package and data path must
// lie under them), its data documents, its modules parsed as Rego v1 with
// dsrkit's capabilities and METADATA annotations. Test modules are kept
// only when tests is true. prefix starts the messages about the reader's
// refusals ("bundle: " for a bundle).
func fromFiles(files []tarEntry, tests bool, prefix string) (*Sources, error) {
	b, err := bundle.NewCustomReader(&tarball{files: files}).
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
		return nil, &Error{Messages: []string{prefix + err.Error()}}
	}
	var msgs []string
	switch {
	case b.Type() != bundle.SnapshotBundleType:
		msgs = append(msgs, prefix+"a "+b.Type()+" bundle is not a whole policy")
	case len(b.WasmModules) > 0 || len(b.PlanModules) > 0:
		msgs = append(msgs, prefix+"holds compiled Wasm or plan modules, which dsrkit does not evaluate")
	}
	if v := b.Manifest.RegoVersion; v != nil && *v != 1 {
		msgs = append(msgs, fmt.Sprintf("%s.manifest declares rego_version %d; a dsrkit policy is Rego v1", prefix, *v))
	}
	for file, v := range b.Manifest.FileRegoVersions {
		if v != 1 {
			msgs = append(msgs, fmt.Sprintf("%s.manifest declares rego_version %d for %s; a dsrkit policy is Rego v1", prefix, v, file))
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
			return nil, &Error{Messages: []string{prefix + p + " appears twice"}}
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

// tarEntry is one regular file of a bundle, read whole.
type tarEntry struct {
	name string // relative to the bundle's root, no leading "/"
	data []byte
}

// readTarball reads every regular file of a gzipped tarball within lim.
func readTarball(r io.Reader, lim Limits) ([]tarEntry, error) {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("archive read failed: %w", err)
	}
	defer gz.Close()
	total := &budget{r: gz, max: lim.Total}
	overTotal := func() error { return &LimitError{Size: total.read, Limit: lim.Total} }
	tr := tar.NewReader(total)
	var files []tarEntry
	seen := map[string]bool{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if errors.Is(err, errBudget) {
			return nil, overTotal()
		}
		if err != nil {
			return nil, fmt.Errorf("archive read failed: %w", err)
		}
		switch h.Typeflag {
		case tar.TypeDir:
			if name := strings.TrimSuffix(h.Name, "/"); name != "" && name != "." {
				if _, err := bundlePath(name); err != nil {
					return nil, err
				}
			}
			continue
		case tar.TypeReg:
		default:
			return nil, &PathError{Name: h.Name, Reason: fmt.Sprintf("tar entry type %q: a bundle holds only regular files and directories", h.Typeflag)}
		}
		name, err := bundlePath(h.Name)
		if err != nil {
			return nil, err
		}
		if seen[name] {
			return nil, &PathError{Name: h.Name, Reason: "given twice"}
		}
		seen[name] = true
		if h.Size > lim.File {
			return nil, &LimitError{File: name, Size: h.Size, Declared: true, Limit: lim.File}
		}
		data, err := readLimited(tr, name, lim.File)
		if errors.Is(err, errBudget) {
			return nil, overTotal()
		}
		if err != nil {
			return nil, fmt.Errorf("archive read failed: %s: %w", name, err)
		}
		files = append(files, tarEntry{name: name, data: data})
	}
}

// tarball hands the files readTarball read to OPA's bundle reader, named as
// opa build names them ("/" + the path), one *bytes.Buffer each.
type tarball struct {
	files []tarEntry
	next  int
}

func (t *tarball) NextFile() (*bundle.Descriptor, error) {
	if t.next >= len(t.files) {
		return nil, io.EOF
	}
	f := t.files[t.next]
	t.next++
	return bundle.NewDescriptor(f.name, f.name, bytes.NewBuffer(f.data)), nil
}

func (t *tarball) WithFilter(filter.LoaderFilter) bundle.DirectoryLoader   { return t }
func (t *tarball) WithPathFormat(bundle.PathFormat) bundle.DirectoryLoader { return t }
func (t *tarball) WithSizeLimitBytes(int64) bundle.DirectoryLoader         { return t }
func (t *tarball) WithFollowSymlinks(bool) bundle.DirectoryLoader          { return t }
