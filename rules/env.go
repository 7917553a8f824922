package rules

import (
	"fmt"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/ext"
	"cel.dev/cel-go/interpreter"

	"github.com/dsrkit/dsrkit/calendar"
)

// CostLimit bounds the cost of one CEL expression, in cel-go's cost units
// (roughly one per operation, string and list operations per element). An
// expression whose estimated worst-case cost exceeds it is refused at load
// (ErrCost); an evaluation that exceeds it is stopped and reported in the
// Claim's Error. The estimate assumes that each string, list and map of the
// request has at most maxInputSize characters or elements.
const CostLimit = 10_000

// maxInputSize is the size of input strings, lists and maps the static cost
// estimate assumes (see CostLimit).
const maxInputSize = 1_000

// The variables of every expression (see package documentation).
const (
	varItem    = "item"
	varRequest = "request"
	varAsOf    = "as_of"
)

// The CEL types of the variables. ext.NativeTypes names a Go struct type
// after its package and type name.
var (
	dateType    = cel.OpaqueType("date")
	itemType    = cel.ObjectType("rules.item")
	requestType = cel.ObjectType("rules.request")
)

// item is a request data item as CEL sees it (request schema
// #/$defs/data_item): the variable `item`.
type item struct {
	ID         string         `cel:"id"`
	System     string         `cel:"system"`
	SystemType string         `cel:"system_type"`
	Category   string         `cel:"category"`
	Sensitive  bool           `cel:"sensitive"`
	Source     string         `cel:"source"`
	LegalHold  bool           `cel:"legal_hold"`
	Exceptions []exception    `cel:"exceptions"`
	Attributes map[string]any `cel:"attributes"`
}

// exception is one exception the host already claims for an item.
type exception struct {
	Basis    string `cel:"basis"`
	Until    string `cel:"until"`
	Note     string `cel:"note"`
	Disputed bool   `cel:"disputed"`
}

// request is the request document as CEL sees it: the variable `request`.
type request struct {
	Kind       string   `cel:"kind"`
	ID         string   `cel:"id"`
	ReceivedAt string   `cel:"received_at"`
	AsOf       string   `cel:"as_of"`
	Consumer   consumer `cel:"consumer"`
	Business   business `cel:"business"`
}

// consumer is request.consumer.
type consumer struct {
	Residence      string `cel:"residence"`
	Age            int64  `cel:"age"`
	Relationship   string `cel:"relationship"`
	Deceased       bool   `cel:"deceased"`
	OptedOutOfSale bool   `cel:"opted_out_of_sale"`
}

// business is request.business.
type business struct {
	TimeZone               string   `cel:"time_zone"`
	Calendar               string   `cel:"calendar"`
	AnnualRevenueUSD       float64  `cel:"annual_revenue_usd"`
	ConsumersPerYear       float64  `cel:"consumers_per_year"`
	SellsOrShares          bool     `cel:"sells_or_shares"`
	ProcessesSensitiveData bool     `cel:"processes_sensitive_data"`
	Exemptions             []string `cel:"exemptions"`
	EUEstablishment        bool     `cel:"eu_establishment"`
	TargetsEU              bool     `cel:"targets_eu"`
	EUMemberState          string   `cel:"eu_member_state"`
}

// newEnv builds the one CEL environment every playbook is compiled in.
func newEnv() (*cel.Env, error) {
	opts := []cel.EnvOption{
		ext.NativeTypes(reflect.TypeFor[item](), reflect.TypeFor[request](), ext.ParseStructTags(true)),
		cel.Variable(varItem, itemType),
		cel.Variable(varRequest, requestType),
		cel.Variable(varAsOf, dateType),
		ext.Strings(),
		cel.OptionalTypes(),
		cel.ASTValidators(literalValidator{}),
	}
	return cel.NewEnv(append(opts, dateLibrary()...)...)
}

// dateLibrary declares the date type, its constructor, comparisons and
// arithmetic (all through package calendar).
func dateLibrary() []cel.EnvOption {
	dd := []*cel.Type{dateType, dateType}
	// The comparison operators are bound once for every type by the
	// standard library (traits.Comparer): declare the date overloads only.
	compare := func(name, id string) cel.EnvOption {
		return cel.Function(name, cel.Overload(id, dd, cel.BoolType))
	}
	return []cel.EnvOption{
		cel.Function("date",
			cel.Overload("string_to_date", []*cel.Type{cel.StringType}, dateType,
				cel.UnaryBinding(func(s ref.Val) ref.Val {
					str, ok := s.(types.String)
					if !ok {
						return types.MaybeNoSuchOverloadErr(s)
					}
					d, err := calendar.Parse(string(str))
					if err != nil {
						return types.NewErr("date(%q): not a date (want YYYY-MM-DD)", string(str))
					}
					return dateVal(d)
				}))),
		cel.Function(overloadString,
			cel.Overload("date_to_string", []*cel.Type{dateType}, cel.StringType,
				cel.UnaryBinding(func(d ref.Val) ref.Val { return types.String(calendar.Format(calendar.Date(d.(dateVal)))) }))),
		compare(operators.Less, "less_date"),
		compare(operators.LessEquals, "less_equals_date"),
		compare(operators.Greater, "greater_date"),
		compare(operators.GreaterEquals, "greater_equals_date"),
		cel.Function("add_days", cel.MemberOverload("date_add_days", []*cel.Type{dateType, cel.IntType}, dateType,
			cel.BinaryBinding(shift("add_days", maxDays, calendar.AddDays)))),
		cel.Function("add_months", cel.MemberOverload("date_add_months", []*cel.Type{dateType, cel.IntType}, dateType,
			cel.BinaryBinding(shift("add_months", maxMonths, calendar.AddMonths)))),
		cel.Function("add_years", cel.MemberOverload("date_add_years", []*cel.Type{dateType, cel.IntType}, dateType,
			cel.BinaryBinding(shift("add_years", maxMonths/12, func(d calendar.Date, n int) calendar.Date { return calendar.AddMonths(d, 12*n) })))),
		cel.Function("add_business_days", cel.MemberOverload("date_add_business_days", []*cel.Type{dateType, cel.IntType, cel.StringType}, dateType,
			cel.FunctionBinding(addBusinessDays))),
		cel.Function("age_days", cel.Overload("age_days_date_date", dd, cel.IntType,
			cel.BinaryBinding(func(since, at ref.Val) ref.Val { return types.Int(at.(dateVal) - since.(dateVal)) }))),
		cel.Function("age_years", cel.Overload("age_years_date_date", dd, cel.IntType,
			cel.BinaryBinding(func(since, at ref.Val) ref.Val {
				return types.Int(ageYears(calendar.Date(since.(dateVal)), calendar.Date(at.(dateVal))))
			}))),
	}
}

// overloadString is CEL's string() conversion function.
const overloadString = "string"

// Bounds on date arithmetic, so that no argument can overflow a day count:
// ±10,000 years either way.
const (
	maxMonths = 120_000
	maxDays   = 3_660_000
)

// shift binds a date arithmetic function taking a bounded int.
func shift(name string, bound int64, f func(calendar.Date, int) calendar.Date) func(ref.Val, ref.Val) ref.Val {
	return func(d, n ref.Val) ref.Val {
		k, ok := n.(types.Int)
		if !ok {
			return types.MaybeNoSuchOverloadErr(n)
		}
		if int64(k) > bound || int64(k) < -bound {
			return types.NewErr("%s(%d): out of range", name, int64(k))
		}
		return checkYear(fmt.Sprintf("%s(%d)", name, int64(k)), f(calendar.Date(d.(dateVal)), int(k)))
	}
}

// Dates are written YYYY-MM-DD, and compared as such by the policy: a date
// whose year has not four digits (a year before 1 or after 9999) cannot be
// written, and is an error wherever date arithmetic yields one.
const (
	minYear = 1
	maxYear = 9999
)

// checkYear returns d, or an error naming the computation when d's year is
// outside minYear..maxYear.
func checkYear(what string, d calendar.Date) ref.Val {
	if y := d.Year(); y < minYear || y > maxYear {
		return types.NewErr("%s: the result, in year %d, is outside the years %d to %d", what, y, minYear, maxYear)
	}
	return dateVal(d)
}

// addBusinessDays is d.add_business_days(n, calendar_name).
func addBusinessDays(args ...ref.Val) ref.Val {
	d, ok1 := args[0].(dateVal)
	n, ok2 := args[1].(types.Int)
	name, ok3 := args[2].(types.String)
	if !ok1 || !ok2 || !ok3 {
		return types.NewErr("add_business_days: bad arguments")
	}
	if int64(n) > maxDays || int64(n) < -maxDays {
		return types.NewErr("add_business_days(%d): out of range", int64(n))
	}
	c, err := calendar.Lookup(string(name))
	if err != nil {
		return types.NewErr("add_business_days: %v", err)
	}
	r, err := c.AddBusinessDays(calendar.Date(d), int(n))
	if err != nil {
		return types.NewErr("add_business_days: %v", err)
	}
	return checkYear(fmt.Sprintf("add_business_days(%d)", int64(n)), r)
}

// ageYears is the number of whole years from since to at: the number of
// anniversaries of since (calendar.AddMonths, so 29 February's is 28
// February) on or before at; negative when at is before since.
func ageYears(since, at calendar.Date) int {
	if at < since {
		return -ageYears(at, since)
	}
	n := at.Year() - since.Year()
	if calendar.AddMonths(since, 12*n) > at {
		n--
	}
	return n
}

// dateVal is a CEL value of type date.
type dateVal calendar.Date

// ConvertToNative implements ref.Val.
func (d dateVal) ConvertToNative(t reflect.Type) (any, error) {
	switch {
	case t == reflect.TypeFor[calendar.Date]():
		return calendar.Date(d), nil
	case t.Kind() == reflect.String:
		return calendar.Format(calendar.Date(d)), nil
	}
	return nil, fmt.Errorf("type conversion error from date to '%v'", t)
}

// ConvertToType implements ref.Val.
func (d dateVal) ConvertToType(t ref.Type) ref.Val {
	switch t {
	case dateType, dateRuntimeType{}:
		return d
	case types.StringType:
		return types.String(calendar.Format(calendar.Date(d)))
	case types.TypeType:
		return dateType
	}
	return types.NewErr("type conversion error from 'date' to '%s'", t)
}

// Equal implements ref.Val.
func (d dateVal) Equal(other ref.Val) ref.Val {
	o, ok := other.(dateVal)
	return types.Bool(ok && o == d)
}

// Type implements ref.Val. It is the runtime twin of dateType, which as an
// opaque type cannot declare the comparer trait the standard comparison
// operators look for.
func (d dateVal) Type() ref.Type { return dateRuntimeType{} }

// Compare implements traits.Comparer.
func (d dateVal) Compare(other ref.Val) ref.Val {
	o, ok := other.(dateVal)
	switch {
	case !ok:
		return types.MaybeNoSuchOverloadErr(other)
	case d < o:
		return types.IntNegOne
	case d > o:
		return types.IntOne
	}
	return types.IntZero
}

// dateRuntimeType is the ref.Type of date values.
type dateRuntimeType struct{}

// HasTrait implements ref.Type.
func (dateRuntimeType) HasTrait(t int) bool { return t&traits.ComparerType == t }

// TypeName implements ref.Type.
func (dateRuntimeType) TypeName() string { return "date" }

// Value implements ref.Val.
func (d dateVal) Value() any { return calendar.Date(d) }

// literalValidator rejects at compile time a date literal that is not a
// date (`date("2026-02-30")`) and a calendar name that does not exist
// (`add_business_days(5, "US-XX")`).
type literalValidator struct{}

// Name implements cel.ASTValidator.
func (literalValidator) Name() string { return "dsrkit.rules.literals" }

// Validate implements cel.ASTValidator.
func (literalValidator) Validate(_ *cel.Env, _ cel.ValidatorConfig, a *ast.AST, iss *cel.Issues) {
	root := ast.NavigateAST(a)
	check := func(fn string, arg int, ok func(string) error) {
		for _, call := range ast.MatchDescendants(root, ast.FunctionMatcher(fn)) {
			args := call.AsCall().Args()
			if len(args) <= arg || args[arg].Kind() != ast.LiteralKind {
				continue
			}
			s, isString := args[arg].AsLiteral().(types.String)
			if !isString {
				continue
			}
			if err := ok(string(s)); err != nil {
				iss.ReportErrorAtID(args[arg].ID(), "%v", err)
			}
		}
	}
	check("date", 0, func(s string) error {
		if _, err := calendar.Parse(s); err != nil {
			return fmt.Errorf("date(%q): not a date (want YYYY-MM-DD)", s)
		}
		return nil
	})
	check("add_business_days", 1, func(s string) error {
		_, err := calendar.Lookup(s)
		return err
	})
}

// costEstimator bounds the size of every input value (maxInputSize) so
// that the static estimate of a comprehension over the input is finite.
type costEstimator struct{}

// EstimateSize implements cost.Estimator.
func (costEstimator) EstimateSize(n cost.AstNode) *cost.SizeEstimate {
	if len(n.Path()) == 0 {
		return nil
	}
	s := cost.RangedSizeEstimate(0, maxInputSize)
	return &s
}

// EstimateCallCost implements cost.Estimator.
func (costEstimator) EstimateCallCost(_, _ string, _ *cost.AstNode, _ []cost.AstNode) *cost.CallEstimate {
	return nil
}

// activation binds the three variables without a map.
type activation struct {
	item    *item
	request *request
	asOf    dateVal
}

// ResolveName implements interpreter.Activation.
func (a *activation) ResolveName(name string) (any, bool) {
	switch name {
	case varItem:
		return a.item, true
	case varRequest:
		return a.request, true
	case varAsOf:
		return a.asOf, true
	}
	return nil, false
}

// Parent implements interpreter.Activation.
func (a *activation) Parent() interpreter.Activation { return nil }
