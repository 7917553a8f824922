package calendar

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"io"
	"slices"
	"strings"
	"sync"
	"time"
)

// zoneinfo is the IANA time zone database dsrkit reads zones from (see
// tzdata/README.md): pinned, compiled into the binary, never the host's.
//
//go:embed tzdata/zoneinfo.zip
var zoneinfo []byte

// tzdataVersion is the IANA release of tzdata/zoneinfo.zip.
const tzdataVersion = "2025c"

// maxZoneFile bounds what one zone's entry may decompress to (the largest
// in the database is under 4 KiB).
const maxZoneFile = 64 << 10

// TZDataVersion returns the release of the IANA time zone database that
// LoadZone reads, e.g. "2025c".
func TZDataVersion() string { return tzdataVersion }

// tzdb indexes the embedded database by zone name. Factory, the
// database's placeholder for "no zone configured", is not a zone.
var tzdb = sync.OnceValues(func() (map[string]*zip.File, error) {
	r, err := zip.NewReader(bytes.NewReader(zoneinfo), int64(len(zoneinfo)))
	if err != nil {
		return nil, err
	}
	m := make(map[string]*zip.File, len(r.File))
	for _, f := range r.File {
		if f.FileInfo().IsDir() || f.Name == "Factory" {
			continue
		}
		m[f.Name] = f
	}
	return m, nil
})

// Zones returns the names LoadZone accepts, sorted: every zone and link
// of the embedded IANA database (America/Los_Angeles, Europe/Berlin, UTC,
// Etc/GMT+5, and backward-compatible links such as US/Pacific, which read
// the same rules as the zone they name), except Factory.
func Zones() []string {
	db, err := tzdb()
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(db))
	for n := range db {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// loaded caches locations by name: only names of the database are stored,
// so it is bounded by its size. *time.Location is safe for concurrent use.
var loaded sync.Map // string -> *time.Location

// LoadZone returns the time zone name from the IANA database compiled into
// dsrkit (TZDataVersion): never from $ZONEINFO, the host's zoneinfo or the
// host's own zone, unlike time.LoadLocation. Names are exact and
// case-sensitive; names the database does not hold — "Local", "localtime",
// "posixrules", "Factory", "right/…", "posix/…", file paths — fail with
// ErrUnknownZone.
func LoadZone(name string) (*time.Location, error) {
	if v, ok := loaded.Load(name); ok {
		return v.(*time.Location), nil
	}
	fail := func() (*time.Location, error) { return nil, newError("load_zone", name, ErrUnknownZone) }
	db, err := tzdb()
	if err != nil || strings.Contains(name, "..") {
		return fail()
	}
	f, ok := db[name]
	if !ok {
		return fail()
	}
	rc, err := f.Open()
	if err != nil {
		return fail()
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxZoneFile+1))
	if err != nil || len(data) > maxZoneFile {
		return fail()
	}
	loc, err := time.LoadLocationFromTZData(name, data)
	if err != nil {
		return fail()
	}
	v, _ := loaded.LoadOrStore(name, loc)
	return v.(*time.Location), nil
}
