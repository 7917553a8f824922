package dsrkit.opt_in_sensitive_test

import data.dsrkit.opt_in

# An adult's two-step opt-in on day (requested on requested, default day)
# under the law of residence, to the sale of sensitive data when sensitive.
optin(residence, requested, day, sensitive) := {
	"kind": "opt_in",
	"as_of": sprintf("%sT12:00:00-05:00", [day]),
	"consumer": {"residence": residence},
	"business": {"time_zone": "America/New_York", "consumers_per_year": 150000, "sells_or_shares": true},
	"sensitive_data": sensitive,
	"steps": [
		step("request", sprintf("%sT10:00:00-05:00", [requested]), "form-1"),
		step("confirmation", sprintf("%sT10:20:00-05:00", [day]), "email-link-1"),
	],
}

step(type, at, action) := {
	"type": type, "at": at, "channel": "web", "action_id": action, "subject_id": "c-1",
	"actor": "consumer", "affirmative": true, "prechecked": false, "bundled": false,
}

md_ban(on) := {
	"code": "sensitive_sale_prohibited",
	"law": "MODPA",
	"message": sprintf("MODPA: from 2025-10-01, sensitive data may not be sold, even with the consumer's consent; on %s the opt-in is to the sale of sensitive data: no opt-in authorises the sale", [on]),
	"citation": "Md. Code, Com. Law § 14-4707(a)(2)",
	"rule": "data.dsrkit.consent.sensitive_ban_reason",
}

test_maryland_never_lets_sensitive_data_be_sold if {
	d := opt_in.decision with input as optin("US-MD", "2026-03-02", "2026-03-02", true)
	d.outcome == "invalid"
	d.valid == false
	d.reasons == [md_ban("2026-03-02")]
}

test_maryland_an_opt_in_to_the_sale_of_other_data_stays_valid if {
	d := opt_in.decision with input as optin("US-MD", "2026-03-02", "2026-03-02", false)
	d.valid == true
	[r.code | some r in d.reasons] == ["two_step_complete"]
}

test_maryland_ban_reached_on_the_day_of_the_decision if {
	d := opt_in.decision with input as optin("US-MD", "2025-09-30", "2025-10-01", true)
	d.valid == false
	d.reasons == [md_ban("2025-10-01")]
}

test_maryland_before_the_law if {
	d := opt_in.decision with input as optin("US-MD", "2025-09-29", "2025-09-30", true)
	d.valid == true
}

test_indiana_sensitive_data_needs_consent_and_the_opt_in_is_it if {
	d := opt_in.decision with input as optin("US-IN", "2026-03-02", "2026-03-02", true)
	d.valid == true
	[r | some r in d.reasons; r.code == "sensitive_consent_required"] == [{
		"code": "sensitive_consent_required",
		"law": "INCDPA",
		"message": "INCDPA: from 2026-01-01, processing of sensitive data needs the consumer's consent; this opt-in, valid on 2026-03-02, is that consent for the sale",
		"citation": "IC 24-15-4",
		"rule": "data.dsrkit.consent.sensitive_consent_reason",
	}]
}

test_connecticut_sensitive_sale_consent_from_2026_07_01 if {
	before := opt_in.decision with input as optin("US-CT", "2026-06-30", "2026-06-30", true)
	[r.code | some r in before.reasons] == ["two_step_complete"]
	from := opt_in.decision with input as optin("US-CT", "2026-07-01", "2026-07-01", true)
	[r.code | some r in from.reasons; r.code == "sensitive_consent_required"] == ["sensitive_consent_required"]
}

test_a_consent_rule_says_nothing_on_an_invalid_opt_in if {
	inp := json.patch(optin("US-IN", "2026-03-02", "2026-03-02", true), [{"op": "replace", "path": "/steps/1/prechecked", "value": true}])
	d := opt_in.decision with input as inp
	d.valid == false
	[r.code | some r in d.reasons] == ["prechecked"]
}

test_a_rule_that_has_ended_does_not_reach if {
	law := json.patch(data.dsrkit.laws.modpa.law, [{"op": "add", "path": "/sensitive_data/0/until", "value": "2026-01-01"}])
	d := opt_in.decision with input as optin("US-MD", "2026-03-02", "2026-03-02", true) with data.dsrkit.laws.modpa.law as law
	d.valid == true
}
