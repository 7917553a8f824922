package letters

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sync"

	"github.com/dsrkit/dsrkit/internal/schema"
)

// letterData is what a template sees as .letter.
type letterData struct {
	// Kind is the document's kind.
	Kind Kind `json:"kind"`
	// Date is the document's date: Input.Date; else the day the decision
	// records it sent (a directive's sent_at, record.extension_notified_on
	// for the extension notice, record.responded_on for the response and
	// the notices sent with it); else the date of the decision's as_of.
	Date string `json:"date"`
	// RequestID is the decision's request_id ("" when it has none).
	RequestID string `json:"request_id"`
	// OptOutURL is the organisation's opt-out page when the request gives
	// no business.opt_out_url (the offer_opt_out notice then has no link),
	// else "".
	OptOutURL string `json:"opt_out_url"`
	// Directive is the directive of a directive document.
	Directive *directiveData `json:"directive"`
	// Retained are the items kept (action retain), Deleted the others
	// (delete, deidentify, aggregate, defer), in the decision's order.
	Retained []itemData `json:"retained"`
	Deleted  []itemData `json:"deleted"`
}

// directiveData is one directive of the decision, with what the directive
// document needs.
type directiveData struct {
	// ID identifies the directive: the request id and the recipient's id.
	ID string `json:"id"`
	// ConsumerRef is the consumer's anonymised identifier (Input.ConsumerRef,
	// else the request id).
	ConsumerRef string `json:"consumer_ref"`
	// Recipient is the recipient's id, RecipientName its name from the
	// request (else its id).
	Recipient     string `json:"recipient"`
	RecipientName string `json:"recipient_name"`
	// Role and Action are the decision's.
	Role   string `json:"role"`
	Action string `json:"action"`
	// ConfirmBy is the decision's confirm_by; ConfirmWithin the procedure's
	// period in words (Input.DirectiveConfirmation), given only for a
	// directive the decision records as sent, whose confirm_by the policy
	// counted from that day ("" otherwise: confirm_by then counts from the
	// planned day, and the document gives the date alone).
	ConfirmBy     string `json:"confirm_by"`
	ConfirmWithin string `json:"confirm_within"`
	// Categories are the data categories to delete (the request's
	// data[].category of the items not kept; empty without the request),
	// Items their ids.
	Categories []string `json:"categories"`
	Items      []string `json:"items"`
}

// itemData is one item of the decision, with its category.
type itemData struct {
	ID           string   `json:"id"`
	Category     string   `json:"category"` // the request's data[].category, else the id
	Action       string   `json:"action"`
	Basis        string   `json:"basis"` // the exception's, for an item kept
	Law          string   `json:"law"`
	Citation     string   `json:"citation"`
	RetainUntil  string   `json:"retain_until"`
	UseLimitedTo []string `json:"use_limited_to"`
}

// absent stands for a field the document does not have, or has as null:
// false in {{if}} and {{with}}; printed, it is detected (ErrMissingValue).
type absent struct{}

const absentMarker = "DSRKIT-LETTERS-NO-VALUE-3c1f"

func (*absent) String() string { return absentMarker }

// normalise gives every field the shape allows a value: an absent list
// is empty, any other absent field (or null) is an *absent.
func normalise(v any, s *shape) any {
	if v == nil {
		if s.kind == list {
			return []any{}
		}
		return (*absent)(nil)
	}
	switch s.kind {
	case object:
		m, ok := v.(map[string]any)
		if !ok {
			return v
		}
		out := make(map[string]any, len(s.fields))
		for k, e := range m {
			out[k] = e
		}
		for k, f := range s.fields {
			out[k] = normalise(m[k], f)
		}
		return out
	case list:
		l, ok := v.([]any)
		if !ok {
			return v
		}
		out := make([]any, len(l))
		for i, e := range l {
			out[i] = normalise(e, s.elem)
		}
		return out
	case dict:
		m, ok := v.(map[string]any)
		if !ok {
			return v
		}
		out := make(map[string]any, len(m))
		for k, e := range m {
			out[k] = normalise(e, s.elem)
		}
		return out
	}
	return v
}

var validator = sync.OnceValues(schema.New)

// source is a validated input, decoded.
type source struct {
	in       Input
	raw      decision
	req      request
	decision any // normalised, as templates see it
	request  any
	org      any
}

// decision and request are the parts of the documents Go reads to choose
// and prepare the documents.
type decision struct {
	Kind      string `json:"kind"`
	RequestID string `json:"request_id"`
	AsOf      string `json:"as_of"`
	Outcome   string `json:"outcome"`
	Deadlines struct {
		AcknowledgeBy *string `json:"acknowledge_by"`
	} `json:"deadlines"`
	Notices []struct {
		Code string `json:"code"`
	} `json:"notices"`
	Items []struct {
		ID        string `json:"id"`
		Action    string `json:"action"`
		Exception *struct {
			Basis, Law, Citation string
		} `json:"exception"`
		RetainUntil  string   `json:"retain_until"`
		UseLimitedTo []string `json:"use_limited_to"`
	} `json:"items"`
	Directives []struct {
		Recipient string `json:"recipient"`
		Role      string `json:"role"`
		Action    string `json:"action"`
		ConfirmBy string `json:"confirm_by"`
		SentAt    string `json:"sent_at"`
	} `json:"directives"`
	Record struct {
		RespondedOn         string `json:"responded_on"`
		ExtensionNotifiedOn string `json:"extension_notified_on"`
	} `json:"record"`
	Plan []struct {
		Step   string `json:"step"`
		DoneAt string `json:"done_at"`
	} `json:"plan"`
}

type request struct {
	ID       string `json:"id"`
	Business struct {
		OptOutURL string `json:"opt_out_url"`
	} `json:"business"`
	Data []struct {
		ID       string `json:"id"`
		Category string `json:"category"`
	} `json:"data"`
	Recipients []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"recipients"`
}

var isDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}`)

// prepare validates and decodes the input.
func prepare(in Input) (*source, error) {
	v, err := validator()
	if err != nil {
		return nil, err
	}
	shapes, err := contractShapes()
	if err != nil {
		return nil, err
	}
	src := &source{in: in}
	if ps := v.DecisionJSON(in.Decision); len(ps) > 0 {
		return nil, inputError(ErrInvalidDecision, ps)
	}
	var doc any
	_ = json.Unmarshal(in.Decision, &doc) // valid JSON: validated
	_ = json.Unmarshal(in.Decision, &src.raw)
	src.decision = normalise(doc, shapes["decision"])
	src.request = (*absent)(nil)
	if in.Request != nil {
		if ps := v.RequestJSON(in.Request); len(ps) > 0 {
			return nil, inputError(ErrInvalidRequest, ps)
		}
		_ = json.Unmarshal(in.Request, &doc)
		_ = json.Unmarshal(in.Request, &src.req)
		if src.req.ID != src.raw.RequestID {
			return nil, &InputError{Kind: ErrInvalidRequest, Problems: []string{fmt.Sprintf("/id: the request %q is not the one decided (request_id %q)", src.req.ID, src.raw.RequestID)}}
		}
		src.request = normalise(doc, shapes["request"])
	}
	if in.Organisation.Name == "" {
		return nil, &InputError{Kind: ErrMissingInput, Problems: []string{"the organisation has no name (the playbook's organisation.name)"}}
	}
	org, _ := toJSONValue(in.Organisation).(map[string]any)
	src.org = org
	if in.Date != "" && !isDate.MatchString(in.Date) {
		return nil, &InputError{Kind: ErrMissingInput, Problems: []string{fmt.Sprintf("date %q is not YYYY-MM-DD", in.Date)}}
	}
	if src.date() == "" {
		return nil, &InputError{Kind: ErrMissingInput, Problems: []string{"no date for the documents: give Input.Date or a decision with as_of"}}
	}
	if len(src.raw.Directives) > 0 && in.ConsumerRef == "" && src.raw.RequestID == "" {
		return nil, &InputError{Kind: ErrMissingInput, Problems: []string{"a directive needs the consumer's anonymised identifier: give ConsumerRef or a decision with request_id"}}
	}
	return src, nil
}

func inputError(kind error, ps []schema.Problem) error {
	e := &InputError{Kind: kind}
	for _, p := range ps {
		e.Problems = append(e.Problems, p.String())
	}
	return e
}

func (s *source) date() string {
	if s.in.Date != "" {
		return s.in.Date[:10]
	}
	if isDate.MatchString(s.raw.AsOf) {
		return s.raw.AsOf[:10]
	}
	return ""
}

// letter is one document to render.
type letter struct {
	template Kind
	name     string
	data     letterData
}

// letters chooses the documents the decision calls for.
func (s *source) letters() []letter {
	if s.raw.Kind != "delete" {
		return nil
	}
	has := func(codes ...string) bool {
		return slices.ContainsFunc(s.raw.Notices, func(n struct {
			Code string `json:"code"`
		}) bool {
			return slices.Contains(codes, n.Code)
		})
	}
	base := s.base()
	var out []letter
	add := func(k Kind) {
		d := base
		d.Kind = k
		// A document the decision records as sent is dated that day.
		if on := s.raw.Record.RespondedOn; k != Acknowledgement && k != ExtensionNotice && on != "" && s.in.Date == "" {
			d.Date = on
		}
		if on := s.raw.Record.ExtensionNotifiedOn; k == ExtensionNotice && on != "" && s.in.Date == "" {
			d.Date = on
		}
		out = append(out, letter{template: k, name: string(k), data: d})
	}
	// The acknowledgement: while a law requires one and the request is
	// neither acknowledged nor yet answered (granted or denied).
	if s.raw.Deadlines.AcknowledgeBy != nil && !s.done("acknowledge") && (s.raw.Outcome == "pending_verification" || s.raw.Outcome == "needs_review") {
		add(Acknowledgement)
	}
	if has("extension_notice") {
		add(ExtensionNotice)
	}
	switch {
	case has("deletion_confirmed"):
		add(DeletionConfirmation)
	case has("partial_deletion_explained", "legal_hold"):
		add(PartialDeletion)
	case has("denial_explained", "identity_not_verified"):
		add(Denial)
	}
	if has("appeal_instructions") {
		add(AppealInstructions)
	}
	if has("supervisory_authority_complaint") {
		add(SupervisoryAuthority)
	}
	for _, dr := range s.raw.Directives {
		d := base
		d.Kind = Directive
		ref := s.in.ConsumerRef
		if ref == "" {
			ref = s.raw.RequestID
		}
		id := dr.Recipient
		if s.raw.RequestID != "" {
			id = s.raw.RequestID + "/" + dr.Recipient
		}
		name := dr.Recipient
		for _, r := range s.req.Recipients {
			if r.ID == dr.Recipient && r.Name != "" {
				name = r.Name
			}
		}
		dd := &directiveData{
			ID: id, ConsumerRef: ref, Recipient: dr.Recipient, RecipientName: name,
			Role: dr.Role, Action: dr.Action, ConfirmBy: dr.ConfirmBy,
			Categories: []string{}, Items: []string{},
		}
		for _, it := range base.Deleted {
			dd.Items = append(dd.Items, it.ID)
			if it.Category != it.ID && !slices.Contains(dd.Categories, it.Category) {
				dd.Categories = append(dd.Categories, it.Category)
			}
		}
		d.Directive = dd
		if isDate.MatchString(dr.SentAt) {
			// Sent: confirm_by counts the procedure's period from that day.
			dd.ConfirmWithin = s.in.DirectiveConfirmation
			if s.in.Date == "" {
				d.Date = dr.SentAt[:10] // the directive went out that day: this is its copy
			}
		}
		out = append(out, letter{template: Directive, name: "directive-" + fileSafe(dr.Recipient), data: d})
	}
	return out
}

// done reports whether the plan records the step as done.
func (s *source) done(step string) bool {
	for _, p := range s.raw.Plan {
		if p.Step == step && p.DoneAt != "" {
			return true
		}
	}
	return false
}

// base is the data every document of the decision shares.
func (s *source) base() letterData {
	d := letterData{Date: s.date(), RequestID: s.raw.RequestID, Retained: []itemData{}, Deleted: []itemData{}}
	if s.req.Business.OptOutURL == "" {
		d.OptOutURL = s.in.Organisation.OptOutURL
	}
	category := map[string]string{}
	for _, it := range s.req.Data {
		if it.Category != "" {
			category[it.ID] = it.Category
		}
	}
	for _, it := range s.raw.Items {
		item := itemData{ID: it.ID, Category: it.ID, Action: it.Action, RetainUntil: it.RetainUntil, UseLimitedTo: it.UseLimitedTo}
		if c, ok := category[it.ID]; ok {
			item.Category = c
		}
		if item.UseLimitedTo == nil {
			item.UseLimitedTo = []string{}
		}
		if it.Exception != nil {
			item.Basis, item.Law, item.Citation = it.Exception.Basis, it.Exception.Law, it.Exception.Citation
		}
		switch it.Action {
		case "retain":
			d.Retained = append(d.Retained, item)
		case "delete", "deidentify", "aggregate", "defer":
			d.Deleted = append(d.Deleted, item)
		}
	}
	return d
}
