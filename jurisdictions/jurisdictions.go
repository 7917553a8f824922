// Package jurisdictions says which privacy laws govern a request, as of its
// date, and why: every law the policy considers, whether it applies, its
// citation and the reasons (not in force, not resident, below a threshold,
// an exempt entity, not a consumer, a threshold that could not be checked,
// applies).
//
// The law itself (effective dates, territories, thresholds, exemptions)
// lives in the engine's Rego policy, not here: a law added to the policy is
// resolved with no change to this package.
package jurisdictions

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/dsrkit/dsrkit/policy"
)

// Identifiers of the laws the shipped policy considers. They are names
// only; a policy may consider others.
const (
	CCPA  = "CCPA"  // California Consumer Privacy Act, as amended by the CPRA
	VCDPA = "VCDPA" // Virginia Consumer Data Protection Act
	CPA   = "CPA"   // Colorado Privacy Act
	CTDPA = "CTDPA" // Connecticut Data Privacy Act
	UCPA  = "UCPA"  // Utah Consumer Privacy Act
	GDPR  = "GDPR"  // EU General Data Protection Regulation

	NDPA   = "NDPA"   // Nebraska Data Privacy Act
	NHDPA  = "NHDPA"  // New Hampshire, RSA ch. 507-H (Expectation of Privacy)
	NJDPA  = "NJDPA"  // New Jersey Data Privacy Act, N.J.S.A. 56:8-166.4 et seq.
	TIPA   = "TIPA"   // Tennessee Information Protection Act
	MNCDPA = "MNCDPA" // Minnesota Consumer Data Privacy Act (MCDPA; MNCDPA to tell it from Montana's)
)

// Identifiers of further state laws the shipped policy considers.
const (
	MODPA   = "MODPA"   // Maryland Online Data Privacy Act
	INCDPA  = "INCDPA"  // Indiana Consumer Data Protection Act (INCDPA, to tell it from Iowa's)
	KCDPA   = "KCDPA"   // Kentucky Consumer Data Protection Act
	RIDTPPA = "RIDTPPA" // Rhode Island Data Transparency and Privacy Protection Act
	FDBR    = "FDBR"    // Florida Digital Bill of Rights
)

// Reason codes of a law's reasons.
const (
	ReasonApplies          = "applies"
	ReasonNotInForce       = "not_in_force"
	ReasonNotResident      = "not_resident"
	ReasonBelowThreshold   = "below_threshold"
	ReasonThresholdUnknown = "threshold_unknown"
	ReasonExemptEntity     = "exempt_entity"
	ReasonNotAConsumer     = "not_a_consumer"
)

// Request is what applicability reads: the header every request kind
// shares (CONTRACT.md § 2). A request with no Kind is resolved as a request
// to delete. A business figure left nil is unknown: a law whose threshold
// needs it is assumed to apply, with a threshold_unknown reason.
type Request struct {
	policy.RequestHeader
}

// Resolution is every law the policy considered for a request.
type Resolution struct {
	Laws []policy.LawResult `json:"laws"`
}

// Resolve asks eng's policy which laws govern req, as of its receipt date.
// A request no law covers is a Resolution with no applicable law, never an
// error. A Go error means only that nothing could be resolved: an invalid
// request (errors.Is(err, policy.ErrInvalidRequest)) or a failing policy.
func Resolve(ctx context.Context, eng *policy.Engine, req Request, opts ...policy.DecideOption) (*Resolution, error) {
	if req.Kind == "" {
		req.Kind = policy.KindDelete
	}
	b, err := json.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("jurisdictions: encoding the request: %w", err)
	}
	laws, err := eng.Laws(ctx, b, opts...)
	if err != nil {
		return nil, err
	}
	return &Resolution{Laws: laws}, nil
}

// Applicable returns the ids of the laws that apply, in the policy's order.
func (r *Resolution) Applicable() []string {
	var ids []string
	for _, l := range r.Laws {
		if l.Applies {
			ids = append(ids, l.Law)
		}
	}
	return ids
}

// Covered reports whether any law applies.
func (r *Resolution) Covered() bool {
	return slices.ContainsFunc(r.Laws, func(l policy.LawResult) bool { return l.Applies })
}

// Law returns what the policy said of one law, and whether it considered it.
func (r *Resolution) Law(id string) (policy.LawResult, bool) {
	i := slices.IndexFunc(r.Laws, func(l policy.LawResult) bool { return l.Law == id })
	if i < 0 {
		return policy.LawResult{}, false
	}
	return r.Laws[i], true
}
