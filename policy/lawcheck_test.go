package policy_test

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

// withLawEdit is the embedded policy with one text replaced in a law's file.
func withLawEdit(t *testing.T, file, old, new string) policy.Option {
	t.Helper()
	fsys := withModule(t, "x/x.rego", "package dsrkit.x\n")
	src := string(fsys[file].Data)
	require.Contains(t, src, old, "the edit must apply")
	fsys[file].Data = []byte(strings.Replace(src, old, new, 1))
	return policy.WithFS(fsys)
}

// Each kind of mistake in a law's data is refused at load, naming the law's
// file and the JSON pointer into its data (issue 15).
func TestLawDataIsCheckedAtLoad(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	for name, tc := range map[string]struct{ file, old, new, want string }{
		"unknown key": {
			"laws/vcdpa.rego", `"calendar": "US",`, `"calendar": "US", "calender": "US",`,
			`law data /calender: unknown field`,
		},
		"bad unit": {
			"laws/vcdpa.rego", `"n": 45, "unit": "days", "citation": "Va. Code § 59.1-577(B)(1)"`, `"n": 45, "unit": "busines_days", "citation": "Va. Code § 59.1-577(B)(1)"`,
			`law data /delete/respond/unit: "busines_days" is not one of days, business_days, months, as_soon_as_feasible`,
		},
		"missing citation": {
			"laws/vcdpa.rego", `"denial": {"citation": "Va. Code § 59.1-577(B)(2)"},`, `"denial": {},`,
			`law data /delete/denial/citation: missing required field "citation"`,
		},
		"empty citation": {
			"laws/vcdpa.rego", `"denial": {"citation": "Va. Code § 59.1-577(B)(2)"},`, `"denial": {"citation": ""},`,
			`law data /delete/denial/citation: minLength: got 0, want 1`,
		},
		"bad date": {
			"laws/vcdpa.rego", `"from": "2023-01-01"`, `"from": "2023-13-01"`,
			`law data /in_force/from: "2023-13-01" does not match`,
		},
		"period order": {
			"laws/ccpa.rego", `"until": "2025-01-01",`, `"until": "2025-01-01", "from": "2025-06-01",`,
			`law data /thresholds/any/0: from (2025-06-01) must be before until (2025-01-01)`,
		},
		"overlapping versions": {
			"laws/ccpa.rego", `"from": "2025-01-01",`, `"from": "2024-07-01",`,
			`law data /thresholds/any/1: its period overlaps that of /thresholds/any/0, a version of the same entry`,
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := policy.New(context.Background(), withLawEdit(t, tc.file, tc.old, tc.new))
			require.ErrorIs(t, err, policy.ErrPolicy)
			assert.Contains(t, err.Error(), fmt.Sprintf("%s:%d: %s", tc.file, lawLine(t, tc.file), tc.want))
		})
	}
}

// lawLine is the line of a law file's `law :=` rule.
func lawLine(t *testing.T, file string) int {
	src, err := fs.ReadFile(policy.Embedded(), file)
	require.NoError(t, err)
	before, _, ok := strings.Cut(string(src), "\nlaw := {")
	require.True(t, ok)
	return strings.Count(before, "\n") + 2
}

// Two laws may not share an id.
func TestLawIDsAreUnique(t *testing.T) {
	_, err := policy.New(context.Background(), withLawEdit(t, "laws/vcdpa.rego", `"id": "VCDPA",`, `"id": "CPA",`))
	require.ErrorIs(t, err, policy.ErrPolicy)
	assert.Contains(t, err.Error(), `law data /id: "CPA" is also the id of the law in laws/`)
}
