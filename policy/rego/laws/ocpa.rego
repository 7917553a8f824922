# METADATA
# title: Oregon — OCPA
# description: ORS 646A.570 to 646A.589 (Oregon Consumer Privacy Act, SB 619 (2023)), as amended by HB 2008 (2025).
package dsrkit.laws.ocpa

# hb_2008 is the day HB 2008 (2025) takes effect (FACTS-STATES OR-2).
hb_2008 := "2026-01-01"

# METADATA
# title: OCPA — the law's data
# description: |
#   In force from 2024-07-01, for nonprofits from 2025-07-01 (FACTS-STATES
#   OR-1). Thresholds during a calendar year: 100,000 consumers (other than
#   payment-only data), or 25,000 consumers and 25 percent or more of gross
#   revenue from selling personal data; operators >= on both limbs (OR-6).
#   A consumer acts in any capacity other than a commercial or employment
#   context (OR-7). Entity exemptions: public bodies (OR-8); HIPAA and GLBA
#   are data-level only. Deletion reaches data provided, obtained from
#   another source and derived (OR-9). 45 days, extendable by 45 with notice
#   within the first 45 (OR-11); appeal 45 days, no extension (OR-16).
#   Opt-outs need no authentication, deny only on documented fraud (OR-17);
#   universal opt-out signal from 2026-01-01 (OR-18).
# custom:
#   citation: ORS 646A.570 to 646A.589
law := {
	"id": "OCPA",
	"name": "Oregon Consumer Privacy Act",
	"citation": "ORS 646A.570 to 646A.589",
	"in_force": {"from": "2024-07-01", "citation": "Or. Laws 2023, SB 619"},
	"territory": {
		"citation": "ORS 646A.570(7), 646A.572(1)",
		"any": [{"residence": {"US-OR"}, "citation": "ORS 646A.570(7) (\"consumer\": a resident of Oregon)"}],
	},
	"consumers": {
		"citation": "ORS 646A.570(7) (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "ORS 646A.570(7) (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "ORS 646A.572(1)",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 100000}],
				"note": "consumers in a calendar year, other than those whose data is processed solely to complete a payment transaction",
				"citation": "ORS 646A.572(1)(a)",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">=", "value": 0.25},
				],
				"citation": "ORS 646A.572(1)(b)",
			},
		],
	},
	"exempt_entities": {
		"citation": "ORS 646A.572(2)",
		"any": [
			{"exemption": "government", "citation": "ORS 646A.572(2)(a)"},
			{
				"exemption": "nonprofit",
				"until": "2025-07-01",
				"note": "nonprofits are covered from 2025-07-01",
				"citation": "Or. Laws 2023, SB 619 (nonprofits from 2025-07-01)",
			},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "ORS 646A.576(5)(a)"},
		"extended": {"n": 90, "unit": "days", "citation": "ORS 646A.576(5)(a)"},
		"extension_notice": {"citation": "ORS 646A.576(5)(a)"},
		"denial": {"citation": "ORS 646A.576(5)(b)"},
		"confirmed": {"citation": "ORS 646A.576(5)(a)"},
		"appeal": {"n": 45, "unit": "days", "citation": "ORS 646A.576(6)(d)"},
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data about the consumer, including personal data the consumer provided to the controller, personal data the controller obtained from another source and derived data",
			"citation": "ORS 646A.574(1)(c)",
		},
		"duty": {"citation": "ORS 646A.574(1)(c)"},
		"exceptions": {
			"citation": "ORS 646A.572(3)–(7)",
			"bases": {
				"legal_obligation": {"citation": "ORS 646A.572(3)"},
				"legal_claims": {"citation": "ORS 646A.572(3)"},
				"life_safety": {"citation": "ORS 646A.572(3)"},
				"security_integrity": {"citation": "ORS 646A.572(3)"},
				"research_public_interest": {"citation": "ORS 646A.572(3)"},
				"internal_uses_expected": {"citation": "ORS 646A.572(3)"},
			},
		},
		"legal_hold": {"citation": "ORS 646A.572(3)"},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "ORS 646A.576(5)(a)"},
		# Cease processing as soon as practicable, not later than 15 days
		# after receiving the revocation (OR-20, CONFIRMED-P).
		"consent_revocation": {"n": 15, "unit": "days", "citation": "ORS 646A.578(1)(d)"},
		"verification": {"not_required": true, "citation": "ORS 646A.576(5)(e)"},
		"fraud": {"citation": "ORS 646A.576(5)(e)"},
		"signal": {"from": hb_2008, "citation": "ORS 646A.578(5)(c)"},
	},
	"consent": {"citation": "ORS 646A.570 (\"consent\")"},
	"minors": [
		{
			"from": "2024-07-01",
			"until": hb_2008,
			"from_age": 13,
			"under_age": 16,
			"rule": "consent",
			"scope": ["targeted_advertising", "profiling", "sale"],
			"knowledge": "actual_or_willful_disregard",
			"citation": "ORS 646A.578(2)(c)",
		},
		{
			"from": hb_2008,
			"under_age": 16,
			"rule": "prohibited",
			"scope": ["targeted_advertising", "profiling", "sale"],
			"knowledge": "actual_or_willful_disregard",
			"citation": "ORS 646A.578, as amended by HB 2008 (2025)",
		},
	],
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "ORS 646A.576(5)(d)"},
	"unverified": [
		{"pointer": "/in_force/citation", "note": "FACTS-STATES OR-1: dates CONFIRMED-S (DOJ FAQ); the session-law chapter is not given"},
		{"pointer": "/exempt_entities/any/1", "note": "FACTS-STATES OR-1: nonprofits from 2025-07-01, CONFIRMED-S"},
		{"pointer": "/exempt_entities", "note": "FACTS-STATES OR-8: financial institutions as defined in ORS 706.008 (affiliates only in financial activities), insurers and insurance-fraud nonprofits are exempt; no request field says so, and a GLBA financial institution is not necessarily one: not encoded, the law applies (never late)"},
		{"pointer": "/thresholds", "note": "FACTS-STATES OR-3: a motor-vehicle manufacturer processing vehicle-use data is covered regardless of volume (CONFIRMED-S; bill MEMORY); no request field says so: not encoded"},
		{"pointer": "/delete/denial/citation", "note": "FACTS-STATES OR-11 gives (5)(a); the denial subsection is MEMORY"},
		{"pointer": "/delete/appeal", "note": "FACTS-STATES OR-16: 45 days CONFIRMED-P; no extension appears in the excerpt read (a README claims +45): none encoded (never late)"},
		{"pointer": "/delete/exceptions/bases", "note": "FACTS-STATES OR-15: the letter-by-letter list of ORS 646A.572(3) was not retrieved (MEMORY); only the purposes the fact sheet names are bases, cited to (3) as a whole"},
		{"pointer": "/delete/scope", "note": "FACTS-STATES OR-10: no third-party-sourced-data alternative seen (absence MEMORY): none encoded, such data is deleted"},
		{"pointer": "/opt_out/signal/from", "note": "FACTS-STATES OR-18: text CONFIRMED-P, the date 2026-01-01 CONFIRMED-S (DOJ FAQ)"},
		{"pointer": "/minors/1", "note": "FACTS-STATES OR-2, OR-21: the under-16 ban from 2026-01-01 (consent no longer cures) is CONFIRMED-S; the ban on selling precise geolocation data (1,750 feet) regardless of age is not encoded (no request field)"},
	],
}
