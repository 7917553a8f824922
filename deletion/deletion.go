// Package deletion decides consumers' requests to delete personal
// information: which laws apply, the deadlines each sets, and (as the policy
// grows) what to delete, keep, tell and escalate.
package deletion

import (
	"context"

	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/policy"
)

// Request is a request to delete (kind "delete"); its JSON form is the
// contract's (CONTRACT.md § 2).
type Request struct {
	policy.RequestHeader
	Verification *Verification `json:"verification,omitempty"`
	Data         []Item        `json:"data,omitempty"`
	Recipients   []Recipient   `json:"recipients,omitempty"`
	Extension    *Extension    `json:"extension,omitempty"`
	Events       *Events       `json:"events,omitempty"`
	Disputes     *Disputes     `json:"disputes,omitempty"`
}

// Verification is what the business knows of the requester's identity.
type Verification struct {
	Method                    string `json:"method,omitempty"`
	MatchedDataPoints         *int   `json:"matched_data_points,omitempty"`
	SignedDeclaration         bool   `json:"signed_declaration,omitempty"`
	Reauthenticated           bool   `json:"reauthenticated,omitempty"`
	ConsumerConfirmedDirectly bool   `json:"consumer_confirmed_directly,omitempty"`
	// FromRegisteredContact: the request came from the contact details the
	// account holder registered with the business (e-mail address, phone).
	FromRegisteredContact bool   `json:"from_registered_contact,omitempty"`
	InfoRequestedAt       string `json:"info_requested_at,omitempty"`
	FraudSuspected        bool   `json:"fraud_suspected,omitempty"`
}

// Item is personal information discovery found.
type Item struct {
	ID         string `json:"id"`
	System     string `json:"system,omitempty"`
	SystemType string `json:"system_type,omitempty"`
	Category   string `json:"category,omitempty"`
	Sensitive  bool   `json:"sensitive,omitempty"`
	Source     string `json:"source,omitempty"`
	LegalHold  bool   `json:"legal_hold,omitempty"`
	// Household marks household data: personal information about a group
	// of consumers who share a residence, not about this consumer alone.
	// The CCPA's duty to delete does not reach it (Cal. Civ. Code §
	// 1798.145(p)).
	Household bool `json:"household,omitempty"`
	// LawfulBasis is the item's GDPR lawful basis (consent, contract,
	// legal_obligation, vital_interests, public_task, legitimate_interests);
	// it decides whether an Art. 17(1) erasure ground holds. Empty: inferred
	// from the claimed exceptions.
	LawfulBasis string `json:"lawful_basis,omitempty"`
	// StillNecessary says whether the item is still necessary for its
	// purposes (GDPR Art. 17(1)(a)); nil is not stated.
	StillNecessary *bool `json:"still_necessary,omitempty"`
	// LegitimateInterestsAssessed records that compelling legitimate grounds
	// overriding the data subject's objection were assessed and documented
	// (GDPR Art. 21(1)).
	LegitimateInterestsAssessed bool           `json:"legitimate_interests_assessed,omitempty"`
	Exceptions                  []Exception    `json:"exceptions,omitempty"`
	Attributes                  map[string]any `json:"attributes,omitempty"`
}

// Exception is a ground for keeping an item that the host claims.
type Exception struct {
	Basis    string `json:"basis"`
	Until    string `json:"until,omitempty"`
	Note     string `json:"note,omitempty"`
	Disputed bool   `json:"disputed,omitempty"`
}

// Recipient is a service provider, contractor or third party holding the data.
type Recipient struct {
	ID                           string `json:"id"`
	Name                         string `json:"name"`
	Role                         string `json:"role"`
	ReceivedVia                  string `json:"received_via"`
	DirectiveSentAt              string `json:"directive_sent_at,omitempty"`
	ConfirmedAt                  string `json:"confirmed_at,omitempty"`
	ImpossibleOrDisproportionate string `json:"impossible_or_disproportionate,omitempty"`
}

// Extension records an extension the business took.
type Extension struct {
	NotifiedAt string `json:"notified_at,omitempty"`
	Reason     string `json:"reason,omitempty"`
}

// Events records what has happened, as RFC 3339 instants.
type Events struct {
	AcknowledgedAt       string `json:"acknowledged_at,omitempty"`
	VerifiedAt           string `json:"verified_at,omitempty"`
	DiscoveryCompletedAt string `json:"discovery_completed_at,omitempty"`
	AnalysisCompletedAt  string `json:"analysis_completed_at,omitempty"`
	DeletionCompletedAt  string `json:"deletion_completed_at,omitempty"`
	RespondedAt          string `json:"responded_at,omitempty"`
	// ResponseChannel is how the response was sent: email, postal_mail,
	// account, in_app, phone or other.
	ResponseChannel string `json:"response_channel,omitempty"`
	// ItemsDeleted is the deletion log (seed procedure § 3.2 step 5). Once
	// it names every item the decision removes, the plan's
	// execute_deletion step is done at its latest entry.
	ItemsDeleted     []ItemDeleted `json:"items_deleted,omitempty"`
	AppealReceivedAt string        `json:"appeal_received_at,omitempty"`
	AppealAnsweredAt string        `json:"appeal_answered_at,omitempty"`
}

// ItemDeleted is one entry of the deletion log: which item (Item.ID) was
// deleted, when (an RFC 3339 instant), by whom (a role or team, not a
// person's name) and by which method.
type ItemDeleted struct {
	Item   string `json:"item"`
	At     string `json:"at"`
	By     string `json:"by,omitempty"`
	Method string `json:"method,omitempty"`
}

// Disputes records a consumer's challenges.
type Disputes struct {
	DenialDisputed     bool `json:"denial_disputed,omitempty"`
	RegulatorComplaint bool `json:"regulator_complaint,omitempty"`
}

// Decision is the decision on a request to delete (CONTRACT.md § 3).
type Decision struct {
	policy.Envelope
	Deadlines    Deadlines            `json:"deadlines"`
	Verification VerificationDecision `json:"verification"`
	Items        []ItemDecision       `json:"items,omitzero"`
	Directives   []Directive          `json:"directives,omitzero"`
	Plan         []PlanStep           `json:"plan,omitzero"`
	Record       *Record              `json:"record,omitempty"`
}

// ItemDecision is what to do with one item of the request's data.
type ItemDecision struct {
	ID           string          `json:"id"`
	Action       string          `json:"action"` // delete, deidentify, aggregate, retain, defer, not_required
	Method       string          `json:"method"`
	Exception    *ItemException  `json:"exception,omitempty"`
	RetainUntil  *calendar.Date  `json:"retain_until,omitempty"`
	UseLimitedTo []string        `json:"use_limited_to,omitzero"`
	Reasons      []policy.Reason `json:"reasons"`
}

// ItemException is the ground on which an item is kept.
type ItemException struct {
	Basis    string `json:"basis"`
	Law      string `json:"law"`
	Citation string `json:"citation"`
}

// Directive tells a recipient to delete (or notifies a third party).
type Directive struct {
	Recipient   string         `json:"recipient"`
	Role        string         `json:"role"`
	Action      string         `json:"action"`
	ConfirmBy   calendar.Date  `json:"confirm_by"`
	FollowUpDue *calendar.Date `json:"follow_up_due,omitempty"`
	Overdue     bool           `json:"overdue"`
	// SentAt and ConfirmedAt echo the recipient's directive_sent_at and
	// confirmed_at.
	SentAt      string `json:"sent_at,omitempty"`
	ConfirmedAt string `json:"confirmed_at,omitempty"`
}

// PlanStep is one step of the deletion procedure and its due date;
// Statutory steps are dated by the law, the others by the playbook.
// Overdue is true when the step is not done, its date has passed and the
// request is still open (answer_appeal: while the appeal is unanswered).
type PlanStep struct {
	Step      string        `json:"step"`
	Due       calendar.Date `json:"due"`
	DoneAt    string        `json:"done_at,omitempty"`
	Statutory bool          `json:"statutory"`
	Overdue   bool          `json:"overdue,omitempty"`
}

// Record says how long the record of the request is kept, and carries the
// dates a business logs of it (the response, the extension notice, an
// appeal, each in the business's zone) and the response's channel.
type Record struct {
	RetainUntil         calendar.Date  `json:"retain_until"`
	Citation            string         `json:"citation"`
	RespondedOn         *calendar.Date `json:"responded_on,omitempty"`
	ResponseChannel     string         `json:"response_channel,omitempty"`
	ExtensionNotifiedOn *calendar.Date `json:"extension_notified_on,omitempty"`
	AppealReceivedOn    *calendar.Date `json:"appeal_received_on,omitempty"`
	AppealAnsweredOn    *calendar.Date `json:"appeal_answered_on,omitempty"`
}

// VerificationDecision is the identity verification the laws require and
// where it stands: status is verified, insufficient, pending or
// not_required (no law applies).
type VerificationDecision struct {
	Standard                  string         `json:"standard"`
	RequiredDataPoints        int            `json:"required_data_points"`
	SignedDeclarationRequired bool           `json:"signed_declaration_required"`
	ReauthenticationRequired  bool           `json:"reauthentication_required"`
	Status                    string         `json:"status"`
	InfoResponseDue           *calendar.Date `json:"info_response_due,omitempty"`
}

// Deadlines are the binding (earliest) dates across the laws that apply,
// and each law's own.
type Deadlines struct {
	AcknowledgeBy     *calendar.Date          `json:"acknowledge_by"`
	RespondBy         *calendar.Date          `json:"respond_by"`
	ExtendedRespondBy *calendar.Date          `json:"extended_respond_by"`
	ExtensionNoticeBy *calendar.Date          `json:"extension_notice_by"`
	Calendar          string                  `json:"calendar"`
	ByLaw             map[string]LawDeadlines `json:"by_law"`
}

// LawDeadlines are one law's deadlines for the request, and the calendar
// they were counted on.
type LawDeadlines struct {
	AcknowledgeBy     *calendar.Date `json:"acknowledge_by"`
	RespondBy         *calendar.Date `json:"respond_by"`
	ExtendedRespondBy *calendar.Date `json:"extended_respond_by"`
	ExtensionNoticeBy *calendar.Date `json:"extension_notice_by"`
	Calendar          string         `json:"calendar,omitempty"`
}

// Decide decides a request to delete under eng's policy. A Go error means
// only that nothing could be decided: an invalid request
// (errors.Is(err, policy.ErrInvalidRequest)) or a failing policy.
func Decide(ctx context.Context, eng *policy.Engine, req Request, opts ...policy.DecideOption) (*Decision, error) {
	req.Kind = policy.KindDelete
	return policy.DecideAs[Decision](ctx, eng, req, opts...)
}
