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
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dsrkit/dsrkit/policy"
)

type decideFlags struct {
	asOf, calendar, policyDir, playbook string
	jsonl, progress                     bool
	timeout                             time.Duration
	limits                              policy.Limits
	decisionLogFlags                    // decide only
}

// limitFlags names each of the engine's request limits as a flag of
// decide and explain (default: policy.DefaultLimits; a negative value
// lifts the limit).
func limitFlags(fs *flag.FlagSet, l *policy.Limits) {
	*l = policy.DefaultLimits()
	for _, f := range []struct {
		name string
		v    *int
		what string
	}{
		{"max-request-bytes", &l.RequestBytes, "the largest request, in bytes"},
		{"max-string-bytes", &l.StringBytes, "the longest string or member name, in bytes"},
		{"max-depth", &l.Depth, "the deepest nesting of objects and arrays"},
		{"max-data-items", &l.DataItems, "the most data[] items"},
		{"max-exceptions-per-item", &l.ExceptionsPerItem, "the most exceptions one data item claims"},
		{"max-recipients", &l.Recipients, "the most recipients[]"},
		{"max-steps", &l.Steps, "the most steps[] of an opt-in"},
		{"max-disclosures", &l.Disclosures, "the most disclosures_since_receipt[] of an opt-out"},
		{"max-array-items", &l.ArrayItems, "the most items of any other array"},
		{"max-problems", &l.Problems, "the most problems listed for an invalid request"},
	} {
		fs.IntVar(f.v, f.name, *f.v, "limit: "+f.what+" (a larger request is invalid, exit 2; -1: no limit)")
	}
}

// defaultTimeout bounds the work on one request.
const defaultTimeout = 30 * time.Second

// positiveDuration is a flag.Value for a duration greater than zero.
type positiveDuration struct{ d *time.Duration }

func (p positiveDuration) String() string {
	if p.d == nil {
		return ""
	}
	return p.d.String()
}

func (p positiveDuration) Set(s string) error {
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		return errors.New("not a duration such as 30s, 1m30s or 500ms")
	case d <= 0:
		return errors.New("must be more than zero")
	}
	*p.d = d
	return nil
}

// decideFlagSet is the flag set of decide (name "decide": with --jsonl and
// --progress) or explain.
func decideFlagSet(name string) (*flag.FlagSet, *decideFlags) {
	fs := newFlagSet(name)
	f := &decideFlags{timeout: defaultTimeout}
	fs.StringVar(&f.asOf, "as-of", "", "the moment of evaluation, an RFC 3339 `instant` (default: the request's as_of, else now)")
	fs.StringVar(&f.calendar, "calendar", "", "the business-day `calendar`, e.g. US, US-CA, DE (default: the request's business.calendar, else each law's)")
	fs.StringVar(&f.policyDir, "policy", "", "the policy: a `directory` or an OPA bundle (.tar.gz) (default: the embedded policy)")
	fs.StringVar(&f.playbook, "playbook", "", "the organisation's playbook, a YAML or JSON `file` (default: the seed procedure's)")
	fs.Var(positiveDuration{&f.timeout}, "timeout", "give up deciding a request after this `duration` (exit 1, or an error object per line with --jsonl)")
	limitFlags(fs, &f.limits)
	if name == "decide" {
		fs.BoolVar(&f.jsonl, "jsonl", false, "read one request per line and answer each, in order, as soon as it is decided")
		fs.BoolVar(&f.progress, "progress", false, "with --jsonl, show the count and rate of answers on standard error (default: on when standard error is a terminal)")
		fs.StringVar(&f.decisionLog, "decision-log", "", "append each decision's audit record (no personal data) to this `file` as a JSON line")
		fs.StringVar(&f.decisionLogKeyFile, "decision-log-key-file", "", "with --decision-log, the secret `file` whose content keys the consumer's hash")
		fs.StringVar(&f.consumerID, "consumer-id", "", "with --decision-log, the host's `id` of the consumer, recorded only as its keyed hash")
	}
	return fs, f
}

func newEngine(ctx context.Context, dir, playbook string, more ...policy.Option) (*policy.Engine, error) {
	opts := more
	if dir != "" {
		opts = append(opts, policy.WithDir(dir))
	}
	if playbook != "" {
		opts = append(opts, policy.WithPlaybookFile(playbook))
	}
	return policy.New(ctx, opts...)
}

func openInput(name string, stdin io.Reader) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(stdin), nil
	}
	return os.Open(name)
}

// decide runs "decide" and, with explain, "explain".
func decide(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, explain bool) error {
	name := "decide"
	if explain {
		name = "explain"
	}
	fs, f := decideFlagSet(name)
	pos, err := parseArgs(name, fs, args, stdout)
	switch {
	case errors.Is(err, errHelped):
		return nil
	case err != nil:
		return err
	case len(pos) != 1:
		return usageError(name, "give one request file, or - for standard input")
	}
	if f.asOf != "" {
		if _, err := time.Parse(time.RFC3339, f.asOf); err != nil {
			return usageError(name, "--as-of: %q is not an RFC 3339 instant such as 2026-12-01T09:00:00Z", f.asOf)
		}
	}
	if f.progress && !f.jsonl {
		return usageError(name, "--progress: only with --jsonl")
	}
	if !flagSet(fs, "progress") {
		f.progress = f.jsonl && isTerminal(stderr)
	}
	in, err := openInput(pos[0], stdin)
	if err != nil {
		return usageError(name, "%v", err)
	}
	defer in.Close()
	more := []policy.Option{policy.WithLimits(f.limits)}
	logOpt, closeLog, err := f.openDecisionLog(name)
	if err != nil {
		return err
	}
	if logOpt != nil {
		more = append(more, logOpt)
	}
	eng, err := newEngine(ctx, f.policyDir, f.playbook, more...)
	if err != nil {
		return err
	}
	defer closeLog(context.WithoutCancel(ctx), eng, stderr)
	if f.jsonl {
		return decideStream(ctx, eng, f, in, stdout, stderr)
	}
	request, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	out, err := f.decideOne(ctx, eng, request)
	if err != nil {
		return f.decideError(err)
	}
	if explain {
		return renderRequest(stdout, out, request)
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, unescapeHTML(out), "", "  "); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err = buf.WriteTo(stdout)
	return err
}

// decideOne decides one request within --timeout.
func (f *decideFlags) decideOne(ctx context.Context, eng *policy.Engine, request []byte) (json.RawMessage, error) {
	rctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	out, err := eng.Decide(rctx, request, f.options()...)
	if err != nil && !errors.Is(err, policy.ErrInvalidRequest) && errors.Is(rctx.Err(), context.DeadlineExceeded) {
		return nil, &timeoutError{limit: f.timeout, err: err}
	}
	return out, err
}

// timeoutError: no decision within --timeout.
type timeoutError struct {
	limit time.Duration
	err   error
}

func (e *timeoutError) Error() string {
	return fmt.Sprintf("no decision within --timeout %v (%v)", e.limit, e.err)
}

func (e *timeoutError) Unwrap() error { return e.err }

// options turns the flags into decide options. as_of comes from --as-of,
// else the request, else the clock: the only place dsrkit reads it.
func (f *decideFlags) options() []policy.DecideOption {
	var opts []policy.DecideOption
	if f.asOf != "" {
		opts = append(opts, policy.AsOf(f.asOf))
	} else {
		// An as_of the request has, null or not a string included, is the
		// request's, and is refused as such, never replaced by the clock.
		opts = append(opts, policy.DefaultAsOf(time.Now().UTC().Format(time.RFC3339)))
	}
	if f.calendar != "" {
		opts = append(opts, policy.Calendar(f.calendar))
	}
	if f.consumerID != "" {
		opts = append(opts, policy.ConsumerID(f.consumerID))
	}
	return opts
}

// flagValue is a request field a flag sets: its pointer, the flag, the
// value.
type flagValue struct{ pointer, flag, value string }

func (f *decideFlags) overrides() []flagValue {
	var o []flagValue
	if f.asOf != "" {
		o = append(o, flagValue{"/as_of", "--as-of", f.asOf})
	}
	if f.calendar != "" {
		o = append(o, flagValue{"/business/calendar", "--calendar", f.calendar})
	}
	return o
}

// splitProblems separates the problems of the request from those of the
// values the flags put into it (at the field's pointer, quoting the flag's
// value), which are named after the flag. A problem with the request's own
// as_of, which --as-of overrides but which must still be an instant, stays
// the request's.
func (f *decideFlags) splitProblems(re *policy.RequestError) (request []policy.Problem, flags []string) {
next:
	for _, p := range re.Problems {
		for _, o := range f.overrides() {
			if p.Pointer == o.pointer && strings.Contains(p.Message, strconv.Quote(o.value)) {
				flags = append(flags, o.flag+": "+p.Message)
				continue next
			}
		}
		request = append(request, p)
	}
	return request, flags
}

// decideError maps an engine error to the command's exit status: 2 for an
// invalid request, each problem with its pointer; 1 for a flag whose value
// the contract refuses (--calendar Narnia), a policy error or a timeout.
func (f *decideFlags) decideError(err error) error {
	var re *policy.RequestError
	if !errors.As(err, &re) {
		return err
	}
	problems, flags := f.splitProblems(re)
	lines := flags
	for _, p := range problems {
		lines = append(lines, p.String())
	}
	code := exitInvalid
	if len(problems) == 0 {
		code = exitFailure
	}
	return &exitError{code: code, msg: strings.Join(lines, "\n")}
}

// unescapeHTML undoes encoding/json's HTML escaping (\u003c, \u003e,
// \u0026) inside the strings of a JSON document, leaving every other
// escape as it is.
func unescapeHTML(b []byte) []byte {
	i := bytes.IndexByte(b, '\\')
	if i < 0 || !bytes.Contains(b[i:], []byte(`\u00`)) {
		return b
	}
	// A backslash occurs only in a string, where it starts an escape:
	// each is read whole from the first, so \\u003e stays as it is.
	out := make([]byte, 0, len(b))
	for i >= 0 && i+1 < len(b) {
		out = append(out, b[:i]...)
		esc := b[i : i+2]
		if i+5 < len(b) && b[i+1] == 'u' && b[i+2] == '0' && b[i+3] == '0' {
			switch string(b[i+4 : i+6]) {
			case "3c", "3C":
				esc = []byte("<")
			case "3e", "3E":
				esc = []byte(">")
			case "26":
				esc = []byte("&")
			}
		}
		out = append(out, esc...)
		if len(esc) == 1 {
			b = b[i+6:]
		} else {
			b = b[i+2:] // any other escape: its rest is plain text
		}
		i = bytes.IndexByte(b, '\\')
	}
	return append(out, b...)
}

// writeJSONLine writes v as one line of JSON, without HTML escaping.
func writeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// maxLine is the longest request line --jsonl reads, in bytes without the
// line end; a longer line is an invalid request, for that line only.
var maxLine = 16 << 20

// job is one request line of a --jsonl stream.
type job struct {
	line    int
	request []byte
	answer  chan answer // buffered: the worker never waits for the writer
}

type answer struct {
	out []byte
	err error
}

// lineError is the answer to a line that could not be decided.
type lineError struct {
	Line      int              `json:"line"`
	RequestID string           `json:"request_id,omitempty"`
	Error     string           `json:"error"`
	Problems  []policy.Problem `json:"problems,omitempty"`
}

// streamer holds what a --jsonl stream shares.
type streamer struct {
	eng     *policy.Engine
	f       *decideFlags
	workers int
	window  int // at most this many lines are read ahead of the output

	stderrMu sync.Mutex
	stderr   io.Writer

	read, written, invalid, failed atomic.Int64
	maxAhead                       atomic.Int64 // the most lines read and not yet written, for tests
}

// decideStream answers one request per line of in, in order: each answer
// is written (and flushed) as soon as it and every one before it are
// decided. Lines are decided by one worker per core, at most s.window
// lines ahead of the output, so memory is bounded by the window, not the
// input. Line numbers are physical: a blank line counts, and gives no
// output. A line that cannot be decided gets an error object on stdout (so
// that answers stay matched to requests) and a message on stderr; the exit
// status is 1 if any line could not be decided, else 2 if any was invalid.
func decideStream(ctx context.Context, eng *policy.Engine, f *decideFlags, in io.Reader, stdout, stderr io.Writer) error {
	// A stream's live heap is the engine and a bounded window of lines:
	// collecting it less often (unless GOGC says otherwise) saves about a
	// fifth of the CPU, and memory still does not grow with the input.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	workers := runtime.GOMAXPROCS(0)
	s := &streamer{eng: eng, f: f, workers: workers, window: 4 * workers, stderr: stderr}
	return s.run(ctx, in, stdout)
}

func (s *streamer) run(ctx context.Context, in io.Reader, stdout io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	order := make(chan *job, s.window) // lines in input order, for the writer
	work := make(chan *job)            // lines to decide, for the workers
	var readErr error                  // set before order is closed
	go func() {
		defer close(order)
		defer close(work)
		readErr = s.readLines(ctx, in, order, work)
	}()
	for range s.workers {
		go func() {
			for j := range work {
				out, err := s.f.decideOne(ctx, s.eng, j.request)
				j.answer <- answer{out, err}
			}
		}()
	}
	var stop func()
	if s.f.progress {
		stop = s.showProgress()
	}
	err := s.write(order, stdout)
	if stop != nil {
		stop()
	}
	switch {
	case err != nil:
		return err
	case readErr != nil:
		return readErr
	case s.failed.Load() > 0:
		return &exitError{code: exitFailure}
	case s.invalid.Load() > 0:
		return &exitError{code: exitInvalid}
	}
	return nil
}

// readLines reads in line by line, sends each line that is not blank to
// the writer (order) and, unless it is too long, to the workers (work).
func (s *streamer) readLines(ctx context.Context, in io.Reader, order, work chan<- *job) error {
	br := bufio.NewReaderSize(in, 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, maxLine)
		if err == io.EOF && len(line) == 0 && !tooLong {
			return nil
		}
		if tooLong || len(bytes.TrimSpace(line)) > 0 {
			j := &job{line: n, request: line, answer: make(chan answer, 1)}
			if tooLong {
				j.answer <- answer{err: &policy.RequestError{Problems: []policy.Problem{{
					Message: fmt.Sprintf("the line is longer than %d bytes, the most --jsonl reads", maxLine),
				}}}}
			}
			s.read.Add(1)
			if ahead := s.read.Load() - s.written.Load(); ahead > s.maxAhead.Load() {
				s.maxAhead.Store(ahead)
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			if !tooLong {
				select {
				case work <- j:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
		}
		switch {
		case err == io.EOF:
			return nil
		case err != nil:
			return fmt.Errorf("reading line %d: %w", n, err)
		}
	}
}

// readLine reads one line, without its "\n". A line longer than max bytes
// is read to its end and dropped: tooLong, and no line.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max+1 { // +1: the "\n"
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if !tooLong {
			line = bytes.TrimSuffix(line, []byte("\n"))
			if len(line) > max {
				tooLong, line = true, nil
			}
		}
		return line, tooLong, err
	}
}

// write writes the answers in input order, flushing whenever the next
// answer is not ready yet, so that every decided line is out before the
// writer waits.
func (s *streamer) write(order <-chan *job, stdout io.Writer) error {
	w := bufio.NewWriter(stdout)
	for {
		var j *job
		var ok bool
		select {
		case j, ok = <-order:
		default:
			if err := w.Flush(); err != nil {
				return err
			}
			j, ok = <-order
		}
		if !ok {
			return w.Flush()
		}
		var a answer
		select {
		case a = <-j.answer:
		default:
			if err := w.Flush(); err != nil {
				return err
			}
			a = <-j.answer
		}
		if err := s.writeAnswer(w, j, a); err != nil {
			return err
		}
		s.written.Add(1)
	}
}

func (s *streamer) writeAnswer(w *bufio.Writer, j *job, a answer) error {
	if a.err == nil {
		w.Write(unescapeHTML(a.out))
		return w.WriteByte('\n')
	}
	e := lineError{Line: j.line, RequestID: requestID(j.request), Error: a.err.Error()}
	var re *policy.RequestError
	if errors.As(a.err, &re) {
		problems, flags := s.f.splitProblems(re)
		e.Problems = problems
		msgs := flags
		if len(problems) > 0 {
			msgs = append(msgs, "invalid request")
			s.invalid.Add(1)
		} else {
			s.failed.Add(1)
		}
		e.Error = strings.Join(msgs, "; ")
	} else {
		s.failed.Add(1)
	}
	where := fmt.Sprintf("line %d", j.line)
	if e.RequestID != "" {
		where += fmt.Sprintf(" (id %q)", e.RequestID)
	}
	s.stderrLine(where + ": " + a.err.Error())
	return writeJSONLine(w, e)
}

// requestID is the id of a request line that is JSON with a string id.
func requestID(line []byte) string {
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	var id string
	if json.Unmarshal(line, &probe) != nil || json.Unmarshal(probe.ID, &id) != nil {
		return ""
	}
	return id
}

// stderrLine writes one message line to stderr, clearing a progress line
// a terminal shows.
func (s *streamer) stderrLine(msg string) {
	s.stderrMu.Lock()
	defer s.stderrMu.Unlock()
	if s.f.progress && isTerminal(s.stderr) {
		fmt.Fprint(s.stderr, "\r\x1b[K")
	}
	fmt.Fprintln(s.stderr, msg)
}

// showProgress prints the count and rate of answers on stderr until stop is
// called, then a last line: on a terminal, one line rewritten ten times a
// second; elsewhere, a line a second.
func (s *streamer) showProgress() (stop func()) {
	start := time.Now()
	tty := isTerminal(s.stderr)
	every := time.Second
	if tty {
		every = 100 * time.Millisecond
	}
	line := func(last bool) {
		n := s.written.Load()
		elapsed := time.Since(start)
		rate := 0.0
		if elapsed > 0 {
			rate = float64(n) / elapsed.Seconds()
		}
		msg := fmt.Sprintf("%d answered (%d invalid, %d failed), %.0f/s, %s", n, s.invalid.Load(), s.failed.Load(), rate, elapsed.Round(time.Millisecond))
		s.stderrMu.Lock()
		defer s.stderrMu.Unlock()
		switch {
		case tty && last:
			fmt.Fprint(s.stderr, "\r\x1b[K"+msg+"\n")
		case tty:
			fmt.Fprint(s.stderr, "\r\x1b[K"+msg)
		default:
			fmt.Fprintln(s.stderr, msg)
		}
	}
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				line(false)
			case <-done:
				line(true)
				return
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
