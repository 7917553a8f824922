package policy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func decisionPlanOf(t *testing.T, fsys fs.FS, kind string) (*decisionPlan, error) {
	t.Helper()
	src, err := (&config{fsys: fsys, name: "test"}).load(false)
	require.NoError(t, err)
	c, err := compile(src)
	require.NoError(t, err)
	return analyseDecision(newAnalysis(c), ast.MustParseRef(entrypoints[kind]))
}

func decisionPathsOf(plan *decisionPlan) []string {
	return pathsOf(&memoPlan{inputs: plan.inputs, rules: plan.rules})
}

// An opt-out's decision key is what its rules read, found in the policy:
// the request's facts and the request package's normalised values (the
// receipt date, which disclosures came after the receipt), never its id
// or its instants, which come back through the echo.
func TestDecisionMemoKeyIsDerivedFromThePolicy(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	plan, err := decisionPlanOf(t, Embedded(), KindOptOut)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"input.business", "input.consumer.relationship", "input.consumer.residence",
		"input.consumer.residence_verified", "input.consumer_known", "input.disclosures_since_receipt",
		"input.fraud_basis", "input.fraud_suspected", "input.playbook", "input.processed_at",
		"input.revokes_consent", "input.scope", "input.signal",
		"data.dsrkit.request.after_receipt", "data.dsrkit.request.as_of_date", "data.dsrkit.request.available_to",
		"data.dsrkit.request.calendar_override", "data.dsrkit.request.received_on",
	}, decisionPathsOf(plan))
	for _, kind := range []string{KindDelete, KindOptIn, KindSolicitOptIn} {
		_, err := decisionPlanOf(t, Embedded(), kind)
		require.NoError(t, err, kind)
	}

	// A legal editor's rule that reads the id puts it in the key.
	edited, err := decisionPlanOf(t, embeddedWithEdit(t, "opt_out/opt_out.rego",
		`is_signal if input.signal == "gpc"`, `is_signal if {
	input.signal == "gpc"
	not startswith(input.id, "test-")
}`), KindOptOut)
	require.NoError(t, err)
	assert.Contains(t, decisionPathsOf(edited), "input.id")
}

// A decision that reads its echo other than as the last operand of its
// object.union (or a kind whose rules the walk cannot bound) gets no
// decision memo: the engine decides it in full every time, as before.
func TestDecisionMemoRefusedWhereTheEchoIsRead(t *testing.T) {
	SkipMachineryWhenShort(t)
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	const covered = `covered if count(applicability.applies) > 0`
	for _, tt := range []struct{ name, old, new, why string }{
		{"a rule reads the echo", covered, "covered if {\n\tcount(applicability.applies) > 0\n\trequest.echo.request_id != \"x\"\n}", "other than as the decision's object.union"},
		{"a rule reads the whole request package", covered, "covered if {\n\tcount(applicability.applies) > 0\n\tcount(request) > 0\n}", "other than as the decision's object.union"},
		{
			"the echo is not the last operand",
			"decision := object.union(object.union(envelope, signal_block), request.echo) if dates_computed",
			"decision := object.union(request.echo, object.union(envelope, signal_block)) if dates_computed",
			"other than as the decision's object.union",
		},
		{"the decision has no echo", "decision := object.union(object.union(envelope, signal_block), request.echo) if dates_computed",
			"decision := object.union(object.union(envelope, signal_block), {\"request_id\": object.get(input, \"id\", \"\"), \"as_of\": request.as_of}) if dates_computed",
			"is not object.union(…, data.dsrkit.request.echo)"},
		{"a computed input path", covered, "covered if {\n\tcount(applicability.applies) > 0\n\tsome k in [\"signal\"]\n\tnot input[k] == \"x\"\n}", "reads the input by a computed path"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := embeddedWithEdit(t, "opt_out/opt_out.rego", tt.old, tt.new)
			_, err := decisionPlanOf(t, fsys, KindOptOut)
			require.ErrorContains(t, err, tt.why)
			if tt.name != "a rule reads the echo" {
				return // the engine's side of a refusal is the same for each: shown once
			}
			ctx := context.Background()
			eng, err := New(ctx, WithFS(fsys), WithRegoTests(false))
			require.NoError(t, err)
			assert.Nil(t, eng.cur.Load().decided[KindOptOut])
			plain, err := New(ctx, WithFS(fsys), WithRegoTests(false), WithoutMemo())
			require.NoError(t, err)
			req, err := os.ReadFile("testdata/hotpath/gpc-opt-out.json")
			require.NoError(t, err)
			decideBoth(t, eng, plain, req)
		})
	}
}

// anotherPageView is req with another id and, when it has an as_of
// instant, the last second of that day in its offset: what the echo holds.
func anotherPageView(t *testing.T, req []byte, id string) []byte {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(req, &doc))
	doc["id"] = id
	if at, ok := doc["as_of"].(string); ok && len(at) > 19 {
		doc["as_of"] = at[:11] + "23:59:59" + at[19:]
	}
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	return b
}

// A request that differs from one decided before only in its echo is
// served from the memo: the decision kept, with its own id and as_of. (The
// kept decision is marked here to show where the answer came from.)
func TestDecisionMemoServesTheKeptDecisionWithTheRequestsEcho(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	eng, err := New(ctx)
	require.NoError(t, err)
	off, err := New(ctx, WithoutMemo())
	require.NoError(t, err)
	assert.Empty(t, off.cur.Load().decided, "WithoutMemo turns the decision memo off too")
	dm := eng.cur.Load().decided[KindOptOut]
	require.NotNil(t, dm)
	req, err := os.ReadFile("testdata/hotpath/gpc-opt-out.json")
	require.NoError(t, err)
	_, err = eng.Decide(ctx, req)
	require.NoError(t, err)
	require.Equal(t, 1, dm.cache.Len())
	for _, k := range dm.cache.Keys() {
		d, _ := dm.cache.Peek(k)
		assert.Equal(t, []string{"request_id", "as_of"}, d.slots, "the echo's fields, in contract order")
		for i, seg := range d.segs {
			assert.NotContains(t, string(seg), "bench-gpc")
			d.segs[i] = bytes.Replace(seg, []byte(`"outcome":"comply"`), []byte(`"outcome":"kept"`), 1)
		}
	}
	got, err := eng.Decide(ctx, anotherPageView(t, req, "page-view-2"))
	require.NoError(t, err)
	assert.Contains(t, string(got), `"outcome":"kept"`)
	assert.Contains(t, string(got), `"request_id":"page-view-2","as_of":"2026-12-18T23:59:59-08:00"`)
	assert.Equal(t, 1, dm.cache.Len())

	// An echo that breaks the contract is not served from the memo.
	e := echoed{key: dm.cache.Keys()[0], echo: map[string]json.RawMessage{"as_of": nil, "request_id": nil},
		doc: map[string]any{"as_of": "yesterday", "request_id": "x"}}
	_, hit := dm.served(e, eng.checkFields)
	assert.False(t, hit)
	e.doc["as_of"] = "2026-12-18T15:59:59-08:00"
	_, hit = dm.served(e, eng.checkFields)
	assert.True(t, hit)
}

// Soundness of the decision key: two requests with the same key get the
// same decision, but for the echo, decided in full. Pairs are a random
// request and the same with one more fact redrawn.
func TestDecisionMemoKeySoundness(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	eng, err := New(ctx)
	require.NoError(t, err)
	plain, err := New(ctx, WithoutMemo())
	require.NoError(t, err)
	p := eng.cur.Load()
	pairs := redrawnPairs(t, 5, 6, diffCount(t, 200))
	checked := 0
	for _, pair := range pairs {
		req, req2 := pair[0], pair[1]
		ka, ea, oka := decisionKey(t, eng, p, req)
		kb, eb, okb := decisionKey(t, eng, p, req2)
		if !oka || !okb || ka != kb {
			continue
		}
		checked++
		da, erra := plain.Decide(ctx, req)
		db, errb := plain.Decide(ctx, req2)
		require.Equal(t, fmt.Sprint(erra), fmt.Sprint(errb), "same key, different errors:\n%s\n%s", req, req2)
		if erra == nil {
			assert.Equal(t, withoutEcho(t, da, ea), withoutEcho(t, db, eb), "same key, different decisions:\n%s\n%s", req, req2)
		}
	}
	t.Logf("%d of %d pairs had the same decision key", checked, len(pairs))
	require.Greater(t, checked, len(pairs)/10)
}

func decisionKey(t *testing.T, eng *Engine, p *compiled, req []byte) (string, []string, bool) {
	t.Helper()
	doc, err := eng.validate(req, nil)
	if err != nil {
		return "", nil, false
	}
	dm := p.decided[doc["kind"].(string)]
	require.NotNil(t, dm)
	require.NoError(t, applyPlaybook(p.playbook, doc))
	v, err := p.input(doc)
	require.NoError(t, err)
	e, ok, err := dm.keyOf(context.Background(), doc, v)
	if err != nil || !ok {
		return "", nil, false
	}
	return doc["kind"].(string) + "\n" + e.key, slices.Collect(maps.Keys(e.echo)), true
}

func withoutEcho(t *testing.T, decision []byte, names []string) string {
	t.Helper()
	var d map[string]any
	require.NoError(t, json.Unmarshal(decision, &d))
	for _, n := range names {
		delete(d, n)
	}
	b, err := json.Marshal(d)
	require.NoError(t, err)
	return strings.TrimSpace(string(b))
}

// The decisions a kind's memo holds are bounded in bytes as well as in
// number: the oldest go first, and a decision too large to keep many of
// is not kept.
func TestDecisionMemoIsBoundedInBytes(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	eng, err := New(ctx)
	require.NoError(t, err)
	dm := eng.cur.Load().decided[KindOptOut]
	require.NotNil(t, dm)
	e := echoed{echo: map[string]json.RawMessage{"request_id": []byte(`"x"`)}}
	field := json.RawMessage(`"` + strings.Repeat("a", decisionMemoBytes/64) + `"`)
	for i := range 100 {
		e.key = fmt.Sprint(i)
		dm.keep(e, map[string]json.RawMessage{"request_id": e.echo["request_id"], "reasons": field})
		assert.LessOrEqual(t, dm.bytes.Load(), int64(decisionMemoBytes))
	}
	assert.Less(t, dm.cache.Len(), 100)
	assert.Positive(t, dm.cache.Len())
	_, kept := dm.cache.Peek("99")
	assert.True(t, kept, "the newest is kept")
	_, kept = dm.cache.Peek("0")
	assert.False(t, kept, "the oldest went first")

	e.key = "large"
	dm.keep(e, map[string]json.RawMessage{"request_id": e.echo["request_id"], "reasons": json.RawMessage(`"` + strings.Repeat("a", decisionMemoBytes/8) + `"`)})
	_, kept = dm.cache.Peek("large")
	assert.False(t, kept)
}
