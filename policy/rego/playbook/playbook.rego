# METADATA
# title: The organisation's procedure settings (defaults)
# description: |
#   Not law: the defaults of the seed deletion procedure (PROC-PRIV-002),
#   which an organisation's playbook overrides (input.playbook). Periods are
#   {n, unit} like the law's.
#
#   This file is the one source of the playbook's settings: their names
#   (and each trigger's) and their default values. The playbook schema
#   (rules/playbook.schema.json) and the default playbook
#   (rules/default.yaml) are checked against it (policy/playbook_drift_test.go),
#   and the engine refuses a playbook that sets a setting or a trigger the
#   loaded policy does not name here.
package dsrkit.playbook

defaults := {
	# Step 2: "Standard request: Match 2+ data points; Sensitive data or high-risk: Match 3+".
	"verification_data_points": {"ordinary": 2, "sensitive": 3},
	# Step 2: "If verification fails, request additional information (provide 15 days to respond)".
	"info_response": {"n": 15, "unit": "days"},
	# § 3.2 timeframes of each step (§ 3.3 timeline summary): intake within
	# 24 hours, acknowledgement and verification counted from receipt, each
	# later step from the one before.
	"steps": {
		"intake": {"n": 1, "unit": "days"},
		"acknowledge": {"n": 10, "unit": "business_days"},
		"verify": {"n": 5, "unit": "business_days"},
		"discover": {"n": 15, "unit": "business_days"},
		"analyze_exceptions": {"n": 5, "unit": "business_days"},
		"execute_deletion": {"n": 10, "unit": "business_days"},
	},
	# Step 6 and the directive template: "Confirm deletion within 15 calendar days".
	"directive_confirmation": {"n": 15, "unit": "days"},
	# § 7.2: "Retain deletion request records for 3 years".
	"record_retention": {"n": 36, "unit": "months"},
	# § 10: triggers and the level each goes to (§ 10.2: 1 Privacy Team Lead,
	# 2 Chief Privacy Officer, 3 Legal Counsel, 4 Executive Leadership).
	"escalation_levels": {
		"recipient_non_compliance": 1,
		"deadline_at_risk": 2,
		"denial_disputed": 2,
		"legal_exception_unclear": 3,
		"legal_hold": 3,
		"special_scenario": 3,
		"sold_after_opt_out": 3,
		# A decision that rests on a contested reading (dsrkit reading O2:
		# GPC under the GDPR) goes to the Privacy Team Lead for counsel's review.
		"reading_contested": 1,
		"regulator_complaint": 4,
	},
	# § 10.1: "Deadline at risk (>30 days elapsed)".
	"deadline_at_risk_after_days": 30,
	# dsrkit reading D1: an item no applicable law requires the business to
	# delete, with no exception claimed, is deleted anyway (one of
	# out_of_scope_actions).
	"out_of_scope_action": "delete",
}

# without_default: the settings a playbook may set that have no default.
# The seed procedure sets no window for the second step of a two-step
# opt-in (opt_in), so none applies unless the playbook sets one.
without_default := {"opt_in_confirmation_window"}

# out_of_scope_actions: the values of out_of_scope_action the policy acts on
# (items.out_of_scope_action).
out_of_scope_actions := {"delete", "deidentify", "aggregate", "not_required"}

# settings are the defaults with the request's playbook laid over them.
settings := object.union(defaults, input.playbook)

settings := defaults if not input.playbook

# to names who each escalation level goes to (seed procedure § 10.2).
to := {1: "Privacy Team Lead", 2: "Chief Privacy Officer", 3: "Legal Counsel", 4: "Executive Leadership"}

# escalation is an escalation to the level the playbook sets for trigger.
escalation(trigger, reason) := {"trigger": trigger, "level": level, "to": to[level], "reason": reason} if {
	level := settings.escalation_levels[trigger]
}
