package policy_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/regotest"
	"github.com/dsrkit/dsrkit/policy"
)

// The legal guide's example law (docs/legal-guide.md, "Add a law"): Oregon's
// OCPA as policy data and Rego, with its tests, and a request to decide.
const (
	ocpaLaw     = "../docs/examples/laws/ocpa.rego"
	ocpaTests   = "../docs/examples/laws/ocpa_test.rego"
	ocpaRequest = "../docs/examples/requests/ocpa-delete.json"
	legalGuide  = "../docs/legal-guide.md"
)

// copyShippedPolicy writes the embedded policy into a new directory, as a legal
// team's copy of policy/rego, and returns it.
func copyShippedPolicy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fsWalk(policy.Embedded(), func(p string, b []byte) {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
		require.NoError(t, os.WriteFile(dst, b, 0o644))
	})
	require.NoError(t, err)
	return dir
}

func copyExample(t *testing.T, src, dstDir string) {
	t.Helper()
	b, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dstDir, filepath.Base(src)), b, 0o644))
}

// TestAddALawWithoutGo adds Oregon's OCPA to a copy of the shipped policy
// with one Rego file, and nothing else: no Go changes. The engine loads it,
// the law applies to an Oregon resident with its citation, and its periods
// give the decision's deadlines.
func TestAddALawWithoutGo(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	ctx := context.Background()
	req, err := os.ReadFile(ocpaRequest)
	require.NoError(t, err)

	// The shipped policy has its own Oregon law (laws/ocpa.rego): the copy
	// leaves it out, so that the example adds a law the policy does not
	// know. Without it the request is not covered.
	dir := copyShippedPolicy(t)
	for _, f := range []string{"ocpa.rego", "ocpa_test.rego"} {
		require.NoError(t, os.Remove(filepath.Join(dir, "laws", f)))
	}
	withoutOregon, err := policy.New(ctx, policy.WithDir(dir))
	require.NoError(t, err)
	before := decideDoc(t, withoutOregon, req)
	assert.Equal(t, "not_covered", before.Outcome)
	assert.NotContains(t, lawsConsidered(before), "OCPA")

	copyExample(t, ocpaLaw, filepath.Join(dir, "laws"))
	eng, err := policy.New(ctx, policy.WithDir(dir))
	require.NoError(t, err)
	d := decideDoc(t, eng, req)

	var ocpa *guideLaw
	for i, l := range d.Laws {
		if l.Law == "OCPA" {
			ocpa = &d.Laws[i]
		}
		if l.Law != "OCPA" {
			assert.False(t, l.Applies, "%s should not apply to an Oregon resident", l.Law)
		}
	}
	require.NotNil(t, ocpa, "OCPA is not among the laws considered")
	assert.True(t, ocpa.Applies)
	assert.Equal(t, "ORS 646A.570 to 646A.589", ocpa.Citation)
	require.Len(t, ocpa.Reasons, 1)
	assert.Equal(t, "applies", ocpa.Reasons[0].Code)
	assert.Equal(t, "ORS 646A.570 to 646A.589", ocpa.Reasons[0].Citation)
	assert.Equal(t, "OCPA applies on 2026-11-20: in force from 2024-07-01; territory: residence in US-OR; relationship: customer; no thresholds", ocpa.Reasons[0].Message)

	// Received Friday 2026-11-20 (Pacific time): 45 days, then 90 (R2, R7).
	assert.Equal(t, map[string]any{
		"acknowledge_by":      nil,
		"respond_by":          "2027-01-04",
		"extended_respond_by": "2027-02-18",
		"extension_notice_by": "2027-01-04",
		"calendar":            "US",
	}, d.Deadlines.ByLaw["OCPA"])
	assert.Equal(t, "2027-01-04", d.Deadlines.RespondBy)
	assert.Equal(t, "2027-02-18", d.Deadlines.ExtendedRespondBy)

	var respond *guideStep
	for i, s := range d.Timeline {
		if s.Law == "OCPA" && s.Name == "respond_by" {
			respond = &d.Timeline[i]
		}
	}
	require.NotNil(t, respond)
	assert.Equal(t, guideStep{
		Name: "respond_by", Date: "2027-01-04", Law: "OCPA",
		Computation: "2026-11-20 + 45 calendar days",
		Citation:    "ORS 646A.576",
	}, *respond)

	// The law's own Rego tests pass beside it.
	copyExample(t, ocpaTests, filepath.Join(dir, "laws"))
	rep, err := regotest.Run(ctx, os.DirFS(dir), `laws\.ocpa_test\.`)
	require.NoError(t, err)
	for _, r := range rep.Results {
		assert.True(t, r.Passed, "%s.%s: %s", r.Package, r.Name, r.Error)
	}
	assert.Equal(t, 7, rep.Passed)
	assert.Zero(t, rep.Failed)
}

// TestAddedLawsDataReachesTheGenericRules: the deletion scope, duty and
// verification standard of the added law are its own data (law.delete.scope,
// .duty, law.verification in docs/examples/laws/ocpa.rego); the generic rules
// of items/ and verification/ read them with no rule changed. A claimed
// exception under a law whose data lists none goes to Legal.
func TestAddedLawsDataReachesTheGenericRules(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	req, err := os.ReadFile(ocpaRequest)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(req, &doc))
	doc["verification"] = map[string]any{"method": "account_login", "reauthenticated": true}
	doc["data"] = []any{
		map[string]any{"id": "leads-1", "system": "crm", "system_type": "crm", "category": "contact", "source": "third_party"},
		map[string]any{"id": "tickets-1", "system": "desk", "system_type": "support", "category": "support_ticket", "source": "consumer",
			"exceptions": []any{map[string]any{"basis": "security_integrity"}}},
	}
	req, err = json.Marshal(doc)
	require.NoError(t, err)

	dir := copyShippedPolicy(t)
	copyExample(t, ocpaLaw, filepath.Join(dir, "laws"))
	eng, err := policy.New(context.Background(), policy.WithDir(dir))
	require.NoError(t, err)
	out, err := eng.Decide(context.Background(), req)
	require.NoError(t, err)
	var d struct {
		Items []struct {
			ID, Action string
			Reasons    []struct{ Code, Law, Citation string }
		}
		Verification map[string]any
		Reasons      []struct{ Code, Citation string }
	}
	require.NoError(t, json.Unmarshal(out, &d))

	require.Len(t, d.Items, 2)
	byID := map[string]int{}
	for i, it := range d.Items {
		byID[it.ID] = i
	}
	leads := d.Items[byID["leads-1"]]
	assert.Equal(t, "delete", leads.Action, "OR-9: the scope reaches data obtained from another source")
	require.Len(t, leads.Reasons, 1)
	assert.Equal(t, "delete", leads.Reasons[0].Code)
	assert.Equal(t, "OCPA", leads.Reasons[0].Law)
	assert.Equal(t, "ORS 646A.574(1)(c)", leads.Reasons[0].Citation, "the law's delete.duty")

	tickets := d.Items[byID["tickets-1"]]
	assert.Equal(t, "retain", tickets.Action, "no exception table: the claim goes to Legal")
	var codes []string
	for _, r := range tickets.Reasons {
		codes = append(codes, r.Code)
	}
	assert.Contains(t, codes, "needs_review")

	assert.Equal(t, "commercially_reasonable", d.Verification["standard"])
	assert.Equal(t, "verified", d.Verification["status"])
	var verified []string
	for _, r := range d.Reasons {
		if r.Code == "verified" {
			verified = append(verified, r.Citation)
		}
	}
	assert.Equal(t, []string{"ORS 646A.576(5)(d)"}, verified, "the law's verification.citation")
}

// The example files are opa fmt-clean, and the guide shows the law's file
// exactly as it is.
func TestLegalGuideExamples(t *testing.T) {
	guide, err := os.ReadFile(legalGuide)
	require.NoError(t, err)
	for _, f := range []string{ocpaLaw, ocpaTests} {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		want, err := format.SourceWithOpts(f, b, format.Opts{RegoVersion: ast.RegoV1})
		require.NoError(t, err, f)
		assert.Equal(t, string(want), string(b), "%s is not opa fmt-clean", f)
	}
	law, err := os.ReadFile(ocpaLaw)
	require.NoError(t, err)
	assert.True(t, strings.Contains(string(guide), string(law)), "docs/legal-guide.md does not show %s as it is", ocpaLaw)
}

// Holidays the policy adds or removes (dsrkit.calendars) reach every period
// because every business-day computation goes through lib.due, which hands
// the built-ins the amended calendar. A rule that called a calendar
// built-in with a calendar's name itself would count on the calendar as
// shipped: only lib (and calendars, which checks amendments against the
// shipped calendars) may.
func TestCalendarBuiltinsOnlyThroughLib(t *testing.T) {
	calendarBuiltins := map[string]bool{
		"dsrkit.add_business_days": true, "dsrkit.add_months_eu": true, "dsrkit.is_business_day": true,
		"dsrkit.next_business_day": true, "dsrkit.business_days_between": true,
	}
	err := fsWalk(policy.Embedded(), func(p string, b []byte) {
		if !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") ||
			strings.HasPrefix(p, "lib/") || strings.HasPrefix(p, "calendars/") {
			return
		}
		m, err := ast.ParseModuleWithOpts(p, string(b), ast.ParserOptions{RegoVersion: ast.RegoV1})
		require.NoError(t, err, p)
		report := func(loc *ast.Location, op string) {
			if calendarBuiltins[op] {
				t.Errorf("%s:%d: %s counts on a calendar without its amendments: use lib.due", p, loc.Row, op)
			}
		}
		ast.WalkExprs(m, func(e *ast.Expr) bool { // f(x) as a statement
			if e.IsCall() {
				report(e.Location, e.Operator().String())
			}
			return false
		})
		ast.WalkTerms(m, func(x *ast.Term) bool { // f(x) as a value
			if call, ok := x.Value.(ast.Call); ok {
				report(x.Location, call[0].String())
			}
			return false
		})
	})
	require.NoError(t, err)
}

type guideLaw struct {
	Law      string `json:"law"`
	Applies  bool   `json:"applies"`
	Citation string `json:"citation"`
	Reasons  []struct {
		Code, Message, Citation string
	} `json:"reasons"`
}

type guideStep struct {
	Name        string `json:"name"`
	Date        string `json:"date"`
	Law         string `json:"law"`
	Computation string `json:"computation"`
	Citation    string `json:"citation"`
}

type guideDecision struct {
	Outcome   string     `json:"outcome"`
	Laws      []guideLaw `json:"laws"`
	Deadlines struct {
		RespondBy         string                    `json:"respond_by"`
		ExtendedRespondBy string                    `json:"extended_respond_by"`
		ByLaw             map[string]map[string]any `json:"by_law"`
	} `json:"deadlines"`
	Timeline []guideStep `json:"timeline"`
}

func decideDoc(t *testing.T, eng *policy.Engine, req []byte) guideDecision {
	t.Helper()
	out, err := eng.Decide(context.Background(), req)
	require.NoError(t, err)
	var d guideDecision
	require.NoError(t, json.Unmarshal(out, &d))
	return d
}

func lawsConsidered(d guideDecision) []string {
	var ids []string
	for _, l := range d.Laws {
		ids = append(ids, l.Law)
	}
	return ids
}
