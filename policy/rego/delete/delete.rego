# METADATA
# title: The decision on a request to delete
# description: |
#   Entry point for kind "delete": the laws that apply, their deadlines, and
#   the outcome with its reasons.
package dsrkit.delete

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.items
import data.dsrkit.lib
import data.dsrkit.procedure
import data.dsrkit.request
import data.dsrkit.verification

# envelope: what every delete decision has.
envelope := {
	"kind": "delete",
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
	"items": [i | some i in items.decisions; verification.status == "verified"],
	"plan": procedure.plan,
	"directives": [d | some d in procedure.directives; verification.status == "verified"],
	"record": procedure.record,
} if covered

covered_block := {} if not covered

decision := object.union(object.union(envelope, covered_block), request.echo) if dates_computed

# dates_computed: every date the decision must carry was computed — each
# applicable law's deadlines and, for a covered request, each step of the
# plan. Without strict built-in errors (stock OPA's default) a date
# built-in that fails leaves its rule undefined instead of raising an error:
# the decision is then undefined, never served with a date missing.
dates_computed if {
	deadlines.complete
	not covered
}

dates_computed if {
	deadlines.complete
	every pair in procedure.step_events {
		procedure.due[pair[0]]
	}
}

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
# is due → unverified; unverified before then → pending_verification; once
# verified, the items decide: a claim Legal must decide → needs_review;
# nothing kept → full_deletion; everything found kept → denied; else
# partial_deletion.
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

outcome := items_outcome if {
	covered
	not verification.status in unverified_status
}

kept := items.retained | items.held

removed := items.deleted | items.deferred

items_outcome := "needs_review" if items.needs_review

items_outcome := "needs_review" if discovery_pending

# discovery_pending: no data reported and discovery not recorded as done, so
# nothing may yet be confirmed as deleted.
discovery_pending if {
	count(object.get(input, "data", [])) == 0
	not input.events.discovery_completed_at
}

items_outcome := "full_deletion" if {
	not items.needs_review
	not discovery_pending
	count(kept) == 0
}

items_outcome := "denied" if {
	not items.needs_review
	count(kept) > 0
	count(removed) == 0
}

items_outcome := "partial_deletion" if {
	not items.needs_review
	count(kept) > 0
	count(removed) > 0
}

reasons contains r if some r in verification.reasons

reasons contains r if {
	covered
	some r in procedure.reasons
}

# METADATA
# title: Discovery not done
# description: A verified request with no data found yet waits for data discovery (seed procedure, step 3) before anything is confirmed as deleted.
# custom:
#   citation: Cal. Civ. Code § 1798.105(c)(1)
reasons contains lib.reason("discovery_pending", "identity verified; no data has been reported and discovery is not recorded as complete: search the systems (step 3) before responding", rego.metadata.chain()) if {
	outcome == "needs_review"
	discovery_pending
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
#   citation: dsrkit reading § 4; the binding law's verification clause (law.verification)
reasons contains verification.cite(lib.reason("unverified", msg, rego.metadata.chain())) if {
	outcome == "unverified"
	msg := sprintf("identity still not verified on %s, the response date %s: the request may be denied as unverifiable", [request.as_of_date, deadlines.binding.respond_by])
}

# notice builds a notice; citation and due are left out when undefined. The
# notice names the rule definition that gives it (lib.rule_ref of chain:
# pass rego.metadata.chain()).
notice(code, text, citation, due, chain) := lib.traced(
	object.union(
		{"code": code, "text": text, "citation": citation},
		{"due": d | some d in due},
	),
	chain,
)

# METADATA
# title: Ask for more information
# description: |
#   The requester gets the playbook's period (15 days) to send what
#   verification still needs, counted from when it was asked; the statutory
#   clock keeps running. Each applicable law's own clause, else its own.
# custom:
#   citation: each applicable law's clause (law.verification.clauses.request_more_information), else its verification clause
notices contains notice(
	"request_more_information",
	"We could not yet verify your identity. Please send the information we asked for.",
	verification_citation("request_more_information"),
	{d | d := verification.info_response_due},
	rego.metadata.chain(),
) if {
	outcome == "pending_verification"
	verification.status == "insufficient"
}

# METADATA
# title: Identity not verified
# custom:
#   citation: each applicable law's clause (law.verification.clauses.identity_not_verified), else its verification clause
notices contains notice(
	"identity_not_verified",
	"We could not verify your identity, so we cannot act on your request to delete.",
	verification_citation("identity_not_verified"),
	set(),
	rego.metadata.chain(),
) if {
	outcome == "unverified"
}

# verification_citation: each applicable law's own clause for a
# verification notice, by its code (law.verification.clauses), else that
# law's verification clause, else its citation; one provision per law. A
# new law with the key gets its own clause cited with no rule change; the
# rules name no law (issue 15).
verification_citation(code) := concat("; ", sort({verification_clause(id, code) | some id in applicability.applies}))

verification_clause(id, code) := object.get(verification.standards, [id, "clauses", code, "citation"], object.get(verification.standards, [id, "citation"], applicability.laws[id].citation))

# METADATA
# title: Offer an opt-out of sale
# description: |
#   Under a law that has it (law.delete.offer_opt_out), a business that
#   sells or shares, and does not delete everything (unverifiable request,
#   partial deletion, denial), offers an opt-out of sale, with the link.
# custom:
#   citation: each applicable law's provision on offering the opt-out (law.delete.offer_opt_out)
notices contains notice(
	"offer_opt_out",
	sprintf("You can also tell us to stop selling or sharing your personal information: %s", [object.get(input.business, "opt_out_url", "see our opt-out page")]),
	concat("; ", sort(provisions(["delete", "offer_opt_out", "citation"]))),
	set(),
	rego.metadata.chain(),
) if {
	outcome in {"unverified", "partial_deletion", "denied"}
	count(provisions(["delete", "offer_opt_out", "citation"])) > 0
	input.business.sells_or_shares
	not input.consumer.opted_out_of_sale
}

# hold_citation: each applicable law's legal-obligation and legal-claims
# exceptions (the reading's own name for a law without a table).
hold_citation := concat("; ", sort({object.get(items.hold_citations, id, "dsrkit reading D3") | some id in applicability.applies}))

# declining: the response refuses the request in whole or in part.
declining if outcome in {"unverified", "denied", "partial_deletion"}

# METADATA
# title: A record of the request is kept
# description: Under a law that has it (law.delete.record_notice; CCPA § 7022(e), the record of § 7101(a)), the response says the business keeps a record of the request.
# custom:
#   citation: each applicable law's provision on telling of the record (law.delete.record_notice)
notices contains notice(
	"record_kept",
	sprintf("We keep a record of your request and our response, without other personal information, until %s.", [procedure.record.retain_until]),
	concat("; ", sort(provisions(["delete", "record_notice", "citation"]))),
	{deadlines.binding.respond_by},
	rego.metadata.chain(),
) if {
	count(provisions(["delete", "record_notice", "citation"])) > 0
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
		sprintf("You may appeal this decision; we will answer your appeal within %d days of receiving it%s.%s", [appeal.n, appeal_extension_text(appeal), appeal_authority_text(appeal)]),
		appeal.citation,
		{deadlines.binding.respond_by},
		rego.metadata.chain(),
	),
	{"law": id},
) if {
	declining
	some id in applicability.applies
	appeal := applicability.laws[id].delete.appeal
}

# appeal_extension_text: a law that lets the answer to an appeal be
# extended (CPA: 60 more days, with notice and reasons within the first
# period) says so.
appeal_extension_text(appeal) := sprintf(", or, if we tell you within those %d days that we need more time and why, within %d further days", [appeal.n, appeal.extension.n]) if appeal.extension

appeal_extension_text(appeal) := "" if not appeal.extension

# appeal_authority_text: a law that names whom to contact when an appeal is
# denied (the Attorney General) has the instructions say so.
appeal_authority_text(appeal) := sprintf(" If we deny your appeal, you may contact %s.", [appeal.authority.name]) if appeal.authority

appeal_authority_text(appeal) := "" if not appeal.authority

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
		rego.metadata.chain(),
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
	rego.metadata.chain(),
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

# METADATA
# title: Deletion confirmed
# description: The response tells the consumer the request was complied with, under each applicable law's provision on informing of the action taken.
# custom:
#   citation: each applicable law's provision on informing of the action taken (law.delete.confirmed)
notices contains notice(
	"deletion_confirmed",
	"We have deleted the personal information we hold about you, and told our service providers to do the same.",
	law_citations(["delete", "confirmed", "citation"]),
	{deadlines.binding.respond_by},
	rego.metadata.chain(),
) if outcome == "full_deletion"

# law_citations: each applicable law's citation at a path of its data (its
# own citation when it has none there), sorted, one provision per law.
law_citations(path) := concat("; ", sort({c |
	some id in applicability.applies
	c := object.get(applicability.laws[id], path, applicability.laws[id].citation)
}))

# retained_text lists each retained category with its basis and citation.
retained_text := concat("; ", [sprintf("%s (%s, %s)", [c.category, c.basis, c.citation]) | some c in items.retained_categories])

# denial_citation: each applicable law's provision on telling the consumer
# why a request is (partly) denied.
denial_citation := law_citations(["delete", "denial", "citation"])

# METADATA
# title: Partial deletion explained
# description: Each retained category, its basis and citation; what no exception covers is deleted, and what is kept is used only for that purpose.
# custom:
#   citation: each applicable law's denial provision (law.delete.denial)
notices contains notice(
	"partial_deletion_explained",
	sprintf("We deleted your personal information except: %s. We use what we keep only for those purposes.", [retained_text]),
	denial_citation,
	{deadlines.binding.respond_by},
	rego.metadata.chain(),
) if {
	outcome == "partial_deletion"
	count(items.retained_categories) > 0
}

# METADATA
# title: Denial explained
# custom:
#   citation: each applicable law's denial provision (law.delete.denial)
notices contains notice(
	"denial_explained",
	sprintf("We cannot delete your personal information because we must keep it: %s. We use it only for those purposes.", [retained_text]),
	denial_citation,
	{deadlines.binding.respond_by},
	rego.metadata.chain(),
) if {
	outcome == "denied"
	count(items.retained_categories) > 0
}

# METADATA
# title: Legal hold
# description: The consumer is told some data cannot be deleted at this time, with no detail of the litigation, under each applicable law's legal-obligation and legal-claims exceptions.
# custom:
#   citation: each applicable law's legal-hold provisions (items.hold_citations)
notices contains notice(
	"legal_hold",
	items.legal_hold_notice,
	hold_citation,
	{deadlines.binding.respond_by},
	rego.metadata.chain(),
) if {
	verification.status == "verified"
	items.legal_hold
}

# provisions: the citations at a path of the applicable laws' data, of
# the laws that have one there (a law without the key: no such notice).
provisions(path) := {c | some id in applicability.applies; c := object.get(applicability.laws[id], path, null); c != null}
