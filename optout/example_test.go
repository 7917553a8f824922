package optout_test

import (
	"context"
	"fmt"

	"github.com/dsrkit/dsrkit/optout"
	"github.com/dsrkit/dsrkit/policy"
)

// A Californian opts out by a web form on the Friday before Christmas; an ad
// network buys the data an hour later, before the opt-out is processed.
func ExampleDecide() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		panic(err)
	}
	d, err := optout.Decide(ctx, eng, optout.Request{
		RequestHeader: policy.RequestHeader{
			ReceivedAt: "2026-12-18T16:00:00-08:00",
			Consumer:   policy.Consumer{Residence: "US-CA"},
			Business:   policy.Business{TimeZone: "America/Los_Angeles"},
		},
		Signal: "web_form",
		DisclosuresSinceReceipt: []optout.Disclosure{
			{Recipient: "adnet", At: "2026-12-18T17:00:00-08:00", Via: "sale"},
		},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Outcome, "by", d.ComplyBy)
	fmt.Println(d.Timeline[0].Computation)
	for _, i := range d.ThirdPartyInstructions {
		fmt.Println("instruct", i.Recipient, "["+i.Citation+"]")
	}
	// Output:
	// comply by 2027-01-12
	// 2026-12-18 + 15 business days on calendar common(US,US-CA)
	// instruct adnet [Cal. Code Regs. tit. 11, § 7026(f)]
}

func ExampleDecideSolicit() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		panic(err)
	}
	d, err := optout.DecideSolicit(ctx, eng, optout.SolicitRequest{
		RequestHeader: policy.RequestHeader{
			AsOf:     "2026-06-14T12:00:00-07:00",
			Consumer: policy.Consumer{Residence: "US-CA"},
			Business: policy.Business{TimeZone: "America/Los_Angeles"},
		},
		OptedOutAt: "2025-06-15T10:00:00-07:00",
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Outcome, "until", d.Earliest)
	// Output:
	// not_yet until 2026-06-15
}

func ExampleDecideOptIn() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		panic(err)
	}
	step := func(typ, at, action string) optout.Step {
		return optout.Step{Type: typ, At: at, Channel: "web", ActionID: action, SubjectID: "c-1", Actor: "consumer", Affirmative: true}
	}
	d, err := optout.DecideOptIn(ctx, eng, optout.OptInRequest{
		RequestHeader: policy.RequestHeader{
			AsOf:     "2026-05-02T09:00:00-07:00",
			Consumer: policy.Consumer{Residence: "US-CA"},
			Business: policy.Business{TimeZone: "America/Los_Angeles"},
		},
		// One click both asks and confirms: not a two-step opt-in.
		Steps: []optout.Step{
			step("request", "2026-05-01T10:00:00-07:00", "form-1"),
			step("confirmation", "2026-05-01T10:00:00-07:00", "form-1"),
		},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Outcome)
	for _, r := range d.Reasons {
		fmt.Println(r.Code, "["+r.Citation+"]")
	}
	// Output:
	// invalid
	// not_separate [Cal. Code Regs. tit. 11, § 7028(a)]
}

// A Californian opts out while the business's site carries an advertising
// pixel: under the CCPA the pixel's operator is directed to comply and to
// forward the request, as of the receipt (Cal. Code Regs. tit. 11,
// § 7026(f)(3), dsrkit reading O1).
func ExampleAvailability() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		panic(err)
	}
	d, err := optout.Decide(ctx, eng, optout.Request{
		RequestHeader: policy.RequestHeader{
			ReceivedAt: "2026-03-02T10:00:00-08:00",
			Consumer:   policy.Consumer{Residence: "US-CA"},
			Business:   policy.Business{TimeZone: "America/Los_Angeles"},
		},
		Signal:      "web_form",
		AvailableTo: []optout.Availability{{Recipient: "adpixel", Means: "pixel"}},
	})
	if err != nil {
		panic(err)
	}
	for _, i := range d.ThirdPartyInstructions {
		fmt.Println("instruct", i.Recipient, "at", i.At, "["+i.Citation+"]")
	}
	// Output:
	// instruct adpixel at 2026-03-02T10:00:00-08:00 [Cal. Code Regs. tit. 11, § 7026(f)(3)]
}
