# METADATA
# title: Tennessee — TIPA
# description: Tenn. Code Ann. § 47-18-3301 et seq. (Tennessee Information Protection Act, HB 1181 (2023)).
package dsrkit.laws.tipa

# METADATA
# title: TIPA — the law's data
# description: |
#   In force from 2025-07-01 (FACTS-STATES TN-1). Thresholds: revenue over
#   $25,000,000 and either 175,000 consumers during a calendar year, or
#   25,000 consumers and over 50% of gross revenue from sale (TN-2). A
#   consumer acts in an individual or household context. Entity exemptions:
#   government, GLBA financial institutions, HIPAA covered entities,
#   nonprofits, higher education (TN-3). Delete: 45 days, once extended by
#   45 with notice in the first (TN-5); third-party-sourced data: a record
#   or an opt-out (TN-4); appeal 60 days, then the Attorney General (TN-7).
#   No universal opt-out signal requirement (TN-8; dsrkit reading O2).
# custom:
#   citation: Tenn. Code Ann. § 47-18-3301 et seq.
law := {
	"id": "TIPA",
	"name": "Tennessee Information Protection Act",
	"citation": "Tenn. Code Ann. § 47-18-3301 et seq.",
	"in_force": {"from": "2025-07-01", "citation": "Tenn. HB 1181 (2023)"},
	"territory": {
		"citation": "Tenn. Code Ann. §§ 47-18-3302, 47-18-3303",
		"any": [{"residence": {"US-TN"}, "citation": "Tenn. Code Ann. § 47-18-3302 (\"consumer\")"}],
	},
	"consumers": {
		"citation": "Tenn. Code Ann. § 47-18-3302 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Tenn. Code Ann. § 47-18-3302 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "Tenn. Code Ann. § 47-18-3303",
		"any": [
			{
				"all": [
					{"fact": "annual_revenue_usd", "op": ">", "value": 25000000},
					{"fact": "consumers_per_year", "op": ">=", "value": 175000},
				],
				"citation": "Tenn. Code Ann. § 47-18-3303",
			},
			{
				"all": [
					{"fact": "annual_revenue_usd", "op": ">", "value": 25000000},
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.5},
				],
				"citation": "Tenn. Code Ann. § 47-18-3303",
			},
		],
	},
	"exempt_entities": {
		"citation": "Tenn. Code Ann. § 47-18-3311",
		"any": [
			{"exemption": "government", "citation": "Tenn. Code Ann. § 47-18-3311"},
			{"exemption": "glba_financial_institution", "citation": "Tenn. Code Ann. § 47-18-3311"},
			{"exemption": "hipaa_covered_entity", "citation": "Tenn. Code Ann. § 47-18-3311"},
			{"exemption": "nonprofit", "citation": "Tenn. Code Ann. § 47-18-3311"},
			{"exemption": "higher_education", "citation": "Tenn. Code Ann. § 47-18-3311"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "Tenn. Code Ann. § 47-18-3304(b)(1)"},
		"extended": {"n": 90, "unit": "days", "citation": "Tenn. Code Ann. § 47-18-3304(b)(1)"},
		"extension_notice": {"citation": "Tenn. Code Ann. § 47-18-3304(b)(1)"},
		"denial": {"citation": "Tenn. Code Ann. § 47-18-3304(b)(2)"},
		"confirmed": {"citation": "Tenn. Code Ann. § 47-18-3304(b)(1)"},
		"appeal": {
			"n": 60,
			"unit": "days",
			"citation": "Tenn. Code Ann. § 47-18-3304(c)",
			"authority": {"name": "the Tennessee Attorney General and Reporter", "citation": "Tenn. Code Ann. § 47-18-3304(c)"},
		},
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal information provided by or obtained about the consumer",
			"citation": "Tenn. Code Ann. § 47-18-3304(a)(2)(C)",
		},
		"duty": {"citation": "Tenn. Code Ann. § 47-18-3304(a)(2)(C)"},
		# The exceptions to deletion were not retrieved (FACTS-STATES TN-11,
		# MEMORY): the Virginia model list, cited to the section as the
		# best reading and flagged for counsel (unverified below). No CalECPA,
		# free-speech or public-health exception is assumed (never late).
		"exceptions": {
			"citation": "Tenn. Code Ann. § 47-18-3310",
			"bases": {
				"legal_obligation": {"citation": "Tenn. Code Ann. § 47-18-3310"},
				"law_enforcement": {"citation": "Tenn. Code Ann. § 47-18-3310", "condition": "cooperation with a civil, criminal or regulatory inquiry, investigation, subpoena or summons by governmental authorities"},
				"legal_claims": {"citation": "Tenn. Code Ann. § 47-18-3310"},
				"complete_transaction": {"citation": "Tenn. Code Ann. § 47-18-3310", "condition": "only to provide a product or service the consumer specifically requested, perform a contract to which the consumer is a party, or take steps at the consumer's request before entering into one"},
				"warranty_or_recall": {"citation": "Tenn. Code Ann. § 47-18-3310", "condition": "only to fulfil the terms of a written warranty or to carry out a product recall"},
				"life_safety": {"citation": "Tenn. Code Ann. § 47-18-3310", "condition": "only to protect an interest essential for the life or physical safety of the consumer or another natural person"},
				"security_integrity": {"citation": "Tenn. Code Ann. § 47-18-3310", "condition": "only to prevent, detect, protect against or respond to security incidents, identity theft, fraud, harassment, malicious, deceptive or illegal activity, or to preserve the integrity or security of systems"},
				"research_public_interest": {"citation": "Tenn. Code Ann. § 47-18-3310", "condition": "public or peer-reviewed scientific or statistical research in the public interest, approved and monitored by an institutional review board or similar, where deletion would likely render impossible or seriously impair it"},
				"debug_repair": {"citation": "Tenn. Code Ann. § 47-18-3310", "condition": "only to identify and repair technical errors that impair existing or intended functionality"},
				"internal_uses_expected": {"citation": "Tenn. Code Ann. § 47-18-3310", "condition": "solely internal operations reasonably aligned with the consumer's expectations or reasonably anticipated from the existing relationship"},
			},
		},
		"legal_hold": {"citation": "Tenn. Code Ann. § 47-18-3310"},
		"third_party_data": {"citation": "Tenn. Code Ann. § 47-18-3304(a)(2)(C)", "options": ["retain_record_minimum", "opt_out"]},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "Tenn. Code Ann. § 47-18-3304(b)(1)"},
		"verification": {"citation": "Tenn. Code Ann. § 47-18-3304(b)"},
	},
	"consent": {"citation": "Tenn. Code Ann. § 47-18-3302 (\"consent\")"},
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Tenn. Code Ann. § 47-18-3304(b)"},
	"unverified": [
		{"pointer": "/thresholds", "note": "the thresholds rest on secondary sources (TN-2, CONFIRMED-S); whether payment-only data is excluded is MEMORY"},
		{"pointer": "/exempt_entities", "note": "entity exemptions rest on secondary sources (TN-3, CONFIRMED-S); licensed insurers have no exemption code"},
		{"pointer": "/delete/appeal", "note": "60 days and the Attorney General contact rest on a secondary source (TN-7, CONFIRMED-S)"},
		{"pointer": "/delete/exceptions", "note": "the exceptions to deletion were not retrieved (TN-11, MEMORY): the Virginia model list is cited to the section (Tenn. Code Ann. § 47-18-3310) as the best reading; subsections, conditions and which bases the law has are for counsel"},
		{"pointer": "/opt_out", "note": "no universal opt-out signal requirement and no authorized agent in the enacted text (TN-8, MEMORY: absence); dsrkit reading O2: not required"},
	],
}
