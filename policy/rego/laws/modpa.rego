# METADATA
# title: Maryland — MODPA
# description: Md. Code, Com. Law §§ 14-4701 to 14-4714 (Maryland Online Data Privacy Act; Chs. 454–455 of 2024, HB 567 / SB 541; enacted as Subtitle 46, re-codified as Subtitle 47).
package dsrkit.laws.modpa

# METADATA
# title: MODPA — the law's data
# description: |
#   In force from 2025-10-01 (FACTS-STATES MD-1; Ch. 455 § 2: no effect on
#   processing activities before 2026-04-01). Thresholds in the preceding
#   calendar year: 35,000 consumers (excluding data controlled or processed
#   solely to complete a payment transaction), or 10,000 consumers and more
#   than 20% of gross revenue from the sale of personal data (MD-3). A
#   consumer acts in an individual or household context, never a commercial
#   or employment one. Entity exemptions: government and GLBA financial
#   institutions only: no nonprofit, higher-education or HIPAA entity
#   exemption (MD-4). Periods of a request to delete: 45 + 45 days, appeal
#   (MEMORY, MD-6; see unverified). Sensitive data is never sold (MD-9) and a
#   consumer the controller knew or should have known is under 18 is never
#   sold to or targeted (MD-10), consent does not cure.
# custom:
#   citation: Md. Code, Com. Law § 14-4701 et seq.
law := {
	"id": "MODPA",
	"name": "Maryland Online Data Privacy Act",
	"citation": "Md. Code, Com. Law § 14-4701 et seq.",
	"in_force": {"from": "2025-10-01", "citation": "2024 Md. Laws chs. 454–455 (HB 567 / SB 541)"},
	"territory": {
		"citation": "Md. Code, Com. Law §§ 14-4701, 14-4702",
		"any": [{"residence": {"US-MD"}, "citation": "Md. Code, Com. Law § 14-4701 (\"consumer\")"}],
	},
	"consumers": {
		"citation": "Md. Code, Com. Law § 14-4701 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Md. Code, Com. Law § 14-4701 (\"consumer\")"}],
	},
	# Preceding calendar year; consumers_per_year is read as the count
	# excluding data processed solely to complete a payment transaction
	# (MD-3, CONFIRMED-S).
	"thresholds": {
		"citation": "Md. Code, Com. Law § 14-4702",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 35000}],
				"citation": "Md. Code, Com. Law § 14-4702(1)",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 10000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.2},
				],
				"citation": "Md. Code, Com. Law § 14-4702(2)",
			},
		],
	},
	# MD-4 (CONFIRMED-S): no nonprofit (except insurance-fraud assistance),
	# higher-education or HIPAA entity exemption.
	"exempt_entities": {
		"citation": "Md. Code, Com. Law § 14-4703",
		"any": [
			{"exemption": "government", "citation": "Md. Code, Com. Law § 14-4703"},
			{"exemption": "glba_financial_institution", "citation": "Md. Code, Com. Law § 14-4703"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "Md. Code, Com. Law § 14-4705(e)"},
		"extended": {"n": 90, "unit": "days", "citation": "Md. Code, Com. Law § 14-4705(e)"},
		"extension_notice": {"citation": "Md. Code, Com. Law § 14-4705(e)"},
		"denial": {"citation": "Md. Code, Com. Law § 14-4705(f)"},
		"confirmed": {"citation": "Md. Code, Com. Law § 14-4705(e)"},
		# 60 days believed (MD-6, MEMORY): 45 until counsel confirms (never
		# late; FACTS-STATES § 19 defaults).
		"appeal": {
			"n": 45,
			"unit": "days",
			"citation": "Md. Code, Com. Law § 14-4705(g)",
			"authority": {"name": "the Maryland Attorney General, Consumer Protection Division", "citation": "Md. Code, Com. Law § 14-4705(g)"},
		},
		# "provided by, or obtained about" (D1; MD-5, CONFIRMED-P).
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data provided by, or obtained about, the consumer, unless retention of the personal data is required by law",
			"citation": "Md. Code, Com. Law § 14-4705(b)(4)",
		},
		"duty": {"citation": "Md. Code, Com. Law § 14-4705(b)(4)"},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "Md. Code, Com. Law § 14-4705(e)"},
		"verification": {"citation": "Md. Code, Com. Law § 14-4706"},
		# MD-8: the enacted text lists the signal among methods a controller
		# "may utilize"; trackers read it as mandatory. DISAGREE: honoured
		# from 2025-10-01 (never late), named as contested.
		"signal": {
			"from": "2025-10-01",
			"citation": "Md. Code, Com. Law § 14-4705 (enacted as § 14-4607(F)(3))",
			"contested": "the enacted text lists an opt-out preference signal among the methods a controller \"may utilize\" on or before October 1, 2025; trackers read it as a duty from that day, one source from 2026-04-01 (FACTS-STATES MD-8): honoured from 2025-10-01, never late",
		},
	},
	"consent": {"citation": "Md. Code, Com. Law § 14-4701 (\"consent\")"},
	# MD-10 (CONFIRMED-P): no sale and no targeted advertising if the
	# controller knew or should have known the consumer is under 18; consent
	# does not cure.
	"minors": [{
		"from": "2025-10-01",
		"under_age": 18,
		"rule": "prohibited",
		"scope": ["sale", "targeted_advertising"],
		"knowledge": "knew_or_should_have_known",
		"citation": "Md. Code, Com. Law § 14-4707(a)(4)–(5)",
	}],
	# MD-9 (CONFIRMED-P): sensitive data only where strictly necessary to
	# provide or maintain a product or service the consumer requested, and
	# never sold. 2026 Ch. 874 (HB 711) changed these rules; its content is
	# not checked (MD-2).
	"sensitive_data": [
		{
			"from": "2025-10-01",
			"rule": "prohibited",
			"scope": ["sale"],
			"citation": "Md. Code, Com. Law § 14-4707(a)(2)",
		},
		{
			"from": "2025-10-01",
			"rule": "strictly_necessary",
			"scope": ["processing"],
			"citation": "Md. Code, Com. Law § 14-4707(a)(1)",
		},
	],
	"unverified": [
		{"pointer": "/delete/respond", "note": "45 days (FACTS-STATES MD-6, secondary only); subsection MEMORY"},
		{"pointer": "/delete/extended", "note": "extension by 45 days believed (MD-6, MEMORY)"},
		{"pointer": "/delete/appeal", "note": "60 days believed (MD-6, MEMORY): 45 used until confirmed (never late); AG contact MEMORY"},
		{"pointer": "/opt_out/comply", "note": "45 days (MD-6, MEMORY)"},
		{"pointer": "/opt_out/signal", "note": "signal duty and date DISAGREE (MD-8): honoured from 2025-10-01"},
		{"pointer": "/delete/exceptions", "note": "exceptions (§ 14-4712 believed, MD-14) not retrieved: no exception table, so a claimed exception goes to Legal"},
		{"pointer": "/delete/third_party_data", "note": "third-party-sourced data alternative not read (FACTS-STATES § 18.3)"},
		{"pointer": "/sensitive_data", "note": "2026 Ch. 874 (HB 711) changed the sensitive-data rules; content not checked (MD-2)"},
	],
}
