package jurisdictions_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/jurisdictions"
	"github.com/dsrkit/dsrkit/policy"
)

var (
	engOnce sync.Once
	eng     *policy.Engine
	engErr  error
)

func engine(t *testing.T) *policy.Engine {
	t.Helper()
	engOnce.Do(func() { eng, engErr = policy.New(context.Background()) })
	require.NoError(t, engErr)
	return eng
}

func ptr[T any](v T) *T { return &v }

func resolve(t *testing.T, h policy.RequestHeader, opts ...policy.DecideOption) *jurisdictions.Resolution {
	t.Helper()
	res, err := jurisdictions.Resolve(context.Background(), engine(t), jurisdictions.Request{RequestHeader: h}, opts...)
	require.NoError(t, err)
	return res
}

func codes(l policy.LawResult) []string {
	var cs []string
	for _, r := range l.Reasons {
		cs = append(cs, r.Code)
	}
	return cs
}

func TestEveryLawIsConsidered(t *testing.T) {
	res := resolve(t, policy.RequestHeader{ReceivedAt: "2026-03-02", Consumer: policy.Consumer{Residence: "US-NY"}})
	var ids []string
	for _, l := range res.Laws {
		ids = append(ids, l.Law)
		assert.False(t, l.Applies, l.Law)
		assert.NotEmpty(t, l.Citation, l.Law)
		assert.Equal(t, []string{jurisdictions.ReasonNotResident}, codes(l), l.Law)
	}
	// Every law of the policy, in id order; the shipped policy has more
	// state laws than the identifiers this package names.
	assert.Subset(t, ids, []string{jurisdictions.CCPA, jurisdictions.CPA, jurisdictions.CTDPA, jurisdictions.GDPR, jurisdictions.UCPA, jurisdictions.VCDPA, "OCPA", "TDPSA"})
	assert.IsIncreasing(t, ids)
	assert.False(t, res.Covered())
	assert.Empty(t, res.Applicable())
}

func TestEachStateLaw(t *testing.T) {
	business := policy.Business{AnnualRevenueUSD: ptr(30_000_000.0), ConsumersPerYear: ptr(int64(200_000)), RevenueShareFromSale: ptr(0.0)}
	for residence, law := range map[string]string{
		"US-CA": jurisdictions.CCPA, "US-VA": jurisdictions.VCDPA, "US-CO": jurisdictions.CPA,
		"US-CT": jurisdictions.CTDPA, "US-UT": jurisdictions.UCPA,
	} {
		res := resolve(t, policy.RequestHeader{ReceivedAt: "2026-03-02", Consumer: policy.Consumer{Residence: residence}, Business: business})
		assert.Equal(t, []string{law}, res.Applicable(), residence)
		l, ok := res.Law(law)
		require.True(t, ok)
		assert.Equal(t, []string{jurisdictions.ReasonApplies}, codes(l), residence)
	}
}

func TestUnknownFigureIsAssumed(t *testing.T) {
	res := resolve(t, policy.RequestHeader{ReceivedAt: "2026-03-02", Consumer: policy.Consumer{Residence: "US-VA"}})
	l, ok := res.Law(jurisdictions.VCDPA)
	require.True(t, ok)
	assert.True(t, l.Applies)
	assert.ElementsMatch(t, []string{jurisdictions.ReasonApplies, jurisdictions.ReasonThresholdUnknown}, codes(l))
}

func TestAsOfItsDate(t *testing.T) {
	h := policy.RequestHeader{
		ReceivedAt: "2022-12-31",
		Consumer:   policy.Consumer{Residence: "US-CA", Relationship: "employee"},
		Business:   policy.Business{AnnualRevenueUSD: ptr(30_000_000.0)},
	}
	l, _ := resolve(t, h).Law(jurisdictions.CCPA)
	assert.Equal(t, []string{jurisdictions.ReasonNotAConsumer}, codes(l))
	h.ReceivedAt = "2023-01-01"
	assert.Equal(t, []string{jurisdictions.CCPA}, resolve(t, h).Applicable())
}

func TestEstablishmentBringsGDPR(t *testing.T) {
	res := resolve(t, policy.RequestHeader{
		ReceivedAt: "2026-03-02",
		Consumer:   policy.Consumer{Residence: "US-CA"},
		Business:   policy.Business{AnnualRevenueUSD: ptr(30_000_000.0), EUEstablishment: ptr(true)},
	})
	assert.Equal(t, []string{jurisdictions.CCPA, jurisdictions.GDPR}, res.Applicable())
	assert.True(t, res.Covered())
}

func TestLawNotConsidered(t *testing.T) {
	res := resolve(t, policy.RequestHeader{ReceivedAt: "2026-03-02", Consumer: policy.Consumer{Residence: "US-CA"}})
	_, ok := res.Law("XXDPA")
	assert.False(t, ok)
}

func TestInvalidRequest(t *testing.T) {
	_, err := jurisdictions.Resolve(context.Background(), engine(t), jurisdictions.Request{RequestHeader: policy.RequestHeader{
		ReceivedAt: "2026-03-02", Consumer: policy.Consumer{Residence: "US-XX"},
	}})
	require.ErrorIs(t, err, policy.ErrInvalidRequest)
	assert.Contains(t, err.Error(), `/consumer/residence: "US-XX" is not a known jurisdiction`)

	_, err = jurisdictions.Resolve(context.Background(), engine(t), jurisdictions.Request{RequestHeader: policy.RequestHeader{
		Consumer: policy.Consumer{Residence: "US-CA"},
	}})
	require.ErrorIs(t, err, policy.ErrInvalidRequest, "a request to delete needs received_at")
}

func TestKindIsKept(t *testing.T) {
	res := resolve(t, policy.RequestHeader{Kind: policy.KindOptIn, AsOf: "2026-03-02T10:00:00Z", Consumer: policy.Consumer{Residence: "US-CA"}})
	assert.Equal(t, []string{jurisdictions.CCPA}, res.Applicable())
}

func TestDecideOptions(t *testing.T) {
	h := policy.RequestHeader{ReceivedAt: "2019-12-31", Consumer: policy.Consumer{Residence: "US-CA"}}
	l, _ := resolve(t, h).Law(jurisdictions.CCPA)
	assert.Equal(t, []string{jurisdictions.ReasonNotInForce}, codes(l))
	_, err := jurisdictions.Resolve(context.Background(), engine(t), jurisdictions.Request{RequestHeader: h}, policy.Calendar("Narnia"))
	require.ErrorIs(t, err, policy.ErrInvalidRequest)
}
