# METADATA
# title: California — CCPA as amended by the CPRA
# description: |
#   Cal. Civ. Code § 1798.100 et seq. and the CCPA Regulations (Cal. Code
#   Regs. tit. 11, § 7000 et seq.). The shape of a law's data is described
#   in applicability/applicability.rego.
package dsrkit.laws.ccpa

# cpra is the day the CPRA amendments became operative (FACTS CA-2).
cpra := "2023-01-01"

# METADATA
# title: CCPA/CPRA — the law's data
# description: |
#   In force from 2020-01-01 (FACTS CA-1); the CPRA amendments from
#   2023-01-01 (FACTS CA-2) bring employees, job applicants, contractors and
#   B2B contacts in (FACTS CA-12) and set the 100,000-consumer threshold. The
#   revenue threshold is CPI-adjusted to $26,625,000 from 2025-01-01 (FACTS
#   CA-6, CA-7). Only a for-profit entity is a "business" (FACTS CA-14); there
#   is no entity-level GLBA or HIPAA exemption (FACTS CA-13). Business-day
#   calendar per dsrkit reading R4; periods of a request to delete per dsrkit reading § 2.
# custom:
#   citation: Cal. Civ. Code § 1798.100 et seq.
law := {
	"id": "CCPA",
	"name": "California Consumer Privacy Act, as amended by the California Privacy Rights Act",
	"citation": "Cal. Civ. Code § 1798.100 et seq.",
	"in_force": {"from": "2020-01-01", "citation": "Cal. Civ. Code § 1798.198(a)"},
	"territory": {
		"citation": "Cal. Civ. Code § 1798.140(i)",
		"any": [{"residence": {"US-CA"}, "citation": "Cal. Civ. Code § 1798.140(i)"}],
	},
	"consumers": {
		"citation": "Cal. Civ. Code § 1798.140(i)",
		"any": [
			{"relationship": {"customer", "other"}, "citation": "Cal. Civ. Code § 1798.140(i)"},
			{
				"relationship": {"employee", "job_applicant", "contractor", "b2b_contact"},
				"from": cpra,
				"citation": "Cal. Civ. Code § 1798.140(i); the exemptions of § 1798.145(m), (n) ended on 2023-01-01",
			},
		],
	},
	"thresholds": {
		"citation": "Cal. Civ. Code § 1798.140(d)(1)",
		"any": [
			{
				"all": [{"fact": "annual_revenue_usd", "op": ">", "value": 25000000}],
				"until": "2025-01-01",
				"citation": "Cal. Civ. Code § 1798.140(d)(1)(A)",
			},
			{
				"all": [{"fact": "annual_revenue_usd", "op": ">", "value": 26625000}],
				"from": "2025-01-01",
				"citation": "Cal. Civ. Code § 1798.140(d)(1)(A), as adjusted under § 1798.199.95(d)",
			},
			# The 2018 text: 50,000 consumers, households or devices (FACTS has
			# no primary text for it: MEMORY, the stricter reading).
			{
				"all": [{"fact": "consumers_or_households_bought_sold_or_shared_per_year", "op": ">=", "value": 50000}],
				"until": cpra,
				"citation": "Cal. Civ. Code § 1798.140(c)(1)(B) (2018 text)",
			},
			# Buys, sells or shares the personal information of 100,000 or
			# more consumers or households (dsrkit reading § 6): a list buyer
			# counts what it buys.
			{
				"all": [{"fact": "consumers_or_households_bought_sold_or_shared_per_year", "op": ">=", "value": 100000}],
				"from": cpra,
				"citation": "Cal. Civ. Code § 1798.140(d)(1)(B)",
			},
			{
				"all": [{"fact": "revenue_share_from_sale", "op": ">=", "value": 0.5}],
				"citation": "Cal. Civ. Code § 1798.140(d)(1)(C)",
			},
		],
	},
	"exempt_entities": {
		"citation": "Cal. Civ. Code § 1798.140(d)(1)",
		"any": [
			{"exemption": "nonprofit", "note": "only an entity operated for profit is a business", "citation": "Cal. Civ. Code § 1798.140(d)(1)"},
			{"exemption": "government", "note": "only an entity operated for profit is a business", "citation": "Cal. Civ. Code § 1798.140(d)(1)"},
		],
	},
	"calendar": "common(US,US-CA)",
	"delete": {
		"acknowledge": {"n": 10, "unit": "business_days", "citation": "Cal. Code Regs. tit. 11, § 7021(a)"},
		"respond": {"n": 45, "unit": "days", "citation": "Cal. Civ. Code § 1798.130(a)(2)(A); Cal. Code Regs. tit. 11, § 7021(b)"},
		"extended": {"n": 90, "unit": "days", "citation": "Cal. Civ. Code § 1798.130(a)(2)(A); Cal. Code Regs. tit. 11, § 7021(b)"},
		"extension_notice": {"citation": "Cal. Civ. Code § 1798.130(a)(2)(A)"},
		"denial": {"citation": "Cal. Code Regs. tit. 11, § 7022(f)"},
		"confirmed": {"citation": "Cal. Code Regs. tit. 11, § 7022(e)"},
		# A business that sells or shares and does not delete everything
		# offers the consumer who has not opted out an opt-out of sale
		# (§ 7022(g), with the unverifiable request of § 7022(a)); the
		# response says a record of the request is kept (§ 7022(e), the
		# record of § 7101(a)).
		"offer_opt_out": {"citation": "Cal. Code Regs. tit. 11, § 7022(a), (g); Cal. Civ. Code § 1798.120"},
		"record_notice": {"citation": "Cal. Code Regs. tit. 11, § 7022(e)"},
		"record": {"n": 24, "unit": "months", "citation": "Cal. Code Regs. tit. 11, § 7101(a)"},
		# The right to delete reaches personal information "collected from the
		# consumer" (dsrkit reading D1; FACTS CA-16, CONFIRMED-P). Observed
		# data counts: the CCPA's "collects" includes "by observing the
		# consumer's behavior" (§ 1798.140(f), not in FACTS: MEMORY); the
		# stricter reading.
		"scope": {
			"sources": {"consumer", "observed"},
			"text": "personal information collected from the consumer (including by observing the consumer's behavior)",
			"citation": "Cal. Civ. Code § 1798.105(a); § 1798.140(f)",
		},
		# Household data (FACTS CA-15, MEMORY): the CPRA's § 1798.145(p)
		# takes household data out of the business's obligations, the duty
		# to delete among them, so the right to delete does not reach an
		# item that is household data (data[].household). The AG-era
		# household-request procedure (former § 999.318) was not carried
		# into §§ 7060–7063: no rule applies it (issue 14).
		"household_data": {
			"text": "household data (personal information about a group of consumers who share a residence, not about this consumer alone)",
			"citation": "Cal. Civ. Code § 1798.145(p)",
			"note": "cited from memory, FACTS CA-15: for counsel",
		},
		# The duty to delete (D1, D6; FACTS CA-17, CONFIRMED-P).
		"duty": {"citation": "Cal. Civ. Code § 1798.105(c)(1)"},
		# The exceptions to deletion (D2): each basis the law recognises, with
		# its subsection and any condition the reason states for the host to
		# check; a basis missing here is not an exception under the law. The
		# list as a whole is cited when a claimed basis is not on it.
		# Cal. Civ. Code § 1798.105(d)(1)–(8), the CPRA text: 8 exceptions (FACTS
		# CA-20, CONFIRMED-P), and the general carve-outs of § 1798.145(a)(1)
		# (comply with law, cooperate with law enforcement, exercise or defend
		# legal claims: FACTS CA-22, CONFIRMED-P abridged; legal claims are
		# subparagraph (E), cooperation with law enforcement (C), per the
		# lawyer's review of issue 14). No life-safety or public-health
		# exception.
		"exceptions": {
			"citation": "Cal. Civ. Code § 1798.105(d)(1)–(8); § 1798.145(a)(1)",
			"bases": {
				"complete_transaction": {"citation": "Cal. Civ. Code § 1798.105(d)(1)"},
				"warranty_or_recall": {"citation": "Cal. Civ. Code § 1798.105(d)(1)"},
				"security_integrity": {
					"citation": "Cal. Civ. Code § 1798.105(d)(2)",
					"condition": "only to the extent the use is reasonably necessary and proportionate",
				},
				"debug_repair": {"citation": "Cal. Civ. Code § 1798.105(d)(3)"},
				"free_speech": {"citation": "Cal. Civ. Code § 1798.105(d)(4)"},
				"calecpa": {"citation": "Cal. Civ. Code § 1798.105(d)(5)"},
				"research_public_interest": {
					"citation": "Cal. Civ. Code § 1798.105(d)(6)",
					"condition": "only if the consumer has given informed consent, the research conforms to applicable ethics and privacy laws, and deletion would likely render impossible or seriously impair it",
				},
				"internal_uses_expected": {
					"citation": "Cal. Civ. Code § 1798.105(d)(7)",
					"condition": "solely internal uses reasonably aligned with the consumer's expectations and compatible with the context in which the consumer provided the information",
				},
				"legal_obligation": {"citation": "Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1)"},
				"legal_claims": {"citation": "Cal. Civ. Code § 1798.145(a)(1)(E)"},
				"law_enforcement": {"citation": "Cal. Civ. Code § 1798.145(a)(1)(C)"},
			},
		},
		# A legal hold keeps an item under the law's legal-obligation and
		# legal-claims exceptions (D3), the subsections of exceptions together.
		"legal_hold": {"citation": "Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1)(E)"},
		# Deletion from an archived or backup system may wait (D5; FACTS
		# CA-62, CONFIRMED-P).
		"backups": {
			"citation": "Cal. Code Regs. tit. 11, § 7022(d)",
			"until": "the archived or backup system is restored to an active system or is next accessed or used for a sale, disclosure, or commercial purpose",
		},
		# The business may deidentify or aggregate instead of erasing (D4;
		# FACTS CA-60, CONFIRMED-P).
		"alternatives": {"citation": "Cal. Code Regs. tit. 11, § 7022(b)(1)"},
	},
	# The verification standard of a request to delete (dsrkit reading § 4):
	# reasonable certainty, reasonably high for sensitive data (FACTS § 1.7).
	# The regulations' examples name the data points: 2 for reasonable, 3
	# for reasonably high certainty (§ 7062(b)–(d)), a floor the playbook
	# may raise. Each verification step has its own section (§§ 7060–7063).
	"verification": {
		"ordinary": "reasonable",
		"sensitive": "reasonably_high",
		"citation": "Cal. Code Regs. tit. 11, § 7062(b)–(d)",
		"minimum_data_points": {"reasonable": 2, "reasonably_high": 3, "citation": "Cal. Code Regs. tit. 11, § 7062(b)–(d)"},
		"clauses": {
			"fraud_suspected": {"citation": "Cal. Code Regs. tit. 11, § 7061(b)"},
			"reauthentication_needed": {"citation": "Cal. Code Regs. tit. 11, § 7061(a)"},
			"not_yet_verified": {"citation": "Cal. Code Regs. tit. 11, § 7060(a)"},
			"agent_permission_missing": {"citation": "Cal. Code Regs. tit. 11, § 7063(a)–(b)"},
			"declaration_missing": {"citation": "Cal. Code Regs. tit. 11, § 7062(c)"},
			"consumer_confirmation_missing": {
				"citation": "Cal. Code Regs. tit. 11, § 7063(a)",
				"text": "as § 7063(a) allows the business to require",
			},
			"request_more_information": {"citation": "Cal. Code Regs. tit. 11, § 7021(b); § 7060(d)"},
			"identity_not_verified": {"citation": "Cal. Code Regs. tit. 11, § 7022(a)"},
		},
	},
	"opt_out": {
		"comply": {"n": 15, "unit": "business_days", "citation": "Cal. Code Regs. tit. 11, § 7026(f)"},
		# No verification may be required to opt out (§ 7026(d)); a denial
		# only on a documented, good-faith belief of fraud (§ 7026(e)).
		"verification": {"not_required": true, "citation": "Cal. Code Regs. tit. 11, § 7026(d)"},
		"fraud": {"citation": "Cal. Code Regs. tit. 11, § 7026(e)"},
		"third_parties": {"citation": "Cal. Code Regs. tit. 11, § 7026(f)"},
		# Never late (dsrkit reading O1): the third parties to whom the
		# business makes personal information available when the request
		# arrives (cookies, pixels) are directed to comply and to forward
		# the request (FACTS CA-41, MEMORY: for counsel).
		"made_available": {
			"citation": "Cal. Code Regs. tit. 11, § 7026(f)(3)",
			"note": "cited from memory, FACTS CA-41: for counsel",
		},
		"signal": {"citation": "Cal. Code Regs. tit. 11, § 7025(b), (c)(1)"},
		"after_opt_out": {"citation": "Cal. Civ. Code § 1798.120(d)"},
	},
	# The opt-in (FACTS CA-46, CONFIRMED-P): a two-step opt-in (§ 7028(a)),
	# free of dark patterns (§ 7004); a consumer-initiated transaction that
	# needs it (§ 7028(b)).
	"consent": {
		"citation": "Cal. Code Regs. tit. 11, § 7028(a)",
		"provisions": {
			"two_step": {"citation": "Cal. Code Regs. tit. 11, § 7028(a)"},
			"dark_patterns": {"citation": "Cal. Code Regs. tit. 11, § 7004"},
			"consumer_initiated": {"citation": "Cal. Code Regs. tit. 11, § 7028(b)"},
			"opt_in_instructions": {"citation": "Cal. Code Regs. tit. 11, § 7028(b); § 7004"},
		},
	},
	# No sale or sharing of a consumer under 16 whose age the business
	# actually knows (or wilfully disregards), unless affirmatively
	# authorised: by the consumer from 13, by a parent or guardian under 13
	# (FACTS CA-35, CONFIRMED-P; dsrkit reading O5).
	"minors": [
		{
			"from": "2020-01-01",
			"under_age": 13,
			"rule": "parental_consent",
			"scope": ["sale", "sharing"],
			"knowledge": "actual_or_willful_disregard",
			"citation": "Cal. Civ. Code § 1798.120(c)",
		},
		{
			"from": "2020-01-01",
			"from_age": 13,
			"under_age": 16,
			"rule": "consent",
			"scope": ["sale", "sharing"],
			"knowledge": "actual_or_willful_disregard",
			"citation": "Cal. Civ. Code § 1798.120(c)",
		},
	],
}
