// Command dsrkit decides consumer privacy requests from the command line and
// runs the policy's Rego tests.
//
//	dsrkit decide  [flags] FILE|-      decide a request, print the decision (JSON)
//	dsrkit explain [flags] FILE|-      the same decision, for a person
//	dsrkit test    [flags] [POLICY]    run the policy's Rego tests, with coverage
//	dsrkit diff    [flags] CORPUS_DIR  compare the decisions of two policies
//	dsrkit report  [flags] FILE|-      metrics of a period over audit records
//	dsrkit laws    [flags]             the matrix of every law, for counsel
//	dsrkit version                     the program's, Go's and the policy's versions
//	dsrkit help    [COMMAND]           the usage, or a command's flags
//
// Flags may come before or after the arguments; "--" ends the flags.
// `dsrkit help COMMAND` and `dsrkit COMMAND --help` print every flag of a
// command and exit 0.
//
// --policy, --old, --new and test's POLICY take a policy directory or an
// OPA bundle (.tar.gz, as `opa build -b` writes it); without them, the
// embedded policy.
//
// decide and explain exit 0 when a decision was made (whatever its
// outcome), 2 when the request is invalid (every problem on stderr with its
// JSON pointer, nothing on stdout) and 1 for anything else: a usage error
// (an unknown flag, a bad flag value such as an --as-of that is not RFC
// 3339 or a --calendar dsrkit does not know, a missing file), a policy that
// fails to load or to decide, or no decision within --timeout.
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
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/policy"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // could not decide (usage, policy, evaluation, timeout); test: tests failed; diff: decisions changed
	exitInvalid = 2 // decide, explain: the request is invalid; diff: could not compare
)

// A command is one of dsrkit's subcommands.
type command struct {
	name    string
	args    string // the positional arguments, for the usage line
	summary string
	details string
	flags   func() *flag.FlagSet // the command's flags, for help (nil: none)
	run     func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

var commands []*command

func init() {
	commands = []*command{
		{
			name: "decide", args: "FILE|-", summary: "decide a request and print the decision (JSON)",
			details: `Validates the request (FILE, or standard input with -), decides it and
prints the decision document on standard output. as_of comes from --as-of,
else from the request, else the clock.

With --jsonl, FILE holds one request per line: each line gets one line of
output, in input order, written as soon as it and every line before it
are decided (requests are decided on all cores, at most a bounded number
ahead of the output, so memory does not grow with the input). Lines are
numbered as physical lines: a blank line counts but gives no output. A
line that cannot be decided gets an error object
{"line", "request_id" (when the line is JSON with a string id), "error",
"problems"} on standard output and a message on standard error; a line
longer than 16 MiB is an invalid request, for that line only (shorter
lines are held to the engine's request size limit). The exit status is
then 1 if any line could not be decided, else 2 if any was invalid, else
0.

Exit status: 0 a decision was made, whatever its outcome; 2 the request is
invalid (each problem on standard error with its JSON pointer); 1 anything
else (a usage error, a flag value the contract refuses, a policy that
fails to load or to decide, no decision within --timeout). Nothing is
printed on standard output unless a decision was made.`,
			flags: func() *flag.FlagSet { fs, _ := decideFlagSet("decide"); return fs },
			run: func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
				return decide(ctx, args, stdin, stdout, stderr, false)
			},
		},
		{
			name: "explain", args: "FILE|-", summary: "the same decision, for a person",
			details: `Decides the request as decide does and prints it for a person: the laws,
the timeline of dates with the arithmetic and the law behind each, the
outcome, reasons with citations, notices and escalations.`,
			flags: func() *flag.FlagSet { fs, _ := decideFlagSet("explain"); return fs },
			run: func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
				return decide(ctx, args, stdin, stdout, stderr, true)
			},
		},
		{
			name: "test", args: "[POLICY]", summary: "run the policy's Rego tests, with coverage",
			details: `Loads the policy (POLICY: a directory or an OPA bundle; default: the
embedded policy) exactly as decide does, refusing what decide refuses,
then runs its Rego unit tests (*_test.rego) with dsrkit's built-ins and
prints each failing test (each test, with -v) as opa test does, with the
expression that failed and the values of its variables, then the
coverage of each policy file. Exits 1 when the policy does not load, a
test fails, no test ran or coverage is below --coverage-min.`,
			flags: func() *flag.FlagSet { fs, _ := testFlagSet(); return fs },
			run: func(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
				return test(ctx, args, stdout, stderr)
			},
		},
		{
			name: "diff", args: "CORPUS_DIR", summary: "compare the decisions of two policies",
			details: `Decides every request of CORPUS_DIR (its *.json files and its
*/request.json) under both policies and prints, per request, each decision
field that changed as a JSON pointer with the old and new values (the
policy's digest and revision aside), then a summary line. Like diff(1), it
exits 0 when nothing changed, 1 when something did, and 2 when it could
not compare (invalid usage or request, a policy that fails to load or to
decide).`,
			flags: func() *flag.FlagSet { fs, _ := diffFlagSet(); return fs },
			run: func(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
				return diff(ctx, args, stdout, stderr)
			},
		},
		reportCommand,
		lawsCommand,
		{
			name: "render", args: "DECISION|-", summary: "the letters and directives a decision calls for",
			details: renderDetails,
			flags:   func() *flag.FlagSet { fs, _ := renderFlagSet(); return fs },
			run:     renderLetters,
		},
		{
			name: "version", summary: "the program's, Go's and the embedded policy's versions",
			details: `Prints dsrkit's module version (from the build information: "(devel)"
when built inside the checkout), the Go version it was built with, and
the revision and digest of the embedded policy and of the default
playbook, and the release of the IANA time zone database embedded in the
program (the only one dsrkit reads zones from).`,
			flags: func() *flag.FlagSet { return newFlagSet("version") },
			run:   version,
		},
		{
			name: "help", args: "[COMMAND]", summary: "this text, or a command's usage and every flag",
			run: help,
		},
	}
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command, with its streams, so tests can call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		writeUsage(stderr)
		return exitFailure
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "-help" {
		name = "help"
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(stderr, "dsrkit: unknown command %q; run 'dsrkit help' for the commands\n", args[0])
		return exitFailure
	}
	err := runCommand(ctx, c, args[1:], stdin, stdout, stderr)
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

// runCommand runs c, turning a panic into an error: a crash is exit 1
// ("could not decide"), never 2, which means only "invalid request".
func runCommand(ctx context.Context, c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report it): %v", r)
		}
	}()
	return c.run(ctx, args, stdin, stdout, stderr)
}

// exitError ends the command with a status; msg (if any) goes to stderr.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// usageError is a usage error of command cmd: exit 1, except for diff,
// whose 1 means "decisions changed" and which, like diff(1), exits 2 when it
// cannot compare. Never 2 for decide or explain: 2 means an invalid request
// (CONTRACT.md § 1).
func usageError(cmd, format string, a ...any) error {
	code := exitFailure
	if cmd == "diff" {
		code = exitInvalid
	}
	return &exitError{code: code, msg: fmt.Sprintf("dsrkit %s: %s\nrun 'dsrkit help %s' for its usage", cmd, fmt.Sprintf(format, a...), cmd)}
}

// newFlagSet is an empty flag set that prints nothing itself: parseArgs
// reports its errors, help its flags.
func newFlagSet(cmd string) *flag.FlagSet {
	fs := flag.NewFlagSet("dsrkit "+cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// errHelped: the command's help was asked for and printed; exit 0.
var errHelped = errors.New("help printed")

// parseArgs parses the flags of command cmd wherever they are among args
// (before, between or after the positional arguments; "--" ends them) and
// returns the positional arguments. With -h or --help it prints the
// command's help on stdout and returns errHelped. A flag error is a usage
// error naming the flag ("--as-of: needs a value").
func parseArgs(cmd string, fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, error) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			writeCommandHelp(stdout, lookup(cmd))
			return nil, errHelped
		}
		if err != nil {
			return nil, usageError(cmd, "%s", flagMessage(err))
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

var (
	reUndefined = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	reNoValue   = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	reBadValue  = regexp.MustCompile(`^invalid (boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?-+([^:]+): (.*)$`)
)

// flagMessage rewrites a flag package error as "--name: problem".
func flagMessage(err error) string {
	msg := err.Error()
	if m := reUndefined.FindStringSubmatch(msg); m != nil {
		return "--" + m[1] + ": no such flag"
	}
	if m := reNoValue.FindStringSubmatch(msg); m != nil {
		return "--" + m[1] + ": needs a value"
	}
	if m := reBadValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s: invalid %svalue %s: %s", m[3], m[1], m[2], m[4])
	}
	return msg
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func writeUsage(w io.Writer) {
	fmt.Fprint(w, "dsrkit decides consumer privacy requests under the law written as a policy.\n\nusage:\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands {
		synopsis := "dsrkit " + c.name
		if c.flags != nil && hasFlags(c.flags()) {
			synopsis += " [flags]"
		}
		if c.args != "" {
			synopsis += " " + c.args
		}
		fmt.Fprintf(tw, "  %s\t%s\n", synopsis, c.summary)
	}
	tw.Flush()
	fmt.Fprint(w, `
Flags may come before or after the arguments; "--" ends them.
Run 'dsrkit help COMMAND' (or 'dsrkit COMMAND --help') for a command's flags.

Exit status of decide and explain: 0 a decision was made (whatever its
outcome); 2 the request is invalid (each problem on stderr with its JSON
pointer); 1 anything else: a usage error, a policy that fails to load or
to decide, no decision within --timeout. Nothing is printed on stdout
unless a decision was made.
`)
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// writeCommandHelp prints a command's usage line, what it does and every
// flag with its default.
func writeCommandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "usage: dsrkit %s", c.name)
	var fs *flag.FlagSet
	if c.flags != nil {
		fs = c.flags()
	}
	if fs != nil && hasFlags(fs) {
		fmt.Fprint(w, " [flags]")
	}
	if c.args != "" {
		fmt.Fprint(w, " "+c.args)
	}
	fmt.Fprintf(w, "\n\n%s.\n", strings.ToUpper(c.summary[:1])+c.summary[1:])
	if c.details != "" {
		fmt.Fprintf(w, "\n%s\n", c.details)
	}
	if fs == nil || !hasFlags(fs) {
		return
	}
	fmt.Fprint(w, "\nflags:\n")
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintln(w, line)
		fmt.Fprintf(w, "        %s", usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// help runs "help [COMMAND]".
func help(_ context.Context, args []string, _ io.Reader, stdout, _ io.Writer) error {
	switch len(args) {
	case 0:
		writeUsage(stdout)
		return nil
	case 1:
		c := lookup(args[0])
		if c == nil {
			return usageError("help", "unknown command %q", args[0])
		}
		writeCommandHelp(stdout, c)
		return nil
	}
	return usageError("help", "give at most one command")
}

// version runs "version".
func version(ctx context.Context, args []string, _ io.Reader, stdout, _ io.Writer) error {
	fs := newFlagSet("version")
	pos, err := parseArgs("version", fs, args, stdout)
	if err != nil {
		if errors.Is(err, errHelped) {
			return nil
		}
		return err
	}
	if len(pos) > 0 {
		return usageError("version", "takes no arguments")
	}
	eng, err := policy.New(ctx)
	if err != nil {
		return err
	}
	fmt.Fprint(stdout, versionText(buildVersion(), eng.Info()))
	return nil
}

// buildVersion is dsrkit's module version from the build information:
// the version `go install …@vX` stamps, "(devel)" inside the checkout.
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	if bi.Main.Path == modulePath && bi.Main.Version != "" {
		return bi.Main.Version
	}
	for _, d := range bi.Deps { // built as a dependency of another main module
		if d.Path == modulePath {
			return d.Version
		}
	}
	return "(devel)"
}

const modulePath = "github.com/dsrkit/dsrkit"

func versionText(v string, info policy.Info) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "dsrkit\t%s\n", v)
	fmt.Fprintf(tw, "go\t%s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(tw, "policy\trevision %s, digest %s (embedded)\n", info.Revision, info.Digest)
	fmt.Fprintf(tw, "playbook\t%s, digest %s (default)\n", info.Playbook.Name, info.Playbook.Digest)
	fmt.Fprintf(tw, "tzdata\t%s (embedded; the only source of time zones)\n", calendar.TZDataVersion())
	tw.Flush()
	return b.String()
}
