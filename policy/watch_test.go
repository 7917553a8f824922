package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

// watchResults starts watching path for eng and returns the channel on
// which every reload's result arrives.
func watchResults(t *testing.T, eng *policy.Engine, path string) <-chan error {
	t.Helper()
	results := make(chan error, 1000)
	w, err := policy.Watch(context.Background(), eng, path, func(err error) {
		select {
		case results <- err:
		default: // the test has stopped listening
		}
	})
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, w.Close()) })
	return results
}

// awaitReload waits, up to a deadline, for a reload whose result satisfies
// ok.
func awaitReload(t *testing.T, results <-chan error, what string, ok func(error) bool) {
	t.Helper()
	deadline := time.After(time.Minute)
	for {
		select {
		case err := <-results:
			if ok(err) {
				return
			}
			t.Logf("reload while waiting for %s: %v", what, err)
		case <-deadline:
			require.FailNow(t, "no reload in time", what)
		}
	}
}

// TestWatchDirectory: saving a broken file reloads, fails and leaves the
// policy serving; fixing it reloads the new policy; so does a file in a new
// subdirectory.
func TestWatchDirectory(t *testing.T) {
	policy.SkipMachineryWhenShort(t)
	ctx := context.Background()
	dir := copyEmbeddedPolicy(t, false)
	eng, err := policy.New(ctx, policy.WithDir(dir))
	require.NoError(t, err)
	before := eng.Info()
	results := watchResults(t, eng, dir)

	editPolicy(t, dir, policyEdit{file: "laws/draft.rego", new: "package dsrkit.laws.draft\n\nx := {\n"})
	awaitReload(t, results, "a refused reload", func(err error) bool { return err != nil })
	assert.Equal(t, before, eng.Info(), "a broken policy is never served")

	want := copyEmbeddedPolicy(t, false, ccpa46)
	wantEng, err := policy.New(ctx, policy.WithDir(want))
	require.NoError(t, err)
	require.NoError(t, os.Remove(filepath.Join(dir, "laws", "draft.rego")))
	editPolicy(t, dir, ccpa46)
	awaitReload(t, results, "the fixed policy", func(err error) bool { return err == nil && eng.Info() == wantEng.Info() })
	assert.Equal(t, "2027-01-05", respondBy(t, decideCA(t, eng)))

	served := eng.Info()
	editPolicy(t, dir, policyEdit{file: "extra/more/extra.rego", new: "package dsrkit.extra\n\nx := 1\n"})
	awaitReload(t, results, "a module in a new directory", func(err error) bool { return err == nil && eng.Info() != served })
}

// TestWatchBundle: a bundle replaced by a rename is reloaded, with the new
// bundle's revision.
func TestWatchBundle(t *testing.T) {
	policy.SkipMachineryWhenShort(t)
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "policy.tar.gz")
	require.NoError(t, os.Rename(writeBundle(t, policy.Embedded(), manifest("one", "dsrkit")), path))
	eng, err := policy.New(ctx, policy.WithDir(path), policy.WithRegoTests(false))
	require.NoError(t, err)
	require.Equal(t, "one", eng.Info().Revision)
	results := watchResults(t, eng, path)

	require.NoError(t, os.Rename(writeBundle(t, policy.Embedded(), manifest("two", "dsrkit")), path))
	awaitReload(t, results, "revision two", func(err error) bool { return err == nil && eng.Info().Revision == "two" })
	assert.Contains(t, decideCA(t, eng), `"revision":"two"`)
}

func TestWatchMissingPath(t *testing.T) {
	_, err := policy.Watch(context.Background(), engine(t), filepath.Join(t.TempDir(), "missing"), nil)
	require.ErrorIs(t, err, os.ErrNotExist)
}
