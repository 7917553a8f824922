# METADATA
# title: The deletion procedure
# description: |
#   What the business must do, by when, and whom to tell or escalate to:
#   the seed procedure (PROC-PRIV-002) with its timeframes from the playbook,
#   held to the law's deadlines.
package dsrkit.procedure

import data.dsrkit.deadlines
import data.dsrkit.playbook

settings := playbook.settings

zone := object.get(input, ["business", "time_zone"], "")

# day is the date of an event instant in the business's zone (R1).
day(instant) := dsrkit.receipt_date(instant, zone)

events := object.get(input, "events", {})

calendar := deadlines.binding_calendar
