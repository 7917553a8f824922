package calendar_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/calendar"
)

func TestLoadZone(t *testing.T) {
	la, err := calendar.LoadZone("America/Los_Angeles")
	require.NoError(t, err)
	assert.Equal(t, "America/Los_Angeles", la.String())
	at := time.Date(2026, 7, 1, 12, 0, 0, 0, la)
	_, offset := at.Zone()
	assert.Equal(t, -7*3600, offset)
	again, err := calendar.LoadZone("America/Los_Angeles")
	require.NoError(t, err)
	assert.Same(t, la, again)

	for _, name := range []string{"Europe/Berlin", "UTC", "Etc/GMT+5", "Asia/Kolkata", "US/Pacific", "America/Argentina/Buenos_Aires"} {
		_, err := calendar.LoadZone(name)
		assert.NoError(t, err, name)
	}
	// Names that resolve to the host, or are no zone of the database.
	for _, name := range []string{
		"", "Local", "localtime", "posixrules", "Factory", "right/America/Los_Angeles", "posix/America/Los_Angeles",
		"america/los_angeles", "America/Los Angeles", "/etc/localtime", "../../etc/passwd", "America/../Europe/Berlin",
		"America", "America/", "Mars/Olympus_Mons", "zone1970.tab", "+VERSION",
	} {
		_, err := calendar.LoadZone(name)
		requireCalErr(t, err, calendar.ErrUnknownZone, name)
	}
}

func TestZones(t *testing.T) {
	zones := calendar.Zones()
	assert.Greater(t, len(zones), 500)
	assert.Contains(t, zones, "America/Los_Angeles")
	assert.NotContains(t, zones, "Factory")
	for _, z := range zones {
		assert.False(t, strings.HasPrefix(z, "right/") || strings.HasPrefix(z, "posix/") || z == "localtime" || z == "posixrules", z)
		_, err := calendar.LoadZone(z)
		require.NoError(t, err, z)
	}
}

// TestTZDataVersion: the pinned database is named by its IANA release.
// When it is the very file the Go toolchain ships, the toolchain's
// update.bash says which release that is.
func TestTZDataVersion(t *testing.T) {
	assert.Regexp(t, `^20[0-9]{2}[a-z]$`, calendar.TZDataVersion())
	pinned, err := os.ReadFile("tzdata/zoneinfo.zip")
	require.NoError(t, err)
	goroot, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "lib", "time", "zoneinfo.zip"))
	if err != nil || !bytes.Equal(pinned, goroot) {
		t.Skip("the toolchain ships another zoneinfo.zip")
	}
	script, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "lib", "time", "update.bash"))
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^DATA=(\S+)$`).FindSubmatch(script)
	require.NotNil(t, m)
	assert.Equal(t, string(m[1]), calendar.TZDataVersion())
}

// TestDoctoredZoneinfo: with $ZONEINFO pointing at a tree whose
// America/Los_Angeles holds Tokyo's rules, time.LoadLocation reads the
// fake; calendar does not. The time package reads $ZONEINFO once per
// process, so the check runs in a child process.
func TestDoctoredZoneinfo(t *testing.T) {
	if os.Getenv("DSRKIT_DOCTORED_ZONEINFO") == "1" {
		fake, err := time.LoadLocation("America/Los_Angeles")
		require.NoError(t, err)
		_, offset := time.Date(2026, 3, 9, 6, 30, 0, 0, time.UTC).In(fake).Zone()
		require.Equal(t, 9*3600, offset, "the doctored tree is not read: the test proves nothing")

		got, err := calendar.ReceiptDate("2026-03-09T06:30:00Z", "America/Los_Angeles")
		require.NoError(t, err)
		assert.Equal(t, "2026-03-08", calendar.Format(got))
		fmt.Println("doctored zoneinfo ignored")
		return
	}
	dir := DoctoredZoneinfo(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestDoctoredZoneinfo$", "-test.v")
	cmd.Env = append(os.Environ(), "DSRKIT_DOCTORED_ZONEINFO=1", "ZONEINFO="+dir)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "doctored zoneinfo ignored")
}

// DoctoredZoneinfo writes a zoneinfo tree whose America/Los_Angeles is
// Asia/Tokyo (UTC+9), and returns its directory.
func DoctoredZoneinfo(t testing.TB) string {
	t.Helper()
	r, err := zip.OpenReader("tzdata/zoneinfo.zip")
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

func ExampleLoadZone() {
	la, err := calendar.LoadZone("America/Los_Angeles")
	if err != nil {
		panic(err)
	}
	fmt.Println(time.Date(2026, 3, 9, 6, 30, 0, 0, time.UTC).In(la).Format(time.RFC3339))

	_, err = calendar.LoadZone("localtime") // the host's zone is never a business's zone
	fmt.Println(err)
	// Output:
	// 2026-03-08T23:30:00-07:00
	// calendar: load_zone: "localtime": unknown time zone
}

func ExampleTZDataVersion() {
	fmt.Println(calendar.TZDataVersion())
	// Output: 2025c
}
