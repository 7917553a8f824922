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

# calendar_override is the business-day calendar the request chose, if any (R4).
calendar_override := input.business.calendar
