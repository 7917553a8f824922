package dsrkit.applicability_test

import data.dsrkit.applicability

ca := {"received_at": "2026-03-02", "consumer": {"residence": "US-CA"}, "business": {"annual_revenue_usd": 30000000}}

codes(id, inp) := c if {
	c := {r.code | some r in applicability.reasons[id]} with input as inp
}

# A law that is one more file: no change to these rules. It names a
# territory, a dated threshold, a dated relationship and an exemption.
oregon := {"ocpa": {"law": {
	"id": "OCPA",
	"name": "Oregon Consumer Privacy Act",
	"citation": "Or. Rev. Stat. § 646A.570 et seq.",
	"in_force": {"from": "2024-07-01", "citation": "in force"},
	"territory": {"citation": "territory", "any": [{"residence": {"US-OR"}, "citation": "residents"}]},
	"consumers": {"citation": "consumer", "any": [
		{"relationship": {"customer", "other"}, "citation": "consumer"},
		{"relationship": {"b2b_contact"}, "from": "2027-01-01", "citation": "later"},
	]},
	"thresholds": {"citation": "thresholds", "any": [
		{"all": [{"fact": "consumers_per_year", "op": ">=", "value": 100000}], "citation": "(a)"},
		{"all": [{"fact": "consumers_per_year", "op": ">=", "value": 10}], "from": "2026-01-01", "until": "2026-02-01", "citation": "(b)"},
	]},
	"exempt_entities": {"citation": "exempt", "any": [{"exemption": "government", "citation": "exempt"}]},
	"calendar": "US",
	"delete": {"respond": {"n": 45, "unit": "days", "citation": "45 days"}},
}}}

or(on, business) := {"received_at": on, "consumer": {"residence": "US-OR"}, "business": business}

test_a_new_law_is_data_only if {
	"OCPA" in applicability.applies with data.dsrkit.laws as oregon with input as "2026-03-02" | {"consumers_per_year": 100000}
	codes("OCPA", "2024-06-30" | {"consumers_per_year": 100000}) == {"not_in_force"} with data.dsrkit.laws as oregon
	codes("OCPA", "2026-03-02" | {"consumers_per_year": 10}) == {"below_threshold"} with data.dsrkit.laws as oregon
	codes("OCPA", "2026-01-31" | {"consumers_per_year": 10}) == {"applies"} with data.dsrkit.laws as oregon
	codes("OCPA", "2026-02-01" | {"consumers_per_year": 10}) == {"below_threshold"} with data.dsrkit.laws as oregon
	codes("OCPA", "2026-03-02" | {"consumers_per_year": 100000, "exemptions": ["government"]}) == {"exempt_entity"} with data.dsrkit.laws as oregon
	[r.law | some r in applicability.results] == ["OCPA"] with data.dsrkit.laws as oregon with input as "2026-03-02" | {}
}

test_outside_the_territory_nothing_else_is_said if {
	inp := {"received_at": "2026-12-01", "consumer": {"residence": "US-WA", "relationship": "b2b_contact"}, "business": {"consumers_per_year": 5, "exemptions": ["government"]}}
	codes("OCPA", inp) == {"not_resident"} with data.dsrkit.laws as oregon
}

test_within_the_territory_every_failure_is_given if {
	inp := {"received_at": "2026-12-01", "consumer": {"residence": "US-OR", "relationship": "b2b_contact"}, "business": {"consumers_per_year": 5, "exemptions": ["government"]}}
	codes("OCPA", inp) == {"not_a_consumer", "below_threshold", "exempt_entity"} with data.dsrkit.laws as oregon
	some r in applicability.reasons.OCPA with data.dsrkit.laws as oregon with input as inp
	r.code == "not_a_consumer"
	r.message == "OCPA covers, on 2026-12-01, a person whose relationship to the business is one of: customer, other; this one is b2b_contact (covered from 2027-01-01)"
	r.citation == "consumer"
}

test_a_law_not_in_force_gives_that_reason_only if {
	codes("OCPA", {"received_at": "2020-01-01", "consumer": {"residence": "US-WA"}, "business": {}}) == {"not_in_force"} with data.dsrkit.laws as oregon
}

# From the date the last law came into force every law is; before it, those
# whose date has come.
test_laws_in_force_on_a_date if {
	applicability.in_force == applicability.ids with input as {"received_at": applicability.last_in_force, "business": {}}
	early := applicability.in_force with input as {"received_at": "2023-06-30", "business": {}}
	early == {"CCPA", "GDPR", "VCDPA"}
	applicability.in_force == set() with input as {"received_at": "2017-01-01", "business": {}}
}

test_california_resident_under_ccpa if {
	"CCPA" in applicability.applies with input as ca
	some r in applicability.reasons.CCPA with input as ca
	r.code == "applies"
	r.law == "CCPA"
	r.rule == "data.dsrkit.applicability.reasons"
}

test_new_york_resident_under_no_law if {
	inp := object.union(ca, {"consumer": {"residence": "US-NY"}})
	count(applicability.applies) == 0 with input as inp
	some r in applicability.reasons.CCPA with input as inp
	r.code == "not_resident"
	r.message == "CCPA covers residence in US-CA; the consumer's residence is US-NY"
	r.citation == "Cal. Civ. Code § 1798.140(i)"
}

test_every_law_is_listed_in_results if {
	results := applicability.results with input as object.union(ca, {"consumer": {"residence": "DE"}})
	[r.law | some r in results] == sort(object.keys(applicability.laws))
	every id in ["CCPA", "CPA", "CTDPA", "GDPR", "UCPA", "VCDPA", "OCPA", "TDPSA", "MTCDPA", "IACDPA", "DPDPA", "NDPA", "NHDPA", "NJDPA", "TIPA", "MNCDPA", "MODPA", "INCDPA", "KCDPA", "RIDTPPA", "FDBR"] {
		id in object.keys(applicability.laws)
	}
	every r in results {
		r.citation != ""
		count(r.reasons) > 0
	}
	some r in results
	r.law == "CCPA"
	r.applies == false
	r.citation == "Cal. Civ. Code § 1798.100 et seq."
	[x.code | some x in r.reasons] == ["not_resident"]
}

test_residence_not_given if {
	inp := {"received_at": "2026-03-02", "business": {}}
	count(applicability.applies) == 0 with input as inp
	some r in applicability.reasons.CCPA with input as inp
	r.message == "CCPA covers residence in US-CA; the consumer's residence is (not given)"
}

test_judged_on_as_of_without_receipt if {
	applicability.on == "2026-03-02" with input as {"as_of": "2026-03-02T12:00:00Z", "consumer": {"residence": "US-CA"}}
	applicability.on == "2026-01-05" with input as {"received_at": "2026-01-05", "as_of": "2026-03-02T12:00:00Z"}
}

test_two_laws_at_once if {
	inp := {"received_at": "2026-03-02", "consumer": {"residence": "US-CA"}, "business": {"annual_revenue_usd": 30000000, "eu_establishment": true}}
	applicability.applies == {"CCPA", "GDPR"} with input as inp
}

test_fact_status if {
	applicability.fact_status({"fact": "x", "op": ">", "value": 1}) == "unknown" with input as {"business": {}}
	applicability.fact_status({"fact": "x", "op": ">", "value": 1}) == "met" with input as {"business": {"x": 2}}
	applicability.fact_status({"fact": "x", "op": ">", "value": 1}) == "not_met" with input as {"business": {"x": 1}}
	applicability.fact_status({"fact": "x", "op": ">=", "value": 1}) == "met" with input as {"business": {"x": 1}}
	applicability.fact_status({"fact": "x", "op": "==", "value": true}) == "not_met" with input as {"business": {"x": false}}
	applicability.fact_status({"fact": "x", "op": "~", "value": 1}) == "not_met" with input as {"business": {"x": 1}}
}

test_any_and_all if {
	applicability.status([[{}, "not_met"], [{}, "unknown"], [{}, "met"]]) == "met"
	applicability.status([[{}, "not_met"], [{}, "unknown"]]) == "unknown"
	applicability.status([[{}, "not_met"]]) == "not_met"
	applicability.status([]) == "not_met"
	applicability.all_of({"met", "unknown", "not_met"}) == "not_met"
	applicability.all_of({"met", "unknown"}) == "unknown"
	applicability.all_of(set()) == "met"
}

ops := {">", ">=", "=="}

conditions := {"residence", "residence_name", "relationship", "exemption", "all", "from", "until", "citation", "note"}

exemption_names := {"nonprofit", "government", "higher_education", "glba_financial_institution", "hipaa_covered_entity"}

relationships := {"customer", "employee", "job_applicant", "contractor", "b2b_contact", "other"}

# Every law's data has the shape the rules read, and every value its citation.
test_every_law_is_well_formed if {
	every law in applicability.laws {
		law.citation != ""
		law.in_force.citation != ""
		regex.match(`^\d{4}-\d{2}-\d{2}$`, law.in_force.from)
		every key in {"territory", "consumers", "thresholds", "exempt_entities"} & object.keys(law) {
			law[key].citation != ""
			count(law[key].any) > 0
			every alt in law[key].any {
				alt.citation != ""
				object.keys(alt) - conditions == set()
				every a in object.get(alt, "all", []) {
					a.op in ops
					a.fact != ""
				}
				object.get(alt, "relationship", set()) - relationships == set()
				object.get(alt, "exemption", "nonprofit") in exemption_names
			}
		}
		law.delete.respond.citation != ""
		law.delete.extended.citation != ""
		law.delete.extension_notice.citation != ""
	}
}

# An alternative's text names its conditions: one alone, several in brackets.
test_alternative_texts if {
	applicability.alt_text({"residence": {"US-OR"}, "residence_name": "Oregon"}) == "residence in Oregon"
	applicability.alt_text({"residence": {"US-WA", "US-OR"}, "all": []}) == "residence in US-OR, US-WA"
	applicability.alt_text({"all": [{"fact": "x", "op": ">", "value": 1}]}) == "business.x > 1"
	applicability.alt_text({"residence": {"US-OR"}, "all": [{"fact": "x", "op": ">", "value": 1}]}) == "(residence in US-OR and business.x > 1)"
	applicability.alt_text({"all": [{"fact": "x", "op": ">", "value": 1}, {"fact": "y", "op": "==", "value": true}]}) == "(business.x > 1 and business.y == true)"
	not applicability.alt_text({"relationship": {"customer"}})
}

# An alternative is in force from its "from" (inclusive) until its "until"
# (exclusive); each one in force is judged, in order.
test_judged_alternatives_in_force if {
	test := {"any": [
		{"all": [{"fact": "x", "op": ">", "value": 1}], "until": "2026-03-02", "citation": "a"},
		{"all": [{"fact": "x", "op": ">", "value": 1}], "from": "2026-03-02", "citation": "b"},
		{"all": [{"fact": "y", "op": ">", "value": 1}], "citation": "c"},
		{"residence": {"US-OR"}, "citation": "d"},
	]}
	j := applicability.judged(test, "2026-03-02") with input as {"business": {"x": 2}, "consumer": {"residence": "US-CA"}}
	[[alt.citation, s] | some [alt, s] in j] == [["b", "met"], ["c", "unknown"], ["d", "not_met"]]
	[alt.citation | some [alt, _] in applicability.judged(test, "2026-03-01")] == ["a", "c", "d"] with input as {}

	# Open-ended is open-ended, on any date (there is no sentinel "until").
	[alt.citation | some [alt, _] in applicability.judged(test, "9999-12-31")] == ["b", "c", "d"] with input as {}
}

# An unknown territorial test holds only for a consumer living in a
# territory the law names: an unknown fact never carries a law abroad.
test_unknown_territory_only_at_home if {
	eu := {"received_at": "2026-03-02", "consumer": {"residence": "DE"}, "business": {}}
	applicability.territory.GDPR == "unknown" with input as eu
	"GDPR" in applicability.applies with input as eu
	us := {"received_at": "2026-03-02", "consumer": {"residence": "US-CA"}, "business": {}}
	applicability.territory.GDPR == "not_met" with input as us
	applicability.territory.GDPR == "met" with input as object.union(us, {"business": {"eu_establishment": true}})
}

# The laws[] entry of a law whose fixed territory the consumer lives
# outside is written from fixed (outside): it is the entry every other law
# gets, from reasons. Checked for a residence no law names, one another law
# names, and one each law names.
test_an_entry_outside_a_fixed_territory_is_the_generic_entry if {
	some where in ["US-NY", "US-VA", "DE", "US-CA"]
	inp := object.union(ca, {"consumer": {"residence": where}})
	outside := applicability.outside with input as inp
	reasons := applicability.reasons with input as inp
	count(outside) > 0
	every id, entry in outside {
		entry == {
			"law": id,
			"applies": false,
			"citation": applicability.laws[id].citation,
			"reasons": sort(reasons[id]),
		}
	}
}

# A residence a fixed territory names gets the entries written once
# (outside_at); any other, entries written for the request: the same.
test_entries_written_once_are_those_written_for_the_request if {
	every where in ["US-VA", "US-CA", "US-TX"] {
		applicability.outside_at[where]
		inp := object.union(ca, {"consumer": {"residence": where}})
		once := applicability.outside with input as inp
		for_the_request := applicability.outside with input as inp with applicability.outside_at as {}
		count(once) > 0
		once == for_the_request
	}
}

test_only_fixed_territories_are_fixed if {
	applicability.fixed.VCDPA.residences == {"US-VA"}
	not applicability.fixed.GDPR
	not applicability.fixed.OCPA with data.dsrkit.laws as {"ocpa": {"law": object.union(oregon.ocpa.law, {"territory": {"citation": "territory", "any": [{"residence": {"US-OR"}, "from": "2024-07-01", "citation": "residents"}]}})}}
}

# A dated territory is judged on the date, for every request: outside it,
# the reason says what the request gives of the test (no business facts
# here).
test_outside_a_dated_territory if {
	dated := {"ocpa": {"law": object.union(oregon.ocpa.law, {"territory": {"citation": "territory", "any": [{"residence": {"US-OR"}, "from": "2024-07-01", "citation": "residents"}]}})}}
	inp := {"received_at": "2026-12-01", "consumer": {"residence": "US-WA"}, "business": {}}
	[r] := [r | some r in applicability.reasons.OCPA] with data.dsrkit.laws as dated with input as inp
	r.code == "not_resident"
	r.message == "OCPA covers residence in US-OR; the consumer's residence is US-WA"
	r.rule == "data.dsrkit.applicability.not_resident"
}
