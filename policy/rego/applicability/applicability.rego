# METADATA
# title: Which laws apply to a request
# description: |
#   Every law in data.dsrkit.laws is considered; a law applies when it is in
#   force on the receipt date and the consumer is a resident (READINGS § 6).
package dsrkit.applicability

import data.dsrkit.lib
import data.dsrkit.request

# laws maps each law's id to its data.
laws := {l.id: l | some pkg; l := data.dsrkit.laws[pkg].law}

# METADATA
# title: Not yet in force
# custom:
#   citation: READINGS § 6(a)
reasons[id] contains lib.law_reason(id, "not_in_force", msg, rego.metadata.chain()) if {
	some id, law in laws
	request.received_on < law.in_force_from
	msg := sprintf("%s applies to requests received from %s; this one was received on %s", [id, law.in_force_from, request.received_on])
}

# METADATA
# title: Not a resident
# custom:
#   citation: READINGS § 6(b)
reasons[id] contains lib.law_reason(id, "not_resident", msg, rego.metadata.chain()) if {
	some id, law in laws
	not input.consumer.residence in law.residence
	msg := sprintf("%s protects residents of %s; the consumer's residence is %s", [id, concat(", ", sort(law.residence)), input.consumer.residence])
}

# METADATA
# title: The law applies
# custom:
#   citation: READINGS § 6
reasons[id] contains lib.law_reason(id, "applies", msg, rego.metadata.chain()) if {
	some id, law in laws
	applies[id]
	msg := sprintf("%s is in force on %s (from %s) and the consumer is a resident of %s", [id, request.received_on, law.in_force_from, input.consumer.residence])
}

# applies holds the ids of the laws that apply.
applies contains id if {
	some id, law in laws
	request.received_on >= law.in_force_from
	input.consumer.residence in law.residence
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
