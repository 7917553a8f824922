# METADATA
# title: Connecticut — CTDPA
# description: Conn. Gen. Stat. § 42-515 et seq. (Connecticut Data Privacy Act), as amended by P.A. 23-56 and P.A. 25-113.
package dsrkit.laws.ctdpa

# pa_25_113 is the day P.A. 25-113 takes effect (FACTS CT-4).
pa_25_113 := "2026-07-01"

# METADATA
# title: CTDPA — the law's data
# description: |
#   In force from 2023-07-01 (FACTS CT-1). Thresholds until 2026-06-30:
#   100,000 consumers, or 25,000 consumers and over 25% of gross revenue from
#   the sale of personal data (FACTS CT-5); from 2026-07-01 (P.A. 25-113):
#   35,000 consumers, or any sensitive data, or offering personal data for
#   sale (FACTS CT-4). A consumer acts in an individual or household context,
#   never a commercial or employment one. Entity exemptions: government,
#   nonprofits, higher education, HIPAA covered entities, and GLBA financial
#   institutions until 2026-06-30 (FACTS CT-6, CT-4). Periods of a request to
#   delete per dsrkit reading § 2 (FACTS CT-10).
# custom:
#   citation: Conn. Gen. Stat. § 42-515 et seq.
law := {
	"id": "CTDPA",
	"name": "Connecticut Data Privacy Act",
	"citation": "Conn. Gen. Stat. § 42-515 et seq.",
	"in_force": {"from": "2023-07-01", "citation": "Conn. P.A. 22-15"},
	"territory": {
		"citation": "Conn. Gen. Stat. §§ 42-515, 42-516",
		"any": [{"residence": {"US-CT"}, "citation": "Conn. Gen. Stat. § 42-515 (\"consumer\")"}],
	},
	"consumers": {
		"citation": "Conn. Gen. Stat. § 42-515 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Conn. Gen. Stat. § 42-515 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "Conn. Gen. Stat. § 42-516",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 100000}],
				"until": pa_25_113,
				"citation": "Conn. Gen. Stat. § 42-516(1)",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.25},
				],
				"until": pa_25_113,
				"citation": "Conn. Gen. Stat. § 42-516(2)",
			},
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 35000}],
				"from": pa_25_113,
				"citation": "Conn. Gen. Stat. § 42-516, as amended by P.A. 25-113",
			},
			{
				"all": [{"fact": "processes_sensitive_data", "op": "==", "value": true}],
				"from": pa_25_113,
				"citation": "Conn. Gen. Stat. § 42-516, as amended by P.A. 25-113",
			},
			{
				"all": [{"fact": "sells_or_shares", "op": "==", "value": true}],
				"from": pa_25_113,
				"citation": "Conn. Gen. Stat. § 42-516, as amended by P.A. 25-113",
			},
		],
	},
	"exempt_entities": {
		"citation": "Conn. Gen. Stat. § 42-517(a)",
		"any": [
			{"exemption": "government", "citation": "Conn. Gen. Stat. § 42-517(a)"},
			{"exemption": "nonprofit", "citation": "Conn. Gen. Stat. § 42-517(a)"},
			{"exemption": "higher_education", "citation": "Conn. Gen. Stat. § 42-517(a)"},
			{"exemption": "hipaa_covered_entity", "citation": "Conn. Gen. Stat. § 42-517(a)"},
			{
				"exemption": "glba_financial_institution",
				"until": pa_25_113,
				"citation": "Conn. Gen. Stat. § 42-517(a); replaced by a data-level exemption by P.A. 25-113",
			},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "Conn. Gen. Stat. § 42-518(c)(1)"},
		"extended": {"n": 90, "unit": "days", "citation": "Conn. Gen. Stat. § 42-518(c)(1)"},
		"extension_notice": {"citation": "Conn. Gen. Stat. § 42-518(c)(1)"},
		"denial": {"citation": "Conn. Gen. Stat. § 42-518(c)(2)"},
		"confirmed": {"citation": "Conn. Gen. Stat. § 42-518(c)(1)"},
		"appeal": {"n": 60, "unit": "days", "citation": "Conn. Gen. Stat. § 42-518(d)"},
		# "provided by, or obtained about" (dsrkit reading D1; FACTS CT-7,
		# CONFIRMED-P).
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data provided by, or obtained about, the consumer",
			"citation": "Conn. Gen. Stat. § 42-518(a)(3)",
		},
		# The duty to delete (D1, D6; FACTS CT-7).
		"duty": {"citation": "Conn. Gen. Stat. § 42-518(a)(3)"},
		# The exceptions to deletion (D2): each basis the law recognises, with
		# its subsection and any condition the reason states for the host to
		# check; a basis missing here is not an exception under the law. The
		# list as a whole is cited when a claimed basis is not on it.
		# Conn. Gen. Stat. § 42-524: (a)(1)–(9) CONFIRMED-P (FACTS CT-8); (a)(10)
		# opening CONFIRMED-P, conditions MEMORY; (a)(11)–(12) and (b) MEMORY
		# (CT-9). No free-speech or CalECPA exception.
		"exceptions": {
			"citation": "Conn. Gen. Stat. § 42-524(a), (b)",
			"bases": {
				"legal_obligation": {"citation": "Conn. Gen. Stat. § 42-524(a)(1)–(2)"},
				"law_enforcement": {"citation": "Conn. Gen. Stat. § 42-524(a)(3)"},
				"legal_claims": {"citation": "Conn. Gen. Stat. § 42-524(a)(4)"},
				"complete_transaction": {"citation": "Conn. Gen. Stat. § 42-524(a)(5)–(7)"},
				"warranty_or_recall": {"citation": "Conn. Gen. Stat. § 42-524(a)(6) (written warranty), (b)(2) (product recall)"},
				"life_safety": {
					"citation": "Conn. Gen. Stat. § 42-524(a)(8)",
					"condition": "only where the processing cannot be manifestly based on another legal basis",
				},
				"security_integrity": {"citation": "Conn. Gen. Stat. § 42-524(a)(9)"},
				"research_public_interest": {
					"citation": "Conn. Gen. Stat. § 42-524(a)(10)",
					"condition": "public or peer-reviewed scientific or statistical research in the public interest, approved and monitored by an institutional review board or similar, where deletion would likely render impossible or seriously impair it",
				},
				"public_health": {"citation": "Conn. Gen. Stat. § 42-524(a)(12)"},
				"debug_repair": {"citation": "Conn. Gen. Stat. § 42-524(b)(3)"},
				"internal_uses_expected": {"citation": "Conn. Gen. Stat. § 42-524(b)(4)"},
			},
		},
		# A legal hold keeps an item under the law's legal-obligation and
		# legal-claims exceptions (D3), the subsections of exceptions together.
		"legal_hold": {"citation": "Conn. Gen. Stat. § 42-524(a)(1)–(2), (4)"},
	},
	# The verification standard of a request to delete (dsrkit reading § 4):
	# commercially reasonable efforts.
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Conn. Gen. Stat. § 42-518(c)(4)"},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "Conn. Gen. Stat. § 42-518(c)(1)"},
		# An opt-out need not be authenticated; a denial only on a
		# documented, good-faith belief of fraud (FACTS CT-14, MEMORY).
		"verification": {"not_required": true, "citation": "Conn. Gen. Stat. § 42-518(c)(4)"},
		"fraud": {"citation": "Conn. Gen. Stat. § 42-518(c)(4)"},
		"signal": {"from": "2025-01-01", "citation": "Conn. Gen. Stat. § 42-520(e)(1)(A)(ii)"},
		"after_opt_out": {"citation": "Conn. Gen. Stat. § 42-518(a)(5)"},
	},
	"consent": {"citation": "Conn. Gen. Stat. § 42-515 (\"consent\")"},
	# Sensitive data (FACTS-STATES CT25-5, CONFIRMED-S): from 2026-07-01 (P.A.
	# 25-113) the definition is expanded and a sale of sensitive data needs
	# the consumer's consent.
	"sensitive_data": [{
		"from": pa_25_113,
		"rule": "consent",
		"scope": ["sale"],
		"citation": "Conn. Gen. Stat. § 42-520, as amended by P.A. 25-113",
	}],
	"unverified": [
		{"pointer": "/thresholds", "note": "P.A. 25-113 thresholds from 2026-07-01 (35,000 consumers, any sensitive data, or offering data for sale), secondary sources only (FACTS-STATES CT25-3)"},
		{"pointer": "/exempt_entities", "note": "from 2026-07-01 the GLBA entity exemption becomes data-level, with new entity exemptions for specified banks, credit unions, insurers and investment advisers (CT25-4, secondary): no request field says so, not encoded (the law applies, never late)"},
		{"pointer": "/delete", "note": "no source reports a change by P.A. 25-113 to the deletion scope, the 45 + 45-day response or the 60-day appeal (CT25-6, MEMORY)"},
		{"pointer": "/sensitive_data", "note": "consent for the sale of sensitive data from 2026-07-01, secondary sources only (CT25-5); P.A. 26-64's ban on selling precise geolocation data from 2026-10-01 (CT25-8) not encoded"},
	],
	# Known minors under 18 (dsrkit reading O5): from 2024-10-01 (P.A. 23-56)
	# no sale or targeted advertising without the minor's consent; from
	# 2026-07-01 (P.A. 25-113) neither, even with consent; profiling in
	# furtherance of significant decisions still needs consent (FACTS-STATES
	# CT25-2, CONFIRMED-S; "minor" under 18 MEMORY, never late: every known
	# minor under 18).
	"minors": [
		{
			"from": "2024-10-01",
			"until": pa_25_113,
			"under_age": 18,
			"rule": "consent",
			"scope": ["sale", "targeted_advertising"],
			"knowledge": "actual_or_willful_disregard",
			"citation": "Conn. Gen. Stat. § 42-529a, as added by P.A. 23-56",
		},
		{
			"from": pa_25_113,
			"under_age": 18,
			"rule": "prohibited",
			"scope": ["sale", "targeted_advertising"],
			"knowledge": "actual_or_willful_disregard",
			"citation": "Conn. Gen. Stat. § 42-529a, as amended by P.A. 25-113",
		},
		{
			"from": pa_25_113,
			"under_age": 18,
			"rule": "consent",
			"scope": ["profiling"],
			"knowledge": "actual_or_willful_disregard",
			"citation": "Conn. Gen. Stat. § 42-529a, as amended by P.A. 25-113",
		},
	],
}
