package dsrkit.laws.ctdpa_test

import data.dsrkit.applicability
import data.dsrkit.laws.ctdpa

# below every threshold, before and after P.A. 25-113.
small := {"consumers_per_year": 0, "revenue_share_from_sale": 0, "processes_sensitive_data": false, "sells_or_shares": false}

big := object.union(small, {"consumers_per_year": 100000})

req(on, business) := {"received_at": on, "consumer": {"residence": "US-CT"}, "business": business}

with_figures(figures) := object.union(small, figures)

applies(inp) if "CTDPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.CTDPA} with input as inp
}

test_data if {
	ctdpa.law.id == "CTDPA"
	ctdpa.law.in_force.from == "2023-07-01"
	ctdpa.pa_25_113 == "2026-07-01"
	ctdpa.law.calendar == "US"
	ctdpa.law.delete.respond == {"n": 45, "unit": "days", "citation": "Conn. Gen. Stat. § 42-518(c)(1)"}
	ctdpa.law.delete.extended.n == 90
	ctdpa.law.delete.confirmed.citation == "Conn. Gen. Stat. § 42-518(c)(1)"
	ctdpa.law.opt_out.signal == {"from": "2025-01-01", "citation": "Conn. Gen. Stat. § 42-520(e)(1)(A)(ii)"}
	ctdpa.law.opt_out.verification == {"not_required": true, "citation": "Conn. Gen. Stat. § 42-518(c)(4)"}
	ctdpa.law.opt_out.fraud.citation == "Conn. Gen. Stat. § 42-518(c)(4)"
	ctdpa.law.opt_out.after_opt_out.citation == "Conn. Gen. Stat. § 42-518(a)(5)"
	ctdpa.law.consent.citation == "Conn. Gen. Stat. § 42-515 (\"consent\")"
}

test_in_force_from_2023_07_01 if {
	codes(req("2023-06-30", big)) == {"not_in_force"}
	applies(req("2023-07-01", big))
}

test_100000_consumers_until_june_2026 if {
	applies(req("2026-06-30", with_figures({"consumers_per_year": 100000})))
	not applies(req("2026-06-30", with_figures({"consumers_per_year": 99999})))
}

test_25000_consumers_and_over_a_quarter_of_revenue_until_june_2026 if {
	applies(req("2026-06-30", with_figures({"consumers_per_year": 25000, "revenue_share_from_sale": 0.26})))
	not applies(req("2026-06-30", with_figures({"consumers_per_year": 25000, "revenue_share_from_sale": 0.25})))
	not applies(req("2026-06-30", with_figures({"consumers_per_year": 24999, "revenue_share_from_sale": 0.26})))
	not applies(req("2026-07-01", with_figures({"consumers_per_year": 25000, "revenue_share_from_sale": 0.26})))
}

test_35000_consumers_from_july_2026 if {
	not applies(req("2026-06-30", with_figures({"consumers_per_year": 35000})))
	applies(req("2026-07-01", with_figures({"consumers_per_year": 35000})))
	not applies(req("2026-07-01", with_figures({"consumers_per_year": 34999})))
}

test_sensitive_data_from_july_2026 if {
	not applies(req("2026-06-30", with_figures({"processes_sensitive_data": true})))
	applies(req("2026-07-01", with_figures({"processes_sensitive_data": true})))
}

test_offering_data_for_sale_from_july_2026 if {
	not applies(req("2026-06-30", with_figures({"sells_or_shares": true})))
	applies(req("2026-07-01", with_figures({"sells_or_shares": true})))
}

test_below_threshold_after_july_2026_names_the_new_thresholds if {
	some r in applicability.reasons.CTDPA with input as req("2026-07-01", small)
	r.code == "below_threshold"
	r.message == "CTDPA applies on 2026-07-01 to a business meeting any of: business.consumers_per_year >= 35000 or business.processes_sensitive_data == true or business.sells_or_shares == true; the business: consumers_per_year 0, processes_sensitive_data false, sells_or_shares false"
}

test_unknown_sensitive_data_is_assumed if {
	codes(req("2026-07-01", object.remove(small, ["processes_sensitive_data"]))) == {"applies", "threshold_unknown"}
}

test_entity_exemptions if {
	every e in ["government", "nonprofit", "higher_education", "hipaa_covered_entity"] {
		codes(req("2026-03-02", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
		codes(req("2026-07-01", object.union(big, {"exemptions": [e]}))) == {"exempt_entity"}
	}
}

test_glba_entity_exemption_ends_july_2026 if {
	inp := req("2026-06-30", object.union(big, {"exemptions": ["glba_financial_institution"]}))
	codes(inp) == {"exempt_entity"}
	some r in applicability.reasons.CTDPA with input as inp
	r.message == "CTDPA does not apply to a business that is glba_financial_institution (until 2026-07-01)"
	applies(req("2026-07-01", object.union(big, {"exemptions": ["glba_financial_institution"]})))
}

test_consumers_in_an_individual_context_only if {
	every r in ["customer", "other"] {
		applies(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}}))
	}
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		codes(object.union(req("2026-03-02", big), {"consumer": {"relationship": r}})) == {"not_a_consumer"}
	}
}

test_connecticut_residents_only if {
	codes(object.union(req("2026-03-02", big), {"consumer": {"residence": "US-NY"}})) == {"not_resident"}
}

test_sale_of_sensitive_data_needs_consent_from_july_2026 if {
	ctdpa.law.sensitive_data == [{
		"from": "2026-07-01",
		"rule": "consent",
		"scope": ["sale"],
		"citation": "Conn. Gen. Stat. § 42-520, as amended by P.A. 25-113",
	}]
	{p.pointer | some p in ctdpa.law.unverified} == {"/thresholds", "/exempt_entities", "/delete", "/sensitive_data"}
}
