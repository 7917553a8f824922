package dsrkit.request_test

import data.dsrkit.request

test_receipt_date_in_business_zone if {
	# 06:30 UTC on 9 March is 23:30 on 8 March in Los Angeles (PDT began that morning).
	request.received_on == "2026-03-08" with input as {"received_at": "2026-03-09T06:30:00Z", "business": {"time_zone": "America/Los_Angeles"}}
}

test_receipt_date_in_written_offset_without_zone if {
	request.received_on == "2026-03-09" with input as {"received_at": "2026-03-09T06:30:00Z"}
	request.received_on == "2026-03-08" with input as {"received_at": "2026-03-08T23:30:00-07:00"}
}

test_receipt_bare_date if {
	request.received_on == "2026-11-20" with input as {"received_at": "2026-11-20", "business": {"time_zone": "Asia/Tokyo"}}
}

test_as_of_defaults_to_receipt if {
	request.as_of == "2026-11-20T10:00:00Z" with input as {"received_at": "2026-11-20T10:00:00Z"}
	request.as_of == "2026-12-01T00:00:00Z" with input as {"received_at": "2026-11-20T10:00:00Z", "as_of": "2026-12-01T00:00:00Z"}
	request.as_of_date == "2026-11-30" with input as {"received_at": "2026-11-20", "as_of": "2026-12-01T00:00:00Z", "business": {"time_zone": "America/Los_Angeles"}}
}

test_calendar_override if {
	request.calendar_override == "US-CA" with input as {"business": {"calendar": "US-CA"}}
	not request.calendar_override with input as {"business": {}}
}

test_no_moment_at_all if {
	request.as_of == null with input as {"kind": "opt_in"}
	not request.as_of_date with input as {"kind": "opt_in"}
}

test_disclosures_after_receipt if {
	disclosures := [{"at": "2026-12-18T15:59:59-08:00"}, {"at": "2026-12-18T16:00:00-08:00"}, {"at": "2026-12-19T00:30:00Z"}]
	request.after_receipt == {"2026-12-18T16:00:00-08:00", "2026-12-19T00:30:00Z"} with input as {"received_at": "2026-12-18T16:00:00-08:00", "disclosures_since_receipt": disclosures}

	# By date when the request gives only its receipt date: 00:30 UTC on
	# the 19th is the 18th in Los Angeles.
	request.after_receipt == {d.at | some d in disclosures} with input as {"received_at": "2026-12-18", "business": {"time_zone": "America/Los_Angeles"}, "disclosures_since_receipt": disclosures}
	request.after_receipt == set() with input as {"received_at": "2026-12-18T16:00:00-08:00"}
}

test_available_to_is_instructed_from_the_receipt if {
	request.available_to == [{"recipient": "AdPixel", "means": "pixel", "at": "2026-03-02T10:00:00-08:00"}] with input as {"received_at": "2026-03-02T10:00:00-08:00", "available_to": [{"recipient": "AdPixel", "means": "pixel"}]}
	request.available_to == [] with input as {"received_at": "2026-03-02T10:00:00-08:00"}
}

test_echo_is_the_id_and_the_moment_as_given if {
	request.echo == {"request_id": "r-1", "as_of": "2026-12-01T00:00:00Z"} with input as {"id": "r-1", "received_at": "2026-11-20", "as_of": "2026-12-01T00:00:00Z"}
	request.echo == {"request_id": "", "as_of": "2026-11-20"} with input as {"received_at": "2026-11-20"}
}
