package audit_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/audit"
)

func golden(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../testdata/cases/" + name + "/decision.json")
	require.NoError(t, err)
	return b
}

func TestConsumerHash(t *testing.T) {
	key := []byte("host secret")
	h := audit.ConsumerHash(key, "ana@example.com")
	assert.Len(t, h, 64)
	assert.Equal(t, h, audit.ConsumerHash(key, "ana@example.com"))
	assert.NotEqual(t, h, audit.ConsumerHash([]byte("other key"), "ana@example.com"))
	assert.NotEqual(t, h, audit.ConsumerHash(key, "bob@example.com"))
	assert.NotContains(t, h, "ana")
}

func TestRecordOfADeleteDecision(t *testing.T) {
	r, err := audit.NewRecord(golden(t, "playbook-tax-record-7-years"), "c0ffee")
	require.NoError(t, err)
	assert.Equal(t, "pb-tax", r.RequestID)
	assert.Equal(t, "c0ffee", r.Consumer)
	assert.Equal(t, "delete", r.Kind)
	assert.Equal(t, "2026-12-30", r.ReceivedOn)
	assert.Equal(t, []string{"CCPA"}, r.Laws)
	assert.Equal(t, "partial_deletion", r.Outcome)
	assert.Contains(t, r.Dates, audit.Date{Name: "respond_by", Law: "CCPA", Date: "2027-02-13"})
	assert.Contains(t, r.Dates, audit.Date{Name: "respond_by", Date: "2027-02-13"})
	assert.Contains(t, r.Reasons, "exception_applies")
	assert.Contains(t, r.Citations, "Cal. Civ. Code § 1798.105(d)(8); § 1798.145(a)(1)")
	assert.Contains(t, r.Notices, "partial_deletion_explained")
	assert.Equal(t, "2030-02-13", r.RetainUntil)
	assert.Equal(t, "default.yaml", r.Policy.Playbook.Name)
	assert.Equal(t, "2026.11.0", r.Policy.Revision)
}

func TestRecordOfAnOptOutWithNoFixedDate(t *testing.T) {
	r, err := audit.NewRecord(golden(t, "optout-cpa-as-soon-as-feasible"), "h")
	require.NoError(t, err)
	assert.Equal(t, []string{"CPA"}, r.Laws)
	assert.Contains(t, r.Dates, audit.Date{Name: "comply_by", Law: "CPA"})
	assert.Contains(t, r.Dates, audit.Date{Name: "comply_outer_bound", Law: "CPA", Date: "2027-02-01"})
	assert.Contains(t, r.Citations, "4 CCR 904-3, Rule 4.03(A); Colo. Rev. Stat. § 6-1-1306(2)(a)")
	assert.Empty(t, r.RetainUntil)
}

// A record holds codes, dates and citations only: none of the decision's
// free text (which may speak of the consumer, e.g. "aged 12") survives.
func TestRecordHoldsNoFreeText(t *testing.T) {
	for _, name := range []string{"solicit-minor-15-turns-16-first-still-waits-12-months", "optin-every-failure", "optout-sale-after-processing", "ccpa-legal-hold", "playbook-order-without-status-goes-to-legal"} {
		t.Run(name, func(t *testing.T) {
			dec := golden(t, name)
			r, err := audit.NewRecord(dec, "h")
			require.NoError(t, err)
			out, err := json.Marshal(r)
			require.NoError(t, err)
			var d struct {
				Reasons []struct{ Message string } `json:"reasons"`
			}
			require.NoError(t, json.Unmarshal(dec, &d))
			require.NotEmpty(t, d.Reasons)
			for _, reason := range d.Reasons {
				assert.NotContains(t, string(out), reason.Message)
			}
			assert.False(t, strings.Contains(string(out), "@"), "no addresses")
			assert.NotContains(t, string(out), "sixteenth_birthday", "no date derived from a birth date")
		})
	}
}

func TestNotADecision(t *testing.T) {
	_, err := audit.NewRecord([]byte("{"), "h")
	assert.Error(t, err)
}

func TestRecordOfARequestClosedAfterAnExtension(t *testing.T) {
	r, err := audit.NewRecord(golden(t, "events-response-sent-closed"), "h")
	require.NoError(t, err)
	assert.Equal(t, "2026-03-02", r.ReceivedOn)
	assert.Equal(t, "2026-04-16", r.RespondBy)
	assert.Equal(t, "2026-05-31", r.ExtendedRespondBy)
	assert.Equal(t, "2026-04-16", r.ExtensionNoticeBy)
	assert.Equal(t, "2026-04-14", r.ExtensionNotifiedOn)
	assert.True(t, r.Extended)
	assert.Equal(t, "2026-05-31", r.Due())
	assert.Equal(t, "2026-05-20T16:00:00-07:00", r.RespondedAt)
	assert.Equal(t, "2026-05-20", r.RespondedOn)
	assert.Equal(t, "email", r.ResponseChannel)
	assert.Equal(t, 1, r.DirectivesSent)
	assert.Equal(t, 1, r.DirectivesConfirmed)
	assert.Empty(t, r.DenialReasons)
	assert.Empty(t, r.Escalations)
	assert.Equal(t, "2029-05-20", r.RetainUntil)
}

func TestRecordOfAnOpenRequestWithALateConfirmation(t *testing.T) {
	r, err := audit.NewRecord(golden(t, "events-directive-confirmation-late"), "h")
	require.NoError(t, err)
	assert.Equal(t, "2026-04-16", r.Due())
	assert.False(t, r.Extended)
	assert.Empty(t, r.RespondedAt)
	assert.Empty(t, r.RespondedOn)
	assert.Equal(t, 2, r.DirectivesSent)
	assert.Equal(t, 1, r.DirectivesConfirmed)
	assert.Equal(t, []string{"recipient_non_compliance"}, r.Escalations)
}

func TestDenialReasons(t *testing.T) {
	for name, want := range map[string][]string{
		"ccpa-legal-hold":                    {"legal_obligation"},
		"ccpa-partial-tax-record-and-backup": {"legal_obligation"}, // the deferred backup is no refusal
		"ccpa-unverified-on-response-date":   {"unverified"},
		"optout-deny-fraud":                  {"deny_fraud"},
		"ccpa-full-deletion":                 nil,
	} {
		t.Run(name, func(t *testing.T) {
			r, err := audit.NewRecord(golden(t, name), "h")
			require.NoError(t, err)
			assert.Equal(t, want, r.DenialReasons)
		})
	}
}

func TestAnExtensionNotifiedLateIsNotTaken(t *testing.T) {
	dec := golden(t, "events-response-sent-closed")
	late := strings.Replace(string(dec), `"extension_notified_on": "2026-04-14"`, `"extension_notified_on": "2026-04-17"`, 1)
	require.NotEqual(t, string(dec), late)
	r, err := audit.NewRecord([]byte(late), "h")
	require.NoError(t, err)
	assert.False(t, r.Extended)
	assert.Equal(t, "2026-04-16", r.Due())
}
