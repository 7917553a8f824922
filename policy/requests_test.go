package policy_test

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

// problems decides request and returns the problems of the *RequestError it
// must give, as "pointer: message" lines; nothing may be decided.
func problems(t *testing.T, eng *policy.Engine, request string, opts ...policy.DecideOption) []string {
	t.Helper()
	out, err := eng.Decide(context.Background(), []byte(request), opts...)
	require.ErrorIs(t, err, policy.ErrInvalidRequest)
	require.Nil(t, out)
	var re *policy.RequestError
	require.ErrorAs(t, err, &re)
	lines := make([]string, len(re.Problems))
	for i, p := range re.Problems {
		lines[i] = p.String()
	}
	return lines
}

// holdRequest is testdata/cases/ccpa-legal-hold: the second item is on
// legal hold.
const holdRequest = `{"kind": "delete", "id": "hold", "received_at": "2026-03-02T09:00:00-08:00", "as_of": "2026-03-20T09:00:00-07:00",
 "consumer": {"residence": "US-CA"}, "business": {"time_zone": "America/Los_Angeles"}, "verification": {"method": "data_matching", "matched_data_points": 2},
 "data": [{"id": "crm-1", "system_type": "crm", "category": "contact", "source": "consumer"},
          {"id": "mail-1", "system_type": "email_archive", "category": "correspondence", "source": "consumer", "legal_hold": true}]}`

// heldRequest is holdRequest with the legal_hold written twice, the last
// time false.
var heldRequest = strings.Replace(holdRequest, `"legal_hold": true`, `"legal_hold": true, "legal_hold": false`, 1)

// Issue 13: `"legal_hold": true, "legal_hold": false` was decided
// full_deletion, the held item deleted (encoding/json keeps the last).
func TestDuplicateKeyIsRefused(t *testing.T) {
	eng := engine(t)
	const dup = "duplicate key: the object has a member of that name already"
	assert.Equal(t, []string{"/data/1/legal_hold: " + dup}, problems(t, eng, heldRequest))

	// Written once, the hold holds.
	out, err := eng.Decide(context.Background(), []byte(holdRequest))
	require.NoError(t, err)
	var d struct {
		Items []struct{ ID, Action string } `json:"items"`
	}
	require.NoError(t, json.Unmarshal(out, &d))
	assert.Equal(t, "retain", d.Items[1].Action)

	// The same for the residence and as_of.
	assert.Equal(t, []string{"/consumer/residence: " + dup}, problems(t, eng, strings.Replace(holdRequest, `"residence": "US-CA"`, `"residence": "US-CA", "residence": "US-NY"`, 1)))
	assert.Equal(t, []string{"/as_of: " + dup}, problems(t, eng, strings.Replace(holdRequest, `"id": "hold",`, `"id": "hold", "as_of": "2027-01-01T00:00:00Z",`, 1)))
}

// Issue 13: invalid UTF-8 was rewritten to U+FFFD, so an id no longer
// round-tripped.
func TestInvalidUTF8IsRefused(t *testing.T) {
	eng := engine(t)
	const bad = "string is not valid UTF-8 (or holds an unpaired surrogate escape)"
	assert.Equal(t, []string{"/data/0/id: " + bad}, problems(t, eng, strings.Replace(holdRequest, `"crm-1"`, "\"crm-\xff1\"", 1)))
	assert.Equal(t, []string{"/id: " + bad}, problems(t, eng, strings.Replace(holdRequest, `"hold"`, `"\udc00hold"`, 1)))
}

// Issue 13: a present as_of must be an instant, whatever overrides it; the
// CLI's clock (AsOf) applies only when the request has none.
func TestAsOfMustBeAnInstantWhenPresent(t *testing.T) {
	eng := engine(t)
	clock := policy.AsOf("2026-03-20T09:00:00Z")
	for _, tc := range []struct{ value, want string }{
		{`null`, "/as_of: expected string, got null"},
		{`1`, "/as_of: expected string, got number"},
		{`"yesterday"`, `/as_of: "yesterday" is not a valid instant (RFC 3339 with an offset)`},
		{`"2041-01-01T00:00:00Z"`, `/as_of: "2041-01-01T00:00:00Z" is outside the supported dates, 2018-01-01 to 2039-12-31`},
	} {
		req := strings.Replace(holdRequest, `"as_of": "2026-03-20T09:00:00-07:00"`, `"as_of": `+tc.value, 1)
		assert.Equal(t, []string{tc.want}, problems(t, eng, req), tc.value)
		assert.Equal(t, []string{tc.want}, problems(t, eng, req, clock), tc.value)
	}
}

// DefaultAsOf (the CLI's clock) is the moment of a request without
// as_of only: the request's own as_of is kept, and checked, even when it
// is not an instant.
func TestDefaultAsOfOnlyWhereTheRequestHasNone(t *testing.T) {
	eng := engine(t)
	clock := policy.DefaultAsOf("2026-03-25T09:00:00Z")
	asOf := func(req string, opts ...policy.DecideOption) string {
		out, err := eng.Decide(context.Background(), []byte(req), opts...)
		require.NoError(t, err)
		var d struct {
			AsOf string `json:"as_of"`
		}
		require.NoError(t, json.Unmarshal(out, &d))
		return d.AsOf
	}
	without := strings.Replace(holdRequest, `, "as_of": "2026-03-20T09:00:00-07:00"`, "", 1)
	require.NotEqual(t, without, holdRequest)
	assert.Equal(t, "2026-03-25T09:00:00Z", asOf(without, clock))
	assert.Equal(t, "2026-03-02T09:00:00-08:00", asOf(without), "without it: the receipt")
	assert.Equal(t, "2026-03-20T09:00:00-07:00", asOf(holdRequest, clock))
	assert.Equal(t, []string{"/as_of: expected string, got null"},
		problems(t, eng, strings.Replace(holdRequest, `"as_of": "2026-03-20T09:00:00-07:00"`, `"as_of": null`, 1), clock))
}

// Issue 13: received_at 9999-12-31 was decided not_covered ("CCPA covers
// ;"), years 0001 and 2041 exited 1 with a message about a date nobody
// wrote. Out of the supported dates is an invalid request.
func TestDatesOutsideTheSupportedRange(t *testing.T) {
	eng := engine(t)
	first, last := policy.SupportedDates()
	assert.Equal(t, "2018-01-01", first)
	assert.Equal(t, "2039-12-31", last)
	const outside = " is outside the supported dates, 2018-01-01 to 2039-12-31"
	received := func(v string) string {
		return strings.Replace(strings.Replace(holdRequest, `"received_at": "2026-03-02T09:00:00-08:00"`, `"received_at": "`+v+`"`, 1), `"as_of": "2026-03-20T09:00:00-07:00", `, "", 1)
	}
	for _, v := range []string{"9999-12-31", "0001-01-01", "2041-01-01", "2040-01-01", "2017-12-31", "2041-01-01T00:00:00Z", "9999-12-31T23:59:59-08:00", "0001-01-01T00:00:00Z"} {
		assert.Equal(t, []string{`/received_at: "` + v + `"` + outside}, problems(t, eng, received(v)), v)
	}
	// Every instant, not only the receipt.
	assert.Equal(t, []string{`/recipients/0/directive_sent_at: "2040-03-10T09:00:00-07:00"` + outside},
		problems(t, eng, strings.Replace(strings.Replace(holdRequest, `"data": [`, `"recipients": [{"id": "r", "name": "R", "role": "service_provider", "received_via": "disclosure", "directive_sent_at": "2040-03-10T09:00:00-07:00"}], "data": [`, 1), "", "", 1)))
	// The first and the last supported dates are decided, deadlines and all.
	for _, v := range []string{first, last, last + "T23:59:59-08:00", first + "T00:00:00+14:00"} {
		_, err := eng.Decide(context.Background(), []byte(received(v)))
		require.NoError(t, err, v)
	}
	// A birth date, or an exception's until, may be far from now.
	_, err := eng.Decide(context.Background(), []byte(strings.Replace(holdRequest, `"residence": "US-CA"`, `"residence": "US-CA", "birth_date": "1931-05-04"`, 1)))
	require.NoError(t, err)
}

// Issue 13: a repeated data[].id exited 1 with a Rego conflict.
func TestDuplicateIDsAreRefused(t *testing.T) {
	eng := engine(t)
	assert.Equal(t, []string{`/data/1/id: "crm-1" is also the id of /data/0: ids must be unique`},
		problems(t, eng, strings.Replace(holdRequest, `"mail-1"`, `"crm-1"`, 1)))
	twice := `{"id": "sp", "name": "A", "role": "service_provider", "received_via": "disclosure"}`
	assert.Equal(t, []string{`/recipients/2/id: "sp" is also the id of /recipients/0: ids must be unique`},
		problems(t, eng, strings.Replace(holdRequest, `"data": [`, `"recipients": [`+twice+`, {"id": "sp2", "name": "B", "role": "contractor", "received_via": "disclosure"}, `+twice+`], "data": [`, 1)))
}

func TestLimits(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	eng, err := policy.New(ctx, policy.WithLimits(policy.Limits{DataItems: 1, StringBytes: 30, Problems: 2}))
	require.NoError(t, err)
	assert.Equal(t, []string{"/data: 2 items; the limit is 1 (Limits.DataItems)"}, problems(t, eng, holdRequest))
	long := strings.Repeat("x", 31)
	assert.Equal(t, []string{
		"/data: 2 items; the limit is 1 (Limits.DataItems)",
		"/id: string of 31 bytes; the limit is 30 (Limits.StringBytes)",
	}, problems(t, eng, strings.Replace(holdRequest, `"hold"`, `"`+long+`"`, 1)))
	// Past Limits.Problems, the rest are counted.
	assert.Equal(t, []string{
		"/data: 2 items; the limit is 1 (Limits.DataItems)",
		"/data/0/id: string of 31 bytes; the limit is 30 (Limits.StringBytes)",
		"and 2 more problems (Limits.Problems is 2)",
	}, problems(t, eng, strings.NewReplacer(`"hold"`, `"`+long+`"`, `"crm-1"`, `"`+long+`"`, `"mail-1"`, `"`+long+`"`).Replace(holdRequest)))

	// Negative: no limit.
	unlimited, err := policy.New(ctx, policy.WithLimits(policy.Limits{StringBytes: -1, RequestBytes: 100}))
	require.NoError(t, err)
	assert.Equal(t, []string{fmt.Sprintf("the document is %d bytes; the limit is 100 (Limits.RequestBytes)", len(holdRequest))}, problems(t, unlimited, holdRequest))

	def := policy.DefaultLimits()
	assert.Equal(t, policy.Limits{
		RequestBytes: 8 << 20, StringBytes: 16 << 10, Depth: 32, DataItems: 10_000, ExceptionsPerItem: 100,
		Recipients: 1_000, Steps: 1_000, Disclosures: 10_000, ArrayItems: 1_000, Problems: 100,
	}, def)
}

// TestDefaultLimits: one more data item than the default is refused before
// anything is evaluated; past 100 problems, the rest are counted.
func TestDefaultLimits(t *testing.T) {
	eng := engine(t)
	def := policy.DefaultLimits()
	var items strings.Builder
	for i := range def.DataItems + 1 {
		if i > 0 {
			items.WriteByte(',')
		}
		fmt.Fprintf(&items, `{"id": "item-%d", "system_type": "crm", "category": "contact", "source": "consumer"}`, i)
	}
	req := `{"kind": "delete", "received_at": "2026-03-02", "consumer": {"residence": "US-CA"}, "data": [` + items.String() + `]}`
	assert.Equal(t, []string{"/data: 10001 items; the limit is 10000 (Limits.DataItems)"}, problems(t, eng, req))

	many := `{"kind": "delete", "received_at": "2026-03-02", "data": [` + strings.Repeat(`{"id": 1},`, 500) + `{"id": 1}]}`
	ps := problems(t, eng, many)
	assert.Len(t, ps, def.Problems+1)
	assert.Equal(t, "/data/0/id: expected string, got number", ps[0])
	assert.Equal(t, "and 401 more problems (Limits.Problems is 100)", ps[len(ps)-1])
}

// Issue 13: with $ZONEINFO pointing at a doctored tree, received_on and
// respond_by moved a day. The time package reads $ZONEINFO once per
// process: the decision is made in a child process.
func TestDoctoredZoneinfoChangesNothing(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	// 06:30 UTC on 9 March 2026 is 8 March in Los Angeles, 9 March in Tokyo.
	const req = `{"kind": "delete", "id": "tz", "received_at": "2026-03-09T06:30:00Z", "as_of": "2026-03-10T00:00:00Z",
	 "consumer": {"residence": "US-CA"}, "business": {"time_zone": "America/Los_Angeles"}}`
	type dates struct {
		ReceivedOn string `json:"received_on"`
		Deadlines  struct {
			RespondBy string `json:"respond_by"`
		} `json:"deadlines"`
	}
	if os.Getenv("DSRKIT_DOCTORED_ZONEINFO") == "1" {
		fake, err := time.LoadLocation("America/Los_Angeles")
		require.NoError(t, err)
		_, offset := time.Date(2026, 3, 9, 6, 30, 0, 0, time.UTC).In(fake).Zone()
		require.Equal(t, 9*3600, offset, "the doctored tree is not read: the test proves nothing")
		out, err := engine(t).Decide(context.Background(), []byte(req))
		require.NoError(t, err)
		var d dates
		require.NoError(t, json.Unmarshal(out, &d))
		fmt.Printf("received_on=%s respond_by=%s\n", d.ReceivedOn, d.Deadlines.RespondBy)
		return
	}
	out, err := engine(t).Decide(context.Background(), []byte(req))
	require.NoError(t, err)
	var d dates
	require.NoError(t, json.Unmarshal(out, &d))
	assert.Equal(t, dates{ReceivedOn: "2026-03-08", Deadlines: struct {
		RespondBy string `json:"respond_by"`
	}{"2026-04-22"}}, d)

	dir := doctoredZoneinfo(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestDoctoredZoneinfoChangesNothing$", "-test.v")
	cmd.Env = append(os.Environ(), "DSRKIT_DOCTORED_ZONEINFO=1", "ZONEINFO="+dir)
	child, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", child)
	assert.Contains(t, string(child), "received_on=2026-03-08 respond_by=2026-04-22")
}

// doctoredZoneinfo writes a zoneinfo tree whose America/Los_Angeles is
// Asia/Tokyo (UTC+9), and returns its directory.
func doctoredZoneinfo(t testing.TB) string {
	t.Helper()
	r, err := zip.OpenReader(filepath.Join(runtime.GOROOT(), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		r, err = zip.OpenReader("../calendar/tzdata/zoneinfo.zip")
	}
	require.NoError(t, err)
	defer r.Close()
	f, err := r.Open("Asia/Tokyo")
	require.NoError(t, err)
	tokyo, err := io.ReadAll(f)
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "America"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "America", "Los_Angeles"), tokyo, 0o644))
	return dir
}
