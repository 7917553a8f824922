package dsrkit.opt_out_residence_test

import data.dsrkit.opt_out

# A Global Privacy Control signal received on day from a resident of
# residence, of a business the state's law reaches, with consumer fields.
gpc(residence, day, consumer) := {
	"kind": "opt_out",
	"received_at": day,
	"signal": "gpc",
	"consumer": object.union({"residence": residence}, consumer),
	"business": {"consumers_per_year": 150000, "revenue_share_from_sale": 0, "sba_small_business": false},
}

unverified := {"residence_verified": false}

test_texas_need_not_honour_a_signal_when_residence_is_not_verified if {
	d := opt_out.decision with input as gpc("US-TX", "2026-03-02", unverified)
	d.outcome == "not_required"
	d.signal_honored == false
	d.comply_by == null
	d.timeline == []
	d.reasons == [{
		"code": "signal_residence_unverified",
		"law": "TDPSA",
		"citation": "Tex. Bus. & Com. Code § 541.055(f)(2)",
		"message": "TDPSA does not require honouring a universal opt-out signal from a consumer whose residence in the state the business cannot verify (consumer.residence_verified is false); the business may still honour it",
		"rule": "data.dsrkit.opt_out.reasons",
	}]
}

test_nebraska_likewise if {
	d := opt_out.decision with input as gpc("US-NE", "2026-03-02", unverified)
	d.outcome == "not_required"
	[[r.code, r.citation] | some r in d.reasons] == [["signal_residence_unverified", "Neb. Rev. Stat. § 87-1111"]]
}

test_texas_verified_or_not_said_the_signal_is_honoured if {
	every consumer in [{"residence_verified": true}, {}] {
		d := opt_out.decision with input as gpc("US-TX", "2026-03-02", consumer)
		d.outcome == "comply"
		d.signal_honored == true
		d.comply_by == "2026-04-16"
		"signal_honored" in {r.code | some r in d.reasons}
		not "signal_residence_unverified" in {r.code | some r in d.reasons}
	}
}

test_before_the_signal_date_the_usual_reason if {
	d := opt_out.decision with input as gpc("US-TX", "2024-12-31", unverified)
	d.outcome == "not_required"
	[r.code | some r in d.reasons] == ["signal_not_required"]
}

test_a_law_without_a_residence_check_honours_the_signal if {
	d := opt_out.decision with input as gpc("US-NJ", "2026-03-02", unverified)
	d.outcome == "comply"
	d.signal_honored == true
}

test_a_web_form_is_no_signal if {
	d := opt_out.decision with input as object.union(gpc("US-TX", "2026-03-02", unverified), {"signal": "web_form"})
	d.outcome == "comply"
	d.comply_by == "2026-04-16"
	not "signal_residence_unverified" in {r.code | some r in d.reasons}
}
