package policy_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dsrkit/dsrkit/policy"
)

func ExampleEngine_Decide() {
	ctx := context.Background()
	eng, err := policy.New(ctx) // the embedded policy; compile once, decide many
	if err != nil {
		panic(err)
	}
	out, err := eng.Decide(ctx, []byte(`{
		"kind": "delete",
		"received_at": "2026-11-20T16:45:00-08:00",
		"as_of": "2026-11-23T09:00:00-08:00",
		"consumer": {"residence": "US-CA"},
		"business": {"time_zone": "America/Los_Angeles"}
	}`))
	if err != nil {
		panic(err)
	}
	var d struct {
		Deadlines struct {
			AcknowledgeBy string `json:"acknowledge_by"`
			RespondBy     string `json:"respond_by"`
		} `json:"deadlines"`
	}
	if err := json.Unmarshal(out, &d); err != nil {
		panic(err)
	}
	fmt.Println("acknowledge by", d.Deadlines.AcknowledgeBy)
	fmt.Println("respond by", d.Deadlines.RespondBy)
	// Output:
	// acknowledge by 2026-12-07
	// respond by 2027-01-04
}

func ExampleRequestError() {
	eng, err := policy.New(context.Background())
	if err != nil {
		panic(err)
	}
	_, err = eng.Decide(context.Background(), []byte(`{"kind": "delete", "received_at": "2026-02-30", "consumer": {"residence": "US-XX"}, "business": {}}`))
	var re *policy.RequestError
	if errors.As(err, &re) {
		for _, p := range re.Problems {
			fmt.Println(p)
		}
	}
	// Output:
	// /consumer/residence: "US-XX" is not a known jurisdiction
	// /received_at: "2026-02-30" is not a valid date
}
