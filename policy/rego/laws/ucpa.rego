# METADATA
# title: Utah — UCPA
# description: Utah Code § 13-61-101 et seq. (Utah Consumer Privacy Act).
package dsrkit.laws.ucpa

# METADATA
# title: UCPA — the law's data
# description: |
#   In force from 2023-12-31 (FACTS UT-1). Thresholds: annual revenue of
#   $25,000,000 or more AND either 100,000 consumers, or 25,000 consumers and
#   over 50% of gross revenue from the sale of personal data (FACTS UT-3). A
#   consumer acts in an individual or household context, never a commercial
#   or employment one. Entity exemptions: government, higher education,
#   nonprofits, GLBA financial institutions, HIPAA covered entities (FACTS
#   UT-4). Periods of a request to delete per dsrkit reading § 2 (FACTS UT-6).
# custom:
#   citation: Utah Code § 13-61-101 et seq.
law := {
	"id": "UCPA",
	"name": "Utah Consumer Privacy Act",
	"citation": "Utah Code § 13-61-101 et seq.",
	"in_force": {"from": "2023-12-31", "citation": "Utah Laws 2022, ch. 462"},
	"territory": {
		"citation": "Utah Code §§ 13-61-101, 13-61-102(1)",
		"any": [{"residence": {"US-UT"}, "citation": "Utah Code § 13-61-101 (\"consumer\")"}],
	},
	"consumers": {
		"citation": "Utah Code § 13-61-101 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "Utah Code § 13-61-101 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "Utah Code § 13-61-102(1)",
		"any": [
			{
				"all": [
					{"fact": "annual_revenue_usd", "op": ">=", "value": 25000000},
					{"fact": "consumers_per_year", "op": ">=", "value": 100000},
				],
				"citation": "Utah Code § 13-61-102(1)",
			},
			{
				"all": [
					{"fact": "annual_revenue_usd", "op": ">=", "value": 25000000},
					{"fact": "consumers_per_year", "op": ">=", "value": 25000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.5},
				],
				"citation": "Utah Code § 13-61-102(1)",
			},
		],
	},
	"exempt_entities": {
		"citation": "Utah Code § 13-61-102(2)",
		"any": [
			{"exemption": "government", "citation": "Utah Code § 13-61-102(2)"},
			{"exemption": "higher_education", "citation": "Utah Code § 13-61-102(2)"},
			{"exemption": "nonprofit", "citation": "Utah Code § 13-61-102(2)"},
			{"exemption": "glba_financial_institution", "citation": "Utah Code § 13-61-102(2)"},
			{"exemption": "hipaa_covered_entity", "citation": "Utah Code § 13-61-102(2)"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "Utah Code § 13-61-203(2)"},
		"extended": {"n": 90, "unit": "days", "citation": "Utah Code § 13-61-203(2)"},
		"extension_notice": {"citation": "Utah Code § 13-61-203(2) (with the extension's length and reasons)"},
		"denial": {"citation": "Utah Code § 13-61-203(3)"},
		"confirmed": {"citation": "Utah Code § 13-61-203(2)(a)"},
		"extension_length_in_notice": true,
		# "that the consumer provided to the controller" (dsrkit reading D1;
		# FACTS UT-5, CONFIRMED-P).
		"scope": {
			"sources": {"consumer"},
			"text": "personal data that the consumer provided to the controller",
			"citation": "Utah Code § 13-61-201(2)",
		},
		# The duty to delete (D1, D6; FACTS UT-5).
		"duty": {"citation": "Utah Code § 13-61-201(2)"},
		# The exceptions to deletion (D2): each basis the law recognises, with
		# its subsection and any condition the reason states for the host to
		# check; a basis missing here is not an exception under the law. The
		# list as a whole is cited when a claimed basis is not on it.
		# Utah Code § 13-61-304(1): (a)–(k) CONFIRMED-P (FACTS UT-11); (l)–(n)
		# MEMORY (UT-12). No free-speech, CalECPA or public-health exception.
		"exceptions": {
			"citation": "Utah Code § 13-61-304(1)(a)–(n)",
			"bases": {
				"legal_obligation": {"citation": "Utah Code § 13-61-304(1)(a)–(b)"},
				"law_enforcement": {"citation": "Utah Code § 13-61-304(1)(c)"},
				"legal_claims": {"citation": "Utah Code § 13-61-304(1)(d)"},
				"complete_transaction": {"citation": "Utah Code § 13-61-304(1)(e)–(f)"},
				"warranty_or_recall": {"citation": "Utah Code § 13-61-304(1)(f) (written warranty), (l) (product recall)"},
				"life_safety": {"citation": "Utah Code § 13-61-304(1)(g)"},
				"security_integrity": {"citation": "Utah Code § 13-61-304(1)(h)–(i)"},
				"research_public_interest": {
					"citation": "Utah Code § 13-61-304(1)(j)",
					"condition": "only if the research is disclosed in the privacy notice required by Utah Code § 13-61-302",
				},
				"debug_repair": {"citation": "Utah Code § 13-61-304(1)(l)"},
				"internal_uses_expected": {"citation": "Utah Code § 13-61-304(1)(m)"},
			},
		},
		# A legal hold keeps an item under the law's legal-obligation and
		# legal-claims exceptions (D3), the subsections of exceptions together.
		"legal_hold": {"citation": "Utah Code § 13-61-304(1)(a)–(b), (d)"},
	},
	# The verification standard of a request to delete (dsrkit reading § 4):
	# commercially reasonable efforts.
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "Utah Code § 13-61-203(5)"},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "Utah Code § 13-61-203(2)(a)"},
		# The controller need not comply with a request it cannot
		# authenticate with commercially reasonable efforts (FACTS UT-9,
		# MEMORY); no fraud-denial rule. A reasonable suspicion of fraud
		# only lifts the 45-day period while the request cannot be
		# authenticated (FACTS UT-6).
		"verification": {"citation": "Utah Code § 13-61-203(5)"},
		"fraud_period": {"citation": "Utah Code § 13-61-203(2)(d)"},
		"after_opt_out": {"citation": "Utah Code § 13-61-201 (right to opt out)"},
	},
	"consent": {"citation": "Utah Code § 13-61-101 (\"consent\")"},
}
