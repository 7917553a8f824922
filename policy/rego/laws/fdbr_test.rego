package dsrkit.laws.fdbr_test

import data.dsrkit.applicability
import data.dsrkit.laws.fdbr

base := {"annual_revenue_usd": 1000000001, "revenue_share_from_online_ads": 0, "operates_smart_speaker_service": false, "app_store_applications": 0}

big := object.union(base, {"revenue_share_from_online_ads": 0.5})

req(on, business) := {"received_at": on, "consumer": {"residence": "US-FL"}, "business": business}

applies(inp) if "FDBR" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.FDBR} with input as inp
}

test_data if {
	fdbr.law.id == "FDBR"
	fdbr.billion == 1000000000
	fdbr.law.calendar == "US"
	fdbr.law.delete.respond == {"n": 45, "unit": "days", "citation": "Fla. Stat. § 501.706"}
	fdbr.law.delete.extended == {"n": 60, "unit": "days", "citation": "Fla. Stat. § 501.706"}
	fdbr.law.delete.appeal.n == 45
	object.keys(fdbr.law.opt_out) == {"comply", "verification"}
	[[r.rule, r.scope] | some r in fdbr.law.sensitive_data] == [["consent", ["sale"]]]
	count(fdbr.law.unverified) == 8
}

test_in_force_from_2024_07_01 if {
	codes(req("2024-06-30", big)) == {"not_in_force"}
	applies(req("2024-07-01", big))
}

test_revenue_over_one_billion if {
	codes(req("2026-03-02", object.union(big, {"annual_revenue_usd": 1000000000}))) == {"below_threshold"}
	applies(req("2026-03-02", object.union(big, {"annual_revenue_usd": 1000000001})))
}

test_half_of_revenue_from_online_ads if {
	applies(req("2026-03-02", object.union(base, {"revenue_share_from_online_ads": 0.5})))
	codes(req("2026-03-02", object.union(base, {"revenue_share_from_online_ads": 0.49}))) == {"below_threshold"}
}

test_smart_speaker_service if {
	applies(req("2026-03-02", object.union(base, {"operates_smart_speaker_service": true})))
}

test_app_store_with_250000_applications if {
	applies(req("2026-03-02", object.union(base, {"app_store_applications": 250000})))
	codes(req("2026-03-02", object.union(base, {"app_store_applications": 249999}))) == {"below_threshold"}
}

test_a_business_model_not_given_is_assumed if {
	codes(req("2026-03-02", {"annual_revenue_usd": 2000000000})) == {"applies", "threshold_unknown"}
	codes(req("2026-03-02", {"annual_revenue_usd": 5000000})) == {"below_threshold"}
}

test_entity_exemptions if {
	every e in ["government", "glba_financial_institution", "hipaa_covered_entity", "nonprofit", "higher_education"] {
		codes(req("2026-03-02", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
	}
}

test_consumers_in_an_individual_context_only if {
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		codes(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}})) == {"not_a_consumer"}
	}
}

test_floridians_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-GA"}})) == {"not_resident"}
}
