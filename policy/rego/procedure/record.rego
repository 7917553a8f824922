package dsrkit.procedure

import data.dsrkit.applicability

# response_date is when the business responded, else when it must.
response_date := day(events.responded_at)

response_date := respond_by if not events.responded_at

# record: how long the record of the request and response is kept — the
# longest of each applicable law's minimum and the playbook's period —
# without personal information beyond an anonymised identifier.
record_periods contains {"n": p.n, "unit": p.unit, "citation": p.citation} if {
	some id in applicability.applies
	p := applicability.laws[id].delete.record
}

record_periods contains object.union(settings.record_retention, {"citation": "playbook: record retention"})

record := {
	"retain_until": max({dsrkit.add_months(response_date, p.n) | some p in record_periods; p.unit == "months"}),
	"citation": concat("; ", sort({p.citation | some p in record_periods})),
} if respond_by
