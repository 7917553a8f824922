# METADATA
# title: Minnesota — MNCDPA
# description: Minn. Stat. §§ 325M.10–325M.21 (Minnesota Consumer Data Privacy Act, MCDPA; HF 4757 (2024)); id MNCDPA to tell it from Montana's MCDPA.
package dsrkit.laws.mncdpa

# METADATA
# title: MNCDPA — the law's data
# description: |
#   In force from 2025-07-31; postsecondary institutions regulated by the
#   Office of Higher Education from 2029-07-31 (FACTS-STATES MN-1).
#   Thresholds, during a calendar year: 100,000 consumers (payment-only data
#   excluded), or 25,000 and 25% or more of gross revenue from sale (MN-2,
#   DISAGREE over or at 25%: the stricter reading), for a business that is
#   not an SBA small business (MN-2). Entity exemptions: government; GLBA
#   financial institutions, nonprofits and HIPAA covered entities are
#   covered (MN-3). Delete: data concerning the consumer (MN-4), 45 days,
#   extended by 45 (MN-6); third-party-sourced data: a record or an opt-out
#   (MN-5); appeal 45 days (MN-9, MEMORY: the 60-day extension is not
#   used). Opt-out without authentication, denied only for documented fraud
#   (MN-8); universal opt-out signal from 2025-07-31 (MN-10).
# custom:
#   citation: Minn. Stat. §§ 325M.10–325M.21
law := {
	"id": "MNCDPA",
	"name": "Minnesota Consumer Data Privacy Act",
	"citation": "Minn. Stat. §§ 325M.10–325M.21",
	"in_force": {"from": "2025-07-31", "citation": "Minn. HF 4757 (2024)"},
	"territory": {
		"citation": "Minn. Stat. §§ 325M.11, 325M.12",
		"any": [{"residence": {"US-MN"}, "citation": "Minn. Stat. § 325M.11 (\"consumer\")"}],
	},
	"consumers": {
		"citation": "Minn. Stat. § 325M.11 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Minn. Stat. § 325M.11 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "Minn. Stat. § 325M.12",
		"any": [
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 100000},
					{"fact": "sba_small_business", "op": "==", "value": false},
				],
				"note": "consumers during a calendar year, excluding data processed solely to complete a payment transaction",
				"citation": "Minn. Stat. §§ 325M.12, 325M.17",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">=", "value": 0.25},
					{"fact": "sba_small_business", "op": "==", "value": false},
				],
				"citation": "Minn. Stat. §§ 325M.12, 325M.17",
			},
		],
	},
	"exempt_entities": {
		"citation": "Minn. Stat. § 325M.12",
		"any": [
			{"exemption": "government", "citation": "Minn. Stat. § 325M.12"},
			{
				"exemption": "higher_education",
				"until": "2029-07-31",
				"note": "postsecondary institutions regulated by the Office of Higher Education",
				"citation": "Minn. Stat. § 325M.12; HF 4757 (2024)",
			},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "Minn. Stat. § 325M.14, subd. 4"},
		"extended": {"n": 90, "unit": "days", "citation": "Minn. Stat. § 325M.14, subd. 4"},
		"extension_notice": {"citation": "Minn. Stat. § 325M.14, subd. 4"},
		"denial": {"citation": "Minn. Stat. § 325M.14, subd. 4"},
		"confirmed": {"citation": "Minn. Stat. § 325M.14, subd. 4"},
		"appeal": {"n": 45, "unit": "days", "citation": "Minn. Stat. § 325M.14, subd. 5"},
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data concerning the consumer",
			"citation": "Minn. Stat. § 325M.14, subd. 1(d)",
		},
		"duty": {"citation": "Minn. Stat. § 325M.14, subd. 1(d)"},
		# The exceptions to deletion were not retrieved (FACTS-STATES MN-17,
		# MEMORY): the Virginia/Connecticut model list, cited to the section as the
		# best reading and flagged for counsel (unverified below). No CalECPA,
		# free-speech or public-health exception is assumed (never late).
		"exceptions": {
			"citation": "Minn. Stat. § 325M.19",
			"bases": {
				"legal_obligation": {"citation": "Minn. Stat. § 325M.19"},
				"law_enforcement": {"citation": "Minn. Stat. § 325M.19", "condition": "cooperation with a civil, criminal or regulatory inquiry, investigation, subpoena or summons by governmental authorities"},
				"legal_claims": {"citation": "Minn. Stat. § 325M.19"},
				"complete_transaction": {"citation": "Minn. Stat. § 325M.19", "condition": "only to provide a product or service the consumer specifically requested, perform a contract to which the consumer is a party, or take steps at the consumer's request before entering into one"},
				"warranty_or_recall": {"citation": "Minn. Stat. § 325M.19", "condition": "only to fulfil the terms of a written warranty or to carry out a product recall"},
				"life_safety": {"citation": "Minn. Stat. § 325M.19", "condition": "only to protect an interest essential for the life or physical safety of the consumer or another natural person"},
				"security_integrity": {"citation": "Minn. Stat. § 325M.19", "condition": "only to prevent, detect, protect against or respond to security incidents, identity theft, fraud, harassment, malicious, deceptive or illegal activity, or to preserve the integrity or security of systems"},
				"research_public_interest": {"citation": "Minn. Stat. § 325M.19", "condition": "public or peer-reviewed scientific or statistical research in the public interest, approved and monitored by an institutional review board or similar, where deletion would likely render impossible or seriously impair it"},
				"debug_repair": {"citation": "Minn. Stat. § 325M.19", "condition": "only to identify and repair technical errors that impair existing or intended functionality"},
				"internal_uses_expected": {"citation": "Minn. Stat. § 325M.19", "condition": "solely internal operations reasonably aligned with the consumer's expectations or reasonably anticipated from the existing relationship"},
			},
		},
		"legal_hold": {"citation": "Minn. Stat. § 325M.19"},
		"third_party_data": {"citation": "Minn. Stat. § 325M.14, subd. 4(k)", "options": ["retain_record_minimum", "opt_out"]},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "Minn. Stat. § 325M.14, subd. 4"},
		# Cease processing as soon as practicable, not later than 15 days
		# after receipt of the revocation (MN-11, CONFIRMED-P; subdivision
		# believed).
		"consent_revocation": {"n": 15, "unit": "days", "citation": "Minn. Stat. § 325M.16, subd. 2(e)"},
		# An opt-out is denied only on a good-faith, reasonable, documented
		# belief of fraud, with the basis (MN-8).
		"verification": {"not_required": true, "citation": "Minn. Stat. § 325M.14, subd. 4(h)"},
		"fraud": {"citation": "Minn. Stat. § 325M.14, subd. 4(h)"},
		"signal": {"from": "2025-07-31", "citation": "Minn. Stat. § 325M.14, subd. 2"},
	},
	"consent": {"citation": "Minn. Stat. § 325M.11 (\"consent\")"},
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Minn. Stat. § 325M.14, subd. 4"},
	# The controller knows the consumer is between the ages of 13 and 16:
	# no targeted advertising or sale without consent; consent cures
	# (FACTS-STATES MN-12, CONFIRMED-P; actual knowledge only; 16 included,
	# never late).
	"minors": [{
		"from": "2025-07-31",
		"from_age": 13,
		"under_age": 17,
		"rule": "consent",
		"scope": ["sale", "targeted_advertising"],
		"knowledge": "actual",
		"citation": "Minn. Stat. § 325M.16, subd. 2(f)",
	}],
	"unverified": [
		{"pointer": "/opt_out/consent_revocation", "note": "15 days CONFIRMED-P; the subdivision (§ 325M.16, subd. 2(e)) is believed (MN-11)"},
		{"pointer": "/in_force/from", "note": "2025-07-31 and the 2029-07-31 date for postsecondary institutions rest on secondary sources (MN-1, CONFIRMED-S)"},
		{"pointer": "/thresholds/any/1", "note": "\"over 25%\" (T1, DWT, MVA) or \"25% or more\" (Frost Brown Todd): DISAGREE, the stricter 25% or more is used (MN-2)"},
		{"pointer": "/thresholds", "note": "the SBA small-business exemption rests on secondary sources (MN-2, CONFIRMED-S); a small business must still have consent to sell sensitive data (§ 325M.17), which no rule reads yet"},
		{"pointer": "/exempt_entities", "note": "banks, credit unions, insurers and insurance-fraud nonprofits are exempt but have no exemption code, and GLBA financial institutions as a whole are not: they are treated as covered (never late); higher education is exempt until 2029-07-31 only as far as the Office of Higher Education regulates it (MN-1, MN-3, CONFIRMED-S)"},
		{"pointer": "/delete/respond", "note": "45 + 45 days rest on the Attorney General's guidance (MN-6, CONFIRMED-S)"},
		{"pointer": "/delete/appeal/n", "note": "45 days extendable by 60 (MN-9, MEMORY); 45 days without the extension is used until counsel confirms (never late)"},
		{"pointer": "/delete/exceptions", "note": "the exceptions to deletion were not retrieved (MN-17, MEMORY): the Virginia/Connecticut model list is cited to the section (Minn. Stat. § 325M.19) as the best reading; subsections, conditions and which bases the law has are for counsel"},
		{"pointer": "/opt_out/signal", "note": "required from the effective date per secondary sources (MN-10, CONFIRMED-S); subdivision number believed"},
		{"pointer": "/minors", "note": "\"between the ages of 13 and 16\": whether 16-year-olds are included is ambiguous; included (never late) (MN-12); subdivision number believed"},
	],
}
