package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/dsrkit/dsrkit/deletion"
	"github.com/dsrkit/dsrkit/policy"
)

// Event is the body of POST /requests/{id}/events: one thing the team has
// done or received, named by the request contract's field it records
// (CONTRACT.md § 2, schemas/request.json):
//
//	acknowledged_at, verified_at, discovery_completed_at,
//	analysis_completed_at, deletion_completed_at,
//	appeal_received_at, appeal_answered_at  events.<name> = at
//	responded_at (+ response_channel)       events.responded_at, events.response_channel
//	item_deleted (item, by, method)         one entry appended to events.items_deleted
//	directive_sent_at, confirmed_at         recipients[id = recipient].<name> = at
//	extension_notified_at (+ reason)        extension.notified_at, extension.reason
//	processed_at                            processed_at (an opt-out)
//	verified_at (+ verification)            events.verified_at; verification.<member> for each member given
//
// Every event but processed_at is for a request to delete. A field the
// event does not use must be absent.
type Event struct {
	Event string `json:"event"`
	// At is when it happened: an RFC 3339 instant with its offset, not
	// after the service's clock.
	At string `json:"at"`
	// ResponseChannel is how the response was sent (responded_at only):
	// email, postal_mail, account, in_app, phone or other.
	ResponseChannel string `json:"response_channel,omitempty"`
	// Item is the data[].id deleted, By the team or role that deleted it
	// (not a person's name), Method how (item_deleted only).
	Item   string `json:"item,omitempty"`
	By     string `json:"by,omitempty"`
	Method string `json:"method,omitempty"`
	// Recipient is the recipients[].id the directive went to or that
	// confirmed (directive_sent_at, confirmed_at only).
	Recipient string `json:"recipient,omitempty"`
	// Reason is the extension's reason (extension_notified_at only).
	Reason string `json:"reason,omitempty"`
	// Verification is how the team verified the consumer (verified_at
	// only, optional): its members are merged into the request's
	// verification (a DRP exercise arrives with none), each a fact that
	// is not overwritten once recorded.
	Verification *deletion.Verification `json:"verification,omitempty"`
}

// The errors of an event that cannot be recorded; each answer names the
// problem. ErrBadEvent is a body that is not an event (400); ErrEventRefused
// an event that does not fit the stored request (422); ErrEventConflict an
// event already recorded with another value (409: facts are not
// overwritten).
var (
	ErrBadEvent      = errors.New("not a valid event")
	ErrEventRefused  = errors.New("the event does not fit the request")
	ErrEventConflict = errors.New("already recorded with another value")
)

// eventSpec says what an event needs: its request kind, the optional fields
// it takes (beyond event and at) and the required ones.
type eventSpec struct {
	kind     string
	optional []string
	required []string
}

var eventSpecs = map[string]eventSpec{
	"acknowledged_at":        {kind: policy.KindDelete},
	"verified_at":            {kind: policy.KindDelete},
	"discovery_completed_at": {kind: policy.KindDelete},
	"analysis_completed_at":  {kind: policy.KindDelete},
	"deletion_completed_at":  {kind: policy.KindDelete},
	"appeal_received_at":     {kind: policy.KindDelete},
	"appeal_answered_at":     {kind: policy.KindDelete},
	"responded_at":           {kind: policy.KindDelete, optional: []string{"response_channel"}},
	"item_deleted":           {kind: policy.KindDelete, optional: []string{"by", "method"}, required: []string{"item"}},
	"directive_sent_at":      {kind: policy.KindDelete, required: []string{"recipient"}},
	"confirmed_at":           {kind: policy.KindDelete, required: []string{"recipient"}},
	"extension_notified_at":  {kind: policy.KindDelete, optional: []string{"reason"}},
	"processed_at":           {kind: policy.KindOptOut},
}

// fields are an event's optional members by name, as given.
func (e Event) fields() map[string]string {
	return map[string]string{"response_channel": e.ResponseChannel, "item": e.Item, "by": e.By,
		"method": e.Method, "recipient": e.Recipient, "reason": e.Reason}
}

// check checks the event against its spec and the service's clock; the
// instant's form is the engine's to judge, with its JSON pointer.
func (e Event) check(now time.Time) (eventSpec, error) {
	spec, ok := eventSpecs[e.Event]
	if !ok {
		return spec, fmt.Errorf("%w: unknown event %q", ErrBadEvent, e.Event)
	}
	if e.At == "" {
		return spec, fmt.Errorf("%w: %s: at is required", ErrBadEvent, e.Event)
	}
	for name, v := range e.fields() {
		switch {
		case slices.Contains(spec.required, name) && v == "":
			return spec, fmt.Errorf("%w: %s: %s is required", ErrBadEvent, e.Event, name)
		case v != "" && !slices.Contains(spec.required, name) && !slices.Contains(spec.optional, name):
			return spec, fmt.Errorf("%w: %s takes no %s", ErrBadEvent, e.Event, name)
		}
	}
	if e.Verification != nil && e.Event != "verified_at" {
		return spec, fmt.Errorf("%w: %s takes no verification", ErrBadEvent, e.Event)
	}
	if at, err := time.Parse(time.RFC3339, e.At); err == nil && at.After(now) {
		return spec, fmt.Errorf("%w: %s %s is after the service's clock (%s)", ErrEventRefused, e.Event, e.At, now.Format(time.RFC3339))
	}
	return spec, nil
}

// object is a JSON object read for editing: members keep their bytes.
type object map[string]json.RawMessage

func readObject(b json.RawMessage) (object, error) {
	o := object{}
	if len(b) == 0 || bytes.Equal(b, []byte("null")) {
		return o, nil
	}
	if err := json.Unmarshal(b, &o); err != nil {
		return nil, err
	}
	return o, nil
}

// set records value under name: false when it is there already with the
// same value, ErrEventConflict when with another.
func (o object) set(what, name string, value any) (bool, error) {
	v, err := json.Marshal(value)
	if err != nil {
		return false, err
	}
	if old, ok := o[name]; ok {
		var was, is any
		if json.Unmarshal(old, &was) == nil && json.Unmarshal(v, &is) == nil && fmt.Sprint(was) == fmt.Sprint(is) {
			return false, nil
		}
		return false, fmt.Errorf("%w: %s is %s", ErrEventConflict, what, old)
	}
	o[name] = v
	return true, nil
}

// applyEvent records e in the request document doc of the given kind and
// returns the new document, or changed false when the document records e
// already (same values).
func applyEvent(doc json.RawMessage, kind string, e Event) (json.RawMessage, bool, error) {
	spec := eventSpecs[e.Event]
	if spec.kind != kind {
		return nil, false, fmt.Errorf("%w: %s is an event of a %s request, this is a %s request", ErrEventRefused, e.Event, spec.kind, kind)
	}
	top, err := readObject(doc)
	if err != nil {
		return nil, false, fmt.Errorf("reading the stored request: %w", err)
	}
	// member edits the object top[name], storing it back on success.
	member := func(name string, edit func(object) (bool, error)) (bool, error) {
		o, err := readObject(top[name])
		if err != nil {
			return false, fmt.Errorf("%w: %s is not an object", ErrEventRefused, name)
		}
		changed, err := edit(o)
		if err != nil || !changed {
			return false, err
		}
		b, err := json.Marshal(o)
		if err != nil {
			return false, err
		}
		top[name] = b
		return true, nil
	}
	var changed bool
	switch e.Event {
	case "processed_at":
		changed, err = top.set("processed_at", "processed_at", e.At)
	case "extension_notified_at":
		changed, err = member("extension", func(o object) (bool, error) {
			c, err := o.set("extension.notified_at", "notified_at", e.At)
			if err != nil || e.Reason == "" {
				return c, err
			}
			c2, err := o.set("extension.reason", "reason", e.Reason)
			return c || c2, err
		})
	case "directive_sent_at", "confirmed_at":
		changed, err = setRecipient(top, e)
	case "item_deleted":
		changed, err = member("events", func(o object) (bool, error) { return appendDeleted(o, e) })
	case "verified_at":
		changed, err = member("events", func(o object) (bool, error) { return o.set("events.verified_at", "verified_at", e.At) })
		if err == nil && e.Verification != nil {
			var c bool
			c, err = member("verification", func(o object) (bool, error) { return mergeVerification(o, *e.Verification) })
			changed = changed || c
		}
	default:
		changed, err = member("events", func(o object) (bool, error) {
			c, err := o.set("events."+e.Event, e.Event, e.At)
			if err != nil || e.ResponseChannel == "" {
				return c, err
			}
			c2, err := o.set("events.response_channel", "response_channel", e.ResponseChannel)
			return c || c2, err
		})
	}
	if err != nil || !changed {
		return nil, false, err
	}
	out, err := json.Marshal(top)
	if err != nil {
		return nil, false, err
	}
	return out, true, nil
}

// mergeVerification sets each member v gives in the request's
// verification object.
func mergeVerification(o object, v deletion.Verification) (bool, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return false, err
	}
	var members map[string]any
	if err := json.Unmarshal(b, &members); err != nil {
		return false, err
	}
	names := slices.Sorted(maps.Keys(members))
	var changed bool
	for _, name := range names {
		c, err := o.set("verification."+name, name, members[name])
		if err != nil {
			return false, err
		}
		changed = changed || c
	}
	return changed, nil
}

// setRecipient sets recipients[id = e.Recipient].<e.Event>.
func setRecipient(top object, e Event) (bool, error) {
	var list []object
	if r, ok := top["recipients"]; ok {
		if err := json.Unmarshal(r, &list); err != nil {
			return false, fmt.Errorf("%w: recipients is not a list of objects", ErrEventRefused)
		}
	}
	for i, r := range list {
		var id string
		if json.Unmarshal(r["id"], &id) != nil || id != e.Recipient {
			continue
		}
		changed, err := r.set(fmt.Sprintf("recipients[%s].%s", id, e.Event), e.Event, e.At)
		if err != nil || !changed {
			return false, err
		}
		list[i] = r
		b, err := json.Marshal(list)
		if err != nil {
			return false, err
		}
		top["recipients"] = b
		return true, nil
	}
	return false, fmt.Errorf("%w: the request has no recipient %q", ErrEventRefused, e.Recipient)
}

// deleted is one entry of events.items_deleted.
type deleted struct {
	Item   string `json:"item"`
	At     string `json:"at"`
	By     string `json:"by,omitempty"`
	Method string `json:"method,omitempty"`
}

// appendDeleted appends the deletion log entry of e, unless the log has
// it already; another entry for the same item is a conflict.
func appendDeleted(events object, e Event) (bool, error) {
	var log []json.RawMessage
	if b, ok := events["items_deleted"]; ok {
		if err := json.Unmarshal(b, &log); err != nil {
			return false, fmt.Errorf("%w: events.items_deleted is not a list", ErrEventRefused)
		}
	}
	entry := deleted{Item: e.Item, At: e.At, By: e.By, Method: e.Method}
	for _, b := range log {
		var old deleted
		if json.Unmarshal(b, &old) != nil || old.Item != e.Item {
			continue
		}
		if old == entry {
			return false, nil
		}
		return false, fmt.Errorf("%w: the deletion log has item %q as %s", ErrEventConflict, e.Item, b)
	}
	b, err := json.Marshal(entry)
	if err != nil {
		return false, err
	}
	log = append(log, b)
	if events["items_deleted"], err = json.Marshal(log); err != nil {
		return false, err
	}
	return true, nil
}

// maxEventTries bounds how often AppendEvent starts again when the
// request changed between reading and storing it (another process wrote
// it: within one Service, events are recorded one at a time).
const maxEventTries = 5

// AppendEvent records an event on the stored request id: it merges e into
// the request document, decides the new document as of the service's
// clock (the moment the event is recorded, as the daily pass does) and
// stores the document, the decision and its audit record together. An
// event the document records already changes nothing (changed false: no
// new decision). Errors match ErrNotFound, ErrBadEvent, ErrEventRefused,
// ErrEventConflict, or policy.ErrInvalidRequest for a document the engine
// refuses with the event (nothing is stored then).
func (s *Service) AppendEvent(ctx context.Context, id string, e Event) (Row, bool, error) {
	now := s.Now()
	if _, err := e.check(now); err != nil {
		return Row{}, false, err
	}
	s.events.Lock()
	defer s.events.Unlock()
	for range maxEventTries {
		r, err := s.Store.Get(ctx, id)
		if err != nil {
			return Row{}, false, err
		}
		doc, changed, err := applyEvent(r.Request, r.Kind, e)
		if err != nil || !changed {
			return r, false, err
		}
		old := r.Request
		r.Request = doc
		rec, err := s.decide(ctx, &r, now, policy.AsOf(now.Format(time.RFC3339)))
		if err != nil {
			return Row{}, false, err
		}
		switch err := s.Store.UpdateRequest(ctx, r, old, rec); {
		case errors.Is(err, ErrStale):
			continue // another event or pass came first: apply ours to theirs
		case err != nil:
			return Row{}, false, err
		}
		return r, true, nil
	}
	return Row{}, false, fmt.Errorf("request %s kept changing: %w", id, ErrStale)
}
