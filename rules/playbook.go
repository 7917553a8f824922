package rules

import (
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/dsrkit/dsrkit/calendar"
)

// Playbook is a compiled playbook: its settings and its retention rules,
// every expression compiled and cost-checked. It is immutable and safe for
// concurrent use.
type Playbook struct {
	name     string
	digest   string
	settings settings
	own      settings // the settings the file sets itself; nil for Default
	org      Organisation
	rules    []rule
}

// rule is a compiled retention rule.
type rule struct {
	id, basis, note string
	condition       cel.Program
	until           cel.Program // nil: the claim has no end date
}

// Claim is an exception a playbook rule claims for a data item: the shape
// of a request's data[].exceptions[] entry, with the rule that made it.
type Claim struct {
	// Rule is the id of the rule.
	Rule string
	// Basis is the exception basis claimed (e.g. legal_obligation).
	Basis string
	// Until is the last day the claim holds (YYYY-MM-DD, inclusive, as the
	// policy reads it), "" for a claim without an end date.
	Until string
	// Note is the rule's note.
	Note string
	// Error is set when the rule could not be evaluated for this item (a
	// missing attribute, a malformed date, the cost limit …): whether the
	// exception applies is then unknown, and the claim should be treated
	// as disputed so that Legal decides (fail closed). Until is "" then.
	Error string
}

// ruleDoc is a rule as written in a playbook file.
type ruleDoc struct {
	ID        string `json:"id"`
	Condition string `json:"condition"`
	Basis     string `json:"basis"`
	Until     string `json:"until"`
	Note      string `json:"note"`
}

// fileDoc is a playbook file as written.
type fileDoc struct {
	Description  string        `json:"description"`
	Settings     *settingsDoc  `json:"settings"`
	Organisation *Organisation `json:"organisation"`
	Rules        []ruleDoc     `json:"rules"`
}

// Organisation is the organisation's details a playbook gives for the
// letters and directives dsrkit renders (package letters): courtesy and
// contact data, never law. Empty strings are details the playbook leaves
// out.
type Organisation struct {
	// Name is the organisation's name.
	Name string `json:"name"`
	// Address is the postal address, one line per entry.
	Address []string `json:"address"`
	// PrivacyEmail and PrivacyPhone reach the privacy contact.
	PrivacyEmail string `json:"privacy_email"`
	PrivacyPhone string `json:"privacy_phone"`
	// OptOutURL is the opt-out page, for a request that gives none.
	OptOutURL string `json:"opt_out_url"`
	// Signatory signs the letters and authorises the directives.
	Signatory Signatory `json:"signatory"`
}

// Signatory is who signs: a name and a title.
type Signatory struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

//go:embed default.yaml
var defaultYAML []byte

// defaultName is the name of the default playbook.
const defaultName = "default.yaml"

var defaultPlaybook = sync.OnceValue(func() *Playbook {
	p, err := parse(defaultName, defaultYAML, settings{}, Organisation{})
	if err != nil {
		panic(fmt.Sprintf("rules: the default playbook does not load: %v", err)) // embedded and tested
	}
	p.own = nil // the base every other playbook is laid over: it overrides nothing
	return p
})

// Default returns the default playbook (rules/default.yaml, embedded): the
// seed procedure's timeframes, escalation levels and record retention,
// and its "Common Exception Scenarios" as retention rules. It is compiled
// once, on first use.
func Default() *Playbook { return defaultPlaybook() }

// Load reads and compiles the playbook file at path: YAML (.yaml, .yml) or
// JSON (.json). A bad playbook yields a *LoadError listing every problem.
func Load(path string) (*Playbook, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json":
	default:
		return nil, &LoadError{Problems: []Error{{File: path, Err: kindf(ErrSyntax, "%q: a playbook is a .yaml, .yml or .json file", filepath.Base(path))}}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &LoadError{Problems: []Error{{File: path, Err: err}}}
	}
	return Parse(path, data)
}

// Parse compiles a playbook from its source, YAML or JSON (JSON is read as
// YAML, which it is a subset of). name is used in errors and by Name. The
// source is validated against Schema(), then every CEL expression is
// compiled, type-checked and its cost estimated; a bad playbook yields a
// *LoadError listing every problem. Settings the source leaves out take
// the default playbook's values (maps such as steps key by key); its rules
// are the whole list: the default playbook's rules are not inherited (copy
// default.yaml to keep them).
func Parse(name string, data []byte) (*Playbook, error) {
	return parse(name, data, Default().settings, Default().org)
}

func parse(name string, data []byte, base settings, baseOrg Organisation) (*Playbook, error) {
	src, serr := readSource(name, data)
	if serr != nil {
		return nil, &LoadError{Problems: []Error{*serr}}
	}
	if problems := src.validate(); len(problems) > 0 {
		return nil, &LoadError{Problems: problems}
	}
	var doc fileDoc
	if err := src.decode(&doc); err != nil {
		return nil, &LoadError{Problems: []Error{src.problem("", kindf(ErrSchema, "%v", err))}}
	}
	var problems []Error
	report := func(ptr string, err error) { problems = append(problems, src.problem(ptr, err)) }

	p := &Playbook{name: name, settings: base.clone(), org: baseOrg.clone()}
	if doc.Organisation != nil {
		p.org = doc.Organisation.clone()
	}
	sum := sha256.Sum256(data)
	p.digest = hex.EncodeToString(sum[:])
	if doc.Settings != nil {
		p.settings = doc.Settings.overlay(base, func(ptr string, err error) { report(ptr, kindf(ErrSchema, "%v", err)) })
		p.own = doc.Settings.overlay(settings{}, func(string, error) {}) // its problems are reported above
	}

	env, err := celEnv()
	if err != nil {
		return nil, err
	}
	seen := make(map[string]int, len(doc.Rules))
	for i, rd := range doc.Rules {
		at := fmt.Sprintf("/rules/%d", i)
		if j, dup := seen[rd.ID]; dup {
			report(at+"/id", kindf(ErrSchema, "rule id %q is already used by /rules/%d", rd.ID, j))
		}
		seen[rd.ID] = i
		r := rule{id: rd.ID, basis: rd.Basis, note: rd.Note}
		r.condition = compile(env, src, at+"/condition", rd.Condition, cel.BoolType, &problems)
		if rd.Until != "" {
			r.until = compile(env, src, at+"/until", rd.Until, dateType, &problems)
		}
		p.rules = append(p.rules, r)
	}
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(a, b Error) int { return cmp.Compare(a.FileLine, b.FileLine) })
		return nil, &LoadError{Problems: problems}
	}
	return p, nil
}

// celEnv is the CEL environment every playbook is compiled in.
var celEnv = sync.OnceValues(newEnv)

// compile compiles one expression: it must type-check, have the wanted
// result type and an estimated cost within CostLimit. Problems are
// appended (with the position within the expression); nil is returned
// then.
func compile(env *cel.Env, src *source, ptr, expr string, want *cel.Type, problems *[]Error) cel.Program {
	at := func(line, col int, err error) {
		e := src.problem(ptr, err)
		e.Line, e.Column = line, col
		*problems = append(*problems, e)
	}
	ast, iss := env.Compile(expr)
	if iss.Err() != nil {
		for _, e := range iss.Errors() {
			line, col := e.Location.Line(), e.Location.Column()+1
			if line < 1 { // no position: the whole expression
				line, col = 1, 1
			}
			at(line, col, kindf(ErrCompile, "%s", e.Message))
		}
		return nil
	}
	if !ast.OutputType().IsExactType(want) {
		at(1, 1, kindf(ErrResultType, "the expression is of type %s, want %s", typeName(ast.OutputType(), want), want))
		return nil
	}
	est, err := env.EstimateCost(ast, costEstimator{})
	if err != nil {
		at(1, 1, kindf(ErrCost, "cannot estimate the cost: %v", err))
		return nil
	}
	if est.Max > CostLimit {
		at(1, 1, kindf(ErrCost, "estimated cost up to %s exceeds the limit of %d (assuming input strings, lists and maps of up to %d elements)", costText(est.Max), CostLimit, maxInputSize))
		return nil
	}
	prg, err := env.Program(ast, cel.CostLimit(CostLimit), cel.EvalOptions(cel.OptOptimize))
	if err != nil {
		at(1, 1, kindf(ErrCompile, "%v", err))
		return nil
	}
	return prg
}

// typeName spells the type got for a message, with a hint for dyn.
func typeName(got, want *cel.Type) string {
	if got.IsExactType(cel.DynType) {
		return fmt.Sprintf("dyn, known only at run time (convert it: %s(…))", want)
	}
	return got.String()
}

// costText writes a cost estimate, "unbounded" for the maximum.
func costText(c uint64) string {
	if c == ^uint64(0) {
		return "unbounded"
	}
	return fmt.Sprint(c)
}

// Name returns the playbook's name: the path given to Load, the name given
// to Parse, "default.yaml" for Default.
func (p *Playbook) Name() string { return p.name }

// Organisation returns the organisation's details for letters: the
// playbook's organisation section, or the default playbook's (the seed
// procedure's placeholders, "[ORGANIZATION NAME]" …) when it has none. A
// playbook's section replaces the default's whole. The value is a copy.
func (p *Playbook) Organisation() Organisation { return p.org.clone() }

// clone copies the organisation (its address is a slice).
func (o Organisation) clone() Organisation {
	o.Address = slices.Clone(o.Address)
	return o
}

// Digest returns the SHA-256 of the playbook's source bytes, in hex.
func (p *Playbook) Digest() string { return p.digest }

// Settings returns the procedure settings in the shape the Rego policy
// reads (input.playbook; policy/rego/playbook): JSON-compatible values
// (map[string]any, int, string), periods as {"n": int, "unit": "days" |
// "business_days" | "months"}: the playbook's own settings laid over the
// default playbook's (rules/default.yaml, which repeats the policy's
// defaults: policy/rego/playbook/playbook.rego names every setting and
// trigger), with opt_in_confirmation_window only when the playbook sets it.
// The map is a new copy on every call: the caller may keep or change it.
func (p *Playbook) Settings() map[string]any { return p.settings.clone() }

// Overrides returns the settings the playbook's own file sets, in the shape
// of Settings, without the default playbook's values for the settings it
// leaves out (maps such as steps hold only the keys the file sets). It is
// empty for Default, whose values repeat the policy's defaults
// (policy/rego/playbook): the engine passes Overrides to the policy, so
// that what a playbook leaves out takes the loaded policy's default. The
// map is a new copy on every call.
func (p *Playbook) Overrides() map[string]any {
	if p.own == nil {
		return map[string]any{}
	}
	return p.own.clone()
}

// Claims evaluates every rule for one data item, in the playbook's order,
// and returns the claims of the rules whose condition holds, plus a claim
// with Error set for every rule that could not be evaluated. item and
// request are the decoded JSON objects of the request document (a
// data[] entry and the whole request); asOf is the evaluation date. It
// never fails as a whole and is safe for concurrent use.
func (p *Playbook) Claims(item, request map[string]any, asOf calendar.Date) []Claim {
	act := &activation{item: newItem(item), request: newRequest(request), asOf: dateVal(asOf)}
	var claims []Claim
	for i := range p.rules {
		r := &p.rules[i]
		v, err := eval(r.condition, act)
		if err == nil {
			if b, ok := v.(types.Bool); !ok {
				err = fmt.Errorf("the condition gave %v, not a bool", v.Type().TypeName())
			} else if !b {
				continue
			}
		}
		c := Claim{Rule: r.id, Basis: r.basis, Note: r.note}
		if err != nil {
			c.Error = "condition: " + err.Error()
		} else if r.until != nil {
			v, err := eval(r.until, act)
			if d, ok := v.(dateVal); err == nil && ok {
				if e, bad := checkYear("the until date", calendar.Date(d)).(*types.Err); bad {
					err = e // not reached through the date functions, which check their results
				} else {
					c.Until = calendar.Format(calendar.Date(d))
				}
			}
			if err != nil || c.Until == "" {
				if err == nil {
					err = fmt.Errorf("gave %v, not a date", v.Type().TypeName())
				}
				c.Error = "until: " + err.Error()
			}
		}
		claims = append(claims, c)
	}
	return claims
}

// eval runs a program; a panic in it becomes an error.
func eval(prg cel.Program, act *activation) (v ref.Val, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("evaluation failed: %v", r)
		}
	}()
	v, _, err = prg.Eval(act)
	return v, err
}
