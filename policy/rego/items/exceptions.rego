# Deletion scope, exceptions and backup rules of each law, by law id.
#
# dsrkit reading § 3 D1, D2, D4, D5 live in each law's own data
# (laws/<law>.rego, law.delete: scope, duty, grounds, exceptions,
# legal_hold, backups, alternatives), with the FACTS tag of each entry
# beside it; an entry whose subsection FACTS marks MEMORY is cited as the
# best reading and flagged for counsel (FACTS § 10). The views below index
# that data by law id for the rules in items.rego, so adding a law or
# changing a reading touches no rule. The generic tables (bases, sources,
# methods per system type) are not per law and stay here.
package dsrkit.items

import data.dsrkit.applicability

# bases are the generic exception bases a host may claim (dsrkit reading § 3,
# from the seed procedure § 2.2, extended to cover the texts).
bases := {
	"complete_transaction",
	"warranty_or_recall",
	"security_integrity",
	"debug_repair",
	"free_speech",
	"legal_obligation",
	"legal_claims",
	"law_enforcement",
	"research_public_interest",
	"internal_uses_expected",
	"calecpa",
	"life_safety",
	"public_health",
}

# sources are the values of data[].source (CONTRACT § 2).
sources := {"consumer", "third_party", "observed", "inferred"}

# scope (D1): the sources of data each law's right to delete reaches, and
# the provision (the law's delete.scope). A law without one reaches every
# source (never late).
scope := {id: s | some id, law in applicability.laws; s := law.delete.scope}

# duty (D1, D6): the provision that obliges the business to delete (the
# law's delete.duty).
duty := {id: d.citation | some id, law in applicability.laws; d := law.delete.duty}

# grounds (D10): the laws under which erasure is owed only where one of the
# law's grounds holds (GDPR Art. 17(1)(a)–(f)); under the other laws every
# item in scope that no exception keeps is deleted. For each item the
# policy finds (items.finding) whether a ground holds ("ground": erasure is
# owed unless an exception keeps the item), none holds ("none": the law
# does not require erasure while that lasts), or the item rests on a basis
# the request objects to ("objection": Art. 21(1), kept only when the
# overriding legitimate grounds were assessed and documented, else Legal
# decides). A stated fact overrides the defaults: data[].still_necessary
# false is ground (a); data[].lawful_basis is the Art. 6(1) basis.
grounds := {"GDPR": {
	"no_longer_necessary": {
		"effect": "ground",
		"citation": "GDPR Art. 17(1)(a)",
		"text": "the item is no longer necessary for the purposes it was collected or processed for",
	},
	# An item of a direct-marketing system, with no stated lawful basis: the
	# objection to direct marketing is absolute (Art. 21(2)–(3)).
	"direct_marketing": {
		"effect": "ground",
		"system_types": {"marketing"},
		"citation": "GDPR Art. 17(1)(c); Art. 21(2)–(3)",
		"text": "the item is used for direct marketing, to which the data subject may object at any time",
	},
	"lawful_basis": {
		"consent": {
			"effect": "ground",
			"citation": "GDPR Art. 17(1)(b); Art. 7(3)",
			"text": "the item is processed on consent alone, which the request withdraws",
		},
		"contract": {
			"effect": "none",
			"citation": "GDPR Art. 17(1)(a)–(b); Art. 6(1)(b)",
			"text": "the item is still needed to perform a contract with the data subject",
		},
		"legal_obligation": {
			"effect": "none",
			"citation": "GDPR Art. 17(1)(a)–(b); Art. 6(1)(c)",
			"text": "the item is still needed to comply with a legal obligation",
		},
		"vital_interests": {
			"effect": "none",
			"citation": "GDPR Art. 17(1)(a)–(b); Art. 6(1)(d)",
			"text": "the item is still needed to protect someone's vital interests",
		},
		"public_task": {
			"effect": "objection",
			"citation": "GDPR Art. 17(1)(c); Art. 21(1); Art. 6(1)(e)",
			"assessed_citation": "GDPR Art. 17(1)(c); Art. 21(1)",
			"text": "the item is processed for a task in the public interest or in the exercise of official authority, and the request objects to it",
		},
		"legitimate_interests": {
			"effect": "objection",
			"citation": "GDPR Art. 17(1)(c); Art. 21(1); Art. 6(1)(f)",
			"assessed_citation": "GDPR Art. 17(1)(c); Art. 21(1)",
			"text": "the item is processed on legitimate interests (fraud prevention and network security are such interests: Recitals 47, 49), and the request objects to it",
		},
	},
	# The lawful basis a current claim implies when none is stated.
	"implied_by_claim": {
		"complete_transaction": "contract",
		"warranty_or_recall": "contract",
		"security_integrity": "legitimate_interests",
	},
	# No stated fact and no claim that shows otherwise: the request is taken
	# as an objection or a withdrawal of consent, and a ground holds.
	"default": {
		"effect": "ground",
		"citation": "GDPR Art. 17(1)",
		"text": "nothing shows that the item is still needed for a contract with the data subject or rests on overriding legitimate grounds, so a ground of Art. 17(1) is taken to hold",
	},
}}

# exception_lists: each law's list of exceptions as a whole, cited when a
# claimed basis is not on it.
exception_lists := {
	"CCPA": "Cal. Civ. Code § 1798.105(d)(1)–(8); § 1798.145(a)(1)",
	"VCDPA": "Va. Code § 59.1-582(A), (B), (E)",
	"CPA": "Colo. Rev. Stat. § 6-1-1304(3)(a)(I)–(XII)",
	"CTDPA": "Conn. Gen. Stat. § 42-524(a), (b)",
	"UCPA": "Utah Code § 13-61-304(1)(a)–(n)",
	"GDPR": "GDPR Art. 17(3)(a)–(e)",
}

# exceptions (D2): law → basis → the subsection that recognises it. A basis
# missing under a law is not an exception to deletion under that law. A law
# missing altogether has no table yet: its claims go to Legal (items.rego).
exceptions := {
	# Cal. Civ. Code § 1798.105(d)(1)–(8), the CPRA text: 8 exceptions (FACTS
	# CA-20, CONFIRMED-P), and the general carve-outs of § 1798.145(a)(1)
	# (comply with law, cooperate with law enforcement, exercise or defend
	# legal claims: FACTS CA-22, CONFIRMED-P abridged; legal claims are
	# subparagraph (E), cooperation with law enforcement (C), per the
	# lawyer's review of issue 14). No life-safety or public-health
	# exception.
	"CCPA": {
		"complete_transaction": "Cal. Civ. Code § 1798.105(d)(1)",
		"warranty_or_recall": "Cal. Civ. Code § 1798.105(d)(1)",
		"security_integrity": "Cal. Civ. Code § 1798.105(d)(2)",
		"debug_repair": "Cal. Civ. Code § 1798.105(d)(3)",
		"free_speech": "Cal. Civ. Code § 1798.105(d)(4)",
		"calecpa": "Cal. Civ. Code § 1798.105(d)(5)",
		"research_public_interest": "Cal. Civ. Code § 1798.105(d)(6)",
		"internal_uses_expected": "Cal. Civ. Code § 1798.105(d)(7)",
		"legal_obligation": "Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1)",
		"legal_claims": "Cal. Civ. Code § 1798.145(a)(1)(E)",
		"law_enforcement": "Cal. Civ. Code § 1798.145(a)(1)(C)",
	},
	# Va. Code § 59.1-582: (A)(1)–(5) CONFIRMED-P (FACTS VA-13); (A)(6)–(9)
	# MEMORY (VA-14); (B)(3)–(4) CONFIRMED-P, (B)(1)–(2) MEMORY (VA-15); (E)
	# others' rights and freedoms such as free speech, CONFIRMED-P (VA-16).
	# No CalECPA or public-health exception.
	"VCDPA": {
		"legal_obligation": "Va. Code § 59.1-582(A)(1)–(2)",
		"law_enforcement": "Va. Code § 59.1-582(A)(3)",
		"legal_claims": "Va. Code § 59.1-582(A)(4)",
		"complete_transaction": "Va. Code § 59.1-582(A)(5)",
		"warranty_or_recall": "Va. Code § 59.1-582(A)(5) (written warranty), (B)(2) (product recall)",
		"life_safety": "Va. Code § 59.1-582(A)(6)",
		"security_integrity": "Va. Code § 59.1-582(A)(7)",
		"research_public_interest": "Va. Code § 59.1-582(A)(8)",
		"debug_repair": "Va. Code § 59.1-582(B)(3)",
		"internal_uses_expected": "Va. Code § 59.1-582(B)(4)",
		"free_speech": "Va. Code § 59.1-582(E)",
	},
	# Colo. Rev. Stat. § 6-1-1304(3)(a)(I)–(XII) as FACTS CO-8 numbers it
	# ((I)–(XI) CONFIRMED-P, (XII) MEMORY). It names no free-speech, CalECPA
	# or product-recall exception; a warranty is a contract, (VIII). Public
	# or peer-reviewed research is not in (3)(a): human-subjects research
	# data is outside Part 13 altogether (§ 6-1-1304(2)(d), FACTS CO-6,
	# CONFIRMED-P for (2)(a)–(f); the letter per the lawyer's review of
	# issue 14).
	"CPA": {
		"legal_obligation": "Colo. Rev. Stat. § 6-1-1304(3)(a)(I)–(II)",
		"law_enforcement": "Colo. Rev. Stat. § 6-1-1304(3)(a)(III)",
		"legal_claims": "Colo. Rev. Stat. § 6-1-1304(3)(a)(IV)",
		"debug_repair": "Colo. Rev. Stat. § 6-1-1304(3)(a)(VI)",
		"internal_uses_expected": "Colo. Rev. Stat. § 6-1-1304(3)(a)(VII)",
		"complete_transaction": "Colo. Rev. Stat. § 6-1-1304(3)(a)(VIII)",
		"warranty_or_recall": "Colo. Rev. Stat. § 6-1-1304(3)(a)(VIII)",
		"life_safety": "Colo. Rev. Stat. § 6-1-1304(3)(a)(IX)",
		"security_integrity": "Colo. Rev. Stat. § 6-1-1304(3)(a)(X)",
		"public_health": "Colo. Rev. Stat. § 6-1-1304(3)(a)(XI)",
		"research_public_interest": "Colo. Rev. Stat. § 6-1-1304(2)(d)",
	},
	# Conn. Gen. Stat. § 42-524: (a)(1)–(9) CONFIRMED-P (FACTS CT-8); (a)(10)
	# opening CONFIRMED-P, conditions MEMORY; (a)(11)–(12) and (b) MEMORY
	# (CT-9). No free-speech or CalECPA exception.
	"CTDPA": {
		"legal_obligation": "Conn. Gen. Stat. § 42-524(a)(1)–(2)",
		"law_enforcement": "Conn. Gen. Stat. § 42-524(a)(3)",
		"legal_claims": "Conn. Gen. Stat. § 42-524(a)(4)",
		"complete_transaction": "Conn. Gen. Stat. § 42-524(a)(5)–(7)",
		"warranty_or_recall": "Conn. Gen. Stat. § 42-524(a)(6) (written warranty), (b)(2) (product recall)",
		"life_safety": "Conn. Gen. Stat. § 42-524(a)(8)",
		"security_integrity": "Conn. Gen. Stat. § 42-524(a)(9)",
		"research_public_interest": "Conn. Gen. Stat. § 42-524(a)(10)",
		"public_health": "Conn. Gen. Stat. § 42-524(a)(12)",
		"debug_repair": "Conn. Gen. Stat. § 42-524(b)(3)",
		"internal_uses_expected": "Conn. Gen. Stat. § 42-524(b)(4)",
	},
	# Utah Code § 13-61-304(1): (a)–(k) CONFIRMED-P (FACTS UT-11); (l)–(n)
	# MEMORY (UT-12). No free-speech, CalECPA or public-health exception.
	"UCPA": {
		"legal_obligation": "Utah Code § 13-61-304(1)(a)–(b)",
		"law_enforcement": "Utah Code § 13-61-304(1)(c)",
		"legal_claims": "Utah Code § 13-61-304(1)(d)",
		"complete_transaction": "Utah Code § 13-61-304(1)(e)–(f)",
		"warranty_or_recall": "Utah Code § 13-61-304(1)(f) (written warranty), (l) (product recall)",
		"life_safety": "Utah Code § 13-61-304(1)(g)",
		"security_integrity": "Utah Code § 13-61-304(1)(h)–(i)",
		"research_public_interest": "Utah Code § 13-61-304(1)(j)",
		"debug_repair": "Utah Code § 13-61-304(1)(l)",
		"internal_uses_expected": "Utah Code § 13-61-304(1)(m)",
	},
	# GDPR Art. 17(3)(a)–(e), 5 exceptions (FACTS EU-8, CONFIRMED-P). Not
	# exceptions to erasure: completing a transaction, warranty or recall,
	# security, debugging, internal uses, law-enforcement cooperation (unless
	# a legal obligation), life safety (vital interests is an Art. 6 basis
	# for processing, not an Art. 17(3) exception), CalECPA.
	"GDPR": {
		"free_speech": "GDPR Art. 17(3)(a)",
		"legal_obligation": "GDPR Art. 17(3)(b)",
		"public_health": "GDPR Art. 17(3)(c)",
		"research_public_interest": "GDPR Art. 17(3)(d)",
		"legal_claims": "GDPR Art. 17(3)(e)",
	},
}

# hold_citations (D3): a legal hold keeps the item under each law's
# legal-obligation and legal-claims exceptions (the same subsections as
# above, together).
hold_citations := {
	"CCPA": "Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1)(E)",
	"VCDPA": "Va. Code § 59.1-582(A)(1)–(2), (4)",
	"CPA": "Colo. Rev. Stat. § 6-1-1304(3)(a)(I)–(II), (IV)",
	"CTDPA": "Conn. Gen. Stat. § 42-524(a)(1)–(2), (4)",
	"UCPA": "Utah Code § 13-61-304(1)(a)–(b), (d)",
	"GDPR": "GDPR Art. 17(3)(b), (e)",
}

# conditions: what must also hold for the exception; the reason says it,
# for the host to check (the item is retained on the host's claim).
conditions := {
	"CCPA": {
		"research_public_interest": "only if the consumer has given informed consent, the research conforms to applicable ethics and privacy laws, and deletion would likely render impossible or seriously impair it",
		"internal_uses_expected": "solely internal uses reasonably aligned with the consumer's expectations and compatible with the context in which the consumer provided the information",
		"security_integrity": "only to the extent the use is reasonably necessary and proportionate",
	},
	"VCDPA": {
		"research_public_interest": "public or peer-reviewed scientific or statistical research under ethics-board oversight",
		"free_speech": "only where deletion would adversely affect the rights or freedoms of others, such as free speech",
	},
	"CPA": {
		"warranty_or_recall": "a written warranty performed under a contract with the consumer; the CPA names no product-recall exception",
		"research_public_interest": "only identifiable private information collected for human-subjects research (45 C.F.R. Part 46 or similar), which Part 13 does not cover",
	},
	"CTDPA": {
		"life_safety": "only where the processing cannot be manifestly based on another legal basis",
		"research_public_interest": "public or peer-reviewed scientific or statistical research in the public interest, approved and monitored by an institutional review board or similar, where deletion would likely render impossible or seriously impair it",
	},
	"UCPA": {"research_public_interest": "only if the research is disclosed in the privacy notice required by Utah Code § 13-61-302"},
	"GDPR": {
		"public_health": "public-health reasons under GDPR Art. 9(2)(h), (i) and 9(3)",
		"research_public_interest": "archiving in the public interest, scientific or historical research or statistics under GDPR Art. 89(1), in so far as erasure would render impossible or seriously impair its objectives",
	},
}

# backup_rules (D5): the laws whose text lets deletion from an archived or
# backup system wait. The other five laws are silent (FACTS § 9 "Backups":
# VCDPA, CTDPA, UCPA silent (M); GDPR no express rule (M)).
backup_rules := {
	# FACTS CA-62, CONFIRMED-P.
	"CCPA": {
		"citation": "Cal. Code Regs. tit. 11, § 7022(d)",
		"until": "the archived or backup system is restored to an active system or is next accessed or used for a sale, disclosure, or commercial purpose",
	},
	# FACTS CO-18, CONFIRMED-P.
	"CPA": {
		"citation": "4 CCR 904-3, Rule 4.06(C)",
		"until": "the system is restored to an active system or is next accessed or used",
	},
}

# alternatives (D4): the laws whose text lets the business deidentify or
# aggregate instead of erasing (FACTS CA-60, CONFIRMED-P).
alternatives := {"CCPA": "Cal. Code Regs. tit. 11, § 7022(b)(1)"}

# methods (D4): how to delete, per system type (seed procedure § 3.2,
# step 5 table; the types it does not name are given the nearest method).
methods := {
	"production_db": "DELETE command, verify removal",
	"crm": "delete or anonymize record",
	"ecommerce": "delete or anonymize customer and order records, verify removal",
	"marketing": "unsubscribe and purge",
	"support": "delete or anonymize tickets and attachments",
	"analytics": "delete or anonymize",
	"financial": "delete record, verify removal",
	"hr": "delete record, verify removal",
	"email_archive": "delete from archive",
	"file_system": "secure deletion",
	"cloud_service": "delete per provider method",
	"processor": "deletion directive to the processor, confirm deletion",
	"backup": "delete from rotation or anonymize in next backup cycle",
	"archive": "delete from archive when it is restored or next accessed",
}

# default_method is for an item whose system type is not given.
default_method := "delete, verify removal"

# now_methods: backups and archives that cannot wait (no backup rule in a
# governing law) are cleaned now (seed procedure § 6.2 Option A, § 6.3).
now_methods := {
	"backup": "delete from backup media now, verify removal (seed procedure § 6.2, Option A)",
	"archive": "delete from active archive now, verify removal (seed procedure § 6.3)",
}

# other_methods: the methods of the other actions.
other_methods := {
	"retain": "retain; restrict use",
	"not_required": "none: no law requires deleting this item",
	"deidentify": "deidentify: remove or transform identifiers so the record can no longer reasonably be linked to the consumer",
	"aggregate": "aggregate: keep only aggregate consumer information, no individual record",
}
