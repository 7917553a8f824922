package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// embeddedWithEdit is the shipped policy with one occurrence of old in
// file replaced by new (and, with old empty, new added as file).
func embeddedWithEdit(t *testing.T, file, old, new string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(Embedded(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Embedded(), path)
		out[path] = &fstest.MapFile{Data: b}
		return err
	}))
	if old == "" {
		out[file] = &fstest.MapFile{Data: []byte(new)}
		return out
	}
	src := string(out[file].Data)
	require.Equal(t, 1, strings.Count(src, old), "%s must hold %q once", file, old)
	out[file] = &fstest.MapFile{Data: []byte(strings.Replace(src, old, new, 1))}
	return out
}

func planOf(t *testing.T, fsys fs.FS) (*memoPlan, error) {
	t.Helper()
	src, err := (&config{fsys: fsys, name: "test"}).load(false)
	require.NoError(t, err)
	c, err := compile(src)
	require.NoError(t, err)
	return analyse(newAnalysis(c), ast.MustParseRef(memoPackage))
}

func pathsOf(plan *memoPlan) []string {
	var out []string
	for _, p := range plan.inputs {
		out = append(out, "input."+strings.Join(p, "."))
	}
	for _, r := range plan.rules {
		out = append(out, r.String())
	}
	return out
}

// The memo's key is what the applicability rules read, found in the
// policy: the shipped rules read the business's facts, the consumer's
// residence and relationship, and the receipt date (through the request
// package's rules, not the instant).
func TestMemoKeyIsDerivedFromThePolicy(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	plan, err := planOf(t, Embedded())
	require.NoError(t, err)
	assert.Equal(t, []string{
		"input.business", "input.consumer.relationship", "input.consumer.residence",
		"data.dsrkit.request.as_of_date", "data.dsrkit.request.received_on",
	}, pathsOf(plan))
	assert.Equal(t, []string{"applies", "laws", "results"}, plan.exports)

	// A legal editor's rule that reads another field puts it in the key.
	edited, err := planOf(t, embeddedWithEdit(t, "applicability/applicability.rego",
		`relationship := object.get(input, ["consumer", "relationship"], "customer")`,
		`relationship := object.get(input, ["consumer", "relationship"], "customer") if not input.consumer.deceased

relationship := "deceased" if input.consumer.deceased`))
	require.NoError(t, err)
	assert.Contains(t, pathsOf(edited), "input.consumer.deceased")
}

// A package the walk cannot bound gets no memo: the engine evaluates it
// every time, and decides as before.
func TestMemoRefusedWhereTheKeyCannotBeBounded(t *testing.T) {
	SkipMachineryWhenShort(t)
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	for _, tt := range []struct{ name, file, old, new, why string }{
		{
			"a computed input path", "applicability/applicability.rego",
			`residence := object.get(input, ["consumer", "residence"], "(not given)")`,
			`residence := object.get(input, [k, "residence"], "(not given)") if k := "consumer"`,
			"reads the input by a computed path",
		},
		{
			"the whole input", "applicability/applicability.rego",
			`business := object.get(input, "business", {})`,
			`business := object.get(object.union(input, {}), "business", {})`,
			"reads the input by a computed path",
		},
		{
			"a rule elsewhere reading the input's members by name", "request/request.rego",
			`calendar_override := input.business.calendar`,
			`calendar_override := input.business.calendar

members := {k | some k, _ in input}`,
			"reads the input's members by a computed name",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := embeddedWithEdit(t, tt.file, tt.old, tt.new)
			_, err := planOf(t, fsys)
			require.ErrorContains(t, err, tt.why)
			eng, err := New(context.Background(), WithFS(fsys))
			require.NoError(t, err)
			assert.Nil(t, eng.cur.Load().memo)
			req, err := os.ReadFile("testdata/hotpath/gpc-opt-out.json")
			require.NoError(t, err)
			_, err = eng.Decide(context.Background(), req)
			require.NoError(t, err)
		})
	}
}

// goldenRequests are the golden cases' requests.
func goldenRequests(t *testing.T) map[string][]byte {
	t.Helper()
	dirs, err := filepath.Glob("../testdata/cases/*")
	require.NoError(t, err)
	out := map[string][]byte{}
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, "request.json"))
		require.NoError(t, err)
		out[filepath.Base(dir)] = b
	}
	return out
}

// randomRequests draws n requests: a golden request with up to six of its
// facts redrawn (residence, relationship, each business fact, the dates,
// the id, the signal…), deterministic for a seed.
func randomRequests(t *testing.T, seed uint64, n int) [][]byte {
	t.Helper()
	golden := goldenRequests(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range golden {
			if !yield(k) {
				return
			}
		}
	})
	r := rand.New(rand.NewPCG(seed, 16))
	out := make([][]byte, n)
	for i := range out {
		var doc map[string]any
		require.NoError(t, json.Unmarshal(golden[names[r.IntN(len(names))]], &doc))
		for range 1 + r.IntN(6) {
			mutate(r, doc)
		}
		b, err := json.Marshal(doc)
		require.NoError(t, err)
		out[i] = b
	}
	return out
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// mutate redraws one fact of a request (nil removes it).
func mutate(r *rand.Rand, doc map[string]any) {
	sub := func(name string) map[string]any {
		m, _ := doc[name].(map[string]any)
		if m == nil {
			m = map[string]any{}
			doc[name] = m
		}
		return m
	}
	set := func(m map[string]any, k string, v any) {
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	day := func() string {
		return fmt.Sprintf("%d-%02d-%02d", pick(r, 2019, 2022, 2023, 2024, 2025, 2026, 2027), 1+r.IntN(12), 1+r.IntN(28))
	}
	instant := func() string {
		return fmt.Sprintf("%sT%02d:%02d:00%s", day(), r.IntN(24), r.IntN(60), pick(r, "Z", "-08:00", "-05:00", "+01:00"))
	}
	b := sub("business")
	switch r.IntN(16) {
	case 0:
		set(sub("consumer"), "residence", pick[any](r, "US-CA", "US-VA", "US-CO", "US-CT", "US-UT", "US-TX", "US-OR",
			"US-NJ", "US-NY", "US-FL", "US-MD", "US-IN", "US-MN", "US-MT", "DE", "FR", "IE", "GB"))
	case 1:
		set(sub("consumer"), "relationship", pick[any](r, nil, "customer", "employee", "job_applicant", "b2b_contact", "contractor"))
	case 2:
		set(b, "annual_revenue_usd", pick[any](r, nil, 0, 1_000_000, 25_000_000, 26_625_000, 30_000_000, 1e9))
	case 3:
		set(b, "consumers_per_year", pick[any](r, nil, 0, 10_000, 35_000, 100_000, 175_000, 1_000_000))
	case 4:
		set(b, "consumers_or_households_bought_sold_or_shared_per_year", pick[any](r, nil, 0, 25_000, 100_000, 1_000_000))
	case 5:
		set(b, "revenue_share_from_sale", pick[any](r, nil, 0, 0.2, 0.25, 0.5, 0.6))
	case 6:
		k := pick(r, "sells_or_shares", "processes_sensitive_data", "sba_small_business", "eu_establishment", "targets_eu")
		set(b, k, pick[any](r, nil, true, false))
	case 7:
		set(b, "exemptions", pick[any](r, nil, []any{}, []any{"nonprofit"}, []any{"glba_financial_institution"}))
	case 8:
		set(b, "eu_member_state", pick[any](r, nil, "DE", "FR", "IE"))
	case 9:
		set(b, "time_zone", pick[any](r, nil, "America/Los_Angeles", "America/New_York", "Europe/Berlin", "UTC"))
	case 10:
		doc["received_at"] = pick(r, instant(), day())
	case 11:
		set(doc, "as_of", pick[any](r, nil, instant()))
	case 12:
		doc["id"] = "r-" + strconv.Itoa(r.IntN(1000))
	case 13:
		set(b, "calendar", pick[any](r, nil, "US", "US-CA", "weekends"))
	case 14:
		if doc["kind"] == KindOptOut {
			set(doc, "signal", pick[any](r, nil, "gpc"))
		}
	case 15:
		set(sub("consumer"), "birth_date", pick[any](r, nil, "2012-06-01", "2009-03-15", "1980-01-01"))
	}
}

// decideBoth decides a request with and without the memo: the decision
// (or the error) must be the same, byte for byte.
func decideBoth(t *testing.T, memo, plain *Engine, req []byte) {
	t.Helper()
	ctx := context.Background()
	want, wantErr := plain.Decide(ctx, req)
	got, gotErr := memo.Decide(ctx, req)
	if wantErr != nil {
		require.EqualError(t, gotErr, wantErr.Error(), "%s", req)
		return
	}
	require.NoError(t, gotErr, "%s", req)
	require.Equal(t, string(want), string(got), "%s", req)
}

// diffCount is how many random requests a differential test draws: n, or
// DSRKIT_DIFF_N (100000 for the full run).
func diffCount(t *testing.T, n int) int {
	if s := os.Getenv("DSRKIT_DIFF_N"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(t, err)
		return n
	}
	return n
}

// The memos and the fold against plain evaluation of the same policy (no
// fold, no memo): every golden request, then the same with another id and
// a later as_of the same day (a miss, then a hit of the decision memo);
// each golden request three times through the applicability memo alone (a
// first sighting, evaluated plainly with the fold; the second, kept; the
// third, a hit); and random ones of every kind (DSRKIT_DIFF_N=100000 for the
// full run; CI runs 200, -short 50), on a memo small enough to evict, from
// two goroutines.
func TestMemoDifferentialAgainstPlainEvaluation(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	memo, err := New(ctx, WithMemo(64))
	require.NoError(t, err)
	plain, err := New(ctx, WithoutMemo())
	require.NoError(t, err)
	applicability, err := New(ctx, WithMemo(64))
	require.NoError(t, err)
	applicability.cur.Load().decided = nil // the applicability memo alone
	require.NotNil(t, memo.cur.Load().memo)
	require.NotEmpty(t, memo.cur.Load().folds)
	require.Nil(t, plain.cur.Load().memo)
	require.Empty(t, plain.cur.Load().folds)
	for name, req := range goldenRequests(t) {
		t.Run(name, func(t *testing.T) {
			decideBoth(t, memo, plain, req)
			decideBoth(t, memo, plain, anotherPageView(t, req, name+"-again"))
			for range 3 {
				decideBoth(t, applicability, plain, req)
			}
		})
	}
	n := 200
	if testing.Short() { // the check of an edited policy: its golden corpus above, and a few random requests
		n = 50
	}
	reqs := randomRequests(t, 1, diffCount(t, n))
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := w; i < len(reqs); i += 2 {
				decideBoth(t, memo, plain, reqs[i])
			}
		})
	}
	wg.Wait()
}

// Soundness of the key: two requests with the same key get the same
// applicability, evaluated in full. Pairs are a random request and the
// same with one more fact redrawn; those whose key did not change are
// checked (at least a quarter of them: the redrawn fact is often outside
// the key).
func TestMemoKeySoundness(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	eng, err := New(ctx)
	require.NoError(t, err)
	p := eng.cur.Load()

	pairs := redrawnPairs(t, 2, 3, diffCount(t, 400))
	checked := 0
	for _, pair := range pairs {
		req, b2 := pair[0], pair[1]
		a, aerr := eng.validate(req, nil)
		b, berr := eng.validate(b2, nil)
		if aerr != nil || berr != nil {
			continue
		}
		ka, va := memoKeyAndValues(t, p, a)
		kb, vb := memoKeyAndValues(t, p, b)
		if ka != kb {
			continue
		}
		checked++
		require.Equal(t, va, vb, "same key %q, different applicability:\n%s\n%s", ka, req, b2)
	}
	t.Logf("%d of %d pairs had the same key", checked, len(pairs))
	require.Greater(t, checked, len(pairs)/4)
}

// redrawnPairs are n random requests (randomRequests with reqSeed), each
// with the same request with one more fact redrawn (mutate, from seed).
func redrawnPairs(t *testing.T, seed, reqSeed uint64, n int) [][2][]byte {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 16))
	reqs := randomRequests(t, reqSeed, n)
	out := make([][2][]byte, len(reqs))
	for i, req := range reqs {
		var doc map[string]any
		require.NoError(t, json.Unmarshal(req, &doc))
		mutate(r, doc)
		b, err := json.Marshal(doc)
		require.NoError(t, err)
		out[i] = [2][]byte{req, b}
	}
	return out
}

func memoKeyAndValues(t *testing.T, p *compiled, doc map[string]any) (string, string) {
	t.Helper()
	require.NoError(t, applyPlaybook(p.playbook, doc))
	v, err := p.input(doc)
	require.NoError(t, err)
	key, err := p.memo.keyOf(context.Background(), doc, v)
	require.NoError(t, err)
	values, err := p.memo.evaluate(context.Background(), v)
	require.NoError(t, err)
	if values == nil {
		return key, "(undefined)"
	}
	return key, values.String()
}

// Reload builds a new memo: a decision after it is the new policy's even
// for a request whose key the old memo holds.
func TestMemoIsInvalidatedByReload(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	eng, err := New(ctx)
	require.NoError(t, err)
	req, err := os.ReadFile("testdata/hotpath/gpc-opt-out.json")
	require.NoError(t, err)
	before, err := eng.Decide(ctx, req)
	require.NoError(t, err)
	require.Contains(t, string(before), "CCPA applies on 2026-12-18")
	edited := embeddedWithEdit(t, "applicability/applicability.rego",
		`msg := sprintf("%s applies on %s: in force`, `msg := sprintf("%s is in force on %s: in force`)
	require.NoError(t, eng.Reload(ctx, WithFS(edited), WithRegoTests(false))) // the edit breaks the tests on that text
	after, err := eng.Decide(ctx, req)
	require.NoError(t, err)
	assert.Contains(t, string(after), "CCPA is in force on 2026-12-18")
	assert.NotContains(t, string(after), "CCPA applies on 2026-12-18")
}

// Concurrent decisions share the memo (run under -race in CI): four
// goroutines decide the same requests on a memo small enough to evict
// while others read it, and each decision is the plain one.
func TestMemoConcurrentDecisions(t *testing.T) {
	ctx := context.Background()
	memo, err := New(ctx, WithMemo(4))
	require.NoError(t, err)
	plain, err := New(ctx, WithoutMemo())
	require.NoError(t, err)
	reqs := randomRequests(t, 4, 8)
	want := make([]string, len(reqs))
	for i, req := range reqs {
		out, err := plain.Decide(ctx, req)
		if err != nil {
			out = []byte(err.Error())
		}
		want[i] = string(out)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for k := range reqs {
				i := (k + 2*w) % len(reqs)
				out, err := memo.Decide(ctx, reqs[i])
				if err != nil {
					out = []byte(err.Error())
				}
				assert.Equal(t, want[i], string(out))
			}
		})
	}
	wg.Wait()
}

// A decision whose laws[] is not the results rule as it is (here: only the
// laws that apply) is written as the policy gave it, not from the memo's
// checked copy.
func TestMemoSplicesLawsOnlyWhenTheyAreTheResults(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	fsys := embeddedWithEdit(t, "opt_out/opt_out.rego", `"laws": applicability.results,`,
		`"laws": [r | some r in applicability.results; r.applies],`)
	memo, err := New(ctx, WithFS(fsys), WithRegoTests(false))
	require.NoError(t, err)
	plain, err := New(ctx, WithFS(fsys), WithRegoTests(false), WithoutMemo())
	require.NoError(t, err)
	req, err := os.ReadFile("testdata/hotpath/gpc-opt-out.json")
	require.NoError(t, err)
	for range 2 {
		decideBoth(t, memo, plain, req)
	}
	out, err := memo.Decide(ctx, req)
	require.NoError(t, err)
	var d struct{ Laws []struct{ Law string } }
	require.NoError(t, json.Unmarshal(out, &d))
	require.Len(t, d.Laws, 1)
	assert.Equal(t, "CCPA", d.Laws[0].Law)
}

// A key is kept the second time it comes: the first sighting is evaluated
// plainly and only noted; the second fills the memo; the third is a hit.
func TestMemoKeepsAKeyTheSecondTimeItComes(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	eng, err := New(ctx)
	require.NoError(t, err)
	p := eng.cur.Load()
	p.decided = nil // the applicability memo alone
	req, err := os.ReadFile("testdata/hotpath/gpc-opt-out.json")
	require.NoError(t, err)
	var outs []string
	for _, want := range []int{0, 1, 1} {
		out, err := eng.Decide(ctx, req)
		require.NoError(t, err)
		outs = append(outs, string(out))
		assert.Equal(t, want, p.memo.cache.Len(), "after decision %d", len(outs))
		assert.Equal(t, 1-want, p.memo.seen.Len(), "after decision %d", len(outs))
	}
	assert.Equal(t, outs[0], outs[1])
	assert.Equal(t, outs[0], outs[2])
}
