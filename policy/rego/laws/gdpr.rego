# METADATA
# title: European Union — GDPR
# description: Regulation (EU) 2016/679 (General Data Protection Regulation); time limits under Regulation (EEC, Euratom) No 1182/71.
package dsrkit.laws.gdpr

# eea holds the EU member states and the EEA states (IS, LI, NO) whose residents GDPR protects.
eea := {
	"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
	"IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
}

# METADATA
# title: GDPR — the law's data
# description: |
#   Applies from 2018-05-25 (FACTS EU-1). Territorial scope (FACTS EU-2): a
#   data subject in the Union whom the business offers goods or services to
#   or monitors (Art. 3(2)), or anyone whose data is processed in the context
#   of an establishment in the Union (Art. 3(1)). No thresholds; every data
#   subject, whatever the relationship; no entity exemptions. Periods of a
#   request to delete per dsrkit reading § 2, R5, R6 (FACTS EU-3, EU-11 to EU-17):
#   months under Reg. 1182/71, rolled to the next working day of the member
#   state in business.eu_member_state, else of the "weekends" calendar.
# custom:
#   citation: Regulation (EU) 2016/679
law := {
	"id": "GDPR",
	"name": "General Data Protection Regulation",
	"citation": "Regulation (EU) 2016/679",
	"in_force": {"from": "2018-05-25", "citation": "GDPR Art. 99(2)"},
	"territory": {
		"citation": "GDPR Art. 3",
		"any": [
			{
				"residence": eea,
				"residence_name": "the EU/EEA",
				"all": [{"fact": "targets_eu", "op": "==", "value": true}],
				"citation": "GDPR Art. 3(2)",
			},
			{
				"all": [{"fact": "eu_establishment", "op": "==", "value": true}],
				"citation": "GDPR Art. 3(1)",
			},
		],
	},
	"consumers": {
		"citation": "GDPR Art. 4(1)",
		"any": [{
			"relationship": {"customer", "employee", "job_applicant", "contractor", "b2b_contact", "other"},
			"citation": "GDPR Art. 4(1) (every data subject)",
		}],
	},
	"calendar": "weekends",
	"calendar_from": "eu_member_state",
	"delete": {
		"respond": {"n": 1, "unit": "months", "citation": "GDPR Art. 12(3); Reg. 1182/71 Art. 3"},
		"extended": {"n": 3, "unit": "months", "citation": "GDPR Art. 12(3) (two further months); Reg. 1182/71 Art. 3"},
		"extension_notice": {"citation": "GDPR Art. 12(3)"},
		"denial": {"citation": "GDPR Art. 12(4)"},
		"confirmed": {"citation": "GDPR Art. 12(3)"},
		"complaint": {"citation": "GDPR Art. 12(4); Art. 77; Art. 79"},
		# All personal data, but erasure is owed only where an Art. 17(1)
		# ground holds (D10, see grounds; FACTS EU-7: grounds CONFIRMED-S,
		# wording MEMORY).
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "all personal data concerning the data subject (erasure is owed where a ground of Art. 17(1) holds)",
			"citation": "GDPR Art. 17(1)",
		},
		# The duty to delete (D1, D6; FACTS EU-7).
		"duty": {"citation": "GDPR Art. 17(1)"},
		# The exceptions to deletion (D2): each basis the law recognises, with
		# its subsection and any condition the reason states for the host to
		# check; a basis missing here is not an exception under the law. The
		# list as a whole is cited when a claimed basis is not on it.
		# GDPR Art. 17(3)(a)–(e), 5 exceptions (FACTS EU-8, CONFIRMED-P). Not
		# exceptions to erasure: completing a transaction, warranty or recall,
		# security, debugging, internal uses, law-enforcement cooperation (unless
		# a legal obligation), life safety (vital interests is an Art. 6 basis
		# for processing, not an Art. 17(3) exception), CalECPA.
		"exceptions": {
			"citation": "GDPR Art. 17(3)(a)–(e)",
			"bases": {
				"free_speech": {"citation": "GDPR Art. 17(3)(a)"},
				"legal_obligation": {"citation": "GDPR Art. 17(3)(b)"},
				"public_health": {
					"citation": "GDPR Art. 17(3)(c)",
					"condition": "public-health reasons under GDPR Art. 9(2)(h), (i) and 9(3)",
				},
				"research_public_interest": {
					"citation": "GDPR Art. 17(3)(d)",
					"condition": "archiving in the public interest, scientific or historical research or statistics under GDPR Art. 89(1), in so far as erasure would render impossible or seriously impair its objectives",
				},
				"legal_claims": {"citation": "GDPR Art. 17(3)(e)"},
			},
		},
		# A legal hold keeps an item under the law's legal-obligation and
		# legal-claims exceptions (D3), the subsections of exceptions together.
		"legal_hold": {"citation": "GDPR Art. 17(3)(b), (e)"},
		# Erasure is owed only where one of Art. 17(1)(a)–(f) holds (dsrkit reading
		# D10; FACTS EU-7: grounds CONFIRMED-S, wording MEMORY). For each item
		# the policy finds (items.finding) whether a ground holds ("ground":
		# erasure is owed unless an exception keeps the item), none holds
		# ("none": the law does not require erasure while that lasts), or the
		# item rests on a basis the request objects to ("objection": Art. 21(1),
		# kept only when the overriding legitimate grounds were assessed and
		# documented, else Legal decides). A stated fact overrides the defaults:
		# data[].still_necessary false is ground (a); data[].lawful_basis is the
		# Art. 6(1) basis.
		"grounds": {
			"no_longer_necessary": {
				"effect": "ground",
				"citation": "GDPR Art. 17(1)(a)",
				"text": "the item is no longer necessary for the purposes it was collected or processed for",
			},
			# An item of a direct-marketing system, with no stated lawful basis: the
			# objection to direct marketing is absolute (Art. 21(2)–(3)).
			"direct_marketing": {
				"effect": "ground",
				"system_types": {"marketing"},
				"citation": "GDPR Art. 17(1)(c); Art. 21(2)–(3)",
				"text": "the item is used for direct marketing, to which the data subject may object at any time",
			},
			"lawful_basis": {
				"consent": {
					"effect": "ground",
					"citation": "GDPR Art. 17(1)(b); Art. 7(3)",
					"text": "the item is processed on consent alone, which the request withdraws",
				},
				"contract": {
					"effect": "none",
					"citation": "GDPR Art. 17(1)(a)–(b); Art. 6(1)(b)",
					"text": "the item is still needed to perform a contract with the data subject",
				},
				"legal_obligation": {
					"effect": "none",
					"citation": "GDPR Art. 17(1)(a)–(b); Art. 6(1)(c)",
					"text": "the item is still needed to comply with a legal obligation",
				},
				"vital_interests": {
					"effect": "none",
					"citation": "GDPR Art. 17(1)(a)–(b); Art. 6(1)(d)",
					"text": "the item is still needed to protect someone's vital interests",
				},
				"public_task": {
					"effect": "objection",
					"citation": "GDPR Art. 17(1)(c); Art. 21(1); Art. 6(1)(e)",
					"assessed_citation": "GDPR Art. 17(1)(c); Art. 21(1)",
					"text": "the item is processed for a task in the public interest or in the exercise of official authority, and the request objects to it",
				},
				"legitimate_interests": {
					"effect": "objection",
					"citation": "GDPR Art. 17(1)(c); Art. 21(1); Art. 6(1)(f)",
					"assessed_citation": "GDPR Art. 17(1)(c); Art. 21(1)",
					"text": "the item is processed on legitimate interests (fraud prevention and network security are such interests: Recitals 47, 49), and the request objects to it",
				},
			},
			# The lawful basis a current claim implies when none is stated.
			"implied_by_claim": {
				"complete_transaction": "contract",
				"warranty_or_recall": "contract",
				"security_integrity": "legitimate_interests",
			},
			# No stated fact and no claim that shows otherwise: the request is taken
			# as an objection or a withdrawal of consent, and a ground holds.
			"default": {
				"effect": "ground",
				"citation": "GDPR Art. 17(1)",
				"text": "nothing shows that the item is still needed for a contract with the data subject or rests on overriding legitimate grounds, so a ground of Art. 17(1) is taken to hold",
			},
		},
	},
	# The verification standard of a request to delete (dsrkit reading § 4):
	# reasonable doubts about identity (Art. 12(6)).
	"verification": {"ordinary": "reasonable", "sensitive": "reasonable", "citation": "GDPR Art. 12(6)"},
	"opt_out": {
		# Stop without undue delay after an objection to direct marketing or
		# a withdrawal of consent (Art. 21(3), 7(3)): no fixed date; the
		# month of Art. 12(3) is the outer bound for telling the data
		# subject what was done (dsrkit reading § 2, opt-out row).
		"comply": {
			"unit": "as_soon_as_feasible",
			"text": "without undue delay",
			"outer_bound": {"n": 1, "unit": "months"},
			"citation": "GDPR Art. 21(3); Art. 7(3); Art. 12(3); Reg. 1182/71 Art. 3",
		},
		# The controller may ask for more information only on reasonable
		# doubts about identity (FACTS EU-6); no fraud-denial rule.
		"verification": {"citation": "GDPR Art. 12(2), (6); Art. 11(2)"},
		"after_opt_out": {"citation": "GDPR Art. 21(3)"},
		# A universal opt-out signal may be an objection by automated means
		# using technical specifications (Art. 21(5)); whether GPC is one is
		# contested: honoured, never late, as an objection to direct
		# marketing and sale, for counsel's review (dsrkit reading O2).
		"signal": {
			"citation": "GDPR Art. 21(5); Art. 21(2)–(3)",
			"contested": "whether a browser signal such as Global Privacy Control is an objection by automated means under Art. 21(5) is contested; dsrkit reading O2 honours it as an objection to direct marketing and sale, for counsel's review",
		},
	},
	"consent": {"citation": "GDPR Art. 4(11); Art. 7"},
}
