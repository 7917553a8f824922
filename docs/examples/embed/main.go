// Command embed is the README's embedding snippet as a program: its body is
// the body of deletion.Example_embedding (TestREADMEEmbedding checks it), and
// .ci/outside-module.sh builds and runs it from a module outside dsrkit.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/dsrkit/dsrkit/deletion"
	"github.com/dsrkit/dsrkit/policy"
)

func main() {
	ctx := context.Background()
	eng, err := policy.New(ctx) // compile the embedded policy once; safe for concurrent use
	if err != nil {
		log.Fatal(err)
	}
	d, err := deletion.Decide(ctx, eng, deletion.Request{
		RequestHeader: policy.RequestHeader{
			ID: "req-1", ReceivedAt: "2026-11-20T16:45:00-08:00", AsOf: "2026-11-23T09:00:00-08:00",
			Consumer: policy.Consumer{Residence: "US-CA"},
			Business: policy.Business{TimeZone: "America/Los_Angeles"},
		},
		Verification: &deletion.Verification{Method: "account_login", Reauthenticated: true},
	})
	var invalid *policy.RequestError
	if errors.As(err, &invalid) { // errors.Is(err, policy.ErrInvalidRequest) also holds
		for _, p := range invalid.Problems {
			fmt.Println(p) // every problem, with its JSON pointer
		}
		return
	}
	if err != nil { // the policy could not decide: nothing was decided
		log.Fatal(err)
	}
	fmt.Println(d.Outcome, d.Deadlines.AcknowledgeBy, d.Deadlines.RespondBy)
}
