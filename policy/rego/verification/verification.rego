# METADATA
# title: Identity verification of a request to delete
# description: |
#   The standard each applicable law sets (the strictest binds), the data
#   points the playbook asks for, and whether what the business has done
#   verifies the requester (dsrkit reading § 4).
package dsrkit.verification

import data.dsrkit.applicability
import data.dsrkit.lib
import data.dsrkit.playbook

# standards: each law's verification standard for a request to delete, for
# ordinary data and when any item is sensitive (or the risk is high): the
# law's own data (law.verification), by law id.
standards := {id: v | some id, law in applicability.laws; v := law.verification}

# rank orders the standards from the least to the most demanding.
rank := {"none": 0, "commercially_reasonable": 1, "reasonable": 2, "reasonably_high": 3}

sensitive if {
	some item in input.data
	item.sensitive
}

level := "sensitive" if sensitive

default level := "ordinary"

# law_standard is what one applicable law asks; a law without an entry asks
# for commercially reasonable efforts.
law_standard(id) := object.get(standards, [id, level], "commercially_reasonable")

default standard := "none"

standard := s if {
	ranks := {rank[law_standard(id)] | some id in applicability.applies}
	count(ranks) > 0
	some s, r in rank
	r == max(ranks)
}

# binding_law is the applicable law whose standard binds (the first by id).
binding_law := min({id | some id in applicability.applies; law_standard(id) == standard})

# cite gives a reason the binding law's own verification clause; a binding
# law with no verification data, its own citation (clause_cite: below).
cite(r) := lib.with_citation(r, standards[binding_law].citation) if standards[binding_law]

cite(r) := lib.with_citation(r, applicability.laws[binding_law].citation) if {
	not standards[binding_law]
	applicability.laws[binding_law]
}

cite(r) := r if not applicability.laws[binding_law]

required_data_points := 0 if standard == "none"

required_data_points := 0 if as_it_stands

required_data_points := max({playbook.settings.verification_data_points[level], floor}) if {
	standard != "none"
	not as_it_stands
}

# floor: the data points an applicable law itself names for the standard
# (law.verification.minimum_data_points), which an organisation's playbook
# may raise but never lower: the CCPA regulations' examples of reasonable
# (2) and reasonably high (3) certainty (Cal. Code Regs. tit. 11,
# § 7062(b)–(d); FACTS § 1.7), as the CCPA's data. A law that names none
# (the GDPR sets no fixed floor: Art. 12(2), (6); dsrkit reading § 4)
# leaves the playbook's figure alone; with several laws applicable, the
# highest floor binds. The figures are law data, never a constant in a
# generic rule (issue 15), so a new law with the key gets its floor with
# no rule change.
floor := max({0} | {n | some id in applicability.applies; n := standards[id].minimum_data_points[standard]})

# as_it_stands: under the GDPR alone, a request from the account holder's
# authenticated session or registered contact is verified as it stands:
# the controller may ask for more only on reasonable doubts about identity
# (Art. 12(2), (6); Art. 11(2); dsrkit reading § 4). Suspected fraud is
# such a doubt.
as_it_stands if {
	applicability.applies == {"GDPR"}
	from_account_holder
	not v.fraud_suspected
}

from_account_holder if method == "account_login"

from_account_holder if v.from_registered_contact

signed_declaration_required := standard == "reasonably_high"

v := object.get(input, "verification", {})

method := object.get(v, "method", "none")

reauthentication_required := false if as_it_stands

reauthentication_required := method == "account_login" if not as_it_stands

matched := object.get(v, "matched_data_points", 0)

agent := object.get(input, ["requester", "type"], "self") == "authorized_agent"

authorization := object.get(input, ["requester", "authorization"], "none")

# problems: what stands between the requester and a verified identity.
# "insufficient" problems need more information; "pending" ones a step not yet taken.

# METADATA
# title: Suspected fraud
# description: With fraud suspected the business does not comply until it has verified further.
# custom:
#   citation: dsrkit reading § 4; each applicable law's clause (law.verification.clauses.fraud_suspected), else the binding law's verification clause
problems contains {"severity": "insufficient", "reason": clause_cite("fraud_suspected", lib.reason("fraud_suspected", "fraud is suspected: verify further before acting on the request", rego.metadata.chain()))} if {
	v.fraud_suspected
}

# METADATA
# title: Too few data points
# description: The reason cites the binding law's own verification clause (see standards).
# custom:
#   citation: dsrkit reading § 4; the binding law's verification clause (law.verification)
problems contains {"severity": "insufficient", "reason": cite(lib.reason("data_points_short", msg, rego.metadata.chain()))} if {
	method in {"data_matching", "third_party_service", "signed_declaration"}
	matched < required_data_points
	msg := sprintf("%d data point(s) matched; the %s standard asks for %d", [matched, standard, required_data_points])
}

# METADATA
# title: Signed declaration missing
# custom:
#   citation: dsrkit reading § 4; each applicable law's clause (law.verification.clauses.declaration_missing), else the binding law's verification clause
problems contains {"severity": "insufficient", "reason": clause_cite("declaration_missing", lib.reason("declaration_missing", "a reasonably high degree of certainty needs a declaration signed under penalty of perjury", rego.metadata.chain()))} if {
	signed_declaration_required
	method != "account_login"
	not v.signed_declaration
}

# METADATA
# title: Re-authentication before deletion
# custom:
#   citation: dsrkit reading § 4; each applicable law's clause (law.verification.clauses.reauthentication_needed), else the binding law's verification clause
problems contains {"severity": "pending", "reason": clause_cite("reauthentication_needed", lib.reason("reauthentication_needed", "the account holder must re-authenticate before the data is deleted", rego.metadata.chain()))} if {
	method == "account_login"
	not v.reauthenticated
	not as_it_stands
}

# METADATA
# title: Not yet verified
# custom:
#   citation: dsrkit reading § 4; each applicable law's clause (law.verification.clauses.not_yet_verified), else the binding law's verification clause
problems contains {"severity": "pending", "reason": clause_cite("not_yet_verified", lib.reason("not_yet_verified", "no verification has been done yet", rego.metadata.chain()))} if {
	standard != "none"
	method == "none"
	not as_it_stands
}

# METADATA
# title: Authorized agent without permission
# description: An agent needs the consumer's signed permission, unless the consumer gave a power of attorney.
# custom:
#   citation: dsrkit reading § 4; each applicable law's clause (law.verification.clauses.agent_permission_missing), else the binding law's verification clause
problems contains {"severity": "insufficient", "reason": clause_cite("agent_permission_missing", lib.reason("agent_permission_missing", "the agent has shown neither the consumer's signed permission nor a power of attorney", rego.metadata.chain()))} if {
	agent
	authorization == "none"
}

# METADATA
# title: Consumer has not confirmed the agent's request
# description: |
#   The seed procedure (§ 4.2) requires the consumer to verify their own
#   identity or confirm the agent's permission directly (dsrkit reading § 4);
#   a law may let the business require it (clauses.consumer_confirmation_missing).
# custom:
#   citation: dsrkit reading § 4; seed procedure § 4.2; each applicable law's clause (law.verification.clauses.consumer_confirmation_missing), else the binding law's verification clause
problems contains {"severity": "pending", "reason": confirmation_cite(lib.reason("consumer_confirmation_missing", agent_confirmation_text, rego.metadata.chain()))} if {
	agent
	authorization == "signed_permission"
	not v.consumer_confirmed_directly
}

# agent_confirmation_text and confirmation_cite, the law's words for the
# consumer's direct confirmation and its clause, are at the end of the
# file, with clause_cite.

# METADATA
# title: Verified
# custom:
#   citation: dsrkit reading § 4; the binding law's verification clause (law.verification)
reasons contains cite(lib.reason("verified", msg, rego.metadata.chain())) if {
	status == "verified"
	standard != "none"
	not as_it_stands
	msg := sprintf("identity verified to the %s standard (%s)", [standard, method])
}

# METADATA
# title: Verified as it stands
# description: Under the GDPR the controller may ask for more information only on reasonable doubts about identity; a request from the account holder's authenticated session or registered contact is verified as it stands, with no fixed number of data points (dsrkit reading § 4).
# custom:
#   citation: GDPR Art. 12(2), (6); Art. 11(2)
reasons contains lib.reason("verified_as_it_stands", msg, rego.metadata.chain()) if {
	status == "verified"
	as_it_stands
	msg := sprintf("the request came from the account holder's %s: verified as it stands, with no reasonable doubt about identity that would justify asking for more", [holder_channel])
}

holder_channel := "authenticated session" if method == "account_login"

holder_channel := "registered contact" if method != "account_login"

reasons contains p.reason if some p in problems

status := "not_required" if standard == "none"

status := "insufficient" if {
	standard != "none"
	some p in problems
	p.severity == "insufficient"
}

status := "pending" if {
	standard != "none"
	not any_insufficient
	count(problems) > 0
}

status := "verified" if {
	standard != "none"
	count(problems) == 0
}

any_insufficient if {
	some p in problems
	p.severity == "insufficient"
}

# info_response_due: the consumer's time to answer a request for more
# information, counted from when it was asked (seed procedure, step 2).
info_response_due := lib.due(dsrkit.receipt_date(v.info_requested_at, object.get(input, ["business", "time_zone"], "")), playbook.settings.info_response, "weekends") if {
	status == "insufficient"
}

# block is the decision's verification object.
block := object.union(
	{
		"standard": standard,
		"required_data_points": required_data_points,
		"signed_declaration_required": signed_declaration_required,
		"reauthentication_required": reauthentication_required,
		"status": status,
	},
	{"info_response_due": d | d := info_response_due},
)

# clause_citations: each applicable law's own clause for a verification
# reason or notice, by its code (law.verification.clauses).
clause_citations(code) := {c.citation | some id in applicability.applies; c := standards[id].clauses[code]}

# clause_cite gives a reason each applicable law's own clause for it; where
# no applicable law has one, the binding law's verification clause (cite).
clause_cite(code, r) := lib.with_citation(r, concat("; ", sort(cs))) if {
	cs := clause_citations(code)
	count(cs) > 0
} else := cite(r)

# agent_confirmation_text says how each applicable law with its own clause
# lets the business require the consumer's direct confirmation
# (clauses.consumer_confirmation_missing.text); with none, that it is the
# playbook's requirement.
agent_confirmation_text := sprintf("the seed procedure (§ 4.2) requires the consumer to verify their own identity or confirm the agent's permission directly, %s; it has not been done", [concat(" and ", sort(texts))]) if {
	texts := {t | some id in applicability.applies; t := standards[id].clauses.consumer_confirmation_missing.text}
	count(texts) > 0
} else := "the seed procedure (§ 4.2) requires the consumer to verify their own identity or confirm the agent's permission directly (the playbook's requirement: the law names no agent procedure for a request to delete); it has not been done"

# confirmation_cite: each applicable law's own agent clause and the seed
# procedure; with none, the binding law's verification clause.
confirmation_cite(r) := lib.with_citation(r, sprintf("%s; seed procedure § 4.2", [concat("; ", sort(cs))])) if {
	cs := clause_citations("consumer_confirmation_missing")
	count(cs) > 0
} else := cite(r)
