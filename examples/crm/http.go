package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/policy"
)

// maxBody is the largest request body POST /requests reads.
const maxBody = 1 << 20

// Handler returns the service's HTTP API:
//
//	POST /requests                 decide and store a request → 201 {id, kind, open, decision};
//	                               the same request again (same document "id") → 200, the stored one
//	GET  /requests/{id}            the request's latest decision
//	POST /requests/{id}/events     record one event (an Event) in the request, decide it again → 200 {id, kind, open, decision, recorded}
//	GET  /requests/{id}/timeline   its dates: outcome and the decision's timeline
//	GET  /escalations              the current escalations of the open requests
//	GET  /healthz                  200 {"status": "ok", policy, tzdata} while the database answers, else 503
//
// Every answer is JSON, errors included: {"error": "..."}. An invalid
// request document is 422 with "problems", each a JSON pointer into the
// request document and a message; a body that is not {consumer_id,
// request} is 400; an unknown path 404, a known path with another method
// 405 (with Allow); a request id taken by a different request 409; work
// past the service's Timeout 503. An event that is not one is 400, one that
// does not fit the request 422, one recorded already with another value 409.
//
// The privacy team's pages (HTML, see teamRoutes) are served beside the API,
// and, with a DRP agent configured, the Data Rights Protocol endpoints
// (see drpRoutes), whose errors are DRP error states.
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	s.apiRoutes(mux)
	s.teamRoutes(mux)
	s.drpRoutes(mux)
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx, cancel := context.WithTimeout(req.Context(), s.timeout())
		defer cancel()
		req = req.WithContext(ctx)
		h, pattern := mux.Handler(req)
		if pattern == "" { // the mux's own answer: 404, or 405 with Allow
			rec := &statusRecorder{header: w.Header()}
			h.ServeHTTP(rec, req)
			status := cmp.Or(rec.status, http.StatusNotFound)
			writeError(w, status, errors.New(strings.ToLower(http.StatusText(status))))
			return
		}
		mux.ServeHTTP(w, req) // which sets the path's values
	})
}

// apiRoutes registers the JSON API.
func (s *Service) apiRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /requests", s.postRequest)
	mux.HandleFunc("GET /requests/{id}", s.getRequest)
	mux.HandleFunc("POST /requests/{id}/events", s.postEvent)
	mux.HandleFunc("GET /requests/{id}/timeline", s.getTimeline)
	mux.HandleFunc("GET /escalations", s.getEscalations)
	mux.HandleFunc("GET /healthz", s.getHealth)
}

// statusRecorder keeps the status and the headers of the mux's own 404 and
// 405 answers, and drops their plain-text body.
type statusRecorder struct {
	header http.Header
	status int
}

func (r *statusRecorder) Header() http.Header         { return r.header }
func (r *statusRecorder) Write(b []byte) (int, error) { return len(b), nil }
func (r *statusRecorder) WriteHeader(status int)      { r.status = status }

// submission is the body of POST /requests.
type submission struct {
	// ConsumerID is the host's own identifier of the consumer (an e-mail
	// address, an account id). It is hashed, never stored.
	ConsumerID string `json:"consumer_id"`
	// Request is a dsrkit request document (CONTRACT.md § 2).
	Request json.RawMessage `json:"request"`
}

// requestView is the answer of POST /requests and GET /requests/{id}.
type requestView struct {
	ID       string          `json:"id"`
	Kind     string          `json:"kind"`
	Open     bool            `json:"open"`
	Decision json.RawMessage `json:"decision"`
}

func view(r Row) requestView {
	return requestView{ID: r.ID, Kind: r.Kind, Open: r.Open, Decision: r.Decision}
}

func (s *Service) postRequest(w http.ResponseWriter, req *http.Request) {
	sub, err := readSubmission(w, req)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	r, created, err := s.Submit(req.Context(), sub.ConsumerID, sub.Request)
	if problems, ok := isInvalid(err); ok {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
			"error":    policy.ErrInvalidRequest.Error(),
			"problems": problems,
		})
		return
	}
	if errors.Is(err, ErrConflict) {
		writeError(w, http.StatusConflict, ErrConflict)
		return
	}
	if err != nil {
		s.fail(w, req, err)
		return
	}
	w.Header().Set("Location", "/requests/"+r.ID)
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, view(r))
}

// healthView is the answer of GET /healthz.
type healthView struct {
	Status string      `json:"status"`
	Policy policy.Info `json:"policy"`
	TZData string      `json:"tzdata"`
}

func (s *Service) getHealth(w http.ResponseWriter, req *http.Request) {
	if err := s.Store.Ping(req.Context()); err != nil {
		s.logger().Error("health", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": "the database does not answer"})
		return
	}
	writeJSON(w, http.StatusOK, healthView{Status: "ok", Policy: s.Engine.Info(), TZData: calendar.TZDataVersion()})
}

// readSubmission reads and checks the body of POST /requests.
func readSubmission(w http.ResponseWriter, req *http.Request) (submission, error) {
	dec := json.NewDecoder(http.MaxBytesReader(w, req.Body, maxBody))
	dec.DisallowUnknownFields()
	var sub submission
	if err := dec.Decode(&sub); err != nil {
		return sub, fmt.Errorf("reading the body: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return sub, errors.New("reading the body: more than one JSON value")
	}
	if sub.ConsumerID == "" {
		return sub, errors.New("consumer_id is required")
	}
	if len(sub.Request) == 0 || bytes.Equal(sub.Request, []byte("null")) {
		return sub, errors.New("request is required")
	}
	return sub, nil
}

// eventView is the answer of POST /requests/{id}/events: the request with
// its latest decision, and whether the event was new (false: the request
// recorded it already, nothing was decided).
type eventView struct {
	requestView
	Recorded bool `json:"recorded"`
}

func (s *Service) postEvent(w http.ResponseWriter, req *http.Request) {
	dec := json.NewDecoder(http.MaxBytesReader(w, req.Body, maxBody))
	dec.DisallowUnknownFields()
	var e Event
	if err := dec.Decode(&e); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("%w: reading the body: %w", ErrBadEvent, err))
		return
	}
	if _, err := dec.Token(); err != io.EOF {
		writeError(w, http.StatusBadRequest, fmt.Errorf("%w: more than one JSON value", ErrBadEvent))
		return
	}
	r, recorded, err := s.AppendEvent(req.Context(), req.PathValue("id"), e)
	if problems, ok := isInvalid(err); ok {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
			"error":    policy.ErrInvalidRequest.Error(),
			"problems": problems,
		})
		return
	}
	switch {
	case errors.Is(err, ErrBadEvent):
		writeError(w, http.StatusBadRequest, err)
	case errors.Is(err, ErrEventRefused):
		writeError(w, http.StatusUnprocessableEntity, err)
	case errors.Is(err, ErrEventConflict):
		writeError(w, http.StatusConflict, err)
	case err != nil:
		s.fail(w, req, err)
	default:
		writeJSON(w, http.StatusOK, eventView{requestView: view(r), Recorded: recorded})
	}
}

func (s *Service) getRequest(w http.ResponseWriter, req *http.Request) {
	if wantsHTML(req) {
		s.getRequestPage(w, req)
		return
	}
	r, err := s.Get(req.Context(), req.PathValue("id"))
	if err != nil {
		s.fail(w, req, err)
		return
	}
	writeJSON(w, http.StatusOK, view(r))
}

// timelineView is the answer of GET /requests/{id}/timeline.
type timelineView struct {
	ID         string                `json:"id"`
	Kind       string                `json:"kind"`
	AsOf       string                `json:"as_of"`
	ReceivedOn string                `json:"received_on,omitempty"`
	Outcome    string                `json:"outcome"`
	Timeline   []policy.TimelineStep `json:"timeline"`
}

func (s *Service) getTimeline(w http.ResponseWriter, req *http.Request) {
	r, err := s.Get(req.Context(), req.PathValue("id"))
	if err != nil {
		s.fail(w, req, err)
		return
	}
	var env policy.Envelope
	if err := json.Unmarshal(r.Decision, &env); err != nil {
		s.fail(w, req, fmt.Errorf("reading the decision on request %s: %w", r.ID, err))
		return
	}
	v := timelineView{ID: r.ID, Kind: env.Kind, AsOf: env.AsOf, Outcome: env.Outcome, Timeline: env.Timeline}
	if env.ReceivedOn != nil {
		v.ReceivedOn = env.ReceivedOn.String()
	}
	if v.Timeline == nil {
		v.Timeline = []policy.TimelineStep{}
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Service) getEscalations(w http.ResponseWriter, req *http.Request) {
	esc, err := s.Escalations(req.Context())
	if err != nil {
		s.fail(w, req, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"escalations": esc})
}

// fail answers an error: 404 for an unknown request, 503 when the
// request's deadline passed, else 500 (logged; the client gets no detail).
func (s *Service) fail(w http.ResponseWriter, req *http.Request, err error) {
	if errors.Is(err, ErrNotFound) {
		writeError(w, http.StatusNotFound, ErrNotFound)
		return
	}
	if req.Context().Err() != nil {
		s.logger().Error("request timed out", "method", req.Method, "path", req.URL.Path, "err", err)
		writeError(w, http.StatusServiceUnavailable, fmt.Errorf("the request took longer than %s", s.timeout()))
		return
	}
	s.logger().Error("request failed", "method", req.Method, "path", req.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, errors.New("internal error"))
}

func writeError(w http.ResponseWriter, status int, err error) {
	writeJSON(w, status, map[string]string{"error": err.Error()})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v) // the status is sent: a failed write has no one to tell
}
