# METADATA
# title: The decision on a request to delete
# description: |
#   Entry point for kind "delete": the laws that apply, their deadlines, and
#   the outcome with its reasons.
package dsrkit.delete

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.lib
import data.dsrkit.request

decision := {
	"kind": "delete",
	"request_id": object.get(input, "id", ""),
	"as_of": request.as_of,
	"received_on": request.received_on,
	"laws": applicability.results,
	"outcome": outcome,
	"deadlines": deadline_block,
	"timeline": deadlines.timeline,
	"reasons": [r | some r in reasons],
	"notices": [],
	"escalations": [],
}

deadline_block := object.union(
	{name: object.get(deadlines.binding, name, null) | some name in deadlines.names},
	{
		"calendar": calendar,
		"by_law": deadlines.by_law,
	},
)

# calendar is the business-day calendar the binding deadlines were counted on.
calendar := request.calendar_override

calendar := applicability.laws[id].calendar if {
	not request.calendar_override
	some id in applicability.applies
	applicability.laws[id].delete.acknowledge
}

default calendar := "US"

default outcome := "needs_review"

outcome := "not_covered" if count(applicability.applies) == 0

# METADATA
# title: No law covers the request
# custom:
#   citation: READINGS § 6
reasons contains lib.reason("not_covered", "no law considered applies to this request; see laws[] for each law's reason", rego.metadata.chain()) if {
	count(applicability.applies) == 0
}

# METADATA
# title: Item analysis not yet decided by this policy
# description: Deadlines are decided; the per-item deletion analysis is not part of this policy revision, so the request needs a person.
# custom:
#   citation: READINGS § 3
reasons contains lib.reason("needs_review", "the deadlines are set; this policy revision does not yet decide the items, verification and notices: a person must review the request", rego.metadata.chain()) if {
	count(applicability.applies) > 0
}
