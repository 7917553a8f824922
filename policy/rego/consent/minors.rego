# Each law's rules on a known minor's data.
#
# dsrkit reading O5: the rules are each law's data (laws/*.rego, key
# minors), with effective dates, in one shape for every law: for a
# consumer aged from_age (default 0) up to but not including under_age,
# what the scope (sale, sharing, targeted_advertising, profiling) needs:
# prohibited (not even with consent), parental_consent or consent. An
# opt-in to sale or sharing is reached by a rule whose scope holds sale
# or sharing. A consumer whose age the request does not give is no known
# minor.
package dsrkit.consent

import data.dsrkit.applicability
import data.dsrkit.lib

# sale_scopes are the scopes an opt-in to sale or sharing falls under.
sale_scopes := {"sale", "sharing"}

# minor_rules lists the rules of the laws that apply which are in force on
# date d and reach the consumer's age on d and a sale, each with its law,
# the date and the age: [{law, on, age, rule, under_age, ...}].
minor_rules(d) := [object.union(e, {"law": id, "on": d, "age": a}) |
	some id in applicability.applies
	some e in object.get(applicability.laws[id], "minors", [])
	object.get(e, "from", d) <= d
	not applicability.ended(e, d)
	a := age_on(d)
	object.get(e, "from_age", 0) <= a
	a < e.under_age
	reaches_sale(e)
]

reaches_sale(e) if {
	some s in e.scope
	s in sale_scopes
}

# minor_bans are the rules, in force on any of the dates, that forbid the
# sale even with consent.
minor_bans(dates) := {b | some d in dates; some b in minor_rules(d); b.rule == "prohibited"}

# minor_consents are the rules on any of the dates that need consent.
minor_consents(dates) := {c | some d in dates; some c in minor_rules(d); c.rule != "prohibited"}

knowledge_text := {
	"actual": "knows",
	"actual_or_willful_disregard": "knows or wilfully disregards",
	"knew_or_should_have_known": "knows or should have known",
}

consent_text := {"consent": "the minor's own consent", "parental_consent": "the consent of a parent or guardian"}

# scope_text says what a rule reaches: "sale or targeted advertising".
scope_text(e) := concat(" or ", [replace(s, "_", " ") | some s in e.scope])

# ban_end is the first day a ban no longer reaches the consumer: the
# birthday at under_age (from the birth date; from an age alone, the latest
# it can be, counted as just turned on d), or the ban's until if earlier.
ban_end(b) := min({birthday(b.under_age, b.on)} | {u | some u in [b.until]})

birthday(age, _) := dsrkit.add_months(input.consumer.birth_date, 12 * age) if input.consumer.birth_date

birthday(age, d) := dsrkit.add_months(d, 12 * (age - input.consumer.age)) if not input.consumer.birth_date

# METADATA
# title: No sale of a known minor's data
# description: The law forbids the sale (or targeted advertising) of a known minor's data even with consent; no opt-in authorises it and the business may not ask for one (dsrkit reading O5).
# custom:
#   citation: dsrkit reading O5; each law's minors rule (minors)
minor_ban_reason(b, tail) := lib.with_citation(lib.law_reason(b.law, "minor_sale_prohibited", msg, rego.metadata.chain()), b.citation) if {
	msg := sprintf("%s: from %s, no %s of the data of a consumer the business %s is under %d, even with consent; the consumer is %d on %s: %s", [b.law, b.from, scope_text(b), knowledge_text[b.knowledge], b.under_age, b.age, b.on, tail])
}

# METADATA
# title: A known minor's consent
# description: The law lets the sale of a known minor's data rest only on consent, given by the minor or by a parent or guardian as the rule says (dsrkit reading O5).
# custom:
#   citation: dsrkit reading O5; each law's minors rule (minors)
minor_consent_reason(c) := lib.with_citation(lib.law_reason(c.law, "minor_consent_required", msg, rego.metadata.chain()), c.citation) if {
	msg := sprintf("%s: from %s, %s of the data of a consumer the business %s is %s needs %s; the consumer is %d on %s", [c.law, c.from, scope_text(c), knowledge_text[c.knowledge], age_range_text(c), consent_text[c.rule], c.age, c.on])
}

age_range_text(c) := sprintf("aged %d to %d", [c.from_age, c.under_age - 1]) if c.from_age

age_range_text(c) := sprintf("under %d", [c.under_age]) if not c.from_age
