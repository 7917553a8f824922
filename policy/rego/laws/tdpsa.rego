# METADATA
# title: Texas — TDPSA
# description: Tex. Bus. & Com. Code ch. 541 (Texas Data Privacy and Security Act, H.B. 4, Acts 2023, 88th Leg., R.S., ch. 995).
package dsrkit.laws.tdpsa

# METADATA
# title: TDPSA — the law's data
# description: |
#   In force from 2024-07-01; the authorized agent's universal opt-out
#   technology (§ 541.055(e)) from 2025-01-01 (FACTS-STATES TX-1). No
#   numeric threshold: the law reaches a business that is not a small
#   business as the US Small Business Administration defines it (TX-2;
#   business.sba_small_business, unknown → assumed to apply). Entity
#   exemptions: government, GLBA financial institutions, HIPAA covered
#   entities, nonprofits, higher education (TX-3). A consumer acts in an
#   individual or household context (TX-4). Deletion reaches data provided
#   by or obtained about the consumer (TX-5). 45 days, extendable once by 45
#   with notice within the first 45 (TX-6); appeal 60 days (TX-9,
#   CONFIRMED-S). Exceptions § 541.201(a)(1)–(9), § 541.202 (TX-14).
# custom:
#   citation: Tex. Bus. & Com. Code ch. 541
law := {
	"id": "TDPSA",
	"name": "Texas Data Privacy and Security Act",
	"citation": "Tex. Bus. & Com. Code ch. 541",
	"in_force": {"from": "2024-07-01", "citation": "Acts 2023, 88th Leg., R.S., ch. 995 (H.B. 4)"},
	"territory": {
		"citation": "Tex. Bus. & Com. Code §§ 541.001, 541.002(a)",
		"any": [{"residence": {"US-TX"}, "citation": "Tex. Bus. & Com. Code § 541.001 (\"consumer\": a resident of Texas)"}],
	},
	"consumers": {
		"citation": "Tex. Bus. & Com. Code § 541.001 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Tex. Bus. & Com. Code § 541.001 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "Tex. Bus. & Com. Code § 541.002(a)",
		"any": [{
			"all": [{"fact": "sba_small_business", "op": "==", "value": false}],
			"note": "not a small business as defined by the United States Small Business Administration",
			"citation": "Tex. Bus. & Com. Code § 541.002(a)(3)",
		}],
	},
	"exempt_entities": {
		"citation": "Tex. Bus. & Com. Code § 541.002(b)",
		"any": [
			{"exemption": "government", "citation": "Tex. Bus. & Com. Code § 541.002(b)"},
			{"exemption": "glba_financial_institution", "citation": "Tex. Bus. & Com. Code § 541.002(b)"},
			{"exemption": "hipaa_covered_entity", "citation": "Tex. Bus. & Com. Code § 541.002(b)"},
			{"exemption": "nonprofit", "citation": "Tex. Bus. & Com. Code § 541.002(b)"},
			{"exemption": "higher_education", "citation": "Tex. Bus. & Com. Code § 541.002(b)"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "Tex. Bus. & Com. Code § 541.052(b)"},
		"extended": {"n": 90, "unit": "days", "citation": "Tex. Bus. & Com. Code § 541.052(b)"},
		"extension_notice": {"citation": "Tex. Bus. & Com. Code § 541.052(b)"},
		"denial": {"citation": "Tex. Bus. & Com. Code § 541.052(c)"},
		"confirmed": {"citation": "Tex. Bus. & Com. Code § 541.052(b)"},
		"appeal": {
			"n": 60, "unit": "days", "citation": "Tex. Bus. & Com. Code § 541.053",
			"authority": {"name": "Texas Attorney General (online complaint mechanism)", "citation": "Tex. Bus. & Com. Code § 541.053"},
		},
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data provided by or obtained about the consumer",
			"citation": "Tex. Bus. & Com. Code § 541.051(b)(3)",
		},
		"duty": {"citation": "Tex. Bus. & Com. Code § 541.051(b)(3)"},
		"exceptions": {
			"citation": "Tex. Bus. & Com. Code §§ 541.201(a)(1)–(9), 541.202",
			"bases": {
				"legal_obligation": {"citation": "Tex. Bus. & Com. Code § 541.201(a)(1)–(2)"},
				"law_enforcement": {
					"citation": "Tex. Bus. & Com. Code § 541.201(a)(2)",
					"condition": "only a civil, criminal or regulatory inquiry, investigation, subpoena or summons by governmental authorities: the TDPSA has no separate law-enforcement item",
				},
				"legal_claims": {"citation": "Tex. Bus. & Com. Code § 541.201(a)(3)"},
				"complete_transaction": {"citation": "Tex. Bus. & Com. Code § 541.201(a)(4)"},
				"warranty_or_recall": {"citation": "Tex. Bus. & Com. Code § 541.201(a)(4) (written warranty), § 541.202 (product recall)"},
				"life_safety": {
					"citation": "Tex. Bus. & Com. Code § 541.201(a)(5)",
					"condition": "only immediate steps to protect the life or physical safety of the consumer or another individual, where the processing cannot be manifestly based on another legal basis",
				},
				"security_integrity": {"citation": "Tex. Bus. & Com. Code § 541.201(a)(6)–(7)"},
				"research_public_interest": {
					"citation": "Tex. Bus. & Com. Code § 541.201(a)(8)",
					"condition": "public or peer-reviewed research in the public interest approved by an institutional review board that determines whether deletion is likely to provide substantial benefits not exclusively to the controller, whether the benefits outweigh the privacy risks, and whether safeguards exist",
				},
				"debug_repair": {"citation": "Tex. Bus. & Com. Code § 541.202"},
				"internal_uses_expected": {"citation": "Tex. Bus. & Com. Code § 541.202"},
			},
		},
		"legal_hold": {"citation": "Tex. Bus. & Com. Code § 541.201(a)(1)–(3)"},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "Tex. Bus. & Com. Code § 541.052(b)"},
		"verification": {"citation": "Tex. Bus. & Com. Code § 541.052(e)"},
		"signal": {
			"from": "2025-01-01",
			"citation": "Tex. Bus. & Com. Code § 541.055(e)",
			"residence_check": {"citation": "Tex. Bus. & Com. Code § 541.055(f)(2)"},
		},
	},
	"consent": {"citation": "Tex. Bus. & Com. Code § 541.001 (\"consent\")"},
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Tex. Bus. & Com. Code § 541.052(e)"},
	"unverified": [
		{"pointer": "/in_force/from", "note": "FACTS-STATES TX-1: 2024-07-01 CONFIRMED-S; § 541.055(e) from 2025-01-01 CONFIRMED-P"},
		{"pointer": "/thresholds/any/0", "note": "FACTS-STATES TX-2: the SBA small-business test, CONFIRMED-S; a business that does not say is assumed covered (never late)"},
		{"pointer": "/exempt_entities", "note": "FACTS-STATES TX-3, CONFIRMED-S; electric utilities, power generation companies and retail electric providers are also exempt, but no request field says so: not encoded (the law applies)"},
		{"pointer": "/delete/appeal", "note": "FACTS-STATES TX-9: 60 days and the Attorney General's online mechanism CONFIRMED-S, § 541.053 text not retrieved"},
		{"pointer": "/delete/exceptions/bases/warranty_or_recall", "note": "FACTS-STATES TX-14: recall in § 541.202 is MEMORY"},
		{"pointer": "/delete/exceptions/bases/debug_repair", "note": "FACTS-STATES TX-14: § 541.202 items are MEMORY"},
		{"pointer": "/delete/exceptions/bases/internal_uses_expected", "note": "FACTS-STATES TX-14: § 541.202 items are MEMORY"},
		{"pointer": "/delete/scope", "note": "FACTS-STATES TX-8: a record-or-opt-out alternative for third-party-sourced data is believed in § 541.052(f)–(g) (MEMORY): not encoded, such data is deleted (the stricter duty)"},
		{"pointer": "/opt_out/verification", "note": "FACTS-STATES § 18.6: whether an opt-out may be made without authentication is MEMORY; no fraud-denial rule seen"},
	],
}
