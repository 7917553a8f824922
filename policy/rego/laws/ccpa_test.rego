package dsrkit.laws.ccpa_test

import data.dsrkit.laws.ccpa

units := {"days", "business_days", "months"}

test_every_period_has_a_known_unit_and_citation if {
	every key in {"acknowledge", "respond", "extended"} {
		ccpa.law.delete[key].unit in units
		ccpa.law.delete[key].n > 0
		ccpa.law.delete[key].citation != ""
	}
}

test_ccpa_periods if {
	ccpa.law.delete.acknowledge == {"n": 10, "unit": "business_days", "citation": "Cal. Code Regs. tit. 11, § 7021(a)"}
	ccpa.law.delete.respond.n == 45
	ccpa.law.delete.respond.unit == "days"
	ccpa.law.delete.extended.n == 90
	ccpa.law.in_force_from == "2020-01-01"
	ccpa.law.calendar == "US"
}
