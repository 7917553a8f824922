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

# cite gives a reason the binding law's own verification clause.
cite(r) := lib.with_citation(r, standards[binding_law].citation) if standards[binding_law]

cite(r) := r if not standards[binding_law]

# ccpa_cite keeps a rule's CCPA-regulation citation when the CCPA applies;
# otherwise the binding law's own authentication clause is cited.
ccpa_cite(r) := r if "CCPA" in applicability.applies

ccpa_cite(r) := cite(r) if not "CCPA" in applicability.applies

required_data_points := 0 if standard == "none"

required_data_points := 0 if as_it_stands

required_data_points := max({playbook.settings.verification_data_points[level], floor}) if {
	standard != "none"
	not as_it_stands
}

# minimum_data_points: the data points a standard itself names, which an
# organisation's playbook may raise but never lower: the CCPA regulations'
# examples of reasonable (2) and reasonably high (3) certainty
# (Cal. Code Regs. tit. 11, § 7062(b)–(d); FACTS § 1.7). They are the
# CCPA's: the GDPR sets no fixed floor (Art. 12(2), (6); dsrkit reading § 4),
# so without the CCPA only the playbook's figure counts.
minimum_data_points := {"reasonable": 2, "reasonably_high": 3}

floor := object.get(minimum_data_points, standard, 0) if "CCPA" in applicability.applies

default floor := 0

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
#   citation: Cal. Code Regs. tit. 11, § 7061(b)
problems contains {"severity": "insufficient", "reason": ccpa_cite(lib.reason("fraud_suspected", "fraud is suspected: verify further before acting on the request", rego.metadata.chain()))} if {
	v.fraud_suspected
}

# METADATA
# title: Too few data points
# description: The reason cites the binding law's own verification clause (see standards).
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7062(b)–(d)
problems contains {"severity": "insufficient", "reason": cite(lib.reason("data_points_short", msg, rego.metadata.chain()))} if {
	method in {"data_matching", "third_party_service", "signed_declaration"}
	matched < required_data_points
	msg := sprintf("%d data point(s) matched; the %s standard asks for %d", [matched, standard, required_data_points])
}

# METADATA
# title: Signed declaration missing
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7062(c)
problems contains {"severity": "insufficient", "reason": lib.reason("declaration_missing", "a reasonably high degree of certainty needs a declaration signed under penalty of perjury", rego.metadata.chain())} if {
	signed_declaration_required
	method != "account_login"
	not v.signed_declaration
}

# METADATA
# title: Re-authentication before deletion
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7061(a)
problems contains {"severity": "pending", "reason": ccpa_cite(lib.reason("reauthentication_needed", "the account holder must re-authenticate before the data is deleted", rego.metadata.chain()))} if {
	method == "account_login"
	not v.reauthenticated
	not as_it_stands
}

# METADATA
# title: Not yet verified
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7060(a)
problems contains {"severity": "pending", "reason": ccpa_cite(lib.reason("not_yet_verified", "no verification has been done yet", rego.metadata.chain()))} if {
	standard != "none"
	method == "none"
	not as_it_stands
}

# METADATA
# title: Authorized agent without permission
# description: An agent needs the consumer's signed permission, unless the consumer gave a power of attorney.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7063(a)–(b)
problems contains {"severity": "insufficient", "reason": ccpa_cite(lib.reason("agent_permission_missing", "the agent has shown neither the consumer's signed permission nor a power of attorney", rego.metadata.chain()))} if {
	agent
	authorization == "none"
}

# METADATA
# title: Consumer has not confirmed the agent's request
# description: |
#   § 7063(a) lets the business require the consumer to verify their own
#   identity or confirm the agent's permission directly; the seed procedure
#   (§ 4.2) requires it (dsrkit reading § 4).
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7063(a); seed procedure § 4.2
problems contains {"severity": "pending", "reason": ccpa_cite(lib.reason("consumer_confirmation_missing", agent_confirmation_text, rego.metadata.chain()))} if {
	agent
	authorization == "signed_permission"
	not v.consumer_confirmed_directly
}

agent_confirmation_text := "the seed procedure (§ 4.2) requires the consumer to verify their own identity or confirm the agent's permission directly, as § 7063(a) allows the business to require; it has not been done" if {
	"CCPA" in applicability.applies
} else := "the seed procedure (§ 4.2) requires the consumer to verify their own identity or confirm the agent's permission directly (the playbook's requirement: the law names no agent procedure for a request to delete); it has not been done"

# METADATA
# title: Verified
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7060(a)
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
