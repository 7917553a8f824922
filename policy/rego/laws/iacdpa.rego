# METADATA
# title: Iowa — IACDPA
# description: Iowa Code ch. 715D (Iowa Consumer Data Protection Act, SF 262 (2023)). Its id is IACDPA because Indiana's act is also abbreviated ICDPA.
package dsrkit.laws.iacdpa

# METADATA
# title: IACDPA — the law's data
# description: |
#   In force from 2025-01-01 (FACTS-STATES IA-1). Thresholds during a
#   calendar year: 100,000 consumers, or 25,000 consumers and over 50% of
#   gross revenue from sale; no payment-only deduction (IA-2). Entity
#   exemptions: government, GLBA financial institutions, HIPAA covered
#   entities, nonprofits, higher education (IA-3). Deletion reaches only data
#   provided by the consumer (IA-5). 90 days, extendable by 45 with notice
#   within the first 90 (IA-6); appeal 60 days with the Attorney General's
#   online mechanism (IA-9). No universal opt-out signal (IA-10).
# custom:
#   citation: Iowa Code ch. 715D
law := {
	"id": "IACDPA",
	"name": "Iowa Consumer Data Protection Act",
	"citation": "Iowa Code ch. 715D",
	"in_force": {"from": "2025-01-01", "citation": "2023 Iowa Acts, SF 262"},
	"territory": {
		"citation": "Iowa Code §§ 715D.1, 715D.2(1)",
		"any": [{"residence": {"US-IA"}, "citation": "Iowa Code § 715D.1 (\"consumer\": a resident of Iowa)"}],
	},
	"consumers": {
		"citation": "Iowa Code § 715D.1 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Iowa Code § 715D.1 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "Iowa Code § 715D.2(1)",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 100000}],
				"citation": "Iowa Code § 715D.2(1)(a)",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.5},
				],
				"citation": "Iowa Code § 715D.2(1)(b)",
			},
		],
	},
	"exempt_entities": {
		"citation": "Iowa Code § 715D.2(2)",
		"any": [
			{"exemption": "government", "citation": "Iowa Code § 715D.2(2)"},
			{"exemption": "glba_financial_institution", "citation": "Iowa Code § 715D.2(2)"},
			{
				"exemption": "hipaa_covered_entity",
				"note": "a person subject to and complying with HIPAA and HITECH",
				"citation": "Iowa Code § 715D.2(2)",
			},
			{"exemption": "nonprofit", "citation": "Iowa Code § 715D.2(2)"},
			{"exemption": "higher_education", "citation": "Iowa Code § 715D.2(2)"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 90, "unit": "days", "citation": "Iowa Code § 715D.3(2)(a)"},
		"extended": {"n": 135, "unit": "days", "citation": "Iowa Code § 715D.3(2)(a)"},
		"extension_notice": {"citation": "Iowa Code § 715D.3(2)(a)"},
		"denial": {"citation": "Iowa Code § 715D.3(2)(b)"},
		"confirmed": {"citation": "Iowa Code § 715D.3(2)(a)"},
		"appeal": {
			"n": 60, "unit": "days", "citation": "Iowa Code § 715D.3(3)",
			"authority": {"name": "Iowa Attorney General (online mechanism)", "citation": "Iowa Code § 715D.3(3)"},
		},
		"scope": {
			"sources": {"consumer"},
			"text": "personal data provided by the consumer",
			"citation": "Iowa Code § 715D.3(1)(b)",
		},
		"duty": {"citation": "Iowa Code § 715D.3(1)(b)"},
		"exceptions": {
			"citation": "Iowa Code § 715D.7",
			"bases": {
				"legal_obligation": {"citation": "Iowa Code § 715D.7"},
				"law_enforcement": {"citation": "Iowa Code § 715D.7"},
				"legal_claims": {"citation": "Iowa Code § 715D.7"},
				"complete_transaction": {"citation": "Iowa Code § 715D.7"},
				"warranty_or_recall": {"citation": "Iowa Code § 715D.7"},
				"life_safety": {"citation": "Iowa Code § 715D.7"},
				"security_integrity": {"citation": "Iowa Code § 715D.7"},
				"research_public_interest": {"citation": "Iowa Code § 715D.7"},
				"debug_repair": {"citation": "Iowa Code § 715D.7"},
				"internal_uses_expected": {"citation": "Iowa Code § 715D.7"},
			},
		},
		"legal_hold": {"citation": "Iowa Code § 715D.7"},
	},
	"opt_out": {
		"comply": {"n": 90, "unit": "days", "citation": "Iowa Code § 715D.3(2)(a)"},
		"verification": {"citation": "Iowa Code § 715D.3(2)(d)"},
	},
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Iowa Code § 715D.3(2)(d)"},
	"unverified": [
		{"pointer": "/in_force/from", "note": "FACTS-STATES IA-1: 2025-01-01 CONFIRMED-S"},
		{"pointer": "/thresholds", "note": "FACTS-STATES IA-2: CONFIRMED-S (operators >= and > as reported)"},
		{"pointer": "/exempt_entities", "note": "FACTS-STATES IA-3: the entity list is CONFIRMED-S; subsection (2) is MEMORY"},
		{"pointer": "/delete/respond", "note": "FACTS-STATES IA-6: 90 + 45 CONFIRMED-S (exact text not retrieved)"},
		{"pointer": "/delete/denial/citation", "note": "FACTS-STATES: the denial subsection is MEMORY"},
		{"pointer": "/delete/exceptions", "note": "FACTS-STATES IA-13: § 715D.7 (VA model) items not retrieved (MEMORY); each basis is cited to the section"},
		{"pointer": "/opt_out/comply", "note": "FACTS-STATES IA-10: the opt-out follows the 90-day period (CONFIRMED-S); no signal and no authorized agent"},
	],
}
