# METADATA
# title: Delaware — DPDPA
# description: 6 Del. C. ch. 12D (Delaware Personal Data Privacy Act, HB 154 (2023)).
package dsrkit.laws.dpdpa

# amendment_2027 is the day the lower thresholds in the current code take
# effect (FACTS-STATES DE-2, CONFIRMED-S).
amendment_2027 := "2027-01-01"

# METADATA
# title: DPDPA — the law's data
# description: |
#   In force from 2025-01-01 (FACTS-STATES DE-1). Thresholds in the
#   preceding calendar year: 35,000 consumers (other than payment-only data),
#   or 10,000 consumers and over 20% of gross revenue from sale; from
#   2027-01-01: 10,000, or 5,000 and over 20% (DE-2). Entity exemptions:
#   government (not higher education) and GLBA financial institutions; no
#   nonprofit, higher-education or HIPAA entity exemption (DE-3). Deletion
#   reaches data provided by or obtained about the consumer; third-party
#   data may be kept as a minimal record (DE-4). 45 days, extendable by 45
#   with notice within the first 45 (DE-5); appeal with the Department of
#   Justice's contact, 45 days taken (DE-7: 60 vs 45, DISAGREE → earlier).
#   Signal from 2026-01-01 (DE-9). Exceptions § 12D-110 (DE-12).
# custom:
#   citation: 6 Del. C. ch. 12D
law := {
	"id": "DPDPA",
	"name": "Delaware Personal Data Privacy Act",
	"citation": "6 Del. C. ch. 12D",
	"in_force": {"from": "2025-01-01", "citation": "Del. HB 154 (2023)"},
	"territory": {
		"citation": "6 Del. C. §§ 12D-102, 12D-103(a)",
		"any": [{"residence": {"US-DE"}, "citation": "6 Del. C. § 12D-102 (\"consumer\": a resident of Delaware)"}],
	},
	"consumers": {
		"citation": "6 Del. C. § 12D-102 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "6 Del. C. § 12D-102 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "6 Del. C. § 12D-103(a)",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 35000}],
				"until": amendment_2027,
				"note": "consumers in the preceding calendar year, other than those whose data is processed solely to complete a payment transaction",
				"citation": "6 Del. C. § 12D-103(a)(1)",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 10000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.2},
				],
				"until": amendment_2027,
				"citation": "6 Del. C. § 12D-103(a)(2)",
			},
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 10000}],
				"from": amendment_2027,
				"note": "consumers in the preceding calendar year, other than those whose data is processed solely to complete a payment transaction",
				"citation": "6 Del. C. § 12D-103(a)(1), as in force from 2027-01-01",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 5000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.2},
				],
				"from": amendment_2027,
				"citation": "6 Del. C. § 12D-103(a)(2), as in force from 2027-01-01",
			},
		],
	},
	"exempt_entities": {
		"citation": "6 Del. C. § 12D-103(b)",
		"any": [
			{
				"exemption": "government",
				"note": "not an institution of higher education, which is covered",
				"citation": "6 Del. C. § 12D-103(b)",
			},
			{"exemption": "glba_financial_institution", "citation": "6 Del. C. § 12D-103(b)"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "6 Del. C. § 12D-104(c)(1)"},
		"extended": {"n": 90, "unit": "days", "citation": "6 Del. C. § 12D-104(c)(1)"},
		"extension_notice": {"citation": "6 Del. C. § 12D-104(c)(1)"},
		"denial": {"citation": "6 Del. C. § 12D-104(c)(2)"},
		"confirmed": {"citation": "6 Del. C. § 12D-104(c)(1)"},
		"appeal": {
			"n": 45, "unit": "days", "citation": "6 Del. C. § 12D-104(d)",
			"authority": {"name": "Delaware Department of Justice", "citation": "6 Del. C. § 12D-104(d)"},
		},
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data provided by or obtained about the consumer",
			"citation": "6 Del. C. § 12D-104(a)(3)",
		},
		"duty": {"citation": "6 Del. C. § 12D-104(a)(3)"},
		"exceptions": {
			"citation": "6 Del. C. § 12D-110(a), (b), (e)",
			"bases": {
				"legal_obligation": {"citation": "6 Del. C. § 12D-110(a)(1)–(2)"},
				"law_enforcement": {"citation": "6 Del. C. § 12D-110(a)(3)"},
				"legal_claims": {"citation": "6 Del. C. § 12D-110(a)(4)"},
				"complete_transaction": {"citation": "6 Del. C. § 12D-110(a)(5), (7)"},
				"warranty_or_recall": {"citation": "6 Del. C. § 12D-110(a)(6) (written warranty), (b) (product recall)"},
				"life_safety": {
					"citation": "6 Del. C. § 12D-110(a)(8)",
					"condition": "only immediate steps to protect life or physical safety where the processing cannot be manifestly based on another legal basis",
				},
				"security_integrity": {"citation": "6 Del. C. § 12D-110(a)(9)"},
				"research_public_interest": {
					"citation": "6 Del. C. § 12D-110(a)(10)",
					"condition": "public or peer-reviewed scientific research in the public interest approved by an institutional review board that weighs whether deletion is likely to provide substantial benefits",
				},
				"debug_repair": {"citation": "6 Del. C. § 12D-110(b)"},
				"internal_uses_expected": {"citation": "6 Del. C. § 12D-110(b)"},
				"free_speech": {"citation": "6 Del. C. § 12D-110(e)(1)"},
			},
		},
		"legal_hold": {"citation": "6 Del. C. § 12D-110(a)(1)–(2), (4)"},
		"third_party_data": {"citation": "6 Del. C. § 12D-104(c)(5)", "options": ["retain_record_minimum"]},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "6 Del. C. § 12D-104(c)(1)"},
		"verification": {"citation": "6 Del. C. § 12D-104(c)"},
		"signal": {"from": "2026-01-01", "citation": "6 Del. C. § 12D-106(e)"},
	},
	"consent": {"citation": "6 Del. C. § 12D-102 (\"consent\")"},
	"minors": [{
		"from": "2025-01-01",
		"from_age": 13,
		"under_age": 18,
		"rule": "consent",
		"scope": ["targeted_advertising", "sale"],
		"knowledge": "actual_or_willful_disregard",
		"citation": "6 Del. C. § 12D-106(a)(7)",
	}],
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "6 Del. C. § 12D-104(c)"},
	"unverified": [
		{"pointer": "/thresholds/any/0", "note": "FACTS-STATES DE-2: the 2025 thresholds are CONFIRMED-S"},
		{"pointer": "/thresholds/any/2", "note": "FACTS-STATES DE-2: the 2027-01-01 version (10,000 / 5,000 and over 20%) is CONFIRMED-S (T1); bill number not checked"},
		{"pointer": "/exempt_entities", "note": "FACTS-STATES DE-3 (CONFIRMED-S); national securities associations and insurance-crime nonprofits are also exempt, but no request field says so: not encoded"},
		{"pointer": "/delete/appeal/n", "note": "FACTS-STATES DE-7: 60 days (datanuance, siedata) vs 45 (zephtech), DISAGREE, CONFIRMED-S: the earlier, 45, is taken (dsrkit reading § 2)"},
		{"pointer": "/delete/third_party_data", "note": "FACTS-STATES DE-4: the minimal-record alternative is CONFIRMED-S (partial); 'or opt out' is MEMORY and not encoded; the subsection is MEMORY"},
		{"pointer": "/delete/exceptions/bases/debug_repair", "note": "FACTS-STATES DE-12: § 12D-110(b) is MEMORY"},
		{"pointer": "/delete/exceptions/bases/internal_uses_expected", "note": "FACTS-STATES DE-12: § 12D-110(b) is MEMORY"},
		{"pointer": "/delete/exceptions/bases/warranty_or_recall", "note": "FACTS-STATES DE-12: recall in § 12D-110(b) is MEMORY"},
		{"pointer": "/opt_out/signal/from", "note": "FACTS-STATES DE-9: 2026-01-01 CONFIRMED-S; § 12D-106(e) wording not read"},
		{"pointer": "/opt_out/verification", "note": "FACTS-STATES § 18.6: the authentication rule is MEMORY; no fraud-denial rule seen"},
		{"pointer": "/minors/0", "note": "FACTS-STATES DE-10: at least 13 and under 18, consent cures: CONFIRMED-S (the Delaware Attorney General's guidance)"},
	],
}
