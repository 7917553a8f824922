package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/dsrkit/dsrkit/policy"
)

type decideFlags struct {
	asOf, calendar, policyDir, playbook string
	jsonl                               bool
}

func parseDecideFlags(name string, args []string, stderr io.Writer, allowJSONL bool) (*decideFlags, string, error) {
	fs := flag.NewFlagSet("dsrkit "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f decideFlags
	fs.StringVar(&f.asOf, "as-of", "", "moment of evaluation, RFC 3339 (default: the request's as_of, else now)")
	fs.StringVar(&f.calendar, "calendar", "", "business-day calendar, e.g. US, US-CA, DE (default: per law)")
	fs.StringVar(&f.policyDir, "policy", "", "policy directory or OPA bundle (default: the embedded policy)")
	fs.StringVar(&f.playbook, "playbook", "", "the organisation's playbook, YAML or JSON (default: the seed procedure's)")
	if allowJSONL {
		fs.BoolVar(&f.jsonl, "jsonl", false, "read one request per line and answer each in order")
	}
	if err := fs.Parse(args); err != nil {
		return nil, "", &exitError{code: exitInvalid}
	}
	if fs.NArg() != 1 {
		return nil, "", &exitError{code: exitInvalid, msg: "dsrkit " + name + ": give one request file, or - for standard input"}
	}
	return &f, fs.Arg(0), nil
}

func newEngine(ctx context.Context, dir, playbook string) (*policy.Engine, error) {
	var opts []policy.Option
	if dir != "" {
		opts = append(opts, policy.WithDir(dir))
	}
	if playbook != "" {
		opts = append(opts, policy.WithPlaybookFile(playbook))
	}
	return policy.New(ctx, opts...)
}

func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(name)
}

// decide runs "decide" and, with explain, "explain".
func decide(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, explain bool) error {
	name := "decide"
	if explain {
		name = "explain"
	}
	f, file, err := parseDecideFlags(name, args, stderr, !explain)
	if err != nil {
		return err
	}
	in, err := readInput(file, stdin)
	if err != nil {
		return err
	}
	eng, err := newEngine(ctx, f.policyDir, f.playbook)
	if err != nil {
		return err
	}
	if f.jsonl {
		return decideStream(ctx, eng, f, in, stdout, stderr)
	}
	out, err := eng.Decide(ctx, in, f.options(in)...)
	if err != nil {
		return decideError(err)
	}
	if explain {
		return render(stdout, out)
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, out, "", "  "); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err = buf.WriteTo(stdout)
	return err
}

// options turns the flags into decide options. as_of comes from --as-of,
// else the request, else the clock: the only place dsrkit reads it.
func (f *decideFlags) options(request []byte) []policy.DecideOption {
	var opts []policy.DecideOption
	switch {
	case f.asOf != "":
		opts = append(opts, policy.AsOf(f.asOf))
	case !hasAsOf(request):
		opts = append(opts, policy.AsOf(time.Now().UTC().Format(time.RFC3339)))
	}
	if f.calendar != "" {
		opts = append(opts, policy.Calendar(f.calendar))
	}
	return opts
}

func hasAsOf(request []byte) bool {
	var probe struct {
		AsOf *string `json:"as_of"`
	}
	return json.Unmarshal(request, &probe) == nil && probe.AsOf != nil
}

// decideError maps an engine error to the command's exit status.
func decideError(err error) error {
	var re *policy.RequestError
	if errors.As(err, &re) {
		lines := make([]string, len(re.Problems))
		for i, p := range re.Problems {
			lines[i] = p.String()
		}
		return &exitError{code: exitInvalid, msg: strings.Join(lines, "\n")}
	}
	return err
}

// streamResult is one line's answer in a --jsonl stream.
type streamResult struct {
	out []byte
	err error
}

// decideStream answers one request per line, in order, deciding on all cores.
// A line that cannot be decided gets an error object on stdout (so lines stay
// aligned) and a message on stderr; the exit status is 1 if any line failed,
// else 2 if any was invalid.
func decideStream(ctx context.Context, eng *policy.Engine, f *decideFlags, in []byte, stdout, stderr io.Writer) error {
	var lines [][]byte
	sc := bufio.NewScanner(bytes.NewReader(in))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 {
			lines = append(lines, bytes.Clone(line))
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	results := make([]chan streamResult, len(lines))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, line := range lines {
		results[i] = make(chan streamResult, 1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			out, err := eng.Decide(ctx, line, f.options(line)...)
			results[i] <- streamResult{out, err}
		}()
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	invalid, failed := false, false
	for i, ch := range results {
		r := <-ch
		if r.err == nil {
			w.Write(r.out)
			w.WriteByte('\n')
			continue
		}
		obj := map[string]any{"line": i + 1, "error": r.err.Error()}
		var re *policy.RequestError
		if errors.As(r.err, &re) {
			obj["error"], obj["problems"] = "invalid request", re.Problems
			invalid = true
		} else {
			failed = true
		}
		b, _ := json.Marshal(obj)
		w.Write(b)
		w.WriteByte('\n')
		fmt.Fprintf(stderr, "line %d: %v\n", i+1, r.err)
	}
	switch {
	case failed:
		return &exitError{code: exitFailure}
	case invalid:
		return &exitError{code: exitInvalid}
	}
	return nil
}
