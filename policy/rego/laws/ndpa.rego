# METADATA
# title: Nebraska — NDPA
# description: Neb. Rev. Stat. §§ 87-1101 to 87-1130 (Nebraska Data Privacy Act, LB 1074 (2024)).
package dsrkit.laws.ndpa

# METADATA
# title: NDPA — the law's data
# description: |
#   In force from 2025-01-01 (FACTS-STATES NE-1). No numeric threshold: a
#   business doing business in Nebraska that processes or sells personal
#   data is covered unless it is a small business under the federal Small
#   Business Act as it existed on 2024-01-01 (NE-2; not given: assumed to
#   apply, never late). A consumer acts in an individual or household
#   context (NE-3). Entity exemptions: government, GLBA financial
#   institutions, HIPAA covered entities, nonprofits, higher education
#   (NE-3). Delete: 45 days, once extended by 45 with notice within the
#   first 45 (NE-5); appeal answered within 60 days, then the Attorney
#   General (NE-9); third-party-sourced data: a record or an opt-out (NE-8).
#   Universal opt-out signal from the law's effective date, refusable when
#   Nebraska residence cannot be verified (NE-10).
# custom:
#   citation: Neb. Rev. Stat. §§ 87-1101 to 87-1130
law := {
	"id": "NDPA",
	"name": "Nebraska Data Privacy Act",
	"citation": "Neb. Rev. Stat. §§ 87-1101 to 87-1130",
	"in_force": {"from": "2025-01-01", "citation": "Neb. Laws 2024, LB 1074"},
	"territory": {
		"citation": "Neb. Rev. Stat. § 87-1103(1)",
		"any": [{"residence": {"US-NE"}, "citation": "Neb. Rev. Stat. § 87-1103(1)"}],
	},
	"consumers": {
		"citation": "Neb. Rev. Stat. §§ 87-1103(2), 87-1104 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Neb. Rev. Stat. §§ 87-1103(2), 87-1104"}],
	},
	"thresholds": {
		"citation": "Neb. Rev. Stat. § 87-1103(1)",
		"any": [{
			"all": [{"fact": "sba_small_business", "op": "==", "value": false}],
			"note": "not a small business under the federal Small Business Act as it existed on 2024-01-01",
			"citation": "Neb. Rev. Stat. § 87-1103(1)",
		}],
	},
	"exempt_entities": {
		"citation": "Neb. Rev. Stat. §§ 87-1103(2), 87-1104",
		"any": [
			{"exemption": "government", "citation": "Neb. Rev. Stat. §§ 87-1103(2), 87-1104"},
			{"exemption": "glba_financial_institution", "citation": "Neb. Rev. Stat. §§ 87-1103(2), 87-1104"},
			{"exemption": "hipaa_covered_entity", "citation": "Neb. Rev. Stat. §§ 87-1103(2), 87-1104"},
			{"exemption": "nonprofit", "citation": "Neb. Rev. Stat. §§ 87-1103(2), 87-1104"},
			{"exemption": "higher_education", "citation": "Neb. Rev. Stat. §§ 87-1103(2), 87-1104"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "Neb. Rev. Stat. § 87-1108(2)"},
		"extended": {"n": 90, "unit": "days", "citation": "Neb. Rev. Stat. § 87-1108(2)"},
		"extension_notice": {"citation": "Neb. Rev. Stat. § 87-1108(2)"},
		"denial": {"citation": "Neb. Rev. Stat. § 87-1108(3)"},
		"confirmed": {"citation": "Neb. Rev. Stat. § 87-1108(2)"},
		"appeal": {
			"n": 60,
			"unit": "days",
			"citation": "Neb. Rev. Stat. § 87-1109",
			"authority": {"name": "the Nebraska Attorney General", "citation": "Neb. Rev. Stat. § 87-1109"},
		},
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data provided by or obtained about the consumer",
			"citation": "Neb. Rev. Stat. § 87-1107(2)(c)",
		},
		"duty": {"citation": "Neb. Rev. Stat. § 87-1107(2)(c)"},
		# The exceptions to deletion were not retrieved (FACTS-STATES NE-13,
		# MEMORY): the Texas model, § 541.201 list, cited to the section as the
		# best reading and flagged for counsel (unverified below). No CalECPA,
		# free-speech or public-health exception is assumed (never late).
		"exceptions": {
			"citation": "Neb. Rev. Stat. §§ 87-1126 ff.",
			"bases": {
				"legal_obligation": {"citation": "Neb. Rev. Stat. §§ 87-1126 ff."},
				"law_enforcement": {"citation": "Neb. Rev. Stat. §§ 87-1126 ff.", "condition": "cooperation with a civil, criminal or regulatory inquiry, investigation, subpoena or summons by governmental authorities"},
				"legal_claims": {"citation": "Neb. Rev. Stat. §§ 87-1126 ff."},
				"complete_transaction": {"citation": "Neb. Rev. Stat. §§ 87-1126 ff.", "condition": "only to provide a product or service the consumer specifically requested, perform a contract to which the consumer is a party, or take steps at the consumer's request before entering into one"},
				"warranty_or_recall": {"citation": "Neb. Rev. Stat. §§ 87-1126 ff.", "condition": "only to fulfil the terms of a written warranty or to carry out a product recall"},
				"life_safety": {"citation": "Neb. Rev. Stat. §§ 87-1126 ff.", "condition": "only to protect an interest essential for the life or physical safety of the consumer or another natural person"},
				"security_integrity": {"citation": "Neb. Rev. Stat. §§ 87-1126 ff.", "condition": "only to prevent, detect, protect against or respond to security incidents, identity theft, fraud, harassment, malicious, deceptive or illegal activity, or to preserve the integrity or security of systems"},
				"research_public_interest": {"citation": "Neb. Rev. Stat. §§ 87-1126 ff.", "condition": "public or peer-reviewed scientific or statistical research in the public interest, approved and monitored by an institutional review board or similar, where deletion would likely render impossible or seriously impair it"},
				"debug_repair": {"citation": "Neb. Rev. Stat. §§ 87-1126 ff.", "condition": "only to identify and repair technical errors that impair existing or intended functionality"},
				"internal_uses_expected": {"citation": "Neb. Rev. Stat. §§ 87-1126 ff.", "condition": "solely internal operations reasonably aligned with the consumer's expectations or reasonably anticipated from the existing relationship"},
			},
		},
		"legal_hold": {"citation": "Neb. Rev. Stat. §§ 87-1126 ff."},
		"third_party_data": {"citation": "Neb. Rev. Stat. § 87-1108(6)", "options": ["retain_record_minimum", "opt_out"]},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "Neb. Rev. Stat. § 87-1108(2)"},
		# The controller may authenticate a request with commercially
		# reasonable efforts (NE-7); no fraud-denial rule seen.
		"verification": {"citation": "Neb. Rev. Stat. § 87-1108(5)"},
		"signal": {
			"from": "2025-01-01",
			"citation": "Neb. Rev. Stat. § 87-1111",
			"residence_check": {"citation": "Neb. Rev. Stat. § 87-1111"},
		},
	},
	"consent": {"citation": "Neb. Rev. Stat. § 87-1102 (\"consent\")"},
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Neb. Rev. Stat. § 87-1108(5)"},
	"unverified": [
		{"pointer": "/in_force/from", "note": "2025-01-01 rests on secondary sources only (FACTS-STATES NE-1, CONFIRMED-S)"},
		{"pointer": "/thresholds", "note": "the small-business test (SBA, as of 2024-01-01) and its subsection rest on secondary sources (NE-2, CONFIRMED-S); a business that does not say whether it is a small business is assumed to be covered (never late)"},
		{"pointer": "/exempt_entities", "note": "entity exemptions and their sections rest on secondary sources (NE-3, CONFIRMED-S)"},
		{"pointer": "/delete/scope", "note": "\"provided by or obtained about\" rests on secondary sources (NE-4, CONFIRMED-S)"},
		{"pointer": "/delete/exceptions", "note": "the exceptions to deletion were not retrieved (NE-13, MEMORY): the Texas model, § 541.201 list is cited to the section (Neb. Rev. Stat. §§ 87-1126 ff.) as the best reading; subsections, conditions and which bases the law has are for counsel"},
		{"pointer": "/opt_out/signal/from", "note": "the text sets no later start date for the universal opt-out mechanism; 2025-01-01 is an inference from the effective date (NE-10)"},
		{"pointer": "/consent", "note": "the section number of the definition of consent (§ 87-1102) is MEMORY"},
	],
}
