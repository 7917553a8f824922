// Package optout decides consumers' requests about the sale or sharing of
// their personal information: an opt-out (by a form or a Global Privacy
// Control signal), whether an opt-in is valid, and when the business may ask
// an opted-out consumer to opt back in. The law is in the engine's policy;
// this package gives its request and decision documents Go types.
//
// The Decide functions are safe for concurrent use, as the engine is.
package optout

import (
	"context"

	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/policy"
)

// Outcomes of the decisions (CONTRACT.md § 3).
const (
	Comply      = "comply"       // opt_out: stop selling or sharing by ComplyBy
	DenyFraud   = "deny_fraud"   // opt_out: denied on a documented belief of fraud
	NotRequired = "not_required" // opt_out: a signal no applicable law requires honouring
	NotCovered  = "not_covered"  // opt_out: no law applies
	Valid       = "valid"        // opt_in
	Invalid     = "invalid"      // opt_in
	Allowed     = "allowed"      // solicit_opt_in
	NotYet      = "not_yet"      // solicit_opt_in
)

// Request is a request to opt out of sale or sharing (kind "opt_out").
type Request struct {
	policy.RequestHeader
	Signal                  string       `json:"signal,omitempty"` // gpc, web_form, email, phone, in_app, agent
	Scope                   []string     `json:"scope,omitempty"`  // sale, sharing, targeted_advertising, sensitive_use
	ProcessedAt             string       `json:"processed_at,omitempty"`
	DisclosuresSinceReceipt []Disclosure `json:"disclosures_since_receipt,omitempty"`
	// AvailableTo lists the third parties to whom the business makes
	// personal information available when the request arrives (cookies,
	// pixels, SDKs). Under the CCPA each is instructed to comply and to
	// forward the request (Cal. Code Regs. tit. 11, § 7026(f)(3)).
	AvailableTo    []Availability `json:"available_to,omitempty"`
	FraudSuspected bool           `json:"fraud_suspected,omitempty"`
	// FraudBasis documents the good-faith belief of fraud; without it a
	// request is never denied for fraud.
	FraudBasis string `json:"fraud_basis,omitempty"`
	// ConsumerKnown says the business knows the consumer a signal comes from.
	ConsumerKnown bool `json:"consumer_known,omitempty"`
	// RevokesConsent says the request revokes a consent the consumer gave
	// (an earlier opt-in, or consent to process sensitive data): under a
	// law with a consent-revocation period (Oregon, New Jersey, Minnesota,
	// Rhode Island: 15 days) that period sets the date to stop.
	RevokesConsent bool `json:"revokes_consent,omitempty"`
}

// Availability is a third party to whom the business makes personal
// information available, and how (cookie, pixel, SDK, ...; optional).
type Availability struct {
	Recipient string `json:"recipient"`
	Means     string `json:"means,omitempty"`
}

// Disclosure is a sale or share of the consumer's personal information.
type Disclosure struct {
	Recipient string `json:"recipient"`
	At        string `json:"at"`  // RFC 3339 instant
	Via       string `json:"via"` // sale or share
}

// Decision is the decision on a request to opt out.
type Decision struct {
	policy.Envelope
	// ComplyBy is the binding date to stop; nil where no applicable law
	// sets a fixed date (the timeline then gives the outer bound).
	ComplyBy               *calendar.Date `json:"comply_by"`
	Verification           Verification   `json:"verification"`
	Scope                  []string       `json:"scope"`
	ThirdPartyInstructions []Instruction  `json:"third_party_instructions"`
	SignalHonored          bool           `json:"signal_honored"`
	SignalCovers           []string       `json:"signal_covers,omitzero"`
}

// Verification is an opt-out's verification: its status is always
// not_required (an opt-out is not a verifiable request).
type Verification struct {
	Status string `json:"status"`
}

// Instruction tells a third party that bought or received the information
// after the opt-out to stop selling or sharing it and pass the request on.
type Instruction struct {
	Recipient string `json:"recipient"`
	At        string `json:"at"`
	Reason    string `json:"reason"`
	Citation  string `json:"citation"`
}

// Decide decides a request to opt out under eng's policy. A Go error means
// only that nothing could be decided: an invalid request
// (errors.Is(err, policy.ErrInvalidRequest)) or a failing policy.
func Decide(ctx context.Context, eng *policy.Engine, req Request, opts ...policy.DecideOption) (*Decision, error) {
	req.Kind = policy.KindOptOut
	return policy.DecideAs[Decision](ctx, eng, req, opts...)
}

// OptInRequest asks whether an opt-in to sale or sharing is valid (kind
// "opt_in"). AsOf is required.
type OptInRequest struct {
	policy.RequestHeader
	Steps                        []Step `json:"steps,omitempty"`
	OptedOutAt                   string `json:"opted_out_at,omitempty"`
	SolicitedByBusiness          bool   `json:"solicited_by_business,omitempty"`
	SolicitedAt                  string `json:"solicited_at,omitempty"` // when the business asked (default: the request step)
	ConsumerInitiatedTransaction bool   `json:"consumer_initiated_transaction,omitempty"`
	// SensitiveData says the opt-in is to the sale of sensitive data: a law
	// that forbids that sale even with consent (Maryland) makes the opt-in
	// invalid.
	SensitiveData bool `json:"sensitive_data,omitempty"`
}

// Step is one step of an opt-in: the request or its confirmation.
type Step struct {
	Type        string `json:"type"` // request or confirmation
	At          string `json:"at"`   // RFC 3339 instant
	Channel     string `json:"channel"`
	ActionID    string `json:"action_id"`  // the host's id of the user action
	SubjectID   string `json:"subject_id"` // the host's id of the consumer the step is for
	Actor       string `json:"actor"`      // consumer or parent_guardian
	Affirmative bool   `json:"affirmative"`
	Prechecked  bool   `json:"prechecked"`
	Bundled     bool   `json:"bundled"`
}

// OptInDecision says whether an opt-in is valid; when it is not, Reasons
// lists every failing reason.
type OptInDecision struct {
	policy.Envelope
	Valid bool `json:"valid"`
}

// DecideOptIn decides whether an opt-in is valid under eng's policy.
func DecideOptIn(ctx context.Context, eng *policy.Engine, req OptInRequest, opts ...policy.DecideOption) (*OptInDecision, error) {
	req.Kind = policy.KindOptIn
	return policy.DecideAs[OptInDecision](ctx, eng, req, opts...)
}

// SolicitRequest asks whether the business may ask an opted-out consumer
// to opt back in (kind "solicit_opt_in"). OptedOutAt and AsOf are required.
type SolicitRequest struct {
	policy.RequestHeader
	OptedOutAt                   string `json:"opted_out_at"`
	ConsumerInitiatedTransaction bool   `json:"consumer_initiated_transaction,omitempty"`
}

// SolicitDecision says whether the business may ask now, and from when.
type SolicitDecision struct {
	policy.Envelope
	Allowed  bool          `json:"allowed"`
	Earliest calendar.Date `json:"earliest"`
}

// DecideSolicit decides whether the business may ask the consumer to opt
// back in under eng's policy.
func DecideSolicit(ctx context.Context, eng *policy.Engine, req SolicitRequest, opts ...policy.DecideOption) (*SolicitDecision, error) {
	req.Kind = policy.KindSolicitOptIn
	return policy.DecideAs[SolicitDecision](ctx, eng, req, opts...)
}
