package policy

import (
	"context"
	"io/fs"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func foldedOf(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	src, err := (&config{fsys: fsys, name: "test"}).load(false)
	require.NoError(t, err)
	c, err := compile(src)
	require.NoError(t, err)
	var out []string
	for _, r := range foldable(newAnalysis(c)) {
		out = append(out, r.String())
	}
	return out
}

// What the engine evaluates once is found in the policy: the rules that do
// not read the request and are read, by name, where the request is read.
// Not a rule that reads the request, not a function, not a rule written as
// its value; and a legal editor who makes a folded rule read the request
// takes it out of the fold.
func TestFoldIsDerivedFromThePolicy(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	shipped := foldedOf(t, Embedded())
	for _, ref := range []string{
		"data.dsrkit.applicability.laws",         // gathers the law data by id
		"data.dsrkit.applicability.fixed",        // the texts of the fixed territories
		"data.dsrkit.applicability.not_resident", // the reason, but for its message
	} {
		assert.Contains(t, shipped, ref)
	}
	for _, ref := range []string{
		"data.dsrkit.applicability.outside",  // reads the residence
		"data.dsrkit.applicability.results",  // reads the request
		"data.dsrkit.applicability.alt_text", // a function
		"data.dsrkit.opt_out.verb",           // written as its value
		"data.dsrkit.laws.ccpa.law",          // read by a computed name only
	} {
		assert.NotContains(t, shipped, ref)
	}

	edited := foldedOf(t, embeddedWithEdit(t, "applicability/applicability.rego",
		`fixed_ids := object.keys(fixed)`,
		`fixed_ids := {id | some id, _ in fixed; not input.consumer.deceased}`))
	assert.NotContains(t, edited, "data.dsrkit.applicability.fixed_ids")
	assert.Contains(t, edited, "data.dsrkit.applicability.fixed")
}

// A fold that takes longer than foldTimeout is given up: nothing is folded
// (the policy is evaluated plainly, and the smoke corpus then refuses a
// policy that slow).
func TestFoldGivesUpOnASlowPolicy(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	defer func(d time.Duration) { foldTimeout = d }(foldTimeout)
	foldTimeout = 100 * time.Millisecond
	fsys := embeddedWithEdit(t, "applicability/applicability.rego",
		`fixed_ids := object.keys(fixed)`,
		`fixed_ids := {id | some id, _ in fixed; slowdown == 0}

slow_chars := split(sprintf("%0300d", [0]), "")

slowdown := count([1 | some i in slow_chars; some j in slow_chars; some k in slow_chars; concat("", [i, j, k]) == "x"])`)
	src, err := (&config{fsys: fsys, name: "test"}).load(false)
	require.NoError(t, err)
	c, err := compile(src)
	require.NoError(t, err)
	require.Contains(t, foldedOf(t, fsys), "data.dsrkit.applicability.fixed_ids")
	start := time.Now()
	folds, _, err := fold(context.Background(), newAnalysis(c), inmem.NewFromObject(src.Data))
	require.NoError(t, err)
	assert.Empty(t, folds)
	assert.Less(t, time.Since(start), 5*time.Second)
}

// The folds laid over a query are those it can reach: each with costs
// every evaluation a little.
func TestFoldsAreLaidWhereTheyAreRead(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	src, err := (&config{fsys: Embedded(), name: "embedded"}).load(false)
	require.NoError(t, err)
	c, err := compile(src)
	require.NoError(t, err)
	folds, _, err := fold(context.Background(), newAnalysis(c), inmem.NewFromObject(src.Data))
	require.NoError(t, err)
	targets := func(kind string) []string {
		body, err := newFolder(newAnalysis(c), folds).body(entrypoints[kind])
		require.NoError(t, err)
		var out []string
		for _, w := range body[0].With {
			out = append(out, w.Target.String())
		}
		return out
	}
	assert.Contains(t, targets(KindDelete), "data.dsrkit.items.exceptions")
	assert.NotContains(t, targets(KindOptOut), "data.dsrkit.items.exceptions")
	assert.Contains(t, targets(KindOptOut), "data.dsrkit.applicability.fixed")
	assert.Less(t, len(targets(KindOptOut)), len(folds))
}
