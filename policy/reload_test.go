package policy_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

// policyEdit changes one file of a policy copy: with old set, the one
// occurrence of old in the file becomes new; with old empty, the file is
// written with new as its whole text (created if need be).
type policyEdit struct{ file, old, new string }

// ccpa46 lengthens the CCPA period to respond to a request to delete from
// 45 to 46 days: the change a legal editor might make.
var ccpa46 = policyEdit{"laws/ccpa.rego",
	`"respond": {"n": 45, "unit": "days", "citation": "Cal. Civ. Code`,
	`"respond": {"n": 46, "unit": "days", "citation": "Cal. Civ. Code`}

// ccpaPinTest is a Rego test that holds when the CCPA period is n days.
func ccpaPinTest(n int) policyEdit {
	return policyEdit{file: "laws/pin_test.rego", new: fmt.Sprintf(
		"package dsrkit.laws.pin_test\n\nimport data.dsrkit.laws.ccpa\n\ntest_ccpa_respond_period if ccpa.law.delete.respond.n == %d\n", n)}
}

// copyEmbeddedPolicy writes the shipped policy into a new temporary
// directory, with its Rego tests only when withTests (the shipped tests pin
// every period, and running them all takes seconds under the race
// detector), and applies the edits.
func copyEmbeddedPolicy(t testing.TB, withTests bool, edits ...policyEdit) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, policy.Embedded()))
	if !withTests {
		require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, "_test.rego") {
				err = os.Remove(p)
			}
			return err
		}))
	}
	editPolicy(t, dir, edits...)
	return dir
}

// editPolicy applies edits to the policy in dir.
func editPolicy(t testing.TB, dir string, edits ...policyEdit) {
	t.Helper()
	for _, e := range edits {
		path := filepath.Join(dir, filepath.FromSlash(e.file))
		text := e.new
		if e.old != "" {
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			require.Equal(t, 1, strings.Count(string(b), e.old), "%s no longer holds %q once: update the test's edit", e.file, e.old)
			text = strings.Replace(string(b), e.old, e.new, 1)
		}
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	}
}

func decideCA(t testing.TB, eng *policy.Engine) string {
	t.Helper()
	out, err := eng.Decide(context.Background(), []byte(caRequest))
	require.NoError(t, err)
	return string(out)
}

func respondBy(t testing.TB, decision string) string {
	t.Helper()
	var d struct {
		Deadlines struct {
			RespondBy string `json:"respond_by"`
		} `json:"deadlines"`
	}
	require.NoError(t, json.Unmarshal([]byte(decision), &d))
	return d.Deadlines.RespondBy
}

// TestReloadWhileDeciding swaps the policy while 1,000 goroutines (200 under
// -race) decide:
// none fails; every decision is, byte for byte, the decision of one of the
// two policies (the digest it carries and its dates agree); a decision
// finished before the swap is the old policy's, one started after it the
// new policy's, and no goroutine meets the old policy after the new one.
//
// A Check holds the compiled and tested candidate until half the
// goroutines have decided, so that the swap itself happens while the other
// half are deciding. How many decisions are in flight at that instant
// depends on the scheduler (it is logged); the assertions hold whatever it
// is.
func TestReloadWhileDeciding(t *testing.T) {
	ctx := context.Background()
	newDir := copyEmbeddedPolicy(t, false, ccpa46, ccpaPinTest(46))
	eng := engine(t)
	oldDecision := decideCA(t, eng)
	fresh, err := policy.New(ctx, policy.WithDir(newDir))
	require.NoError(t, err)
	newDecision := decideCA(t, fresh)
	require.NotEqual(t, respondBy(t, oldDecision), respondBy(t, newDecision), "the period change must show in the decision")
	require.NotEqual(t, eng.Info().Digest, fresh.Info().Digest)

	workers := 1000
	if raceEnabled {
		workers = 200 // a race-checked decision costs ten; the swap is as concurrent
	}
	var (
		candidateReady = make(chan struct{}) // the new policy is compiled and tested, not yet served
		release        = make(chan struct{}) // let Reload swap it in
		swapped        = make(chan struct{}) // Reload has returned
		released       atomic.Bool
		reloadErr      error
	)
	gate := func(ctx context.Context, candidate *policy.Engine) error {
		if candidate.Info() != fresh.Info() {
			return errors.New("the candidate is not the new policy")
		}
		close(candidateReady)
		<-release
		return nil
	}
	go func() {
		defer close(swapped)
		reloadErr = eng.Reload(ctx, policy.WithDir(newDir), policy.WithCheck(gate))
	}()
	select {
	case <-candidateReady:
	case <-swapped:
		require.FailNow(t, "Reload returned before its check ran", "%v", reloadErr)
	}
	require.Equal(t, oldDecision, decideCA(t, eng), "a candidate is not served before it is swapped in")

	var (
		wg                   sync.WaitGroup
		finished, oldN, newN atomic.Int64
		inFlight             atomic.Int64 // decisions started before the swap, finished after it, on the old policy
		halfOnce             sync.Once
		errs                 = make(chan error, 2*workers)
	)
	decide := func(startedAfterSwap bool) string {
		startedBeforeRelease := !released.Load()
		out, err := eng.Decide(ctx, []byte(caRequest))
		doneBeforeRelease := !released.Load()
		switch {
		case err != nil:
			errs <- err
		case string(out) == oldDecision:
			oldN.Add(1)
			if startedBeforeRelease && !doneBeforeRelease {
				inFlight.Add(1)
			}
			if startedAfterSwap {
				errs <- errors.New("a decision started after the swap was made under the old policy")
			}
		case string(out) == newDecision:
			newN.Add(1)
			if doneBeforeRelease {
				errs <- errors.New("a decision finished before the swap was made under the new policy")
			}
		default:
			errs <- fmt.Errorf("a decision of neither policy: %s", out)
		}
		return string(out)
	}
	for i := range workers {
		wg.Go(func() {
			first := decide(false)
			if finished.Add(1) == int64(workers/2) {
				// Swap now, while the other half decide.
				halfOnce.Do(func() {
					released.Store(true)
					close(release)
				})
			}
			<-swapped
			if i%10 != 0 {
				return // a tenth of them decide again once the swap is done: enough, and the race detector is slow
			}
			if second := decide(true); first == newDecision && second != newDecision {
				errs <- errors.New("the old policy after the new one")
			}
		})
	}
	wg.Wait()
	close(errs)
	require.NoError(t, reloadErr)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, fresh.Info(), eng.Info())
	assert.Equal(t, int64(workers+workers/10), oldN.Load()+newN.Load())
	assert.GreaterOrEqual(t, oldN.Load(), int64(workers/2))
	t.Logf("first decisions: %d under the old policy (%d of them in flight at the swap), %d under the new",
		oldN.Load(), inFlight.Load(), newN.Load()-int64(workers/10))
}

var errGoldenChanged = errors.New("a golden decision changed")

// TestReloadRefusesABadPolicy: a policy that does not load, compile or pass
// its own tests or checks is never served; the engine keeps deciding under
// the policy it had, with the same digest.
func TestReloadRefusesABadPolicy(t *testing.T) {
	policy.SkipMachineryWhenShort(t)
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	cases := map[string]struct {
		opts func(t *testing.T) []policy.Option
		want string // in the error
	}{
		"syntax error": {
			opts: func(t *testing.T) []policy.Option {
				return dirOpt(copyEmbeddedPolicy(t, false, policyEdit{file: "laws/draft.rego", new: "package dsrkit.laws.draft\n\nx := {\n"}))
			},
			want: "laws/draft.rego:4:0: rego_parse_error",
		},
		"unsafe variable": {
			opts: func(t *testing.T) []policy.Option {
				return dirOpt(copyEmbeddedPolicy(t, false, policyEdit{file: "laws/draft.rego", new: "package dsrkit.laws.draft\n\nx := y\n"}))
			},
			want: "laws/draft.rego:3:6: rego_unsafe_var_error: var y is unsafe",
		},
		"outside the sandbox": {
			opts: func(t *testing.T) []policy.Option {
				return dirOpt(copyEmbeddedPolicy(t, false, policyEdit{file: "laws/draft.rego", new: "package dsrkit.laws.draft\n\nx := time.now_ns()\n"}))
			},
			want: "time.now_ns is not allowed in a dsrkit policy",
		},
		"a failing Rego test": {
			opts: func(t *testing.T) []policy.Option {
				return dirOpt(copyEmbeddedPolicy(t, false, ccpaPinTest(46)))
			},
			want: "FAIL data.dsrkit.laws.pin_test.test_ccpa_respond_period (laws/pin_test.rego:5)",
		},
		"a Rego test that does not compile": {
			opts: func(t *testing.T) []policy.Option {
				return dirOpt(copyEmbeddedPolicy(t, false, policyEdit{file: "laws/pin_test.rego", new: "package dsrkit.laws.pin_test\n\ntest_x if no_such_function(1)\n"}))
			},
			want: "laws/pin_test.rego:3:11: rego_type_error: undefined function no_such_function",
		},
		"the shipped tests fail on a changed period": {
			opts: func(t *testing.T) []policy.Option {
				return dirOpt(copyEmbeddedPolicy(t, true, ccpa46))
			},
			want: "FAIL data.dsrkit.laws.ccpa_test.",
		},
		"a check refuses it": {
			opts: func(t *testing.T) []policy.Option {
				check := func(ctx context.Context, candidate *policy.Engine) error {
					if got := respondBy(t, decideCA(t, candidate)); got != "2027-01-04" {
						return fmt.Errorf("%w: respond_by %s", errGoldenChanged, got)
					}
					return nil
				}
				return []policy.Option{policy.WithDir(copyEmbeddedPolicy(t, false, ccpa46)), policy.WithCheck(check)}
			},
			want: "a check refused the policy: a golden decision changed: respond_by 2027-01-05",
		},
		"no such directory": {
			opts: func(t *testing.T) []policy.Option { return dirOpt(filepath.Join(t.TempDir(), "missing")) },
			want: "no such file or directory",
		},
		"decides nothing": {
			opts: func(t *testing.T) []policy.Option {
				dir := t.TempDir()
				require.NoError(t, os.WriteFile(filepath.Join(dir, "x.rego"), []byte("package dsrkit.x\n\ny := 1\n"), 0o644))
				return dirOpt(dir)
			},
			want: "the policy decides no request kind",
		},
	}
	eng := engine(t)
	before, beforeDecision := eng.Info(), decideCA(t, eng)
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			err := eng.Reload(context.Background(), c.opts(t)...)
			require.ErrorIs(t, err, policy.ErrPolicy)
			var pe *policy.PolicyError
			require.ErrorAs(t, err, &pe)
			assert.Contains(t, err.Error(), c.want)
			assert.Equal(t, before, eng.Info(), "the old policy still serves")
			assert.Equal(t, beforeDecision, decideCA(t, eng))
		})
	}
	t.Run("the check's own error", func(t *testing.T) {
		err := eng.Reload(context.Background(), cases["a check refuses it"].opts(t)...)
		require.ErrorIs(t, err, errGoldenChanged)
		require.ErrorIs(t, err, policy.ErrPolicy)
	})
}

func dirOpt(dir string) []policy.Option { return []policy.Option{policy.WithDir(dir)} }

// TestReloadServesAGoodPolicy: a policy that compiles and passes its tests
// and checks is served, and later reloads read its source again.
func TestReloadServesAGoodPolicy(t *testing.T) {
	policy.SkipMachineryWhenShort(t)
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	t.Run("its own test passes", func(t *testing.T) {
		eng := engine(t)
		require.NoError(t, eng.Reload(ctx, policy.WithDir(copyEmbeddedPolicy(t, false, ccpa46, ccpaPinTest(46)))))
		assert.Equal(t, "2027-01-05", respondBy(t, decideCA(t, eng)))
		assert.Equal(t, "2026.11.0", eng.Info().Revision, "the copy's .manifest")
	})
	t.Run("without Rego tests, a failing test does not matter", func(t *testing.T) {
		eng := engine(t)
		require.NoError(t, eng.Reload(ctx, policy.WithDir(copyEmbeddedPolicy(t, false, ccpaPinTest(46))), policy.WithRegoTests(false)))
	})
	t.Run("a check sees the candidate off to the side", func(t *testing.T) {
		eng := engine(t)
		live := eng.Info()
		var seen policy.Info
		check := func(ctx context.Context, candidate *policy.Engine) error {
			seen = candidate.Info()
			assert.Equal(t, live, eng.Info(), "the candidate is not served while it is checked")
			assert.Equal(t, "2027-01-05", respondBy(t, decideCA(t, candidate)))
			return nil
		}
		require.NoError(t, eng.Reload(ctx, policy.WithDir(copyEmbeddedPolicy(t, false, ccpa46)), policy.WithCheck(check)))
		assert.Equal(t, seen, eng.Info())
		assert.NotEqual(t, live, eng.Info())
	})
	t.Run("without options, the same directory is read again", func(t *testing.T) {
		dir := copyEmbeddedPolicy(t, false)
		eng, err := policy.New(ctx, policy.WithDir(dir))
		require.NoError(t, err)
		before := eng.Info()
		editPolicy(t, dir, ccpa46)
		require.NoError(t, eng.Reload(ctx))
		assert.NotEqual(t, before.Digest, eng.Info().Digest)
		assert.Equal(t, "2027-01-05", respondBy(t, decideCA(t, eng)))
	})
	t.Run("a cancelled context changes nothing", func(t *testing.T) {
		eng := engine(t)
		before := eng.Info()
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		err := eng.Reload(cctx, policy.WithDir(copyEmbeddedPolicy(t, false, ccpa46)))
		require.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, before, eng.Info())
	})
}
