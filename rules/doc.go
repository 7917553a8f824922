// Package rules holds the organisation's playbook: the facts and choices
// that are the organisation's own and not law — which records are tax
// records kept seven years, which orders are still open, which warranties
// are active, which accounts are under security investigation or fraud
// review — as retention rules in CEL (cel.dev/cel-go), and the procedure's
// own settings: step timeframes, escalation levels, record retention,
// verification data points, what to do with items outside a law's scope.
//
// A playbook is a YAML or JSON file validated against Schema()
// (playbook.schema.json). YAML anchors and aliases (&a, *a) are refused:
// an alias is expanded wherever it is used, so a few hundred bytes of
// nested aliases would expand to gigabytes. Default() is the embedded default.yaml, taken
// from the seed procedure PROC-PRIV-002: its timeframes and its "Common
// Exception Scenarios" table. An excerpt:
//
//	settings:
//	  steps:
//	    intake: 24 hours
//	    verify: 5 business days
//	  record_retention: 3 years
//	rules:
//	  - id: tax-records-7-years
//	    condition: >-
//	      item.category == "tax_record"
//	      && as_of <= date(item.attributes.tax_year_end).add_years(7)
//	    basis: legal_obligation
//	    until: date(item.attributes.tax_year_end).add_years(7)
//	    note: "tax record younger than 7 years: retain per the retention schedule"
//
// # Expressions
//
// A rule's condition is a CEL expression of type bool, its optional until
// an expression of type date (the last day the claim holds, inclusive).
// Both see three typed variables:
//
//   - item: the data item (a request's data[] entry), with fields id,
//     system, system_type, category, source (strings), sensitive,
//     legal_hold (bools), exceptions (a list of {basis, until, note,
//     disputed}) and attributes (map(string, dyn): the host's free facts;
//     JSON numbers are doubles). A field not listed is a compile error.
//   - request: kind, id, received_at, as_of (strings), consumer {residence,
//     age, relationship, deceased, opted_out_of_sale} and business
//     {time_zone, calendar, annual_revenue_usd, consumers_per_year,
//     sells_or_shares, processes_sensitive_data, exemptions,
//     eu_establishment, targets_eu, eu_member_state}.
//   - as_of: the evaluation date.
//
// Besides CEL's standard library, the ext.Strings functions and optional
// values (item.attributes.?x.orValue("")), dates are computed with package
// calendar:
//
//	date("2026-01-01")              a date from YYYY-MM-DD (a literal is checked at load)
//	d.add_days(n)                   n calendar days later
//	d.add_months(n), d.add_years(n) the same day n months (12n months) later, clamped
//	                                to the month's end: 2024-02-29 + 1 year = 2025-02-28
//	d.add_business_days(n, "US-CA") the n-th business day after d on a named calendar
//	age_days(d, as_of)              days from d to as_of
//	age_years(d, as_of)             whole years from d to as_of (anniversaries as add_years)
//	<, <=, >, >=, ==, !=            compare dates
//	string(d)                       YYYY-MM-DD
//
// Every date lies in the years 1 to 9999 (it is written YYYY-MM-DD, and the
// policy compares such dates): arithmetic whose result falls outside them
// is an evaluation error, so the rule's claim comes back with Error set
// (disputed), never with an until like "+10026-01-01".
//
// # Loading and evaluation
//
// Load and Parse validate the file, then compile every expression once,
// check its result type and estimate its worst-case cost: every problem
// comes back at load, in a *LoadError of *Error values carrying the file,
// the rule id, the JSON pointer, the line in the file and the position in
// the expression, each wrapping one of ErrSyntax, ErrSchema, ErrCompile,
// ErrResultType or ErrCost. Nothing about a playbook fails at decision
// time: Claims evaluates the rules for one data item (about a microsecond
// a rule, each bounded by CostLimit), and a rule that cannot be evaluated for an
// item yields a Claim with Error set, for the caller to treat as disputed
// (fail closed).
//
// The package reads no clock: the evaluation date is an argument. It
// imports no other dsrkit package but calendar, and exposes no CEL type.
package rules
