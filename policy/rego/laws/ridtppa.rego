# METADATA
# title: Rhode Island — RIDTPPA
# description: R.I. Gen. Laws ch. 6-48.1 (Rhode Island Data Transparency and Privacy Protection Act, 2024).
package dsrkit.laws.ridtppa

# METADATA
# title: RIDTPPA — the law's data
# description: |
#   In force from 2026-01-01 (FACTS-STATES RI-1, CONFIRMED-P). The rights of
#   §§ 6-48.1-4 to -6 bind for-profit entities that in the preceding
#   calendar year controlled or processed the personal data of not less than
#   35,000 customers (excluding payment-only data), or of not less than
#   10,000 customers and derived more than 20% of gross revenue from the sale
#   of personal data (RI-2, CONFIRMED-P). A customer acts in an individual or
#   household context, never a commercial or employment one. Entity
#   exemptions: government, nonprofits, higher education, GLBA financial
#   institutions, HIPAA covered entities (RI-3). Respond in 45 days, one
#   extension of 45 with notice within the first 45 (RI-5, CONFIRMED-P); free
#   once in twelve months (RI-6, CONFIRMED-P); appeal 60 days (RI-7,
#   secondary); no universal opt-out signal found (RI-10, MEMORY).
# custom:
#   citation: R.I. Gen. Laws § 6-48.1-1 et seq.
law := {
	"id": "RIDTPPA",
	"name": "Rhode Island Data Transparency and Privacy Protection Act",
	"citation": "R.I. Gen. Laws § 6-48.1-1 et seq.",
	"in_force": {"from": "2026-01-01", "citation": "R.I. Gen. Laws ch. 6-48.1 (\"Effective January 1, 2026\")"},
	"territory": {
		"citation": "R.I. Gen. Laws §§ 6-48.1-2, 6-48.1-4(a)",
		"any": [{"residence": {"US-RI"}, "citation": "R.I. Gen. Laws § 6-48.1-2 (\"customer\")"}],
	},
	"consumers": {
		"citation": "R.I. Gen. Laws § 6-48.1-2 (\"customer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "R.I. Gen. Laws § 6-48.1-2 (\"customer\")"}],
	},
	# consumers_per_year is read as customers, excluding data controlled or
	# processed solely to complete a payment transaction (RI-2).
	"thresholds": {
		"citation": "R.I. Gen. Laws §§ 6-48.1-4(a), 6-48.1-5(a), 6-48.1-6(a)",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 35000}],
				"citation": "R.I. Gen. Laws § 6-48.1-5(a)(1)",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 10000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.2},
				],
				"citation": "R.I. Gen. Laws § 6-48.1-5(a)(2)",
			},
		],
	},
	"exempt_entities": {
		"citation": "R.I. Gen. Laws § 6-48.1-3(d)–(e)",
		"any": [
			{"exemption": "government", "citation": "R.I. Gen. Laws § 6-48.1-3(d)"},
			{"exemption": "nonprofit", "citation": "R.I. Gen. Laws § 6-48.1-5(a) (for-profit entities only)"},
			{"exemption": "higher_education", "citation": "R.I. Gen. Laws § 6-48.1-3(d)"},
			{"exemption": "glba_financial_institution", "citation": "R.I. Gen. Laws § 6-48.1-3(d)"},
			{"exemption": "hipaa_covered_entity", "citation": "R.I. Gen. Laws § 6-48.1-3(d)"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "R.I. Gen. Laws § 6-48.1-6(b)(1)"},
		"extended": {"n": 90, "unit": "days", "citation": "R.I. Gen. Laws § 6-48.1-6(b)(1)"},
		"extension_notice": {"citation": "R.I. Gen. Laws § 6-48.1-6(b)(1)"},
		"denial": {"citation": "R.I. Gen. Laws § 6-48.1-6(b)(2)"},
		"confirmed": {"citation": "R.I. Gen. Laws § 6-48.1-6(b)(1)"},
		"appeal": {"n": 60, "unit": "days", "citation": "R.I. Gen. Laws § 6-48.1-6"},
		# The wording of the right to delete was not read (RI-4, MEMORY): every
		# source is in scope (never late: nothing is left undeleted for want
		# of a reading).
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data concerning the customer",
			"citation": "R.I. Gen. Laws § 6-48.1-5(e)",
		},
		"duty": {"citation": "R.I. Gen. Laws § 6-48.1-5(e)"},
		"free_requests": {
			"n": 1,
			"per": {"n": 12, "unit": "months"},
			"citation": "R.I. Gen. Laws § 6-48.1-6(b)(3)",
		},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "R.I. Gen. Laws § 6-48.1-6(b)(1)"},
		# Suspend processing as soon as practicable, "no longer than fifteen
		# (15) days from receipt" (RI-8, CONFIRMED-P).
		"consent_revocation": {"n": 15, "unit": "days", "citation": "R.I. Gen. Laws § 6-48.1-4(e)"},
		"verification": {"citation": "R.I. Gen. Laws § 6-48.1-6"},
	},
	"consent": {"citation": "R.I. Gen. Laws § 6-48.1-2 (\"consent\")"},
	"sensitive_data": [{
		"from": "2026-01-01",
		"rule": "consent",
		"scope": ["processing"],
		"citation": "R.I. Gen. Laws § 6-48.1-4(c)",
	}],
	"unverified": [
		{"pointer": "/delete/scope", "note": "the wording of the right to delete was not read (RI-4, MEMORY): every source in scope"},
		{"pointer": "/delete/appeal", "note": "60 days, secondary source only (RI-7); whom to contact on denial not read"},
		{"pointer": "/delete/exceptions", "note": "exceptions (§ 6-48.1-7 believed, RI-12) not retrieved: no exception table, so a claimed exception goes to Legal"},
		{"pointer": "/delete/third_party_data", "note": "third-party-sourced data alternative not read (FACTS-STATES § 18.3)"},
		{"pointer": "/opt_out/signal", "note": "no universal opt-out signal duty found in the sections read (RI-10, MEMORY)"},
		{"pointer": "/exempt_entities", "note": "exemptions secondary sources only (RI-3)"},
	],
}
