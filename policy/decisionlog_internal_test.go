package policy

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestDecisionLogBlockedLogger: with the logger stuck on the first
// decision, the buffer takes exactly its size and every other decision is
// dropped, none waits; released and closed, the log has delivered the one
// in hand and the buffered ones.
func TestDecisionLogBlockedLogger(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	var got atomic.Int64
	l := startDecisionLog(&decisionLogConfig{buffer: 100, logger: DecisionLoggerFunc(func(LoggedDecision) error {
		if got.Add(1) == 1 {
			close(entered)
			<-release
		}
		return nil
	})})
	l.add([]byte(`{"n":0}`), nil)
	<-entered // the logger holds decision 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 9_999 {
			l.add([]byte(`{}`), nil)
		}
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("a decision waited for the logger")
	}
	require.Equal(t, DecisionLogStats{Decisions: 10_000, Dropped: 9_899, Buffered: 100}, l.stats())
	close(release)
	require.NoError(t, l.close(context.Background()))
	require.Equal(t, DecisionLogStats{Decisions: 10_000, Delivered: 101, Dropped: 9_899}, l.stats())
	require.EqualValues(t, 101, got.Load())
}

// TestDecisionLogConcurrentSlowLogger: 10,000 decisions from 8 goroutines
// while the logger sleeps 1 ms on each: adding never waits for it (all of
// them in far less than the 10 s the logger would need), and every decision
// is delivered or dropped, counted exactly.
func TestDecisionLogConcurrentSlowLogger(t *testing.T) {
	var got atomic.Uint64
	l := startDecisionLog(&decisionLogConfig{buffer: 64, logger: DecisionLoggerFunc(func(LoggedDecision) error {
		time.Sleep(time.Millisecond)
		got.Add(1)
		return nil
	})})
	start := time.Now()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1_250 {
				l.add([]byte(`{"kind":"delete"}`), []DecideOption{ConsumerID("c")})
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	require.Less(t, elapsed, 5*time.Second, "adding waited for the logger")
	require.NoError(t, l.close(context.Background()))
	s := l.stats()
	require.EqualValues(t, 10_000, s.Decisions)
	require.EqualValues(t, 10_000, s.Delivered+s.Dropped)
	require.Zero(t, s.Failed)
	require.Zero(t, s.Buffered)
	require.Equal(t, got.Load(), s.Delivered)
	require.Positive(t, s.Dropped)
	t.Logf("10,000 added in %v: %d delivered, %d dropped", elapsed, s.Delivered, s.Dropped)
}

// TestDecisionLogFailures: an error and a panic of the logger count as
// failed and the log goes on; after close, a decision is dropped; a close
// whose context ends first says how many are left.
func TestDecisionLogFailures(t *testing.T) {
	var n atomic.Int64
	l := startDecisionLog(&decisionLogConfig{buffer: 8, logger: DecisionLoggerFunc(func(d LoggedDecision) error {
		switch n.Add(1) {
		case 1:
			return errors.New("disk full")
		case 2:
			panic("logger bug")
		}
		return nil
	})})
	for range 3 {
		l.add([]byte(`{}`), nil)
	}
	require.NoError(t, l.close(context.Background()))
	l.add([]byte(`{}`), nil)
	require.Equal(t, DecisionLogStats{Decisions: 4, Delivered: 1, Failed: 2, Dropped: 1}, l.stats())
	require.NoError(t, l.close(context.Background()), "a second close")

	stuck := make(chan struct{})
	defer close(stuck)
	l = startDecisionLog(&decisionLogConfig{buffer: 8, logger: DecisionLoggerFunc(func(LoggedDecision) error {
		<-stuck
		return nil
	})})
	l.add([]byte(`{}`), nil)
	l.add([]byte(`{}`), nil)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := l.close(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.Contains(t, err.Error(), "not yet delivered")
}
