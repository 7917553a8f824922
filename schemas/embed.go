// Package schemas holds the JSON Schemas (draft 2020-12) of dsrkit's contract
// (CONTRACT.md): request.json for a request of any kind, decision.json for
// the decision on it, and common.json for the definitions they share.
//
// Each schema's $id (https://dsrkit.dev/schemas/NAME.json) is a name, never
// fetched. Package internal/schema compiles them and validates documents.
package schemas

import "embed"

// FS holds the schema files, named by their $id's last path segment.
//
//go:embed *.json
var FS embed.FS
