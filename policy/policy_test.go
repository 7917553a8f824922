package policy_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/builtins"
	"github.com/dsrkit/dsrkit/policy"
)

const caRequest = `{"kind": "delete", "id": "r-1", "received_at": "2026-11-20T16:45:00-08:00",
 "consumer": {"residence": "US-CA"}, "business": {"time_zone": "America/Los_Angeles"}}`

func TestCapabilitiesFileIsCurrent(t *testing.T) {
	want, err := json.MarshalIndent(builtins.Capabilities(), "", "  ")
	require.NoError(t, err)
	want = append(want, '\n')
	const path = "rego/capabilities.json"
	if *update {
		require.NoError(t, os.WriteFile(path, want, 0o644))
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "policy/rego/capabilities.json is stale: go test ./policy -run TestCapabilitiesFileIsCurrent -update")
}

// withModule is the shipped policy plus (or with one file replaced by) a module.
func withModule(t *testing.T, name, src string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fsWalk(policy.Embedded(), func(p string, b []byte) { fsys[p] = &fstest.MapFile{Data: b} })
	require.NoError(t, err)
	fsys[name] = &fstest.MapFile{Data: []byte(src)}
	return fsys
}

func TestSandboxRefusesClockNetworkAndChance(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	for call, module := range map[string]string{
		"http.send":    `package dsrkit.x` + "\n" + `r := http.send({"method": "GET", "url": "https://example.com"})`,
		"time.now_ns":  `package dsrkit.x` + "\n" + `r := time.now_ns()`,
		"rand.intn":    `package dsrkit.x` + "\n" + `r := rand.intn("x", 10)`,
		"uuid.rfc4122": `package dsrkit.x` + "\n" + `r := uuid.rfc4122("x")`,
		"opa.runtime":  `package dsrkit.x` + "\n" + `r := opa.runtime()`,
	} {
		t.Run(call, func(t *testing.T) {
			_, err := policy.New(context.Background(), policy.WithFS(withModule(t, "x/x.rego", module)))
			require.ErrorIs(t, err, policy.ErrPolicy)
			assert.Contains(t, err.Error(), "x/x.rego:2:")
			assert.Contains(t, err.Error(), call+" is not allowed in a dsrkit policy")
		})
	}
}

func TestCompileErrorNamesFileLineColumn(t *testing.T) {
	_, err := policy.New(context.Background(), policy.WithFS(withModule(t, "x/x.rego", "package dsrkit.x\n\nr := y\n")))
	require.ErrorIs(t, err, policy.ErrPolicy)
	var pe *policy.PolicyError
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, pe.Error(), "x/x.rego:3:6: rego_unsafe_var_error: var y is unsafe")
}

func TestReasonWithoutCitationIsRefused(t *testing.T) {
	module := "package dsrkit.x\n\nimport data.dsrkit.lib\n\nr := lib.reason(\"c\", \"m\", rego.metadata.chain())\n"
	_, err := policy.New(context.Background(), policy.WithFS(withModule(t, "x/x.rego", module)))
	require.ErrorIs(t, err, policy.ErrPolicy)
	assert.Contains(t, err.Error(), "x/x.rego:5:1: rule r gives a reason but its METADATA has no custom.citation")
}

func TestInvalidRequestListsEveryProblem(t *testing.T) {
	eng := engine(t)
	_, err := eng.Decide(context.Background(), []byte(`{"kind": "delete", "received_at": "2026-02-30", "consumer": {"residence": "US-XX", "age": "ten"}, "business": {}}`))
	require.ErrorIs(t, err, policy.ErrInvalidRequest)
	var re *policy.RequestError
	require.ErrorAs(t, err, &re)
	var pointers []string
	for _, p := range re.Problems {
		pointers = append(pointers, p.Pointer)
	}
	assert.Equal(t, []string{"/consumer/age", "/consumer/residence", "/received_at"}, pointers)
}

func TestDecideIsSafeForConcurrentUse(t *testing.T) {
	eng := engine(t)
	want, err := eng.Decide(context.Background(), []byte(caRequest))
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := eng.Decide(context.Background(), []byte(caRequest))
			if err == nil && string(got) != string(want) {
				err = errors.New("decisions differ")
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
}

func TestDecideOptionsOverrideTheRequest(t *testing.T) {
	eng := engine(t)
	out, err := eng.Decide(context.Background(), []byte(caRequest), policy.AsOf("2026-12-01T00:00:00Z"), policy.Calendar("US-CA"))
	require.NoError(t, err)
	var d struct {
		AsOf      string `json:"as_of"`
		Deadlines struct {
			Calendar string `json:"calendar"`
		} `json:"deadlines"`
	}
	require.NoError(t, json.Unmarshal(out, &d))
	assert.Equal(t, "2026-12-01T00:00:00Z", d.AsOf)
	assert.Equal(t, "US-CA", d.Deadlines.Calendar)

	_, err = eng.Decide(context.Background(), []byte(caRequest), policy.AsOf("yesterday"))
	require.ErrorIs(t, err, policy.ErrInvalidRequest)
	assert.True(t, strings.Contains(err.Error(), "/as_of"), err.Error())
}

func TestInfo(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the others (CI's wall time)
	info := engine(t).Info()
	assert.Equal(t, "2026.11.0", info.Revision)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, info.Digest)
	assert.Equal(t, []string{"delete", "opt_in", "opt_out", "solicit_opt_in"}, engine(t).Kinds())
}

func TestParseErrorNamesFileLineColumn(t *testing.T) {
	_, err := policy.New(context.Background(), policy.WithFS(withModule(t, "x/x.rego", "package dsrkit.x\n\nr := {\n")))
	require.ErrorIs(t, err, policy.ErrPolicy)
	assert.Regexp(t, `x/x\.rego:\d+:\d+: rego_parse_error`, err.Error())
}

func TestUnknownCalendarIsAnInputError(t *testing.T) {
	_, err := engine(t).Decide(context.Background(), []byte(caRequest), policy.Calendar("Narnia"))
	var re *policy.RequestError
	require.ErrorAs(t, err, &re)
	require.Len(t, re.Problems, 1)
	assert.Equal(t, "/business/calendar", re.Problems[0].Pointer)
	assert.Contains(t, re.Problems[0].Message, `"Narnia" is not a known business-day calendar`)
}
