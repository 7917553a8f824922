package dsrkit.applicability_test

import data.dsrkit.applicability

ca := {"received_at": "2026-03-02", "consumer": {"residence": "US-CA"}, "business": {}}

test_california_resident_under_ccpa if {
	"CCPA" in applicability.applies with input as ca
	some r in applicability.reasons.CCPA with input as ca
	r.code == "applies"
	r.law == "CCPA"
	r.rule == "data.dsrkit.applicability.reasons"
}

test_new_york_resident_not_under_ccpa if {
	inp := object.union(ca, {"consumer": {"residence": "US-NY"}})
	not "CCPA" in applicability.applies with input as inp
	some r in applicability.reasons.CCPA with input as inp
	r.code == "not_resident"
	r.message == "CCPA protects residents of US-CA; the consumer's residence is US-NY"
}

test_ccpa_effective_date_boundary if {
	not "CCPA" in applicability.applies with input as object.union(ca, {"received_at": "2019-12-31"})
	some r in applicability.reasons.CCPA with input as object.union(ca, {"received_at": "2019-12-31"})
	r.code == "not_in_force"
	"CCPA" in applicability.applies with input as object.union(ca, {"received_at": "2020-01-01"})
}

test_results_list_every_law_considered if {
	results := applicability.results with input as object.union(ca, {"consumer": {"residence": "DE"}})
	some r in results
	r.law == "CCPA"
	r.applies == false
	r.citation == "Cal. Civ. Code § 1798.100 et seq."
	count(r.reasons) == 1
}
