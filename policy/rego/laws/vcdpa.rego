# METADATA
# title: Virginia — VCDPA
# description: Va. Code § 59.1-575 et seq. (Virginia Consumer Data Protection Act).
package dsrkit.laws.vcdpa

# METADATA
# title: VCDPA — the law's data
# description: |
#   In force from 2023-01-01 (FACTS VA-1). Thresholds: 100,000 consumers, or
#   25,000 consumers and over 50% of gross revenue from the sale of personal
#   data (FACTS VA-3). A consumer acts in an individual or household context,
#   never a commercial or employment one (FACTS VA-4). Entity exemptions:
#   government, GLBA financial institutions, HIPAA covered entities,
#   nonprofits, higher education (FACTS VA-4, MEMORY). Periods of a request to
#   delete per dsrkit reading § 2 (FACTS VA-7).
# custom:
#   citation: Va. Code § 59.1-575 et seq.
law := {
	"id": "VCDPA",
	"name": "Virginia Consumer Data Protection Act",
	"citation": "Va. Code § 59.1-575 et seq.",
	"in_force": {"from": "2023-01-01", "citation": "2021 Va. Acts Spec. Sess. I chs. 35, 36"},
	"territory": {
		"citation": "Va. Code §§ 59.1-575, 59.1-576(A)",
		"any": [{"residence": {"US-VA"}, "citation": "Va. Code § 59.1-575 (\"consumer\")"}],
	},
	"consumers": {
		"citation": "Va. Code § 59.1-575 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Va. Code § 59.1-575 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "Va. Code § 59.1-576(A)",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 100000}],
				"citation": "Va. Code § 59.1-576(A)(i)",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.5},
				],
				"citation": "Va. Code § 59.1-576(A)(ii)",
			},
		],
	},
	"exempt_entities": {
		"citation": "Va. Code § 59.1-576(B)",
		"any": [
			{"exemption": "government", "citation": "Va. Code § 59.1-576(B)"},
			{"exemption": "glba_financial_institution", "citation": "Va. Code § 59.1-576(B)"},
			{"exemption": "hipaa_covered_entity", "citation": "Va. Code § 59.1-576(B)"},
			{"exemption": "nonprofit", "citation": "Va. Code § 59.1-576(B)"},
			{"exemption": "higher_education", "citation": "Va. Code § 59.1-576(B)"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "Va. Code § 59.1-577(B)(1)"},
		"extended": {"n": 90, "unit": "days", "citation": "Va. Code § 59.1-577(B)(1)"},
		"extension_notice": {"citation": "Va. Code § 59.1-577(B)(1)"},
		"denial": {"citation": "Va. Code § 59.1-577(B)(2)"},
		"confirmed": {"citation": "Va. Code § 59.1-577(B)(1)"},
		"appeal": {"n": 60, "unit": "days", "citation": "Va. Code § 59.1-577(C)"},
		# "provided by or obtained about" (dsrkit reading D1; FACTS VA-5,
		# CONFIRMED-P).
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data provided by or obtained about the consumer",
			"citation": "Va. Code § 59.1-577(A)(3)",
		},
		# The duty to delete (D1, D6; FACTS VA-5).
		"duty": {"citation": "Va. Code § 59.1-577(A)(3)"},
		# The exceptions to deletion (D2): each basis the law recognises, with
		# its subsection and any condition the reason states for the host to
		# check; a basis missing here is not an exception under the law. The
		# list as a whole is cited when a claimed basis is not on it.
		# Va. Code § 59.1-582: (A)(1)–(5) CONFIRMED-P (FACTS VA-13); (A)(6)–(9)
		# MEMORY (VA-14); (B)(3)–(4) CONFIRMED-P, (B)(1)–(2) MEMORY (VA-15); (E)
		# others' rights and freedoms such as free speech, CONFIRMED-P (VA-16).
		# No CalECPA or public-health exception.
		"exceptions": {
			"citation": "Va. Code § 59.1-582(A), (B), (E)",
			"bases": {
				"legal_obligation": {"citation": "Va. Code § 59.1-582(A)(1)–(2)"},
				"law_enforcement": {"citation": "Va. Code § 59.1-582(A)(3)"},
				"legal_claims": {"citation": "Va. Code § 59.1-582(A)(4)"},
				"complete_transaction": {"citation": "Va. Code § 59.1-582(A)(5)"},
				"warranty_or_recall": {"citation": "Va. Code § 59.1-582(A)(5) (written warranty), (B)(2) (product recall)"},
				"life_safety": {"citation": "Va. Code § 59.1-582(A)(6)"},
				"security_integrity": {"citation": "Va. Code § 59.1-582(A)(7)"},
				"research_public_interest": {
					"citation": "Va. Code § 59.1-582(A)(8)",
					"condition": "public or peer-reviewed scientific or statistical research under ethics-board oversight",
				},
				"debug_repair": {"citation": "Va. Code § 59.1-582(B)(3)"},
				"internal_uses_expected": {"citation": "Va. Code § 59.1-582(B)(4)"},
				"free_speech": {
					"citation": "Va. Code § 59.1-582(E)",
					"condition": "only where deletion would adversely affect the rights or freedoms of others, such as free speech",
				},
			},
		},
		# A legal hold keeps an item under the law's legal-obligation and
		# legal-claims exceptions (D3), the subsections of exceptions together.
		"legal_hold": {"citation": "Va. Code § 59.1-582(A)(1)–(2), (4)"},
	},
	# The verification standard of a request to delete (dsrkit reading § 4):
	# commercially reasonable efforts.
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Va. Code § 59.1-577(B)(4)"},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "Va. Code § 59.1-577(A)(5), (B)(1)"},
		# The controller may authenticate a request with commercially
		# reasonable efforts (FACTS VA-10, MEMORY); no fraud-denial rule.
		"verification": {"citation": "Va. Code § 59.1-577(B)(4)"},
		"after_opt_out": {"citation": "Va. Code § 59.1-577(A)(5)"},
	},
	"consent": {"citation": "Va. Code § 59.1-575 (\"consent\")"},
}
