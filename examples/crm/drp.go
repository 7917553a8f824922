package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/dsrkit/dsrkit/drp"
	"github.com/dsrkit/dsrkit/policy"
)

// DRP is the CRM's side of the Data Rights Protocol (DRP 0.9.4): the one
// authorised agent it accepts exercises from, and what the business adds
// to them. A Service with a nil DRP serves no DRP endpoint.
type DRP struct {
	// AgentID is the agent's id in the DRP service directory (agent-id).
	AgentID string
	// Token is the bearer token of the agent–business pair (DRP § 2.05:
	// issued out of band here, see -drp-token-file).
	Token string
	// VerifyKey is the agent's Ed25519 public key: every exercise is
	// signed with its private key (DRP § 3.07).
	VerifyKey ed25519.PublicKey
	// BusinessID is this business's id (business-id).
	BusinessID string
	// Business holds the business's facts every exercise is decided with.
	Business policy.Business
	// AgentAuthorization is what the business holds of the agent's
	// authority (drp.Host.AgentAuthorization): "" lets package drp read it
	// from the exercise.
	AgentAuthorization string
	// VerificationURL, when set, is the prefix of the user_verification_url
	// given with need_user_verification: the request id is appended.
	VerificationURL string
}

// drpRoutes registers the DRP endpoints of a covered business (DRP 0.9.4
// § 2): the exercise, the status, and the agent information endpoints;
// revoke and the pair-wise key setup answer 501 (not implemented here).
func (s *Service) drpRoutes(mux *http.ServeMux) {
	if s.DRP == nil {
		return
	}
	mux.HandleFunc("POST /v1/data-rights-request", s.postExercise)
	mux.HandleFunc("POST /v1/data-rights-request/{$}", s.postExercise) // the trailing slash of DRP < 0.9.3
	mux.HandleFunc("GET /v1/data-rights-request/{id}", s.getExerciseStatus)
	mux.HandleFunc("DELETE /v1/data-rights-request/{id}", s.drpNotImplemented("revoking a request"))
	mux.HandleFunc("GET /v1/agent/{agent}", s.getAgent)
	mux.HandleFunc("POST /v1/agent/{agent}", s.drpNotImplemented("the pair-wise key setup (the token is issued out of band)"))
}

// drpError is a DRP error state (DRP § 3.06).
type drpError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Fatal   bool   `json:"fatal,omitempty"`
}

func writeDRPError(w http.ResponseWriter, status int, fatal bool, msg string) {
	writeJSON(w, status, drpError{Code: strconv.Itoa(status), Message: msg, Fatal: fatal})
}

// authorized checks the bearer token: none (or not a bearer token) is 401,
// another agent's 403. It answers the request itself when it says false.
func (s *Service) authorized(w http.ResponseWriter, req *http.Request) bool {
	scheme, token, ok := strings.Cut(req.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="drp"`)
		writeDRPError(w, http.StatusUnauthorized, false, "a bearer token is required")
		return false
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), []byte(s.DRP.Token)) != 1 {
		writeDRPError(w, http.StatusForbidden, false, "the bearer token is not this business's token for an agent")
		return false
	}
	return true
}

func (s *Service) drpNotImplemented(what string) http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		if !s.authorized(w, req) {
			return
		}
		writeDRPError(w, http.StatusNotImplemented, false, what+" is not implemented by this business")
	}
}

// getAgent is the Agent Information endpoint (DRP § 2.06): {} for the
// token's agent, 403 for another agent-id.
func (s *Service) getAgent(w http.ResponseWriter, req *http.Request) {
	if !s.authorized(w, req) {
		return
	}
	if req.PathValue("agent") != s.DRP.AgentID {
		writeDRPError(w, http.StatusForbidden, false, "the bearer token is not this agent's")
		return
	}
	writeJSON(w, http.StatusOK, struct{}{})
}

// signed reads the body of a signed DRP request: base64 of the Ed25519
// signature followed by the JSON message (libsodium's combined mode, DRP §
// 3.07.1). It returns the message, or the status and the error to answer.
func (s *Service) signed(w http.ResponseWriter, req *http.Request) ([]byte, int, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, req.Body, maxBody))
	if err != nil {
		return nil, http.StatusBadRequest, fmt.Errorf("reading the body: %w", err)
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(body)))
	if err != nil {
		return nil, http.StatusBadRequest, errors.New("the body is not a base64-encoded signed message")
	}
	if len(raw) < ed25519.SignatureSize || !ed25519.Verify(s.DRP.VerifyKey, raw[ed25519.SignatureSize:], raw[:ed25519.SignatureSize]) {
		return nil, http.StatusForbidden, errors.New("the message is not signed by the agent's key")
	}
	return raw[ed25519.SignatureSize:], 0, nil
}

// consumerOf is the host's identifier of the consumer an exercise is for,
// from its identity claims: the e-mail address, else the phone number. It
// is only hashed (Submit); the claims are never stored.
func consumerOf(ex *drp.Exercise) (string, bool) {
	if e := strings.ToLower(strings.TrimSpace(ex.Email)); e != "" {
		return "email:" + e, true
	}
	if p := strings.TrimSpace(ex.PhoneNumber); p != "" {
		return "phone:" + p, true
	}
	return "", false
}

// postExercise is the Data Rights Exercise endpoint (DRP § 2.01): the
// signed exercise of the token's agent becomes a stored dsrkit request
// (received now, by the service's clock, under a new UUID), decided, and
// the answer is its Exercise Status (200).
func (s *Service) postExercise(w http.ResponseWriter, req *http.Request) {
	if !s.authorized(w, req) {
		return
	}
	msg, status, err := s.signed(w, req)
	if err != nil {
		writeDRPError(w, status, false, err.Error())
		return
	}
	ex, err := drp.ParseExercise(msg)
	if err != nil {
		writeDRPError(w, http.StatusBadRequest, false, err.Error())
		return
	}
	if ex.AgentID != s.DRP.AgentID {
		writeDRPError(w, http.StatusForbidden, true, fmt.Sprintf("agent-id %q is not the agent of the bearer token", ex.AgentID))
		return
	}
	if ex.BusinessID != s.DRP.BusinessID {
		writeDRPError(w, http.StatusForbidden, true, fmt.Sprintf("business-id %q is not this business", ex.BusinessID))
		return
	}
	consumer, ok := consumerOf(ex)
	if !ok {
		writeDRPError(w, http.StatusBadRequest, false, "the exercise has no email or phone_number claim to match the consumer with")
		return
	}
	now := s.Now()
	id := uuid.NewString()
	request, ex, err := drp.FromExercise(msg, drp.Host{
		RequestID:          id,
		ReceivedAt:         now.Format(time.RFC3339),
		Business:           s.DRP.Business,
		AgentAuthorization: s.DRP.AgentAuthorization,
	})
	switch {
	case errors.Is(err, drp.ErrUnsupportedAction):
		writeDRPError(w, http.StatusBadRequest, false, "Unsupported rights actions submitted: "+err.Error())
		return
	case errors.Is(err, drp.ErrExpired):
		writeDRPError(w, http.StatusBadRequest, true, err.Error())
		return
	case err != nil: // ErrInvalidExercise, ErrNoResidence
		writeDRPError(w, http.StatusBadRequest, false, err.Error())
		return
	}
	// The link first: a request stored without it would be no agent's.
	if err := s.Store.AddExercise(req.Context(), Exercise{RequestID: id, AgentID: ex.AgentID, AgentRequestID: ex.AgentRequestID, ReceivedAt: now}); err != nil {
		s.drpFail(w, req, err)
		return
	}
	r, _, err := s.Submit(req.Context(), consumer, request)
	if problems, ok := isInvalid(err); ok {
		msgs := make([]string, len(problems))
		for i, p := range problems {
			msgs[i] = p.Pointer + ": " + p.Message
		}
		writeDRPError(w, http.StatusBadRequest, false, "the exercise makes an invalid request: "+strings.Join(msgs, "; "))
		return
	}
	if err != nil {
		s.drpFail(w, req, err)
		return
	}
	s.writeStatus(w, req, r, ex.AgentRequestID)
}

// getExerciseStatus is the Data Rights Status endpoint (DRP § 2.02): the
// Exercise Status of the request's latest decision; 404 for an id no
// exercise has, 403 for another agent's request.
func (s *Service) getExerciseStatus(w http.ResponseWriter, req *http.Request) {
	if !s.authorized(w, req) {
		return
	}
	id := req.PathValue("id")
	ex, err := s.Store.GetExercise(req.Context(), id)
	if s.lookupFailed(w, req, id, err) {
		return
	}
	if ex.AgentID != s.DRP.AgentID {
		writeDRPError(w, http.StatusForbidden, false, "the request is not managed by the bearer token's agent")
		return
	}
	r, err := s.Store.GetByKey(req.Context(), id)
	if s.lookupFailed(w, req, id, err) {
		return
	}
	s.writeStatus(w, req, r, ex.AgentRequestID)
}

// lookupFailed answers a failed lookup of DRP request id: 404 when the
// store has no such request, else the failure; false when err is nil.
func (s *Service) lookupFailed(w http.ResponseWriter, req *http.Request, id string, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, ErrNotFound):
		writeDRPError(w, http.StatusNotFound, false, "no data rights request "+strconv.Quote(id))
	default:
		s.drpFail(w, req, err)
	}
	return true
}

func (s *Service) writeStatus(w http.ResponseWriter, req *http.Request, r Row, agentRequestID string) {
	opts := drp.StatusOptions{AgentRequestID: agentRequestID}
	if s.DRP.VerificationURL != "" {
		opts.UserVerificationURL = s.DRP.VerificationURL + r.Key
	}
	status, err := drp.Status(r.Request, r.Decision, opts)
	if err != nil { // never a guessed status
		s.drpFail(w, req, fmt.Errorf("the status of request %s: %w", r.ID, err))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(append(status, '\n'))
}

// drpFail answers a failure of the business as a DRP error state: 503
// past the request's deadline, else 500 (logged; no detail).
func (s *Service) drpFail(w http.ResponseWriter, req *http.Request, err error) {
	if req.Context().Err() != nil {
		s.logger().Error("request timed out", "method", req.Method, "path", req.URL.Path, "err", err)
		writeDRPError(w, http.StatusServiceUnavailable, false, fmt.Sprintf("the request took longer than %s", s.timeout()))
		return
	}
	s.logger().Error("request failed", "method", req.Method, "path", req.URL.Path, "err", err)
	writeDRPError(w, http.StatusInternalServerError, false, "internal error")
}

// Exercise links a DRP request_id (the stored request's key) to the agent
// that manages it. It holds no identity claim.
type Exercise struct {
	RequestID      string
	AgentID        string
	AgentRequestID string
	ReceivedAt     time.Time
}

// drpSchema is created on start.
const drpSchema = `
CREATE TABLE IF NOT EXISTS drp_exercises (
	request_id       TEXT PRIMARY KEY,
	agent_id         TEXT NOT NULL,
	agent_request_id TEXT NOT NULL,
	received_at      TEXT NOT NULL
);
`

// AddExercise stores the link of a new DRP exercise.
func (s *Store) AddExercise(ctx context.Context, e Exercise) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO drp_exercises (request_id, agent_id, agent_request_id, received_at) VALUES (?, ?, ?, ?)`,
		e.RequestID, e.AgentID, e.AgentRequestID, timestamp(e.ReceivedAt)); err != nil {
		return fmt.Errorf("storing exercise %s: %w", e.RequestID, err)
	}
	return nil
}

// GetExercise returns the link of the DRP request id, or ErrNotFound.
func (s *Store) GetExercise(ctx context.Context, id string) (Exercise, error) {
	e := Exercise{RequestID: id}
	var received string
	err := s.db.QueryRowContext(ctx, `SELECT agent_id, agent_request_id, received_at FROM drp_exercises WHERE request_id = ?`, id).
		Scan(&e.AgentID, &e.AgentRequestID, &received)
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("exercise %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("reading exercise %s: %w", id, err)
	}
	if e.ReceivedAt, err = time.Parse(time.RFC3339Nano, received); err != nil {
		return e, fmt.Errorf("exercise %s: received_at %q: %w", id, received, err)
	}
	return e, nil
}

// drpTokenEnv holds the agent's bearer token when no -drp-token-file is
// given.
const drpTokenEnv = "DSRKIT_CRM_DRP_TOKEN"

// drpFlags are the command line's DRP settings.
type drpFlags struct {
	agentID, businessID, verifyKey, tokenFile, businessFile, authorization, verificationURL string
}

// load returns the DRP configuration, nil when no agent is configured
// (-drp-agent-id empty). The token is the content of tokenFile (trimmed),
// else env; it, the verify key (standard base64 of the 32-byte Ed25519
// public key) and the business id are required, and the token must have
// at least minKeyLen bytes.
func (f drpFlags) load(env string) (*DRP, error) {
	if f.agentID == "" {
		return nil, nil
	}
	d := &DRP{AgentID: f.agentID, BusinessID: f.businessID, AgentAuthorization: f.authorization, VerificationURL: f.verificationURL}
	if d.BusinessID == "" {
		return nil, errors.New("-drp-business-id is required with -drp-agent-id")
	}
	d.Token = strings.TrimSpace(env)
	if f.tokenFile != "" {
		b, err := os.ReadFile(f.tokenFile)
		if err != nil {
			return nil, fmt.Errorf("reading the DRP token: %w", err)
		}
		d.Token = strings.TrimSpace(string(b))
	}
	if len(d.Token) < minKeyLen {
		return nil, fmt.Errorf("the DRP bearer token (-drp-token-file or $%s) must be at least %d bytes", drpTokenEnv, minKeyLen)
	}
	key, err := base64.StdEncoding.DecodeString(f.verifyKey)
	if err != nil || len(key) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("-drp-verify-key must be the base64 of a %d-byte Ed25519 public key", ed25519.PublicKeySize)
	}
	d.VerifyKey = ed25519.PublicKey(key)
	if f.businessFile != "" {
		b, err := os.ReadFile(f.businessFile)
		if err != nil {
			return nil, fmt.Errorf("reading the business facts: %w", err)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&d.Business); err != nil {
			return nil, fmt.Errorf("reading the business facts %s: %w", f.businessFile, err)
		}
	}
	return d, nil
}
