// Package builtins declares dsrkit's Rego built-in functions — the calendar
// arithmetic of package calendar — and the capabilities (the sandbox) that
// dsrkit's policies are compiled with.
//
// The functions are registered per evaluation (rego.Function*), never in
// OPA's global registry, so an engine, the policy test runner and a custom
// opa binary each decide where they appear.
package builtins

import (
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
}

var (
	dateT     = types.Named("date", types.S).Description("a date, YYYY-MM-DD")
	nT        = types.Named("n", types.N).Description("a whole number")
	calendarT = types.Named("calendar", types.S).Description("a business-day calendar name, e.g. US, US-CA, DE, weekends")
	resultT   = types.Named("result", types.S).Description("a date, YYYY-MM-DD")
)

func decl(name, description string, result types.Type, args ...types.Type) *rego.Function {
	return &rego.Function{
		Name:        name,
		Description: description,
		Decl:        types.NewFunction(types.Args(args...), result),
	}
}

func builtin(f *rego.Function, impl func(*rego.Rego)) Builtin {
	return Builtin{
		Decl: &ast.Builtin{Name: f.Name, Description: f.Description, Decl: f.Decl},
		Impl: impl,
	}
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
		builtin(receiptDate, rego.Function2(receiptDate, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
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
		})),
		builtin(addDays, rego.Function2(addDays, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			d, n, err := dateAndInt(a, b)
			if err != nil {
				return nil, err
			}
			return dateTerm(calendar.AddDays(d, n), nil)
		})),
		builtin(addMonths, rego.Function2(addMonths, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			d, n, err := dateAndInt(a, b)
			if err != nil {
				return nil, err
			}
			return dateTerm(calendar.AddMonths(d, n), nil)
		})),
		builtin(addBusinessDays, rego.Function3(addBusinessDays, func(_ rego.BuiltinContext, a, b, c *ast.Term) (*ast.Term, error) {
			d, n, err := dateAndInt(a, b)
			if err != nil {
				return nil, err
			}
			cal, err := cal(c, 3)
			if err != nil {
				return nil, err
			}
			return dateTerm(cal.AddBusinessDays(d, n))
		})),
		builtin(addMonthsEU, rego.Function3(addMonthsEU, func(_ rego.BuiltinContext, a, b, c *ast.Term) (*ast.Term, error) {
			d, n, err := dateAndInt(a, b)
			if err != nil {
				return nil, err
			}
			cal, err := cal(c, 3)
			if err != nil {
				return nil, err
			}
			return dateTerm(cal.AddMonthsEU(d, n))
		})),
		builtin(isBusinessDay, rego.Function2(isBusinessDay, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			d, cal, err := dateAndCal(a, b)
			if err != nil {
				return nil, err
			}
			ok, err := cal.IsBusinessDay(d)
			if err != nil {
				return nil, err
			}
			return ast.BooleanTerm(ok), nil
		})),
		builtin(nextBusinessDay, rego.Function2(nextBusinessDay, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			d, cal, err := dateAndCal(a, b)
			if err != nil {
				return nil, err
			}
			return dateTerm(cal.NextBusinessDay(d))
		})),
		builtin(businessDaysBetween, rego.Function3(businessDaysBetween, func(_ rego.BuiltinContext, a, b, c *ast.Term) (*ast.Term, error) {
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
		})),
		builtin(daysBetween, rego.Function2(daysBetween, func(_ rego.BuiltinContext, a, b *ast.Term) (*ast.Term, error) {
			from, to, err := twoDates(a, b)
			if err != nil {
				return nil, err
			}
			return ast.IntNumberTerm(int(to - from)), nil
		})),
	}
}()

// All returns dsrkit's built-in functions. The slice is shared: do not modify it.
func All() []Builtin { return all }

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

func cal(t *ast.Term, pos int) (*calendar.Calendar, error) {
	s, err := str(t, pos)
	if err != nil {
		return nil, err
	}
	return calendar.Lookup(s)
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

func dateTerm(d calendar.Date, err error) (*ast.Term, error) {
	if err != nil {
		return nil, err
	}
	return ast.StringTerm(calendar.Format(d)), nil
}
