# A known minor's opt-in, under each law's minors rules.
#
# dsrkit reading O5: where a law that applies forbids the sale of a known
# minor's data even with consent, on the day the opt-in was asked for or on
# the day of the decision, the opt-in is invalid (minor_sale_prohibited);
# where a law lets the sale rest on consent, a valid opt-in says whose
# consent that law needs (the two-step opt-in and the actor rules check it).
package dsrkit.opt_in

import data.dsrkit.consent
import data.dsrkit.request

# judged_on: the day the opt-in was asked for (else the decision's) and
# the day of the decision, in order.
judged_on := sort({requested_on, request.as_of_date}) if count(requests) > 0

judged_on := [request.as_of_date] if count(requests) == 0

# ban_on is the first of those days on which a ban reaches the consumer.
ban_on := [d | some d in judged_on; count(consent.minor_bans({d})) > 0][0]

failures contains consent.minor_ban_reason(b, "no opt-in authorises the sale") if some b in consent.minor_bans({ban_on})

reasons contains consent.minor_consent_reason(c) if {
	valid
	some c in consent.minor_consents({judged_on[0]})
}
