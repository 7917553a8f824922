# An opt-in to the sale of sensitive data, under each law's sensitive-data
# rules (consent/sensitive.rego): where a law that applies forbids that sale
# even with consent, on the day the opt-in was asked for or on the day of
# the decision, the opt-in is invalid (sensitive_sale_prohibited); where a
# law lets it rest on consent, a valid opt-in says so.
package dsrkit.opt_in

import data.dsrkit.consent

# sensitive_ban_on is the first of the days judged on on which a ban
# reaches the sale.
sensitive_ban_on := [d | some d in judged_on; count(consent.sensitive_bans({d})) > 0][0]

failures contains consent.sensitive_ban_reason(b, "no opt-in authorises the sale") if some b in consent.sensitive_bans({sensitive_ban_on})

reasons contains consent.sensitive_consent_reason(c) if {
	valid
	some c in consent.sensitive_consents({judged_on[0]})
}
