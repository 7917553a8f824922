# METADATA
# title: Oregon — OCPA
# description: ORS 646A.570 to 646A.589 (Oregon Consumer Privacy Act).
package dsrkit.laws.ocpa

# METADATA
# title: OCPA — the law's data
# description: |
#   From FACTS § 7 (Oregon's row; nothing else in FACTS is about Oregon).
#   In force from 2024-07-01, for nonprofits from 2025-07-01 (CONFIRMED-S).
#   A request is answered within 45 days (CONFIRMED-S; FACTS gives no
#   subsection), extendable by 45 days (MEMORY: unconfirmed, flagged for
#   counsel as FACTS § 10 item 13 asks); an appeal is answered within 45
#   days, ORS 646A.576(6)(d) (CONFIRMED-P).
#   Not in FACTS, so not encoded until counsel confirms them (each gap is
#   filled the never-late way): the thresholds (none: the law applies to
#   every business); the commercial and employment exclusions from
#   "consumer" (every relationship counts); entity exemptions other than
#   the nonprofits' later start. Business days: US federal holidays
#   (dsrkit reading R4); the law sets no business-day period.
# custom:
#   citation: ORS 646A.570 to 646A.589
law := {
	"id": "OCPA",
	"name": "Oregon Consumer Privacy Act",
	"citation": "ORS 646A.570 to 646A.589",
	# FACTS § 7: 1 Jul 2024, CONFIRMED-S (the session law is not in FACTS).
	"in_force": {"from": "2024-07-01", "citation": "ORS 646A.570 to 646A.589"},
	# FACTS gives no section for the definition of "consumer".
	"territory": {
		"citation": "ORS 646A.570 to 646A.589",
		"any": [{"residence": {"US-OR"}, "citation": "ORS 646A.570 to 646A.589 (\"consumer\": an Oregon resident)"}],
	},
	# Unconfirmed: whether a person acting in a commercial or employment
	# context is a consumer. Until counsel says, everyone is (never late).
	"consumers": {
		"citation": "ORS 646A.570 to 646A.589 (\"consumer\")",
		"any": [{
			"relationship": {"customer", "other", "employee", "job_applicant", "contractor", "b2b_contact"},
			"citation": "ORS 646A.570 to 646A.589 (\"consumer\")",
		}],
	},
	# FACTS § 7: nonprofits from 1 Jul 2025, CONFIRMED-S.
	"exempt_entities": {
		"citation": "ORS 646A.570 to 646A.589",
		"any": [{
			"exemption": "nonprofit",
			"until": "2025-07-01",
			"citation": "ORS 646A.570 to 646A.589 (nonprofits covered from 2025-07-01)",
		}],
	},
	"calendar": "US",
	"delete": {
		# FACTS § 7: 45 days, CONFIRMED-S; the subsection is not in FACTS, so
		# the section of the appeal provision is cited.
		"respond": {"n": 45, "unit": "days", "citation": "ORS 646A.576"},
		# FACTS § 7: "45 + 45", the extension MEMORY (unconfirmed): 90 days
		# from receipt (dsrkit reading R7), notice within the first 45.
		"extended": {"n": 90, "unit": "days", "citation": "ORS 646A.576"},
		"extension_notice": {"citation": "ORS 646A.576"},
		# FACTS § 7: CONFIRMED-P (S5 Dp.364).
		"appeal": {"n": 45, "unit": "days", "citation": "ORS 646A.576(6)(d)"},
		# FACTS-STATES OR-9, CONFIRMED-P: data the consumer provided, data
		# obtained from another source and derived data (every source).
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data about the consumer, including data the consumer provided, data obtained from another source and derived data",
			"citation": "ORS 646A.574(1)(c)",
		},
		"duty": {"citation": "ORS 646A.574(1)(c)"},
		# No "exceptions" yet: the letter-by-letter list of ORS 646A.572(3)
		# is not retrieved (OR-15, MEMORY), so a claimed exception goes to
		# Legal until counsel maps each basis to its subsection.
	},
	# FACTS-STATES OR-13, CONFIRMED-P: commercially reasonable methods.
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "ORS 646A.576(5)(d)"},
}
