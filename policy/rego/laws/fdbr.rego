# METADATA
# title: Florida — Digital Bill of Rights
# description: Fla. Stat. §§ 501.701–501.722 (Florida Digital Bill of Rights; SB 262 (2023)). It reaches only a "controller" with global gross annual revenue over $1 billion that also meets one of three business-model tests.
package dsrkit.laws.fdbr

# billion is the global gross annual revenue a controller must exceed
# (Fla. Stat. § 501.702(9)(a); FACTS-STATES FL-2).
billion := 1000000000

# METADATA
# title: FDBR — the law's data
# description: |
#   In force from 2024-07-01 (FACTS-STATES FL-1). A controller is a
#   for-profit business in Florida with global gross annual revenue over
#   $1 billion that (1) derives 50% or more of it from the sale of
#   advertisements online, (2) operates a consumer smart speaker and
#   voice command component service, or (3) operates an app store with at
#   least 250,000 software applications (FL-2, secondary): the request's
#   business facts annual_revenue_usd, revenue_share_from_online_ads,
#   operates_smart_speaker_service and app_store_applications. A fact not
#   given is unknown and the law is assumed to apply (never late; the fact
#   sheet's FL-8 suggests the opposite default, which is counsel's call).
#   Exemptions: government, GLBA financial institutions, HIPAA covered
#   entities, nonprofits, postsecondary institutions (FL-4). Respond in 45
#   days, one 15-day extension with notice within the 45 (FL-5). No
#   authorized agents and no universal opt-out signal (FL-6).
# custom:
#   citation: Fla. Stat. § 501.701 et seq.
law := {
	"id": "FDBR",
	"name": "Florida Digital Bill of Rights",
	"citation": "Fla. Stat. § 501.701 et seq.",
	"in_force": {"from": "2024-07-01", "citation": "Fla. Laws 2023 (SB 262)"},
	"territory": {
		"citation": "Fla. Stat. § 501.702",
		"any": [{"residence": {"US-FL"}, "citation": "Fla. Stat. § 501.702 (\"consumer\": a resident of Florida)"}],
	},
	"consumers": {
		"citation": "Fla. Stat. § 501.702 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Fla. Stat. § 501.702 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "Fla. Stat. § 501.702(9)",
		"any": [
			{
				"all": [
					{"fact": "annual_revenue_usd", "op": ">", "value": billion},
					{"fact": "revenue_share_from_online_ads", "op": ">=", "value": 0.5},
				],
				"citation": "Fla. Stat. § 501.702(9)(a)1.",
			},
			{
				"all": [
					{"fact": "annual_revenue_usd", "op": ">", "value": billion},
					{"fact": "operates_smart_speaker_service", "op": "==", "value": true},
				],
				"citation": "Fla. Stat. § 501.702(9)(a)2.",
			},
			{
				"all": [
					{"fact": "annual_revenue_usd", "op": ">", "value": billion},
					{"fact": "app_store_applications", "op": ">=", "value": 250000},
				],
				"citation": "Fla. Stat. § 501.702(9)(a)3.",
			},
		],
	},
	"exempt_entities": {
		"citation": "Fla. Stat. § 501.703",
		"any": [
			{"exemption": "government", "citation": "Fla. Stat. § 501.703"},
			{"exemption": "glba_financial_institution", "citation": "Fla. Stat. § 501.703"},
			{"exemption": "hipaa_covered_entity", "citation": "Fla. Stat. § 501.703"},
			{"exemption": "nonprofit", "citation": "Fla. Stat. § 501.703"},
			{"exemption": "higher_education", "citation": "Fla. Stat. § 501.703 (postsecondary educational institutions)"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "Fla. Stat. § 501.706"},
		# One extension of 15 days (FL-5, secondary): 45 + 15.
		"extended": {"n": 60, "unit": "days", "citation": "Fla. Stat. § 501.706"},
		"extension_notice": {"citation": "Fla. Stat. § 501.706"},
		"denial": {"citation": "Fla. Stat. § 501.706"},
		"confirmed": {"citation": "Fla. Stat. § 501.706"},
		# An appeal exists (FL-6); its period is MEMORY: 45 until counsel
		# confirms (never late).
		"appeal": {"n": 45, "unit": "days", "citation": "Fla. Stat. § 501.706"},
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data provided by or obtained about the consumer",
			"citation": "Fla. Stat. § 501.705",
		},
		"duty": {"citation": "Fla. Stat. § 501.705"},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "Fla. Stat. § 501.706"},
		"verification": {"citation": "Fla. Stat. § 501.706"},
	},
	"consent": {"citation": "Fla. Stat. § 501.702 (\"consent\")"},
	# § 501.715 (FL-3, secondary): sensitive data is not sold without prior
	# consent; the section reaches every for-profit Florida business that
	# collects personal data, without the $1 billion test.
	"sensitive_data": [{
		"from": "2024-07-01",
		"rule": "consent",
		"scope": ["sale"],
		"citation": "Fla. Stat. § 501.715",
		"note": "reaches any for-profit business in Florida that collects personal data, without the $1 billion test of § 501.702(9); a known child's sensitive data: affirmative authorization at 13–17, COPPA under 13",
	}],
	"unverified": [
		{"pointer": "/in_force/citation", "note": "signed 6 or 7 June 2023 (FL-1, DISAGREE); session-law chapter not given"},
		{"pointer": "/thresholds", "note": "the controller definition read only as quoted by a secondary source (FL-2); an unknown fact assumes the law (never late), where FL-8 suggests not applicable unless the host asserts it"},
		{"pointer": "/delete/respond", "note": "45 days, secondary source only (FL-5); section § 501.706 believed"},
		{"pointer": "/delete/extended", "note": "one 15-day extension, secondary source only (FL-5)"},
		{"pointer": "/delete/appeal", "note": "an appeal right exists (FL-6); its period and section are MEMORY: 45 used (never late)"},
		{"pointer": "/delete/scope", "note": "the wording of the right to delete and its section not read: every source in scope"},
		{"pointer": "/delete/exceptions", "note": "exceptions not retrieved: no exception table, so a claimed exception goes to Legal"},
		{"pointer": "/sensitive_data", "note": "§ 501.715 reaches businesses below the controller test, which this law's applicability does not; a known child's sensitive-data sale needs affirmative authorization (13–17) or COPPA (under 13): not encoded as minors rows (their scope is every sale)"},
	],
}
