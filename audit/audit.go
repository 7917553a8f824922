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
		Exception *struct {
			Citation string `json:"citation"`
		} `json:"exception"`
		Reasons []policy.Reason `json:"reasons"`
	} `json:"items"`
	ThirdPartyInstructions []struct {
		Citation string `json:"citation"`
	} `json:"third_party_instructions"`
	Record *struct {
		RetainUntil string `json:"retain_until"`
		Citation    string `json:"citation"`
	} `json:"record"`
}

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
	}
	binding("comply_by", d.ComplyBy)
	binding("earliest", d.Earliest)
	if d.Record != nil {
		r.RetainUntil = d.Record.RetainUntil
		citations = append(citations, d.Record.Citation)
	}
	r.Laws = sorted(r.Laws)
	r.Reasons = sorted(reasons)
	r.Notices = sorted(notices)
	r.Escalations = sorted(escalations)
	r.Citations = sorted(citations)
	return r, nil
}

// sorted returns the non-empty strings of s, sorted and unique, never nil.
func sorted(s []string) []string {
	s = slices.DeleteFunc(s, func(x string) bool { return x == "" })
	slices.Sort(s)
	return append([]string{}, slices.Compact(s)...)
}
