package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/policy"
)

// decisionLogFlags are decide's --decision-log, --decision-log-key-file
// and --consumer-id.
type decisionLogFlags struct {
	decisionLog, decisionLogKeyFile, consumerID string
}

// openDecisionLog opens --decision-log for appending (0600) and returns the
// engine option writing every decision's audit record to it as a JSON line
// (audit.JSONLines), and the function to run once deciding is done: it
// delivers what is buffered, closes the file, and says on stderr how many
// records were not written — a decision log never changes a decision nor
// the exit status. The consumer's hash (record.consumer) needs
// --consumer-id, the host's identifier of the consumer, and the key in
// --decision-log-key-file; without --consumer-id the record's consumer is
// "". No --decision-log: no option, a no-op.
func (f *decisionLogFlags) openDecisionLog(name string) (policy.Option, func(context.Context, *policy.Engine, io.Writer), error) {
	if f.decisionLog == "" {
		if f.decisionLogKeyFile != "" || f.consumerID != "" {
			return nil, nil, usageError(name, "--decision-log-key-file and --consumer-id: only with --decision-log")
		}
		return nil, func(context.Context, *policy.Engine, io.Writer) {}, nil
	}
	var key []byte
	if f.decisionLogKeyFile != "" {
		b, err := os.ReadFile(f.decisionLogKeyFile)
		if err != nil {
			return nil, nil, usageError(name, "--decision-log-key-file: %v", err)
		}
		key = []byte(strings.TrimRight(string(b), "\r\n"))
		if len(key) == 0 {
			return nil, nil, usageError(name, "--decision-log-key-file: %s is empty", f.decisionLogKeyFile)
		}
	}
	if f.consumerID != "" && key == nil {
		return nil, nil, usageError(name, "--consumer-id: needs --decision-log-key-file (the consumer is recorded only as its keyed hash)")
	}
	file, err := os.OpenFile(f.decisionLog, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, usageError(name, "--decision-log: %v", err)
	}
	done := func(ctx context.Context, eng *policy.Engine, stderr io.Writer) {
		cerr := eng.Close(ctx)
		if err := file.Close(); err != nil && cerr == nil {
			cerr = err
		}
		s := eng.DecisionLogStats()
		if cerr != nil || s.Failed > 0 || s.Dropped > 0 {
			fmt.Fprintf(stderr, "dsrkit %s: --decision-log %s: %d of %d record(s) not written (%d failed, %d dropped)", name, f.decisionLog, s.Decisions-s.Delivered, s.Decisions, s.Failed, s.Dropped)
			if cerr != nil {
				fmt.Fprintf(stderr, ": %v", cerr)
			}
			fmt.Fprintln(stderr)
		}
	}
	return policy.WithDecisionLog(audit.JSONLines(key, file)), done, nil
}
