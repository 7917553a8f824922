package regotest_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/regotest"
	"github.com/dsrkit/dsrkit/internal/source"
)

var policy = fstest.MapFS{
	"x/x.rego": {Data: []byte("package dsrkit.x\n\ndue := dsrkit.add_days(\"2026-01-31\", 1)\n\nunused := 1\n")},
	"x/x_test.rego": {Data: []byte("package dsrkit.x_test\n\nimport data.dsrkit.x\n\n" +
		"test_due if x.due == \"2026-02-01\"\n\ntest_wrong if x.due == \"2026-02-02\"\n\ntodo_test_later if false\n")},
}

func TestRunSources(t *testing.T) {
	src, err := source.Load(policy, true)
	require.NoError(t, err)
	for name, c := range map[string]struct {
		opts                    regotest.Options
		passed, failed, skipped int
		coverage                bool
	}{
		"all, with coverage": {regotest.Options{Coverage: true}, 1, 1, 1, true},
		"all":                {regotest.Options{}, 1, 1, 1, false},
		"filtered":           {regotest.Options{Filter: "due"}, 1, 0, 0, false},
	} {
		t.Run(name, func(t *testing.T) {
			rep, err := regotest.RunSources(context.Background(), src, c.opts)
			require.NoError(t, err)
			assert.Equal(t, [3]int{c.passed, c.failed, c.skipped}, [3]int{rep.Passed, rep.Failed, rep.Skipped})
			if c.failed > 0 {
				require.Len(t, rep.Failures(), 1)
				assert.Equal(t, "test_wrong", rep.Failures()[0].Name)
				assert.Equal(t, "x/x_test.rego:7", rep.Failures()[0].Location)
			}
			assert.Equal(t, c.coverage, len(rep.Files) > 0)
			if c.coverage {
				assert.Equal(t, []string{"5"}, rep.Files[0].NotCovered)
			}
		})
	}
}

func TestRunSourcesTestThatDoesNotCompile(t *testing.T) {
	src, err := source.Load(fstest.MapFS{"x_test.rego": {Data: []byte("package x_test\n\ntest_x if nope(1)\n")}}, true)
	require.NoError(t, err)
	_, err = regotest.RunSources(context.Background(), src, regotest.Options{})
	var errs ast.Errors
	require.ErrorAs(t, err, &errs)
	assert.Equal(t, "x_test.rego:3:11: rego_type_error: undefined function nope", source.Describe(errs[0]))
}

func TestExplainShowsTheFailingExpressionAndItsValues(t *testing.T) {
	src, err := source.Load(policy, true)
	require.NoError(t, err)
	rep, err := regotest.RunSources(context.Background(), src, regotest.Options{Coverage: true, Explain: true})
	require.NoError(t, err)
	require.Len(t, rep.Failures(), 1)
	assert.Equal(t, "x/x_test.rego:7:\n"+
		"  x.due == \"2026-02-02\"\n"+
		"  |\n"+
		"  \"2026-02-01\"", rep.Failures()[0].Failure)
	assert.Equal(t, "5", rep.Files[0].NotCovered[0], "coverage is still measured")

	var pretty strings.Builder
	require.NoError(t, rep.Pretty(&pretty, false))
	assert.Contains(t, pretty.String(), "FAILURES")
	assert.Contains(t, pretty.String(), "data.dsrkit.x_test.test_wrong: FAIL")
	assert.Contains(t, pretty.String(), "x.due == \"2026-02-02\"")
	assert.Contains(t, pretty.String(), "PASS: 1/3\nFAIL: 1/3\nSKIPPED: 1/3\n")

	var js strings.Builder
	require.NoError(t, rep.JSON(&js))
	var results []struct {
		Name  string         `json:"name"`
		Fail  bool           `json:"fail"`
		Skip  bool           `json:"skip"`
		Trace []any          `json:"trace"`
		Loc   map[string]any `json:"location"`
	}
	require.NoError(t, json.Unmarshal([]byte(js.String()), &results))
	require.Len(t, results, 3)
	byName := map[string][2]bool{}
	for _, r := range results {
		byName[r.Name] = [2]bool{r.Fail, r.Skip}
		assert.Nil(t, r.Trace, "no trace in the JSON report")
	}
	assert.Equal(t, map[string][2]bool{"test_due": {false, false}, "test_wrong": {true, false}, "todo_test_later": {false, true}}, byName)
}
