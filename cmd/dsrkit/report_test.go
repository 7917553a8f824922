package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const records = "testdata/report/records.jsonl"

// July 2026 as of 15 September: r-1 answered in 20 days, r-2 denied after
// 51 days (late: due 24 August), r-3 open for 57 days and overdue (due
// 3 September); o-1 received; o-2 is June's.
func TestReportJSON(t *testing.T) {
	code, out, stderr := dsrkit(t, "", "report", "--period", "2026-07", "--format", "json", "--as-of", "2026-09-15", records)
	require.Equal(t, exitOK, code, stderr)
	var r struct {
		Received  int            `json:"received"`
		ByKind    map[string]int `json:"by_kind"`
		ByLaw     map[string]int `json:"by_law"`
		Responded int            `json:"responded"`
		Days      struct {
			Mean, Median float64
		} `json:"days_to_respond"`
		OnTime struct {
			Judged int `json:"judged"`
			OnTime int `json:"on_time"`
			Late   int `json:"late"`
		} `json:"on_time"`
		Open []struct {
			RequestID string `json:"request_id"`
			DaysOpen  int    `json:"days_open"`
			Overdue   bool   `json:"overdue"`
		} `json:"open"`
		Directives struct{ Sent, Confirmed int } `json:"directives"`
		CCPA       []struct {
			Kind                                string
			Received, Complied, Denied, Pending int
		} `json:"ccpa"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, 4, r.Received)
	assert.Equal(t, map[string]int{"delete": 3, "opt_out": 1}, r.ByKind)
	assert.Equal(t, map[string]int{"CCPA": 4, "VCDPA": 1}, r.ByLaw)
	assert.Equal(t, 2, r.Responded)
	assert.Equal(t, 35.5, r.Days.Mean)
	assert.Equal(t, 35.5, r.Days.Median)
	assert.Equal(t, 3, r.OnTime.Judged)
	assert.Equal(t, 1, r.OnTime.OnTime)
	assert.Equal(t, 2, r.OnTime.Late)
	require.Len(t, r.Open, 1)
	assert.Equal(t, "r-3", r.Open[0].RequestID)
	assert.Equal(t, 57, r.Open[0].DaysOpen)
	assert.True(t, r.Open[0].Overdue)
	assert.Equal(t, 2, r.Directives.Sent)
	assert.Equal(t, 1, r.Directives.Confirmed)
	require.Len(t, r.CCPA, 3)
	assert.Equal(t, "delete", r.CCPA[0].Kind)
	assert.Equal(t, [4]int{3, 1, 1, 1}, [4]int{r.CCPA[0].Received, r.CCPA[0].Complied, r.CCPA[0].Denied, r.CCPA[0].Pending})
}

func TestReportFormatsAndStdin(t *testing.T) {
	in, err := os.ReadFile(records)
	require.NoError(t, err)
	code, out, stderr := dsrkit(t, string(in), "report", "-", "--period", "2026-Q3", "--as-of", "2026-09-15")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "Privacy request metrics 2026-Q3 (2026-07-01 to 2026-09-30), as of 2026-09-15\n")
	assert.Contains(t, out, "  r-3 ")

	code, out, _ = dsrkit(t, "", "report", "--period", "2026", "--format", "csv", records)
	require.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(out, "section,key,value\nperiod,2026,2026-01-01..2026-12-31\nperiod,as_of,2026-12-31\nreceived,total,5\n"), out)

	code, out, _ = dsrkit(t, "", "report", "--period", "2026", "--format", "html", records)
	require.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(out, "<!DOCTYPE html>"))
	assert.NotContains(t, out, "<script")
}

func TestReportUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"no period":      {"report", records},
		"bad period":     {"report", "--period", "2026-Q5", records},
		"bad format":     {"report", "--period", "2026", "--format", "pdf", records},
		"bad as-of":      {"report", "--period", "2026", "--as-of", "2026-02-30", records},
		"no file":        {"report", "--period", "2026"},
		"missing file":   {"report", "--period", "2026", "testdata/report/nope.jsonl"},
		"not a record":   {"report", "--period", "2026", "-"},
		"two files":      {"report", "--period", "2026", records, records},
		"unknown flag":   {"report", "--period", "2026", "--since", "2026-01-01", records},
		"period value":   {"report", records, "--period"},
		"as-of instant":  {"report", "--period", "2026", "--as-of", "2026-09-15T00:00:00Z", records},
		"month zero":     {"report", "--period", "2026-00", records},
		"lowercase q":    {"report", "--period", "2026-q3", records},
		"year only 2 ch": {"report", "--period", "26", records},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, stderr := dsrkit(t, "{not json}\n", args...)
			assert.Equal(t, exitFailure, code)
			assert.Empty(t, out)
			assert.NotEmpty(t, stderr)
		})
	}
	code, out, _ := dsrkit(t, "", "report", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "usage: dsrkit report [flags] FILE|-")
}
