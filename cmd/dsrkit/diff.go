package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/dsrkit/dsrkit/policy"
)

// ignoredInDiff are the decision fields that name the policy rather than
// decide anything: they differ whenever the policies do.
var ignoredInDiff = []string{"/policy/digest", "/policy/revision"}

// diff runs "diff": it decides every request of a corpus under two
// policies and prints, per request, each decision field that changed (a
// JSON pointer, the old value → the new value), then a summary line.
//
// The corpus is a directory: its *.json files, and the request.json of
// each of its subdirectories (testdata/cases/<name>/request.json). as_of
// comes from --as-of, else the request, else the clock, and is the same
// for both policies.
//
// It exits 0 when no decision changed, 1 when some did, and 2 when it could
// not compare: invalid usage, an unreadable corpus, an invalid request, or
// a policy that fails to load or to decide a request (as diff(1) does:
// trouble wins over differences, and everything found is still printed).
func diff(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, f := diffFlagSet()
	pos, err := parseArgs("diff", fs, args, stdout)
	switch {
	case errors.Is(err, errHelped):
		return nil
	case err != nil:
		return err
	case len(pos) != 1:
		return usageError("diff", "give one corpus directory")
	}
	files, err := corpusFiles(pos[0])
	if err != nil {
		return &exitError{code: exitInvalid, msg: "dsrkit diff: " + err.Error()}
	}
	oldEng, err := newEngine(ctx, f.old, "")
	if err != nil {
		return &exitError{code: exitInvalid, msg: "dsrkit diff: --old: " + err.Error()}
	}
	newEng, err := newEngine(ctx, f.new, "")
	if err != nil {
		return &exitError{code: exitInvalid, msg: "dsrkit diff: --new: " + err.Error()}
	}

	var changed, invalid, failed int
	for _, file := range files {
		name, _ := filepath.Rel(pos[0], file)
		name = filepath.ToSlash(name)
		req, err := os.ReadFile(file)
		if err != nil {
			return &exitError{code: exitInvalid, msg: "dsrkit diff: " + err.Error()}
		}
		opts := f.decideFlags.options() // one as_of for both policies
		before, oldErr := oldEng.Decide(ctx, req, opts...)
		after, newErr := newEng.Decide(ctx, req, opts...)
		var re *policy.RequestError
		switch {
		case errors.As(oldErr, &re) || errors.As(newErr, &re):
			invalid++
			fmt.Fprintf(stderr, "%s: %v\n", name, re)
			continue
		case oldErr != nil || newErr != nil:
			failed++
			for _, e := range []struct {
				which string
				err   error
			}{{"old", oldErr}, {"new", newErr}} {
				if e.err != nil {
					fmt.Fprintf(stderr, "%s: the %s policy could not decide: %v\n", name, e.which, e.err)
				}
			}
			continue
		}
		changes, err := decisionChanges(before, after)
		if err != nil {
			return err
		}
		if len(changes) == 0 {
			continue
		}
		changed++
		fmt.Fprintln(stdout, name)
		for _, c := range changes {
			fmt.Fprintf(stdout, "  %s\n", c)
		}
	}
	fmt.Fprintf(stdout, "%d requests: %d changed, %d unchanged", len(files), changed, len(files)-changed-invalid-failed)
	if invalid > 0 {
		fmt.Fprintf(stdout, ", %d invalid", invalid)
	}
	if failed > 0 {
		fmt.Fprintf(stdout, ", %d failed", failed)
	}
	fmt.Fprintln(stdout)
	switch {
	case invalid > 0 || failed > 0:
		return &exitError{code: exitInvalid}
	case changed > 0:
		return &exitError{code: exitFailure}
	}
	return nil
}

type diffFlags struct {
	old, new string
	decideFlags
}

func diffFlagSet() (*flag.FlagSet, *diffFlags) {
	fs := newFlagSet("diff")
	f := &diffFlags{}
	fs.StringVar(&f.old, "old", "", "the policy before: a `directory` or an OPA bundle (default: the embedded policy)")
	fs.StringVar(&f.new, "new", "", "the policy after: a `directory` or an OPA bundle (default: the embedded policy)")
	fs.StringVar(&f.asOf, "as-of", "", "the moment of evaluation, an RFC 3339 `instant` (default: each request's as_of, else now)")
	fs.StringVar(&f.calendar, "calendar", "", "the business-day `calendar`, e.g. US, US-CA, DE (default: each request's, else each law's)")
	return fs, f
}

// corpusFiles lists a corpus's requests: dir/*.json and dir/*/request.json,
// sorted.
func corpusFiles(dir string) ([]string, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	top, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	cases, err := filepath.Glob(filepath.Join(dir, "*", "request.json"))
	if err != nil {
		return nil, err
	}
	files := slices.Sorted(slices.Values(append(top, cases...)))
	if len(files) == 0 {
		return nil, fmt.Errorf("no requests in %s (*.json, */request.json)", dir)
	}
	return files, nil
}

// change is one decision field that differs; a side without the field is
// absent.
type change struct {
	pointer              string
	old, new             any
	oldAbsent, newAbsent bool
}

func (c change) String() string {
	return c.pointer + ": " + jsonText(c.old, c.oldAbsent) + " → " + jsonText(c.new, c.newAbsent)
}

func jsonText(v any, absent bool) string {
	if absent {
		return "(absent)"
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// decisionChanges compares two decision documents field by field, in
// document order for arrays and name order for objects, ignoring the
// fields that name the policy. An array whose every element names the rule
// definition that gave it (reasons, notices, escalations, timeline steps:
// each with a rule_id) is compared element by element keyed by rule id,
// code (or trigger, or name), law and rank among equals, not by index: a reason inserted is
// one reason added, and a reason that only moved, or whose rule only moved
// in its file (position), has not changed.
func decisionChanges(before, after []byte) ([]change, error) {
	a, err := decodeJSON(before)
	if err != nil {
		return nil, err
	}
	b, err := decodeJSON(after)
	if err != nil {
		return nil, err
	}
	var out []change
	compareJSON("", a, b, &out)
	return out, nil
}

func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func compareJSON(ptr string, a, b any, out *[]change) {
	if slices.Contains(ignoredInDiff, ptr) {
		return
	}
	switch av := a.(type) {
	case map[string]any:
		if bv, ok := b.(map[string]any); ok {
			keys := slices.Sorted(maps.Keys(av))
			for k := range bv {
				if _, ok := av[k]; !ok {
					keys = append(keys, k)
				}
			}
			slices.Sort(keys)
			for _, k := range keys {
				p := ptr + "/" + pointerEscaper.Replace(k)
				x, inA := av[k]
				y, inB := bv[k]
				if inA && inB {
					compareJSON(p, x, y, out)
				} else if !slices.Contains(ignoredInDiff, p) {
					*out = append(*out, change{pointer: p, old: x, new: y, oldAbsent: !inA, newAbsent: !inB})
				}
			}
			return
		}
	case []any:
		if bv, ok := b.([]any); ok {
			if ka, kb := ruleKeys(av), ruleKeys(bv); ka != nil && kb != nil && (len(av) > 0 || len(bv) > 0) {
				compareKeyed(ptr, av, bv, ka, kb, out)
				return
			}
			for i := range max(len(av), len(bv)) {
				p := fmt.Sprintf("%s/%d", ptr, i)
				switch {
				case i >= len(av):
					*out = append(*out, change{pointer: p, new: bv[i], oldAbsent: true})
				case i >= len(bv):
					*out = append(*out, change{pointer: p, old: av[i], newAbsent: true})
				default:
					compareJSON(p, av[i], bv[i], out)
				}
			}
			return
		}
	}
	if !reflect.DeepEqual(a, b) {
		*out = append(*out, change{pointer: ptr, old: a, new: b})
	}
}

// ruleKeys returns the key of each element of an array whose every element
// is an object naming its rule definition (a non-empty rule_id), or nil
// when one is not (then the array is compared by index). Elements that
// share a key (one rule giving one code twice, e.g. for two plan steps)
// are told apart by their order: the second is "key #2", and is compared
// with the second of the other decision.
func ruleKeys(list []any) []string {
	keys := make([]string, len(list))
	seen := make(map[string]int, len(list))
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return nil
		}
		id, _ := m["rule_id"].(string)
		if id == "" {
			return nil
		}
		key := id
		for _, f := range []string{"code", "trigger", "name"} {
			if v, ok := m[f].(string); ok {
				key += " " + v
				break
			}
		}
		if law, ok := m["law"].(string); ok {
			key += " " + law
		}
		seen[key]++
		if n := seen[key]; n > 1 {
			key += " #" + strconv.Itoa(n) // the n-th element with that key
		}
		keys[i] = key
	}
	return keys
}

// compareKeyed compares two arrays of rule-named elements by key: each
// element of b in its order (changed fields, or added), then each element
// of a that b no longer has (removed). An element is named
// ptr/[key]; its position is not compared.
func compareKeyed(ptr string, a, b []any, ka, kb []string, out *[]change) {
	old := make(map[string]int, len(ka))
	for i, k := range ka {
		old[k] = i
	}
	kept := make(map[string]bool, len(kb))
	for j, k := range kb {
		p := ptr + "/[" + k + "]"
		i, ok := old[k]
		if !ok {
			*out = append(*out, change{pointer: p, new: b[j], oldAbsent: true})
			continue
		}
		kept[k] = true
		x := maps.Clone(a[i].(map[string]any))
		y := maps.Clone(b[j].(map[string]any))
		delete(x, "position")
		delete(y, "position")
		compareJSON(p, x, y, out)
	}
	for i, k := range ka {
		if !kept[k] {
			*out = append(*out, change{pointer: ptr + "/[" + k + "]", old: a[i], newAbsent: true})
		}
	}
}
