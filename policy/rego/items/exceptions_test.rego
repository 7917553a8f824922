package dsrkit.items_test

import data.dsrkit.items

# laws are the ids of every law the policy ships (data.dsrkit.laws): a law
# added there is checked here without editing this test.
laws := {l.id | some pkg; l := data.dsrkit.laws[pkg].law}

# Every law the policy ships has an entry in every table, and the tables
# hold only the 13 bases (dsrkit reading § 3).
test_every_law_has_every_table if {
	every law in laws {
		items.scope[law].citation
		items.duty[law]
		items.exception_lists[law]
		items.hold_citations[law]
		items.exceptions[law].legal_obligation
		items.exceptions[law].legal_claims
		object.keys(items.exceptions[law]) - items.bases == set()
		object.keys(object.get(items.conditions, law, {})) - object.keys(items.exceptions[law]) == set()
		items.scope[law].sources - items.sources == set()
	}
	count(items.bases) == 13
	count(laws) >= 6
	object.keys(items.exceptions) == laws
	object.keys(items.backup_rules) == {"CCPA", "CPA"}
	object.keys(items.alternatives) == {"CCPA"}
}

# The bases each law does not recognise (FACTS CA-20, CA-22, VA-13..16,
# CO-8, CT-8..9, UT-11..12, EU-8).
test_what_each_law_does_not_recognise if {
	missing("CCPA") == {"life_safety", "public_health"}
	missing("VCDPA") == {"calecpa", "public_health"}
	missing("CPA") == {"calecpa", "free_speech"}
	missing("CTDPA") == {"calecpa", "free_speech"}
	missing("UCPA") == {"calecpa", "free_speech", "public_health"}
	missing("GDPR") == {
		"calecpa", "complete_transaction", "debug_repair", "internal_uses_expected",
		"law_enforcement", "life_safety", "security_integrity", "warranty_or_recall",
	}
}

missing(law) := items.bases - object.keys(items.exceptions[law])

test_gdpr_exceptions_are_article_17_3 if {
	items.exceptions.GDPR == {
		"free_speech": "GDPR Art. 17(3)(a)",
		"legal_obligation": "GDPR Art. 17(3)(b)",
		"public_health": "GDPR Art. 17(3)(c)",
		"research_public_interest": "GDPR Art. 17(3)(d)",
		"legal_claims": "GDPR Art. 17(3)(e)",
	}
}

test_ccpa_exceptions_are_the_eight_of_1798_105_d if {
	{c | some b, c in items.exceptions.CCPA; startswith(c, "Cal. Civ. Code § 1798.105(d)(")} == {
		"Cal. Civ. Code § 1798.105(d)(1)", "Cal. Civ. Code § 1798.105(d)(2)",
		"Cal. Civ. Code § 1798.105(d)(3)", "Cal. Civ. Code § 1798.105(d)(4)",
		"Cal. Civ. Code § 1798.105(d)(5)", "Cal. Civ. Code § 1798.105(d)(6)",
		"Cal. Civ. Code § 1798.105(d)(7)", "Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1)",
	}
	items.exceptions.CCPA.legal_claims == "Cal. Civ. Code § 1798.145(a)(1)(E)"
	items.exceptions.CCPA.law_enforcement == "Cal. Civ. Code § 1798.145(a)(1)(C)"
}

test_scope_is_narrowest_in_utah if {
	items.scope.UCPA.sources == {"consumer"}
	items.scope.CCPA.sources == {"consumer", "observed"}
	every law in {"VCDPA", "CPA", "CTDPA", "GDPR"} {
		items.scope[law].sources == items.sources
	}
}

# Every system type of the contract has a method; backups and archives also
# one for when they cannot wait.
test_methods_cover_every_system_type if {
	object.keys(items.methods) == {
		"production_db", "crm", "ecommerce", "marketing", "support", "analytics", "financial",
		"hr", "email_archive", "file_system", "cloud_service", "backup", "archive", "processor",
	}
	object.keys(items.now_methods) == items.backup_types
	items.methods.backup == "delete from rotation or anonymize in next backup cycle"
	items.methods.production_db == "DELETE command, verify removal"
	items.other_methods.retain == "retain; restrict use"
	items.default_method == "delete, verify removal"
}
