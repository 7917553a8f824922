// Package source reads a dsrkit policy — Rego modules, data documents and
// its .manifest — from a file system or an OPA bundle, the same way for the
// engine, the test runner and the tools.
package source

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

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
// (and line and column where the parser gives them). It is the only error
// type Load and LoadBundle return.
type Error struct {
	Messages []string
	// Err is the cause when it is one of this package's typed errors
	// (*LimitError, *PathError); else nil.
	Err error
}

func (e *Error) Error() string { return strings.Join(e.Messages, "\n") }

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

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

// Load reads a policy's modules and data within DefaultLimits; see
// LoadLimited.
func Load(fsys fs.FS, tests bool) (*Sources, error) {
	return LoadLimited(fsys, tests, DefaultLimits)
}

// LoadLimited reads a policy's modules and data, parsed with dsrkit's
// capabilities and METADATA annotations, reading no file past lim.File
// bytes and no more than lim.Total bytes in all (a limit that is not
// positive takes its default). Test modules (*_test.rego) are read only
// when tests is true; they never count in the digest. Every error is a
// *Error; one caused by a limit wraps a *LimitError (ErrTooLarge).
func LoadLimited(fsys fs.FS, tests bool, lim Limits) (*Sources, error) {
	lim = lim.orDefault()
	var used int64
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

	entries := make([]tarEntry, 0, len(files)+1)
	for _, p := range files {
		b, err := readFS(fsys, p, lim, &used)
		if err != nil {
			return nil, fsError(err)
		}
		entries = append(entries, tarEntry{name: p, data: b})
	}
	if b, err := readFS(fsys, ".manifest", lim, &used); errors.Is(err, ErrTooLarge) {
		return nil, fsError(err)
	} else if err == nil {
		entries = append(entries, tarEntry{name: ".manifest", data: b})
	}
	return fromFiles(entries, tests, "")
}

// fsError is a *Error for a failed read of a file system.
func fsError(err error) *Error {
	e := &Error{Messages: []string{err.Error()}}
	if errors.Is(err, ErrTooLarge) {
		e.Err = err
	}
	return e
}

// Digest is the content digest of a policy, "sha256:" + hex, over a
// canonical form that is the same whatever the policy's packaging — a
// directory (Load), the copy embedded in a program, or a bundle of the same
// files (LoadBundle; `opa build -b DIR`, OPA's compile package, OPA's
// bundle writer):
//
//   - every Rego module that is not a test, in path order, as its path
//     relative to the policy's root and its bytes. The root is the deepest
//     directory holding every such module: `opa build -b policy/rego` names
//     a module "/policy/rego/laws/ccpa.rego", `opa build -b /abs/policy/rego`
//     "/abs/policy/rego/laws/ccpa.rego", a directory read with Load
//     "laws/ccpa.rego"; all three count as "laws/ccpa.rego";
//   - when the policy has any data, the merged data document as JSON with
//     sorted keys, however the data is split into data.json / data.yaml
//     files and formatted; an empty document (the "{}" data.json opa build
//     writes) is no data;
//   - nothing else: not the .manifest (revision, roots, the rego_version
//     opa build adds), not the tests, not .signatures.json, not files that
//     are not policy (capabilities.json, notes).
func Digest(modules map[string][]byte, data map[string]any) (string, error) {
	h := sha256.New()
	var paths []string
	for p := range modules {
		if !IsTest(p) {
			paths = append(paths, p)
		}
	}
	root := commonDir(paths)
	slices.Sort(paths)
	for _, p := range paths {
		writeEntry(h, strings.TrimPrefix(p, root), modules[p])
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

// commonDir is the deepest directory, with its trailing "/", that holds
// every path ("" when there is none but the root).
func commonDir(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	dir := paths[0][:strings.LastIndex(paths[0], "/")+1]
	for _, p := range paths[1:] {
		for !strings.HasPrefix(p, dir) {
			dir = dir[:strings.LastIndex(dir[:len(dir)-1], "/")+1]
		}
	}
	return dir
}

func writeEntry(h hash.Hash, name string, b []byte) {
	fmt.Fprintf(h, "%s\x00%d\x00", name, len(b))
	h.Write(b)
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
