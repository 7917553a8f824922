# METADATA
# title: Montana — MTCDPA
# description: Mont. Code Ann. § 30-14-2801 et seq. (Montana Consumer Data Privacy Act, SB 384 (2023)), as amended by SB 297 (2025). Its id is MTCDPA because Minnesota's act is also abbreviated MCDPA.
package dsrkit.laws.mtcdpa

# sb_297 is the day SB 297 (2025) takes effect (FACTS-STATES MT-2).
sb_297 := "2025-10-01"

# METADATA
# title: MTCDPA — the law's data
# description: |
#   In force from 2024-10-01 (FACTS-STATES MT-1). Thresholds until
#   2025-09-30: 50,000 consumers (other than payment-only data), or 25,000
#   consumers and over 25% of gross revenue from sale; from 2025-10-01 (SB
#   297): 25,000, or 15,000 and over 25% (MT-3). Entity exemptions:
#   government, higher education, HIPAA covered entities; nonprofits and
#   GLBA financial institutions only until SB 297 (MT-2, MT-4). 45 days,
#   extendable by 45 with notice within the first 45 (MT-6); appeal with the
#   Attorney General's contact (MT-9, days MEMORY: 45 taken, never late).
#   Signal from 2025-01-01 (MT-10).
# custom:
#   citation: Mont. Code Ann. § 30-14-2801 et seq.
law := {
	"id": "MTCDPA",
	"name": "Montana Consumer Data Privacy Act",
	"citation": "Mont. Code Ann. § 30-14-2801 et seq.",
	"in_force": {"from": "2024-10-01", "citation": "2023 Mont. Laws, SB 384"},
	"territory": {
		"citation": "Mont. Code Ann. §§ 30-14-2802, 30-14-2803",
		"any": [{"residence": {"US-MT"}, "citation": "Mont. Code Ann. § 30-14-2802 (\"consumer\": a resident of Montana)"}],
	},
	"consumers": {
		"citation": "Mont. Code Ann. § 30-14-2802 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Mont. Code Ann. § 30-14-2802 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "Mont. Code Ann. § 30-14-2803(1)",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 50000}],
				"until": sb_297,
				"note": "consumers other than those whose data is processed solely to complete a payment transaction",
				"citation": "Mont. Code Ann. § 30-14-2803(1)(a) (SB 384)",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.25},
				],
				"until": sb_297,
				"citation": "Mont. Code Ann. § 30-14-2803(1)(b) (SB 384)",
			},
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 25000}],
				"from": sb_297,
				"note": "consumers other than those whose data is processed solely to complete a payment transaction",
				"citation": "Mont. Code Ann. § 30-14-2803(1)(a), as amended by SB 297",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 15000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.25},
				],
				"from": sb_297,
				"citation": "Mont. Code Ann. § 30-14-2803(1)(b), as amended by SB 297",
			},
		],
	},
	"exempt_entities": {
		"citation": "Mont. Code Ann. § 30-14-2804",
		"any": [
			{"exemption": "government", "citation": "Mont. Code Ann. § 30-14-2804"},
			{"exemption": "higher_education", "citation": "Mont. Code Ann. § 30-14-2804"},
			{"exemption": "hipaa_covered_entity", "citation": "Mont. Code Ann. § 30-14-2804"},
			{
				"exemption": "nonprofit",
				"until": sb_297,
				"note": "from 2025-10-01 only nonprofits dedicated to preventing insurance fraud are exempt",
				"citation": "Mont. Code Ann. § 30-14-2804; narrowed by SB 297",
			},
			{
				"exemption": "glba_financial_institution",
				"until": sb_297,
				"note": "from 2025-10-01 a data-level exemption, and banks, credit unions and insurers are exempt as such",
				"citation": "Mont. Code Ann. § 30-14-2804; replaced by a data-level exemption by SB 297",
			},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "Mont. Code Ann. § 30-14-2808"},
		"extended": {"n": 90, "unit": "days", "citation": "Mont. Code Ann. § 30-14-2808"},
		"extension_notice": {"citation": "Mont. Code Ann. § 30-14-2808"},
		"denial": {"citation": "Mont. Code Ann. § 30-14-2808"},
		"confirmed": {"citation": "Mont. Code Ann. § 30-14-2808"},
		"appeal": {
			"n": 45, "unit": "days", "citation": "Mont. Code Ann. § 30-14-2808",
			"authority": {"name": "Montana Attorney General", "citation": "Mont. Code Ann. § 30-14-2808"},
		},
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data about the consumer",
			"citation": "Mont. Code Ann. § 30-14-2808(1)(c)",
		},
		"duty": {"citation": "Mont. Code Ann. § 30-14-2808(1)(c)"},
		"exceptions": {
			"citation": "Mont. Code Ann. § 30-14-2816",
			"bases": {
				"legal_obligation": {"citation": "Mont. Code Ann. § 30-14-2816"},
				"law_enforcement": {"citation": "Mont. Code Ann. § 30-14-2816"},
				"legal_claims": {"citation": "Mont. Code Ann. § 30-14-2816"},
				"complete_transaction": {"citation": "Mont. Code Ann. § 30-14-2816"},
				"warranty_or_recall": {"citation": "Mont. Code Ann. § 30-14-2816"},
				"life_safety": {"citation": "Mont. Code Ann. § 30-14-2816"},
				"security_integrity": {"citation": "Mont. Code Ann. § 30-14-2816"},
				"research_public_interest": {"citation": "Mont. Code Ann. § 30-14-2816"},
				"debug_repair": {"citation": "Mont. Code Ann. § 30-14-2816"},
				"internal_uses_expected": {"citation": "Mont. Code Ann. § 30-14-2816"},
			},
		},
		"legal_hold": {"citation": "Mont. Code Ann. § 30-14-2816"},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "Mont. Code Ann. § 30-14-2808"},
		"verification": {"citation": "Mont. Code Ann. § 30-14-2809(2)"},
		"signal": {"from": "2025-01-01", "citation": "Mont. Code Ann. § 30-14-2809(3)"},
	},
	"consent": {"citation": "Mont. Code Ann. § 30-14-2802 (\"consent\")"},
	"minors": [
		{
			"from": "2024-10-01",
			"until": sb_297,
			"from_age": 13,
			"under_age": 16,
			"rule": "consent",
			"scope": ["targeted_advertising", "sale"],
			"knowledge": "actual",
			"citation": "Mont. Code Ann. § 30-14-2812(2)(d)",
		},
		{
			"from": sb_297,
			"from_age": 13,
			"under_age": 18,
			"rule": "consent",
			"scope": ["targeted_advertising", "sale", "profiling"],
			"knowledge": "actual_or_willful_disregard",
			"citation": "Mont. Code Ann. §§ 30-14-2811, 30-14-2812(2)(d), as amended by SB 297",
		},
	],
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Mont. Code Ann. § 30-14-2808"},
	"unverified": [
		{"pointer": "/thresholds/any/2", "note": "FACTS-STATES MT-3: the SB 297 thresholds are CONFIRMED-S; no counting period is stated (none invented)"},
		{"pointer": "/exempt_entities/any/3", "note": "FACTS-STATES MT-2, MT-4 (CONFIRMED-S): the general nonprofit exemption ends with SB 297; insurance-fraud nonprofits stay exempt but no request field says so"},
		{"pointer": "/exempt_entities/any/4", "note": "FACTS-STATES MT-2 (CONFIRMED-S): from 2025-10-01 GLBA is data-level; banks, credit unions, insurers and their affiliates are exempt, but no request field says so: not encoded (the law applies)"},
		{"pointer": "/delete/appeal/n", "note": "FACTS-STATES MT-9: the appeal period is not in the text read (60 days MEMORY); 45 days taken (never late, FACTS-STATES § 19)"},
		{"pointer": "/delete/respond/citation", "note": "FACTS-STATES MT-6: periods CONFIRMED-P as enacted (SB 384 § 5(4)); the codified subsection is not given"},
		{"pointer": "/delete/scope", "note": "FACTS-STATES MT-5: 'about the consumer' is MEMORY; every source taken (the wider duty); no third-party-data alternative encoded"},
		{"pointer": "/delete/exceptions", "note": "FACTS-STATES MT-16: the list and its numbering are MEMORY (VA/CT model); each basis is cited to the section"},
		{"pointer": "/opt_out/verification", "note": "FACTS-STATES § 18.6: the authentication rule for an opt-out is MEMORY; MT-11 (agents) is CONFIRMED-P"},
		{"pointer": "/minors/1", "note": "FACTS-STATES MT-14: the ages 13-15 and the SB 297 under-18 rules are CONFIRMED-S (the text read stops before the ages); consent cures, no outright ban reported; the under-18 row is read from 13 (a younger child: COPPA)"},
	],
}
