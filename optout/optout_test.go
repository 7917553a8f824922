package optout_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/optout"
	"github.com/dsrkit/dsrkit/policy"
)

func engine(tb testing.TB) *policy.Engine {
	tb.Helper()
	eng, err := policy.New(context.Background())
	require.NoError(tb, err)
	return eng
}

var business = policy.Business{TimeZone: "America/Los_Angeles", AnnualRevenueUSD: ptr(30_000_000.0)}

func ptr[T any](v T) *T { return &v }

func header(residence string) policy.RequestHeader {
	return policy.RequestHeader{Consumer: policy.Consumer{Residence: residence}, Business: business}
}

func TestDecideOptOutPerLaw(t *testing.T) {
	eng := engine(t)
	ny := policy.Business{TimeZone: "America/New_York", ConsumersPerYear: ptr(int64(150_000))}
	for _, tc := range []struct {
		name, residence, receivedAt string
		business                    policy.Business
		outcome, complyBy           string // complyBy "" = null
		laws                        []string
	}{
		{"CCPA 15 business days over Christmas", "US-CA", "2026-12-18T16:00:00-08:00", business, optout.Comply, "2027-01-12", []string{"CCPA"}},
		{"VCDPA 45 days", "US-VA", "2026-12-18T16:00:00-05:00", ny, optout.Comply, "2027-02-01", []string{"VCDPA"}},
		{"CPA no fixed date", "US-CO", "2026-12-18T16:00:00-05:00", ny, optout.Comply, "", []string{"CPA"}},
		{"CTDPA 45 days", "US-CT", "2026-12-18T16:00:00-05:00", ny, optout.Comply, "2027-02-01", []string{"CTDPA"}},
		{"no law", "US-NY", "2026-12-18T16:00:00-05:00", ny, optout.NotCovered, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := optout.Request{RequestHeader: policy.RequestHeader{
				ReceivedAt: tc.receivedAt, Consumer: policy.Consumer{Residence: tc.residence}, Business: tc.business,
			}, Signal: "web_form"}
			d, err := optout.Decide(context.Background(), eng, req)
			require.NoError(t, err)
			assert.Equal(t, tc.outcome, d.Outcome)
			if tc.complyBy == "" {
				assert.Nil(t, d.ComplyBy)
			} else if assert.NotNil(t, d.ComplyBy) {
				assert.Equal(t, tc.complyBy, d.ComplyBy.String())
			}
			var applies []string
			for _, l := range d.Laws {
				if l.Applies {
					applies = append(applies, l.Law)
				}
			}
			assert.Equal(t, tc.laws, applies)
			assert.Equal(t, "not_required", d.Verification.Status)
		})
	}
}

func TestGPCByDate(t *testing.T) {
	eng := engine(t)
	co := policy.Business{TimeZone: "America/Denver", ConsumersPerYear: ptr(int64(150_000))}
	for _, tc := range []struct {
		receivedAt string
		honored    bool
		outcome    string
	}{
		{"2024-06-30T23:59:00-06:00", false, optout.NotRequired},
		{"2024-07-01T00:01:00-06:00", true, optout.Comply},
	} {
		d, err := optout.Decide(context.Background(), eng, optout.Request{
			RequestHeader: policy.RequestHeader{ReceivedAt: tc.receivedAt, Consumer: policy.Consumer{Residence: "US-CO"}, Business: co},
			Signal:        "gpc",
		})
		require.NoError(t, err)
		assert.Equal(t, tc.honored, d.SignalHonored, tc.receivedAt)
		assert.Equal(t, tc.outcome, d.Outcome, tc.receivedAt)
	}
}

func TestInvalidRequestIsAnError(t *testing.T) {
	eng := engine(t)
	_, err := optout.DecideSolicit(context.Background(), eng, optout.SolicitRequest{RequestHeader: header("US-CA")})
	var re *policy.RequestError
	require.True(t, errors.As(err, &re))
	assert.True(t, errors.Is(err, policy.ErrInvalidRequest))
	var pointers []string
	for _, p := range re.Problems {
		pointers = append(pointers, p.Pointer)
	}
	assert.ElementsMatch(t, []string{"/as_of", "/opted_out_at"}, pointers)
}

func TestSolicitTwelveMonths(t *testing.T) {
	eng := engine(t)
	for _, tc := range []struct {
		asOf    string
		allowed bool
	}{
		{"2026-06-14T23:59:00-07:00", false}, // 11 months 30 days
		{"2026-06-15T00:00:00-07:00", true},  // 12 months
	} {
		h := header("US-CA")
		h.AsOf = tc.asOf
		d, err := optout.DecideSolicit(context.Background(), eng, optout.SolicitRequest{RequestHeader: h, OptedOutAt: "2025-06-15T10:00:00-07:00"})
		require.NoError(t, err)
		assert.Equal(t, tc.allowed, d.Allowed, tc.asOf)
		assert.Equal(t, "2026-06-15", d.Earliest.String())
	}
}

func benchmark(b *testing.B, decide func(context.Context, *policy.Engine) error) {
	eng := engine(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := decide(ctx, eng); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecideOptOut(b *testing.B) {
	h := header("US-CA")
	h.ReceivedAt = "2026-12-18T16:00:00-08:00"
	req := optout.Request{RequestHeader: h, Signal: "gpc", DisclosuresSinceReceipt: []optout.Disclosure{
		{Recipient: "adnet", At: "2026-12-18T17:00:00-08:00", Via: "sale"},
	}}
	benchmark(b, func(ctx context.Context, eng *policy.Engine) error {
		_, err := optout.Decide(ctx, eng, req)
		return err
	})
}

func BenchmarkDecideOptIn(b *testing.B) {
	h := header("US-CA")
	h.AsOf = "2026-05-02T09:00:00-07:00"
	req := optout.OptInRequest{RequestHeader: h, OptedOutAt: "2025-01-15T10:00:00-08:00", SolicitedByBusiness: true, Steps: []optout.Step{
		{Type: "request", At: "2026-05-01T10:00:00-07:00", Channel: "web", ActionID: "form-1", SubjectID: "c-1", Actor: "consumer", Affirmative: true},
		{Type: "confirmation", At: "2026-05-01T10:20:00-07:00", Channel: "email", ActionID: "link-1", SubjectID: "c-1", Actor: "consumer", Affirmative: true},
	}}
	benchmark(b, func(ctx context.Context, eng *policy.Engine) error {
		_, err := optout.DecideOptIn(ctx, eng, req)
		return err
	})
}

func BenchmarkDecideSolicit(b *testing.B) {
	h := header("US-CA")
	h.AsOf = "2026-06-14T12:00:00-07:00"
	req := optout.SolicitRequest{RequestHeader: h, OptedOutAt: "2025-06-15T10:00:00-07:00"}
	benchmark(b, func(ctx context.Context, eng *policy.Engine) error {
		_, err := optout.DecideSolicit(ctx, eng, req)
		return err
	})
}

// A bare receipt date and no as_of: decided as of that date.
func TestBareReceiptDateWithoutAsOf(t *testing.T) {
	h := header("US-CA")
	h.ReceivedAt = "2026-12-18"
	d, err := optout.Decide(context.Background(), engine(t), optout.Request{RequestHeader: h})
	require.NoError(t, err)
	assert.Equal(t, "2026-12-18", d.AsOf)
	assert.Equal(t, "2027-01-12", d.ComplyBy.String())
}
