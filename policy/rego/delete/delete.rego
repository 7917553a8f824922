# METADATA
# title: The decision on a request to delete
# description: |
#   Entry point for kind "delete": the laws that apply, their deadlines, and
#   the outcome with its reasons.
package dsrkit.delete

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.lib
import data.dsrkit.procedure
import data.dsrkit.request
import data.dsrkit.verification

# envelope: what every delete decision has.
envelope := {
	"kind": "delete",
	"request_id": object.get(input, "id", ""),
	"as_of": request.as_of,
	"received_on": request.received_on,
	"laws": applicability.results,
	"outcome": outcome,
	"deadlines": deadline_block,
	"verification": verification.block,
	"timeline": deadlines.timeline,
	"reasons": [r | some r in reasons],
	"notices": [n | some n in notices],
	"escalations": [e | some e in procedure.escalations; covered],
}

# covered_block: what a covered request adds — the plan, the directives once
# the requester is verified, and the record.
covered_block := {
	"plan": procedure.plan,
	"directives": [d | some d in procedure.directives; verification.status == "verified"],
	"record": procedure.record,
} if covered

covered_block := {} if not covered

decision := object.union(envelope, covered_block)

deadline_block := object.union(
	{name: object.get(deadlines.binding, name, null) | some name in deadlines.names},
	{
		"calendar": deadlines.binding_calendar,
		"by_law": deadlines.by_law,
	},
)

covered if count(applicability.applies) > 0

unverified_status := {"insufficient", "pending"}

# response_due: the binding response date has come.
response_due if request.as_of_date >= deadlines.binding.respond_by

# outcome: no law → not_covered; identity still unverified when the response
# is due → unverified; unverified before then → pending_verification; a
# verified request awaits the item analysis → needs_review.
outcome := "not_covered" if not covered

outcome := "unverified" if {
	covered
	verification.status in unverified_status
	response_due
}

outcome := "pending_verification" if {
	covered
	verification.status in unverified_status
	not response_due
}

outcome := "needs_review" if {
	covered
	not verification.status in unverified_status
}

reasons contains r if some r in verification.reasons

reasons contains r if {
	covered
	some r in procedure.reasons
}

# METADATA
# title: No law covers the request
# description: Each law's own scope provision is in laws[]; this reason cites them all.
# custom:
#   citation: the scope provisions of every law considered (laws[].citation)
reasons contains lib.with_citation(lib.reason("not_covered", "no law considered applies to this request; see laws[] for each law's reason", rego.metadata.chain()), concat("; ", [l.citation | some l in applicability.results])) if {
	not covered
}

# METADATA
# title: Identity not verified by the response date
# description: A request that cannot be verified may be denied; the requester is told the identity could not be verified.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7022(a)
reasons contains verification.cite(lib.reason("unverified", msg, rego.metadata.chain())) if {
	outcome == "unverified"
	msg := sprintf("identity still not verified on %s, the response date %s: the request may be denied as unverifiable", [request.as_of_date, deadlines.binding.respond_by])
}

# METADATA
# title: Item analysis not yet decided by this policy
# description: The requester is verified; the per-item deletion analysis is not part of this policy revision, so the request needs a person.
# custom:
#   citation: Cal. Civ. Code § 1798.105(c)–(d)
reasons contains lib.reason("needs_review", "identity verified and deadlines set; this policy revision does not yet decide what to delete or keep: a person must review the items", rego.metadata.chain()) if {
	outcome == "needs_review"
}

# notice builds a notice; citation and due are left out when undefined.
notice(code, text, citation, due) := object.union(
	{"code": code, "text": text, "citation": citation},
	{"due": d | some d in due},
)

# METADATA
# title: Ask for more information
# description: |
#   The requester gets the playbook's period (15 days) to send what
#   verification still needs, counted from when it was asked; the statutory
#   clock keeps running.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7021(b); § 7060(d)
notices contains notice(
	"request_more_information",
	"We could not yet verify your identity. Please send the information we asked for.",
	verification.cite({"citation": rego.metadata.rule().custom.citation}).citation,
	{d | d := verification.info_response_due},
) if {
	outcome == "pending_verification"
	verification.status == "insufficient"
}

# METADATA
# title: Identity not verified
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7022(a)
notices contains notice(
	"identity_not_verified",
	"We could not verify your identity, so we cannot act on your request to delete.",
	verification.cite({"citation": rego.metadata.rule().custom.citation}).citation,
	set(),
) if {
	outcome == "unverified"
}

# METADATA
# title: Offer to treat an unverifiable request as an opt-out of sale
# description: Under the CCPA a business that sells or shares offers to opt the consumer out instead.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7022(a); Cal. Civ. Code § 1798.120
notices contains notice(
	"offer_opt_out",
	sprintf("We can instead stop selling or sharing your personal information: %s", [object.get(input.business, "opt_out_url", "see our opt-out page")]),
	rego.metadata.rule().custom.citation,
	set(),
) if {
	outcome == "unverified"
	"CCPA" in applicability.applies
	input.business.sells_or_shares
	not input.consumer.opted_out_of_sale
}

# declining: the response refuses the request in whole or in part.
declining if outcome in {"unverified", "denied", "partial_deletion"}

# METADATA
# title: A record of the request is kept
# description: The response says the business keeps a record of the request (§ 7101(a)).
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7022(e)
notices contains notice(
	"record_kept",
	sprintf("We keep a record of your request and our response, without other personal information, until %s.", [procedure.record.retain_until]),
	rego.metadata.rule().custom.citation,
	{deadlines.binding.respond_by},
) if {
	"CCPA" in applicability.applies
	outcome != "pending_verification"
}

# METADATA
# title: How to appeal
# description: A law with an appeal right requires the instructions with a response that declines, and sets the time to answer an appeal.
# custom:
#   citation: the law's appeal provision (law.delete.appeal)
notices contains object.union(
	notice(
		"appeal_instructions",
		sprintf("You may appeal this decision; we will answer your appeal within %d days of receiving it.", [appeal.n]),
		appeal.citation,
		{deadlines.binding.respond_by},
	),
	{"law": id},
) if {
	declining
	some id in applicability.applies
	appeal := applicability.laws[id].delete.appeal
}

# METADATA
# title: Complaint to a supervisory authority
# description: When the controller does not act on the request it says why and that the data subject may complain to a supervisory authority and seek a judicial remedy.
# custom:
#   citation: GDPR Art. 12(4)
notices contains object.union(
	notice(
		"supervisory_authority_complaint",
		"You may lodge a complaint with a supervisory authority and seek a judicial remedy.",
		complaint.citation,
		{deadlines.binding.respond_by},
	),
	{"law": id},
) if {
	declining
	some id in applicability.applies
	complaint := applicability.laws[id].delete.complaint
}

# METADATA
# title: Extension notice
# description: An extension taken is notified, with its reasons (Utah also its length), within the first period.
# custom:
#   citation: the law's extension provision (law.delete.extension_notice)
notices contains notice(
	"extension_notice",
	sprintf("We need more time to respond: %s. We will respond by %s%s.", [object.get(input.extension, "reason", "the request is complex"), deadlines.binding.extended_respond_by, length]),
	concat("; ", sort({applicability.laws[id].delete.extension_notice.citation | some id in applicability.applies})),
	{deadlines.binding.extension_notice_by},
) if {
	covered
	input.extension
	length := extension_length
}

# extension_length: Utah requires the notice to state the extension's length.
extension_length := sprintf(" (an extension of %d days)", [dsrkit.days_between(deadlines.binding.respond_by, deadlines.binding.extended_respond_by)]) if {
	some id in applicability.applies
	applicability.laws[id].delete.extension_length_in_notice
}

default extension_length := ""
