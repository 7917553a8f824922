# METADATA
# title: Which laws apply to a request
# description: |
#   Every law in data.dsrkit.laws is considered on the date of the request
#   (dsrkit reading § 6). A law's data (one file per law under laws/) holds:
#
#     in_force         {from, citation}: the first day it applies
#     territory        a test: where the consumer or business must be
#     consumers        a test: which relationships make a person a consumer
#     thresholds       a test the business must meet (absent: none)
#     exempt_entities  a test that, when met, takes the business out
#                      (absent: none)
#     calendar, calendar_from, delete: its periods (see deadlines/)
#
#   A test is {citation, any: [alternative, ...]}: it is met when any of its
#   alternatives in force on the date is met. An alternative holds a
#   citation, may hold from / until dates (until is the first day it no
#   longer holds), and holds when all of its conditions do:
#
#     residence     a set of residence codes (consumer.residence)
#     relationship  a set of relationships (consumer.relationship)
#     exemption     an entity exemption in business.exemptions
#     all           business facts [{fact, op: ">"|">="|"==", value}]
#
#   A law not in force gets that reason only; a law whose territory the
#   request is outside gets that reason only; otherwise every test that
#   fails gives its reason.
#
#   A business fact that is not given is unknown: an alternative that needs
#   it is neither met nor failed, and a law whose test is unknown is assumed
#   to apply (never late), with a threshold_unknown reason naming the facts.
#   An unknown territorial test assumes the law only for a consumer who
#   lives in one of the territories it names: an unknown fact never carries
#   a law abroad.
#
#   Reasons are cited to the law's own provision (from its data); the rule
#   that gave the reason is in the reason's rule.
package dsrkit.applicability

import data.dsrkit.lib
import data.dsrkit.request

# laws maps each law's id to its data.
laws := {l.id: l | some pkg; l := data.dsrkit.laws[pkg].law}

# on is the date a law is judged on: the receipt date, else the date of as_of.
on := request.received_on

on := request.as_of_date if not request.received_on

residence := object.get(input, ["consumer", "residence"], "(not given)")

relationship := object.get(input, ["consumer", "relationship"], "customer")

business := object.get(input, "business", {})

exemptions := {e | some e in object.get(business, "exemptions", [])}

# aliases maps a business fact's name to the deprecated name the request
# contract still accepts for it (schemas/common.json, one release):
# consumers_sold_or_shared_per_year counted only what was sold or shared,
# where the CCPA counts consumers or households whose personal information
# the business buys, sells or shares (Cal. Civ. Code § 1798.140(d)(1)(B)).
aliases := {"consumers_or_households_bought_sold_or_shared_per_year": "consumers_sold_or_shared_per_year"}

# facts are the business's facts as the laws' tests read them: a fact given
# under its deprecated name is read under the new one; given under both, the
# larger figure counts (never late).
facts := object.union(business, {name: max(given) |
	some name, old in aliases
	given := [x | some k in [name, old]; x := business[k]; x != null]
	count(given) > 0
})

# Every decision evaluates this package, for every law: each test of a law
# is judged once (territory_alts, consumer_alts, threshold_alts,
# exemption_alts, keyed by the law's id) and the statuses and the messages
# are read from those lists. A message is built only for a reason given.

# judged lists a test's alternatives in force on the date d, in order, each
# with its status ("met", "not_met" or "unknown"): [[alt, status], ...]. An
# alternative is in force from its "from" (inclusive) until its "until"
# (exclusive); either may be absent.
judged(test, d) := [[alt, alternative(alt)] |
	some alt in test.any
	object.get(alt, "from", d) <= d
	not ended(alt, d)
]

# ended: an alternative's "until" (exclusive) is on or before d. Without an
# "until" it is open-ended: no sentinel date stands in for "never".
ended(alt, d) if alt.until <= d

# status of a test, from its judged alternatives.
status(judged) := "met" if {
	some [_, "met"] in judged
} else := "unknown" if {
	some [_, "unknown"] in judged
} else := "not_met"

# all_of is the status of all of a set of statuses.
all_of(s) := "not_met" if {
	"not_met" in s
} else := "unknown" if {
	"unknown" in s
} else := "met"

# alternative is the status of one alternative: not met when the consumer
# or the business fails one of its conditions that are always known, else
# that of its business facts.
alternative(alt) := "not_met" if {
	alt.residence
	not residence in alt.residence
} else := "not_met" if {
	alt.relationship
	not relationship in alt.relationship
} else := "not_met" if {
	alt.exemption
	not alt.exemption in exemptions
} else := fact_status(alt.all[0]) if {
	count(alt.all) == 1
} else := all_of({fact_status(a) | some a in alt.all}) if {
	alt.all
} else := "met"

# fact_status is the status of one condition on a business fact: unknown
# when the fact is not given (absent or null in input.business, read
# through facts).
fact_status(a) := "met" if {
	x := facts[a.fact]
	x != null
	compare(a.op, x, a.value)
} else := "not_met" if {
	facts[a.fact] != null
} else := "unknown"

compare(">", x, y) if x > y

compare(">=", x, y) if x >= y

compare("==", x, y) if x == y

# in_force holds the ids of the laws in force on the date: every law, from
# the date the last of them came into force.
default in_force := set()

in_force := ids if on >= last_in_force

in_force := {id | some id, law in laws; law.in_force.from <= on} if on < last_in_force

# last_in_force is the date the last of the laws came into force.
last_in_force := max({law.in_force.from | some law in laws})

# ids are the laws' ids.
ids := object.keys(laws)

# fixed maps each law whose territorial test names only residences, on
# every date (no business fact, no from or until), to those residences and
# to what a consumer living elsewhere is told: its laws[] entry, but for
# its reasons, and the one reason not_resident gives, but for the end of
# its message (the residence). It does not read the request: the engine
# computes it once per policy.
fixed[id] := {
	"residences": {r | some alt in law.territory.any; some r in alt.residence},
	"entry": {"law": id, "applies": false, "citation": law.citation},
	"reason": not_resident[id],
	"outside": outside_text(id, [[alt, "not_met"] | some alt in law.territory.any]),
} if {
	some id, law in laws
	count(law.territory.any) > 0
	every alt in law.territory.any {
		alt.residence
		not alt.all
		not alt.from
		not alt.until
	}
}

# fixed_ids are the laws with a fixed territory.
fixed_ids := object.keys(fixed)

# outside_ids are the laws in force whose fixed territory the consumer lives
# outside: not met, whatever else the request says.
outside_ids := (in_force & fixed_ids) - object.get(fixed_at, residence, set())

# fixed_at maps each residence a fixed territory names to the laws whose
# territory it is in.
fixed_at[r] contains id if {
	some id, f in fixed
	some r in f.residences
}

# outside maps each of outside_ids to its laws[] entry.
outside := object.filter(outside_at[residence], outside_ids)

outside := {id: outside_entry(id, residence) | some id in outside_ids} if not outside_at[residence]

# outside_at maps each residence a fixed territory names to the entries of
# the fixed laws whose territory it is outside, written once per policy.
outside_at[r] := {id: outside_entry(id, r) | some id in (fixed_ids - inside)} if some r, inside in fixed_at

outside_entry(id, r) := object.union(fixed[id].entry, {"reasons": [object.union(fixed[id].reason, {"message": concat("", [fixed[id].outside, r])})]})

# territory_alts maps each other law in force to its territorial test's
# judged alternatives; judged_territory, to its status; territory maps
# every law in force to its status.
territory_alts := {id: judged(laws[id].territory, d) | some id in (in_force - outside_ids)} if d := on

judged_territory := {id: territorial(id, judged) | some id, judged in territory_alts}

territory := object.union({id: "not_met" | some id in outside_ids}, judged_territory)

# territorial is a law's territorial status: an unknown one stays unknown
# only for a consumer living in a territory the law names.
territorial(id, judged) := "met" if {
	some [_, "met"] in judged
} else := "unknown" if {
	some [_, "unknown"] in judged
	home(laws[id])
} else := "not_met"

home(law) if {
	some alt in law.territory.any
	residence in object.get(alt, "residence", set())
}

# within holds the ids of the laws in force whose territory the request is
# in (or assumed in). Outside it, nothing else about a law is said.
within contains id if {
	some id, s in judged_territory
	s != "not_met"
}

# The other tests of a law the request is within, judged: consumer_alts,
# threshold_alts and exemption_alts map its id to their judged alternatives.
consumer_alts[id] := judged(laws[id].consumers, on) if some id in within

threshold_alts[id] := judged(laws[id].thresholds, on) if some id in within

exemption_alts[id] := judged(laws[id].exempt_entities, on) if some id in within

# consumer and threshold hold the status of those tests.
consumer[id] := status(consumer_alts[id]) if some id in within

threshold[id] := status(threshold_alts[id]) if some id in within

threshold[id] := "met" if {
	some id in within
	not laws[id].thresholds
}

# exempted_by holds, per law, the exemptions that take the business out.
exempted_by[id] contains alt if {
	some id in within
	some [alt, "met"] in exemption_alts[id]
}

# applies holds the ids of the laws that apply.
applies contains id if {
	some id in within
	consumer[id] == "met"
	threshold[id] != "not_met"
	not exempted_by[id]
}

# Texts of the decision's messages, from the data: conditions as written,
# the business's figures as given. They take a test's judged alternatives.

alternatives_text(judged) := concat(" or ", [alt_text(alt) | some [alt, _] in judged])

# alt_text says an alternative's conditions: its residence, else its one
# business fact, else all of them in brackets.
alt_text(alt) := sprintf("residence in %s", [alt.residence_name]) if {
	not alt.all
} else := sprintf("residence in %s", [concat(", ", sort(alt.residence))]) if {
	not alt.all
	not alt.residence_name
} else := atom_text(alt.all[0]) if {
	not alt.residence
	not alt.residence_name
	count(alt.all) == 1
} else := conditions_text(array.concat(
	[sprintf("residence in %s", [where]) | where := residence_text(alt)],
	[atom_text(a) | some a in alt.all],
))

conditions_text(conditions) := conditions[0] if {
	count(conditions) == 1
} else := sprintf("(%s)", [concat(" and ", conditions)]) if {
	count(conditions) > 1
}

residence_text(alt) := name if {
	name := alt.residence_name
} else := concat(", ", sort(alt.residence))

atom_text(a) := sprintf("business.%s %s %v", [a.fact, a.op, a.value])

# figures lists the business facts a test reads, as given.
figures(judged) := concat(", ", [sprintf("%s %s", [f, value_text(f)]) | some f in facts_read(judged)])

facts_read(judged) := sort({a.fact | some [alt, _] in judged; some a in alt.all})

value_text(f) := sprintf("%v", [x]) if {
	x := facts[f]
	x != null
} else := "not given"

# unknowns names the facts an unknown test could not check.
unknowns(judged) := concat(", ", sort({atom_text(a) |
	some [alt, "unknown"] in judged
	some a in alt.all
	fact_status(a) == "unknown"
}))

unknown_citations(judged) := concat("; ", sort({alt.citation | some [alt, "unknown"] in judged}))

met_text(judged) := concat(" or ", [alt_text(alt) | some [alt, "met"] in judged])

# part says how a test that did not exclude the law was passed.
part(_, "unknown") := "assumed (facts not given)"

part(judged, "met") := met_text(judged)

threshold_part(law) := sprintf("threshold: %s", [part(threshold_alts[law.id], threshold[law.id])]) if {
	law.thresholds
} else := "no thresholds"

relationships_text(judged) := concat(", ", sort({r | some [alt, _] in judged; some r in alt.relationship}))

# later says from when a relationship not yet covered will be.
later(test) := concat("", [sprintf(" (covered from %s)", [alt.from]) |
	some alt in test.any
	alt.from > on
	relationship in alt.relationship
])

until_text(alt) := sprintf(" (until %s)", [alt.until]) if {
	alt.until
} else := ""

note_text(alt) := sprintf(": %s", [alt.note]) if {
	alt.note
} else := ""

# METADATA
# title: Not yet in force
# description: The law applies to requests received from its effective date.
# custom:
#   citation: dsrkit reading § 6(a); the law's effective-date provision (law.in_force)
reasons[id] contains lib.with_citation(lib.law_reason(id, "not_in_force", msg, rego.metadata.chain()), law.in_force.citation) if {
	some id in (ids - in_force)
	law := laws[id]
	on < law.in_force.from
	msg := sprintf("%s applies to requests received from %s; this one was received on %s", [id, law.in_force.from, on])
}

# The reasons below are written out as objects (as in opt_out/ and
# deadlines/): the same reason lib.with_citation(lib.law_reason(...)) gives,
# without its two object.union calls and three function calls. They run
# for the laws of every decision. The rule comes from lib.rule_name, so the
# engine still checks that each of these rules has its METADATA citation.

# METADATA
# title: Outside the law's territory
# description: The consumer lives outside the law's territory, or the business reaches them in none of the ways the law names.
# custom:
#   citation: dsrkit reading § 6(b); the law's territorial provision (law.territory)
not_resident[id] := lib.traced(
	{
		"law": id,
		"code": "not_resident",
		"citation": law.territory.citation,
		"rule": lib.rule_name(rego.metadata.chain()),
	},
	rego.metadata.chain(),
) if {
	some id, law in laws
}

# The reason not_resident gives a law whose territory the consumer is
# outside: the one in its entry for a fixed territory (outside); for
# another, its message says what the request gives of the test.
reasons[id] contains r if {
	some id, entry in outside
	some r in entry.reasons
}

reasons[id] contains object.union(not_resident[id], {"message": msg}) if {
	some id, "not_met" in judged_territory
	judged := territory_alts[id]
	msg := concat("", [outside_text(id, judged), residence, business_text(judged)])
}

outside_text(id, judged) := sprintf("%s covers %s; the consumer's residence is ", [id, alternatives_text(judged)])

business_text(judged) := sprintf("; the business: %s", [figures(judged)]) if {
	some [alt, _] in judged
	alt.all[_].fact
} else := ""

# METADATA
# title: Not a consumer under the law
# description: The person's relationship to the business (employee, B2B contact, …) is outside the law's definition of consumer on the date.
# custom:
#   citation: dsrkit reading § 6; the law's definition of consumer (law.consumers)
reasons[id] contains lib.traced(
	{
		"law": id,
		"code": "not_a_consumer",
		"message": msg,
		"citation": law.consumers.citation,
		"rule": lib.rule_name(rego.metadata.chain()),
	},
	rego.metadata.chain(),
) if {
	some id in within
	consumer[id] == "not_met"
	law := laws[id]
	msg := sprintf("%s covers, on %s, a person whose relationship to the business is one of: %s; this one is %s%s", [id, on, relationships_text(consumer_alts[id]), relationship, later(law.consumers)])
}

# METADATA
# title: Below the law's thresholds
# description: The business meets none of the thresholds in force on the date.
# custom:
#   citation: dsrkit reading § 6(c); the law's thresholds (law.thresholds)
reasons[id] contains lib.traced(
	{
		"law": id,
		"code": "below_threshold",
		"message": msg,
		"citation": law.thresholds.citation,
		"rule": lib.rule_name(rego.metadata.chain()),
	},
	rego.metadata.chain(),
) if {
	some id in within
	threshold[id] == "not_met"
	law := laws[id]
	msg := sprintf("%s applies on %s to a business meeting any of: %s; the business: %s", [id, on, alternatives_text(threshold_alts[id]), figures(threshold_alts[id])])
}

# METADATA
# title: An exempt entity
# description: The business is an entity the law does not apply to.
# custom:
#   citation: dsrkit reading § 6(d); the law's entity exemptions (law.exempt_entities)
reasons[id] contains lib.traced(
	{
		"law": id,
		"code": "exempt_entity",
		"message": msg,
		"citation": alt.citation,
		"rule": lib.rule_name(rego.metadata.chain()),
	},
	rego.metadata.chain(),
) if {
	some id in within
	some alt in exempted_by[id]
	msg := sprintf("%s does not apply to a business that is %s%s%s", [id, alt.exemption, until_text(alt), note_text(alt)])
}

# METADATA
# title: A threshold could not be checked
# description: |
#   A business fact the law's thresholds need is not given: the law is
#   assumed to apply, so that no deadline is missed (never late).
# custom:
#   citation: dsrkit reading § 6(c) and its "never late" principle; the law's thresholds (law.thresholds)
reasons[id] contains lib.traced(
	{
		"law": id,
		"code": "threshold_unknown",
		"message": msg,
		"citation": unknown_citations(threshold_alts[id]),
		"rule": lib.rule_name(rego.metadata.chain()),
	},
	rego.metadata.chain(),
) if {
	some id in applies
	threshold[id] == "unknown"
	msg := sprintf("%s threshold could not be checked: %s (not given); %s is assumed to apply (never late)", [id, unknowns(threshold_alts[id]), id])
}

# METADATA
# title: The territorial test could not be checked
# description: |
#   A business fact the law's territorial test needs is not given, for a
#   consumer living in the law's territory: the law is assumed to apply.
# custom:
#   citation: dsrkit reading § 6(b) and its "never late" principle; the law's territorial provision (law.territory)
reasons[id] contains lib.traced(
	{
		"law": id,
		"code": "threshold_unknown",
		"message": msg,
		"citation": unknown_citations(territory_alts[id]),
		"rule": lib.rule_name(rego.metadata.chain()),
	},
	rego.metadata.chain(),
) if {
	some id in applies
	judged_territory[id] == "unknown"
	msg := sprintf("%s territorial scope could not be checked: %s (not given); %s is assumed to apply (never late)", [id, unknowns(territory_alts[id]), id])
}

# METADATA
# title: The law applies
# description: In force on the date, the consumer within its territory and definition of consumer, the thresholds met (or assumed), no exemption.
# custom:
#   citation: dsrkit reading § 6; the law (law.citation)
reasons[id] contains lib.traced(
	{
		"law": id,
		"code": "applies",
		"message": msg,
		"citation": law.citation,
		"rule": lib.rule_name(rego.metadata.chain()),
	},
	rego.metadata.chain(),
) if {
	some id in applies
	law := laws[id]
	msg := sprintf("%s applies on %s: in force from %s; territory: %s; relationship: %s; %s", [
		id, on, law.in_force.from,
		part(territory_alts[id], judged_territory[id]),
		relationship,
		threshold_part(law),
	])
}

# results is the laws[] block of a decision: every law considered. The
# entry of a law whose fixed territory the consumer lives outside is the
# one outside holds (reasons holds its reason too).
results := [entries[id] | some id in sort(ids)] if {
	given := reasons
	entries := object.union(outside, {id: {
		"law": id,
		"applies": id in applies,
		"citation": laws[id].citation,
		"reasons": sort(object.get(given, id, set())),
	} |
		some id in (ids - outside_ids)
	})
}
