package dsrkit.delete_test

import data.dsrkit.delete
import data.dsrkit.laws.incdpa

indiana(prior) := {
	"kind": "delete",
	"received_at": "2026-03-02",
	"consumer": {"residence": "US-IN", "prior_requests_12_months": prior},
	"business": {"consumers_per_year": 100000, "revenue_share_from_sale": 0},
}

kentucky(prior) := object.union(indiana(prior), {"consumer": {"residence": "US-KY"}})

fee_reasons(inp) := {r |
	some r in reasons_of(inp)
	r.code in {"free_request", "fee_allowed"}
}

reasons_of(inp) := rs if {
	rs := delete.decision.reasons with input as inp
}

test_indiana_first_request_in_a_year_is_free if {
	fee_reasons(indiana(0)) == {{
		"code": "free_request",
		"law": "INCDPA",
		"citation": "IC 24-15-3-1(c)(3)",
		"message": "INCDPA makes 1 request(s) per 12 months free; the consumer made 0 in the 12 months before this one: no fee may be charged",
		"rule": "data.dsrkit.delete.reasons",
	}}
}

test_indiana_second_request_in_a_year_may_carry_a_fee if {
	fee_reasons(indiana(1)) == {{
		"code": "fee_allowed",
		"law": "INCDPA",
		"citation": "IC 24-15-3-1(c)(3)",
		"message": "INCDPA makes 1 request(s) per 12 months free; the consumer made 1 in the 12 months before this one: the business may charge a reasonable fee for this request, and may decline it only if it is manifestly unfounded, excessive or repetitive, bearing the burden of showing so (the law: free up to one time annually per consumer; beyond it a reasonable fee, or a refusal of a manifestly unfounded, excessive or repetitive request, the controller bearing the burden)",
		"rule": "data.dsrkit.delete.reasons",
	}}
}

test_kentucky_two_free_requests if {
	[r.code | some r in fee_reasons(kentucky(1))] == ["free_request"]
	fee_reasons(kentucky(2)) == {{
		"code": "fee_allowed",
		"law": "KCDPA",
		"citation": "KRS 367.3615(3)",
		"message": "KCDPA makes 2 request(s) per 12 months free; the consumer made 2 in the 12 months before this one: the business may charge a reasonable fee for this request, and may decline it only if it is manifestly unfounded, excessive or repetitive, bearing the burden of showing so",
		"rule": "data.dsrkit.delete.reasons",
	}}
}

test_unknown_count_is_free_and_says_nothing if {
	inp := json.remove(indiana(5), ["consumer/prior_requests_12_months"])
	fee_reasons(inp) == set()
}

test_allowance_over_another_period_is_not_read_against_the_consumer if {
	law := json.patch(incdpa.law, [{"op": "replace", "path": "/delete/free_requests/per/n", "value": 24}])
	fee_reasons(indiana(5)) == set() with data.dsrkit.laws.incdpa.law as law
}

test_no_fee_rule_for_a_law_without_an_allowance_or_that_does_not_apply if {
	fee_reasons(object.union(indiana(5), {"consumer": {"residence": "US-VA"}})) == set()
	fee_reasons(object.union(indiana(5), {"business": {"consumers_per_year": 10}})) == set()
}

test_the_outcome_does_not_change_with_the_fee if {
	d0 := delete.decision with input as indiana(0)
	d1 := delete.decision with input as indiana(1)
	d0.outcome == d1.outcome
	d0.deadlines == d1.deadlines
}
