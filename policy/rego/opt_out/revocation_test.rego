package dsrkit.opt_out_revocation_test

import data.dsrkit.opt_out

# A web-form opt-out received on 2026-03-02 from a resident of residence,
# of a business every state law reaches; revoking a consent when revokes.
req(residence, revokes) := {
	"kind": "opt_out",
	"received_at": "2026-03-02",
	"signal": "web_form",
	"consumer": {"residence": residence},
	"business": {"consumers_per_year": 150000, "revenue_share_from_sale": 0},
	"revokes_consent": revokes,
}

comply_reasons(inp) := [r | some r in d.reasons; r.code == "comply_by"] if {
	d := opt_out.decision with input as inp
}

# New Jersey is the example (a legal editor's walkthrough replaces Oregon's
# shipped law file with a draft, and these tests must not depend on it).
test_new_jersey_a_revoked_consent_stops_within_15_days if {
	d := opt_out.decision with input as req("US-NJ", true)
	d.outcome == "comply"
	d.comply_by == "2026-03-17"
	[{"name": s.name, "date": s.date, "computation": s.computation, "citation": s.citation} | some s in d.timeline] == [{"name": "comply_by", "date": "2026-03-17", "computation": "2026-03-02 + 15 calendar days", "citation": "N.J.S.A. 56:8-166.12(a)(6)"}]
	comply_reasons(req("US-NJ", true)) == [{
		"code": "comply_by",
		"law": "NJDPA",
		"citation": "N.J.S.A. 56:8-166.12(a)(6)",
		"message": "stop the processing the revoked consent covered (sale, sharing, targeted_advertising) as soon as practicable and by 2026-03-17 (2026-03-02 + 15 calendar days)",
		"rule": "data.dsrkit.opt_out.reasons",
	}]
}

test_new_jersey_an_opt_out_that_revokes_nothing_keeps_45_days if {
	d := opt_out.decision with input as req("US-NJ", false)
	d.comply_by == "2026-04-16"
	[r.message | some r in comply_reasons(req("US-NJ", false))] == ["stop selling or sharing (sale, sharing, targeted_advertising) going forward by 2026-04-16 (2026-03-02 + 45 calendar days)"]
}

test_minnesota_rhode_island_15_days if {
	every residence, want in {"US-MN": "Minn. Stat. § 325M.16, subd. 2(e)", "US-RI": "R.I. Gen. Laws § 6-48.1-4(e)"} {
		d := opt_out.decision with input as req(residence, true)
		d.comply_by == "2026-03-17"
		[s.citation | some s in d.timeline] == [want]
	}
}

test_a_law_without_a_revocation_period_keeps_its_opt_out_period if {
	d := opt_out.decision with input as req("US-VA", true)
	d.comply_by == "2026-04-16"
	[r.citation | some r in comply_reasons(req("US-VA", true))] == ["Va. Code § 59.1-577(A)(5), (B)(1)"]
}
