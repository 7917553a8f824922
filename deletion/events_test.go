package deletion_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/deletion"
	"github.com/dsrkit/dsrkit/policy"
)

// The typed request carries the lifecycle events and the typed decision
// reads back what they change: the plan's done_at and overdue, the
// directives sent and confirmed, the record's dates.
func TestLifecycleEventsRoundTrip(t *testing.T) {
	b, err := os.ReadFile("../testdata/cases/events-response-sent-closed/request.json")
	require.NoError(t, err)
	var req deletion.Request
	require.NoError(t, json.Unmarshal(b, &req))
	require.Len(t, req.Events.ItemsDeleted, 2)
	assert.Equal(t, deletion.ItemDeleted{Item: "mkt-1", At: "2026-04-21T11:00:00-07:00", By: "Marketing operations", Method: "unsubscribe and purge"}, req.Events.ItemsDeleted[1])

	eng, err := policy.New(context.Background())
	require.NoError(t, err)
	d, err := deletion.Decide(context.Background(), eng, req)
	require.NoError(t, err)
	steps := map[string]deletion.PlanStep{}
	for _, s := range d.Plan {
		steps[s.Step] = s
		assert.False(t, s.Overdue, s.Step)
	}
	assert.Equal(t, "2026-04-21T11:00:00-07:00", steps["execute_deletion"].DoneAt)
	assert.Equal(t, "2026-05-31", steps["respond"].Due.String())
	assert.Equal(t, "2026-05-20T16:00:00-07:00", steps["respond"].DoneAt)
	require.Len(t, d.Directives, 1)
	assert.Equal(t, "2026-04-20T09:00:00-07:00", d.Directives[0].SentAt)
	assert.Equal(t, "2026-04-28T09:00:00-07:00", d.Directives[0].ConfirmedAt)
	require.NotNil(t, d.Record.RespondedOn)
	assert.Equal(t, "2026-05-20", d.Record.RespondedOn.String())
	assert.Equal(t, "2026-04-14", d.Record.ExtensionNotifiedOn.String())
	assert.Equal(t, "email", d.Record.ResponseChannel)
	assert.Empty(t, d.Escalations)
}

// A request re-decided with what the team recorded: the deletion log marks
// the deletion done, and a directive not confirmed in time escalates.
func ExampleDecide_lifecycleEvents() {
	points := 2
	req := deletion.Request{
		RequestHeader: policy.RequestHeader{
			ID:         "r-1",
			ReceivedAt: "2026-03-02T09:00:00-08:00",
			AsOf:       "2026-04-01T10:00:00-07:00",
			Consumer:   policy.Consumer{Residence: "US-CA"},
			Business:   policy.Business{TimeZone: "America/Los_Angeles"},
		},
		Verification: &deletion.Verification{Method: "data_matching", MatchedDataPoints: &points},
		Data:         []deletion.Item{{ID: "crm-1", SystemType: "crm", Category: "contact", Source: "consumer"}},
		Recipients: []deletion.Recipient{{ID: "sp-mail", Role: "service_provider", ReceivedVia: "disclosure",
			DirectiveSentAt: "2026-03-13T09:00:00-07:00"}},
		Events: &deletion.Events{
			ItemsDeleted: []deletion.ItemDeleted{{Item: "crm-1", At: "2026-03-18T10:00:00-07:00", By: "IT", Method: "delete record"}},
		},
	}
	eng, err := policy.New(context.Background())
	if err != nil {
		panic(err)
	}
	d, err := deletion.Decide(context.Background(), eng, req)
	if err != nil {
		panic(err)
	}
	for _, s := range d.Plan {
		fmt.Println(s.Step, s.Due, s.DoneAt, s.Overdue)
	}
	for _, e := range d.Escalations {
		fmt.Println(e.Trigger, e.Level, e.Reason)
	}
	// Output:
	// intake 2026-03-03 2026-03-02T09:00:00-08:00 false
	// acknowledge 2026-03-16  true
	// verify 2026-03-09  false
	// discover 2026-03-30  false
	// analyze_exceptions 2026-04-06  false
	// execute_deletion 2026-04-16 2026-03-18T10:00:00-07:00 false
	// notify_recipients 2026-04-16 2026-03-13T09:00:00-07:00 false
	// respond 2026-04-16  false
	// recipient_non_compliance 1 sp-mail has not confirmed deletion, due 2026-03-28
}
