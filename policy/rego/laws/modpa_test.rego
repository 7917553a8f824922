package dsrkit.laws.modpa_test

import data.dsrkit.applicability
import data.dsrkit.laws.modpa

big := {"consumers_per_year": 35000, "revenue_share_from_sale": 0}

req(on, business) := {"received_at": on, "consumer": {"residence": "US-MD"}, "business": business}

applies(inp) if "MODPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.MODPA} with input as inp
}

test_data if {
	modpa.law.id == "MODPA"
	modpa.law.in_force.from == "2025-10-01"
	modpa.law.calendar == "US"
	modpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "Md. Code, Com. Law § 14-4705(e)"}
	modpa.law.delete.extended.n == 90
	modpa.law.delete.appeal.n == 45
	modpa.law.delete.appeal.unit == "days"
	modpa.law.delete.appeal.authority.name == "the Maryland Attorney General, Consumer Protection Division"
	modpa.law.delete.scope.citation == "Md. Code, Com. Law § 14-4705(b)(4)"
	object.keys(modpa.law.delete) == {"respond", "extended", "extension_notice", "denial", "confirmed", "appeal", "scope", "duty"}
	modpa.law.opt_out.comply == {"n": 45, "unit": "days", "citation": "Md. Code, Com. Law § 14-4705(e)"}
	modpa.law.opt_out.signal.from == "2025-10-01"
	startswith(modpa.law.opt_out.signal.contested, "the enacted text lists an opt-out preference signal")
	object.keys(modpa.law.opt_out) == {"comply", "verification", "signal"}
	modpa.law.consent.citation == "Md. Code, Com. Law § 14-4701 (\"consent\")"
	{p.pointer | some p in modpa.law.unverified} == {
		"/delete/respond", "/delete/extended", "/delete/appeal", "/opt_out/comply", "/opt_out/signal",
		"/delete/exceptions", "/delete/third_party_data", "/sensitive_data",
	}
}

test_minors_under_18_never_sold_or_targeted if {
	modpa.law.minors == [{
		"from": "2025-10-01",
		"under_age": 18,
		"rule": "prohibited",
		"scope": ["sale", "targeted_advertising"],
		"knowledge": "knew_or_should_have_known",
		"citation": "Md. Code, Com. Law § 14-4707(a)(4)–(5)",
	}]
}

test_sensitive_data_never_sold if {
	{[r.rule, r.scope[_], r.from, r.citation] | some r in modpa.law.sensitive_data} == {
		["prohibited", "sale", "2025-10-01", "Md. Code, Com. Law § 14-4707(a)(2)"],
		["strictly_necessary", "processing", "2025-10-01", "Md. Code, Com. Law § 14-4707(a)(1)"],
	}
}

test_in_force_from_2025_10_01 if {
	codes(req("2025-09-30", big)) == {"not_in_force"}
	applies(req("2025-10-01", big))
}

test_35000_consumers if {
	applies(req("2026-03-02", {"consumers_per_year": 35000, "revenue_share_from_sale": 0}))
	codes(req("2026-03-02", {"consumers_per_year": 34999, "revenue_share_from_sale": 0})) == {"below_threshold"}
}

test_10000_consumers_and_over_a_fifth_of_revenue_from_sale if {
	applies(req("2026-03-02", {"consumers_per_year": 10000, "revenue_share_from_sale": 0.21}))
	not applies(req("2026-03-02", {"consumers_per_year": 10000, "revenue_share_from_sale": 0.2}))
	not applies(req("2026-03-02", {"consumers_per_year": 9999, "revenue_share_from_sale": 0.21}))
}

test_entity_exemptions_government_and_glba_only if {
	every e in ["government", "glba_financial_institution"] {
		codes(req("2026-03-02", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
	}
	every e in ["nonprofit", "higher_education", "hipaa_covered_entity"] {
		applies(req("2026-03-02", object.union(big, {"exemptions": [e]})))
	}
}

test_consumers_in_an_individual_context_only if {
	every r in ["customer", "other"] {
		applies(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}}))
	}
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		codes(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}})) == {"not_a_consumer"}
	}
}

test_marylanders_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-VA"}})) == {"not_resident"}
}
