package dsrkit.playbook_test

import data.dsrkit.playbook

test_defaults_from_the_seed_procedure if {
	playbook.settings.verification_data_points == {"ordinary": 2, "sensitive": 3}
	playbook.settings.info_response == {"n": 15, "unit": "days"}
}

test_playbook_overrides if {
	s := playbook.settings with input as {"playbook": {"info_response": {"n": 10, "unit": "days"}}}
	s.info_response.n == 10
	s.verification_data_points.ordinary == 2
}

test_escalation_levels_are_named_as_in_the_seed_procedure if {
	playbook.to == {1: "Privacy Team Lead", 2: "Chief Privacy Officer", 3: "Legal Counsel", 4: "Executive Leadership"}
}

test_escalation_goes_to_the_level_the_playbook_sets if {
	playbook.escalation("sold_after_opt_out", "sold after the opt-out") == {"trigger": "sold_after_opt_out", "level": 3, "to": "Legal Counsel", "reason": "sold after the opt-out"}
	playbook.escalation("recipient_non_compliance", "r") == {"trigger": "recipient_non_compliance", "level": 1, "to": "Privacy Team Lead", "reason": "r"}
	playbook.escalation("deadline_at_risk", "r") == {"trigger": "deadline_at_risk", "level": 2, "to": "Chief Privacy Officer", "reason": "r"}
	playbook.escalation("legal_exception_unclear", "r") == {"trigger": "legal_exception_unclear", "level": 3, "to": "Legal Counsel", "reason": "r"}
	playbook.escalation("regulator_complaint", "r") == {"trigger": "regulator_complaint", "level": 4, "to": "Executive Leadership", "reason": "r"}
	every trigger, level in playbook.defaults.escalation_levels {
		playbook.escalation(trigger, "r").level == level
	}
}

test_escalation_level_overridden_by_the_playbook if {
	inp := {"playbook": {"escalation_levels": {"deadline_at_risk": 4}}}
	playbook.escalation("deadline_at_risk", "r") == {"trigger": "deadline_at_risk", "level": 4, "to": "Executive Leadership", "reason": "r"} with input as inp
	playbook.escalation("sold_after_opt_out", "r").level == 3 with input as inp
}

test_unknown_trigger_has_no_escalation if {
	not playbook.escalation("no_such_trigger", "r")
}

test_every_trigger_has_a_level_by_default if {
	object.keys(playbook.defaults.escalation_levels) == {
		"recipient_non_compliance", "deadline_at_risk", "denial_disputed",
		"legal_exception_unclear", "legal_hold", "special_scenario",
		"sold_after_opt_out", "reading_contested", "regulator_complaint",
	}
}

test_a_playbook_sets_the_opt_out_triggers if {
	inp := {"playbook": {"escalation_levels": {"sold_after_opt_out": 1, "reading_contested": 4}}}
	playbook.escalation("sold_after_opt_out", "r") == {"trigger": "sold_after_opt_out", "level": 1, "to": "Privacy Team Lead", "reason": "r"} with input as inp
	playbook.escalation("reading_contested", "r") == {"trigger": "reading_contested", "level": 4, "to": "Executive Leadership", "reason": "r"} with input as inp
	playbook.escalation("legal_hold", "r").level == 3 with input as inp
}

test_settings_without_a_default if {
	playbook.without_default == {"opt_in_confirmation_window"}
	not playbook.settings.opt_in_confirmation_window
	every name in playbook.without_default {
		not name in object.keys(playbook.defaults)
	}
}

test_out_of_scope_action_by_default if {
	playbook.settings.out_of_scope_action == "delete"
	playbook.out_of_scope_actions == {"delete", "deidentify", "aggregate", "not_required"}
}
