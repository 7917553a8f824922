package deletion_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/deletion"
	"github.com/dsrkit/dsrkit/policy"
)

func tenItems() deletion.Request {
	points := 2
	req := deletion.Request{
		RequestHeader: policy.RequestHeader{
			ID:         "bench",
			ReceivedAt: "2026-03-02T09:00:00-08:00",
			AsOf:       "2026-03-20T09:00:00-07:00",
			Consumer:   policy.Consumer{Residence: "US-CA"},
			Business:   policy.Business{TimeZone: "America/Los_Angeles"},
		},
		Verification: &deletion.Verification{Method: "data_matching", MatchedDataPoints: &points},
		Recipients:   []deletion.Recipient{{ID: "sp-1", Name: "Mailer", Role: "service_provider", ReceivedVia: "disclosure"}},
	}
	types := []string{"crm", "marketing", "analytics", "financial", "backup"}
	for i := range 10 {
		item := deletion.Item{ID: fmt.Sprintf("item-%02d", i), SystemType: types[i%len(types)], Category: "contact", Source: "consumer"}
		if i == 3 {
			item.Category = "tax_record"
			item.Exceptions = []deletion.Exception{{Basis: "legal_obligation", Until: "2032-12-31"}}
		}
		req.Data = append(req.Data, item)
	}
	return req
}

// A request whose dates fall outside the calendars' years cannot be
// decided: the engine returns an error (an invalid request: the supported
// dates are part of the contract) and no decision, never a delete.
func TestErrorPathDecidesNothing(t *testing.T) {
	eng, err := policy.New(context.Background())
	require.NoError(t, err)
	req := tenItems()
	req.ReceivedAt, req.AsOf = "2045-03-02T09:00:00-08:00", "2045-03-20T09:00:00-07:00"
	d, err := deletion.Decide(context.Background(), eng, req)
	require.ErrorIs(t, err, policy.ErrInvalidRequest)
	require.ErrorContains(t, err, `/received_at: "2045-03-02T09:00:00-08:00" is outside the supported dates, 2018-01-01 to 2039-12-31`)
	require.Nil(t, d)
}

func TestTenItems(t *testing.T) {
	eng, err := policy.New(context.Background())
	require.NoError(t, err)
	d, err := deletion.Decide(context.Background(), eng, tenItems())
	require.NoError(t, err)
	require.Equal(t, "partial_deletion", d.Outcome)
	require.Len(t, d.Items, 10)
}

// BenchmarkDecideCCPA10Items: go test ./deletion -run '^$' -bench . -benchmem
func BenchmarkDecideCCPA10Items(b *testing.B) {
	eng, err := policy.New(context.Background())
	require.NoError(b, err)
	req := tenItems()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := deletion.Decide(context.Background(), eng, req); err != nil {
			b.Fatal(err)
		}
	}
}
