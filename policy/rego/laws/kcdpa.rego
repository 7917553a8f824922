# METADATA
# title: Kentucky — KCDPA
# description: KRS 367.3611 to 367.3629 (Kentucky Consumer Data Protection Act; SB 15 (2024)).
package dsrkit.laws.kcdpa

# METADATA
# title: KCDPA — the law's data
# description: |
#   In force from 2026-01-01 (FACTS-STATES KY-1). Thresholds during a
#   calendar year: 100,000 consumers, or 25,000 and over 50% of gross revenue
#   from the sale of personal data; no payment-only deduction (KY-2,
#   CONFIRMED-P). A consumer acts in an individual or household context,
#   never a commercial or employment one. Entity exemptions: government,
#   financial institutions (GLBA), HIPAA covered entities, nonprofits, higher
#   education (KY-3). Respond in 45 days (KY-5), extension 45 (MEMORY); data
#   from a third party may be kept as a minimal record or the consumer opted
#   out (KY-7, CONFIRMED-P); appeal answered in 60 days with the Attorney
#   General's contact (KY-8, CONFIRMED-P); no universal opt-out signal (KY-9,
#   MEMORY).
# custom:
#   citation: KRS 367.3611 to 367.3629
law := {
	"id": "KCDPA",
	"name": "Kentucky Consumer Data Protection Act",
	"citation": "KRS 367.3611 to 367.3629",
	"in_force": {"from": "2026-01-01", "citation": "2024 Ky. SB 15"},
	"territory": {
		"citation": "KRS 367.3611, 367.3613(1)",
		"any": [{"residence": {"US-KY"}, "citation": "KRS 367.3611 (\"consumer\")"}],
	},
	"consumers": {
		"citation": "KRS 367.3611 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "KRS 367.3611 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "KRS 367.3613(1)",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 100000}],
				"citation": "KRS 367.3613(1)(a)",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.5},
				],
				"citation": "KRS 367.3613(1)(b)",
			},
		],
	},
	"exempt_entities": {
		"citation": "KRS 367.3613(2)",
		"any": [
			{"exemption": "government", "citation": "KRS 367.3613(2)(a)"},
			{"exemption": "glba_financial_institution", "citation": "KRS 367.3613(2)(b)"},
			{"exemption": "hipaa_covered_entity", "citation": "KRS 367.3613(2)"},
			{"exemption": "nonprofit", "citation": "KRS 367.3613(2)"},
			{"exemption": "higher_education", "citation": "KRS 367.3613(2)"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "KRS 367.3615(3)"},
		"extended": {"n": 90, "unit": "days", "citation": "KRS 367.3615(3)"},
		"extension_notice": {"citation": "KRS 367.3615(3)"},
		"denial": {"citation": "KRS 367.3615(3)"},
		"confirmed": {"citation": "KRS 367.3615(3)"},
		"appeal": {
			"n": 60,
			"unit": "days",
			"citation": "KRS 367.3615(4)",
			"authority": {"name": "the Kentucky Attorney General", "citation": "KRS 367.3615(4)"},
		},
		# "provided by or obtained about" (D1; KY-4, CONFIRMED-P).
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data provided by or obtained about the consumer",
			"citation": "KRS 367.3615(2)(c)",
		},
		"duty": {"citation": "KRS 367.3615(2)(c)"},
		# KY-7 (CONFIRMED-P): a record with the minimum data, used for no
		# other purpose, or an opt-out of non-exempt processing.
		"third_party_data": {
			"citation": "KRS 367.3615(3)(e)",
			"options": ["retain_record_minimum", "opt_out"],
		},
		"free_requests": {
			"n": 2,
			"per": {"n": 12, "unit": "months"},
			"citation": "KRS 367.3615(3)",
		},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "KRS 367.3615(3)"},
		"verification": {"citation": "KRS 367.3615(1)"},
	},
	"consent": {"citation": "KRS 367.3611 (\"consent\")"},
	"sensitive_data": [{
		"from": "2026-01-01",
		"rule": "consent",
		"scope": ["processing"],
		"citation": "KRS 367.3617",
	}],
	"unverified": [
		{"pointer": "/delete/respond", "note": "45 days, secondary source only (KY-5)"},
		{"pointer": "/delete/extended", "note": "extension by 45 days believed on the Virginia model (KY-5, MEMORY)"},
		{"pointer": "/delete/free_requests", "note": "twice per 12 months, secondary source only (KY-6)"},
		{"pointer": "/delete/exceptions", "note": "exceptions (KRS 367.3621/.3623 believed, KY-12) not retrieved: no exception table, so a claimed exception goes to Legal"},
		{"pointer": "/opt_out/signal", "note": "no universal opt-out signal duty seen (KY-9, MEMORY)"},
		{"pointer": "/sensitive_data", "note": "opt-in consent for sensitive data, secondary source only (KY-10)"},
		{"pointer": "/exempt_entities", "note": "2025 additions (insurance-fraud nonprofits, small utilities) have no request field: not encoded (KY-3)"},
	],
}
