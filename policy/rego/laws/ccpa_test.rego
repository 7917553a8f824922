package dsrkit.laws.ccpa_test

import data.dsrkit.applicability
import data.dsrkit.laws.ccpa

# figures of a business below every threshold; each test raises one.
small := {"annual_revenue_usd": 1000000, "consumers_or_households_bought_sold_or_shared_per_year": 0, "revenue_share_from_sale": 0}

big := object.union(small, {"annual_revenue_usd": 30000000})

req(on, business) := {"received_at": on, "consumer": {"residence": "US-CA"}, "business": business}

with_figure(fact, value) := object.union(small, {fact: value})

applies(inp) if "CCPA" in applicability.applies with input as inp

codes(inp) := c if {
	c := {r.code | some r in applicability.reasons.CCPA} with input as inp
}

test_data if {
	ccpa.law.id == "CCPA"
	ccpa.law.in_force == {"from": "2020-01-01", "citation": "Cal. Civ. Code § 1798.198(a)"}
	ccpa.cpra == "2023-01-01"
	ccpa.law.calendar == "common(US,US-CA)"
	ccpa.law.delete.acknowledge == {"n": 10, "unit": "business_days", "citation": "Cal. Code Regs. tit. 11, § 7021(a)"}
	ccpa.law.delete.respond.n == 45
	ccpa.law.delete.respond.unit == "days"
	ccpa.law.delete.extended.n == 90
	ccpa.law.delete.confirmed.citation == "Cal. Code Regs. tit. 11, § 7022(e)"
	ccpa.law.opt_out.verification == {"not_required": true, "citation": "Cal. Code Regs. tit. 11, § 7026(d)"}
	ccpa.law.opt_out.fraud.citation == "Cal. Code Regs. tit. 11, § 7026(e)"
	ccpa.law.opt_out.after_opt_out.citation == "Cal. Civ. Code § 1798.120(d)"
	ccpa.law.delete.extended.unit == "days"
}

test_in_force_from_2020_01_01 if {
	codes(req("2019-12-31", big)) == {"not_in_force"}
	applies(req("2020-01-01", big))
}

test_revenue_above_25_million_until_2024 if {
	not applies(req("2024-12-31", with_figure("annual_revenue_usd", 25000000)))
	codes(req("2024-12-31", with_figure("annual_revenue_usd", 25000000))) == {"below_threshold"}
	applies(req("2024-12-31", with_figure("annual_revenue_usd", 25000001)))
}

test_revenue_above_26_625_000_from_2025 if {
	not applies(req("2025-01-01", with_figure("annual_revenue_usd", 25000001)))
	not applies(req("2025-01-01", with_figure("annual_revenue_usd", 26625000)))
	applies(req("2025-01-01", with_figure("annual_revenue_usd", 26625001)))
}

test_sold_or_shared_50000_before_cpra if {
	not applies(req("2022-12-31", with_figure("consumers_or_households_bought_sold_or_shared_per_year", 49999)))
	applies(req("2022-12-31", with_figure("consumers_or_households_bought_sold_or_shared_per_year", 50000)))
}

test_sold_or_shared_100000_from_cpra if {
	not applies(req("2023-01-01", with_figure("consumers_or_households_bought_sold_or_shared_per_year", 50000)))
	not applies(req("2023-01-01", with_figure("consumers_or_households_bought_sold_or_shared_per_year", 99999)))
	applies(req("2023-01-01", with_figure("consumers_or_households_bought_sold_or_shared_per_year", 100000)))
}

# The volume test counts consumers or households whose personal information
# the business buys, sells or shares (Cal. Civ. Code § 1798.140(d)(1)(B)): a
# list buyer that sells nothing still counts the households it buys.
test_households_bought_count_toward_100000 if {
	inp := req("2026-03-02", {"annual_revenue_usd": 1000000, "revenue_share_from_sale": 0, "consumers_or_households_bought_sold_or_shared_per_year": 120000})
	applies(inp)
	some r in applicability.reasons.CCPA with input as inp
	r.code == "applies"
	r.message == "CCPA applies on 2026-03-02: in force from 2020-01-01; territory: residence in US-CA; relationship: customer; threshold: business.consumers_or_households_bought_sold_or_shared_per_year >= 100000"
}

# The deprecated name consumers_sold_or_shared_per_year is still read, as
# the new one, for one release.
test_deprecated_sold_or_shared_name_is_read_as_the_new_one if {
	old := {"annual_revenue_usd": 1000000, "revenue_share_from_sale": 0, "consumers_sold_or_shared_per_year": 100000}
	applies(req("2026-03-02", old))
	not applies(req("2026-03-02", object.union(old, {"consumers_sold_or_shared_per_year": 99999})))
	some r in applicability.reasons.CCPA with input as req("2026-03-02", object.union(old, {"consumers_sold_or_shared_per_year": 99999}))
	r.code == "below_threshold"
	r.message == "CCPA applies on 2026-03-02 to a business meeting any of: business.annual_revenue_usd > 26625000 or business.consumers_or_households_bought_sold_or_shared_per_year >= 100000 or business.revenue_share_from_sale >= 0.5; the business: annual_revenue_usd 1000000, consumers_or_households_bought_sold_or_shared_per_year 99999, revenue_share_from_sale 0"
}

# Both names given: the larger figure counts (never late).
test_both_names_given_the_larger_figure_counts if {
	both := object.union(small, {"consumers_sold_or_shared_per_year": 100000, "consumers_or_households_bought_sold_or_shared_per_year": 5})
	applies(req("2026-03-02", both))
	not applies(req("2026-03-02", object.union(both, {"consumers_sold_or_shared_per_year": 6})))
}

test_half_of_revenue_from_selling_or_sharing if {
	not applies(req("2026-03-02", with_figure("revenue_share_from_sale", 0.49)))
	applies(req("2026-03-02", with_figure("revenue_share_from_sale", 0.5)))
}

test_below_threshold_names_thresholds_and_figures if {
	some r in applicability.reasons.CCPA with input as req("2026-03-02", small)
	r.code == "below_threshold"
	r.citation == "Cal. Civ. Code § 1798.140(d)(1)"
	r.message == "CCPA applies on 2026-03-02 to a business meeting any of: business.annual_revenue_usd > 26625000 or business.consumers_or_households_bought_sold_or_shared_per_year >= 100000 or business.revenue_share_from_sale >= 0.5; the business: annual_revenue_usd 1000000, consumers_or_households_bought_sold_or_shared_per_year 0, revenue_share_from_sale 0"
}

test_unknown_revenue_is_assumed if {
	inp := req("2026-03-02", object.remove(small, ["annual_revenue_usd"]))
	applies(inp)
	codes(inp) == {"applies", "threshold_unknown"}
	some r in applicability.reasons.CCPA with input as inp
	r.code == "threshold_unknown"
	r.message == "CCPA threshold could not be checked: business.annual_revenue_usd > 26625000 (not given); CCPA is assumed to apply (never late)"
	r.citation == "Cal. Civ. Code § 1798.140(d)(1)(A), as adjusted under § 1798.199.95(d)"
}

test_no_figures_at_all if {
	some r in applicability.reasons.CCPA with input as req("2026-03-02", {})
	r.code == "threshold_unknown"
	r.message == "CCPA threshold could not be checked: business.annual_revenue_usd > 26625000, business.consumers_or_households_bought_sold_or_shared_per_year >= 100000, business.revenue_share_from_sale >= 0.5 (not given); CCPA is assumed to apply (never late)"
}

test_a_known_figure_above_a_threshold_needs_no_other if {
	codes(req("2026-03-02", {"annual_revenue_usd": 30000000})) == {"applies"}
}

test_for_profit_only if {
	every e in ["nonprofit", "government"] {
		inp := req("2026-03-02", object.union(big, {"exemptions": [e]}))
		not applies(inp)
		codes(inp) == {"exempt_entity"}
	}
	some r in applicability.reasons.CCPA with input as req("2026-03-02", object.union(big, {"exemptions": ["nonprofit"]}))
	r.message == "CCPA does not apply to a business that is nonprofit: only an entity operated for profit is a business"
	r.citation == "Cal. Civ. Code § 1798.140(d)(1)"
}

test_no_entity_level_glba_hipaa_or_higher_education_exemption if {
	every e in ["glba_financial_institution", "hipaa_covered_entity", "higher_education"] {
		applies(req("2026-03-02", object.union(big, {"exemptions": [e]})))
	}
}

test_customers_and_others_are_consumers_from_the_start if {
	every r in ["customer", "other"] {
		applies(object.union(req("2020-01-01", big), {"consumer": {"relationship": r}}))
	}
}

test_employees_and_b2b_contacts_from_cpra if {
	every r in ["employee", "job_applicant", "contractor", "b2b_contact"] {
		inp := object.union(req("2022-12-31", big), {"consumer": {"relationship": r}})
		not applies(inp)
		codes(inp) == {"not_a_consumer"}
		applies(object.union(req("2023-01-01", big), {"consumer": {"relationship": r}}))
	}
	some r in applicability.reasons.CCPA with input as object.union(req("2022-12-31", big), {"consumer": {"relationship": "employee"}})
	r.message == "CCPA covers, on 2022-12-31, a person whose relationship to the business is one of: customer, other; this one is employee (covered from 2023-01-01)"
}

test_californians_only if {
	every residence in ["US-NV", "US-VA", "DE"] {
		codes(object.union(req("2026-03-02", big), {"consumer": {"residence": residence}})) == {"not_resident"}
	}
}

test_applies_says_why if {
	some r in applicability.reasons.CCPA with input as req("2026-03-02", big)
	r.message == "CCPA applies on 2026-03-02: in force from 2020-01-01; territory: residence in US-CA; relationship: customer; threshold: business.annual_revenue_usd > 26625000"
	r.citation == "Cal. Civ. Code § 1798.100 et seq."
	r.rule == "data.dsrkit.applicability.reasons"
}

test_record_minimum if {
	ccpa.law.delete.record == {"n": 24, "unit": "months", "citation": "Cal. Code Regs. tit. 11, § 7101(a)"}
}

# The CCPA-only behaviour the generic rules read from this data (issue 15).
test_ccpa_only_behaviour_is_data if {
	ccpa.law.delete.offer_opt_out.citation == "Cal. Code Regs. tit. 11, § 7022(a), (g); Cal. Civ. Code § 1798.120"
	ccpa.law.delete.record_notice.citation == "Cal. Code Regs. tit. 11, § 7022(e)"
	ccpa.law.verification.minimum_data_points == {"reasonable": 2, "reasonably_high": 3, "citation": "Cal. Code Regs. tit. 11, § 7062(b)–(d)"}
	{k: c.citation | some k, c in ccpa.law.verification.clauses} == {
		"fraud_suspected": "Cal. Code Regs. tit. 11, § 7061(b)",
		"reauthentication_needed": "Cal. Code Regs. tit. 11, § 7061(a)",
		"not_yet_verified": "Cal. Code Regs. tit. 11, § 7060(a)",
		"agent_permission_missing": "Cal. Code Regs. tit. 11, § 7063(a)–(b)",
		"declaration_missing": "Cal. Code Regs. tit. 11, § 7062(c)",
		"consumer_confirmation_missing": "Cal. Code Regs. tit. 11, § 7063(a)",
		"request_more_information": "Cal. Code Regs. tit. 11, § 7021(b); § 7060(d)",
		"identity_not_verified": "Cal. Code Regs. tit. 11, § 7022(a)",
	}
	ccpa.law.consent.citation == "Cal. Code Regs. tit. 11, § 7028(a)"
	{k: c.citation | some k, c in ccpa.law.consent.provisions} == {
		"two_step": "Cal. Code Regs. tit. 11, § 7028(a)",
		"dark_patterns": "Cal. Code Regs. tit. 11, § 7004",
		"consumer_initiated": "Cal. Code Regs. tit. 11, § 7028(b)",
		"opt_in_instructions": "Cal. Code Regs. tit. 11, § 7028(b); § 7004",
	}
}
