package audit_test

import (
	"context"
	"fmt"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/policy"
)

func ExampleNewRecord() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		panic(err)
	}
	decision, err := eng.Decide(ctx, []byte(`{"kind": "opt_out", "id": "oo-7", "signal": "gpc",
	  "received_at": "2026-12-18T16:00:00-08:00", "consumer": {"residence": "US-CA"},
	  "business": {"time_zone": "America/Los_Angeles"}}`))
	if err != nil {
		panic(err)
	}
	key := []byte("the host's secret key")
	r, err := audit.NewRecord(decision, audit.ConsumerHash(key, "ana@example.com"))
	if err != nil {
		panic(err)
	}
	fmt.Println(r.RequestID, r.Kind, r.Laws, r.Outcome)
	for _, d := range r.Dates {
		fmt.Println(d.Name, d.Law, d.Date)
	}
	fmt.Println(r.Citations[len(r.Citations)-1])
	// Output:
	// oo-7 opt_out [CCPA] comply
	// comply_by CCPA 2027-01-12
	// comply_by  2027-01-12
	// Cal. Code Regs. tit. 11, § 7026(f)
}

func ExampleDecisionLog() {
	ctx := context.Background()
	key := []byte("the host's secret key")
	eng, err := policy.New(ctx, policy.WithDecisionLog(audit.DecisionLog(key, func(r audit.Record) error {
		// Store r: a hashed consumer, codes, dates, citations, the policy; no personal data.
		fmt.Println(r.RequestID, r.Kind, r.Outcome, r.RespondBy, r.Consumer == audit.ConsumerHash(key, "ana@example.com"))
		return nil
	})))
	if err != nil {
		panic(err)
	}
	_, err = eng.Decide(ctx, []byte(`{"kind": "opt_out", "id": "oo-7", "signal": "gpc",
	  "received_at": "2026-12-18T16:00:00-08:00", "consumer": {"residence": "US-CA"},
	  "business": {"time_zone": "America/Los_Angeles"}}`), policy.ConsumerID("ana@example.com"))
	if err != nil {
		panic(err)
	}
	if err := eng.Close(ctx); err != nil { // on shutdown: delivers what is buffered
		panic(err)
	}
	fmt.Printf("%+v\n", eng.DecisionLogStats())
	// Output:
	// oo-7 opt_out comply 2027-01-12 true
	// {Decisions:1 Delivered:1 Failed:0 Dropped:0 Buffered:0}
}
