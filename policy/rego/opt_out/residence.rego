# A universal opt-out signal from a consumer whose residence the business
# could not verify (the request's consumer.residence_verified false).
#
# A law whose signal data holds a residence_check (Texas: Tex. Bus. & Com.
# Code § 541.055(f)(2); Nebraska: Neb. Rev. Stat. § 87-1111) does not
# require honouring the signal when the controller cannot verify that the
# consumer resides in the state. Only an explicit false counts: a request
# that does not say is honoured (never late).
package dsrkit.opt_out

import data.dsrkit.lib
import data.dsrkit.request

# signal_candidates are the applicable laws with opt-out data that a signal
# may bind: all of them but those refused for an unverified residence.
signal_candidates[id] := law if {
	some id, law in opt_out_laws
	not residence_refused[id]
}

# residence_refused are the laws that would require honouring the signal on
# the receipt date but for the unverified residence.
residence_refused[id] := law if {
	is_signal
	input.consumer.residence_verified == false
	some id, law in opt_out_laws
	law.opt_out.signal.residence_check
	request.received_on >= object.get(law.opt_out.signal, "from", "")
}

# METADATA
# title: Universal opt-out signal not required, residence not verified
# description: The law does not require honouring a universal opt-out signal when the business cannot verify that the consumer resides in the state; the business may still honour it.
# custom:
#   citation: the law's residence check (opt_out.signal.residence_check)
reasons contains lib.with_citation(lib.law_reason(id, "signal_residence_unverified", msg, rego.metadata.chain()), law.opt_out.signal.residence_check.citation) if {
	some id, law in residence_refused
	msg := sprintf("%s does not require honouring a universal opt-out signal from a consumer whose residence in the state the business cannot verify (consumer.residence_verified is false); the business may still honour it", [id])
}
