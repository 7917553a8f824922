# METADATA
# title: The request, normalised
# description: Receipt date (R1), evaluation moment and calendar choice.
package dsrkit.request

# METADATA
# title: Receipt date (R1)
# description: |
#   The calendar date of received_at in the business's IANA time zone, or in
#   the offset written in the instant when no zone is given; a bare date is
#   that date. The host's clock and zone are never read.
# custom:
#   citation: dsrkit reading R1
received_on := dsrkit.receipt_date(input.received_at, object.get(input, ["business", "time_zone"], ""))

# as_of is the moment of evaluation: the request's, else its receipt.
default as_of := null

as_of := input.as_of

as_of := input.received_at if not input.as_of

# as_of_date is the date of as_of in the business's zone.
as_of_date := dsrkit.receipt_date(as_of, object.get(input, ["business", "time_zone"], "")) if as_of != null

# after_receipt: the instants of the disclosures since receipt that came
# after the request was received: by date when the request gives only a
# receipt date (R1).
after_receipt contains d.at if {
	some d in object.get(input, "disclosures_since_receipt", [])
	regex.match(`^\d{4}-\d{2}-\d{2}$`, input.received_at)
	dsrkit.receipt_date(d.at, object.get(input, ["business", "time_zone"], "")) >= received_on
}

after_receipt contains d.at if {
	some d in object.get(input, "disclosures_since_receipt", [])
	not regex.match(`^\d{4}-\d{2}-\d{2}$`, input.received_at)
	time.parse_rfc3339_ns(d.at) >= time.parse_rfc3339_ns(input.received_at)
}

# available_to: the third parties the business makes personal information
# available to when the request arrives, each with the instant from which
# it is to be instructed: the receipt.
available_to := [object.union(a, {"at": input.received_at}) | some a in object.get(input, "available_to", [])]

# METADATA
# title: What every decision echoes of the request
# description: |
#   The request's id and its evaluation moment, as given. Each kind's
#   decision is object.union(what it decides, echo) and no other rule reads
#   echo: the engine may then keep what was decided for one request and
#   serve it to another that differs only in what echo holds (the decision
#   memo), and it checks that this is so when it compiles the policy.
echo := {"request_id": object.get(input, "id", ""), "as_of": as_of}

# calendar_override is the business-day calendar the request chose, if any (R4).
calendar_override := input.business.calendar
