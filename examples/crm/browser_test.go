package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// artifacts is where the browser test leaves its screenshots (gitignored).
const artifacts = "testdata/artifacts"

// chromium finds a Chromium to drive: $DSRKIT_CHROMIUM, else chromium on
// the PATH. Without one the test is skipped, unless $CI is set: in CI a
// missing browser is a failure, not a skip.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("DSRKIT_CHROMIUM"), "chromium", "chromium-browser"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no chromium found and CI is set: install it (apt-get install -y chromium) or set DSRKIT_CHROMIUM")
	}
	t.Skip("no chromium found (apt-get install -y chromium, or set DSRKIT_CHROMIUM); with CI set this fails")
	return ""
}

// browser starts a headless Chromium with a fresh profile and returns a
// context driving one tab.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox, // as root in a container
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(t.Context(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(cancelTab)
	// The first Run starts the browser for the life of its context: no
	// timeout on that one (chromedp.Run's rule), one on the actions after.
	_, err := chromedp.Run(ctx, chromedp.Evaluate[int]("1"))
	require.NoError(t, err, "starting chromium")
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// screenshot saves a full-page PNG under artifacts and logs its path.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(artifacts, 0o755))
	path := filepath.Join(artifacts, name)
	require.NoError(t, os.WriteFile(path, png, 0o644))
	abs, _ := filepath.Abs(path)
	t.Logf("screenshot: %s (%d bytes)", abs, len(png))
}

// inTab runs one action that gives a value, failing the test on an error.
func inTab[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	require.NoError(t, err)
	return v
}

// The team's page in a real browser, against a seeded database: the open
// requests in their order, the month's chart, a click through to one
// request's timeline; screenshots in testdata/artifacts.
func TestTeamViewInBrowser(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t, teamClock)
	seedCases(t, f, teamCases...)

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(f.srv.URL+"/?as_of="+teamAsOf),
		chromedp.WaitVisible(chromedp.CSS("#requests")),
	))
	assert.Equal(t, "Team view · privacy requests", inTab(t, ctx, chromedp.Title()))
	assert.Equal(t, teamAsOf, inTab(t, ctx, chromedp.Text(chromedp.CSS("#as-of"))))
	rows := inTab(t, ctx, chromedp.Evaluate[[][]string](`Array.from(document.querySelectorAll('#requests tbody tr')).map(r =>
		[r.dataset.requestId, r.dataset.status, r.dataset.due])`))
	assert.Equal(t, wantTeamRows, rows)
	bars := inTab(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('.dsrkit-charts svg rect title')).map(t => t.textContent)`))
	assert.Equal(t, wantTeamBars, bars)
	// the overdue and at-risk rows are coloured: their cells' backgrounds differ from an open row's
	backgrounds := inTab(t, ctx, chromedp.Evaluate[map[string]string](`Object.fromEntries(['overdue', 'at_risk', 'open'].map(s =>
		[s, getComputedStyle(document.querySelector('#requests tr.' + s + ' td')).backgroundColor]))`))
	assert.Equal(t, map[string]string{"overdue": "rgb(254, 243, 242)", "at_risk": "rgb(255, 250, 235)", "open": "rgba(0, 0, 0, 0)"}, backgrounds)
	screenshot(t, ctx, "team-view.png")

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`tr[data-request-id="events-late-confirmation"] a`)),
		chromedp.WaitVisible(chromedp.CSS("#timeline")),
	))
	assert.Equal(t, "events-late-confirmation", inTab(t, ctx, chromedp.Text(chromedp.CSS("#request-id"))))
	assert.Equal(t, "at risk", inTab(t, ctx, chromedp.Text(chromedp.CSS("#status"))))
	timeline := inTab(t, ctx, chromedp.Evaluate[[][]string](`Array.from(document.querySelectorAll('#timeline tbody tr')).map(r =>
		Array.from(r.cells).map(c => c.textContent))`))
	assert.Contains(t, timeline, []string{"2026-03-16", "acknowledge by", "CCPA",
		"2026-03-02 + 10 business days on calendar common(US,US-CA)", "Cal. Code Regs. tit. 11, § 7021(a)"})
	assert.Contains(t, timeline, []string{"2026-04-16", "respond by", "CCPA",
		"2026-03-02 + 45 calendar days", "Cal. Civ. Code § 1798.130(a)(2)(A); Cal. Code Regs. tit. 11, § 7021(b)"})
	screenshot(t, ctx, "request-view.png")
}
