# METADATA
# title: The decision on a request to opt out of sale or sharing
# description: |
#   Entry point for kind "opt_out" (dsrkit reading § 5, O1–O2): the laws that
#   apply, the date by which each requires the business to stop, whether a
#   universal opt-out signal must be honoured, the third parties to instruct
#   and the outcome with its reasons.
package dsrkit.opt_out

import data.dsrkit.applicability
import data.dsrkit.deadlines
import data.dsrkit.lib
import data.dsrkit.playbook
import data.dsrkit.request

decision := object.union(object.union(envelope, signal_block), request.echo) if dates_computed

# dates_computed: each date an applicable law sets in a unit the policy
# counts (the compliance date, or the outer bound of "as soon as feasibly
# possible") was computed. Without strict built-in errors (stock OPA's
# default) a date built-in that fails leaves its step out instead of
# raising an error: the decision is then undefined, never served with a
# date missing. (A period in a unit the policy does not know is
# opt_out_period_unknown, for review.)
dates_computed if count(expected_steps - {[s.law, s.name] | some s in steps; s.date != null}) == 0

expected_steps contains [id, "comply_by"] if {
	not signal_unrequired
	some id, law in opt_out_laws
	comply_period(law).n
	lib.unit_text[comply_period(law).unit]
}

expected_steps contains [id, "comply_outer_bound"] if {
	not signal_unrequired
	some id, law in opt_out_laws
	lib.unit_text[comply_period(law).outer_bound.unit]
}

# signal_block: what a decision on a signal adds.
signal_block := {"signal_covers": signal_covers} if is_signal

signal_block := {} if not is_signal

envelope := {
	"kind": "opt_out",
	"received_on": request.received_on,
	"laws": applicability.results,
	"outcome": outcome,
	"comply_by": comply_by,
	"verification": {"status": "not_required"},
	"scope": scope,
	"third_party_instructions": [i | some i in third_party_instructions],
	"signal_honored": signal_honored,
	"timeline": timeline,
	"reasons": [r | some r in reasons],
	"notices": [n | some n in notices],
	"escalations": [e | some e in escalations],
}

covered if count(applicability.applies) > 0

# opt_out_laws are the applicable laws, each with its opt-out data.
opt_out_laws[id] := law if {
	some id in applicability.applies
	law := applicability.laws[id]
	law.opt_out
}

is_signal if input.signal == "gpc"

# outcome: no law → not_covered; a documented, good-faith belief of fraud →
# deny_fraud; a signal no applicable law requires honouring → not_required;
# otherwise comply.
outcome := "not_covered" if not covered

outcome := "deny_fraud" if {
	covered
	fraud_documented
}

outcome := "not_required" if {
	covered
	not fraud_documented
	signal_unrequired
}

outcome := "comply" if {
	covered
	not fraud_documented
	not signal_unrequired
}

# signal_unrequired: a signal no applicable law requires honouring.
signal_unrequired if {
	is_signal
	not signal_honored
}

fraud_documented if {
	input.fraud_suspected
	input.fraud_basis
}

# scope: what the request opts out of; a request that names nothing opts
# out of everything it can (sale, sharing, targeted advertising).
default scope := ["sale", "sharing", "targeted_advertising"]

scope := input.scope if count(object.get(input, "scope", [])) > 0

# steps are the dates each applicable law sets, with their arithmetic.
# METADATA
# title: Opt-out compliance date
# description: The law's period for ceasing sale or sharing, counted from the receipt date on the law's calendar (dsrkit reading § 2, R2, R3, R5).
# custom:
#   citation: dsrkit reading § 2 (opt-out row)
steps contains step if {
	not signal_unrequired
	some id, law in opt_out_laws
	period := comply_period(law)
	period.n
	cal := deadlines.calendar(law)
	step := lib.traced(
		{
			"name": "comply_by",
			"date": lib.due(request.received_on, period, cal),
			"law": id,
			"computation": lib.computation(request.received_on, period, cal),
			"citation": period.citation,
			"rule": lib.rule_name(rego.metadata.chain()),
		},
		rego.metadata.chain(),
	)
}

# METADATA
# title: Opt-out with no fixed date
# description: A law that requires compliance "as soon as feasibly possible" (CPA Rule 4.03) or "without undue delay" (GDPR Art. 21(3), 7(3)) sets no date; its outer bound is stated as a separate step (dsrkit reading § 2).
# custom:
#   citation: 4 CCR 904-3, Rule 4.03(A)
steps contains step if {
	not signal_unrequired
	some id, law in opt_out_laws
	period := comply_period(law)
	bound := period.outer_bound
	cal := deadlines.calendar(law)
	some step in [
		lib.traced(
			{
				"name": "comply_by",
				"date": null,
				"law": id,
				"computation": sprintf("%s: no fixed date", [no_date_text(period)]),
				"citation": period.citation,
				"rule": lib.rule_name(rego.metadata.chain()),
			},
			rego.metadata.chain(),
		),
		lib.traced(
			{
				"name": "comply_outer_bound",
				"date": lib.due(request.received_on, bound, cal),
				"law": id,
				"computation": lib.computation(request.received_on, bound, cal),
				"citation": period.citation,
				"rule": lib.rule_name(rego.metadata.chain()),
			},
			rego.metadata.chain(),
		),
	]
}

timeline := lib.in_date_order(steps)

# comply_by is the earliest fixed date among the applicable laws
# (dsrkit reading § 2); null when no applicable law sets one.
default comply_by := null

comply_by := lib.earliest({s.date | some s in steps; s.name == "comply_by"; s.date != null})

# signal_laws are the applicable laws that require honouring a universal
# opt-out signal on the receipt date.
signal_laws[id] := law if {
	some id, law in signal_candidates
	signal := law.opt_out.signal
	request.received_on >= object.get(signal, "from", "")
}

default signal_honored := false

signal_honored if {
	is_signal
	count(signal_laws) > 0
}

# signal_covers: an honoured signal opts out the browser or device that
# sent it and every profile associated with it, pseudonymous ones included,
# and the consumer when the business knows who that is.
default signal_covers := []

signal_covers := array.concat(["browser_or_device", "associated_profiles"], known) if {
	signal_honored
	known := [c | c := "consumer"; input.consumer_known]
}

# after_receipt: a disclosure at the instant at came after the request was
# received (the request package compares the instants).
after_receipt(at) if at in request.after_receipt

before_processing(_) if not input.processed_at

before_processing(at) if time.parse_rfc3339_ns(at) < time.parse_rfc3339_ns(input.processed_at)

disclosures := object.get(input, "disclosures_since_receipt", [])

# METADATA
# title: Instruct third parties sold to after receipt
# description: Third parties to whom personal information was sold or shared after the request was received and before it was complied with must be told to stop and to forward the request (dsrkit reading O1).
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7026(f)
third_party_instructions contains {
	"recipient": d.recipient,
	"at": d.at,
	"reason": sprintf("%s %s after the opt-out was received and before it was complied with: instruct it not to sell or share the consumer's personal information further and to forward the request to anyone it passed the information to", [verb[d.via], d.recipient]),
	"citation": third_party_citation,
} if {
	outcome == "comply"
	some d in disclosures
	after_receipt(d.at)
	before_processing(d.at)
}

verb := {"sale": "sold to", "share": "shared with"}

# METADATA
# title: Instruct the third parties the information is made available to
# description: |
#   Never late (dsrkit reading O1): under a law that says so (the law's
#   opt_out.made_available), the third parties to whom the business makes
#   personal information available when the request arrives
#   (available_to[]: cookies, pixels) are directed to comply with the
#   opt-out and to forward it, as of the receipt.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7026(f)(3)
third_party_instructions contains {
	"recipient": a.recipient,
	"at": a.at,
	"reason": sprintf("the business makes personal information available to %s%s when the opt-out arrives: direct it to comply with the opt-out and to forward it to anyone it makes the information available to%s", [a.recipient, means_text(a), made_available_note(m)]),
	"citation": m.citation,
} if {
	outcome == "comply"
	m := made_available
	some a in request.available_to
}

# made_available: the first applicable law (by id) that directs these
# instructions.
made_available := opt_out_laws[min(ids)].opt_out.made_available if {
	ids := {id | some id, law in opt_out_laws; law.opt_out.made_available}
	count(ids) > 0
}

means_text(a) := sprintf(" (%s)", [a.means]) if {
	a.means
} else := ""

made_available_note(m) := sprintf(" (provision %s)", [m.note]) if {
	m.note
} else := ""

# third_party_citation: the provision of an applicable law on instructing
# third parties, else the reading that applies it to every opt-out.
default third_party_citation := "dsrkit reading O1 (the seed guidance applies the CCPA's rule to every opt-out)"

third_party_citation := min(cs) if {
	cs := {law.opt_out.third_parties.citation | some law in opt_out_laws}
	count(cs) > 0
}

# METADATA
# title: Earlier disclosures need no notice
# description: The opt-out takes effect going forward; third parties that received the information before the request need not be told (dsrkit reading O1).
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7026(f)
reasons contains lib.with_citation(lib.reason("earlier_disclosures_not_notified", sprintf("%d disclosure(s) before the request was received need no instruction: the opt-out applies going forward", [n]), rego.metadata.chain()), third_party_citation) if {
	outcome == "comply"
	n := count([d | some d in disclosures; not after_receipt(d.at)])
	n > 0
}

# METADATA
# title: Sale after the opt-out was processed
# description: A sale or share after the opt-out was complied with is prohibited until the consumer consents again, under each applicable law's opt-out provision (opt_out.after_opt_out).
# custom:
#   citation: Cal. Civ. Code § 1798.120(d)
reasons contains cite_after_opt_out(lib.reason("sold_after_opt_out", sprintf("%s %s on %s, after the opt-out was complied with (%s)", [verb[d.via], d.recipient, d.at, input.processed_at]), rego.metadata.chain())) if {
	some d in disclosures
	not before_processing(d.at)
}

# cite_after_opt_out cites each applicable law's provision that forbids a
# sale after the opt-out; with no law applicable, the rule's own.
cite_after_opt_out(r) := lib.with_citation(r, concat("; ", sort(cs))) if {
	cs := {law.opt_out.after_opt_out.citation | some law in opt_out_laws}
	count(cs) > 0
} else := r

# METADATA
# title: Sold after the opt-out — escalate
escalations contains lib.traced(playbook.escalation("sold_after_opt_out", r.message), rego.metadata.chain()) if {
	some r in reasons
	r.code == "sold_after_opt_out"
}

# METADATA
# title: Opt-out compliance
# description: The business must stop selling or sharing by the law's date, going forward; for a request that revokes a consent, by the law's consent-revocation date where it has one.
# custom:
#   citation: dsrkit reading § 2, O1
reasons contains lib.with_citation(lib.law_reason(id, "comply_by", msg, rego.metadata.chain()), s.citation) if {
	outcome == "comply"
	some s in steps
	s.name == "comply_by"
	s.date != null
	id := s.law
	msg := sprintf("%s by %s (%s)", [stop_text(opt_out_laws[id]), s.date, s.computation])
}

# METADATA
# title: Opt-out as soon as feasibly possible
# description: No fixed date; the business stops as soon as feasibly possible and without undue delay, and never later than the outer bound.
# custom:
#   citation: 4 CCR 904-3, Rule 4.03(A)
reasons contains lib.with_citation(lib.law_reason(id, "as_soon_as_feasible", msg, rego.metadata.chain()), s.citation) if {
	outcome == "comply"
	some s in steps
	s.name == "comply_outer_bound"
	id := s.law
	msg := sprintf("stop selling or sharing (%s) %s; no fixed date, outer bound %s (%s)", [concat(", ", scope), no_date_text(comply_period(opt_out_laws[id])), s.date, s.computation])
}

# no_date_text: how the law words a duty with no fixed date (period.text),
# by default the CPA Rules' words.
no_date_text(period) := object.get(period, "text", "as soon as feasibly possible and without undue delay")

# METADATA
# title: No verification for an opt-out
# description: Under a law that says so (CCPA, CTDPA), an opt-out needs no verification; the business may ask only for what it needs to carry it out.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7026(d)
reasons contains lib.with_citation(lib.law_reason(id, "verification_not_required", "identity verification is not required to opt out; ask only for what is needed to carry out the request", rego.metadata.chain()), law.opt_out.verification.citation) if {
	outcome in {"comply", "deny_fraud"}
	some id, law in opt_out_laws
	law.opt_out.verification.not_required
}

# METADATA
# title: The business chooses not to authenticate the opt-out
# description: |
#   A law that does not say an opt-out needs no verification lets the
#   business authenticate it (a request it cannot authenticate with
#   commercially reasonable efforts need not be complied with); the policy
#   does not, by the business's choice (dsrkit reading § 4: none by default).
# custom:
#   citation: dsrkit reading § 4; the law's authentication clause (opt_out.verification)
reasons contains lib.with_citation(lib.law_reason(id, "authentication_not_used", msg, rego.metadata.chain()), law.opt_out.verification.citation) if {
	outcome == "comply"
	some id, law in opt_out_laws
	not law.opt_out.verification.not_required
	msg := sprintf("%s lets the business authenticate the request; the business chooses not to authenticate an opt-out, and asks only for what is needed to carry it out", [id])
}

# METADATA
# title: Universal opt-out signal honoured
# description: The law requires treating a universal opt-out signal (Global Privacy Control) as a valid opt-out on the receipt date.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7025(b)
reasons contains lib.with_citation(lib.law_reason(id, "signal_honored", msg, rego.metadata.chain()), law.opt_out.signal.citation) if {
	is_signal
	some id, law in signal_laws
	not law.opt_out.signal.contested
	msg := sprintf("the Global Privacy Control signal is a valid opt-out for %s; no further information may be required, and a later absence of the signal is not consent", [concat(", ", signal_covers)])
}

# METADATA
# title: Universal opt-out signal honoured as an objection
# description: |
#   Under the GDPR a signal may be an objection by automated means (Art.
#   21(5)): it is honoured as an objection to direct marketing and sale,
#   on a reading the decision names as contested, and escalated for
#   counsel's review (dsrkit reading O2).
# custom:
#   citation: dsrkit reading O2; the law's signal provision (opt_out.signal)
reasons contains lib.with_citation(lib.law_reason(id, "signal_honored", msg, rego.metadata.chain()), law.opt_out.signal.citation) if {
	is_signal
	some id, law in signal_laws
	law.opt_out.signal.contested
	msg := sprintf("the Global Privacy Control signal is honoured as an objection by automated means to direct marketing and sale, for %s; a later absence of the signal is not consent. Contested reading: %s", [concat(", ", signal_covers), law.opt_out.signal.contested])
}

# METADATA
# title: Contested signal reading — escalate
escalations contains lib.traced(playbook.escalation("reading_contested", sprintf("%s: %s", [id, law.opt_out.signal.contested])), rego.metadata.chain()) if {
	is_signal
	some id, law in signal_laws
	law.opt_out.signal.contested
}

# METADATA
# title: Universal opt-out signal not required
# description: The law does not require honouring a universal opt-out signal on the receipt date; the business may still honour it (dsrkit reading O2).
# custom:
#   citation: dsrkit reading O2
reasons contains lib.with_citation(lib.law_reason(id, "signal_not_required", msg, rego.metadata.chain()), object.get(law.opt_out, "signal", law.opt_out.comply).citation) if {
	is_signal
	some id, law in signal_candidates
	not signal_laws[id]
	msg := signal_not_required_message(law)
}

signal_not_required_message(law) := sprintf("%s does not require honouring a universal opt-out signal before %s; the business may still honour it", [law.id, law.opt_out.signal.from]) if law.opt_out.signal.from

signal_not_required_message(law) := sprintf("%s does not require honouring a universal opt-out signal; the business may still honour it", [law.id]) if not law.opt_out.signal

# METADATA
# title: Denied for fraud
# description: An opt-out may be denied only on a good-faith, reasonable and documented belief that it is fraudulent, and the requester is told why.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7026(e)
reasons contains lib.with_citation(lib.law_reason(id, "deny_fraud", sprintf("denied on a documented, good-faith belief of fraud: %s", [input.fraud_basis]), rego.metadata.chain()), law.opt_out.fraud.citation) if {
	outcome == "deny_fraud"
	some id, law in opt_out_laws
	law.opt_out.fraud
}

# METADATA
# title: Denied as unauthenticated
# description: |
#   A law with no fraud-denial rule lets the business decline only a request
#   it cannot authenticate with commercially reasonable efforts: the denial
#   rests on that clause, and the failed authentication must be documented.
# custom:
#   citation: the law's authentication clause (opt_out.verification)
reasons contains lib.with_citation(lib.law_reason(id, "deny_fraud", msg, rego.metadata.chain()), law.opt_out.verification.citation) if {
	outcome == "deny_fraud"
	some id, law in opt_out_laws
	not law.opt_out.fraud
	msg := sprintf("%s has no rule on denying an opt-out for fraud; it lets the business decline a request it cannot authenticate: the denial rests on that, so document that the request could not be authenticated (belief of fraud: %s)", [id, input.fraud_basis])
}

# METADATA
# title: Suspected fraud lifts the period
# description: Under the UCPA a reasonable suspicion of fraud lifts the response period while the request cannot be authenticated; it is no ground to deny by itself.
# custom:
#   citation: the law's provision on the period (opt_out.fraud_period)
reasons contains lib.with_citation(lib.law_reason(id, "fraud_period_lifted", sprintf("under %s the period does not apply while the business reasonably suspects fraud and cannot authenticate the request; this is no ground to deny by itself", [id]), rego.metadata.chain()), law.opt_out.fraud_period.citation) if {
	input.fraud_suspected
	some id, law in opt_out_laws
	law.opt_out.fraud_period
}

# METADATA
# title: Fraud suspected but not documented
# description: Suspicion without a documented, good-faith basis is no ground to deny an opt-out; comply, and document or drop the suspicion.
# custom:
#   citation: Cal. Code Regs. tit. 11, § 7026(e)
reasons contains lib.with_citation(lib.reason("fraud_undocumented", "fraud is suspected but no documented basis is given (fraud_basis): the opt-out is complied with", rego.metadata.chain()), fraud_citation) if {
	outcome == "comply"
	input.fraud_suspected
	not input.fraud_basis
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
# title: A law with no opt-out data
# description: The policy holds no opt-out period for an applicable law; add it to the law's data (the binding date comes from the other laws).
# custom:
#   citation: the law's own citation (laws[].citation)
reasons contains lib.with_citation(lib.law_reason(id, "opt_out_period_unknown", sprintf("the policy gives no usable opt-out period for %s: review", [id]), rego.metadata.chain()), applicability.laws[id].citation) if {
	not signal_unrequired
	some id in applicability.applies
	not id in {s.law | some s in steps}
}

# METADATA
# title: No opt-out period — escalate
escalations contains lib.traced(playbook.escalation("legal_exception_unclear", r.message), rego.metadata.chain()) if {
	some r in reasons
	r.code == "opt_out_period_unknown"
}

# METADATA
# title: Opt-out overdue
# description: The compliance date has passed and the opt-out is not recorded as processed.
# custom:
#   citation: dsrkit reading § 2 (opt-out row)
reasons contains lib.reason("deadline_at_risk", sprintf("the opt-out was due by %s and is not recorded as processed (as of %s)", [latest, request.as_of_date]), rego.metadata.chain()) if {
	outcome == "comply"
	not input.processed_at
	some latest in [comply_by, outer_bound]
	latest != null
	request.as_of_date > latest
}

# outer_bound is the earliest outer bound of the laws that set no fixed
# date, or null; it matters only when comply_by is null.
outer_bound := lib.earliest({s.date | some s in steps; s.name == "comply_outer_bound"}) if comply_by == null

default outer_bound := null

# METADATA
# title: Opt-out overdue — escalate
escalations contains lib.traced(playbook.escalation("deadline_at_risk", r.message), rego.metadata.chain()) if {
	some r in reasons
	r.code == "deadline_at_risk"
}

# fraud_citation: each applicable law's provision on denying an opt-out
# for fraud, or, for a law without one, its authentication clause.
fraud_citation := concat("; ", sort({object.get(law.opt_out, "fraud", law.opt_out.verification).citation | some law in opt_out_laws}))

# METADATA
# title: Tell the requester why the opt-out was denied
# description: A denial for fraud is explained to the requester, under each applicable law's provision.
# custom:
#   citation: the fraud provision of each applicable law (opt_out.fraud)
notices contains lib.traced(
	object.union(
		{
			"code": "opt_out_denied",
			"citation": fraud_citation,
			"text": "We could not act on your request to opt out because we have a good-faith, documented reason to believe it is fraudulent. Contact us if you believe this is a mistake.",
		},
		{"due": comply_by | comply_by != null},
	),
	rego.metadata.chain(),
) if outcome == "deny_fraud"
