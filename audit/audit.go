// Package audit turns a decision into the record a business keeps of it
// (the seed procedure's 3-year log; Cal. Code Regs. tit. 11, § 7101): who
// asked, identified only by a keyed hash; which laws applied; the outcome;
// every date; every citation; and which policy and playbook decided. It
// holds no personal data: no names, no free text, no reason messages.
package audit

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/dsrkit/dsrkit/policy"
)

// Record is the audit form of one decision.
type Record struct {
	RequestID string `json:"request_id,omitempty"`
	// Consumer is ConsumerHash of the host's identifier of the consumer.
	Consumer string `json:"consumer"`
	Kind     string `json:"kind"`
	AsOf     string `json:"as_of,omitempty"`
	// ReceivedOn is the receipt date, for kinds that have one.
	ReceivedOn string   `json:"received_on,omitempty"`
	Laws       []string `json:"laws"` // the laws that apply, sorted
	Outcome    string   `json:"outcome"`
	// Dates are every date the decision computed (its timeline), plus
	// the binding ones (respond_by, comply_by, earliest, …).
	Dates       []Date      `json:"dates"`
	Reasons     []string    `json:"reasons"`     // reason codes, sorted, unique
	Notices     []string    `json:"notices"`     // notice codes, sorted, unique
	Escalations []string    `json:"escalations"` // triggers, sorted, unique
	Citations   []string    `json:"citations"`   // every citation the decision gives, sorted, unique
	Policy      policy.Info `json:"policy"`
	// RetainUntil is the last day the record is kept, where the decision
	// says (record.retain_until of a request to delete).
	RetainUntil string `json:"retain_until,omitempty"`

	// What the metrics of the seed procedure (§ 8) and of Cal. Code Regs.
	// tit. 11, § 7102 count. Dates are YYYY-MM-DD in the business's zone.

	// RespondBy is the binding date to respond by: deadlines.respond_by of
	// a request to delete, comply_by of an opt-out (empty when the law sets
	// no fixed date).
	RespondBy string `json:"respond_by,omitempty"`
	// ExtendedRespondBy and ExtensionNoticeBy are the latest response date
	// if the extension is taken and the last day to notify it.
	ExtendedRespondBy string `json:"extended_respond_by,omitempty"`
	ExtensionNoticeBy string `json:"extension_notice_by,omitempty"`
	// ExtensionNotifiedOn is the day the extension notice was sent; Extended
	// says it was sent by ExtensionNoticeBy, so that ExtendedRespondBy is
	// the date to respond by (see Due).
	ExtensionNotifiedOn string `json:"extension_notified_on,omitempty"`
	Extended            bool   `json:"extended,omitempty"`
	// RespondedAt is the instant of the response (the plan's respond step
	// done_at), RespondedOn its day, ResponseChannel how it was sent.
	RespondedAt     string `json:"responded_at,omitempty"`
	RespondedOn     string `json:"responded_on,omitempty"`
	ResponseChannel string `json:"response_channel,omitempty"`
	// DenialReasons says why a request was refused in whole or in part:
	// for partial_deletion and denied, the exception bases of the items
	// kept; for any other refusing outcome (unverified, deny_fraud,
	// invalid), the outcome itself. Sorted, unique; empty otherwise.
	DenialReasons []string `json:"denial_reasons,omitempty"`
	// DirectivesSent and DirectivesConfirmed count the deletion directives
	// sent to recipients and those they confirmed.
	DirectivesSent      int `json:"directives_sent,omitempty"`
	DirectivesConfirmed int `json:"directives_confirmed,omitempty"`
	// AppealReceivedOn and AppealAnsweredOn date an appeal and its answer.
	AppealReceivedOn string `json:"appeal_received_on,omitempty"`
	AppealAnsweredOn string `json:"appeal_answered_on,omitempty"`
}

// Due is the date the request had to be answered by: ExtendedRespondBy
// when the extension was notified in time (Extended), else RespondBy;
// empty when there is no fixed date.
func (r Record) Due() string {
	if r.Extended && r.ExtendedRespondBy != "" {
		return r.ExtendedRespondBy
	}
	return r.RespondBy
}

// Date is one computed date of a decision.
type Date struct {
	Name string `json:"name"`
	Law  string `json:"law,omitempty"`
	Date string `json:"date,omitempty"` // empty where the law sets no fixed date
}

// ConsumerHash identifies a consumer in records without naming them: the
// HMAC-SHA256 of the host's own identifier (an e-mail address, an account
// id) under a key the host keeps secret, in hex. The same consumer gets the
// same hash under the same key, so a host can find a consumer's records
// when asked, and nobody without the key can.
func ConsumerHash(key []byte, consumerID string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(consumerID))
	return hex.EncodeToString(m.Sum(nil))
}

// personal names the timeline dates the policy derives from personal data
// (a 16th birthday gives away the birth date): a record leaves them out.
var personal = map[string]bool{"sixteenth_birthday": true}

// decision is the part of any decision document a record reads.
type decision struct {
	policy.Envelope
	Deadlines *struct {
		AcknowledgeBy     *string `json:"acknowledge_by"`
		RespondBy         *string `json:"respond_by"`
		ExtendedRespondBy *string `json:"extended_respond_by"`
		ExtensionNoticeBy *string `json:"extension_notice_by"`
	} `json:"deadlines"`
	ComplyBy *string `json:"comply_by"`
	Earliest *string `json:"earliest"`
	Items    []struct {
		Action    string `json:"action"`
		Exception *struct {
			Basis    string `json:"basis"`
			Citation string `json:"citation"`
		} `json:"exception"`
		Reasons []policy.Reason `json:"reasons"`
	} `json:"items"`
	ThirdPartyInstructions []struct {
		Citation string `json:"citation"`
	} `json:"third_party_instructions"`
	Directives []struct {
		SentAt      string `json:"sent_at"`
		ConfirmedAt string `json:"confirmed_at"`
	} `json:"directives"`
	Plan []struct {
		Step   string `json:"step"`
		DoneAt string `json:"done_at"`
	} `json:"plan"`
	Record *struct {
		RetainUntil         string `json:"retain_until"`
		Citation            string `json:"citation"`
		RespondedOn         string `json:"responded_on"`
		ResponseChannel     string `json:"response_channel"`
		ExtensionNotifiedOn string `json:"extension_notified_on"`
		AppealReceivedOn    string `json:"appeal_received_on"`
		AppealAnsweredOn    string `json:"appeal_answered_on"`
	} `json:"record"`
}

// refusing are the outcomes that refuse a request in whole or in part.
var refusing = map[string]bool{"partial_deletion": true, "denied": true, "unverified": true, "deny_fraud": true, "invalid": true}

// NewRecord makes the record of a decision document (as Engine.Decide
// returns it) for the consumer whose ConsumerHash is consumer.
func NewRecord(decisionJSON []byte, consumer string) (Record, error) {
	var d decision
	if err := json.Unmarshal(decisionJSON, &d); err != nil {
		return Record{}, fmt.Errorf("audit: reading the decision: %w", err)
	}
	r := Record{
		RequestID: d.RequestID,
		Consumer:  consumer,
		Kind:      d.Kind,
		AsOf:      d.AsOf,
		Outcome:   d.Outcome,
		Policy:    d.Policy,
	}
	if d.ReceivedOn != nil {
		r.ReceivedOn = d.ReceivedOn.String()
	}
	var citations, reasons, notices, escalations []string
	for _, l := range d.Laws {
		if l.Applies {
			r.Laws = append(r.Laws, l.Law)
			citations = append(citations, l.Citation)
		}
	}
	addReasons := func(rs []policy.Reason) {
		for _, x := range rs {
			reasons = append(reasons, x.Code)
			citations = append(citations, x.Citation)
		}
	}
	addReasons(d.Reasons)
	for _, it := range d.Items {
		addReasons(it.Reasons)
		if it.Exception != nil {
			citations = append(citations, it.Exception.Citation)
		}
	}
	for _, n := range d.Notices {
		notices = append(notices, n.Code)
		citations = append(citations, n.Citation)
	}
	for _, e := range d.Escalations {
		escalations = append(escalations, e.Trigger)
	}
	for _, t := range d.ThirdPartyInstructions {
		citations = append(citations, t.Citation)
	}
	for _, s := range d.Timeline {
		if personal[s.Name] {
			continue
		}
		date := ""
		if s.Date != nil {
			date = s.Date.String()
		}
		r.Dates = append(r.Dates, Date{Name: s.Name, Law: s.Law, Date: date})
		citations = append(citations, s.Citation)
	}
	binding := func(name string, date *string) {
		if date != nil {
			r.Dates = append(r.Dates, Date{Name: name, Date: *date})
		}
	}
	if dl := d.Deadlines; dl != nil {
		binding("acknowledge_by", dl.AcknowledgeBy)
		binding("respond_by", dl.RespondBy)
		binding("extended_respond_by", dl.ExtendedRespondBy)
		binding("extension_notice_by", dl.ExtensionNoticeBy)
		r.RespondBy = deref(dl.RespondBy)
		r.ExtendedRespondBy = deref(dl.ExtendedRespondBy)
		r.ExtensionNoticeBy = deref(dl.ExtensionNoticeBy)
	} else {
		r.RespondBy = deref(d.ComplyBy)
	}
	binding("comply_by", d.ComplyBy)
	binding("earliest", d.Earliest)
	if rec := d.Record; rec != nil {
		r.RetainUntil = rec.RetainUntil
		citations = append(citations, rec.Citation)
		r.RespondedOn = rec.RespondedOn
		r.ResponseChannel = rec.ResponseChannel
		r.ExtensionNotifiedOn = rec.ExtensionNotifiedOn
		r.AppealReceivedOn = rec.AppealReceivedOn
		r.AppealAnsweredOn = rec.AppealAnsweredOn
		// YYYY-MM-DD dates compare as strings.
		r.Extended = rec.ExtensionNotifiedOn != "" && r.ExtensionNoticeBy != "" && rec.ExtensionNotifiedOn <= r.ExtensionNoticeBy
	}
	for _, s := range d.Plan {
		if s.Step == "respond" {
			r.RespondedAt = s.DoneAt
		}
	}
	for _, x := range d.Directives {
		if x.SentAt != "" || x.ConfirmedAt != "" {
			r.DirectivesSent++
		}
		if x.ConfirmedAt != "" {
			r.DirectivesConfirmed++
		}
	}
	var denial []string
	switch {
	case r.Outcome == "partial_deletion" || r.Outcome == "denied":
		for _, it := range d.Items {
			if it.Exception != nil && it.Action == "retain" {
				denial = append(denial, it.Exception.Basis)
			}
		}
	case refusing[r.Outcome]:
		denial = []string{r.Outcome}
	}
	if len(denial) > 0 {
		r.DenialReasons = sorted(denial)
	}
	r.Laws = sorted(r.Laws)
	r.Reasons = sorted(reasons)
	r.Notices = sorted(notices)
	r.Escalations = sorted(escalations)
	r.Citations = sorted(citations)
	return r, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// sorted returns the non-empty strings of s, sorted and unique, never nil.
func sorted(s []string) []string {
	s = slices.DeleteFunc(s, func(x string) bool { return x == "" })
	slices.Sort(s)
	return append([]string{}, slices.Compact(s)...)
}
