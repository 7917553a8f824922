package policy

// Scale: the cost of a decision grows linearly with the number of data
// items, exceptions, opt-in steps, recipients and disclosures (issue 13
// "Size and work bounds", issue 16 "Linear in items").
//
//	go test ./policy -run '^$' -bench 'Scale' -benchtime 1x -count 3
//
// The benchmarks report ns/item (ns/step, ns/recipient, …) so that the
// per-element cost at 10,000 items can be compared with that at 100 in one
// run. TestScaleWorkIsLinear guards the same property without a clock: it
// counts OPA's evaluation work with a query tracer.

import (
	"context"
	"encoding/json"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/stretchr/testify/require"
)

// unlimited lifts every request limit, so the benchmarks can go past the
// defaults (1,000 steps, 100 exceptions per item).
var unlimited = Limits{
	RequestBytes: -1, StringBytes: -1, Depth: -1, DataItems: -1, ExceptionsPerItem: -1,
	Recipients: -1, Steps: -1, Disclosures: -1, ArrayItems: -1, Problems: -1,
}

func scaleEngine(t testing.TB) *Engine {
	t.Helper()
	eng, err := New(context.Background(), WithLimits(unlimited))
	require.NoError(t, err)
	_, err = eng.Decide(context.Background(), scaleDelete(10, 10)) // warm up
	require.NoError(t, err)
	return eng
}

// scaleItem is the i-th data item of a generated delete request: a
// deterministic mix of every status an item can get (legal hold, backup,
// valid, disputed, expired and unknown claims, out of scope, playbook
// claims, plain deletes).
func scaleItem(i int) map[string]any {
	item := map[string]any{
		"id":          fmt.Sprintf("item-%05d", i),
		"system":      "Salesforce",
		"system_type": "crm",
		"category":    "contact",
		"source":      "consumer",
	}
	switch i % 10 {
	case 0:
		item["legal_hold"] = true
	case 1:
		item["system_type"] = "backup"
		item["system"] = "nightly backup"
	case 2:
		item["system_type"] = "financial"
		item["exceptions"] = []any{map[string]any{"basis": "legal_obligation", "until": "2032-12-31", "note": "7-year tax retention"}}
	case 3:
		item["exceptions"] = []any{map[string]any{"basis": "security_integrity", "disputed": true}}
	case 4:
		item["source"] = "third_party"
	case 5:
		item["system_type"] = "financial"
		item["category"] = "tax_record"
		item["attributes"] = map[string]any{"tax_year_end": "2023-12-31"}
	case 6:
		item["exceptions"] = []any{map[string]any{"basis": "complete_transaction", "until": "2020-01-31"}}
	case 7:
		item["system_type"] = "ecommerce"
		item["category"] = "order"
		item["attributes"] = map[string]any{"order_status": "open"}
	case 8:
		item["exceptions"] = []any{
			map[string]any{"basis": "legal_claims"},
			map[string]any{"basis": "not_a_basis"},
		}
	case 9:
		item["system_type"] = "archive"
		item["system"] = "tape archive"
	}
	return item
}

// scaleDelete is a verified CCPA delete (California consumer, account
// holder matched on two data points) with n items and m recipients.
func scaleDelete(n, m int) []byte {
	data := make([]any, n)
	for i := range data {
		data[i] = scaleItem(i)
	}
	roles := []string{"service_provider", "contractor", "third_party"}
	recipients := make([]any, m)
	for i := range recipients {
		r := map[string]any{
			"id":           fmt.Sprintf("rcpt-%05d", i),
			"name":         fmt.Sprintf("Recipient %d", i),
			"role":         roles[i%3],
			"received_via": "disclosure",
		}
		switch i % 4 {
		case 1:
			r["directive_sent_at"] = "2026-03-05T09:00:00-08:00"
		case 2:
			r["directive_sent_at"] = "2026-03-05T09:00:00-08:00"
			r["confirmed_at"] = "2026-03-10T09:00:00-07:00"
		case 3:
			if r["role"] == "third_party" {
				r["impossible_or_disproportionate"] = "no contact details on record"
			}
		}
		recipients[i] = r
	}
	req := map[string]any{
		"kind": "delete", "id": "scale", "received_at": "2026-03-02T09:00:00-08:00", "as_of": "2026-03-20T09:00:00-07:00",
		"consumer":     map[string]any{"residence": "US-CA"},
		"business":     map[string]any{"time_zone": "America/Los_Angeles", "sells_or_shares": true, "opt_out_url": "https://example.com/privacy/opt-out"},
		"verification": map[string]any{"method": "data_matching", "matched_data_points": 2},
		"data":         data,
	}
	if m > 0 {
		req["recipients"] = recipients
	}
	return mustJSON(req)
}

// scaleExceptions is a CCPA delete of one item that claims n exceptions of
// every kind (valid, expired, disputed, unknown, not recognised).
func scaleExceptions(n int) []byte { return scaleClaims(n, false) }

// scaleExceptionsGDPR is the same item under the CCPA and the GDPR (an EU
// establishment), where the claims also imply a lawful basis (D10).
func scaleExceptionsGDPR(n int) []byte { return scaleClaims(n, true) }

func scaleClaims(n int, gdpr bool) []byte {
	bases := []string{"legal_obligation", "complete_transaction", "life_safety", "legal_claims", "no_such_basis", "warranty_or_recall"}
	claims := make([]any, n)
	for i := range claims {
		c := map[string]any{"basis": bases[i%len(bases)], "note": fmt.Sprintf("claim %d", i)}
		switch i % 3 {
		case 0:
			c["until"] = fmt.Sprintf("20%02d-12-31", 27+i%10)
		case 1:
			c["until"] = "2020-06-30"
		}
		if i%7 == 0 {
			c["disputed"] = true
		}
		claims[i] = c
	}
	business := map[string]any{"time_zone": "America/Los_Angeles"}
	if gdpr {
		business = map[string]any{"time_zone": "America/Los_Angeles", "annual_revenue_usd": 30000000, "eu_establishment": true, "eu_member_state": "DE"}
	}
	return mustJSON(map[string]any{
		"kind": "delete", "id": "scale-exceptions", "received_at": "2026-03-02T09:00:00-08:00", "as_of": "2026-03-20T09:00:00-07:00",
		"consumer":     map[string]any{"residence": "US-CA"},
		"business":     business,
		"verification": map[string]any{"method": "data_matching", "matched_data_points": 2},
		"data": []any{map[string]any{
			"id": "item-1", "system": "NetSuite", "system_type": "financial", "category": "contact", "source": "consumer",
			"exceptions": claims,
		}},
	})
}

// scaleOptIn is a valid two-step opt-in of n steps: requests and, each a
// minute later, their confirmations by another action.
func scaleOptIn(n int) []byte {
	steps := make([]any, n)
	start := time.Date(2026, 5, 1, 10, 0, 0, 0, time.FixedZone("PDT", -7*3600))
	for i := range steps {
		typ, action := "request", fmt.Sprintf("form-%d", i/2)
		if i%2 == 1 {
			typ, action = "confirmation", fmt.Sprintf("email-link-%d", i/2)
		}
		steps[i] = map[string]any{
			"type": typ, "at": start.Add(time.Duration(i) * time.Minute).Format(time.RFC3339),
			"channel": "web", "action_id": action, "subject_id": "c-1", "actor": "consumer",
			"affirmative": true, "prechecked": false, "bundled": false,
		}
	}
	return mustJSON(map[string]any{
		"kind": "opt_in", "id": "scale-opt-in", "as_of": "2026-05-03T09:00:00-07:00",
		"consumer": map[string]any{"residence": "US-CA"},
		"business": map[string]any{"time_zone": "America/Los_Angeles", "annual_revenue_usd": 30000000, "sells_or_shares": true},
		"steps":    steps,
	})
}

// scaleOptOut is a CCPA web-form opt-out with n disclosures, before and
// after receipt and after processing.
func scaleOptOut(n int) []byte {
	disclosures := make([]any, n)
	at := []string{"2026-03-01T10:00:00-08:00", "2026-03-03T10:00:00-08:00", "2026-03-05T08:00:00-08:00"}
	via := []string{"sale", "share"}
	for i := range disclosures {
		disclosures[i] = map[string]any{"recipient": fmt.Sprintf("adnet-%05d", i), "at": at[i%3], "via": via[i%2]}
	}
	return mustJSON(map[string]any{
		"kind": "opt_out", "id": "scale-opt-out", "received_at": "2026-03-02T09:00:00-08:00", "as_of": "2026-03-05T09:00:00-08:00",
		"consumer":                  map[string]any{"residence": "US-CA"},
		"business":                  map[string]any{"time_zone": "America/Los_Angeles", "annual_revenue_usd": 30000000, "sells_or_shares": true},
		"signal":                    "web_form",
		"processed_at":              "2026-03-04T12:00:00-08:00",
		"disclosures_since_receipt": disclosures,
	})
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// benchScale decides req b.N times and reports the cost per element: wall
// time (ns/item) and the process's CPU time, GC included (cpu-ns/item),
// which a loaded, shared machine distorts less.
func benchScale(b *testing.B, eng *Engine, req []byte, n int, unit string) {
	b.Helper()
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := eng.Decide(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
	cpu = cpuTime() - cpu
	per := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(b.N) / float64(n) }
	b.ReportMetric(per(b.Elapsed()), "ns/"+unit)
	b.ReportMetric(per(cpu), "cpu-ns/"+unit)
}

// cpuTime is the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkScaleDeleteItems(b *testing.B) {
	eng := scaleEngine(b)
	for _, n := range []int{1, 10, 100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) { benchScale(b, eng, scaleDelete(n, 0), n, "item") })
	}
}

func BenchmarkScaleDeleteRecipients(b *testing.B) {
	eng := scaleEngine(b)
	for _, n := range []int{10, 100, 1_000} {
		b.Run(fmt.Sprintf("recipients=%d", n), func(b *testing.B) { benchScale(b, eng, scaleDelete(1, n), n, "recipient") })
	}
}

func BenchmarkScaleExceptions(b *testing.B) {
	eng := scaleEngine(b)
	for _, n := range []int{10, 100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("exceptions=%d", n), func(b *testing.B) { benchScale(b, eng, scaleExceptions(n), n, "exception") })
	}
	for _, n := range []int{10, 100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("gdpr/exceptions=%d", n), func(b *testing.B) { benchScale(b, eng, scaleExceptionsGDPR(n), n, "exception") })
	}
}

func BenchmarkScaleOptInSteps(b *testing.B) {
	eng := scaleEngine(b)
	for _, n := range []int{2, 20, 200, 2_000} {
		b.Run(fmt.Sprintf("steps=%d", n), func(b *testing.B) { benchScale(b, eng, scaleOptIn(n), n, "step") })
	}
}

func BenchmarkScaleOptOutDisclosures(b *testing.B) {
	eng := scaleEngine(b)
	for _, n := range []int{10, 100, 1_000} {
		b.Run(fmt.Sprintf("disclosures=%d", n), func(b *testing.B) { benchScale(b, eng, scaleOptOut(n), n, "disclosure") })
	}
}

// workCounter counts OPA's evaluation work on one query: every trace
// event, plus the work OPA does without an event. Building a partial
// object rule (x[k] := v, x[k] contains v) checks each new key against
// every key before it (topdown.hasCollisions): k keys cost k²/2, which no
// event shows, so the counter adds it from the number of keys (ExitOp of
// the rule) each evaluation of such a rule produced.
type workCounter struct {
	events int
	keys   map[workFrame]int
}

type workFrame struct {
	query uint64
	rule  *ast.Rule
}

func (w *workCounter) Enabled() bool { return true }

func (w *workCounter) Config() topdown.TraceConfig { return topdown.TraceConfig{} }

func (w *workCounter) TraceEvent(ev topdown.Event) {
	w.events++
	if ev.Op != topdown.ExitOp {
		return
	}
	r, ok := ev.Node.(*ast.Rule)
	if !ok || !partialObject(r) {
		return
	}
	w.keys[workFrame{ev.QueryID, r}]++
}

// partialObject: a rule that builds an object key by key.
func partialObject(r *ast.Rule) bool {
	ref := r.Head.Ref()
	return len(ref) > 1 && !ref[len(ref)-1].IsGround()
}

func (w *workCounter) total() int {
	n := w.events
	for _, k := range w.keys {
		n += k * k / 2
	}
	return n
}

// evalWork decides req as Decide does (playbook, then the kind's prepared
// query) and returns the evaluation work it took.
func evalWork(t *testing.T, eng *Engine, req []byte) int {
	t.Helper()
	p := eng.cur.Load()
	doc, err := eng.validate(req, nil)
	require.NoError(t, err)
	require.NoError(t, applyPlaybook(p.playbook, doc))
	input, err := p.input(doc)
	require.NoError(t, err)
	w := &workCounter{keys: map[workFrame]int{}}
	kind := doc["kind"].(string)
	rs, err := p.queries[kind].Eval(context.Background(), rego.EvalParsedInput(input), rego.EvalQueryTracer(w))
	require.NoError(t, err)
	require.Len(t, rs, 1)
	return w.total()
}

// TestScaleWorkIsLinear: ten times the items, exceptions, steps, recipients
// or disclosures cost at most about ten times the evaluation work (12× with
// slack for the fixed part); a quadratic rule costs more. Counted, not
// timed, so it holds on a loaded machine. The policy before issue 13's
// restructuring fails it: items ×22.6 (100 → 1,000), exceptions ×15.0
// (200 → 2,000), steps ×77.2 (100 → 1,000).
func TestScaleWorkIsLinear(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	eng := scaleEngine(t)
	for _, tc := range []struct {
		name string
		req  func(n int) []byte
		n    int
	}{
		{"items", func(n int) []byte { return scaleDelete(n, 0) }, 100},
		{"recipients", func(n int) []byte { return scaleDelete(1, n) }, 100},
		{"exceptions", scaleExceptions, 200},
		{"exceptions under the GDPR", scaleExceptionsGDPR, 200},
		{"steps", scaleOptIn, 100},
		{"disclosures", scaleOptOut, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			small := evalWork(t, eng, tc.req(tc.n))
			large := evalWork(t, eng, tc.req(10*tc.n))
			ratio := float64(large) / float64(small)
			t.Logf("%s: work %d at %d, %d at %d: ×%.2f", tc.name, small, tc.n, large, 10*tc.n, ratio)
			require.LessOrEqual(t, ratio, 12.0, "%s: ten times as many cost %.1f times the work", tc.name, ratio)
		})
	}
}
