package dsrkit.solicit_opt_in_test

import data.dsrkit.solicit_opt_in

# An adult Californian opted out on 10 June 2025: the business may ask again
# from 10 June 2026.
adult(as_of) := {
	"kind": "solicit_opt_in",
	"id": "s-1",
	"as_of": as_of,
	"opted_out_at": "2025-06-10T18:00:00Z",
	"consumer": {"residence": "US-CA"},
}

minor(as_of, consumer) := object.union(adult(as_of), {"consumer": consumer})

wait_ends := {
	"name": "wait_ends",
	"date": "2026-06-10",
	"computation": "opted out 2025-06-10 + 12 months (clamped to the month's last day)",
	"citation": "Cal. Civ. Code § 1798.135(c)(4)",
	"rule": "data.dsrkit.consent.timeline",
}

twelve_month_wait(on, verdict) := {
	"code": "twelve_month_wait",
	"message": sprintf("opted out on 2025-06-10: the business may not ask again before 2026-06-10 (12 months); asking on %s is %s", [on, verdict]),
	"citation": "Cal. Civ. Code § 1798.135(c)(4)",
	"rule": "data.dsrkit.consent.reason_waiting",
}

test_not_yet_at_11_months_30_days if {
	# 10 June 2025 + 11 months = 10 May 2026, + 30 days = 9 June 2026.
	d := solicit_opt_in.decision with input as adult("2026-06-09T12:00:00Z")
	d.kind == "solicit_opt_in"
	d.request_id == "s-1"
	d.as_of == "2026-06-09T12:00:00Z"
	[l.law | some l in d.laws; l.applies] == ["CCPA"]
	d.outcome == "not_yet"
	d.allowed == false
	d.earliest == "2026-06-10"
	d.timeline == [wait_ends]
	d.reasons == [twelve_month_wait("2026-06-09", "too early")]
	d.notices == []
	d.escalations == []
}

test_allowed_at_exactly_12_months if {
	d := solicit_opt_in.decision with input as adult("2026-06-10T12:00:00Z")
	d.outcome == "allowed"
	d.allowed == true
	d.earliest == "2026-06-10"
	d.reasons == [twelve_month_wait("2026-06-10", "allowed")]
	d.notices == []
}

test_request_id_defaults_to_empty if {
	d := solicit_opt_in.decision with input as object.remove(adult("2026-06-10T12:00:00Z"), ["id"])
	d.request_id == ""
}

test_consumer_initiated_transaction_allows_asking_at_once if {
	inp := object.union(adult("2025-07-01T12:00:00Z"), {"consumer_initiated_transaction": true})
	d := solicit_opt_in.decision with input as inp
	d.outcome == "allowed"
	d.allowed == true
	d.earliest == "2025-07-01"
	d.timeline == [wait_ends]
	d.reasons == [{
		"code": "consumer_initiated_transaction",
		"message": "the consumer initiated a transaction that needs an opt-in: the business may say so now and give opt-in instructions; the opt-in must be a two-step opt-in free of dark patterns",
		"citation": "Cal. Code Regs. tit. 11, § 7028(b)",
		"rule": "data.dsrkit.solicit_opt_in.reasons",
	}]
	d.notices == [{
		"code": "opt_in_instructions",
		"citation": "Cal. Code Regs. tit. 11, § 7028(b); § 7004",
		"due": "2025-07-01",
		"text": "This transaction requires your permission to sell or share your personal information. If you wish to opt in, first request it, then confirm it separately (for example, through the link we will email you). You may decline.",
	}]
}

test_consumer_initiated_transaction_after_the_wait_keeps_the_wait_end if {
	inp := object.union(adult("2026-07-01T12:00:00Z"), {"consumer_initiated_transaction": true})
	d := solicit_opt_in.decision with input as inp
	d.allowed == true
	d.earliest == "2026-06-10"
}

test_consumer_initiated_transaction_false_is_the_ordinary_wait if {
	inp := object.union(adult("2025-07-01T12:00:00Z"), {"consumer_initiated_transaction": false})
	d := solicit_opt_in.decision with input as inp
	d.outcome == "not_yet"
	d.earliest == "2026-06-10"
	d.notices == []
}

test_a_twelve_year_old_waits_12_months if {
	# Born 15 June 2012: 16 on 15 June 2028, long after the 12 months.
	d := solicit_opt_in.decision with input as minor("2026-06-09T12:00:00Z", {"birth_date": "2012-06-15"})
	d.outcome == "not_yet"
	d.earliest == "2026-06-10"
	d.reasons == [twelve_month_wait("2026-06-09", "too early")]
	[[t.name, t.date] | some t in d.timeline] == [["wait_ends", "2026-06-10"], ["sixteenth_birthday", "2028-06-15"]]
	a := solicit_opt_in.decision with input as minor("2026-06-10T12:00:00Z", {"birth_date": "2012-06-15"})
	a.outcome == "allowed"
}

test_a_fourteen_year_old_waits_12_months_when_they_end_first if {
	# 14 on 10 June 2025 (born 1 July 2010), 16 on 1 July 2026: the 12 months bind.
	d := solicit_opt_in.decision with input as minor("2026-06-09T12:00:00Z", {"birth_date": "2010-07-01"})
	d.outcome == "not_yet"
	d.earliest == "2026-06-10"
	d.reasons[0].code == "twelve_month_wait"
	[[t.name, t.date] | some t in d.timeline] == [["wait_ends", "2026-06-10"], ["sixteenth_birthday", "2026-07-01"]]
}

# dsrkit reading O3: by default the 16th birthday does not shorten the wait.
test_a_fifteen_year_old_waits_12_months_even_when_16_comes_first if {
	# Born 1 September 2009: 15 on 10 June 2025, 16 on 1 September 2025.
	d := solicit_opt_in.decision with input as minor("2025-09-01T12:00:00Z", {"birth_date": "2009-09-01"})
	d.outcome == "not_yet"
	d.allowed == false
	d.earliest == "2026-06-10"
	d.reasons == [{
		"code": "minor_wait",
		"message": "under 16 when opting out on 2025-06-10: the 16th birthday (2025-09-01) does not shorten the 12-month wait (stricter reading of § 1798.135(c)(5), dsrkit reading O3), so the business may not ask again before 2026-06-10; asking on 2025-09-01 is too early",
		"citation": "Cal. Civ. Code § 1798.135(c)(4), (c)(5); dsrkit reading O3",
		"rule": "data.dsrkit.consent.reason_waiting",
	}]
	a := solicit_opt_in.decision with input as minor("2026-06-10T12:00:00Z", {"birth_date": "2009-09-01"})
	a.outcome == "allowed"
}

earlier_reading := object.union(data.dsrkit.consent.rules, {"minor_wait": {"until_age": 16, "sixteenth_birthday_ends_wait": true, "citation": "Cal. Civ. Code § 1798.135(c)(5)"}})

test_on_the_earlier_reading_a_fifteen_year_old_may_be_asked_at_16_when_that_comes_first if {
	# Born 1 September 2009: 15 on 10 June 2025, 16 on 1 September 2025.
	before := solicit_opt_in.decision with input as minor("2025-08-31T12:00:00Z", {"birth_date": "2009-09-01"}) with data.dsrkit.consent.rules as earlier_reading
	before.outcome == "not_yet"
	before.allowed == false
	before.earliest == "2025-09-01"
	before.reasons == [{
		"code": "minor_wait",
		"message": "under 16 when opting out on 2025-06-10: the business may ask again on the earlier of 2026-06-10 (12 months) and 2025-09-01 (16th birthday), so from 2025-09-01; asking on 2025-08-31 is too early",
		"citation": "Cal. Civ. Code § 1798.135(c)(5)",
		"rule": "data.dsrkit.consent.reason_waiting",
	}]
	before.timeline == [
		{
			"name": "sixteenth_birthday",
			"date": "2025-09-01",
			"computation": "born 2009-09-01 + 16 years",
			"citation": "Cal. Civ. Code § 1798.135(c)(5)",
			"rule": "data.dsrkit.consent.timeline",
		},
		wait_ends,
	]
	on := solicit_opt_in.decision with input as minor("2025-09-01T12:00:00Z", {"birth_date": "2009-09-01"}) with data.dsrkit.consent.rules as earlier_reading
	on.outcome == "allowed"
	on.allowed == true
	on.earliest == "2025-09-01"
	on.reasons[0].code == "minor_wait"
}

test_a_minor_known_only_by_age_is_never_asked_early if {
	# Aged 15 on 1 August 2025: 16 by 1 August 2026 at the latest, after the 12 months.
	d := solicit_opt_in.decision with input as minor("2025-08-01T12:00:00Z", {"age": 15})
	d.earliest == "2026-06-10"
	d.reasons[0].code == "twelve_month_wait"
	d.timeline[1].computation == "aged 15 on 2025-08-01: 16 by 2026-08-01 at the latest"
}

test_sixteen_year_old_waits_12_months if {
	d := solicit_opt_in.decision with input as minor("2025-08-01T12:00:00Z", {"age": 16})
	d.outcome == "not_yet"
	d.earliest == "2026-06-10"
	d.timeline == [wait_ends]
	d.reasons == [twelve_month_wait("2025-08-01", "too early")]
}

test_opt_in_instructions_cite_the_applicable_laws_consent_provision if {
	inp := object.union(adult("2025-07-01T12:00:00Z"), {"consumer_initiated_transaction": true, "consumer": {"residence": "US-CT"}})
	d := solicit_opt_in.decision with input as inp
	[n.citation | some n in d.notices] == ["Conn. Gen. Stat. § 42-515 (\"consent\")"]
	[r.citation | some r in d.reasons; r.code == "consumer_initiated_transaction"] == ["Conn. Gen. Stat. § 42-515 (\"consent\")"]
}

# dsrkit reading O5: where a law forbids selling a known minor's data even
# with consent, asking for an opt-in is never allowed while the ban lasts.
ct_minor(as_of, consumer, extra) := object.union(
	{
		"kind": "solicit_opt_in",
		"id": "ct-minor",
		"as_of": as_of,
		"opted_out_at": "2025-06-10T18:00:00Z",
		"consumer": object.union({"residence": "US-CT"}, consumer),
		"business": {"time_zone": "America/New_York", "consumers_per_year": 150000, "sells_or_shares": true},
	},
	extra,
)

test_asking_a_known_minor_in_connecticut_is_never_allowed_under_the_ban if {
	d := solicit_opt_in.decision with input as ct_minor("2026-08-01T12:00:00Z", {"birth_date": "2009-01-15"}, {})
	d.outcome == "not_yet"
	d.allowed == false
	d.earliest == "2027-01-15"
	[r] := [r | some r in d.reasons; r.code == "minor_sale_prohibited"]
	r == {
		"code": "minor_sale_prohibited",
		"law": "CTDPA",
		"message": "CTDPA: from 2026-07-01, no sale or targeted advertising of the data of a consumer the business knows or wilfully disregards is under 18, even with consent; the consumer is 17 on 2026-08-01: the business may not ask for an opt-in to sale before 2027-01-15",
		"citation": "Conn. Gen. Stat. § 42-529a, as amended by P.A. 25-113",
		"rule": "data.dsrkit.consent.minor_ban_reason",
	}
}

test_from_an_age_alone_the_ban_ends_at_the_latest_18th_birthday if {
	d := solicit_opt_in.decision with input as ct_minor("2026-08-01T12:00:00Z", {"age": 17}, {})
	d.allowed == false
	d.earliest == "2027-08-01"
}

test_a_consumer_initiated_transaction_does_not_lift_the_ban if {
	d := solicit_opt_in.decision with input as ct_minor("2026-08-01T12:00:00Z", {"age": 17}, {"consumer_initiated_transaction": true})
	d.outcome == "not_yet"
	d.allowed == false
	d.earliest == "2027-08-01"
	d.notices == []
	{r.code | some r in d.reasons} == {"minor_sale_prohibited"}
}

test_the_wait_still_binds_when_it_ends_after_the_ban if {
	# Opted out 2026-07-15, 18 on 2027-01-15: the wait (2027-07-15) is later.
	d := solicit_opt_in.decision with input as ct_minor("2026-08-01T12:00:00Z", {"birth_date": "2009-01-15"}, {"opted_out_at": "2026-07-15T18:00:00Z"})
	d.earliest == "2027-07-15"
}

test_before_the_ban_asking_a_minor_of_17_follows_the_wait if {
	d := solicit_opt_in.decision with input as ct_minor("2026-06-30T12:00:00Z", {"age": 17}, {})
	d.outcome == "allowed"
	d.earliest == "2026-06-10"
}
