package policy

import (
	"fmt"

	"github.com/dsrkit/dsrkit/internal/schema"
)

// Limits bound the requests an Engine reads: a request that exceeds one is
// invalid (a *RequestError whose problem names the limit, e.g.
// `/data: 10001 items; the limit is 10000 (Limits.DataItems)`), and nothing
// is decided. They keep a hostile or broken client from making the engine
// hold, validate and evaluate without end; the defaults (DefaultLimits)
// are far above what a real system of record sends.
//
// A zero field takes its default; a negative field is no limit.
type Limits struct {
	// RequestBytes is the largest request document, in bytes.
	RequestBytes int
	// StringBytes is the longest string, and the longest member name, in
	// bytes (UTF-8, after JSON escapes are decoded).
	StringBytes int
	// Depth is the deepest nesting of objects and arrays (the request
	// itself is depth 1; a data item's exception is depth 5; the rest is
	// for data[].attributes).
	Depth int
	// DataItems is the most items in data[].
	DataItems int
	// ExceptionsPerItem is the most exceptions one data item claims.
	ExceptionsPerItem int
	// Recipients is the most recipients[].
	Recipients int
	// Steps is the most steps[] of an opt-in.
	Steps int
	// Disclosures is the most disclosures_since_receipt[] of an opt-out.
	Disclosures int
	// ArrayItems is the most items of any other array (scope, exemptions,
	// arrays inside data[].attributes).
	ArrayItems int
	// Problems is the most problems a RequestError lists; past it, a last
	// problem (at the root) says how many more there are.
	Problems int
}

// DefaultLimits returns the limits an Engine applies unless WithLimits
// says otherwise:
//
//	RequestBytes       8 MiB   10,000 items of ~800 bytes each, with room to spare
//	StringBytes       16 KiB   ids and names are short; a pasted note or explanation is a few KiB
//	Depth                 32   a request's own structure is 5 deep; attributes are flat facts
//	DataItems         10,000   what discovery finds for one consumer across every system
//	ExceptionsPerItem    100   one item is kept on a handful of bases
//	Recipients         1,000   service providers, contractors and third parties of one business
//	Steps              1,000   an opt-in is two steps; retries and channels add a few
//	Disclosures       10,000   sales and shares between receipt and processing (days)
//	ArrayItems         1,000   the contract's own lists have fewer than 20 values
//	Problems             100   enough to fix a request; the rest are counted
func DefaultLimits() Limits {
	return Limits{
		RequestBytes:      8 << 20,
		StringBytes:       16 << 10,
		Depth:             32,
		DataItems:         10_000,
		ExceptionsPerItem: 100,
		Recipients:        1_000,
		Steps:             1_000,
		Disclosures:       10_000,
		ArrayItems:        1_000,
		Problems:          100,
	}
}

// WithLimits sets the limits on the requests the engine reads (see Limits:
// a zero field keeps its default, a negative one is no limit). They belong
// to the engine, not to its policy: New applies them; given to Reload, the
// option changes nothing.
func WithLimits(l Limits) Option {
	return func(c *config) error {
		c.requests = l
		return nil
	}
}

// SupportedDates returns the first and the last date on which the
// instants of a request (received_at, as_of, events, steps, …) and a
// received_at written as a date may fall: the years of the business-day
// calendars but their last, so that every deadline a request starts can
// be counted. A request with a date outside them is invalid, at the date's
// pointer. Other dates (birth_date, an exception's until) may be any date
// from 0001-01-01 to 9999-12-31.
func SupportedDates() (first, last string) { return schema.SupportedDates() }

// resolved is l with every zero field set to its default.
func (l Limits) resolved() Limits {
	d := DefaultLimits()
	pick := func(v, def int) int {
		if v == 0 {
			return def
		}
		return v
	}
	return Limits{
		RequestBytes:      pick(l.RequestBytes, d.RequestBytes),
		StringBytes:       pick(l.StringBytes, d.StringBytes),
		Depth:             pick(l.Depth, d.Depth),
		DataItems:         pick(l.DataItems, d.DataItems),
		ExceptionsPerItem: pick(l.ExceptionsPerItem, d.ExceptionsPerItem),
		Recipients:        pick(l.Recipients, d.Recipients),
		Steps:             pick(l.Steps, d.Steps),
		Disclosures:       pick(l.Disclosures, d.Disclosures),
		ArrayItems:        pick(l.ArrayItems, d.ArrayItems),
		Problems:          pick(l.Problems, d.Problems),
	}
}

// parseLimits are the resolved limits as the parser takes them (no limit,
// negative here, is 0 there).
func (l Limits) parseLimits() schema.Limits {
	r := l.resolved()
	off := func(v int) int { return max(v, 0) }
	return schema.Limits{
		Bytes:       off(r.RequestBytes),
		StringBytes: off(r.StringBytes),
		Depth:       off(r.Depth),
		DataItems:   off(r.DataItems),
		Exceptions:  off(r.ExceptionsPerItem),
		Recipients:  off(r.Recipients),
		Steps:       off(r.Steps),
		Disclosures: off(r.Disclosures),
		OtherItems:  off(r.ArrayItems),
	}
}

// limitNames name the limits in problems by their fields here.
var limitNames = schema.LimitNames{
	Bytes:       "Limits.RequestBytes",
	StringBytes: "Limits.StringBytes",
	Depth:       "Limits.Depth",
	DataItems:   "Limits.DataItems",
	Exceptions:  "Limits.ExceptionsPerItem",
	Recipients:  "Limits.Recipients",
	Steps:       "Limits.Steps",
	Disclosures: "Limits.Disclosures",
	OtherItems:  "Limits.ArrayItems",
}

// capProblems keeps the first n problems (all when n < 0) and counts the
// rest in a last problem at the root.
func capProblems(ps []Problem, n int) []Problem {
	if n < 0 || len(ps) <= n {
		return ps
	}
	rest := len(ps) - n
	ps = ps[:n:n]
	word := "problems"
	if rest == 1 {
		word = "problem"
	}
	return append(ps, Problem{Message: fmt.Sprintf("and %d more %s (Limits.Problems is %d)", rest, word, n)})
}
