package dsrkit.delete_test

import data.dsrkit.delete

ca := {"kind": "delete", "id": "r-1", "received_at": "2026-03-02", "consumer": {"residence": "US-CA"}, "business": {}}

test_ccpa_request_gets_deadlines if {
	d := delete.decision with input as ca
	d.kind == "delete"
	d.request_id == "r-1"
	d.received_on == "2026-03-02"
	d.as_of == "2026-03-02"
	d.deadlines.acknowledge_by == "2026-03-16"
	d.deadlines.respond_by == "2026-04-16"
	d.deadlines.extended_respond_by == "2026-05-31"
	d.deadlines.extension_notice_by == "2026-04-16"
	d.deadlines.calendar == "US"
	d.outcome == "needs_review"
}

test_uncovered_request_is_a_decision if {
	d := delete.decision with input as object.union(ca, {"consumer": {"residence": "US-NY"}})
	d.outcome == "not_covered"
	d.deadlines.respond_by == null
	d.deadlines.by_law == {}
	[r.code | some r in d.reasons] == ["not_covered"]
}

test_calendar_named_is_the_one_used if {
	d := delete.decision with input as object.union(ca, {"business": {"calendar": "US-CA"}})
	d.deadlines.calendar == "US-CA"
}
