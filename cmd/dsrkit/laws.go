package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dsrkit/dsrkit/policy"
)

var lawsCommand = &command{
	name: "laws", summary: "the matrix of every law in the policy, for counsel's review",
	details: `Prints, for every law of the policy (--policy, default: the embedded
policy), its id, name, date in force, the thresholds and minors' rules in
force on --as-of (default: today, by the clock), the periods of a request
to delete (respond, extended, acknowledge), the appeal (period, extension,
authority), the opt-out period and the date from which the universal
opt-out signal is honoured. A cell that shows a fact the law's data marks
unverified (its "unverified" pointers) ends in '*'; the notes follow the
table. --format text (default), json or md (a Markdown table).`,
	flags: func() *flag.FlagSet { fs, _ := lawsFlagSet(); return fs },
	run:   laws,
}

type lawsFlags struct {
	asOf, format, policyDir string
}

func lawsFlagSet() (*flag.FlagSet, *lawsFlags) {
	f := &lawsFlags{}
	fs := newFlagSet("laws")
	fs.StringVar(&f.asOf, "as-of", "", "the `date` (YYYY-MM-DD) on which thresholds and minors' rules are read (default: today, UTC)")
	fs.StringVar(&f.format, "format", "text", "the output `format`: text, json or md")
	fs.StringVar(&f.policyDir, "policy", "", "the policy: a `directory` or an OPA bundle (.tar.gz) (default: the embedded policy)")
	return fs, f
}

// lawColumns are the matrix's columns, in order.
var lawColumns = []struct{ key, title string }{
	{"id", "ID"}, {"name", "Name"}, {"in_force", "In force from"}, {"thresholds", "Thresholds"},
	{"respond", "Respond"}, {"extended", "Extended"}, {"acknowledge", "Acknowledge"},
	{"appeal", "Appeal"}, {"appeal_extension", "Appeal extension"}, {"appeal_authority", "Appeal authority"},
	{"opt_out", "Opt-out"}, {"signal", "Signal from"}, {"minors", "Minors"},
}

// lawCell is one cell of the matrix.
type lawCell struct {
	Value      string `json:"value"`
	Unverified bool   `json:"unverified,omitempty"`
}

// lawNote is one unverified fact of a law.
type lawNote struct {
	Law     string `json:"law"`
	Pointer string `json:"pointer"`
	Note    string `json:"note"`
}

// lawRow is one law of the matrix.
type lawRow struct {
	Law      string             `json:"law"`
	Position string             `json:"position"`
	Cells    map[string]lawCell `json:"cells"`
}

type lawMatrix struct {
	AsOf  string    `json:"as_of"`
	Laws  []lawRow  `json:"laws"`
	Notes []lawNote `json:"unverified"`
}

// laws runs "laws".
func laws(ctx context.Context, args []string, _ io.Reader, stdout, _ io.Writer) error {
	fs, f := lawsFlagSet()
	pos, err := parseArgs("laws", fs, args, stdout)
	if err != nil {
		if errors.Is(err, errHelped) {
			return nil
		}
		return err
	}
	if len(pos) > 0 {
		return usageError("laws", "takes no arguments")
	}
	if f.asOf == "" {
		f.asOf = time.Now().UTC().Format(time.DateOnly) // the CLI's clock: the library never reads it
	} else if _, err := time.Parse(time.DateOnly, f.asOf); err != nil {
		return usageError("laws", "--as-of: %q is not a date (YYYY-MM-DD)", f.asOf)
	}
	if f.format != "text" && f.format != "json" && f.format != "md" {
		return usageError("laws", "--format: %q is not text, json or md", f.format)
	}
	eng, err := newEngine(ctx, f.policyDir, "")
	if err != nil {
		return err
	}
	ls, err := eng.LawData(ctx)
	if err != nil {
		return err
	}
	m := lawMatrixOf(ls, f.asOf)
	switch f.format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	case "md":
		return writeLawsMD(stdout, m)
	}
	return writeLawsText(stdout, m)
}

// lawMatrixOf builds the matrix of laws as of a date.
func lawMatrixOf(ls []policy.Law, asOf string) lawMatrix {
	m := lawMatrix{AsOf: asOf, Laws: []lawRow{}, Notes: []lawNote{}}
	for _, l := range ls {
		d := l.Data
		var pointers []string
		for _, u := range jsonList(d["unverified"]) {
			u := jsonObj(u)
			p, _ := u["pointer"].(string)
			n, _ := u["note"].(string)
			pointers = append(pointers, p)
			m.Notes = append(m.Notes, lawNote{Law: l.ID, Pointer: p, Note: n})
		}
		row := lawRow{Law: l.ID, Position: l.Position, Cells: map[string]lawCell{}}
		cell := func(key, value string, paths ...string) {
			c := lawCell{Value: value}
			for _, p := range paths {
				for _, u := range pointers {
					if under(p, u) || under(u, p) {
						c.Unverified = true
					}
				}
			}
			row.Cells[key] = c
		}
		cell("id", l.ID, "/id")
		cell("name", jsonStr(d["name"]), "/name")
		inForce := jsonObj(d["in_force"])
		v := jsonStr(inForce["from"])
		if u := jsonStr(inForce["until"]); u != "" {
			v += " until " + u
		}
		cell("in_force", v, "/in_force/from", "/in_force/until")

		var alts, paths []string
		for i, a := range jsonList(jsonObj(d["thresholds"])["any"]) {
			if a := jsonObj(a); inForceOn(a, asOf) {
				alts = append(alts, alternative(a))
				paths = append(paths, fmt.Sprintf("/thresholds/any/%d", i))
			}
		}
		if _, ok := d["thresholds"]; !ok {
			alts = []string{"none"}
		}
		cell("thresholds", strings.Join(alts, " or "), paths...)

		del := jsonObj(d["delete"])
		cell("respond", period(del["respond"]), "/delete/respond")
		cell("extended", period(del["extended"]), "/delete/extended")
		cell("acknowledge", period(del["acknowledge"]), "/delete/acknowledge")
		appeal := jsonObj(del["appeal"])
		cell("appeal", period(del["appeal"]), "/delete/appeal/n", "/delete/appeal/unit")
		cell("appeal_extension", period(appeal["extension"]), "/delete/appeal/extension")
		cell("appeal_authority", orDash(jsonStr(jsonObj(appeal["authority"])["name"])), "/delete/appeal/authority")
		optOut := jsonObj(d["opt_out"])
		cell("opt_out", period(optOut["comply"]), "/opt_out/comply")
		signal := "-"
		if s, ok := optOut["signal"]; ok {
			signal = orDash(jsonStr(jsonObj(s)["from"]))
			if signal == "-" {
				signal = "yes (no start date)"
			}
		}
		cell("signal", signal, "/opt_out/signal")

		var minors []string
		paths = nil
		for i, r := range jsonList(d["minors"]) {
			if r := jsonObj(r); inForceOn(r, asOf) {
				minors = append(minors, minor(r))
				paths = append(paths, fmt.Sprintf("/minors/%d", i))
			}
		}
		cell("minors", orDash(strings.Join(minors, "; ")), paths...)
		m.Laws = append(m.Laws, row)
	}
	return m
}

// under reports whether JSON pointer p is u or within it.
func under(p, u string) bool { return p == u || strings.HasPrefix(p, u+"/") }

// inForceOn reports whether an entry with optional from/until is in force
// on date (from inclusive, until exclusive).
func inForceOn(e map[string]any, date string) bool {
	if f := jsonStr(e["from"]); f != "" && date < f {
		return false
	}
	if u := jsonStr(e["until"]); u != "" && date >= u {
		return false
	}
	return true
}

// alternative is a threshold alternative for a person.
func alternative(a map[string]any) string {
	var conds []string
	for _, c := range jsonList(a["all"]) {
		c := jsonObj(c)
		conds = append(conds, fmt.Sprintf("%s %s %v", jsonStr(c["fact"]), jsonStr(c["op"]), c["value"]))
	}
	if n := jsonStr(a["note"]); n != "" && len(conds) == 0 {
		conds = append(conds, n)
	}
	s := strings.Join(conds, " and ")
	if len(conds) > 1 {
		s = "(" + s + ")"
	}
	return s
}

// period is a period of the law's data for a person; "-" when absent.
func period(v any) string {
	p, ok := v.(map[string]any)
	if !ok {
		return "-"
	}
	unit := jsonStr(p["unit"])
	if unit == "as_soon_as_feasible" {
		s := "as soon as feasible"
		if ob := jsonObj(p["outer_bound"]); ob != nil {
			s += fmt.Sprintf(" (at most %v %s)", ob["n"], unitText(jsonStr(ob["unit"])))
		}
		return s
	}
	if unit == "" {
		return "-"
	}
	return fmt.Sprintf("%v %s", p["n"], unitText(unit))
}

func unitText(u string) string { return strings.ReplaceAll(u, "_", " ") }

// minor is a minors' rule for a person.
func minor(r map[string]any) string {
	ages := fmt.Sprintf("under %v", r["under_age"])
	if fa, ok := r["from_age"]; ok {
		ages = fmt.Sprintf("%v–%v", fa, jsonSub(r["under_age"], 1))
	}
	var scope []string
	for _, s := range jsonList(r["scope"]) {
		scope = append(scope, jsonStr(s))
	}
	return fmt.Sprintf("%s: %s (%s)", ages, strings.ReplaceAll(jsonStr(r["rule"]), "_", " "), strings.Join(scope, ", "))
}

// jsonSub is n-k for a decoded JSON integer; n itself when not a number.
func jsonSub(n any, k int64) any {
	switch n := n.(type) {
	case json.Number:
		if i, err := n.Int64(); err == nil {
			return i - k
		}
	case float64:
		return n - float64(k)
	case int:
		return int64(n) - k
	case int64:
		return n - k
	}
	return n
}

func jsonObj(v any) map[string]any { m, _ := v.(map[string]any); return m }
func jsonList(v any) []any         { l, _ := v.([]any); return l }
func jsonStr(v any) string         { s, _ := v.(string); return s }

func (c lawCell) String() string {
	if c.Unverified {
		return c.Value + " *"
	}
	return c.Value
}

// writeLawsText writes the matrix as an aligned text table.
func writeLawsText(w io.Writer, m lawMatrix) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "Laws of the policy as of %s (* unverified: see the notes below)\n\n", m.AsOf)
	var head []string
	for _, c := range lawColumns {
		head = append(head, c.title)
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range m.Laws {
		var cells []string
		for _, c := range lawColumns {
			cells = append(cells, r.Cells[c.key].String())
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return writeLawNotes(w, m, "")
}

// writeLawsMD writes the matrix as a Markdown table.
func writeLawsMD(w io.Writer, m lawMatrix) error {
	fmt.Fprintf(w, "Laws of the policy as of %s (\\* unverified: see the notes below)\n\n", m.AsOf)
	var head, rule []string
	for _, c := range lawColumns {
		head = append(head, c.title)
		rule = append(rule, "---")
	}
	fmt.Fprintf(w, "| %s |\n| %s |\n", strings.Join(head, " | "), strings.Join(rule, " | "))
	for _, r := range m.Laws {
		var cells []string
		for _, c := range lawColumns {
			s := strings.ReplaceAll(r.Cells[c.key].String(), "|", `\|`)
			cells = append(cells, strings.ReplaceAll(s, "*", `\*`))
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
	return writeLawNotes(w, m, "- ")
}

// writeLawNotes lists every unverified fact below the table.
func writeLawNotes(w io.Writer, m lawMatrix, bullet string) error {
	if len(m.Notes) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\nUnverified facts:\n\n")
	for _, n := range m.Notes {
		if _, err := fmt.Fprintf(w, "%s* %s %s: %s\n", bullet, n.Law, n.Pointer, n.Note); err != nil {
			return err
		}
	}
	return nil
}
