package policy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

// A decision log hands every decision an engine makes to the host, as
// OPA's decision logs do, without ever slowing or failing a decision:
// Decide puts a copy of the decision in a bounded buffer and returns; one
// goroutine of the engine takes decisions out of the buffer and gives them
// to the DecisionLogger, one at a time. When the buffer is full (the
// logger is slower than the decisions), the decision is not logged and
// counted as dropped (DecisionLogStats). Package audit's DecisionLog and
// JSONLines turn each decision into its audit record (a hashed consumer,
// codes, dates, citations, the policy's revision and digest; no personal
// data) before the host sees it.

// LoggedDecision is one decision as the engine hands it to its
// DecisionLogger.
type LoggedDecision struct {
	// Decision is the decision document, as Decide returned it (a copy the
	// logger may keep).
	Decision json.RawMessage
	// ConsumerID is the host's own identifier of the consumer, as given to
	// Decide with ConsumerID; "" when none was. It is in no decision: the
	// logger is to hash it (audit.ConsumerHash) before it writes anything.
	ConsumerID string
}

// DecisionLogger receives an engine's decisions. LogDecision is called on
// the decision log's own goroutine, one decision at a time, in the order
// the decisions were buffered; it may take its time (the buffer absorbs
// it, and what does not fit is dropped and counted). An error or a panic
// counts the decision as failed (DecisionLogStats.Failed); the log goes on.
type DecisionLogger interface {
	LogDecision(LoggedDecision) error
}

// DecisionLoggerFunc is a function as a DecisionLogger.
type DecisionLoggerFunc func(LoggedDecision) error

// LogDecision calls f.
func (f DecisionLoggerFunc) LogDecision(d LoggedDecision) error { return f(d) }

// DefaultDecisionLogBuffer is the number of decisions a decision log
// buffers by default.
const DefaultDecisionLogBuffer = 1024

// DecisionLogOption configures a decision log.
type DecisionLogOption func(*decisionLogConfig) error

type decisionLogConfig struct {
	logger DecisionLogger
	buffer int
}

// DecisionLogBuffer sets how many decisions the log holds while the logger
// is busy (default DefaultDecisionLogBuffer); n must be at least 1.
func DecisionLogBuffer(n int) DecisionLogOption {
	return func(c *decisionLogConfig) error {
		if n < 1 {
			return fmt.Errorf("DecisionLogBuffer(%d): the buffer holds at least 1 decision", n)
		}
		c.buffer = n
		return nil
	}
}

// WithDecisionLog hands every decision the engine makes (Decide, and the
// typed Decide functions built on it; not Laws, not the smoke corpus nor
// the Checks of Reload) to l, asynchronously through a bounded buffer.
// A decision is never blocked, delayed by the logger, or failed by it: a
// decision that does not fit in the buffer is dropped and counted
// (Engine.DecisionLogStats). Close the engine (Engine.Close) to deliver
// what is buffered on shutdown.
//
// The log is set up by New and lasts the engine's life: Reload keeps it
// (a WithDecisionLog given to Reload is ignored, as WithLimits is).
func WithDecisionLog(l DecisionLogger, opts ...DecisionLogOption) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("WithDecisionLog: nil DecisionLogger")
		}
		dc := &decisionLogConfig{logger: l, buffer: DefaultDecisionLogBuffer}
		for _, o := range opts {
			if err := o(dc); err != nil {
				return err
			}
		}
		c.decisionLog = dc
		return nil
	}
}

// ConsumerID gives the host's own identifier of the consumer (an e-mail
// address, an account id) to the engine's decision log, for this
// decision. The request document has no such field; the engine does not
// read it, nor put it in the decision; without a decision log it is
// ignored. Package audit's loggers record only its keyed hash.
func ConsumerID(id string) DecideOption { return func(c *decideConfig) { c.consumerID = id } }

// DecisionLogStats counts what an engine's decision log did. Once the log
// is closed and drained, Delivered + Failed + Dropped == Decisions.
type DecisionLogStats struct {
	// Decisions is every decision made while the engine had a log.
	Decisions uint64 `json:"decisions"`
	// Delivered: LogDecision returned nil.
	Delivered uint64 `json:"delivered"`
	// Failed: LogDecision returned an error or panicked.
	Failed uint64 `json:"failed"`
	// Dropped: the buffer was full, or the log was closed.
	Dropped uint64 `json:"dropped"`
	// Buffered is the number of decisions waiting now.
	Buffered int `json:"buffered"`
}

// decisionLog is an engine's running decision log.
type decisionLog struct {
	logger DecisionLogger

	mu     sync.RWMutex // held for reading to send on ch, for writing to close it
	closed bool
	ch     chan LoggedDecision
	done   chan struct{} // closed when the goroutine has delivered everything

	decisions, delivered, failed, dropped atomic.Uint64
}

func startDecisionLog(c *decisionLogConfig) *decisionLog {
	l := &decisionLog{
		logger: c.logger,
		ch:     make(chan LoggedDecision, c.buffer),
		done:   make(chan struct{}),
	}
	go l.run()
	return l
}

// add buffers a copy of a decision, or drops it; it never waits.
func (l *decisionLog) add(decision []byte, opts []DecideOption) {
	var cfg decideConfig
	for _, o := range opts {
		o(&cfg)
	}
	d := LoggedDecision{Decision: bytes.Clone(decision), ConsumerID: cfg.consumerID}
	l.decisions.Add(1)
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		l.dropped.Add(1)
		return
	}
	select {
	case l.ch <- d:
	default:
		l.dropped.Add(1)
	}
}

func (l *decisionLog) run() {
	defer close(l.done)
	for d := range l.ch {
		if l.deliver(d) {
			l.delivered.Add(1)
		} else {
			l.failed.Add(1)
		}
	}
}

// deliver gives one decision to the logger; a panic is a failure.
func (l *decisionLog) deliver(d LoggedDecision) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return l.logger.LogDecision(d) == nil
}

func (l *decisionLog) close(ctx context.Context) error {
	l.mu.Lock()
	if !l.closed {
		l.closed = true
		close(l.ch)
	}
	l.mu.Unlock()
	select {
	case <-l.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("closing the decision log: %d decision(s) not yet delivered: %w", len(l.ch), ctx.Err())
	}
}

func (l *decisionLog) stats() DecisionLogStats {
	return DecisionLogStats{
		Decisions: l.decisions.Load(),
		Delivered: l.delivered.Load(),
		Failed:    l.failed.Load(),
		Dropped:   l.dropped.Load(),
		Buffered:  len(l.ch),
	}
}

// DecisionLogStats returns the counts of the engine's decision log; the
// zero value for an engine without one.
func (e *Engine) DecisionLogStats() DecisionLogStats {
	if e.log == nil {
		return DecisionLogStats{}
	}
	return e.log.stats()
}

// Close shuts the engine's decision log: decisions made after it are not
// logged (they count as dropped), and Close waits until the logger has
// been given every decision buffered, or ctx ends (then it returns an
// error wrapping ctx's, and the log goes on delivering in the background).
// The engine still decides after Close. Without a decision log Close
// returns nil; a second Close waits as the first does.
func (e *Engine) Close(ctx context.Context) error {
	if e.log == nil {
		return nil
	}
	return e.log.close(ctx)
}
