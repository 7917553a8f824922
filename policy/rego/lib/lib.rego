# METADATA
# title: Shared helpers of dsrkit's policy
# description: |
#   Reasons carry the citation of the rule that gives them (its METADATA
#   custom.citation); periods are law data ({n, unit, citation}) turned into
#   dates by dsrkit's calendar builtins, never by time.add_date.
package dsrkit.lib

# reason builds a decision reason from the calling rule's metadata chain
# (pass rego.metadata.chain()): the citation and the rule's name come from there.
reason(code, message, chain) := {
	"code": code,
	"message": message,
	"citation": chain[0].annotations.custom.citation,
	"rule": rule_name(chain),
}

# law_reason is a reason about one law.
law_reason(law, code, message, chain) := object.union(reason(code, message, chain), {"law": law})

# with_citation cites a reason to a provision the rule takes from law data
# (a generic rule's METADATA names the reading; the reason, the statute).
with_citation(reason, citation) := object.union(reason, {"citation": citation})

# rule_name is the full reference (data.…) of the rule a metadata chain starts at.
rule_name(chain) := concat(".", array.concat(["data"], chain[0].path))

# due is the last day of a period that starts the day after date (R2, R3, R5).
due(date, period, _) := dsrkit.add_days(date, period.n) if period.unit == "days"

due(date, period, calendar) := dsrkit.add_business_days(date, period.n, calendar) if period.unit == "business_days"

due(date, period, calendar) := dsrkit.add_months_eu(date, period.n, calendar) if period.unit == "months"

# unit_text says a period in words, for the arithmetic a decision shows.
unit_text := {
	"days": "calendar days",
	"business_days": "business days",
	"months": "months (Reg. 1182/71, rolled to the next working day)",
}

# computation shows how a due date was reached.
computation(date, period, calendar) := sprintf("%s + %d %s", [date, period.n, unit_text[period.unit]]) if period.unit == "days"

computation(date, period, calendar) := sprintf("%s + %d %s on calendar %s", [date, period.n, unit_text[period.unit], calendar]) if period.unit != "days"

# earliest is the first of a set of dates (YYYY-MM-DD sorts as it reads).
earliest(dates) := min(dates) if count(dates) > 0
