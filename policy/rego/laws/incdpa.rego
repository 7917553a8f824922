# METADATA
# title: Indiana — ICDPA
# description: IC 24-15 (Indiana Consumer Data Protection Act; P.L. 94-2023, amended by P.L. 236-2025). Its id is INCDPA, to tell it from Iowa's ICDPA (IACDPA).
package dsrkit.laws.incdpa

# METADATA
# title: INCDPA — the law's data
# description: |
#   In force from 2026-01-01 (FACTS-STATES IN-1). Thresholds during a
#   calendar year: 100,000 Indiana consumers, or 25,000 and more than 50% of
#   gross revenue from the sale of personal data; no payment-only deduction
#   (IN-2). A consumer acts in an individual or household context, never a
#   commercial or employment one. Entity exemptions: government, GLBA
#   financial institutions, HIPAA covered entities, nonprofits, higher
#   education (IN-3). Respond in 45 days, one extension of 45 with notice
#   within the first 45 (IN-5, CONFIRMED-P); a request is free up to one time
#   annually (IN-6, CONFIRMED-P); no universal opt-out signal (IN-9, MEMORY).
# custom:
#   citation: IC 24-15
law := {
	"id": "INCDPA",
	"name": "Indiana Consumer Data Protection Act",
	"citation": "IC 24-15",
	"in_force": {"from": "2026-01-01", "citation": "P.L. 94-2023"},
	"territory": {
		"citation": "IC 24-15-1-1",
		"any": [{"residence": {"US-IN"}, "citation": "IC 24-15-2 (\"consumer\": a resident of Indiana)"}],
	},
	"consumers": {
		"citation": "IC 24-15-2 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "IC 24-15-2 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "IC 24-15-1-1(a)",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 100000}],
				"citation": "IC 24-15-1-1(a)(1)",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.5},
				],
				"citation": "IC 24-15-1-1(a)(2)",
			},
		],
	},
	"exempt_entities": {
		"citation": "IC 24-15-1-1(b)",
		"any": [
			{"exemption": "government", "citation": "IC 24-15-1-1(b)"},
			{"exemption": "glba_financial_institution", "citation": "IC 24-15-1-1(b)"},
			{"exemption": "hipaa_covered_entity", "citation": "IC 24-15-1-1(b)"},
			{"exemption": "nonprofit", "citation": "IC 24-15-1-1(b)"},
			{"exemption": "higher_education", "citation": "IC 24-15-1-1(b)"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "IC 24-15-3-1(c)(1)"},
		"extended": {"n": 90, "unit": "days", "citation": "IC 24-15-3-1(c)(1)"},
		"extension_notice": {"citation": "IC 24-15-3-1(c)(1)"},
		"denial": {"citation": "IC 24-15-3-1(c)(2)"},
		"confirmed": {"citation": "IC 24-15-3-1(c)(1)"},
		# The appeal exists (IN-8, CONFIRMED-P); 60 days MEMORY: 45 until
		# counsel confirms (never late).
		"appeal": {
			"n": 45,
			"unit": "days",
			"citation": "IC 24-15-3-1(d)",
			"authority": {"name": "the Indiana Attorney General", "citation": "IC 24-15-3-1(d)"},
		},
		# "provided by or obtained about" (D1; IN-4, CONFIRMED-P).
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data provided by or obtained about the consumer",
			"citation": "IC 24-15-3-1(b)",
		},
		"duty": {"citation": "IC 24-15-3-1(b)"},
		# "up to one (1) time annually per consumer" (IN-6, CONFIRMED-P).
		"free_requests": {
			"n": 1,
			"per": {"n": 12, "unit": "months"},
			"citation": "IC 24-15-3-1(c)(3)",
			"note": "free up to one time annually per consumer; beyond it a reasonable fee, or a refusal of a manifestly unfounded, excessive or repetitive request, the controller bearing the burden",
		},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "IC 24-15-3-1(c)(1)"},
		# Unable to authenticate with commercially reasonable efforts: no
		# duty to comply (IN-7, CONFIRMED-P).
		"verification": {"citation": "IC 24-15-3-1(c)(4)"},
	},
	"consent": {"citation": "IC 24-15-2 (\"consent\")"},
	"sensitive_data": [{
		"from": "2026-01-01",
		"rule": "consent",
		"scope": ["processing"],
		"citation": "IC 24-15-4",
	}],
	"unverified": [
		{"pointer": "/delete/appeal", "note": "60 days believed (IN-8, MEMORY): 45 used until confirmed (never late); the AG contact on denial MEMORY"},
		{"pointer": "/delete/exceptions", "note": "exceptions (IC 24-15-8 believed, IN-13) not retrieved: no exception table, so a claimed exception goes to Legal"},
		{"pointer": "/delete/third_party_data", "note": "third-party-sourced data alternative not read (FACTS-STATES § 18.3)"},
		{"pointer": "/opt_out/signal", "note": "no universal opt-out signal duty and no authorized agent seen (IN-9, MEMORY)"},
		{"pointer": "/sensitive_data", "note": "opt-in consent for sensitive data, secondary sources only (IN-10)"},
		{"pointer": "/territory", "note": "the definition section of \"consumer\" in IC 24-15-2 not read"},
	],
}
