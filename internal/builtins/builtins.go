// Package builtins declares dsrkit's Rego built-in functions — the calendar
// arithmetic of package calendar — and the capabilities (the sandbox) that
// dsrkit's policies are compiled with.
//
// The functions are registered per evaluation (rego.Function*), never in
// OPA's global registry, so an engine, the policy test runner and a custom
// opa binary each decide where they appear. Only dsrkit's own opa binary
// (cmd/opa) calls RegisterGlobally.
//
// A calendar argument is either a calendar's name ("US-CA") or a calendar
// amended by the policy: {"name": "US-CA", "add": ["2026-12-24"],
// "remove": ["2026-11-27"]} (add and remove are optional lists of dates;
// see calendar.Calendar.With).
package builtins

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/dsrkit/dsrkit/calendar"
)

// Builtin is one dsrkit built-in function: its declaration (for compilers,
// capabilities and the test runner) and the rego option that implements it.
type Builtin struct {
	Decl *ast.Builtin
	Impl func(*rego.Rego)

	global func() // registers the same declaration and implementation in OPA's global registry
}

var (
	dateT     = types.Named("date", types.S).Description("a date, YYYY-MM-DD")
	nT        = types.Named("n", types.N).Description("a whole number")
	calendarT = types.Named("calendar", types.NewAny(
		types.S,
		types.NewObject(nil, types.NewDynamicProperty(types.S, types.A)),
	)).Description("a business-day calendar: its name (US, US-CA, DE, weekends, ...), or {\"name\": name, \"add\": [date, ...], \"remove\": [date, ...]} for that calendar with holidays added and removed")
	resultT = types.Named("result", types.S).Description("a date, YYYY-MM-DD")
)

func decl(name, description string, result types.Type, args ...types.Type) *rego.Function {
	return &rego.Function{
		Name:        name,
		Description: description,
		Decl:        types.NewFunction(types.Args(args...), result),
	}
}

func newBuiltin(f *rego.Function, impl func(*rego.Rego), global func()) Builtin {
	return Builtin{
		Decl:   &ast.Builtin{Name: f.Name, Description: f.Description, Decl: f.Decl},
		Impl:   impl,
		global: global,
	}
}

// builtin2 and builtin3 pair one declaration with one implementation, for a
// rego option and for the global registry alike.
func builtin2(f *rego.Function, impl rego.Builtin2) Builtin {
	return newBuiltin(f, rego.Function2(f, impl), func() { rego.RegisterBuiltin2(f, impl) })
}

func builtin3(f *rego.Function, impl rego.Builtin3) Builtin {
	return newBuiltin(f, rego.Function3(f, impl), func() { rego.RegisterBuiltin3(f, impl) })
}

var all = func() []Builtin {
	receiptDate := decl("dsrkit.receipt_date",
		"The calendar date of an RFC 3339 instant in an IANA time zone (\"\" for the instant's own offset); a bare date is returned as is.",
		resultT,
		types.Named("instant", types.S).Description("RFC 3339 instant with offset, or YYYY-MM-DD"),
		types.Named("zone", types.S).Description("IANA time zone name, or \"\""))
	addDays := decl("dsrkit.add_days", "date + n calendar days.", resultT, dateT, nT)
	addMonths := decl("dsrkit.add_months", "The same day n months later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb); no roll-forward.", resultT, dateT, nT)
	addBusinessDays := decl("dsrkit.add_business_days", "The n-th business day after date on calendar.", resultT, dateT, nT, calendarT)
	addMonthsEU := decl("dsrkit.add_months_eu", "A period of n months from date under Regulation 1182/71: same day (or month's last day) n months later, rolled forward to the next working day of calendar.", resultT, dateT, nT, calendarT)
	isBusinessDay := decl("dsrkit.is_business_day", "Whether date is a business day on calendar.", types.Named("result", types.B), dateT, calendarT)
	nextBusinessDay := decl("dsrkit.next_business_day", "The first business day strictly after date on calendar.", resultT, dateT, calendarT)
	businessDaysBetween := decl("dsrkit.business_days_between", "The number of business days in (from, to] on calendar; negative when to is before from.",
		types.Named("result", types.N),
		types.Named("from", types.S).Description("a date, YYYY-MM-DD"),
		types.Named("to", types.S).Description("a date, YYYY-MM-DD"), calendarT)
	daysBetween := decl("dsrkit.days_between", "The number of calendar days from one date to another (to - from).",
		types.Named("result", types.N),
		types.Named("from", types.S).Description("a date, YYYY-MM-DD"),
		types.Named("to", types.S).Description("a date, YYYY-MM-DD"))

	return []Builtin{
		builtin2(receiptDate, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			instant, err := str(a, 1)
			if err != nil {
				return nil, err
			}
			zone, err := str(b, 2)
			if err != nil {
				return nil, err
			}
			d, err := calendar.ReceiptDate(instant, zone)
			return dateTerm(d, err)
		}),
		builtin2(addDays, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			d, n, err := dateAndInt(a, b)
			if err == nil {
				err = bounded(n, maxDays)
			}
			if err != nil {
				return nil, err
			}
			return dateTerm(calendar.AddDays(d, n), nil)
		}),
		builtin2(addMonths, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			d, n, err := dateAndInt(a, b)
			if err == nil {
				err = bounded(n, maxMonths)
			}
			if err != nil {
				return nil, err
			}
			return dateTerm(calendar.AddMonths(d, n), nil)
		}),
		builtin3(addBusinessDays, func(_ rego.BuiltinContext, a, b, c *ast.Term) (*ast.Term, error) {
			d, n, err := dateAndInt(a, b)
			if err != nil {
				return nil, err
			}
			cal, err := cal(c, 3)
			if err != nil {
				return nil, err
			}
			return dateTerm(cal.AddBusinessDays(d, n))
		}),
		builtin3(addMonthsEU, func(_ rego.BuiltinContext, a, b, c *ast.Term) (*ast.Term, error) {
			d, n, err := dateAndInt(a, b)
			if err != nil {
				return nil, err
			}
			cal, err := cal(c, 3)
			if err != nil {
				return nil, err
			}
			return dateTerm(cal.AddMonthsEU(d, n))
		}),
		builtin2(isBusinessDay, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			d, cal, err := dateAndCal(a, b)
			if err != nil {
				return nil, err
			}
			ok, err := cal.IsBusinessDay(d)
			if err != nil {
				return nil, err
			}
			return ast.BooleanTerm(ok), nil
		}),
		builtin2(nextBusinessDay, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			d, cal, err := dateAndCal(a, b)
			if err != nil {
				return nil, err
			}
			return dateTerm(cal.NextBusinessDay(d))
		}),
		builtin3(businessDaysBetween, func(_ rego.BuiltinContext, a, b, c *ast.Term) (*ast.Term, error) {
			from, to, err := twoDates(a, b)
			if err != nil {
				return nil, err
			}
			cal, err := cal(c, 3)
			if err != nil {
				return nil, err
			}
			n, err := cal.BusinessDaysBetween(from, to)
			if err != nil {
				return nil, err
			}
			return ast.IntNumberTerm(n), nil
		}),
		builtin2(daysBetween, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			from, to, err := twoDates(a, b)
			if err != nil {
				return nil, err
			}
			return ast.IntNumberTerm(int(to - from)), nil
		}),
	}
}()

// All returns dsrkit's built-in functions. The slice is shared: do not modify it.
func All() []Builtin { return all }

// RegisterGlobally adds every dsrkit built-in to OPA's global registry
// (ast.RegisterBuiltin and topdown.RegisterBuiltinFunc, through
// rego.RegisterBuiltin*), with the same declarations and implementations as
// Options. It changes the whole process, so only a custom opa binary calls
// it, once, before OPA's command line runs; a library uses Options. Calling
// it twice panics.
func RegisterGlobally() {
	if registered.Swap(true) {
		panic("builtins: RegisterGlobally called twice")
	}
	for _, b := range all {
		b.global()
	}
}

var registered atomic.Bool

// Options returns the rego options that register every dsrkit built-in on
// one rego.Rego instance.
func Options() []func(*rego.Rego) {
	opts := make([]func(*rego.Rego), len(all))
	for i, b := range all {
		opts[i] = b.Impl
	}
	return opts
}

func str(t *ast.Term, pos int) (string, error) {
	s, err := builtins.StringOperand(t.Value, pos)
	return string(s), err
}

func date(t *ast.Term, pos int) (calendar.Date, error) {
	s, err := str(t, pos)
	if err != nil {
		return 0, err
	}
	return calendar.Parse(s)
}

// cal reads a calendar argument: a name, looked up as it always was, or an
// object naming a calendar and the holidays the policy adds and removes.
func cal(t *ast.Term, pos int) (*calendar.Calendar, error) {
	switch v := t.Value.(type) {
	case ast.String:
		return calendar.Lookup(string(v))
	case ast.Object:
		return cachedAmended(v, pos)
	}
	return nil, builtins.NewOperandTypeErr(pos, t.Value, "string", "object")
}

// amendedCache keeps the calendars built from calendar objects, by the
// object's hash (checked for equality on a hit). The objects come from the
// policy's data (dsrkit.calendars), so there are few; past maxAmended
// distinct ones, calendars are built and not kept.
var (
	amendedCache sync.Map // int (hash) -> amendedEntry
	amendedCount atomic.Int64
)

const maxAmended = 256

type amendedEntry struct {
	key ast.Object
	cal *calendar.Calendar
}

func cachedAmended(o ast.Object, pos int) (*calendar.Calendar, error) {
	h := o.Hash()
	if e, ok := amendedCache.Load(h); ok && e.(amendedEntry).key.Compare(o) == 0 {
		return e.(amendedEntry).cal, nil
	}
	c, err := amended(o, pos)
	if err != nil {
		return nil, err
	}
	if amendedCount.Load() < maxAmended {
		if _, loaded := amendedCache.LoadOrStore(h, amendedEntry{key: o.Copy(), cal: c}); !loaded {
			amendedCount.Add(1)
		}
	}
	return c, nil
}

var (
	nameKey   = ast.StringTerm("name")
	addKey    = ast.StringTerm("add")
	removeKey = ast.StringTerm("remove")
)

// amended reads {"name": ..., "add": [dates], "remove": [dates]}.
func amended(o ast.Object, pos int) (*calendar.Calendar, error) {
	var bad error
	o.Foreach(func(k, _ *ast.Term) {
		if bad == nil && !k.Equal(nameKey) && !k.Equal(addKey) && !k.Equal(removeKey) {
			bad = builtins.NewOperandErr(pos, "calendar object has unknown key %v (want name, add, remove)", k)
		}
	})
	if bad != nil {
		return nil, bad
	}
	nt := o.Get(nameKey)
	if nt == nil {
		return nil, builtins.NewOperandErr(pos, "calendar object has no name")
	}
	name, ok := nt.Value.(ast.String)
	if !ok {
		return nil, builtins.NewOperandErr(pos, "calendar object's name must be a string, got %v", ast.ValueName(nt.Value))
	}
	c, err := calendar.Lookup(string(name))
	if err != nil {
		return nil, err
	}
	add, err := dates(o.Get(addKey), pos, "add")
	if err != nil {
		return nil, err
	}
	remove, err := dates(o.Get(removeKey), pos, "remove")
	if err != nil {
		return nil, err
	}
	holidays := make([]calendar.Holiday, len(add))
	for i, d := range add {
		holidays[i] = calendar.Holiday{Date: d, Name: "added by the policy"}
	}
	return c.With(holidays, remove)
}

// dates reads an optional array (or set) of YYYY-MM-DD strings.
func dates(t *ast.Term, pos int, key string) ([]calendar.Date, error) {
	if t == nil {
		return nil, nil
	}
	var out []calendar.Date
	var err error
	each := func(e *ast.Term) {
		if err != nil {
			return
		}
		s, ok := e.Value.(ast.String)
		if !ok {
			err = builtins.NewOperandErr(pos, "calendar object's %s must hold dates (YYYY-MM-DD), got %v", key, ast.ValueName(e.Value))
			return
		}
		var d calendar.Date
		if d, err = calendar.Parse(string(s)); err == nil {
			out = append(out, d)
		}
	}
	switch v := t.Value.(type) {
	case *ast.Array:
		v.Foreach(each)
	case ast.Set:
		v.Foreach(each)
	default:
		return nil, builtins.NewOperandErr(pos, "calendar object's %s must be an array of dates, got %v", key, ast.ValueName(t.Value))
	}
	return out, err
}

func dateAndInt(a, b *ast.Term) (calendar.Date, int, error) {
	d, err := date(a, 1)
	if err != nil {
		return 0, 0, err
	}
	n, err := builtins.IntOperand(b.Value, 2)
	return d, n, err
}

func dateAndCal(a, b *ast.Term) (calendar.Date, *calendar.Calendar, error) {
	d, err := date(a, 1)
	if err != nil {
		return 0, nil, err
	}
	c, err := cal(b, 2)
	return d, c, err
}

func twoDates(a, b *ast.Term) (calendar.Date, calendar.Date, error) {
	from, err := date(a, 1)
	if err != nil {
		return 0, 0, err
	}
	to, err := date(b, 2)
	return from, to, err
}

// Bounds on the counts of add_days and add_months (10,000 years either
// way), so that no count can overflow a day number.
const (
	maxDays   = 3_660_000
	maxMonths = 120_000
)

// bounded refuses a count beyond ±limit.
func bounded(n, limit int) error {
	if n > limit || n < -limit {
		return builtins.NewOperandErr(2, "%d is out of range (at most ±%d)", n, limit)
	}
	return nil
}

// dateTerm writes a result date as YYYY-MM-DD. A date whose year has not
// four digits (before year 1, after 9999) cannot be written so — it would
// come out as "+10026-01-01", which the policy would compare as text — and
// is an error.
func dateTerm(d calendar.Date, err error) (*ast.Term, error) {
	if err != nil {
		return nil, err
	}
	if y := d.Year(); y < 1 || y > 9999 {
		return nil, fmt.Errorf("the resulting date, in year %d, is outside the years 1 to 9999", y)
	}
	return ast.StringTerm(calendar.Format(d)), nil
}
