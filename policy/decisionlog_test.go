package policy_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

// collector is a DecisionLogger that keeps what it is given.
type collector struct {
	mu  sync.Mutex
	got []policy.LoggedDecision
}

func (c *collector) LogDecision(d policy.LoggedDecision) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.got = append(c.got, d)
	return nil
}

// TestDecisionLog: every decision Decide returns reaches the logger, byte
// for byte, with the consumer identifier given for it; an invalid request,
// Laws and a Reload's smoke corpus log nothing; after Close nothing more is
// logged and the engine still decides.
func TestDecisionLog(t *testing.T) {
	ctx := context.Background()
	var c collector
	eng, err := policy.New(ctx, policy.WithDecisionLog(&c, policy.DecisionLogBuffer(8)))
	require.NoError(t, err)

	a, err := eng.Decide(ctx, []byte(caRequest), policy.ConsumerID("ana@example.com"))
	require.NoError(t, err)
	solicit, err := os.ReadFile("../testdata/cases/solicit-12-months/request.json")
	require.NoError(t, err)
	b, err := eng.Decide(ctx, solicit)
	require.NoError(t, err)
	_, err = eng.Decide(ctx, []byte(`{"kind": "delete"}`), policy.ConsumerID("bob@example.com"))
	require.ErrorIs(t, err, policy.ErrInvalidRequest)
	_, err = eng.Laws(ctx, []byte(caRequest))
	require.NoError(t, err)
	require.NoError(t, eng.Reload(ctx, policy.WithRegoTests(false)))

	require.NoError(t, eng.Close(ctx))
	require.Equal(t, []policy.LoggedDecision{
		{Decision: a, ConsumerID: "ana@example.com"},
		{Decision: b},
	}, c.got)
	require.Equal(t, policy.DecisionLogStats{Decisions: 2, Delivered: 2}, eng.DecisionLogStats())

	_, err = eng.Decide(ctx, []byte(caRequest))
	require.NoError(t, err, "the engine decides after Close")
	require.Equal(t, policy.DecisionLogStats{Decisions: 3, Delivered: 2, Dropped: 1}, eng.DecisionLogStats())
	require.Len(t, c.got, 2)
}

// TestDecisionLogIsACopy: the logger's decision is its own: the caller
// overwriting the bytes Decide returned does not reach it.
func TestDecisionLogIsACopy(t *testing.T) {
	ctx := context.Background()
	release := make(chan struct{})
	var got []byte
	eng, err := policy.New(ctx, policy.WithDecisionLog(policy.DecisionLoggerFunc(func(d policy.LoggedDecision) error {
		<-release
		got = d.Decision
		return nil
	})))
	require.NoError(t, err)
	out, err := eng.Decide(ctx, []byte(caRequest))
	require.NoError(t, err)
	want := slices.Clone(out)
	for i := range out {
		out[i] = 'x'
	}
	close(release)
	require.NoError(t, eng.Close(ctx))
	require.Equal(t, string(want), string(got))
}

func TestDecisionLogOptions(t *testing.T) {
	ctx := context.Background()
	_, err := policy.New(ctx, policy.WithDecisionLog(nil))
	require.ErrorIs(t, err, policy.ErrPolicy)
	require.ErrorContains(t, err, "WithDecisionLog: nil DecisionLogger")
	_, err = policy.New(ctx, policy.WithDecisionLog(&collector{}, policy.DecisionLogBuffer(0)))
	require.ErrorIs(t, err, policy.ErrPolicy)
	require.ErrorContains(t, err, "DecisionLogBuffer(0): the buffer holds at least 1 decision")

	eng := engine(t)
	require.Equal(t, policy.DecisionLogStats{}, eng.DecisionLogStats())
	require.NoError(t, eng.Close(ctx), "no decision log")
}

// TestDecisionLogUnderLoad: 10,000 decisions of the engine (1,000 with
// -short, 2,000 with -race: a race-checked decision takes ~75 ms on a
// loaded 2-core machine), from 4 goroutines, while the logger sleeps 1 s
// on each record. The logger would need 10,000 s for them all; the
// decisions take what deciding takes (no decision waits for the logger:
// all of them in less than half the logger's time), and each is delivered
// or dropped, counted exactly. TestDecisionLogBlockedLogger shows, exactly,
// that adding never waits.
func TestDecisionLogUnderLoad(t *testing.T) {
	const sleep = time.Second
	n := 10_000
	switch {
	case testing.Short():
		n = 1_000
	case raceEnabled:
		n = 2_000
	}
	ctx := context.Background()
	var delivered atomic.Uint64
	eng, err := policy.New(ctx, policy.WithDecisionLog(policy.DecisionLoggerFunc(func(policy.LoggedDecision) error {
		time.Sleep(sleep)
		delivered.Add(1)
		return nil
	}), policy.DecisionLogBuffer(4)))
	require.NoError(t, err)
	req, err := os.ReadFile("../testdata/cases/solicit-12-months/request.json")
	require.NoError(t, err)

	latencies := make([]time.Duration, n)
	var next atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				t0 := time.Now()
				if _, err := eng.Decide(ctx, req, policy.ConsumerID(fmt.Sprint(i))); err != nil {
					t.Error(err)
					return
				}
				latencies[i] = time.Since(t0)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	require.Less(t, elapsed, time.Duration(n)*sleep/2, "decisions waited for the logger")

	require.NoError(t, eng.Close(ctx))
	s := eng.DecisionLogStats()
	require.EqualValues(t, n, s.Decisions)
	require.EqualValues(t, n, s.Delivered+s.Dropped)
	require.Zero(t, s.Failed)
	require.Zero(t, s.Buffered)
	require.Equal(t, delivered.Load(), s.Delivered)
	require.Positive(t, s.Dropped)

	slices.Sort(latencies)
	t.Logf("%d decisions in %v; Decide p50 %v, p99 %v, max %v; %d delivered, %d dropped",
		n, elapsed, latencies[n/2], latencies[n*99/100], latencies[n-1], s.Delivered, s.Dropped)
}

// BenchmarkDecideWithDecisionLog is BenchmarkDecideCCPA with a decision log
// whose logger never returns: what logging costs Decide (a copy of the
// decision and a non-blocking send, then a drop).
func BenchmarkDecideWithDecisionLog(b *testing.B) {
	ctx := context.Background()
	stuck := make(chan struct{})
	defer close(stuck)
	eng, err := policy.New(ctx, policy.WithDecisionLog(policy.DecisionLoggerFunc(func(policy.LoggedDecision) error {
		<-stuck
		return nil
	})))
	if err != nil {
		b.Fatal(err)
	}
	req := []byte(caRequest)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := eng.Decide(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}
