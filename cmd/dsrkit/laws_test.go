package main

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

func runLaws(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"laws"}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func embeddedLawIDs(t *testing.T) []string {
	t.Helper()
	ctx := context.Background()
	eng, err := policy.New(ctx)
	require.NoError(t, err)
	ls, err := eng.LawData(ctx)
	require.NoError(t, err)
	var ids []string
	for _, l := range ls {
		ids = append(ids, l.ID)
	}
	require.NotEmpty(t, ids)
	return ids
}

func TestLawsText(t *testing.T) {
	out, stderr, code := runLaws(t, "--as-of", "2026-12-01")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "Laws of the policy as of 2026-12-01")
	for _, id := range embeddedLawIDs(t) {
		assert.Regexp(t, regexp.MustCompile(`(?m)^`+id+` `), out, "a row for %s", id)
	}
	var tx string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "TDPSA ") {
			tx = line
		}
	}
	// TDPSA's date in force is unverified (/in_force/from): marked.
	assert.Contains(t, tx, "2024-07-01 *")
	assert.Contains(t, tx, "sba_small_business == false *")
	assert.Contains(t, tx, "45 days")
	assert.Contains(t, tx, "2025-01-01")
	assert.Contains(t, out, "\nUnverified facts:\n")
	assert.Contains(t, out, "* TDPSA /in_force/from: FACTS-STATES TX-1")
}

func TestLawsAsOfSelectsThresholds(t *testing.T) {
	before, _, code := runLaws(t, "--as-of", "2024-12-31")
	require.Equal(t, exitOK, code)
	after, _, code := runLaws(t, "--as-of", "2025-01-01")
	require.Equal(t, exitOK, code)
	assert.Contains(t, before, "annual_revenue_usd > 25000000 ")
	assert.NotContains(t, before, "annual_revenue_usd > 26625000")
	assert.Contains(t, after, "annual_revenue_usd > 26625000")
}

func TestLawsJSON(t *testing.T) {
	out, stderr, code := runLaws(t, "--as-of", "2026-12-01", "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	var m lawMatrix
	require.NoError(t, json.Unmarshal([]byte(out), &m))
	assert.Equal(t, "2026-12-01", m.AsOf)
	var ids []string
	for _, r := range m.Laws {
		ids = append(ids, r.Law)
		if r.Law == "TDPSA" {
			assert.Equal(t, lawCell{Value: "2024-07-01", Unverified: true}, r.Cells["in_force"])
			assert.Equal(t, lawCell{Value: "45 days"}, r.Cells["respond"])
			assert.Equal(t, lawCell{Value: "90 days"}, r.Cells["extended"])
			assert.Equal(t, lawCell{Value: "60 days", Unverified: true}, r.Cells["appeal"])
			assert.Equal(t, lawCell{Value: "2025-01-01"}, r.Cells["signal"])
			assert.Regexp(t, `laws/tdpsa\.rego:\d+$`, r.Position)
		}
	}
	assert.Equal(t, embeddedLawIDs(t), ids)
	assert.Contains(t, m.Notes, lawNote{Law: "TDPSA", Pointer: "/delete/appeal", Note: "FACTS-STATES TX-9: 60 days and the Attorney General's online mechanism CONFIRMED-S, § 541.053 text not retrieved"})
}

func TestLawsMarkdown(t *testing.T) {
	out, stderr, code := runLaws(t, "--as-of", "2026-12-01", "--format", "md")
	require.Equal(t, exitOK, code, stderr)
	lines := strings.Split(out, "\n")
	var table []string
	for _, l := range lines {
		if strings.HasPrefix(l, "|") {
			table = append(table, l)
		}
	}
	ids := embeddedLawIDs(t)
	require.Len(t, table, 2+len(ids))
	assert.Equal(t, "| ID | Name | In force from | Thresholds | Respond | Extended | Acknowledge | Appeal | Appeal extension | Appeal authority | Opt-out | Signal from | Minors |", table[0])
	assert.Equal(t, strings.Repeat("| --- ", len(lawColumns))+"|", table[1])
	cols := strings.Count(table[0], " | ")
	for i, row := range table[2:] {
		assert.True(t, strings.HasPrefix(row, "| "+ids[i]+" |"), row)
		assert.Equal(t, cols, strings.Count(row, " | "), "column count of %s", ids[i])
	}
	assert.Contains(t, out, "| TDPSA | Texas Data Privacy and Security Act | 2024-07-01 \\* |")
	assert.Contains(t, out, "- * TDPSA /in_force/from: ")
}

func TestLawsUsageErrors(t *testing.T) {
	_, stderr, code := runLaws(t, "--as-of", "2026-13-01")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, `--as-of: "2026-13-01" is not a date`)
	_, stderr, code = runLaws(t, "--format", "xml")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, stderr, `--format: "xml" is not text, json or md`)
	_, _, code = runLaws(t, "extra")
	assert.Equal(t, exitFailure, code)
	_, _, code = runLaws(t, "--policy", "/nonexistent/policy")
	assert.Equal(t, exitFailure, code)
}

func TestLawsDefaultAsOfIsToday(t *testing.T) {
	out, stderr, code := runLaws(t)
	require.Equal(t, exitOK, code, stderr)
	assert.Regexp(t, `^Laws of the policy as of \d{4}-\d{2}-\d{2} `, out)
}
