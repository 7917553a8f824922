package dsrkit.laws.gdpr_test

import data.dsrkit.applicability
import data.dsrkit.laws.gdpr

targets := {"targets_eu": true, "eu_establishment": false}

req(on, residence, business) := {"received_at": on, "consumer": {"residence": residence}, "business": business}

applies(inp) if "GDPR" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.GDPR} with input as inp
}

test_data if {
	gdpr.law.id == "GDPR"
	gdpr.law.in_force.from == "2018-05-25"
	count(gdpr.eea) == 30
	{"IS", "LI", "NO"} & gdpr.eea == {"IS", "LI", "NO"}
	not "thresholds" in object.keys(gdpr.law)
	not "exempt_entities" in object.keys(gdpr.law)
	gdpr.law.calendar == "weekends"
	gdpr.law.calendar_from == "eu_member_state"
	gdpr.law.delete.respond.unit == "months"
	gdpr.law.delete.respond.n == 1
	gdpr.law.delete.extended.n == 3
	object.keys(gdpr.law.delete) == {"respond", "extended", "extension_notice", "denial", "confirmed", "complaint", "scope", "duty", "exceptions", "legal_hold", "grounds"}
	gdpr.law.delete.denial.citation == "GDPR Art. 12(4)"
	gdpr.law.delete.confirmed.citation == "GDPR Art. 12(3)"
	gdpr.law.delete.complaint.citation == "GDPR Art. 12(4); Art. 77; Art. 79"
	not "fraud" in object.keys(gdpr.law.opt_out)
	gdpr.law.opt_out.after_opt_out.citation == "GDPR Art. 21(3)"
}

test_applies_from_2018_05_25 if {
	codes(req("2018-05-24", "DE", targets)) == {"not_in_force"}
	applies(req("2018-05-25", "DE", targets))
}

test_every_member_state_and_the_eea_when_targeted if {
	every residence in gdpr.eea {
		applies(req("2026-03-02", residence, targets))
	}
}

test_not_targeted_and_no_establishment if {
	inp := req("2026-03-02", "FR", {"targets_eu": false, "eu_establishment": false})
	codes(inp) == {"not_resident"}
	some r in applicability.reasons.GDPR with input as inp
	r.message == "GDPR covers (residence in the EU/EEA and business.targets_eu == true) or business.eu_establishment == true; the consumer's residence is FR; the business: eu_establishment false, targets_eu false"
	r.citation == "GDPR Art. 3"
}

test_an_eu_establishment_covers_anyone if {
	every residence in ["DE", "US-CA", "US-NY", "CH", "GB"] {
		applies(req("2026-03-02", residence, {"eu_establishment": true}))
	}
}

test_targeting_alone_does_not_reach_outside_the_union if {
	codes(req("2026-03-02", "CH", targets)) == {"not_resident"}
	codes(req("2026-03-02", "US-CA", targets)) == {"not_resident"}
}

test_unknown_targeting_is_assumed_for_a_resident_of_the_union if {
	inp := req("2026-03-02", "DE", {})
	applies(inp)
	codes(inp) == {"applies", "threshold_unknown"}
	some r in applicability.reasons.GDPR with input as inp
	r.code == "threshold_unknown"
	r.message == "GDPR territorial scope could not be checked: business.eu_establishment == true, business.targets_eu == true (not given); GDPR is assumed to apply (never late)"
	r.citation == "GDPR Art. 3(1); GDPR Art. 3(2)"
	applies(req("2026-03-02", "DE", {"targets_eu": false}))
}

test_an_unknown_establishment_never_carries_the_law_abroad if {
	inp := req("2026-03-02", "US-CA", {})
	codes(inp) == {"not_resident"}
	some r in applicability.reasons.GDPR with input as inp
	r.message == "GDPR covers (residence in the EU/EEA and business.targets_eu == true) or business.eu_establishment == true; the consumer's residence is US-CA; the business: eu_establishment not given, targets_eu not given"
}

test_every_data_subject if {
	every r in ["customer", "employee", "job_applicant", "contractor", "b2b_contact", "other"] {
		applies(object.union(req("2026-03-02", "IE", targets), {"consumer": {"relationship": r}}))
	}
}

test_no_entity_exemptions if {
	applies(req("2026-03-02", "IT", object.union(targets, {"exemptions": ["nonprofit", "government", "higher_education", "glba_financial_institution", "hipaa_covered_entity"]})))
}

test_applies_says_why if {
	some r in applicability.reasons.GDPR with input as req("2026-03-02", "US-CA", {"eu_establishment": true})
	r.message == "GDPR applies on 2026-03-02: in force from 2018-05-25; territory: business.eu_establishment == true; relationship: customer; no thresholds"
	r.citation == "Regulation (EU) 2016/679"
}
