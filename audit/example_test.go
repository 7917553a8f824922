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
