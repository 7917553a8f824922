package drp

// Mapping is the DRP status (and reason) of a decision's outcome.
type Mapping struct {
	Status string // the DRP status the outcome gives
	Reason string // its DRP reason; "" for none
	// Done is the status once the business has done what was decided (a
	// deletion answered, an opt-out processed); "" when Status is final.
	Done string
}

// Outcomes maps every "kind/outcome" of the decision schema an agent's
// exercise can lead to onto DRP (docs/drp.md). solicit_opt_in is the
// business's own question, never an exercise (ErrNotExercise).
var Outcomes = map[string]Mapping{
	"delete/full_deletion":        {Status: InProgress, Done: Fulfilled},
	"delete/partial_deletion":     {Status: InProgress, Done: Fulfilled},
	"delete/denied":               {Status: Denied, Reason: ClaimNotCovered},
	"delete/unverified":           {Status: Denied, Reason: InsufficientVerification},
	"delete/pending_verification": {Status: InProgress, Reason: NeedUserVerification},
	"delete/not_covered":          {Status: Denied, Reason: OutsideJurisdiction},
	"delete/needs_review":         {Status: InProgress},
	"opt_out/comply":              {Status: InProgress, Done: Fulfilled},
	"opt_out/deny_fraud":          {Status: Denied, Reason: SuspectedFraud},
	"opt_out/not_required":        {Status: Denied, Reason: ClaimNotCovered},
	"opt_out/not_covered":         {Status: Denied, Reason: OutsideJurisdiction},
	"opt_in/valid":                {Status: Fulfilled},
	"opt_in/invalid":              {Status: Denied, Reason: Other},
}

// Reasons maps every reason code the shipped policy can give (in
// reasons[], laws[].reasons[] and items[].reasons[]) onto the DRP reason
// it stands for when a request is denied, or "" for a code that refuses
// nothing by itself (it explains a date, a step, an item kept or deleted).
// A test collects the codes from the policy's Rego sources and fails on
// one missing here.
var Reasons = map[string]string{
	// applicability (laws[].reasons[])
	"applies":           "",
	"not_in_force":      OutsideJurisdiction,
	"not_resident":      OutsideJurisdiction,
	"below_threshold":   OutsideJurisdiction,
	"exempt_entity":     OutsideJurisdiction,
	"not_a_consumer":    OutsideJurisdiction,
	"threshold_unknown": "",
	"not_covered":       OutsideJurisdiction,

	// verification of a request to delete
	"verified":                      "",
	"verified_as_it_stands":         "",
	"not_yet_verified":              NeedUserVerification,
	"reauthentication_needed":       NeedUserVerification,
	"consumer_confirmation_missing": NeedUserVerification,
	"data_points_short":             InsufficientVerification,
	"declaration_missing":           InsufficientVerification,
	"agent_permission_missing":      InsufficientVerification,
	"unverified":                    InsufficientVerification,
	"fraud_suspected":               SuspectedFraud,

	// items of a request to delete
	"delete":                   "",
	"alternatives_allowed":     "",
	"backup_deferred":          "",
	"backup_not_deferred":      "",
	"exception_expired":        "",
	"exception_not_recognised": "",
	"needs_review":             "",
	"playbook_action":          "",
	"exception_applies":        ClaimNotCovered,
	"legal_hold":               ClaimNotCovered,
	"outside_scope":            ClaimNotCovered,
	"household_data":           ClaimNotCovered,
	"erasure_not_required":     ClaimNotCovered,
	"not_required":             ClaimNotCovered,

	// the procedure of a request to delete
	"plan_clamped":             "",
	"discovery_pending":        "",
	"directive_overdue":        "",
	"third_party_not_notified": "",
	"deadline_at_risk":         "",
	"free_request":             "",
	"fee_allowed":              "",

	// opt-out
	"comply_by":                        "",
	"as_soon_as_feasible":              "",
	"verification_not_required":        "",
	"authentication_not_used":          "",
	"signal_honored":                   "",
	"earlier_disclosures_not_notified": "",
	"sold_after_opt_out":               "",
	"fraud_period_lifted":              "",
	"fraud_undocumented":               "",
	"opt_out_period_unknown":           "",
	"signal_not_required":              ClaimNotCovered,
	"signal_residence_unverified":      ClaimNotCovered,
	"deny_fraud":                       SuspectedFraud,

	// opt-in: each failure makes it invalid (DRP sale:opt_in, denied/other)
	"two_step_complete":           "",
	"missing_request":             Other,
	"missing_confirmation":        Other,
	"confirmation_before_request": Other,
	"confirmation_window_expired": Other,
	"not_separate":                Other,
	"different_consumer":          Other,
	"not_affirmative":             Other,
	"prechecked":                  Other,
	"bundled":                     Other,
	"parent_consent_required":     Other,
	"consumer_consent_required":   Other,
	"solicited_within_12_months":  Other,
	"minor_sale_prohibited":       Other,
	"minor_consent_required":      Other,
	"sensitive_sale_prohibited":   Other,
	"sensitive_consent_required":  "",

	// re-solicitation (no DRP exercise; listed so that every code is)
	"consumer_initiated_transaction": "",
	"twelve_month_wait":              "",
	"minor_wait":                     "",
}
