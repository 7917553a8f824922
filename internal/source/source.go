// Package source reads a dsrkit policy — Rego modules, data documents and
// its .manifest — from a file system or an OPA bundle, the same way for the
// engine, the test runner and the tools.
package source

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/dsrkit/dsrkit/internal/builtins"
)

// Unversioned is the revision of a policy whose .manifest names none.
const Unversioned = "unversioned"

// Sources is a policy as read from its file system or bundle. It is not
// modified after Load or LoadBundle return it.
type Sources struct {
	Modules  map[string]*ast.Module // by file path (relative, no leading "/"); tests only when loaded with tests
	Data     map[string]any         // data.json / data.yaml documents, merged by directory
	Revision string                 // from .manifest, else Unversioned
	Digest   string                 // "sha256:" + hex over the policy's content (tests excluded); see Digest
}

// Policy returns the modules that are not tests.
func (s *Sources) Policy() map[string]*ast.Module {
	m := make(map[string]*ast.Module, len(s.Modules))
	for name, mod := range s.Modules {
		if !IsTest(name) {
			m[name] = mod
		}
	}
	return m
}

// HasTests reports whether the sources hold any test module.
func (s *Sources) HasTests() bool {
	for name := range s.Modules {
		if IsTest(name) {
			return true
		}
	}
	return false
}

// Error lists every problem met while reading a policy, each naming its file
// (and line and column where the parser gives them).
type Error struct {
	Messages []string
}

func (e *Error) Error() string { return strings.Join(e.Messages, "\n") }

// isData reports whether a file is a data document (as in an OPA bundle).
func isData(name string) bool {
	base := path.Base(name)
	return base == "data.json" || base == "data.yaml" || base == "data.yml"
}

// IsPolicyFile reports whether a file is part of a policy: a Rego module, a
// data document or the .manifest. Tools that watch a policy use it to ignore
// editors' backup and swap files.
func IsPolicyFile(name string) bool {
	return strings.HasSuffix(name, ".rego") || isData(name) || path.Base(name) == ".manifest"
}

// IsTest reports whether a Rego file holds tests (name ends in _test.rego).
func IsTest(name string) bool { return strings.HasSuffix(name, "_test.rego") }

// parserOptions parses with dsrkit's capabilities (which declare its
// built-ins) and METADATA annotations, as Rego v1.
func parserOptions() ast.ParserOptions {
	return ast.ParserOptions{Capabilities: builtins.Capabilities(), ProcessAnnotation: true, RegoVersion: ast.RegoV1}
}

// Load reads a policy's modules and data, parsed with dsrkit's capabilities
// and METADATA annotations. Test modules (*_test.rego) are read only when
// tests is true; they never count in the digest.
func Load(fsys fs.FS, tests bool) (*Sources, error) {
	src := &Sources{Modules: map[string]*ast.Module{}, Data: map[string]any{}, Revision: Unversioned}
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(p, ".rego") || isData(p)) || (IsTest(p) && !tests) {
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return nil, &Error{Messages: []string{err.Error()}}
	}
	slices.Sort(files)

	var msgs []string
	raw := map[string][]byte{}
	popts := parserOptions()
	for _, p := range files {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, &Error{Messages: []string{err.Error()}}
		}
		if isData(p) {
			if err := mergeData(src.Data, path.Dir(p), b); err != nil {
				msgs = append(msgs, fmt.Sprintf("%s: %v", p, err))
			}
			continue
		}
		raw[p] = b
		m, err := ast.ParseModuleWithOpts(p, string(b), popts)
		if errs, ok := err.(ast.Errors); ok {
			for _, e := range errs {
				msgs = append(msgs, Describe(e))
			}
			continue
		} else if err != nil {
			msgs = append(msgs, p+": "+err.Error())
			continue
		}
		src.Modules[p] = m
	}
	if b, err := fs.ReadFile(fsys, ".manifest"); err == nil {
		var manifest struct {
			Revision string `json:"revision"`
		}
		if err := json.Unmarshal(b, &manifest); err != nil {
			msgs = append(msgs, ".manifest: "+err.Error())
		} else if manifest.Revision != "" {
			src.Revision = manifest.Revision
		}
	}
	if len(msgs) > 0 {
		return nil, &Error{Messages: msgs}
	}
	if src.Digest, err = Digest(raw, src.Data); err != nil {
		return nil, &Error{Messages: []string{err.Error()}}
	}
	return src, nil
}

// Digest is the content digest of a policy: sha256 over each non-test
// module's path and text, in path order, then — when the policy has any
// data — the merged data document as canonical JSON (sorted keys). A
// policy has the same digest whether it is read from a directory or from a
// bundle holding the same modules at the same paths and the same data,
// however that data is split into files.
func Digest(modules map[string][]byte, data map[string]any) (string, error) {
	h := sha256.New()
	for _, p := range slices.Sorted(maps.Keys(modules)) {
		if !IsTest(p) {
			writeEntry(h, p, modules[p])
		}
	}
	if len(data) > 0 {
		b, err := json.Marshal(data)
		if err != nil {
			return "", fmt.Errorf("data: %w", err)
		}
		writeEntry(h, "data", b)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

func writeEntry(h hash.Hash, name string, b []byte) {
	fmt.Fprintf(h, "%s\x00%d\x00", name, len(b))
	h.Write(b)
}

// mergeData places a data document at the data path of its directory.
func mergeData(root map[string]any, dir string, b []byte) error {
	var doc map[string]any
	if err := util.Unmarshal(b, &doc); err != nil {
		return err
	}
	node := root
	if dir != "." {
		for _, seg := range strings.Split(dir, "/") {
			next, ok := node[seg].(map[string]any)
			if !ok {
				next = map[string]any{}
				node[seg] = next
			}
			node = next
		}
	}
	for k, v := range doc {
		if _, dup := node[k]; dup {
			return fmt.Errorf("data key %q is defined twice", k)
		}
		node[k] = v
	}
	return nil
}

// Describe writes an OPA error as file:line:column: code: message.
func Describe(e *ast.Error) string {
	msg := e.Code + ": " + e.Message
	if e.Location != nil {
		msg = Position(e.Location) + ": " + msg
	}
	return msg
}

// Position is file:line:column.
func Position(loc *ast.Location) string {
	return fmt.Sprintf("%s:%d:%d", loc.File, loc.Row, loc.Col)
}
