package deletion_test

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"strings"
	"testing"

	"github.com/dsrkit/dsrkit/deletion"
	"github.com/dsrkit/dsrkit/policy"
	"github.com/stretchr/testify/require"
)

// Example_embedding is the README's embedding snippet: README.md quotes its
// body and its output verbatim, and docs/examples/embed/main.go runs the same
// body as a program (TestREADMEEmbedding checks all three agree).
func Example_embedding() {
	ctx := context.Background()
	eng, err := policy.New(ctx) // compile the embedded policy once; safe for concurrent use
	if err != nil {
		log.Fatal(err)
	}
	d, err := deletion.Decide(ctx, eng, deletion.Request{
		RequestHeader: policy.RequestHeader{
			ID: "req-1", ReceivedAt: "2026-11-20T16:45:00-08:00", AsOf: "2026-11-23T09:00:00-08:00",
			Consumer: policy.Consumer{Residence: "US-CA"},
			Business: policy.Business{TimeZone: "America/Los_Angeles"},
		},
		Verification: &deletion.Verification{Method: "account_login", Reauthenticated: true},
	})
	var invalid *policy.RequestError
	if errors.As(err, &invalid) { // errors.Is(err, policy.ErrInvalidRequest) also holds
		for _, p := range invalid.Problems {
			fmt.Println(p) // every problem, with its JSON pointer
		}
		return
	}
	if err != nil { // the policy could not decide: nothing was decided
		log.Fatal(err)
	}
	fmt.Println(d.Outcome, d.Deadlines.AcknowledgeBy, d.Deadlines.RespondBy)
	// Output:
	// needs_review 2026-12-07 2027-01-04
}

// funcBody returns the source text of the body of the function named name in
// the Go file at path, without its braces and with one level of indentation
// removed; for an Example it stops at the "// Output:" comment and also
// returns the expected output.
func funcBody(t *testing.T, path, name string) (body, output string) {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	require.NoError(t, err)
	var fn *ast.FuncDecl
	for _, d := range file.Decls {
		if f, ok := d.(*ast.FuncDecl); ok && f.Name.Name == name {
			fn = f
		}
	}
	require.NotNil(t, fn, "func %s in %s", name, path)
	start := fset.Position(fn.Body.Lbrace).Offset + 1
	end := fset.Position(fn.Body.Rbrace).Offset
	text := string(src[start:end])
	if i := strings.Index(text, "\t// Output:"); i >= 0 {
		for _, l := range strings.Split(strings.TrimSpace(text[i+len("\t// Output:"):]), "\n") {
			output += strings.TrimPrefix(strings.TrimSpace(l), "// ") + "\n"
		}
		text = text[:i]
	}
	lines := strings.Split(strings.Trim(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "\t")
	}
	return strings.Join(lines, "\n") + "\n", output
}

// fencedAfter returns the text of the first fenced code block that follows
// the line marker in a Markdown document.
func fencedAfter(t *testing.T, doc, marker string) string {
	t.Helper()
	i := strings.Index(doc, "\n"+marker+"\n")
	require.GreaterOrEqual(t, i, 0, "marker %q", marker)
	rest := doc[i+len(marker)+2:]
	open := strings.Index(rest, "```")
	require.GreaterOrEqual(t, open, 0, "no code block after %q", marker)
	rest = rest[open:]
	nl := strings.Index(rest, "\n")
	require.GreaterOrEqual(t, nl, 0)
	rest = rest[nl+1:]
	end := strings.Index(rest, "```")
	require.GreaterOrEqual(t, end, 0, "unterminated code block after %q", marker)
	return rest[:end]
}

// TestREADMEEmbedding: the README's embedding code is Example_embedding's
// body, the output the README shows is the Example's output (which go test
// checks), and docs/examples/embed/main.go runs the same body.
func TestREADMEEmbedding(t *testing.T) {
	body, output := funcBody(t, "example_readme_test.go", "Example_embedding")
	require.Equal(t, "needs_review 2026-12-07 2027-01-04\n", output)
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	require.Equal(t, body, fencedAfter(t, string(readme), "<!-- embed: deletion.Example_embedding -->"),
		"README.md's embedding code must be deletion.Example_embedding's body")
	require.Equal(t, output, fencedAfter(t, string(readme), "<!-- embed-output: deletion.Example_embedding -->"),
		"README.md must show Example_embedding's output")
	prog, _ := funcBody(t, "../docs/examples/embed/main.go", "main")
	require.Equal(t, body, prog, "docs/examples/embed/main.go must run Example_embedding's body")
}
