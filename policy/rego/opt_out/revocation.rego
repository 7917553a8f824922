# A consumer's revocation of a consent (the request's revokes_consent).
#
# A law that sets a period to stop processing once a consent is revoked
# (law data opt_out.consent_revocation: Oregon, New Jersey, Minnesota, Rhode
# Island: as soon as practicable, at the latest 15 days after receipt) sets
# the date of an opt-out that revokes a consent in place of its opt-out
# period (comply). Under a law without one the opt-out period holds.
package dsrkit.opt_out

# comply_period is the law's period to stop: its consent-revocation period
# when the request revokes a consent and the law has one (Oregon: 15 days,
# ORS 646A.578(1)(d)), else its opt-out period.
comply_period(law) := law.opt_out.consent_revocation if revocation(law)

comply_period(law) := law.opt_out.comply if not revocation(law)

revocation(law) if {
	input.revokes_consent
	law.opt_out.consent_revocation
}

# stop_text says what the business stops under a law.
stop_text(law) := sprintf("stop the processing the revoked consent covered (%s) as soon as practicable and", [concat(", ", scope)]) if revocation(law)

stop_text(law) := sprintf("stop selling or sharing (%s) going forward", [concat(", ", scope)]) if not revocation(law)
