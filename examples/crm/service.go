package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/dsrkit/dsrkit/audit"
	"github.com/dsrkit/dsrkit/policy"
)

// Service is the CRM backend: it decides privacy requests with a dsrkit
// engine, keeps them and their decisions in a Store, and re-decides the
// open ones as time passes. Create it with a literal, setting every
// exported field; it is safe for concurrent use.
type Service struct {
	Engine *policy.Engine
	Store  *Store
	// Key is the secret HMAC key of audit.ConsumerHash: the store knows a
	// consumer only by the hash of their id under it.
	Key []byte
	// Now is the service's clock: the as_of of a request that has none,
	// and the time decisions are stored. dsrkit never reads the clock.
	Now func() time.Time
	// Log receives one line per failure; nil discards them. It is never
	// given a consumer's id.
	Log *slog.Logger
	// Timeout bounds the work on one HTTP request (deciding and storing
	// included); 0 is DefaultTimeout.
	Timeout time.Duration
	// DRP, when set, serves the Data Rights Protocol endpoints for its
	// agent (see drpRoutes).
	DRP *DRP

	redecide sync.Mutex // one Redecide pass at a time
	events   sync.Mutex // one AppendEvent at a time (another process: see ErrStale)
}

// DefaultTimeout is the per-request deadline of a Service whose Timeout is 0.
const DefaultTimeout = 30 * time.Second

func (s *Service) timeout() time.Duration {
	if s.Timeout > 0 {
		return s.Timeout
	}
	return DefaultTimeout
}

// Escalation is an escalation of a stored request's current decision.
type Escalation struct {
	RequestID string `json:"request_id"`
	policy.Escalation
}

// Report is what one Redecide pass did.
type Report struct {
	AsOf      string `json:"as_of"`
	Redecided int    `json:"redecided"` // open requests decided again
	Closed    int    `json:"closed"`    // of those, how many are no longer open
	// Escalations are those of the new decisions, request by request.
	Escalations []Escalation `json:"escalations"`
	// Failed lists the requests the engine could not decide again (their
	// previous decision stays the current one).
	Failed []Failure `json:"failed,omitempty"`
}

// Failure is a request a Redecide pass could not decide.
type Failure struct {
	RequestID string `json:"request_id"`
	Error     string `json:"error"`
}

// ErrConflict is returned by Submit for a request whose id (the request
// document's own "id") is that of a stored request with another document or
// another consumer.
var ErrConflict = errors.New("a different request with this id is stored already")

// Submit decides a new request for the consumer whose own id (an e-mail
// address, an account id) is consumerID, and stores the request, the
// decision and its audit record. consumerID itself is never stored; only
// audit.ConsumerHash(s.Key, consumerID) is, and the same for every
// steps[].subject_id of the request (see hashSubjectIDs).
//
// Submit is idempotent for a request document with an "id": when a request
// with that id is stored already, for the same consumer and the same
// document, Submit returns it (created false) and decides nothing; for
// another consumer or document it returns an error matching ErrConflict.
//
// The decision is taken as of the request's own as_of when it has one
// (null or not an instant is an invalid request: the clock never stands in
// for it), else as of s.Now(). An invalid request gives an error that
// matches policy.ErrInvalidRequest (a *policy.RequestError), and nothing is
// stored.
func (s *Service) Submit(ctx context.Context, consumerID string, request json.RawMessage) (Row, bool, error) {
	now := s.Now()
	var opts []policy.DecideOption
	if !hasField(request, "as_of") {
		opts = append(opts, policy.AsOf(now.Format(time.RFC3339)))
	}
	r := Row{
		ID:           "req_" + rand.Text(),
		Key:          stringField(request, "id"),
		ConsumerHash: audit.ConsumerHash(s.Key, consumerID),
		Request:      hashSubjectIDs(s.Key, request),
	}
	if r.Key != "" {
		if old, err := s.Store.GetByKey(ctx, r.Key); err == nil {
			return s.same(old, r)
		} else if !errors.Is(err, ErrNotFound) {
			return Row{}, false, err
		}
	}
	rec, err := s.decide(ctx, &r, now, opts...)
	if err != nil {
		return Row{}, false, err
	}
	if err := s.Store.CreateRequest(ctx, r, rec); errors.Is(err, ErrKeyTaken) {
		old, err := s.Store.GetByKey(ctx, r.Key) // stored meanwhile by a concurrent Submit
		if err != nil {
			return Row{}, false, err
		}
		return s.same(old, r)
	} else if err != nil {
		return Row{}, false, fmt.Errorf("storing the new request: %w", err)
	}
	return r, true, nil
}

// same returns the stored request old for a new submission r with its key,
// if r is the same request.
func (s *Service) same(old, r Row) (Row, bool, error) {
	if old.ConsumerHash != r.ConsumerHash || !bytes.Equal(old.Request, r.Request) {
		return Row{}, false, fmt.Errorf("request %q: %w", r.Key, ErrConflict)
	}
	return old, false, nil
}

// Get returns a stored request with its latest decision, or an error that
// matches ErrNotFound.
func (s *Service) Get(ctx context.Context, id string) (Row, error) {
	return s.Store.Get(ctx, id)
}

// Redecide is the daily pass: it decides every open request again as of
// now — the dates have not moved, but what is overdue or at risk has —
// stores each new decision and its audit record, and reports the new
// escalations. A request the engine cannot decide is listed in the
// report's Failed and keeps its previous decision; an error means the
// store failed, and the pass stopped there.
func (s *Service) Redecide(ctx context.Context, now time.Time) (Report, error) {
	s.redecide.Lock()
	defer s.redecide.Unlock()
	asOf := now.Format(time.RFC3339)
	report := Report{AsOf: asOf, Escalations: []Escalation{}}
	open, err := s.Store.OpenRequests(ctx)
	if err != nil {
		return report, fmt.Errorf("redeciding: %w", err)
	}
	for _, r := range open {
		rec, err := s.decide(ctx, &r, now, policy.AsOf(asOf))
		if err != nil {
			if ctx.Err() != nil {
				return report, fmt.Errorf("redeciding: %w", ctx.Err())
			}
			s.logger().Error("redecide", "request", r.ID, "err", err)
			report.Failed = append(report.Failed, Failure{RequestID: r.ID, Error: err.Error()})
			continue
		}
		if err := s.Store.AddDecision(ctx, r, rec); errors.Is(err, ErrStale) {
			continue // an event was recorded meanwhile, and decided as of now
		} else if err != nil {
			return report, fmt.Errorf("redeciding: storing the new decision: %w", err)
		}
		report.Redecided++
		if !r.Open {
			report.Closed++
		}
		esc, err := escalations(r)
		if err != nil {
			return report, fmt.Errorf("redeciding: %w", err)
		}
		report.Escalations = append(report.Escalations, esc...)
	}
	return report, nil
}

// Escalations returns the escalations of the current (latest) decisions
// of every open request.
func (s *Service) Escalations(ctx context.Context) ([]Escalation, error) {
	open, err := s.Store.OpenRequests(ctx)
	if err != nil {
		return nil, err
	}
	all := []Escalation{}
	for _, r := range open {
		esc, err := escalations(r)
		if err != nil {
			return nil, err
		}
		all = append(all, esc...)
	}
	return all, nil
}

// decide decides r.Request and fills in r's decision fields (Kind,
// Decision, AsOf, Outcome, Open, DecidedAt), returning the decision's
// audit record.
func (s *Service) decide(ctx context.Context, r *Row, now time.Time, opts ...policy.DecideOption) (audit.Record, error) {
	dec, err := s.Engine.Decide(ctx, r.Request, opts...)
	if err != nil {
		return audit.Record{}, fmt.Errorf("deciding: %w", err)
	}
	var env policy.Envelope
	if err := json.Unmarshal(dec, &env); err != nil {
		return audit.Record{}, fmt.Errorf("reading the decision: %w", err)
	}
	rec, err := audit.NewRecord(dec, r.ConsumerHash)
	if err != nil {
		return audit.Record{}, fmt.Errorf("making the audit record: %w", err)
	}
	r.Kind, r.Decision, r.AsOf, r.Outcome, r.DecidedAt = env.Kind, dec, env.AsOf, env.Outcome, now
	r.Open = isOpen(env.Kind, env.Outcome, r.Request, dec)
	return rec, nil
}

// owed is what a delete decision and its request still owe once the
// response is sent: directives unconfirmed, an appeal unanswered.
type owed struct {
	Events struct {
		RespondedAt      string `json:"responded_at"`
		AppealReceivedAt string `json:"appeal_received_at"`
		AppealAnsweredAt string `json:"appeal_answered_at"`
	} `json:"events"`
	Directives []directiveState `json:"directives"`
}

// directiveState is what isOpen reads of a directive.
type directiveState struct {
	ConfirmedAt string `json:"confirmed_at"`
}

// isOpen says whether a request still needs the team and the daily pass,
// from its kind, its latest outcome, the request document and the
// decision. Deliberately simple:
//
//   - delete: not_covered is closed (no law asks anything); any other
//     outcome is open until the response is recorded (events.responded_at),
//     and then while a directive is unconfirmed or an appeal received is not
//     answered;
//   - opt_out: open while the outcome is comply and the request has no
//     processed_at;
//   - opt_in, solicit_opt_in: never open — each is an answer as of a moment.
func isOpen(kind, outcome string, request, decision json.RawMessage) bool {
	switch kind {
	case policy.KindDelete:
		if outcome == "not_covered" {
			return false
		}
		var req, dec owed
		if json.Unmarshal(request, &req) != nil || json.Unmarshal(decision, &dec) != nil {
			return true // unreadable: keep it in front of the team
		}
		e := req.Events
		if e.RespondedAt == "" || (e.AppealReceivedAt != "" && e.AppealAnsweredAt == "") {
			return true
		}
		return slices.ContainsFunc(dec.Directives, func(d directiveState) bool { return d.ConfirmedAt == "" })
	case policy.KindOptOut:
		return outcome == "comply" && !hasField(request, "processed_at")
	default:
		return false
	}
}

// hasField says whether the JSON object doc has a member name, null or
// not: a present as_of must be an instant, and the engine judges it. A
// document that is not an object says yes: the engine will report it.
func hasField(doc json.RawMessage, name string) bool {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil || m == nil {
		return true
	}
	_, ok := m[name]
	return ok
}

// stringField is the string member name of the JSON object doc, or "".
func stringField(doc json.RawMessage, name string) string {
	var m map[string]json.RawMessage
	if json.Unmarshal(doc, &m) != nil {
		return ""
	}
	var v string
	if json.Unmarshal(m[name], &v) != nil {
		return ""
	}
	return v
}

// escalations lists the escalations of r's decision.
func escalations(r Row) ([]Escalation, error) {
	var env policy.Envelope
	if err := json.Unmarshal(r.Decision, &env); err != nil {
		return nil, fmt.Errorf("reading the decision on request %s: %w", r.ID, err)
	}
	out := make([]Escalation, len(env.Escalations))
	for i, e := range env.Escalations {
		out[i] = Escalation{RequestID: r.ID, Escalation: e}
	}
	return out, nil
}

func (s *Service) logger() *slog.Logger {
	if s.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Log
}

// isInvalid reports whether err is a request the engine refused, and its
// problems.
func isInvalid(err error) ([]policy.Problem, bool) {
	var re *policy.RequestError
	if errors.As(err, &re) {
		return re.Problems, true
	}
	return nil, false
}
