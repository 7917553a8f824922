# METADATA
# title: What to do with each data item of a request to delete
# description: |
#   dsrkit reading § 3 (D1–D6) item by item, under every law that applies. The
#   laws' scope, exceptions, backup rules and the methods are data
#   (exceptions.rego); the rules are here. The stricter duty wins: an item
#   is outside the scope only when it is outside the scope of every
#   applicable law, and an exception keeps it only when every law that
#   governs it (applies and reaches it) recognises the basis.
#
#   Each item gets one status, in this order:
#
#     legal_hold    data[].legal_hold: retain, under every law (D3)
#     out_of_scope  no applicable law reaches it (D1): the playbook decides
#     excepted      an undisputed, unexpired claim every governing law
#                   recognises: retain, use limited to it (D2, D6)
#     review        a claim flagged disputed, a basis that is not one of the
#                   13, or a governing law without an exception table:
#                   retain pending Legal, escalate (never delete on it)
#     defer         a backup or archive every governing law lets wait (D5)
#     delete        otherwise: delete (D4)
#
#   Choices (see the report of issue 5):
#   - A claim that needs review keeps the item: action "retain" with a
#     needs_review reason, no exception (none is established yet), and an
#     escalation legal_exception_unclear to Legal Counsel (level 3). The
#     item is never deleted on a disputed or unreadable claim; Legal turns
#     it into an exception, or drops the claim, and the host asks again.
#   - Backups and archives wait only where every governing law's text lets
#     them (CCPA § 7022(d), CPA Rule 4.06(C)). The VCDPA, CTDPA, UCPA and
#     GDPR are silent, so an item they govern is deleted now, from the
#     backup media (never late); a reason says so. Give a law an entry in
#     backup_rules to change that reading.
#   - exception.law is one law id (the contract's law field is an id): the
#     first governing law by id (for a legal hold, the first applicable
#     law); exception.citation names every law's subsection ("CCPA: …;
#     GDPR: …"), and there is one reason per law.
#   - An item outside every law's scope that carries a claimed exception is
#     not_required (the business means to keep it; no law says otherwise).
#   - A claim whose until date is before the evaluation date no longer
#     justifies retention (exception_expired).
#   - With no applicable law no item is analysed: decisions is empty.
package dsrkit.items

import data.dsrkit.applicability
import data.dsrkit.lib
import data.dsrkit.playbook
import data.dsrkit.request

data_items := object.get(input, "data", [])

# Every per-item table below (status, action, method, exception, …) is one
# object built by one comprehension over the items, and each item's
# lookups are by id: the evaluation is linear in the number of items and
# of claims (issue 13). A partial object rule (x[id] := … if …) would be
# quadratic: OPA checks each new key against every key before it.

# by_id maps each item's id to the item. Two different items with one id
# make the evaluation fail (exit 1): never a made-up decision.
by_id := {item.id: item | some item in data_items}

covered if count(applicability.applies) > 0

# governing: the applicable laws whose right to delete reaches the item (D1).
governing(item) := {law | some law in applicability.applies; in_scope(law, item)}

# in_scope: the law reaches the item's source and, under a law whose duty
# does not reach household data, the item is not household data.
in_scope(law, item) if {
	reaches_source(law, item)
	not household_excluded(law, item)
}

# reaches_source: a missing source counts as in scope; a law without a
# scope entry reaches every source.
reaches_source(_, item) if not item.source

reaches_source(law, item) if item.source in object.get(scope, [law, "sources"], {item.source})

# household_excluded: the item is household data (data[].household) and the
# law's duty to delete does not reach it (household_data).
household_excluded(law, item) if {
	item.household == true
	household_data[law]
}

claims(item) := object.get(item, "exceptions", [])

# expired: the claim's until date is before the evaluation date.
expired(claim) if claim.until < request.as_of_date

# current: an undisputed, unexpired claim of a known basis.
current(claim) if {
	not claim.disputed
	claim.basis in bases
	not expired(claim)
}

# valid: a current claim that the law recognises as an exception.
valid(law, claim) if {
	current(claim)
	exceptions[law][claim.basis]
}

# Multi-law rule (D10): an item is deleted when any governing law requires
# its deletion and none of that law's own grounds keeps it. Each governing
# law gives a verdict on the item:
#
#   kept    the law lets the business keep it: one of its exceptions (a
#           valid claim), or, under a law with erasure grounds (grounds),
#           no ground holds (a contract still performed, legitimate
#           interests assessed and documented)
#   review  under a law with erasure grounds, an objection whose
#           overriding grounds have not been assessed: Legal decides
#   owed    the law requires the deletion

# keeps(law, item): the grounds on which the law lets the business keep the
# item, each {basis, citation, until?, claim?}.
keeps(law, item) := array.concat(
	[k | some c in claims(item); valid(law, c); k := keep(c, exceptions[law][c.basis])],
	ground_keeps(law, item),
)

keep(claim, citation) := object.union_n([
	{"basis": claim.basis, "citation": citation, "claim": claim},
	{"until": u | u := claim.until},
])

# finding (D10): under a law with erasure grounds, whether one holds for
# the item: {effect: ground | none | objection, citation, text, basis?}.
# A stated fact (data[].still_necessary, data[].lawful_basis) overrides the
# defaults; without one, a current claim implies the lawful basis
# (grounds.implied_by_claim), an item of a direct-marketing system is an
# objection to direct marketing, and otherwise a ground holds.
finding(law, item) := grounds[law].no_longer_necessary if {
	item.still_necessary == false
} else := grounds[law].direct_marketing if {
	not item.lawful_basis
	item.system_type in grounds[law].direct_marketing.system_types
} else := object.union(grounds[law].lawful_basis[b], {"basis": b}) if {
	b := lawful_basis(law, item)
} else := grounds[law].default

# lawful_basis: the stated one, else the one a current claim implies (a
# contract before legitimate interests).
lawful_basis(_, item) := item.lawful_basis

lawful_basis(law, item) := b if {
	not item.lawful_basis
	implied := {grounds[law].implied_by_claim[c.basis] | some c in claims(item); current(c)}
	some b in ["contract", "legitimate_interests"]
	b in implied
}

# implying: the current claims that imply a lawful basis.
implying(law, item, basis) := [c | some c in claims(item); current(c); grounds[law].implied_by_claim[c.basis] == basis]

# assessed: the host or playbook records that overriding legitimate
# grounds were assessed and documented (data[].legitimate_interests_assessed).
assessed(item) if item.legitimate_interests_assessed == true

# ground_keeps: no ground holds under a law with erasure grounds: the item
# is kept on the claims that show it (until they end), or on the stated
# lawful basis.
ground_keeps(law, _) := [] if not grounds[law]

ground_keeps(law, item) := ground_keeps_for(law, item, f) if {
	f := finding(law, item)
	kept_effect(f, item)
}

ground_keeps(law, item) := [] if {
	f := finding(law, item)
	not kept_effect(f, item)
}

kept_effect(f, _) if f.effect == "none"

kept_effect(f, item) if {
	f.effect == "objection"
	assessed(item)
}

keep_citation(f, item) := grounds_assessed_citation(f) if {
	f.effect == "objection"
	assessed(item)
}

keep_citation(f, _) := f.citation if f.effect == "none"

grounds_assessed_citation(f) := f.assessed_citation

ground_keeps_for(law, item, f) := ks if {
	ks := [k | some c in implying(law, item, f.basis); k := keep(c, keep_citation(f, item))]
	count(ks) > 0
} else := [{"basis": f.basis, "citation": keep_citation(f, item)}]

verdict(law, item, ks) := "kept" if {
	count(ks) > 0
} else := "review" if {
	finding(law, item).effect == "objection"
} else := "owed"

# law_keeps and verdicts, per item id and governing law.
law_keeps := {id: {law: keeps(law, item) | some law in governing(item)} | some id, item in by_id}

verdicts := {id: {law: verdict(law, item, law_keeps[id][law]) | some law in governing(item)} | some id, item in by_id}

# owing: the governing laws that require the item's deletion; reviewing:
# those whose verdict Legal must give.
owing(id) := {law | some law, v in verdicts[id]; v == "owed"}

reviewing(id) := {law | some law, v in verdicts[id]; v == "review"}

# all_keeps: every ground that keeps the item, under every governing law.
all_keeps(id) := [k | some law in sort(object.keys(law_keeps[id])); some k in law_keeps[id][law]]

# unclear: a claim Legal must decide (D2): flagged disputed, a basis this
# policy does not know, or a governing law without an exception table.
unclear(_, claim) if claim.disputed

unclear(_, claim) if not claim.basis in bases

unclear(item, _) if {
	some law in governing(item)
	not exceptions[law]
}

unclear_claims(item) := [c | some c in claims(item); unclear(item, c)]

unmapped(item) := concat(", ", sort({law | some law in governing(item); not exceptions[law]}))

backup_types := {"backup", "archive"}

# deferrable: a backup or archive every law that requires its deletion
# lets wait (D5).
deferrable(id, item) if {
	item.system_type in backup_types
	every law in owing(id) {
		backup_rules[law]
	}
}

# classify: legal hold first; then no law reaches the item; then every
# governing law keeps it; then a claim or a law's verdict Legal must give
# (an unclear claim always; a law's review only when no law requires the
# deletion outright); then a backup that may wait; else delete.
classify(id, item) := "legal_hold" if {
	item.legal_hold
} else := "out_of_scope" if {
	count(governing(item)) == 0
} else := "excepted" if {
	count(owing(id)) == 0
	count(reviewing(id)) == 0
} else := "review" if {
	count(unclear_claims(item)) > 0
} else := "review" if {
	count(owing(id)) == 0
} else := "defer" if {
	deferrable(id, item)
} else := "delete"

# status of each item (only when some law applies).
status := {id: classify(id, item) | covered; some id, item in by_id}

# out_of_scope_action: what is done with an item no applicable law requires
# the business to delete. dsrkit reading D1: the playbook's choice, by default
# delete anyway. Read from the playbook (one of
# playbook.out_of_scope_actions; anything else does nothing: not_required).
# An item with a claimed exception is kept: not_required.
out_of_scope_action := a if {
	a := playbook.settings.out_of_scope_action
	a in playbook.out_of_scope_actions
} else := "not_required"

status_actions := {
	"legal_hold": "retain",
	"excepted": "retain",
	"review": "retain",
	"defer": "defer",
	"delete": "delete",
}

action := {id: a | some id, s in status; a := item_action(s, by_id[id])}

item_action(s, _) := status_actions[s]

item_action("out_of_scope", item) := "not_required" if count(claims(item)) > 0

item_action("out_of_scope", item) := out_of_scope_action if count(claims(item)) == 0

system_method(item) := object.get(methods, object.get(item, "system_type", ""), default_method)

# now: a backup or archive whose deletion cannot wait.
now(id) if {
	status[id] == "delete"
	by_id[id].system_type in backup_types
}

method := {id: m | some id, a in action; m := item_method(id, a)}

item_method(_, a) := other_methods[a]

item_method(id, _) := now_methods[by_id[id].system_type] if now(id)

item_method(id, a) := system_method(by_id[id]) if {
	a in {"delete", "defer"}
	not now(id)
}

# per_law cites one law's provision as it is, several as "LAW: …; LAW: …".
per_law(m) := v if {
	count(m) == 1
	some v in m
}

per_law(m) := concat("; ", [sprintf("%s: %s", [law, m[law]]) | some law in sort(object.keys(m))]) if count(m) > 1

# basis_citation: each governing law's provision for keeping the item on a
# basis (the law's first ground when it keeps the item on another).
basis_citation(id, basis) := per_law({law: law_basis_citation(ks, basis) |
	some law, ks in law_keeps[id]
	count(ks) > 0
})

law_basis_citation(ks, basis) := concat("; ", sort(cs)) if {
	# one basis may keep an item on two grounds of one law (GDPR: a legal
	# obligation is both an Art. 17(3)(b) exception and an Art. 6(1)(c)
	# basis, so no Art. 17(1) ground holds): both are cited
	cs := {k.citation | some k in ks; k.basis == basis}
	count(cs) > 0
} else := ks[0].citation

# exception: the basis that keeps a retained item (D6, § 7022(f)), the
# first ground of the first governing law by id; for a legal hold, legal
# obligation under every applicable law (D3).
exception := {id: e | some id, s in status; e := item_exception(id, s)}

item_exception(_, "legal_hold") := hold_exception

item_exception(id, "excepted") := {
	"basis": k.basis,
	"law": law,
	"citation": basis_citation(id, k.basis),
} if {
	law := min(object.keys(law_keeps[id]))
	k := law_keeps[id][law][0]
}

hold_exception := {
	"basis": "legal_obligation",
	"law": min(applicability.applies),
	"citation": per_law({law: object.get(hold_citations, law, "dsrkit reading D3") | some law in applicability.applies}),
}

# use_limited_to: retained data is used only for its exceptions (D6;
# Cal. Code Regs. tit. 11, § 7022(f)(3); 4 CCR 904-3, Rule 4.06(E)).
use_limited_to := {id: u | some id, s in status; u := item_use_limited_to(id, s)}

item_use_limited_to(_, "legal_hold") := ["legal_claims", "legal_obligation"]

item_use_limited_to(id, "excepted") := sort({k.basis | some k in all_keeps(id)})

# retain_until: each law keeps the item until the latest end of its grounds
# (when every one of them has one); the item is kept until the first law
# that stops keeping it requires the deletion.
retain_until := {id: min(ends) |
	some id, s in status
	s == "excepted"
	ends := {max(untils) |
		some ks in law_keeps[id]
		untils := [k.until | some k in ks; k.until]
		count(untils) == count(ks)
	}
	count(ends) > 0
}

# decision is the items[] entry of one item (CONTRACT § 3).
decision := {id: object.union_n([
	{
		"id": id,
		"action": a,
		"method": method[id],
		"reasons": object.get(reasons_by_id, id, []),
	},
	{"exception": e | e := exception[id]},
	{"retain_until": d | d := retain_until[id]},
	{"use_limited_to": u | u := use_limited_to[id]},
]) |
	some id, a in action
}

# decisions: every item, sorted by id.
decisions := [decision[id] | some id in sort(object.keys(decision))]

retained := {id | some id, a in action; a == "retain"}

deleted := {id | some id, a in action; a in {"delete", "deidentify", "aggregate"}}

deferred := {id | some id, a in action; a == "defer"}

not_required := {id | some id, a in action; a == "not_required"}

held := {id | some id, s in status; s == "legal_hold"}

review := {id | some id, s in status; s == "review"}

needs_review := count(review) > 0

legal_hold := count(held) > 0

# legal_hold_notice: what the consumer is told of a legal hold, without any
# detail of the litigation (seed procedure § 4.5; dsrkit reading D3).
legal_hold_notice := "Some of your personal information cannot be deleted at this time because we are required by law to keep it. We will delete it when that requirement ends."

# retained_categories: for the partial-deletion notice, each category kept
# under an exception with its basis and citation (D6; § 7022(f)(1)).
# Items under legal hold are left out: the legal_hold notice speaks for
# them without detail (seed procedure § 4.5).
retained_categories := [c | some c in retained_category_set]

retained_category_set contains {
	"category": object.get(by_id[id], "category", "other"),
	"basis": basis,
	"citation": basis_citation(id, basis),
} if {
	some id, s in status
	s == "excepted"
	some basis in {k.basis | some k in all_keeps(id)}
}

# Escalations: trigger and reason; the procedure gives each its level from
# the playbook (seed procedure § 10.2).

# METADATA
# title: Legal hold — notify Legal
# description: Seed procedure § 4.5 "Notify Legal"; dsrkit reading D3.
escalations contains lib.traced(
	{
		"trigger": "legal_hold",
		"reason": sprintf("data under legal hold is retained and its deletion not completed: items %s", [concat(", ", sort(held))]),
	},
	rego.metadata.chain(),
) if legal_hold

# METADATA
# title: Exception unclear — Legal decides
# description: dsrkit reading D2; seed procedure step 4 "Consult Legal if complex exceptions apply".
escalations contains lib.traced(
	{
		"trigger": "legal_exception_unclear",
		"reason": sprintf("exception claims Legal must decide (%s); the items are kept with restricted use meanwhile: items %s", [review_kinds, concat(", ", sort(review))]),
	},
	rego.metadata.chain(),
) if needs_review

# review_kinds names what Legal must decide; legitimate-interest grounds
# only when a law's verdict waits for them.
review_kinds := "disputed, unknown basis, a law without an exception table, or legitimate-interest grounds not yet assessed" if {
	some id in review
	count(reviewing(id)) > 0
} else := "disputed, unknown basis, or a law without an exception table"

# Reasons of each item: item_reasons holds [id, reason] pairs (a set, so
# it is built in linear time), grouped by id once in reasons_by_id. A
# rule's METADATA cites the reading; each reason is cited to the law's own
# provision (from exceptions.rego).

# reasons_by_id: each item's reasons, in order. The pairs sorted by id
# fall into one run per item; each run starts where the id changes.
reasons_by_id := {reason_pairs[start][0]: [p[1] | some p in array.slice(reason_pairs, start, run_end(k))] |
	some k, start in reason_starts
}

reason_pairs := sort(item_reasons)

reason_starts := [i | some i, p in reason_pairs; not same_item(i, p)]

same_item(i, p) if reason_pairs[i - 1][0] == p[0]

run_end(k) := reason_starts[k + 1]

run_end(k) := count(reason_pairs) if k == count(reason_starts) - 1

analysed := {"excepted", "review", "defer", "delete"}

law_citation(law) := duty[law]

law_citation(law) := object.get(applicability.laws, [law, "citation"], "dsrkit reading D1") if not duty[law]

condition_text(law, basis) := sprintf(" (%s)", [conditions[law][basis]])

condition_text(law, basis) := "" if not conditions[law][basis]

# from_claim names, on a reason about a claim, the playbook rule that made
# the claim (rules/), if any.
from_claim(reason, claim) := object.union(reason, {"playbook_rule": claim.rule}) if claim.rule

from_claim(reason, claim) := reason if not claim.rule

until_text(claim) := sprintf(" until %s", [claim.until]) if claim.until

until_text(claim) := "" if not claim.until

# METADATA
# title: Legal hold
# description: |
#   Data under legal hold is retained under every law, whatever else is
#   claimed; it is never deleted while the hold lasts (dsrkit reading D3).
# custom:
#   citation: dsrkit reading D3; seed procedure § 4.5
item_reasons contains [id, lib.with_citation(lib.law_reason(law, "legal_hold", msg, rego.metadata.chain()), object.get(hold_citations, law, "dsrkit reading D3"))] if {
	some id, s in status
	s == "legal_hold"
	some law in applicability.applies
	msg := sprintf("the item is under legal hold: retained under %s (legal obligation, legal claims) whatever else is claimed, and not deleted while the hold lasts", [law])
}

# METADATA
# title: Outside the law's scope
# description: No applicable law's right to delete reaches the item (dsrkit reading D1).
# custom:
#   citation: dsrkit reading D1; each law's scope provision (scope)
item_reasons contains [id, lib.with_citation(lib.law_reason(law, "outside_scope", msg, rego.metadata.chain()), scope[law].citation)] if {
	some id, s in status
	s == "out_of_scope"
	some law in applicability.applies
	not reaches_source(law, by_id[id])
	msg := sprintf("%s reaches only %s; this item's source is %s", [law, scope[law].text, by_id[id].source])
}

# METADATA
# title: Household data is outside the law's duty to delete
# description: |
#   The item is household data and the law's obligations do not reach
#   household data (dsrkit reading D1; the law's household_data).
# custom:
#   citation: dsrkit reading D1; each law's household-data provision (household_data)
item_reasons contains [id, lib.with_citation(lib.law_reason(law, "household_data", msg, rego.metadata.chain()), h.citation)] if {
	some id, s in status
	s == "out_of_scope"
	some law in applicability.applies
	reaches_source(law, by_id[id])
	household_excluded(law, by_id[id])
	h := household_data[law]
	msg := sprintf("%s's duty to delete does not reach %s; this item is household data%s", [law, h.text, note_suffix(h)])
}

# note_suffix: a provision's note for counsel, in brackets.
note_suffix(h) := sprintf(" (provision %s)", [h.note]) if {
	h.note
} else := ""

# METADATA
# title: What is done with an item outside every law's scope
# description: |
#   No law requires the deletion: the playbook decides (default: delete
#   anyway); an item with a claimed exception is kept.
# custom:
#   citation: dsrkit reading D1
item_reasons contains [id, lib.reason(code, msg, rego.metadata.chain())] if {
	some id, s in status
	s == "out_of_scope"
	[code, msg] := out_of_scope_text(id)
}

out_of_scope_text(id) := ["not_required", sprintf("no applicable law requires deleting this item and the business claims %s: it is not deleted", [concat(", ", [c.basis | some c in claims(by_id[id])])])] if {
	count(claims(by_id[id])) > 0
}

out_of_scope_text(id) := ["playbook_action", sprintf("no applicable law requires deleting this item; the playbook's out_of_scope_action is %s", [out_of_scope_action])] if {
	count(claims(by_id[id])) == 0
}

# METADATA
# title: An exception keeps the item
# description: |
#   Each law that governs the item keeps it, this one by an exception: it
#   is retained, and used only for that purpose (dsrkit reading D2, D6,
#   D10).
# custom:
#   citation: dsrkit reading D2, D6; Cal. Code Regs. tit. 11, § 7022(f)(3)
item_reasons contains [id, from_claim(lib.with_citation(lib.law_reason(law, "exception_applies", msg, rego.metadata.chain()), exceptions[law][claim.basis]), claim)] if {
	some id, s in status
	s == "excepted"
	some law, ks in law_keeps[id]
	some k in ks
	claim := k.claim
	valid(law, claim)
	msg := sprintf("%s is an exception to deletion under %s%s: retain the item%s and use it only for that purpose", [claim.basis, law, condition_text(law, claim.basis), until_text(claim)])
}

# METADATA
# title: A basis the law does not recognise
# description: |
#   A claimed basis that a governing law does not list does not justify
#   keeping the item under that law (dsrkit reading D2).
# custom:
#   citation: dsrkit reading D2; each law's list of exceptions (exception_lists)
item_reasons contains [id, from_claim(lib.with_citation(lib.law_reason(law, "exception_not_recognised", msg, rego.metadata.chain()), exception_lists[law]), claim)] if {
	some id, s in status
	s in analysed
	item := by_id[id]
	some claim in claims(item)
	claim.basis in bases
	some law in governing(item)
	exceptions[law]
	not exceptions[law][claim.basis]
	not grounds[law].implied_by_claim[claim.basis]
	msg := sprintf("%s is not an exception to deletion under %s: it does not justify keeping the item", [claim.basis, law])
}

# METADATA
# title: No erasure ground holds
# description: |
#   Under a law whose erasure is owed only on a ground (GDPR Art. 17(1)),
#   no ground holds while the item is still needed for a contract with the
#   data subject, or while compelling legitimate grounds, assessed and
#   documented, override the objection: the law does not require erasure
#   (dsrkit reading D10).
# custom:
#   citation: dsrkit reading D10; GDPR Art. 17(1)
item_reasons contains [id, from_claim_if_any(lib.with_citation(lib.law_reason(law, "erasure_not_required", msg, rego.metadata.chain()), k.citation), k)] if {
	some id, s in status
	s in analysed
	some law, ks in law_keeps[id]
	grounds[law]
	f := finding(law, by_id[id])
	some k in ks
	not exceptions[law][k.basis]
	msg := sprintf("%s%s: no ground of Art. 17(1) holds, so %s does not require erasure%s; use the item only for that purpose", [f.text, assessed_text(f), law, keep_until_text(k)])
}

# from_claims names the playbook rule of the first of the claims, if any.
from_claims(reason, cs) := from_claim(reason, cs[0]) if count(cs) > 0

from_claims(reason, cs) := reason if count(cs) == 0

from_claim_if_any(reason, k) := from_claim(reason, k.claim) if k.claim

from_claim_if_any(reason, k) := reason if not k.claim

assessed_text(f) := "; compelling legitimate grounds that override the objection were assessed and documented" if f.effect == "objection"

assessed_text(f) := "" if f.effect != "objection"

keep_until_text(k) := sprintf(" until %s (%s)", [k.until, k.basis]) if k.until

keep_until_text(k) := sprintf(" while %s lasts", [k.basis]) if not k.until

# METADATA
# title: Overriding legitimate grounds not assessed
# description: |
#   The item rests on legitimate interests (or a public task) and the
#   request objects to it: erasure is owed unless compelling legitimate
#   grounds override the data subject's interests, which Legal decides
#   until the assessment is recorded (data[].legitimate_interests_assessed)
#   (dsrkit reading D10).
# custom:
#   citation: dsrkit reading D10; GDPR Art. 21(1)
item_reasons contains [id, from_claims(lib.with_citation(lib.law_reason(law, "needs_review", msg, rego.metadata.chain()), f.citation), implying(law, by_id[id], f.basis))] if {
	some id, s in status
	s == "review"
	some law in reviewing(id)
	f := finding(law, by_id[id])
	msg := sprintf("under %s %s: whether compelling legitimate grounds override the objection is for Legal to decide (record legitimate_interests_assessed once they are assessed and documented); the item is kept, its use restricted, until Legal decides", [law, f.text])
}

# METADATA
# title: An exception that has ended
# description: A claim whose until date has passed no longer justifies keeping the item.
# custom:
#   citation: dsrkit reading D6; Cal. Code Regs. tit. 11, § 7022(f)(2)
item_reasons contains [id, from_claim(lib.reason("exception_expired", msg, rego.metadata.chain()), claim)] if {
	some id, s in status
	s in analysed
	some claim in claims(by_id[id])
	not claim.disputed
	expired(claim)
	msg := sprintf("the claimed exception %s ended on %s, before %s: it no longer justifies keeping the item", [claim.basis, claim.until, request.as_of_date])
}

# METADATA
# title: A claim Legal must decide
# description: |
#   A disputed claim, an unknown basis, or a law without an exception table:
#   the item is kept with restricted use and Legal decides; it is never
#   deleted on such a claim (dsrkit reading D2).
# custom:
#   citation: dsrkit reading D2; seed procedure step 4 ("Consult Legal if complex exceptions apply")
item_reasons contains [id, from_claim(lib.reason("needs_review", msg, rego.metadata.chain()), claim)] if {
	some id, s in status
	s == "review"
	item := by_id[id]
	some claim in unclear_claims(item)
	msg := sprintf("%s: the item is kept, its use restricted, until Legal decides", [unclear_text(item, claim)])
}

unclear_text(item, claim) := sprintf("the exception claim %s is flagged disputed", [claim.basis]) if {
	claim.disputed
} else := sprintf("%v is not a known exception basis (one of: %s)", [claim.basis, concat(", ", sort(bases))]) if {
	not claim.basis in bases
} else := sprintf("this policy has no exception table for %s, so the claim %s cannot be checked", [unmapped(item), claim.basis])

# METADATA
# title: Deletion from a backup or archive may wait
# description: |
#   Every governing law lets deletion from an archived or backup system
#   wait until it is restored or next accessed or used (dsrkit reading D5).
# custom:
#   citation: dsrkit reading D5; Cal. Code Regs. tit. 11, § 7022(d); 4 CCR 904-3, Rule 4.06(C)
item_reasons contains [id, lib.with_citation(lib.law_reason(law, "backup_deferred", msg, rego.metadata.chain()), backup_rules[law].citation)] if {
	some id, s in status
	s == "defer"
	item := by_id[id]
	some law in owing(id)
	msg := sprintf("under %s deletion from the %s may wait until %s; delete it then (seed procedure § 6)", [law, item.system_type, backup_rules[law].until])
}

# METADATA
# title: No exception, delete
# description: |
#   No exception keeps the item under a law that reaches it: delete it
#   (dsrkit reading D2, D4).
# custom:
#   citation: dsrkit reading D2, D4; each law's duty to delete (duty)
item_reasons contains [id, lib.with_citation(lib.law_reason(law, "delete", msg, rego.metadata.chain()), owed_citation(law, by_id[id]))] if {
	some id, s in status
	s == "delete"
	some law in owing(id)
	msg := sprintf("no exception keeps the item under %s: delete it%s", [law, ground_text(law, by_id[id])])
}

# owed_citation: the law's duty to delete; under a law with erasure grounds,
# the ground that holds.
owed_citation(law, item) := finding(law, item).citation if grounds[law]

owed_citation(law, _) := law_citation(law) if not grounds[law]

ground_text(law, item) := sprintf(" (%s)", [finding(law, item).text]) if grounds[law]

ground_text(law, _) := "" if not grounds[law]

# METADATA
# title: Deidentifying or aggregating instead
# description: |
#   Where every governing law allows it, the business may deidentify or
#   aggregate instead of erasing (dsrkit reading D4); the consumer need not be
#   told which.
# custom:
#   citation: dsrkit reading D4; Cal. Code Regs. tit. 11, § 7022(b)(1)
item_reasons contains [id, lib.with_citation(lib.law_reason(law, "alternatives_allowed", msg, rego.metadata.chain()), alternatives[law])] if {
	some id, s in status
	s == "delete"
	laws := owing(id)
	every l in laws {
		alternatives[l]
	}
	some law in laws
	msg := sprintf("under %s the item may instead be deidentified or aggregated (action deidentify or aggregate)", [law])
}

# METADATA
# title: A backup that cannot wait
# description: |
#   A governing law has no rule letting deletion from a backup or archive
#   wait: it is deleted now, from the backup media (dsrkit reading D5 read with
#   the never-late principle).
# custom:
#   citation: dsrkit reading D5 and its never-late principle
item_reasons contains [id, lib.with_citation(lib.law_reason(law, "backup_not_deferred", msg, rego.metadata.chain()), law_citation(law))] if {
	some id in object.keys(status)
	now(id)
	item := by_id[id]
	some law in owing(id)
	not backup_rules[law]
	msg := sprintf("%s has no rule letting deletion from a %s wait until it is restored or next accessed: delete it from the %s within the response period", [law, item.system_type, item.system_type])
}
