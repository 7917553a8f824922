# METADATA
# title: The shape of a law's data
# description: |
#   A JSON Schema (draft 2020-12) for the `law` of every package under
#   data.dsrkit.laws. The engine checks each law against it when it loads a
#   policy (policy.New, Reload, dsrkit test, cmd/opa/check.sh): an unknown
#   key, a wrong unit, a missing citation or a malformed date is a load
#   error naming the law's file and the JSON pointer. It also refuses an
#   effective period whose "from" is not before its "until", and two
#   versions of one entry (the same entry but for its dates, figures and
#   citations) whose periods overlap.
#
#   The generic rules read exactly what this schema describes: a new key
#   needs a rule that reads it, and both are added together.
package dsrkit.law_schema

# bases are the generic exception bases (data[].exceptions[].basis) a law's
# exceptions and grounds may name; lawful_bases, the GDPR's Art. 6(1) bases
# (data[].lawful_basis). Objects keyed by them are closed with properties
# and additionalProperties false, not propertyNames, so that an unknown key
# is named by its own JSON pointer.
bases := ["complete_transaction", "warranty_or_recall", "security_integrity", "debug_repair", "free_speech", "legal_obligation", "legal_claims", "law_enforcement", "research_public_interest", "internal_uses_expected", "calecpa", "life_safety", "public_health"]

lawful_bases := ["consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"]

schema := {
	"$schema": "https://json-schema.org/draft/2020-12/schema",
	"type": "object",
	"additionalProperties": false,
	"required": ["id", "name", "citation", "in_force", "territory", "consumers", "calendar", "delete"],
	"properties": {
		"id": {"type": "string", "pattern": "^[A-Z][A-Z0-9]*$", "description": "The law's id in decisions (laws[].law)."},
		"name": {"$ref": "#/$defs/text"},
		"citation": {"$ref": "#/$defs/citation"},
		"in_force": {
			"type": "object",
			"additionalProperties": false,
			"required": ["from", "citation"],
			"properties": {"from": {"$ref": "#/$defs/date"}, "until": {"$ref": "#/$defs/date"}, "citation": {"$ref": "#/$defs/citation"}},
		},
		"territory": {"$ref": "#/$defs/alternatives"},
		"consumers": {"$ref": "#/$defs/alternatives"},
		"thresholds": {"$ref": "#/$defs/alternatives"},
		"exempt_entities": {"$ref": "#/$defs/alternatives"},
		"calendar": {"type": "string", "minLength": 1, "description": "The business-day calendar of the law's business-day periods (a calendar name or common(A,B,...))."},
		"calendar_from": {"enum": ["eu_member_state"], "description": "Take the calendar from this business field when the request gives it."},
		"delete": {
			"type": "object",
			"additionalProperties": false,
			"required": ["respond", "extended", "extension_notice"],
			"properties": {
				"acknowledge": {"$ref": "#/$defs/period"},
				"respond": {"$ref": "#/$defs/period"},
				"extended": {"$ref": "#/$defs/period"},
				"extension_notice": {"$ref": "#/$defs/cited"},
				"extension_length_in_notice": {"type": "boolean"},
				"denial": {"$ref": "#/$defs/cited"},
				"confirmed": {"$ref": "#/$defs/cited", "description": "The provision on telling the consumer the request was complied with (deletion_confirmed)."},
				"offer_opt_out": {"$ref": "#/$defs/cited", "description": "The law has a business that sells or shares, and does not delete everything (unverifiable request, partial deletion, denial), offer the consumer who has not opted out an opt-out of sale (notice offer_opt_out; CCPA § 7022(g)); absent: no such offer."},
				"record_notice": {"$ref": "#/$defs/cited", "description": "The law has the response tell the consumer that a record of the request is kept (notice record_kept; CCPA § 7022(e)); absent: no such notice."},
				"appeal": {
					"type": "object",
					"additionalProperties": false,
					"required": ["n", "unit", "citation"],
					"properties": {
						"n": {"type": "integer", "minimum": 0},
						"unit": {"enum": ["days", "business_days", "months"]},
						"citation": {"$ref": "#/$defs/citation"},
						"extension": {"$ref": "#/$defs/period", "description": "A further period to answer an appeal, with notice and reasons within the first (CPA: 60 days)."},
						"authority": {
							"type": "object",
							"additionalProperties": false,
							"required": ["name", "citation"],
							"description": "Whom the consumer may contact if the appeal is denied (the Attorney General; Delaware: the Department of Justice), as the appeal instructions name it.",
							"properties": {"name": {"$ref": "#/$defs/text"}, "citation": {"$ref": "#/$defs/citation"}},
						},
					},
				},
				"complaint": {"$ref": "#/$defs/cited"},
				"free_requests": {
					"type": "object",
					"additionalProperties": false,
					"required": ["n", "per", "citation"],
					"description": "How many requests a consumer may make free of charge in a period (Indiana: one a year; Kentucky: two in twelve months): a request beyond them may carry a reasonable fee, or be declined only as manifestly unfounded, excessive or repetitive. Read with consumer.prior_requests_12_months.",
					"properties": {
						"n": {"type": "integer", "minimum": 1},
						"per": {
							"type": "object",
							"additionalProperties": false,
							"required": ["n", "unit"],
							"properties": {"n": {"type": "integer", "minimum": 1}, "unit": {"enum": ["months"]}},
						},
						"citation": {"$ref": "#/$defs/citation"},
						"note": {"$ref": "#/$defs/text"},
					},
				},
				"record": {"$ref": "#/$defs/period"},
				"scope": {
					"type": "object",
					"additionalProperties": false,
					"required": ["sources", "text", "citation"],
					"description": "What the right to delete reaches (dsrkit reading D1); absent: every source.",
					"properties": {
						"sources": {"type": "array", "items": {"enum": ["consumer", "third_party", "observed", "inferred"]}},
						"text": {"$ref": "#/$defs/text"},
						"citation": {"$ref": "#/$defs/citation"},
					},
				},
				"household_data": {
					"type": "object",
					"additionalProperties": false,
					"required": ["text", "citation"],
					"description": "The duty to delete does not reach household data (data[].household): such an item is outside the law's scope (D1), and a household request says so. text says what household data is; note flags an unverified provision for counsel.",
					"properties": {
						"text": {"$ref": "#/$defs/text"},
						"citation": {"$ref": "#/$defs/citation"},
						"note": {"$ref": "#/$defs/text"},
					},
				},
				"duty": {"$ref": "#/$defs/cited", "description": "The provision that obliges the business to delete (D1, D6)."},
				"exceptions": {
					"type": "object",
					"additionalProperties": false,
					"required": ["citation", "bases"],
					"description": "The law's exceptions to deletion (D2): its list as a whole, and each generic basis it recognises, with its subsection and any condition the reason states. A basis missing here is not an exception under the law.",
					"properties": {
						"citation": {"$ref": "#/$defs/citation"},
						"bases": {
							"type": "object",
							"additionalProperties": false,
							"properties": {b: {
								"type": "object",
								"additionalProperties": false,
								"required": ["citation"],
								"properties": {"citation": {"$ref": "#/$defs/citation"}, "condition": {"$ref": "#/$defs/text"}},
							} |
								some b in bases
							},
						},
					},
				},
				"legal_hold": {"$ref": "#/$defs/cited", "description": "The subsections that keep an item on legal hold (D3): the law's legal-obligation and legal-claims exceptions."},
				"backups": {
					"type": "object",
					"additionalProperties": false,
					"required": ["citation", "until"],
					"description": "Deletion from backups and archives may wait (D5); absent: the law is silent.",
					"properties": {"citation": {"$ref": "#/$defs/citation"}, "until": {"$ref": "#/$defs/text"}},
				},
				"alternatives": {"$ref": "#/$defs/cited", "description": "The business may deidentify or aggregate instead of erasing (D4)."},
				"third_party_data": {
					"type": "object",
					"additionalProperties": false,
					"required": ["citation", "options"],
					"description": "For data obtained from a third party, what the law allows instead of deleting it.",
					"properties": {
						"citation": {"$ref": "#/$defs/citation"},
						"options": {"type": "array", "minItems": 1, "items": {"enum": ["retain_record_minimum", "opt_out", "delete"]}},
					},
				},
				"grounds": {
					"type": "object",
					"additionalProperties": false,
					"required": ["default"],
					"description": "Where erasure is owed only when one of the law's grounds holds (GDPR Art. 17(1), dsrkit reading D10): for each item the policy finds whether a ground holds (effect ground: erasure is owed unless an exception keeps the item), none holds (none: the law does not require erasure while that lasts) or the item rests on a basis the request objects to (objection: kept only when the overriding grounds were assessed and documented, under assessed_citation). no_longer_necessary: data[].still_necessary is false; direct_marketing: an item of one of system_types with no stated lawful basis; lawful_basis: by data[].lawful_basis; implied_by_claim: the lawful basis a current claim implies when none is stated; default: nothing else shows.",
					"properties": {
						"no_longer_necessary": {"$ref": "#/$defs/finding"},
						"direct_marketing": {
							"type": "object",
							"additionalProperties": false,
							"required": ["effect", "system_types", "citation", "text"],
							"properties": {
								"effect": {"enum": ["ground", "none", "objection"]},
								"system_types": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/system_type"}},
								"citation": {"$ref": "#/$defs/citation"},
								"text": {"$ref": "#/$defs/text"},
							},
						},
						"lawful_basis": {
							"type": "object",
							"additionalProperties": false,
							"properties": {b: {"$ref": "#/$defs/finding"} | some b in lawful_bases},
						},
						"implied_by_claim": {
							"type": "object",
							"additionalProperties": false,
							"properties": {b: {"enum": lawful_bases} | some b in bases},
						},
						"default": {"$ref": "#/$defs/finding"},
					},
				},
			},
		},
		"opt_out": {
			"type": "object",
			"additionalProperties": false,
			"required": ["comply"],
			"properties": {
				"comply": {"$ref": "#/$defs/period"},
				"consent_revocation": {"$ref": "#/$defs/period", "description": "The period to stop processing after the consumer revokes a consent (an opt-out with revokes_consent): it takes the place of comply for such a request (Oregon, New Jersey, Minnesota, Rhode Island: as soon as practicable, at the latest 15 days)."},
				"verification": {
					"type": "object",
					"additionalProperties": false,
					"required": ["citation"],
					"properties": {
						"citation": {"$ref": "#/$defs/citation"},
						"not_required": {"const": true, "description": "The law says an opt-out needs no verification; absent: the citation is the law's authentication clause, which the business chooses not to use."},
					},
				},
				"fraud": {"$ref": "#/$defs/cited", "description": "The law's rule on denying an opt-out for a documented belief of fraud; absent: the law has none."},
				"fraud_period": {"$ref": "#/$defs/cited", "description": "A provision under which suspected fraud only lifts the period (UCPA)."},
				"after_opt_out": {"$ref": "#/$defs/cited", "description": "The provision that forbids a sale or share after the opt-out."},
				"made_available": {
					"type": "object",
					"additionalProperties": false,
					"required": ["citation"],
					"description": "The law directs the business to instruct the third parties to whom it makes personal information available when the opt-out arrives (the request's available_to[]); note flags an unverified provision for counsel.",
					"properties": {"citation": {"$ref": "#/$defs/citation"}, "note": {"$ref": "#/$defs/text"}},
				},
				"signal": {
					"type": "object",
					"additionalProperties": false,
					"required": ["citation"],
					"properties": {
						"from": {"$ref": "#/$defs/date"},
						"citation": {"$ref": "#/$defs/citation"},
						"residence_check": {"$ref": "#/$defs/cited", "description": "The law lets the controller refuse a signal when it cannot verify that the consumer resides in the state (TDPSA § 541.055(f)(2), NDPA); absent: no such ground."},
						"contested": {"$ref": "#/$defs/text", "description": "The signal is honoured on a contested reading of the law, which this text names: the decision says so and escalates for counsel's review (trigger reading_contested)."},
					},
				},
				"third_parties": {"$ref": "#/$defs/cited"},
			},
		},
		"consent": {
			"type": "object",
			"additionalProperties": false,
			"required": ["citation"],
			"description": "The law's consent provision, cited by the opt-in and its solicitation (dsrkit reading O4); provisions names the law's own provision for one aspect of it, cited instead where the law has one (CCPA: the two-step opt-in § 7028(a), consent free of dark patterns § 7004, the consumer-initiated transaction § 7028(b) and the opt-in instructions).",
			"properties": {
				"citation": {"$ref": "#/$defs/citation"},
				"provisions": {
					"type": "object",
					"additionalProperties": false,
					"properties": {a: {"$ref": "#/$defs/cited"} | some a in ["two_step", "dark_patterns", "consumer_initiated", "opt_in_instructions"]},
				},
			},
		},
		"minors": {
			"type": "array",
			"description": "The law's rules on a known minor's data (dsrkit reading O5), each in force from its from (inclusive) until its until (exclusive): for a consumer aged from_age (default 0) up to but not including under_age, what the scope needs: prohibited (not even with consent), parental_consent (a parent or guardian), consent (the minor).",
			"items": {
				"type": "object",
				"additionalProperties": false,
				"required": ["from", "under_age", "rule", "scope", "knowledge", "citation"],
				"properties": {
					"from": {"$ref": "#/$defs/date"},
					"until": {"$ref": "#/$defs/date"},
					"from_age": {"type": "integer", "minimum": 0, "maximum": 20, "description": "The youngest age the rule reaches (default 0)."},
					"under_age": {"type": "integer", "minimum": 1, "maximum": 21, "description": "The rule reaches consumers younger than this."},
					"rule": {"enum": ["prohibited", "parental_consent", "consent"]},
					"scope": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"enum": ["sale", "sharing", "targeted_advertising", "profiling"]}},
					"knowledge": {"enum": ["actual", "actual_or_willful_disregard", "knew_or_should_have_known"], "description": "What the business must know of the age for the rule to bind it; a request that states the age is such knowledge."},
					"citation": {"$ref": "#/$defs/citation"},
					"note": {"$ref": "#/$defs/text"},
				},
			},
		},
		"sensitive_data": {
			"type": "array",
			"description": "The law's rules on sensitive data, each in force from its from (inclusive) until its until (exclusive): what the scope needs. prohibited: not even with consent (Maryland: never sold); consent: the consumer's opt-in consent; strictly_necessary: only where strictly necessary to provide or maintain a product or service the consumer requested.",
			"items": {
				"type": "object",
				"additionalProperties": false,
				"required": ["from", "rule", "scope", "citation"],
				"properties": {
					"from": {"$ref": "#/$defs/date"},
					"until": {"$ref": "#/$defs/date"},
					"rule": {"enum": ["prohibited", "consent", "strictly_necessary"]},
					"scope": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"enum": ["sale", "processing"]}},
					"citation": {"$ref": "#/$defs/citation"},
					"note": {"$ref": "#/$defs/text"},
				},
			},
		},
		"verification": {
			"type": "object",
			"additionalProperties": false,
			"required": ["ordinary", "sensitive", "citation"],
			"description": "The verification standard of a request to delete (dsrkit reading § 4), for ordinary data and when an item is sensitive. citation is the law's verification clause, cited by every verification reason and notice the law has no own clause for.",
			"properties": {
				"ordinary": {"$ref": "#/$defs/standard"},
				"sensitive": {"$ref": "#/$defs/standard"},
				"citation": {"$ref": "#/$defs/citation"},
				"minimum_data_points": {
					"type": "object",
					"additionalProperties": false,
					"required": ["citation"],
					"description": "The data points the law itself names for a standard (CCPA § 7062: 2 for reasonable, 3 for reasonably high certainty): a floor the playbook may raise but never lower while the law applies; absent: the playbook's figure alone.",
					"properties": {
						"reasonable": {"type": "integer", "minimum": 0},
						"reasonably_high": {"type": "integer", "minimum": 0},
						"citation": {"$ref": "#/$defs/citation"},
					},
				},
				"clauses": {
					"type": "object",
					"description": "The law's own provision for one verification reason or notice, by its code, cited instead of citation: fraud_suspected, reauthentication_needed, not_yet_verified, agent_permission_missing, declaration_missing, consumer_confirmation_missing (text: how the law lets the business require the consumer's direct confirmation, said in the reason), request_more_information, identity_not_verified.",
					"additionalProperties": false,
					"properties": {c: {
						"type": "object",
						"additionalProperties": false,
						"required": ["citation"],
						"properties": {"citation": {"$ref": "#/$defs/citation"}, "text": {"$ref": "#/$defs/text"}},
					} |
						some c in ["fraud_suspected", "reauthentication_needed", "not_yet_verified", "agent_permission_missing", "declaration_missing", "consumer_confirmation_missing", "request_more_information", "identity_not_verified"]
					},
				},
			},
		},
		"unverified": {
			"type": "array",
			"description": "The facts of this law's data that the fact sheet does not confirm (applied in the never-late direction): a JSON pointer into the law's data and why.",
			"items": {
				"type": "object",
				"additionalProperties": false,
				"required": ["pointer", "note"],
				"properties": {"pointer": {"type": "string", "pattern": "^(/[^/]+)+$"}, "note": {"$ref": "#/$defs/text"}},
			},
		},
	},
	"$defs": {
		"text": {"type": "string", "minLength": 1},
		"lawful_basis": {"enum": lawful_bases},
		"system_type": {"enum": ["production_db", "crm", "ecommerce", "marketing", "support", "analytics", "financial", "hr", "email_archive", "file_system", "cloud_service", "backup", "archive", "processor"]},
		"finding": {
			"type": "object",
			"additionalProperties": false,
			"required": ["effect", "citation", "text"],
			"properties": {
				"effect": {"enum": ["ground", "none", "objection"]},
				"citation": {"$ref": "#/$defs/citation"},
				"assessed_citation": {"$ref": "#/$defs/citation", "description": "objection: the provision that keeps the item once the overriding grounds were assessed and documented."},
				"text": {"$ref": "#/$defs/text"},
			},
			"if": {"required": ["effect"], "properties": {"effect": {"const": "objection"}}},
			"then": {"required": ["assessed_citation"]},
		},
		"standard": {"enum": ["none", "commercially_reasonable", "reasonable", "reasonably_high"]},
		"citation": {"type": "string", "minLength": 1, "description": "The provision, as the consumer or counsel would look it up."},
		"date": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"},
		"cited": {
			"type": "object",
			"additionalProperties": false,
			"required": ["citation"],
			"properties": {"citation": {"$ref": "#/$defs/citation"}},
		},
		"period": {
			"type": "object",
			"additionalProperties": false,
			"required": ["citation"],
			"properties": {
				"n": {"type": "integer", "minimum": 0},
				"unit": {"enum": ["days", "business_days", "months", "as_soon_as_feasible"], "description": "as_soon_as_feasible: no fixed date (outer_bound gives the latest)."},
				"citation": {"$ref": "#/$defs/citation"},
				"text": {"$ref": "#/$defs/text", "description": "as_soon_as_feasible: the law's words for the duty (default: as soon as feasibly possible and without undue delay)."},
				"outer_bound": {
					"type": "object",
					"additionalProperties": false,
					"required": ["n", "unit"],
					"properties": {"n": {"type": "integer", "minimum": 0}, "unit": {"enum": ["days", "business_days", "months"]}},
				},
			},
			"dependentRequired": {"n": ["unit"]},
			"if": {"required": ["unit"], "properties": {"unit": {"enum": ["days", "business_days", "months"]}}},
			"then": {"required": ["n"]},
		},
		"condition": {
			"type": "object",
			"additionalProperties": false,
			"required": ["fact", "op", "value"],
			"properties": {
				"fact": {"type": "string", "minLength": 1},
				"op": {"enum": ["==", "!=", ">", ">=", "<", "<="]},
				"value": {"type": ["number", "boolean", "string"]},
			},
		},
		"alternatives": {
			"type": "object",
			"additionalProperties": false,
			"required": ["citation", "any"],
			"properties": {
				"citation": {"$ref": "#/$defs/citation"},
				"any": {"type": "array", "items": {"$ref": "#/$defs/alternative"}},
			},
		},
		"alternative": {
			"type": "object",
			"additionalProperties": false,
			"required": ["citation"],
			"properties": {
				"citation": {"$ref": "#/$defs/citation"},
				"from": {"$ref": "#/$defs/date"},
				"until": {"$ref": "#/$defs/date"},
				"note": {"$ref": "#/$defs/text"},
				"residence": {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{2}(-[A-Z0-9]{1,3})?$"}},
				"residence_name": {"$ref": "#/$defs/text"},
				"relationship": {"type": "array", "items": {"enum": ["customer", "employee", "job_applicant", "contractor", "b2b_contact", "other"]}},
				"exemption": {"type": "string", "minLength": 1},
				"all": {"type": "array", "items": {"$ref": "#/$defs/condition"}},
			},
		},
	},
}
