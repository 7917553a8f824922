# METADATA
# title: Colorado — CPA
# description: Colo. Rev. Stat. § 6-1-1301 et seq. (Colorado Privacy Act) and the CPA Rules (4 CCR 904-3).
package dsrkit.laws.cpa

# METADATA
# title: CPA — the law's data
# description: |
#   In force from 2023-07-01 (FACTS CO-1). Thresholds: 100,000 consumers, or
#   25,000 consumers and any revenue or discount from the sale of personal
#   data (FACTS CO-5; a discount is read as revenue_share_from_sale > 0). A
#   consumer acts in an individual or household context, never a commercial
#   or employment one. No nonprofit exemption; GLBA financial institutions are
#   exempt (FACTS CO-6, MEMORY); the other exemptions are data-level, so the
#   entity is covered. Periods of a request to delete per dsrkit reading § 2
#   (FACTS CO-9).
# custom:
#   citation: Colo. Rev. Stat. § 6-1-1301 et seq.
law := {
	"id": "CPA",
	"name": "Colorado Privacy Act",
	"citation": "Colo. Rev. Stat. § 6-1-1301 et seq.",
	"in_force": {"from": "2023-07-01", "citation": "Colo. SB 21-190"},
	"territory": {
		"citation": "Colo. Rev. Stat. §§ 6-1-1303(6), 6-1-1304(1)",
		"any": [{"residence": {"US-CO"}, "citation": "Colo. Rev. Stat. § 6-1-1303(6) (\"consumer\")"}],
	},
	"consumers": {
		"citation": "Colo. Rev. Stat. § 6-1-1303(6) (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Colo. Rev. Stat. § 6-1-1303(6) (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "Colo. Rev. Stat. § 6-1-1304(1)",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 100000}],
				"citation": "Colo. Rev. Stat. § 6-1-1304(1) (100,000 consumers)",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0},
				],
				"citation": "Colo. Rev. Stat. § 6-1-1304(1) (25,000 consumers and revenue or a discount from sale)",
			},
		],
	},
	"exempt_entities": {
		"citation": "Colo. Rev. Stat. § 6-1-1304(2)",
		"any": [{"exemption": "glba_financial_institution", "citation": "Colo. Rev. Stat. § 6-1-1304(2)(q)"}],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "Colo. Rev. Stat. § 6-1-1306(2)(a)"},
		"extended": {"n": 90, "unit": "days", "citation": "Colo. Rev. Stat. § 6-1-1306(2)(a)"},
		"extension_notice": {"citation": "Colo. Rev. Stat. § 6-1-1306(2)(a)"},
		"denial": {"citation": "Colo. Rev. Stat. § 6-1-1306(2)(b); 4 CCR 904-3, Rule 4.06(E)"},
		"confirmed": {"citation": "Colo. Rev. Stat. § 6-1-1306(2)(a)"},
		"record": {"n": 24, "unit": "months", "citation": "4 CCR 904-3, Rule 6.11"},
		# 45 days, extendable by 60 with notice and reasons within the 45
		# (FACTS CO-13, MEMORY).
		"appeal": {
			"n": 45, "unit": "days", "citation": "Colo. Rev. Stat. § 6-1-1306(3)",
			"extension": {"n": 60, "unit": "days", "citation": "Colo. Rev. Stat. § 6-1-1306(3)"},
		},
		# "concerning the consumer" (dsrkit reading D1; FACTS CO-7, MEMORY).
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data concerning the consumer",
			"citation": "Colo. Rev. Stat. § 6-1-1306(1)(d)",
		},
		# The duty to delete (D1, D6; FACTS CO-7, MEMORY).
		"duty": {"citation": "Colo. Rev. Stat. § 6-1-1306(1)(d)"},
		# The exceptions to deletion (D2): each basis the law recognises, with
		# its subsection and any condition the reason states for the host to
		# check; a basis missing here is not an exception under the law. The
		# list as a whole is cited when a claimed basis is not on it.
		# Colo. Rev. Stat. § 6-1-1304(3)(a)(I)–(XII) as FACTS CO-8 numbers it
		# ((I)–(XI) CONFIRMED-P, (XII) MEMORY). It names no free-speech, CalECPA
		# or product-recall exception; a warranty is a contract, (VIII). Public
		# or peer-reviewed research is not in (3)(a): human-subjects research
		# data is outside Part 13 altogether (§ 6-1-1304(2)(d), FACTS CO-6,
		# CONFIRMED-P for (2)(a)–(f); the letter per the lawyer's review of
		# issue 14).
		"exceptions": {
			"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(I)–(XII)",
			"bases": {
				"legal_obligation": {"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(I)–(II)"},
				"law_enforcement": {"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(III)"},
				"legal_claims": {"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(IV)"},
				"debug_repair": {"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(VI)"},
				"internal_uses_expected": {"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(VII)"},
				"complete_transaction": {"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(VIII)"},
				"warranty_or_recall": {
					"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(VIII)",
					"condition": "a written warranty performed under a contract with the consumer; the CPA names no product-recall exception",
				},
				"life_safety": {"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(IX)"},
				"security_integrity": {"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(X)"},
				"public_health": {"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(XI)"},
				"research_public_interest": {
					"citation": "Colo. Rev. Stat. § 6-1-1304(2)(d)",
					"condition": "only identifiable private information collected for human-subjects research (45 C.F.R. Part 46 or similar), which Part 13 does not cover",
				},
			},
		},
		# A legal hold keeps an item under the law's legal-obligation and
		# legal-claims exceptions (D3), the subsections of exceptions together.
		"legal_hold": {"citation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(I)–(II), (IV)"},
		# Deletion from an archived or backup system may wait (D5; FACTS
		# CO-18, CONFIRMED-P).
		"backups": {
			"citation": "4 CCR 904-3, Rule 4.06(C)",
			"until": "the system is restored to an active system or is next accessed or used",
		},
	},
	# The verification standard of a request to delete (dsrkit reading § 4):
	# commercially reasonable efforts.
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Colo. Rev. Stat. § 6-1-1306(2)(d)"},
	"opt_out": {
		"comply": {"unit": "as_soon_as_feasible", "outer_bound": {"n": 45, "unit": "days"}, "citation": "4 CCR 904-3, Rule 4.03(A); Colo. Rev. Stat. § 6-1-1306(2)(a)"},
		# The controller complies if it can authenticate the consumer (and an
		# agent's authority) with commercially reasonable effort (FACTS
		# CO-14); no fraud-denial rule.
		"verification": {"citation": "Colo. Rev. Stat. § 6-1-1306(1)(a)(II)"},
		# The duty to honour a universal opt-out mechanism from 2024-07-01
		# (FACTS CO-2); Rules 5.02 and 5.07 are about the mechanism and the
		# AG's list, not the duty.
		"signal": {"from": "2024-07-01", "citation": "Colo. Rev. Stat. § 6-1-1306(1)(a)(IV); 4 CCR 904-3, Rule 5.08(A)"},
		"after_opt_out": {"citation": "Colo. Rev. Stat. § 6-1-1306(1)(a)"},
	},
	"consent": {"citation": "Colo. Rev. Stat. § 6-1-1303 (\"consent\")"},
}
