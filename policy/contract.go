package policy

import "github.com/dsrkit/dsrkit/calendar"

// The types below are the parts of the request and decision documents
// (CONTRACT.md) that every kind shares. Their JSON form is the contract's;
// the JSON Schemas under schemas/ are the authority. A list a decision may
// leave out is tagged omitzero, not omitempty, so that an empty list the
// policy gives ([]) survives a decode and re-encode through these types
// (internal/contracttest checks both).

// Request kinds.
const (
	KindDelete       = "delete"
	KindOptOut       = "opt_out"
	KindOptIn        = "opt_in"
	KindSolicitOptIn = "solicit_opt_in"
)

// RequestHeader holds the fields common to every request kind.
type RequestHeader struct {
	Kind       string     `json:"kind"`
	ID         string     `json:"id,omitempty"`
	ReceivedAt string     `json:"received_at,omitempty"` // RFC 3339 instant or YYYY-MM-DD
	AsOf       string     `json:"as_of,omitempty"`       // RFC 3339 instant
	Consumer   Consumer   `json:"consumer"`
	Requester  *Requester `json:"requester,omitempty"`
	Business   Business   `json:"business"`
}

// Consumer is the person the request is about.
type Consumer struct {
	Residence      string `json:"residence"`
	Age            *int   `json:"age,omitempty"`
	BirthDate      string `json:"birth_date,omitempty"` // YYYY-MM-DD; for the rules on minors
	Relationship   string `json:"relationship,omitempty"`
	Deceased       bool   `json:"deceased,omitempty"`
	OptedOutOfSale bool   `json:"opted_out_of_sale,omitempty"`
	// ResidenceVerified says whether the business could verify the
	// consumer's residence: false lets a law with a residence check
	// (Texas, Nebraska) refuse a universal opt-out signal; nil is unknown,
	// and the signal is honoured.
	ResidenceVerified *bool `json:"residence_verified,omitempty"`
	// PriorRequests12Months is how many requests of this kind the business
	// received from the consumer in the twelve months before this one (a
	// law's free-request allowance); nil is unknown.
	PriorRequests12Months *int `json:"prior_requests_12_months,omitempty"`
}

// Requester is who made the request.
type Requester struct {
	Type          string `json:"type,omitempty"`
	Authorization string `json:"authorization,omitempty"`
}

// Business holds the business's facts. A nil figure is unknown, and a law
// whose threshold needs it is assumed to apply (never late). Each
// threshold field is described in schemas/common.json.
type Business struct {
	TimeZone         string   `json:"time_zone,omitempty"`
	Calendar         string   `json:"calendar,omitempty"`
	AnnualRevenueUSD *float64 `json:"annual_revenue_usd,omitempty"`
	ConsumersPerYear *int64   `json:"consumers_per_year,omitempty"`
	// ConsumersOrHouseholdsBoughtSoldOrSharedPerYear is the number of
	// consumers or households whose personal information the business
	// annually buys, sells or shares: the CCPA's volume threshold (Cal.
	// Civ. Code § 1798.140(d)(1)(B)). What is bought counts.
	ConsumersOrHouseholdsBoughtSoldOrSharedPerYear *int64 `json:"consumers_or_households_bought_sold_or_shared_per_year,omitempty"`
	// Deprecated: ConsumersSoldOrSharedPerYear is the former name of
	// ConsumersOrHouseholdsBoughtSoldOrSharedPerYear, still read as it for
	// one release (0.2.0); set the new field. Given both, the policy counts
	// the larger figure.
	ConsumersSoldOrSharedPerYear *int64   `json:"consumers_sold_or_shared_per_year,omitempty"`
	RevenueShareFromSale         *float64 `json:"revenue_share_from_sale,omitempty"`
	SellsOrShares                *bool    `json:"sells_or_shares,omitempty"`
	ProcessesSensitiveData       *bool    `json:"processes_sensitive_data,omitempty"`
	SBASmallBusiness             *bool    `json:"sba_small_business,omitempty"`
	RevenueShareFromOnlineAds    *float64 `json:"revenue_share_from_online_ads,omitempty"`
	OperatesSmartSpeakerService  *bool    `json:"operates_smart_speaker_service,omitempty"`
	AppStoreApplications         *int64   `json:"app_store_applications,omitempty"`
	OptOutURL                    string   `json:"opt_out_url,omitempty"`
	Exemptions                   []string `json:"exemptions,omitempty"`
	EUEstablishment              *bool    `json:"eu_establishment,omitempty"`
	TargetsEU                    *bool    `json:"targets_eu,omitempty"`
	EUMemberState                string   `json:"eu_member_state,omitempty"`
}

// Envelope holds the fields every decision has.
type Envelope struct {
	Kind        string         `json:"kind"`
	RequestID   string         `json:"request_id,omitempty"`
	AsOf        string         `json:"as_of,omitempty"`
	ReceivedOn  *calendar.Date `json:"received_on,omitempty"`
	Laws        []LawResult    `json:"laws"`
	Outcome     string         `json:"outcome"`
	Reasons     []Reason       `json:"reasons"`
	Notices     []Notice       `json:"notices"`
	Escalations []Escalation   `json:"escalations"`
	Timeline    []TimelineStep `json:"timeline,omitzero"`
	Policy      Info           `json:"policy"`
}

// LawResult says whether one law considered applies, and why.
type LawResult struct {
	Law      string   `json:"law"`
	Applies  bool     `json:"applies"`
	Citation string   `json:"citation"`
	Reasons  []Reason `json:"reasons"`
}

// Reason is one reason for a decision; Rule names the Rego rule that gave
// it and Citation comes from that rule's METADATA. RuleID and Position name
// the one definition of that rule that gave it (see RuleRef).
type Reason struct {
	Code     string `json:"code"`
	Message  string `json:"message"`
	Citation string `json:"citation,omitempty"`
	Law      string `json:"law,omitempty"`
	Rule     string `json:"rule"`
	// PlaybookRule names the playbook rule whose claim the reason is about.
	PlaybookRule string `json:"playbook_rule,omitempty"`
	RuleRef
}

// RuleRef names the one Rego rule definition that gave a reason, a notice,
// an escalation or a timeline step, so that a reader opens the exact rule.
// The engine's compiler gives every definition that reads its METADATA an
// id: its METADATA custom.id if the author wrote one, else its path under
// data.dsrkit and a slug of its METADATA title
// ("items.item_reasons/legal-hold"); a policy in which two such
// definitions share an id is refused at load. Both fields are empty under
// stock `opa test`, which has no such pass.
type RuleRef struct {
	// RuleID is the definition's stable id.
	RuleID string `json:"rule_id,omitempty"`
	// Position is the definition's policy file, relative to the policy's
	// root, and the line its head starts on ("items/items.rego:212").
	Position string `json:"position,omitempty"`
}

// Notice is something the consumer must be told.
type Notice struct {
	Code     string         `json:"code"`
	Law      string         `json:"law,omitempty"`
	Citation string         `json:"citation,omitempty"`
	Due      *calendar.Date `json:"due,omitempty"`
	Text     string         `json:"text,omitempty"`
	RuleRef
}

// Escalation is a matter for a person: level 1 Privacy Team Lead, 2 Chief
// Privacy Officer, 3 Legal Counsel, 4 Executive.
type Escalation struct {
	Trigger string `json:"trigger"`
	Level   int    `json:"level"`
	To      string `json:"to"`
	Reason  string `json:"reason"`
	RuleRef
}

// TimelineStep shows how one date of the decision was computed.
type TimelineStep struct {
	Name        string         `json:"name"`
	Date        *calendar.Date `json:"date"`
	Law         string         `json:"law,omitempty"`
	Computation string         `json:"computation"`
	Citation    string         `json:"citation,omitempty"`
	Rule        string         `json:"rule"`
	RuleRef
}

// Info identifies the policy that decided: its revision and the sha256
// digest of its sources and data.
type Info struct {
	// Revision is the .manifest's revision, else "unversioned".
	Revision string `json:"revision"`
	// Digest is "sha256:" + hex over the policy's content, one digest for
	// one content whatever its packaging — embedded, a directory, an fs.FS,
	// or an OPA bundle of the same files (WithBundle). It covers each Rego
	// module that is not a test (*_test.rego), in path order, as its path
	// relative to the policy's root — the deepest directory holding every
	// such module, so "/policy/rego/laws/ccpa.rego" in a bundle built with
	// `opa build -b policy/rego` counts as "laws/ccpa.rego" — and its bytes;
	// then the merged data document as JSON with sorted keys (none when it
	// is empty, as the "{}" data.json opa build writes). It does not cover
	// the .manifest (revision, roots, the rego_version opa build adds), the
	// tests, .signatures.json, or files that are not policy
	// (capabilities.json). opa build writes every module formatted (opa
	// fmt): a policy that is opa fmt-clean, as cmd/opa/check.sh keeps the
	// shipped one, has the same digest built and unbuilt; one that is not
	// has the digest of its formatted text once built.
	Digest string `json:"digest"`
	// Playbook is the organisation's playbook the engine applied.
	Playbook PlaybookInfo `json:"playbook"`
}

// PlaybookInfo names a playbook (package rules) and the sha256 digest of
// its file.
type PlaybookInfo struct {
	Name   string `json:"name"`
	Digest string `json:"digest"`
}
