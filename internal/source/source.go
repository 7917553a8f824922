// Package source reads a dsrkit policy — Rego modules, data documents and
// its .manifest — from a file system, the same way for the engine, the test
// runner and the tools.
package source

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/dsrkit/dsrkit/internal/builtins"
)

// Sources is a policy as read from its file system.
type Sources struct {
	Modules  map[string]*ast.Module // by file path
	Data     map[string]any         // data.json / data.yaml documents, merged by directory
	Revision string                 // from .manifest, else "unversioned"
	Digest   string                 // "sha256:" + hex over the sorted paths and contents (tests excluded)
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

// IsTest reports whether a Rego file holds tests (name ends in _test.rego).
func IsTest(name string) bool { return strings.HasSuffix(name, "_test.rego") }

// Load reads a policy's modules and data, parsed with dsrkit's capabilities
// and METADATA annotations. Test modules (*_test.rego) are read only when
// tests is true; they never count in the digest.
func Load(fsys fs.FS, tests bool) (*Sources, error) {
	src := &Sources{Modules: map[string]*ast.Module{}, Data: map[string]any{}, Revision: "unversioned"}
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
	h := sha256.New()
	popts := ast.ParserOptions{Capabilities: builtins.Capabilities(), ProcessAnnotation: true, RegoVersion: ast.RegoV1}
	for _, p := range files {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, &Error{Messages: []string{err.Error()}}
		}
		if !IsTest(p) {
			fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
			h.Write(b)
		}
		if isData(p) {
			if err := mergeData(src.Data, path.Dir(p), b); err != nil {
				msgs = append(msgs, fmt.Sprintf("%s: %v", p, err))
			}
			continue
		}
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
	src.Digest = "sha256:" + hex.EncodeToString(h.Sum(nil))
	return src, nil
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
