// Command dsrkit decides consumer privacy requests from the command line and
// runs the policy's Rego tests.
//
//	dsrkit decide  [--as-of T] [--calendar NAME] [--policy DIR|BUNDLE] [--jsonl] FILE|-
//	dsrkit explain [--as-of T] [--calendar NAME] [--policy DIR|BUNDLE] FILE|-
//	dsrkit test    [--coverage-min PCT] [--run REGEX] [-v] [DIR]
//	dsrkit diff    [--old DIR|BUNDLE] [--new DIR|BUNDLE] [--as-of T] [--calendar NAME] CORPUS_DIR
//
// --policy, --old and --new take a policy directory or an OPA bundle
// (.tar.gz, as `opa build -b` writes it); without them, the embedded policy.
//
// decide exits 0 when a decision was made (whatever its outcome), 2 when the
// request is invalid (every problem on stderr with its JSON pointer, nothing
// on stdout) and 1 for anything else.
//
// diff decides every request of CORPUS_DIR (its *.json files and its
// */request.json) under both policies and prints, per request, each
// decision field that changed as a JSON pointer with the old and new values
// (the policy's digest and revision aside), then a summary line. Like
// diff(1), it exits 0 when nothing changed, 1 when something did, and 2
// when it could not compare (invalid usage or request, a policy that fails
// to load or to decide).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitInvalid = 2
)

const usage = `usage:
  dsrkit decide  [--as-of T] [--calendar NAME] [--policy DIR|BUNDLE] [--jsonl] FILE|-
  dsrkit explain [--as-of T] [--calendar NAME] [--policy DIR|BUNDLE] FILE|-
  dsrkit test    [--coverage-min PCT] [--run REGEX] [-v] [DIR]
  dsrkit diff    [--old DIR|BUNDLE] [--new DIR|BUNDLE] [--as-of T] [--calendar NAME] CORPUS_DIR
`

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command, with its streams, so tests can call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitInvalid
	}
	var err error
	switch args[0] {
	case "decide":
		err = decide(ctx, args[1:], stdin, stdout, stderr, false)
	case "explain":
		err = decide(ctx, args[1:], stdin, stdout, stderr, true)
	case "test":
		err = test(ctx, args[1:], stdout, stderr)
	case "diff":
		err = diff(ctx, args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "dsrkit: unknown command %q\n%s", args[0], usage)
		return exitInvalid
	}
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintln(stderr, ee.msg)
		}
		return ee.code
	default:
		fmt.Fprintln(stderr, "dsrkit:", err)
		return exitFailure
	}
}

// exitError ends the command with a status; msg (if any) goes to stderr.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }
