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
