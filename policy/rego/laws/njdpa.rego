# METADATA
# title: New Jersey — NJDPA
# description: N.J.S.A. 56:8-166.4 et seq. (P.L. 2023, c. 266).
package dsrkit.laws.njdpa

# METADATA
# title: NJDPA — the law's data
# description: |
#   In force from 2025-01-15 (FACTS-STATES NJ-1). Thresholds, during a
#   calendar year: 100,000 consumers (payment-only data excluded), or 25,000
#   and any revenue or discount from the sale of personal data (NJ-2). A
#   consumer acts in an individual or household context (NJ-3). Entity
#   exemptions: government and GLBA financial institutions only; nonprofits
#   and HIPAA covered entities are covered (NJ-3). Delete: data concerning
#   the consumer (NJ-4), 45 days, extended by 45 with notice in the first
#   (NJ-6); third-party-sourced data: a record or deletion (NJ-5); appeal 45
#   days (NJ-9). Universal opt-out signal from 2025-07-15, six months after
#   the effective date (NJ-11).
# custom:
#   citation: N.J.S.A. 56:8-166.4 et seq.
law := {
	"id": "NJDPA",
	"name": "New Jersey Data Privacy Act",
	"citation": "N.J.S.A. 56:8-166.4 et seq.",
	"in_force": {"from": "2025-01-15", "citation": "P.L. 2023, c. 266, § 17"},
	"territory": {
		"citation": "N.J.S.A. 56:8-166.4, 56:8-166.5",
		"any": [{"residence": {"US-NJ"}, "citation": "N.J.S.A. 56:8-166.4 (\"consumer\")"}],
	},
	"consumers": {
		"citation": "N.J.S.A. 56:8-166.4 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "N.J.S.A. 56:8-166.4 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "N.J.S.A. 56:8-166.5",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 100000}],
				"note": "consumers during a calendar year, excluding data processed solely to complete a payment transaction",
				"citation": "N.J.S.A. 56:8-166.5",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0},
				],
				"citation": "N.J.S.A. 56:8-166.5",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "sells_or_shares", "op": "==", "value": true},
				],
				"note": "a business that sells receives revenue or a discount from the sale (never late)",
				"citation": "N.J.S.A. 56:8-166.5",
			},
		],
	},
	"exempt_entities": {
		"citation": "N.J.S.A. 56:8-166.13",
		"any": [
			{"exemption": "government", "citation": "N.J.S.A. 56:8-166.13"},
			{"exemption": "glba_financial_institution", "citation": "N.J.S.A. 56:8-166.13"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "N.J.S.A. 56:8-166.7"},
		"extended": {"n": 90, "unit": "days", "citation": "N.J.S.A. 56:8-166.7"},
		"extension_notice": {"citation": "N.J.S.A. 56:8-166.7"},
		"denial": {"citation": "N.J.S.A. 56:8-166.7"},
		"confirmed": {"citation": "N.J.S.A. 56:8-166.7"},
		"appeal": {"n": 45, "unit": "days", "citation": "N.J.S.A. 56:8-166.7"},
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data concerning the consumer",
			"citation": "N.J.S.A. 56:8-166.10(a)(3)",
		},
		"duty": {"citation": "N.J.S.A. 56:8-166.10(a)(3)"},
		# The exceptions to deletion were not retrieved (FACTS-STATES NJ-17,
		# MEMORY): the Virginia/Connecticut model list, cited to the section as the
		# best reading and flagged for counsel (unverified below). No CalECPA,
		# free-speech or public-health exception is assumed (never late).
		"exceptions": {
			"citation": "N.J.S.A. 56:8-166.14",
			"bases": {
				"legal_obligation": {"citation": "N.J.S.A. 56:8-166.14"},
				"law_enforcement": {"citation": "N.J.S.A. 56:8-166.14", "condition": "cooperation with a civil, criminal or regulatory inquiry, investigation, subpoena or summons by governmental authorities"},
				"legal_claims": {"citation": "N.J.S.A. 56:8-166.14"},
				"complete_transaction": {"citation": "N.J.S.A. 56:8-166.14", "condition": "only to provide a product or service the consumer specifically requested, perform a contract to which the consumer is a party, or take steps at the consumer's request before entering into one"},
				"warranty_or_recall": {"citation": "N.J.S.A. 56:8-166.14", "condition": "only to fulfil the terms of a written warranty or to carry out a product recall"},
				"life_safety": {"citation": "N.J.S.A. 56:8-166.14", "condition": "only to protect an interest essential for the life or physical safety of the consumer or another natural person"},
				"security_integrity": {"citation": "N.J.S.A. 56:8-166.14", "condition": "only to prevent, detect, protect against or respond to security incidents, identity theft, fraud, harassment, malicious, deceptive or illegal activity, or to preserve the integrity or security of systems"},
				"research_public_interest": {"citation": "N.J.S.A. 56:8-166.14", "condition": "public or peer-reviewed scientific or statistical research in the public interest, approved and monitored by an institutional review board or similar, where deletion would likely render impossible or seriously impair it"},
				"debug_repair": {"citation": "N.J.S.A. 56:8-166.14", "condition": "only to identify and repair technical errors that impair existing or intended functionality"},
				"internal_uses_expected": {"citation": "N.J.S.A. 56:8-166.14", "condition": "solely internal operations reasonably aligned with the consumer's expectations or reasonably anticipated from the existing relationship"},
			},
		},
		"legal_hold": {"citation": "N.J.S.A. 56:8-166.14"},
		"third_party_data": {"citation": "N.J.S.A. 56:8-166.10(b)", "options": ["retain_record_minimum", "delete"]},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "N.J.S.A. 56:8-166.7"},
		# Cease processing as soon as practicable, not later than 15 days
		# after receipt of the revocation (NJ-12, CONFIRMED-P).
		"consent_revocation": {"n": 15, "unit": "days", "citation": "N.J.S.A. 56:8-166.12(a)(6)"},
		# The controller may authenticate a request with commercially
		# reasonable efforts (NJ-8); no fraud-denial rule seen.
		"verification": {"citation": "N.J.S.A. 56:8-166.7(e)"},
		"signal": {"from": "2025-07-15", "citation": "N.J.S.A. 56:8-166.11(b)"},
	},
	"consent": {"citation": "N.J.S.A. 56:8-166.4 (\"consent\")"},
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "N.J.S.A. 56:8-166.7(e)"},
	# Known minors at least 13 and younger than 17 (actual knowledge or
	# wilful disregard): no targeted advertising, sale or profiling without
	# consent; consent cures (FACTS-STATES NJ-13, CONFIRMED-P).
	"minors": [{
		"from": "2025-01-15",
		"from_age": 13,
		"under_age": 17,
		"rule": "consent",
		"scope": ["sale", "targeted_advertising", "profiling"],
		"knowledge": "actual_or_willful_disregard",
		"citation": "N.J.S.A. 56:8-166.12(a)(7)",
	}],
	"unverified": [
		{"pointer": "/thresholds", "note": "the thresholds rest on secondary sources (NJ-2, CONFIRMED-S); \"derives revenue, or receives a discount\" from the sale is read as any revenue share above 0 or any sale (never late)"},
		{"pointer": "/exempt_entities", "note": "the exemptions rest on secondary sources (NJ-3, CONFIRMED-S); no nonprofit or HIPAA entity exemption; secondary-market and insurance institutions have no exemption code"},
		{"pointer": "/delete/appeal/n", "note": "45 days rests on a secondary source (NJ-9, CONFIRMED-S); the text was not retrieved and no extension was checked"},
		{"pointer": "/delete/exceptions", "note": "the exceptions to deletion were not retrieved (NJ-17, MEMORY): the Virginia/Connecticut model list is cited to the section (N.J.S.A. 56:8-166.14) as the best reading; subsections, conditions and which bases the law has are for counsel"},
		{"pointer": "/opt_out/comply", "note": "no separate opt-out period seen, so the 45-day response period; Division of Consumer Affairs rules (N.J.A.C. 13:45L) not checked (NJ-15, MEMORY)"},
	],
}
