package dsrkit.opt_in_minors_test

import data.dsrkit.opt_in

# dsrkit reading O5: a Connecticut consumer aged 17, a business the CTDPA
# reaches, a two-step opt-in on the day given.
ct_minor(day, consumer) := {
	"kind": "opt_in",
	"id": "ct-minor",
	"as_of": sprintf("%sT12:00:00-04:00", [day]),
	"consumer": object.union({"residence": "US-CT"}, consumer),
	"business": {"time_zone": "America/New_York", "consumers_per_year": 150000, "sells_or_shares": true},
	"steps": [
		step("request", sprintf("%sT10:00:00-04:00", [day]), "form-1", "consumer"),
		step("confirmation", sprintf("%sT10:20:00-04:00", [day]), "email-link-1", "consumer"),
	],
}

step(type, at, action, actor) := {
	"type": type, "at": at, "channel": "web", "action_id": action, "subject_id": "c-1",
	"actor": actor, "affirmative": true, "prechecked": false, "bundled": false,
}

ban := {
	"code": "minor_sale_prohibited",
	"law": "CTDPA",
	"message": "CTDPA: from 2026-07-01, no sale or targeted advertising of the data of a consumer the business knows or wilfully disregards is under 18, even with consent; the consumer is 17 on 2026-08-01: no opt-in authorises the sale",
	"citation": "Conn. Gen. Stat. § 42-529a, as amended by P.A. 25-113",
	"rule": "data.dsrkit.consent.minor_ban_reason",
}

test_a_known_minor_of_17_cannot_opt_in_to_sale_in_connecticut_from_2026_07_01 if {
	d := opt_in.decision with input as ct_minor("2026-08-01", {"age": 17})
	d.outcome == "invalid"
	d.valid == false
	d.reasons == [ban]
}

test_before_2026_07_01_the_minor_s_own_consent_is_needed if {
	d := opt_in.decision with input as ct_minor("2026-06-30", {"age": 17})
	d.outcome == "valid"
	[r] := [r | some r in d.reasons; r.code == "minor_consent_required"]
	r == {
		"code": "minor_consent_required",
		"law": "CTDPA",
		"message": "CTDPA: from 2024-10-01, sale or targeted advertising of the data of a consumer the business knows or wilfully disregards is under 18 needs the minor's own consent; the consumer is 17 on 2026-06-30",
		"citation": "Conn. Gen. Stat. § 42-529a, as added by P.A. 23-56",
		"rule": "data.dsrkit.consent.minor_consent_reason",
	}
}

test_before_2024_10_01_no_minors_rule_of_connecticut if {
	d := opt_in.decision with input as ct_minor("2024-09-30", {"age": 17})
	d.valid
	[r.code | some r in d.reasons] == ["two_step_complete"]
}

test_the_ban_ends_at_18 if {
	# Born 1 August 2008: 18 on 1 August 2026.
	d := opt_in.decision with input as ct_minor("2026-08-01", {"birth_date": "2008-08-01"})
	d.valid
	d2 := opt_in.decision with input as ct_minor("2026-08-01", {"birth_date": "2008-08-02"})
	d2.outcome == "invalid"
	[r.code | some r in d2.reasons] == ["minor_sale_prohibited"]
}

test_an_unknown_age_is_no_known_minor if {
	d := opt_in.decision with input as ct_minor("2026-08-01", {})
	d.valid
}

test_an_opt_in_given_before_the_ban_is_judged_again_on_the_decision_day if {
	inp := object.union(ct_minor("2026-06-30", {"age": 17}), {"as_of": "2026-08-01T12:00:00-04:00"})
	d := opt_in.decision with input as inp
	d.outcome == "invalid"
	[r] := d.reasons
	r.code == "minor_sale_prohibited"
	endswith(r.message, "the consumer is 17 on 2026-08-01: no opt-in authorises the sale")
}

test_a_ban_is_reported_without_a_request_step if {
	inp := object.union(ct_minor("2026-08-01", {"age": 17}), {"steps": [step("confirmation", "2026-08-01T10:20:00-04:00", "e-1", "consumer")]})
	d := opt_in.decision with input as inp
	{r.code | some r in d.reasons} == {"missing_request", "minor_sale_prohibited"}
}

test_the_ccpa_names_whose_consent_a_minor_s_opt_in_needs if {
	ca := object.union(ct_minor("2026-05-01", {"age": 14}), {"consumer": {"residence": "US-CA"}, "business": {"time_zone": "America/Los_Angeles", "annual_revenue_usd": 30000000}})
	d := opt_in.decision with input as ca
	d.valid
	[r.message | some r in d.reasons; r.code == "minor_consent_required"] == ["CCPA: from 2020-01-01, sale or sharing of the data of a consumer the business knows or wilfully disregards is aged 13 to 15 needs the minor's own consent; the consumer is 14 on 2026-05-01"]
	kid := object.union(ca, {"consumer": {"age": 12}, "steps": [step("request", "2026-05-01T10:00:00-07:00", "f", "parent_guardian"), step("confirmation", "2026-05-01T10:20:00-07:00", "e", "parent_guardian")]})
	k := opt_in.decision with input as kid
	k.valid
	[r.message | some r in k.reasons; r.code == "minor_consent_required"] == ["CCPA: from 2020-01-01, sale or sharing of the data of a consumer the business knows or wilfully disregards is under 13 needs the consent of a parent or guardian; the consumer is 12 on 2026-05-01"]
}
