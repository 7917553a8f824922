# Each law's rules on selling sensitive data.
#
# The rules are each law's data (laws/*.rego, key sensitive_data), with
# effective dates: what a scope (sale, processing) of sensitive data needs:
# prohibited (not even with consent: Maryland never lets it be sold),
# consent (the consumer's opt-in consent), strictly_necessary (only where
# strictly necessary for a product or service the consumer asked for). An
# opt-in to the sale of sensitive data (the request's sensitive_data) is
# reached by a rule whose scope holds sale, and by a consent rule whose
# scope holds processing (a sale is processing).
package dsrkit.consent

import data.dsrkit.applicability
import data.dsrkit.lib

# sensitive_rules lists the rules of the laws that apply which are in force
# on date d and reach a sale of sensitive data, each with its law and the
# date: [{law, on, rule, scope, citation, ...}]. A request that does not say
# the sale is of sensitive data is reached by none.
sensitive_rules(d) := [object.union(e, {"law": id, "on": d}) |
	input.sensitive_data
	some id in applicability.applies
	some e in object.get(applicability.laws[id], "sensitive_data", [])
	e.from <= d
	not applicability.ended(e, d)
	reaches_sensitive_sale(e)
]

reaches_sensitive_sale(e) if "sale" in e.scope

reaches_sensitive_sale(e) if {
	e.rule == "consent"
	"processing" in e.scope
}

# sensitive_bans are the rules, in force on any of the dates, that forbid
# the sale even with consent.
sensitive_bans(dates) := {b | some d in dates; some b in sensitive_rules(d); b.rule == "prohibited"}

# sensitive_consents are the rules on any of the dates that let the sale
# rest on the consumer's consent.
sensitive_consents(dates) := {c | some d in dates; some c in sensitive_rules(d); c.rule == "consent"}

# METADATA
# title: No sale of sensitive data
# description: The law forbids the sale of sensitive data even with consent; no opt-in authorises it and the business may not ask for one.
# custom:
#   citation: each law's sensitive-data rule (sensitive_data)
sensitive_ban_reason(b, tail) := lib.with_citation(lib.law_reason(b.law, "sensitive_sale_prohibited", msg, rego.metadata.chain()), b.citation) if {
	msg := sprintf("%s: from %s, sensitive data may not be sold, even with the consumer's consent; on %s the opt-in is to the sale of sensitive data: %s", [b.law, b.from, b.on, tail])
}

# METADATA
# title: Sensitive data needs consent
# description: The law lets sensitive data be sold (processed) only with the consumer's opt-in consent; a valid opt-in is that consent.
# custom:
#   citation: each law's sensitive-data rule (sensitive_data)
sensitive_consent_reason(c) := lib.with_citation(lib.law_reason(c.law, "sensitive_consent_required", msg, rego.metadata.chain()), c.citation) if {
	msg := sprintf("%s: from %s, %s of sensitive data needs the consumer's consent; this opt-in, valid on %s, is that consent for the sale", [c.law, c.from, concat(" or ", c.scope), c.on])
}
