# METADATA
# title: May the business ask an opted-out consumer to opt back in?
# description: |
#   Entry point for kind "solicit_opt_in" (dsrkit reading O3): not before the wait
#   after the opt-out is over (12 months; for a consumer under 16 who
#   refused, 12 months or the 16th birthday, whichever is first), except
#   when the consumer initiates a transaction that needs the opt-in.
package dsrkit.solicit_opt_in

import data.dsrkit.applicability
import data.dsrkit.consent
import data.dsrkit.lib
import data.dsrkit.request

decision := object.union(envelope, request.echo)

envelope := {
	"kind": "solicit_opt_in",
	"laws": applicability.results,
	"outcome": outcome,
	"allowed": allowed,
	"earliest": earliest,
	"timeline": consent.timeline_in_order,
	"reasons": [r | some r in reasons],
	"notices": [n | some n in notices],
	"escalations": [],
}

default allowed := false

allowed if {
	input.consumer_initiated_transaction
	not banned
}

allowed if {
	request.as_of_date >= consent.wait_end
	not banned
}

# bans are the laws' rules that forbid selling this known minor's data even
# with consent on the day of asking (dsrkit reading O5): asking is never
# allowed while one applies.
bans := consent.minor_bans({request.as_of_date})

banned if count(bans) > 0

outcome := "allowed" if allowed

outcome := "not_yet" if not allowed

# earliest: the first day the business may ask; today when the consumer's
# own transaction needs the opt-in before the wait is over.
earliest := min({request.as_of_date, consent.wait_end}) if {
	input.consumer_initiated_transaction
	not banned
}

earliest := consent.wait_end if {
	not input.consumer_initiated_transaction
	not banned
}

# Under a ban: the later of the wait's end and the day the last ban stops
# reaching the consumer.
earliest := max({consent.wait_end} | {consent.ban_end(b) | some b in bans}) if banned

reasons contains consent.minor_ban_reason(b, sprintf("the business may not ask for an opt-in to sale before %s", [consent.ban_end(b)])) if some b in bans

reasons contains consent.reason_waiting(consent.wait_code, request.as_of_date) if not input.consumer_initiated_transaction

# METADATA
# title: Consumer-initiated transaction
# description: An opted-out consumer who initiates a transaction that needs the opt-in may be told so and given opt-in instructions at once (dsrkit reading O3).
# custom:
#   citation: dsrkit reading O3; each applicable law's provision on a consumer-initiated transaction (law.consent)
reasons contains consent.cite("consumer_initiated", lib.reason("consumer_initiated_transaction", "the consumer initiated a transaction that needs an opt-in: the business may say so now and give opt-in instructions; the opt-in must be a two-step opt-in free of dark patterns", rego.metadata.chain())) if {
	input.consumer_initiated_transaction
	not banned
}

# METADATA
# title: Opt-in instructions
# description: Tell the consumer that the transaction needs an opt-in and how to opt in, with consent that meets § 7004; under another law, its consent provision (dsrkit reading O4).
# custom:
#   citation: dsrkit reading O4; each applicable law's provision on the opt-in instructions (law.consent)
notices contains lib.traced(
	{
		"code": "opt_in_instructions",
		"citation": consent.cite("opt_in_instructions", {"citation": rego.metadata.chain()[0].annotations.custom.citation}).citation,
		"due": request.as_of_date,
		"text": "This transaction requires your permission to sell or share your personal information. If you wish to opt in, first request it, then confirm it separately (for example, through the link we will email you). You may decline.",
	},
	rego.metadata.chain(),
) if {
	input.consumer_initiated_transaction
	not banned
}
