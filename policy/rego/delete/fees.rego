# The free-request allowance of a law (law data delete.free_requests).
#
# A law that makes a number of requests free in a period (Indiana: one a
# year; Kentucky: two in twelve months) lets a business charge a reasonable
# fee for a request beyond them; it may decline one only as manifestly
# unfounded, excessive or repetitive, and bears the burden of showing so.
# The request says how many requests the consumer made in the twelve months
# before this one (consumer.prior_requests_12_months). A count that is not
# given, or an allowance over a period other than twelve months (which that
# count does not measure), is never read against the consumer: the request
# is free, and the decision says nothing of a fee.
package dsrkit.delete

import data.dsrkit.applicability
import data.dsrkit.lib

# free_allowances maps each applicable law with an allowance over twelve
# months to it.
free_allowances[id] := free if {
	some id in applicability.applies
	free := applicability.laws[id].delete.free_requests
	free.per == {"n": 12, "unit": "months"}
}

prior_requests := input.consumer.prior_requests_12_months

# METADATA
# title: Within the free allowance
# description: The consumer has not used the law's free requests in the twelve months before this one; the request is answered free of charge.
# custom:
#   citation: the law's free-request provision (law.delete.free_requests)
reasons contains lib.with_citation(lib.law_reason(id, "free_request", msg, rego.metadata.chain()), free.citation) if {
	some id, free in free_allowances
	prior_requests < free.n
	msg := sprintf("%s makes %d request(s) per 12 months free; the consumer made %d in the 12 months before this one: no fee may be charged", [id, free.n, prior_requests])
}

# METADATA
# title: Beyond the free allowance
# description: The consumer has used the law's free requests in the twelve months before this one; the business may charge a reasonable fee, and may decline only a manifestly unfounded, excessive or repetitive request, bearing the burden of showing so.
# custom:
#   citation: the law's free-request provision (law.delete.free_requests)
reasons contains lib.with_citation(lib.law_reason(id, "fee_allowed", msg, rego.metadata.chain()), free.citation) if {
	some id, free in free_allowances
	prior_requests >= free.n
	msg := sprintf("%s makes %d request(s) per 12 months free; the consumer made %d in the 12 months before this one: the business may charge a reasonable fee for this request, and may decline it only if it is manifestly unfounded, excessive or repetitive, bearing the burden of showing so%s", [id, free.n, prior_requests, fee_note(free)])
}

fee_note(free) := sprintf(" (the law: %s)", [free.note]) if free.note

fee_note(free) := "" if not free.note
