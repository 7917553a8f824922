package audit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/policy"
	"github.com/dsrkit/dsrkit/report"
)

// TestJSONLines: an engine with audit.JSONLines writes one line per
// decision, each exactly the Record audit.NewRecord makes of that decision
// for the consumer's keyed hash (no consumer: ""), which report.Read reads
// back; a consumer identifier without a key is refused, not hashed.
func TestJSONLines(t *testing.T) {
	ctx := context.Background()
	key := []byte("the host's secret key")
	var buf bytes.Buffer
	eng, err := policy.New(ctx, policy.WithDecisionLog(audit.JSONLines(key, &buf)))
	require.NoError(t, err)

	var want []string
	for i, name := range []string{"playbook-tax-record-7-years", "gpc-ccpa-consumer-known", "solicit-12-months"} {
		req, err := os.ReadFile("../testdata/cases/" + name + "/request.json")
		require.NoError(t, err)
		var opts []policy.DecideOption
		consumer := ""
		if i < 2 {
			opts = append(opts, policy.ConsumerID("ana@example.com"))
			consumer = audit.ConsumerHash(key, "ana@example.com")
		}
		d, err := eng.Decide(ctx, req, opts...)
		require.NoError(t, err)
		r, err := audit.NewRecord(d, consumer)
		require.NoError(t, err)
		b, err := json.Marshal(r)
		require.NoError(t, err)
		want = append(want, string(b))
	}
	require.NoError(t, eng.Close(ctx))
	require.Equal(t, strings.Join(want, "\n")+"\n", buf.String())
	require.NotContains(t, buf.String(), "ana@example.com")
	require.Contains(t, buf.String(), `"consumer":"`+audit.ConsumerHash(key, "ana@example.com")+`"`)
	require.Contains(t, buf.String(), `"consumer":""`)

	records, err := report.Read(&buf)
	require.NoError(t, err)
	require.Len(t, records, 3)
	require.Equal(t, "pb-tax", records[0].RequestID)
	require.Equal(t, "partial_deletion", records[0].Outcome)
	require.Equal(t, eng.Info(), records[2].Policy)

	var none bytes.Buffer
	eng, err = policy.New(ctx, policy.WithDecisionLog(audit.JSONLines(nil, &none)))
	require.NoError(t, err)
	_, err = eng.Decide(ctx, []byte(`{"kind": "opt_out", "signal": "gpc", "received_at": "2026-12-18T16:00:00-08:00",
	  "consumer": {"residence": "US-CA"}, "business": {"time_zone": "America/Los_Angeles"}}`), policy.ConsumerID("ana@example.com"))
	require.NoError(t, err)
	require.NoError(t, eng.Close(ctx))
	require.Equal(t, policy.DecisionLogStats{Decisions: 1, Failed: 1}, eng.DecisionLogStats())
	require.Empty(t, none.String())
}

// TestDecisionLogSinkError: the sink's error fails that record's logging.
func TestDecisionLogSinkError(t *testing.T) {
	ctx := context.Background()
	n := 0
	eng, err := policy.New(ctx, policy.WithDecisionLog(audit.DecisionLog([]byte("k"), func(r audit.Record) error {
		n++
		if n == 1 {
			return os.ErrClosed
		}
		return nil
	})))
	require.NoError(t, err)
	for range 2 {
		_, err := eng.Decide(ctx, []byte(`{"kind": "opt_out", "signal": "gpc", "received_at": "2026-12-18T16:00:00-08:00",
		  "consumer": {"residence": "US-CA"}, "business": {"time_zone": "America/Los_Angeles"}}`))
		require.NoError(t, err)
	}
	require.NoError(t, eng.Close(ctx))
	require.Equal(t, policy.DecisionLogStats{Decisions: 2, Delivered: 1, Failed: 1}, eng.DecisionLogStats())
}
