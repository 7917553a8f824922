package policy

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/dsrkit/dsrkit/schemas"
)

// inputSchema is the type of `input` as the policy sees it: the request
// schema's fields (every kind's, with common.json's definitions inlined)
// plus what the engine lays over a request before the policy reads it
// (input.playbook; a claim's rule in data[].exceptions[]; the memo's
// values, which no rule may read: see memo.go).
func inputSchema() (any, error) {
	read := func(name string) (map[string]any, error) {
		b, err := schemas.FS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var doc map[string]any
		return doc, json.Unmarshal(b, &doc)
	}
	req, err := read("request.json")
	if err != nil {
		return nil, err
	}
	common, err := read("common.json")
	if err != nil {
		return nil, err
	}
	defs := map[string]map[string]any{
		"request.json": req["$defs"].(map[string]any),
		"common.json":  common["$defs"].(map[string]any),
	}
	var inline func(v any, file string, depth int) (any, error)
	inline = func(v any, file string, depth int) (any, error) {
		if depth > 32 {
			return nil, fmt.Errorf("schema $ref nesting too deep")
		}
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				f, name, _ := strings.Cut(ref, "#/$defs/")
				if f == "" {
					f = file
				}
				def, ok := defs[f][name]
				if !ok {
					return nil, fmt.Errorf("schema $ref %q not found", ref)
				}
				return inline(def, f, depth+1)
			}
			out := map[string]any{}
			for k, x := range v {
				switch k {
				case "$schema", "$id", "$defs", "allOf", "if", "then", "propertyNames", "examples", "format", "pattern":
					continue
				}
				y, err := inline(x, file, depth+1)
				if err != nil {
					return nil, err
				}
				out[k] = y
			}
			return out, nil
		case []any:
			out := make([]any, len(v))
			for i, x := range v {
				y, err := inline(x, file, depth+1)
				if err != nil {
					return nil, err
				}
				out[i] = y
			}
			return out, nil
		}
		return v, nil
	}
	s, err := inline(req, "request.json", 0)
	if err != nil {
		return nil, err
	}
	props := s.(map[string]any)["properties"].(map[string]any)
	props["playbook"] = map[string]any{"type": "object"}
	props[memoInput] = map[string]any{"type": "object"}
	props[foldInput] = map[string]any{"type": "object"}
	return s, nil
}

// inputSchemaSet gives the compiler inputSchema as the type of input.
func inputSchemaSet() (*ast.SchemaSet, error) {
	s, err := inputSchema()
	if err != nil {
		return nil, err
	}
	ss := ast.NewSchemaSet()
	ss.Put(ast.SchemaRootRef, s)
	return ss, nil
}
