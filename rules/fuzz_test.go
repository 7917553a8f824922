package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/dsrkit/dsrkit/calendar"
)

// hasAlias reports whether src parses as YAML with an alias node in it.
func hasAlias(src []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil {
		return false
	}
	found := false
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if found || depth > 100 {
			return
		}
		if n.Kind == yaml.AliasNode {
			found = true
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(&doc, 0)
	return found
}

// FuzzPlaybookLoad: any source either loads or yields a *LoadError; never
// a panic. A playbook that loads holds no YAML alias, and evaluates an item
// without panicking into claims whose until, if any, is a YYYY-MM-DD date.
func FuzzPlaybookLoad(f *testing.F) {
	f.Add(defaultYAML)
	f.Add([]byte(aliasBomb()))
	files, _ := filepath.Glob("testdata/*.*")
	bad, _ := filepath.Glob("testdata/bad/*")
	for _, name := range append(files, bad...) {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	item := map[string]any{"category": "tax_record", "legal_hold": true, "attributes": map[string]any{"tax_year_end": "2020-01-01"}}
	asOf, _ := calendar.Parse("2026-03-20")
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Parse("fuzz.yaml", src)
		if err != nil {
			if _, ok := err.(*LoadError); !ok {
				t.Fatalf("not a *LoadError: %T %v", err, err)
			}
			return
		}
		if bytes.Contains(src, []byte("*")) && bytes.Contains(src, []byte("&")) && hasAlias(src) {
			t.Fatalf("a playbook with a YAML alias loaded")
		}
		_ = p.Settings()
		for _, c := range p.Claims(item, nil, asOf) {
			if c.Until == "" {
				continue
			}
			if d, err := calendar.Parse(c.Until); err != nil || calendar.Format(d) != c.Until {
				t.Fatalf("claim %+v: until %q is not a YYYY-MM-DD date", c, c.Until)
			}
		}
	})
}

// FuzzDefaultClaims: whatever the attributes, the default playbook's claims
// are well formed: an error, or an until that is a date on or after as_of.
func FuzzDefaultClaims(f *testing.F) {
	f.Add("tax_record", "2019-12-31", "open", "2026-12-30", int64(0))
	f.Add("order", "", "fulfilled", "2026-03-19", int64(400))
	f.Add("warranty", "2024-02-29", "closed", "2026-02-30", int64(-3))
	p := Default()
	f.Fuzz(func(t *testing.T, category, taxYearEnd, status, expires string, offset int64) {
		item := map[string]any{"category": category, "attributes": map[string]any{
			"tax_year_end": taxYearEnd, "order_status": status, "investigation_status": status, "warranty_expires": expires,
		}}
		asOf, _ := calendar.Parse("2026-03-20")
		asOf += calendar.Date(offset % 100_000)
		for _, c := range p.Claims(item, nil, asOf) {
			if c.Rule == "" || c.Basis == "" {
				t.Fatalf("claim without rule or basis: %+v", c)
			}
			if c.Error != "" || c.Until == "" {
				continue
			}
			until, err := calendar.Parse(c.Until)
			if err != nil || until < asOf {
				t.Fatalf("until %q before as_of %s: %+v", c.Until, calendar.Format(asOf), c)
			}
		}
	})
}
