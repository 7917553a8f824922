# METADATA
# title: New Hampshire — NHDPA
# description: RSA ch. 507-H (Expectation of Privacy; SB 255 (2024)).
package dsrkit.laws.nhdpa

# METADATA
# title: NHDPA — the law's data
# description: |
#   In force from 2025-01-01 (FACTS-STATES NH-1). Thresholds, during a
#   one-year period: 35,000 unique consumers (payment-only data excluded),
#   or 10,000 and over 25% of gross revenue from sale (NH-3). A consumer
#   acts in an individual or household context (NH-4). Entity exemptions:
#   government, nonprofits, higher education, GLBA financial institutions,
#   HIPAA covered entities (NH-4). Delete: 45 days, extended by 45 with
#   notice in the first (NH-6); appeal required, then the Attorney General;
#   its period is MEMORY (60), so 45 is used until counsel confirms (NH-7,
#   never late). Universal opt-out signal from 2025-01-01 (NH-8).
# custom:
#   citation: RSA ch. 507-H
law := {
	"id": "NHDPA",
	"name": "New Hampshire Expectation of Privacy law (RSA ch. 507-H)",
	"citation": "RSA ch. 507-H",
	"in_force": {"from": "2025-01-01", "citation": "N.H. SB 255 (2024)"},
	"territory": {
		"citation": "RSA 507-H:2",
		"any": [{"residence": {"US-NH"}, "citation": "RSA 507-H:1 (\"consumer\"); 507-H:2"}],
	},
	"consumers": {
		"citation": "RSA 507-H:1 (\"consumer\": not in a commercial or employment context)",
		"any": [{"relationship": {"customer", "other"}, "citation": "RSA 507-H:1 (\"consumer\")"}],
	},
	"thresholds": {
		"citation": "RSA 507-H:2",
		"any": [
			{
				"all": [{"fact": "consumers_per_year", "op": ">=", "value": 35000}],
				"note": "unique consumers during a one-year period, excluding data processed solely to complete a payment transaction",
				"citation": "RSA 507-H:2, I",
			},
			{
				"all": [
					{"fact": "consumers_per_year", "op": ">=", "value": 10000},
					{"fact": "revenue_share_from_sale", "op": ">", "value": 0.25},
				],
				"citation": "RSA 507-H:2, II",
			},
		],
	},
	"exempt_entities": {
		"citation": "RSA 507-H:3",
		"any": [
			{"exemption": "government", "citation": "RSA 507-H:3"},
			{"exemption": "nonprofit", "citation": "RSA 507-H:3"},
			{"exemption": "higher_education", "citation": "RSA 507-H:3"},
			{"exemption": "glba_financial_institution", "citation": "RSA 507-H:3"},
			{"exemption": "hipaa_covered_entity", "citation": "RSA 507-H:3"},
		],
	},
	"calendar": "US",
	"delete": {
		"respond": {"n": 45, "unit": "days", "citation": "RSA 507-H:4, III"},
		"extended": {"n": 90, "unit": "days", "citation": "RSA 507-H:4, III"},
		"extension_notice": {"citation": "RSA 507-H:4, III"},
		"denial": {"citation": "RSA 507-H:4, III"},
		"confirmed": {"citation": "RSA 507-H:4, III"},
		"appeal": {
			"n": 45,
			"unit": "days",
			"citation": "RSA 507-H:4",
			"authority": {"name": "the New Hampshire Attorney General", "citation": "RSA 507-H:4"},
		},
		"scope": {
			"sources": {"consumer", "third_party", "observed", "inferred"},
			"text": "personal data provided by, or obtained about, the consumer",
			"citation": "RSA 507-H:4, I(c)",
		},
		"duty": {"citation": "RSA 507-H:4, I(c)"},
		# The exceptions to deletion were not retrieved (FACTS-STATES NH-12,
		# MEMORY): the Virginia/Connecticut model list, cited to the section as the
		# best reading and flagged for counsel (unverified below). No CalECPA,
		# free-speech or public-health exception is assumed (never late).
		"exceptions": {
			"citation": "RSA 507-H:10",
			"bases": {
				"legal_obligation": {"citation": "RSA 507-H:10"},
				"law_enforcement": {"citation": "RSA 507-H:10", "condition": "cooperation with a civil, criminal or regulatory inquiry, investigation, subpoena or summons by governmental authorities"},
				"legal_claims": {"citation": "RSA 507-H:10"},
				"complete_transaction": {"citation": "RSA 507-H:10", "condition": "only to provide a product or service the consumer specifically requested, perform a contract to which the consumer is a party, or take steps at the consumer's request before entering into one"},
				"warranty_or_recall": {"citation": "RSA 507-H:10", "condition": "only to fulfil the terms of a written warranty or to carry out a product recall"},
				"life_safety": {"citation": "RSA 507-H:10", "condition": "only to protect an interest essential for the life or physical safety of the consumer or another natural person"},
				"security_integrity": {"citation": "RSA 507-H:10", "condition": "only to prevent, detect, protect against or respond to security incidents, identity theft, fraud, harassment, malicious, deceptive or illegal activity, or to preserve the integrity or security of systems"},
				"research_public_interest": {"citation": "RSA 507-H:10", "condition": "public or peer-reviewed scientific or statistical research in the public interest, approved and monitored by an institutional review board or similar, where deletion would likely render impossible or seriously impair it"},
				"debug_repair": {"citation": "RSA 507-H:10", "condition": "only to identify and repair technical errors that impair existing or intended functionality"},
				"internal_uses_expected": {"citation": "RSA 507-H:10", "condition": "solely internal operations reasonably aligned with the consumer's expectations or reasonably anticipated from the existing relationship"},
			},
		},
		"legal_hold": {"citation": "RSA 507-H:10"},
	},
	"opt_out": {
		"comply": {"n": 45, "unit": "days", "citation": "RSA 507-H:4, III"},
		"verification": {"citation": "RSA 507-H:4, III"},
		"signal": {"from": "2025-01-01", "citation": "RSA 507-H:5; 507-H:6"},
	},
	"consent": {"citation": "RSA 507-H:1 (\"consent\")"},
	"verification": {"ordinary": "commercially_reasonable", "sensitive": "commercially_reasonable", "citation": "RSA 507-H:4, III"},
	# Known minors 13 to 15 (actual knowledge or wilful disregard): no
	# targeted advertising or sale without consent; consent cures (FACTS-STATES
	# NH-9, CONFIRMED-S). From 2027-01-01 (HB 1460 (2026), ch. 168) no sale
	# of a child's (under 13) data, regardless of consent (NH-2,
	# CONFIRMED-S); the knowledge standard is not stated, so the broadest
	# (never late).
	"minors": [
		{
			"from": "2025-01-01",
			"from_age": 13,
			"under_age": 16,
			"rule": "consent",
			"scope": ["sale", "targeted_advertising"],
			"knowledge": "actual_or_willful_disregard",
			"citation": "RSA 507-H:6",
		},
		{
			"from": "2027-01-01",
			"under_age": 13,
			"rule": "prohibited",
			"scope": ["sale"],
			"knowledge": "knew_or_should_have_known",
			"citation": "RSA 507-H:6, as amended by HB 1460 (2026), ch. 168",
			"note": "regardless of consent or the controller's knowledge, per the secondary source",
		},
	],
	"unverified": [
		{"pointer": "/thresholds/any/1", "note": "the 10,000-consumer and 25% limb rests on a secondary source (NH-3, CONFIRMED-S)"},
		{"pointer": "/exempt_entities", "note": "entity exemptions rest on secondary sources (NH-4, CONFIRMED-S)"},
		{"pointer": "/delete/respond", "note": "45 + 45 days and the notice within the first period rest on secondary sources (NH-6, CONFIRMED-S); calendar days (NH-13, MEMORY)"},
		{"pointer": "/delete/appeal/n", "note": "the appeal right is CONFIRMED-S but its period was not seen in the text: 60 days is widely stated (NH-7, MEMORY); 45 days is used until counsel confirms (never late, FACTS-STATES § 19)"},
		{"pointer": "/delete/exceptions", "note": "the exceptions to deletion were not retrieved (NH-12, MEMORY): the Virginia/Connecticut model list is cited to the section (RSA 507-H:10) as the best reading; subsections, conditions and which bases the law has are for counsel"},
		{"pointer": "/opt_out/verification", "note": "the authentication clause of an opt-out was not read (FACTS-STATES § 18.6, MEMORY)"},
		{"pointer": "/opt_out/signal", "note": "signal required from 2025-01-01 per secondary sources (NH-8, CONFIRMED-S); section numbers not read"},
		{"pointer": "/minors", "note": "the teen ages (13 to 15) and the 2027 under-13 sale ban rest on secondary sources (NH-9, NH-2, CONFIRMED-S); the statutory text of RSA 507-H:6 was not read"},
	],
}
