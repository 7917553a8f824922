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

# by_id maps each item's id to the item. Two different items with one id
# make the evaluation fail (exit 1): never a made-up decision.
by_id[item.id] := item if some item in data_items

covered if count(applicability.applies) > 0

# governing: the applicable laws whose right to delete reaches the item (D1).
governing(item) := {law | some law in applicability.applies; in_scope(law, item)}

# in_scope: a missing source counts as in scope; a law without a scope
# entry reaches every source.
in_scope(_, item) if not item.source

in_scope(law, item) if item.source in object.get(scope, [law, "sources"], {item.source})

claims(item) := object.get(item, "exceptions", [])

# expired: the claim's until date is before the evaluation date.
expired(claim) if claim.until < request.as_of_date

# valid: an undisputed, unexpired claim of a known basis that every
# governing law recognises (D2: the stricter duty wins).
valid(item, claim) if {
	not claim.disputed
	claim.basis in bases
	not expired(claim)
	every law in governing(item) {
		exceptions[law][claim.basis]
	}
}

valid_claims(item) := [c | some c in claims(item); valid(item, c)]

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

# deferrable: a backup or archive every governing law lets wait (D5).
deferrable(item) if {
	item.system_type in backup_types
	every law in governing(item) {
		backup_rules[law]
	}
}

classify(item) := "legal_hold" if {
	item.legal_hold
} else := "out_of_scope" if {
	count(governing(item)) == 0
} else := "excepted" if {
	count(valid_claims(item)) > 0
} else := "review" if {
	count(unclear_claims(item)) > 0
} else := "defer" if {
	deferrable(item)
} else := "delete"

# status of each item (only when some law applies).
status[id] := classify(item) if {
	covered
	some id, item in by_id
}

# out_of_scope_action: what is done with an item no applicable law requires
# the business to delete. dsrkit reading D1: the playbook's choice, by default
# delete anyway. Read from the playbook (out_of_scope_action: delete,
# deidentify, aggregate or not_required; anything else does nothing:
# not_required). An item with a claimed exception is kept: not_required.
out_of_scope_action := a if {
	a := object.get(playbook.settings, "out_of_scope_action", "delete")
	a in {"delete", "deidentify", "aggregate", "not_required"}
} else := "not_required"

status_actions := {
	"legal_hold": "retain",
	"excepted": "retain",
	"review": "retain",
	"defer": "defer",
	"delete": "delete",
}

action[id] := status_actions[s] if some id, s in status

action[id] := "not_required" if {
	some id, s in status
	s == "out_of_scope"
	count(claims(by_id[id])) > 0
}

action[id] := out_of_scope_action if {
	some id, s in status
	s == "out_of_scope"
	count(claims(by_id[id])) == 0
}

system_method(item) := object.get(methods, object.get(item, "system_type", ""), default_method)

# now: a backup or archive whose deletion cannot wait.
now(id) if {
	status[id] == "delete"
	by_id[id].system_type in backup_types
}

method[id] := other_methods[a] if some id, a in action

method[id] := now_methods[by_id[id].system_type] if now(id)

method[id] := system_method(by_id[id]) if {
	some id, a in action
	a in {"delete", "defer"}
	not now(id)
}

# per_law cites one law's provision as it is, several as "LAW: …; LAW: …".
per_law(m) := v if {
	count(m) == 1
	some v in m
}

per_law(m) := concat("; ", [sprintf("%s: %s", [law, m[law]]) | some law in sort(object.keys(m))]) if count(m) > 1

claim_citation(item, basis) := per_law({law: exceptions[law][basis] | some law in governing(item)})

# exception: the basis that keeps a retained item (D6, § 7022(f)); for a
# legal hold, legal obligation under every applicable law (D3).
exception[id] := {
	"basis": "legal_obligation",
	"law": min(applicability.applies),
	"citation": per_law({law: object.get(hold_citations, law, "dsrkit reading D3") | some law in applicability.applies}),
} if status[id] == "legal_hold"

exception[id] := {
	"basis": c.basis,
	"law": min(governing(item)),
	"citation": claim_citation(item, c.basis),
} if {
	status[id] == "excepted"
	item := by_id[id]
	c := valid_claims(item)[0]
}

# use_limited_to: retained data is used only for its exceptions (D6;
# Cal. Code Regs. tit. 11, § 7022(f)(3); 4 CCR 904-3, Rule 4.06(E)).
use_limited_to[id] := ["legal_claims", "legal_obligation"] if status[id] == "legal_hold"

use_limited_to[id] := sort({c.basis | some c in valid_claims(by_id[id])}) if status[id] == "excepted"

# retain_until: the latest until of the claims that keep the item, when
# every one of them has one.
retain_until[id] := max(untils) if {
	status[id] == "excepted"
	kept := valid_claims(by_id[id])
	untils := [c.until | some c in kept; c.until]
	count(untils) == count(kept)
}

# decision is the items[] entry of one item (CONTRACT § 3).
decision[id] := object.union_n([
	{
		"id": id,
		"action": a,
		"method": method[id],
		"reasons": [r | some r in object.get(item_reasons, id, set())],
	},
	{"exception": e | e := exception[id]},
	{"retain_until": d | d := retain_until[id]},
	{"use_limited_to": u | u := use_limited_to[id]},
]) if some id, a in action

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
	"category": object.get(item, "category", "other"),
	"basis": claim.basis,
	"citation": claim_citation(item, claim.basis),
} if {
	some id, s in status
	s == "excepted"
	item := by_id[id]
	some claim in valid_claims(item)
}

# Escalations: trigger and reason; the procedure gives each its level from
# the playbook (seed procedure § 10.2).

# METADATA
# title: Legal hold — notify Legal
# description: Seed procedure § 4.5 "Notify Legal"; dsrkit reading D3.
escalations contains {
	"trigger": "legal_hold",
	"reason": sprintf("data under legal hold is retained and its deletion not completed: items %s", [concat(", ", sort(held))]),
} if legal_hold

# METADATA
# title: Exception unclear — Legal decides
# description: dsrkit reading D2; seed procedure step 4 "Consult Legal if complex exceptions apply".
escalations contains {
	"trigger": "legal_exception_unclear",
	"reason": sprintf("exception claims Legal must decide (disputed, unknown basis, or a law without an exception table); the items are kept with restricted use meanwhile: items %s", [concat(", ", sort(review))]),
} if needs_review

# Reasons of each item. A rule's METADATA cites the reading; each reason
# is cited to the law's own provision (from exceptions.rego).

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
item_reasons[id] contains lib.with_citation(lib.law_reason(law, "legal_hold", msg, rego.metadata.chain()), object.get(hold_citations, law, "dsrkit reading D3")) if {
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
item_reasons[id] contains lib.with_citation(lib.law_reason(law, "outside_scope", msg, rego.metadata.chain()), scope[law].citation) if {
	some id, s in status
	s == "out_of_scope"
	some law in applicability.applies
	msg := sprintf("%s reaches only %s; this item's source is %s", [law, scope[law].text, by_id[id].source])
}

# METADATA
# title: What is done with an item outside every law's scope
# description: |
#   No law requires the deletion: the playbook decides (default: delete
#   anyway); an item with a claimed exception is kept.
# custom:
#   citation: dsrkit reading D1
item_reasons[id] contains lib.reason(code, msg, rego.metadata.chain()) if {
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
#   Every law that governs the item recognises the basis: it is retained,
#   and used only for that purpose (dsrkit reading D2, D6).
# custom:
#   citation: dsrkit reading D2, D6; Cal. Code Regs. tit. 11, § 7022(f)(3)
item_reasons[id] contains from_claim(lib.with_citation(lib.law_reason(law, "exception_applies", msg, rego.metadata.chain()), exceptions[law][claim.basis]), claim) if {
	some id, s in status
	s == "excepted"
	item := by_id[id]
	some claim in valid_claims(item)
	some law in governing(item)
	msg := sprintf("%s is an exception to deletion under %s%s: retain the item%s and use it only for that purpose", [claim.basis, law, condition_text(law, claim.basis), until_text(claim)])
}

# METADATA
# title: A basis the law does not recognise
# description: |
#   A claimed basis that a governing law does not list does not justify
#   keeping the item under that law (dsrkit reading D2).
# custom:
#   citation: dsrkit reading D2; each law's list of exceptions (exception_lists)
item_reasons[id] contains from_claim(lib.with_citation(lib.law_reason(law, "exception_not_recognised", msg, rego.metadata.chain()), exception_lists[law]), claim) if {
	some id, s in status
	s in analysed
	item := by_id[id]
	some claim in claims(item)
	claim.basis in bases
	some law in governing(item)
	exceptions[law]
	not exceptions[law][claim.basis]
	msg := sprintf("%s is not an exception to deletion under %s: it does not justify keeping the item", [claim.basis, law])
}

# METADATA
# title: An exception that has ended
# description: A claim whose until date has passed no longer justifies keeping the item.
# custom:
#   citation: dsrkit reading D6; Cal. Code Regs. tit. 11, § 7022(f)(2)
item_reasons[id] contains from_claim(lib.reason("exception_expired", msg, rego.metadata.chain()), claim) if {
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
item_reasons[id] contains from_claim(lib.reason("needs_review", msg, rego.metadata.chain()), claim) if {
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
item_reasons[id] contains lib.with_citation(lib.law_reason(law, "backup_deferred", msg, rego.metadata.chain()), backup_rules[law].citation) if {
	some id, s in status
	s == "defer"
	item := by_id[id]
	some law in governing(item)
	msg := sprintf("under %s deletion from the %s may wait until %s; delete it then (seed procedure § 6)", [law, item.system_type, backup_rules[law].until])
}

# METADATA
# title: No exception, delete
# description: |
#   No exception keeps the item under a law that reaches it: delete it
#   (dsrkit reading D2, D4).
# custom:
#   citation: dsrkit reading D2, D4; each law's duty to delete (duty)
item_reasons[id] contains lib.with_citation(lib.law_reason(law, "delete", msg, rego.metadata.chain()), law_citation(law)) if {
	some id, s in status
	s == "delete"
	some law in governing(by_id[id])
	msg := sprintf("no exception keeps the item under %s: delete it", [law])
}

# METADATA
# title: Deidentifying or aggregating instead
# description: |
#   Where every governing law allows it, the business may deidentify or
#   aggregate instead of erasing (dsrkit reading D4); the consumer need not be
#   told which.
# custom:
#   citation: dsrkit reading D4; Cal. Code Regs. tit. 11, § 7022(b)(1)
item_reasons[id] contains lib.with_citation(lib.law_reason(law, "alternatives_allowed", msg, rego.metadata.chain()), alternatives[law]) if {
	some id, s in status
	s == "delete"
	laws := governing(by_id[id])
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
item_reasons[id] contains lib.with_citation(lib.law_reason(law, "backup_not_deferred", msg, rego.metadata.chain()), law_citation(law)) if {
	some id in object.keys(status)
	now(id)
	item := by_id[id]
	some law in governing(item)
	not backup_rules[law]
	msg := sprintf("%s has no rule letting deletion from a %s wait until it is restored or next accessed: delete it from the %s within the response period", [law, item.system_type, item.system_type])
}
