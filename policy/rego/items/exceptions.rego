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

# household_data (D1): the laws whose duty to delete does not reach household
# data (data[].household), with the provision (the law's
# delete.household_data: CCPA § 1798.145(p)).
household_data := {id: h | some id, law in applicability.laws; h := law.delete.household_data}

# duty (D1, D6): the provision that obliges the business to delete (the
# law's delete.duty).
duty := {id: d.citation | some id, law in applicability.laws; d := law.delete.duty}

# grounds (D10): the laws under which erasure is owed only where one of the
# law's grounds holds (the law's delete.grounds: GDPR Art. 17(1)(a)–(f));
# under the other laws every item in scope that no exception keeps is
# deleted.
grounds := {id: g | some id, law in applicability.laws; g := law.delete.grounds}

# exception_lists: each law's list of exceptions as a whole (the law's
# delete.exceptions.citation), cited when a claimed basis is not on it.
exception_lists := {id: e.citation | some id, law in applicability.laws; e := law.delete.exceptions}

# exceptions (D2): law → basis → the subsection that recognises it (the
# law's delete.exceptions.bases). A basis missing under a law is not an
# exception to deletion under that law. A law without delete.exceptions has
# no table yet: its claims go to Legal (items.rego).
exceptions := {id: {b: x.citation | some b, x in e.bases} |
	some id, law in applicability.laws
	e := law.delete.exceptions
}

# hold_citations (D3): a legal hold keeps the item under each law's
# legal-obligation and legal-claims exceptions (the law's
# delete.legal_hold).
hold_citations := {id: h.citation | some id, law in applicability.laws; h := law.delete.legal_hold}

# conditions: what must also hold for the exception (a basis's
# condition); the reason says it, for the host to check (the item is
# retained on the host's claim).
conditions := {id: {b: x.condition | some b, x in e.bases; x.condition} |
	some id, law in applicability.laws
	e := law.delete.exceptions
}

# backup_rules (D5): the laws whose text lets deletion from an archived or
# backup system wait (the law's delete.backups). The other laws are silent
# (FACTS § 9 "Backups": VCDPA, CTDPA, UCPA silent (M); GDPR no express rule
# (M)).
backup_rules := {id: r | some id, law in applicability.laws; r := law.delete.backups}

# alternatives (D4): the laws whose text lets the business deidentify or
# aggregate instead of erasing (the law's delete.alternatives).
alternatives := {id: a.citation | some id, law in applicability.laws; a := law.delete.alternatives}

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
