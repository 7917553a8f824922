# METADATA
# title: California — CCPA as amended by the CPRA
# description: Cal. Civ. Code § 1798.100 et seq. and the CCPA Regulations (Cal. Code Regs. tit. 11, § 7000 et seq.).
package dsrkit.laws.ccpa

# METADATA
# title: CCPA/CPRA — the law's data
# description: |
#   Effective date (§ 1798.198; CPRA amendments from 2023-01-01), residence,
#   default business-day calendar (READINGS R4: US federal holidays as
#   observed) and the periods of a request to delete, each with its citation.
# custom:
#   citation: Cal. Civ. Code § 1798.100 et seq.
law := {
	"id": "CCPA",
	"name": "California Consumer Privacy Act, as amended by the California Privacy Rights Act",
	"citation": "Cal. Civ. Code § 1798.100 et seq.",
	"in_force_from": "2020-01-01",
	"residence": {"US-CA"},
	"calendar": "US",
	"delete": {
		"acknowledge": {"n": 10, "unit": "business_days", "citation": "Cal. Code Regs. tit. 11, § 7021(a)"},
		"respond": {"n": 45, "unit": "days", "citation": "Cal. Civ. Code § 1798.130(a)(2)(A); Cal. Code Regs. tit. 11, § 7021(b)"},
		"extended": {"n": 90, "unit": "days", "citation": "Cal. Civ. Code § 1798.130(a)(2)(A); Cal. Code Regs. tit. 11, § 7021(b)"},
		"extension_notice": {"citation": "Cal. Civ. Code § 1798.130(a)(2)(A)"},
	},
}
