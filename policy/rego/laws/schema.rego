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
				"appeal": {
					"type": "object",
					"additionalProperties": false,
					"required": ["n", "unit", "citation"],
					"properties": {
						"n": {"type": "integer", "minimum": 0},
						"unit": {"enum": ["days", "business_days", "months"]},
						"citation": {"$ref": "#/$defs/citation"},
						"extension": {"$ref": "#/$defs/period", "description": "A further period to answer an appeal, with notice and reasons within the first (CPA: 60 days)."},
					},
				},
				"complaint": {"$ref": "#/$defs/cited"},
				"record": {"$ref": "#/$defs/period"},
			},
		},
		"opt_out": {
			"type": "object",
			"additionalProperties": false,
			"required": ["comply"],
			"properties": {
				"comply": {"$ref": "#/$defs/period"},
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
				"signal": {
					"type": "object",
					"additionalProperties": false,
					"required": ["citation"],
					"properties": {"from": {"$ref": "#/$defs/date"}, "citation": {"$ref": "#/$defs/citation"}},
				},
				"third_parties": {"$ref": "#/$defs/cited"},
			},
		},
		"consent": {"$ref": "#/$defs/cited", "description": "The law's consent provision, cited by the opt-in under a law other than the CCPA (dsrkit reading O4)."},
	},
	"$defs": {
		"text": {"type": "string", "minLength": 1},
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
