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
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "Va. Code § 59.1-577(A)(5), (B)(1)"},
		# The controller may authenticate a request with commercially
		# reasonable efforts (FACTS VA-10, MEMORY); no fraud-denial rule.
		"verification": {"citation": "Va. Code § 59.1-577(B)(4)"},
		"after_opt_out": {"citation": "Va. Code § 59.1-577(A)(5)"},
	},
	"consent": {"citation": "Va. Code § 59.1-575 (\"consent\")"},
}
