package jurisdictions_test

import (
	"context"
	"fmt"

	"github.com/dsrkit/dsrkit/jurisdictions"
	"github.com/dsrkit/dsrkit/policy"
)

func ExampleResolve() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		panic(err)
	}
	revenue, establishment := 30_000_000.0, true
	res, err := jurisdictions.Resolve(ctx, eng, jurisdictions.Request{RequestHeader: policy.RequestHeader{
		ReceivedAt: "2026-04-01T10:00:00-07:00",
		Consumer:   policy.Consumer{Residence: "US-CA"},
		Business: policy.Business{
			TimeZone:         "America/Los_Angeles",
			AnnualRevenueUSD: &revenue,
			EUEstablishment:  &establishment,
			EUMemberState:    "DE",
		},
	}})
	if err != nil {
		panic(err)
	}
	fmt.Println("applicable:", res.Applicable())
	ccpa, _ := res.Law(jurisdictions.CCPA)
	fmt.Println(ccpa.Reasons[0].Message)
	va, _ := res.Law(jurisdictions.VCDPA)
	fmt.Println(va.Reasons[0].Code, "-", va.Reasons[0].Message)
	// Output:
	// applicable: [CCPA GDPR]
	// CCPA applies on 2026-04-01: in force from 2020-01-01; territory: residence in US-CA; relationship: customer; threshold: business.annual_revenue_usd > 26625000
	// not_resident - VCDPA covers residence in US-VA; the consumer's residence is US-CA
}
