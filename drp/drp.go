// Package drp speaks the Data Rights Protocol (DRP 0.9, Consumer Reports
// Innovation Lab) for dsrkit: it turns an authorised agent's Data Rights
// Exercise (the verified JSON body of POST /v1/data-rights-request) into a
// dsrkit request document (FromExercise), and a dsrkit decision back into a
// DRP Exercise Status object (Status), by a documented mapping of every
// outcome and reason code onto a DRP status and reason (docs/drp.md,
// Outcomes and Reasons).
//
// The package neither verifies the exercise's signature nor serves HTTP:
// the host (examples/crm mounts it) checks the agent's libsodium signature
// and bearer token, generates the request id, and says when the exercise
// reached it. It reads no clock: every instant comes from the host.
package drp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dsrkit/dsrkit/deletion"
	"github.com/dsrkit/dsrkit/optout"
	"github.com/dsrkit/dsrkit/policy"
)

// DRP request statuses (DRP 0.9 § 3.02).
const (
	Open       = "open"
	InProgress = "in_progress"
	Fulfilled  = "fulfilled"
	Revoked    = "revoked"
	Denied     = "denied"
	Expired    = "expired"
)

// DRP status reasons (DRP 0.9 § 3.02). InsufficientVerification is
// written "insuf_verification" on the wire, as the specification's table
// and its reference implementations spell it.
const (
	NeedUserVerification     = "need_user_verification"
	SuspectedFraud           = "suspected_fraud"
	InsufficientVerification = "insuf_verification"
	NoMatch                  = "no_match"
	ClaimNotCovered          = "claim_not_covered"
	OutsideJurisdiction      = "outside_jurisdiction"
	TooManyRequests          = "too_many_requests"
	Other                    = "other"
)

// DRP rights actions (DRP 0.9 § 3.01) dsrkit decides.
const (
	ActionDeletion   = "deletion"
	ActionSaleOptOut = "sale:opt_out"
)

// Errors, for errors.Is.
var (
	// ErrInvalidExercise: the exercise is not a DRP exercise dsrkit can
	// read (not JSON, a required field missing or malformed). DRP: a 400
	// error state.
	ErrInvalidExercise = errors.New("drp: invalid exercise")
	// ErrUnsupportedAction: a rights action dsrkit does not decide
	// (access, access:categories, access:specific, sale:opt_in). DRP: a
	// 400 error state, "Unsupported rights actions submitted."
	ErrUnsupportedAction = errors.New("drp: unsupported rights action")
	// ErrExpired: the exercise reached the business after its expires-at,
	// or before its issued-at. DRP: discard it with a fatal error state.
	ErrExpired = errors.New("drp: exercise outside its validity window")
	// ErrNoResidence: neither the exercise (address, regime) nor the host
	// says where the consumer lives.
	ErrNoResidence = errors.New("drp: the consumer's residence is not known")
	// ErrNotMapped: a decision whose kind and outcome the mapping does not
	// know. Status never guesses a status.
	ErrNotMapped = errors.New("drp: decision outcome not mapped")
	// ErrNotExercise: a decision on a question no agent asks
	// (solicit_opt_in: whether the business may ask for an opt-in).
	ErrNotExercise = errors.New("drp: not a DRP exercise")
)

// Exercise is the body of a DRP Data Rights Exercise (DRP 0.9.4 § 2.01),
// after the host has verified its signature, with the identity claims of
// § 3.04 (schema.org/Person).
type Exercise struct {
	AgentID        string   `json:"agent-id"`
	BusinessID     string   `json:"business-id"`
	IssuedAt       string   `json:"issued-at"`
	ExpiresAt      string   `json:"expires-at"`
	AgentRequestID string   `json:"agent-request-id,omitempty"`
	Version        string   `json:"drp.version,omitempty"`
	Exercise       string   `json:"exercise"`
	Regime         string   `json:"regime,omitempty"`
	Relationships  []string `json:"relationships,omitempty"`
	StatusCallback string   `json:"status_callback,omitempty"`

	Name                string   `json:"name,omitempty"`
	Email               string   `json:"email,omitempty"`
	EmailVerified       bool     `json:"email_verified,omitempty"`
	PhoneNumber         string   `json:"phone_number,omitempty"`
	PhoneNumberVerified bool     `json:"phone_number_verified,omitempty"`
	Address             *Address `json:"address,omitempty"`
	AddressVerified     bool     `json:"address_verified,omitempty"`
	PowerOfAttorney     string   `json:"power_of_attorney,omitempty"`
}

// Address is the address claim (OpenID Connect Core 1.0 § 5.1.1).
type Address struct {
	Formatted     string `json:"formatted,omitempty"`
	StreetAddress string `json:"street_address,omitempty"`
	Locality      string `json:"locality,omitempty"`
	Region        string `json:"region,omitempty"`
	PostalCode    string `json:"postal_code,omitempty"`
	Country       string `json:"country,omitempty"`
}

// Host is what the business adds to an exercise to make a dsrkit request.
type Host struct {
	// RequestID is the business's request_id for the exercise (DRP § 3.03:
	// a UUID generated on receipt); it becomes the dsrkit request's id.
	RequestID string
	// ReceivedAt is the RFC 3339 instant the exercise reached the business.
	ReceivedAt string
	// Business holds the business's facts (time zone, thresholds, …).
	Business policy.Business
	// Residence is the consumer's residence (ISO 3166-2 or 3166-1) when the
	// exercise's address claim gives no country; a regime of "ccpa" alone
	// stands for US-CA.
	Residence string
	// AgentAuthorization is what the business holds of the agent's
	// authority (requester.authorization): "signed_permission" when the
	// network's rules give it the consumer's signed permission. Empty:
	// "power_of_attorney" if the exercise carries a power_of_attorney
	// claim, else "none" — the law then treats the agent as unauthorised.
	AgentAuthorization string
	// Verification is the business's verification of the consumer for a
	// deletion (its own matching of the exercise's claims); nil: not yet
	// verified.
	Verification *deletion.Verification
}

// ParseExercise reads an exercise body, refusing unknown actions and
// missing fields.
func ParseExercise(body []byte) (*Exercise, error) {
	var ex Exercise
	if err := json.Unmarshal(body, &ex); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidExercise, err)
	}
	var missing []string
	for _, f := range []struct{ name, v string }{
		{"agent-id", ex.AgentID}, {"business-id", ex.BusinessID}, {"issued-at", ex.IssuedAt},
		{"expires-at", ex.ExpiresAt}, {"exercise", ex.Exercise},
	} {
		if f.v == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%w: missing %s", ErrInvalidExercise, strings.Join(missing, ", "))
	}
	if ex.Exercise == "sale:opt-out" { // the spelling of DRP 0.9.4's example body
		ex.Exercise = ActionSaleOptOut
	}
	return &ex, nil
}

// FromExercise turns an agent's exercise into the dsrkit request document
// the business decides: a deletion becomes a request to delete, a
// sale:opt_out an opt-out by signal "agent" with scope ["sale"], both made
// by an authorized_agent. The identity claims (name, e-mail, phone,
// address) are not in the request — dsrkit's contract carries no personal
// data — but in the returned Exercise, for the host to match; the address
// only gives the residence. An exercise received outside its issued-at …
// expires-at window is refused (ErrExpired).
func FromExercise(body []byte, h Host) (request []byte, ex *Exercise, err error) {
	if ex, err = ParseExercise(body); err != nil {
		return nil, nil, err
	}
	if h.RequestID == "" {
		return nil, nil, errors.New("drp: Host.RequestID is required")
	}
	received, err := time.Parse(time.RFC3339, h.ReceivedAt)
	if err != nil {
		return nil, nil, fmt.Errorf("drp: Host.ReceivedAt: %w", err)
	}
	for _, w := range []struct {
		name, v string
		bad     func(time.Time) bool
	}{
		{"issued-at", ex.IssuedAt, received.Before},
		{"expires-at", ex.ExpiresAt, received.After},
	} {
		t, err := time.Parse(time.RFC3339, w.v)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %s: %v", ErrInvalidExercise, w.name, err)
		}
		if w.bad(t) {
			return nil, nil, fmt.Errorf("%w: received at %s, %s is %s", ErrExpired, h.ReceivedAt, w.name, w.v)
		}
	}
	residence, err := residenceOf(ex, h)
	if err != nil {
		return nil, nil, err
	}
	authorization := h.AgentAuthorization
	if authorization == "" {
		authorization = "none"
		if ex.PowerOfAttorney != "" {
			authorization = "power_of_attorney"
		}
	}
	header := policy.RequestHeader{
		ID:         h.RequestID,
		ReceivedAt: h.ReceivedAt,
		Consumer:   policy.Consumer{Residence: residence},
		Requester:  &policy.Requester{Type: "authorized_agent", Authorization: authorization},
		Business:   h.Business,
	}
	var req any
	switch ex.Exercise {
	case ActionDeletion:
		header.Kind = policy.KindDelete
		req = deletion.Request{RequestHeader: header, Verification: h.Verification}
	case ActionSaleOptOut:
		header.Kind = policy.KindOptOut
		req = optout.Request{RequestHeader: header, Signal: "agent", Scope: []string{"sale"}}
	default:
		return nil, nil, fmt.Errorf("%w: %q", ErrUnsupportedAction, ex.Exercise)
	}
	request, err = json.Marshal(req)
	return request, ex, err
}

func residenceOf(ex *Exercise, h Host) (string, error) {
	if a := ex.Address; a != nil && a.Country != "" {
		country := strings.ToUpper(a.Country)
		if country == "US" && a.Region != "" {
			return "US-" + strings.ToUpper(a.Region), nil
		}
		if country != "US" {
			return country, nil
		}
	}
	switch {
	case h.Residence != "":
		return h.Residence, nil
	case ex.Regime == "ccpa":
		return "US-CA", nil
	}
	return "", ErrNoResidence
}

// ExerciseStatus is the DRP Exercise Status object (DRP 0.9.4 § 3.03).
type ExerciseStatus struct {
	RequestID           string `json:"request_id"`
	AgentRequestID      string `json:"agent_request_id,omitempty"`
	ReceivedAt          string `json:"received_at,omitempty"`
	ExpectedBy          string `json:"expected_by,omitempty"`
	ProcessingDetails   string `json:"processing_details,omitempty"`
	Status              string `json:"status"`
	Reason              string `json:"reason,omitempty"`
	UserVerificationURL string `json:"user_verification_url,omitempty"`
	ExpiresAt           string `json:"expires_at,omitempty"`
}

// StatusOptions are what a status needs beyond the request and decision.
type StatusOptions struct {
	// AgentRequestID echoes the exercise's agent-request-id.
	AgentRequestID string
	// UserVerificationURL is given with status in_progress, reason
	// need_user_verification (DRP § 3.02.1).
	UserVerificationURL string
}

// decision is what Status reads of any decision.
type decision struct {
	policy.Envelope
	Deadlines *deletion.Deadlines     `json:"deadlines"`
	Items     []deletion.ItemDecision `json:"items"`
	Plan      []deletion.PlanStep     `json:"plan"`
	Record    *deletion.Record        `json:"record"`
	ComplyBy  *string                 `json:"comply_by"`
}

// request is what Status reads of the request.
type request struct {
	ID          string `json:"id"`
	ReceivedAt  string `json:"received_at"`
	ProcessedAt string `json:"processed_at"`
}

// Status translates a decision (and the request it decided) into the DRP
// Exercise Status the agent is sent: status and reason by Outcomes, refined
// by the decision's own reason codes (Reasons) for a denial — an
// unverified deletion whose verification found fraud is denied as
// suspected_fraud; expected_by the binding date to respond by (the
// extended one once the extension is notified) while in progress;
// processing_details the texts of the notices the consumer must be told
// (once the request is closed, or when verification needs the consumer);
// expires_at the last day the business keeps the record. A request decided
// in full is fulfilled only once it was answered (a delete's respond step
// is done, an opt-out has processed_at); until then it is in_progress.
// A decision that cannot be read, or whose outcome is not mapped, is an
// error (ErrNotMapped), never a status.
func Status(requestDoc, decisionDoc []byte, opts StatusOptions) ([]byte, error) {
	var d decision
	if err := json.Unmarshal(decisionDoc, &d); err != nil {
		return nil, fmt.Errorf("drp: reading the decision: %w", err)
	}
	var r request
	if err := json.Unmarshal(requestDoc, &r); err != nil {
		return nil, fmt.Errorf("drp: reading the request: %w", err)
	}
	if d.Kind == policy.KindSolicitOptIn {
		return nil, fmt.Errorf("%w: %s", ErrNotExercise, d.Kind)
	}
	m, ok := Outcomes[d.Kind+"/"+d.Outcome]
	if !ok {
		return nil, fmt.Errorf("%w: %s/%s", ErrNotMapped, d.Kind, d.Outcome)
	}
	s := ExerciseStatus{
		RequestID:      cmpOr(d.RequestID, r.ID),
		AgentRequestID: opts.AgentRequestID,
		ReceivedAt:     r.ReceivedAt,
		Status:         m.Status,
		Reason:         m.Reason,
	}
	if m.Done != "" && done(d, r) {
		s.Status, s.Reason = m.Done, ""
	}
	if s.Status == Denied {
		s.Reason = refine(d, s.Reason)
	}
	if s.Status == InProgress {
		s.ExpectedBy = expectedBy(d)
		if s.Reason == NeedUserVerification {
			s.UserVerificationURL = opts.UserVerificationURL
		}
	}
	if s.Status != InProgress || s.Reason == NeedUserVerification {
		// The notices are the response: told once the request is closed,
		// or what the consumer must send now.
		var texts []string
		for _, n := range d.Notices {
			if n.Text != "" {
				texts = append(texts, n.Text)
			}
		}
		s.ProcessingDetails = strings.Join(texts, " ")
	}
	if d.Record != nil {
		s.ExpiresAt = d.Record.RetainUntil.String()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// done reports that what the decision decided has been carried out.
func done(d decision, r request) bool {
	switch d.Kind {
	case policy.KindDelete:
		i := slices.IndexFunc(d.Plan, func(s deletion.PlanStep) bool { return s.Step == "respond" })
		return i >= 0 && d.Plan[i].DoneAt != ""
	case policy.KindOptOut:
		return r.ProcessedAt != ""
	}
	return true
}

func expectedBy(d decision) string {
	if dl := d.Deadlines; dl != nil {
		if d.Record != nil && d.Record.ExtensionNotifiedOn != nil && dl.ExtendedRespondBy != nil {
			return dl.ExtendedRespondBy.String()
		}
		if dl.RespondBy != nil {
			return dl.RespondBy.String()
		}
	}
	if d.ComplyBy != nil {
		return *d.ComplyBy
	}
	return ""
}

// refine picks the denial reason the decision's reasons (its own and its
// items') give, the first of denialOrder present; else the outcome's.
func refine(d decision, reason string) string {
	present := map[string]bool{}
	add := func(rs []policy.Reason) {
		for _, x := range rs {
			present[Reasons[x.Code]] = true
		}
	}
	add(d.Reasons)
	for _, it := range d.Items {
		add(it.Reasons)
	}
	for _, r := range denialOrder {
		if present[r] {
			return r
		}
	}
	return reason
}

// denialOrder ranks the denial reasons, most specific first.
var denialOrder = []string{SuspectedFraud, NoMatch, InsufficientVerification, OutsideJurisdiction, ClaimNotCovered, TooManyRequests}
