package drp_test

import (
	"context"
	"fmt"

	"github.com/dsrkit/dsrkit/drp"
	"github.com/dsrkit/dsrkit/policy"
)

// A host's DRP endpoints in a few lines: POST /v1/data-rights-request
// translates the verified exercise and decides it; GET
// /v1/data-rights-request/{id} translates the stored decision back.
func Example() {
	ctx := context.Background()
	eng, err := policy.New(ctx)
	if err != nil {
		panic(err)
	}
	exercise := []byte(`{"agent-id": "AGENT_CR", "business-id": "ACME", "agent-request-id": "aa-17",
	  "issued-at": "2026-03-02T17:00:00Z", "expires-at": "2026-03-02T17:10:00Z",
	  "drp.version": "0.9.4", "exercise": "sale:opt_out", "regime": "ccpa"}`)
	request, ex, err := drp.FromExercise(exercise, drp.Host{
		RequestID:  "c789ff35-7644-4ceb-9981-4b35c264aac3", // the host's new UUID
		ReceivedAt: "2026-03-02T09:05:00-08:00",            // when the POST arrived
		Business:   policy.Business{TimeZone: "America/Los_Angeles"},
	})
	if err != nil {
		panic(err) // a DRP error state: 400, or fatal for drp.ErrExpired
	}
	decision, err := eng.Decide(ctx, request)
	if err != nil {
		panic(err)
	}
	status, err := drp.Status(request, decision, drp.StatusOptions{AgentRequestID: ex.AgentRequestID})
	if err != nil {
		panic(err)
	}
	fmt.Println(string(status))
	// Output:
	// {"request_id":"c789ff35-7644-4ceb-9981-4b35c264aac3","agent_request_id":"aa-17","received_at":"2026-03-02T09:05:00-08:00","expected_by":"2026-03-23","status":"in_progress"}
}
