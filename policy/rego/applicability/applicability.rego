# METADATA
# title: Which laws apply to a request
# description: |
#   Every law in data.dsrkit.laws is considered on the date of the request
#   (READINGS § 6). A law's data (one file per law under laws/) holds:
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

# in_effect holds for a dated alternative on the date: from its "from"
# (inclusive) until its "until" (exclusive); either may be absent.
in_effect(x) if {
	object.get(x, "from", on) <= on
	on < object.get(x, "until", "9999-12-31")
}

# alternatives lists a test's alternatives in force on the date.
alternatives(test) := [alt | some alt in test.any; in_effect(alt)]

# status of a test: "met", "not_met" or "unknown".
status(test) := any_of({alternative(alt) | some alt in alternatives(test)})

any_of(s) := "met" if "met" in s

any_of(s) := "unknown" if {
	not "met" in s
	"unknown" in s
}

any_of(s) := "not_met" if {
	not "met" in s
	not "unknown" in s
}

all_of(s) := "not_met" if "not_met" in s

all_of(s) := "unknown" if {
	not "not_met" in s
	"unknown" in s
}

all_of(s) := "met" if {
	not "not_met" in s
	not "unknown" in s
}

alternative(alt) := "not_met" if outside(alt)

alternative(alt) := all_of({fact_status(a) | some a in object.get(alt, "all", [])}) if not outside(alt)

# outside holds when the consumer or the business fails one of an
# alternative's conditions that are always known.
outside(alt) if not residence in object.get(alt, "residence", {residence})

outside(alt) if not relationship in object.get(alt, "relationship", {relationship})

outside(alt) if {
	alt.exemption
	not alt.exemption in exemptions
}

fact(a) := object.get(business, a.fact, null)

fact_status(a) := "unknown" if fact(a) == null

fact_status(a) := "met" if {
	fact(a) != null
	compare(a.op, fact(a), a.value)
}

fact_status(a) := "not_met" if {
	fact(a) != null
	not compare(a.op, fact(a), a.value)
}

compare(">", x, y) if x > y

compare(">=", x, y) if x >= y

compare("==", x, y) if x == y

# in_force holds the ids of the laws in force on the date.
in_force contains id if {
	some id, law in laws
	law.in_force.from <= on
}

# territory, consumer and threshold hold each law's test status.
territory[id] := territorial(laws[id]) if some id in in_force

# territorial is a law's territorial status: an unknown one stays unknown
# only for a consumer living in a territory the law names.
territorial(law) := "not_met" if {
	status(law.territory) == "unknown"
	not home(law)
} else := status(law.territory)

home(law) if {
	some alt in law.territory.any
	residence in object.get(alt, "residence", set())
}

consumer[id] := status(laws[id].consumers) if some id in in_force

threshold[id] := status(laws[id].thresholds) if {
	some id in in_force
	laws[id].thresholds
}

threshold[id] := "met" if {
	some id in in_force
	not laws[id].thresholds
}

# exempted_by holds, per law, the exemptions that take the business out.
exempted_by[id] contains alt if {
	some id in in_force
	some alt in alternatives(laws[id].exempt_entities)
	alternative(alt) == "met"
}

# within holds the ids of the laws in force whose territory the request is
# in (or assumed in). Outside it, nothing else about a law is said.
within contains id if {
	some id in in_force
	territory[id] != "not_met"
}

# applies holds the ids of the laws that apply.
applies contains id if {
	some id in within
	consumer[id] == "met"
	threshold[id] != "not_met"
	not exempted_by[id]
}

# Texts of the decision's messages, from the data: conditions as written,
# the business's figures as given.

alternatives_text(test) := concat(" or ", [alt_text(alt) | some alt in alternatives(test)])

alt_text(alt) := conditions[0] if {
	conditions := alt_conditions(alt)
	count(conditions) == 1
}

alt_text(alt) := sprintf("(%s)", [concat(" and ", conditions)]) if {
	conditions := alt_conditions(alt)
	count(conditions) > 1
}

alt_conditions(alt) := array.concat(
	[sprintf("residence in %s", [where]) | where := residence_text(alt)],
	[atom_text(a) | some a in object.get(alt, "all", [])],
)

residence_text(alt) := alt.residence_name

residence_text(alt) := concat(", ", sort(alt.residence)) if not alt.residence_name

atom_text(a) := sprintf("business.%s %s %v", [a.fact, a.op, a.value])

# figures lists the business facts a test reads, as given.
figures(test) := concat(", ", [sprintf("%s %s", [f, value_text(f)]) | some f in facts_read(test)])

facts_read(test) := sort({a.fact | some alt in alternatives(test); some a in object.get(alt, "all", [])})

value_text(f) := "not given" if object.get(business, f, null) == null

value_text(f) := sprintf("%v", [business[f]]) if object.get(business, f, null) != null

# unknowns names the facts an unknown test could not check.
unknowns(test) := concat(", ", sort({atom_text(a) |
	some alt in alternatives(test)
	alternative(alt) == "unknown"
	some a in alt.all
	fact_status(a) == "unknown"
}))

unknown_citations(test) := concat("; ", sort({alt.citation |
	some alt in alternatives(test)
	alternative(alt) == "unknown"
}))

met_text(test) := concat(" or ", [alt_text(alt) | some alt in alternatives(test); alternative(alt) == "met"])

# part says how a test that did not exclude the law was passed.
part(_, "unknown") := "assumed (facts not given)"

part(test, "met") := met_text(test)

threshold_part(law) := "no thresholds" if not law.thresholds

threshold_part(law) := sprintf("threshold: %s", [part(law.thresholds, threshold[law.id])]) if law.thresholds

relationships_text(test) := concat(", ", sort({r | some alt in alternatives(test); some r in alt.relationship}))

# later says from when a relationship not yet covered will be.
later(test) := concat("", [sprintf(" (covered from %s)", [alt.from]) |
	some alt in test.any
	alt.from > on
	relationship in alt.relationship
])

until_text(alt) := sprintf(" (until %s)", [alt.until]) if alt.until

until_text(alt) := "" if not alt.until

note_text(alt) := sprintf(": %s", [alt.note]) if alt.note

note_text(alt) := "" if not alt.note

# METADATA
# title: Not yet in force
# description: The law applies to requests received from its effective date.
# custom:
#   citation: READINGS § 6(a); the law's effective-date provision (law.in_force)
reasons[id] contains lib.with_citation(lib.law_reason(id, "not_in_force", msg, rego.metadata.chain()), law.in_force.citation) if {
	some id, law in laws
	on < law.in_force.from
	msg := sprintf("%s applies to requests received from %s; this one was received on %s", [id, law.in_force.from, on])
}

# METADATA
# title: Outside the law's territory
# description: The consumer lives outside the law's territory, or the business reaches them in none of the ways the law names.
# custom:
#   citation: READINGS § 6(b); the law's territorial provision (law.territory)
reasons[id] contains lib.with_citation(lib.law_reason(id, "not_resident", msg, rego.metadata.chain()), law.territory.citation) if {
	some id, law in laws
	territory[id] == "not_met"
	msg := sprintf("%s covers %s; the consumer's residence is %s%s", [id, alternatives_text(law.territory), residence, business_text(law.territory)])
}

business_text(test) := "" if count(facts_read(test)) == 0

business_text(test) := sprintf("; the business: %s", [figures(test)]) if count(facts_read(test)) > 0

# METADATA
# title: Not a consumer under the law
# description: The person's relationship to the business (employee, B2B contact, …) is outside the law's definition of consumer on the date.
# custom:
#   citation: READINGS § 6; the law's definition of consumer (law.consumers)
reasons[id] contains lib.with_citation(lib.law_reason(id, "not_a_consumer", msg, rego.metadata.chain()), law.consumers.citation) if {
	some id in within
	consumer[id] == "not_met"
	law := laws[id]
	msg := sprintf("%s covers, on %s, a person whose relationship to the business is one of: %s; this one is %s%s", [id, on, relationships_text(law.consumers), relationship, later(law.consumers)])
}

# METADATA
# title: Below the law's thresholds
# description: The business meets none of the thresholds in force on the date.
# custom:
#   citation: READINGS § 6(c); the law's thresholds (law.thresholds)
reasons[id] contains lib.with_citation(lib.law_reason(id, "below_threshold", msg, rego.metadata.chain()), law.thresholds.citation) if {
	some id in within
	threshold[id] == "not_met"
	law := laws[id]
	msg := sprintf("%s applies on %s to a business meeting any of: %s; the business: %s", [id, on, alternatives_text(law.thresholds), figures(law.thresholds)])
}

# METADATA
# title: An exempt entity
# description: The business is an entity the law does not apply to.
# custom:
#   citation: READINGS § 6(d); the law's entity exemptions (law.exempt_entities)
reasons[id] contains lib.with_citation(lib.law_reason(id, "exempt_entity", msg, rego.metadata.chain()), alt.citation) if {
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
#   citation: READINGS § 6(c) and its "never late" principle; the law's thresholds (law.thresholds)
reasons[id] contains lib.with_citation(lib.law_reason(id, "threshold_unknown", msg, rego.metadata.chain()), unknown_citations(law.thresholds)) if {
	some id in applies
	threshold[id] == "unknown"
	law := laws[id]
	msg := sprintf("%s threshold could not be checked: %s (not given); %s is assumed to apply (never late)", [id, unknowns(law.thresholds), id])
}

# METADATA
# title: The territorial test could not be checked
# description: |
#   A business fact the law's territorial test needs is not given, for a
#   consumer living in the law's territory: the law is assumed to apply.
# custom:
#   citation: READINGS § 6(b) and its "never late" principle; the law's territorial provision (law.territory)
reasons[id] contains lib.with_citation(lib.law_reason(id, "threshold_unknown", msg, rego.metadata.chain()), unknown_citations(law.territory)) if {
	some id in applies
	territory[id] == "unknown"
	law := laws[id]
	msg := sprintf("%s territorial scope could not be checked: %s (not given); %s is assumed to apply (never late)", [id, unknowns(law.territory), id])
}

# METADATA
# title: The law applies
# description: In force on the date, the consumer within its territory and definition of consumer, the thresholds met (or assumed), no exemption.
# custom:
#   citation: READINGS § 6; the law (law.citation)
reasons[id] contains lib.with_citation(lib.law_reason(id, "applies", msg, rego.metadata.chain()), law.citation) if {
	some id in applies
	law := laws[id]
	msg := sprintf("%s applies on %s: in force from %s; territory: %s; relationship: %s; %s", [
		id, on, law.in_force.from,
		part(law.territory, territory[id]),
		relationship,
		threshold_part(law),
	])
}

# results is the laws[] block of a decision: every law considered.
results := [r |
	some id in sort(object.keys(laws))
	r := {
		"law": id,
		"applies": id in applies,
		"citation": laws[id].citation,
		"reasons": [r | some r in object.get(reasons, id, set())],
	}
]
