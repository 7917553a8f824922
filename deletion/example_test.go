package deletion_test

import (
	"context"
	"fmt"

	"github.com/dsrkit/dsrkit/deletion"
	"github.com/dsrkit/dsrkit/policy"
)

func ExampleDecide() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		panic(err)
	}
	req := deletion.Request{
		RequestHeader: policy.RequestHeader{
			ID:         "req-1",
			ReceivedAt: "2027-12-29T10:00:00-05:00",
			AsOf:       "2027-12-29T10:00:00-05:00",
			Consumer:   policy.Consumer{Residence: "US-CA"},
			Business:   policy.Business{TimeZone: "America/New_York"},
		},
		Verification: &deletion.Verification{Method: "account_login", Reauthenticated: true},
	}
	d, err := deletion.Decide(ctx, eng, req)
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Outcome, d.Verification.Status)
	for _, s := range d.Timeline {
		fmt.Println(s.Date, s.Name, "=", s.Computation)
	}
	// Output:
	// needs_review verified
	// 2028-01-12 acknowledge_by = 2027-12-29 + 10 business days on calendar common(US,US-CA)
	// 2028-02-12 extension_notice_by = within the first period: respond_by (2028-02-12)
	// 2028-02-12 respond_by = 2027-12-29 + 45 calendar days
	// 2028-03-28 extended_respond_by = 2027-12-29 + 90 calendar days
}

func ExampleDecide_plan() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		panic(err)
	}
	d, err := deletion.Decide(ctx, eng, deletion.Request{
		RequestHeader: policy.RequestHeader{
			ReceivedAt: "2026-11-20T16:45:00-08:00",
			AsOf:       "2026-11-23T09:00:00-08:00",
			Consumer:   policy.Consumer{Residence: "US-CA"},
			Business:   policy.Business{TimeZone: "America/Los_Angeles"},
		},
		Verification: &deletion.Verification{Method: "account_login", Reauthenticated: true},
	})
	if err != nil {
		panic(err)
	}
	for _, s := range d.Plan {
		fmt.Println(s.Due, s.Step, s.Statutory)
	}
	fmt.Println("record until", d.Record.RetainUntil)
	// Output:
	// 2026-11-21 intake false
	// 2026-12-07 acknowledge true
	// 2026-11-30 verify false
	// 2026-12-21 discover false
	// 2026-12-29 analyze_exceptions false
	// 2027-01-04 execute_deletion false
	// 2027-01-04 notify_recipients false
	// 2027-01-04 respond true
	// record until 2030-01-04
}
