package policy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

var update = flag.Bool("update", false, "rewrite the golden decisions and policy/rego/capabilities.json")

// digestRE matches a policy digest; golden files hold a placeholder instead,
// so that a policy edit shows only the decisions it changes.
var digestRE = regexp.MustCompile(`"sha256:[0-9a-f]{64}"`)

const goldenDigest = `"sha256:(digest of the policy under test)"`

// TestGolden decides every testdata/cases/<name>/request.json and compares
// the decision with decision.json beside it (go test -update rewrites them).
// A case with "error.txt" instead expects the request to be refused with
// that message.
func TestGolden(t *testing.T) {
	eng := engine(t)
	dirs, err := filepath.Glob("../testdata/cases/*")
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			req, err := os.ReadFile(filepath.Join(dir, "request.json"))
			require.NoError(t, err)
			out, err := eng.Decide(context.Background(), req)
			require.NoError(t, err)
			require.Regexp(t, digestRE, string(out))

			var buf bytes.Buffer
			require.NoError(t, json.Indent(&buf, out, "", "  "))
			buf.WriteByte('\n')
			got := digestRE.ReplaceAll(buf.Bytes(), []byte(goldenDigest))
			path := filepath.Join(dir, "decision.json")
			if *update {
				require.NoError(t, os.WriteFile(path, got, 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "no golden decision yet: run go test ./policy -run TestGolden -update")
			require.JSONEq(t, string(want), string(got))
		})
	}
}

func engine(t testing.TB) *policy.Engine {
	t.Helper()
	eng, err := policy.New(context.Background())
	require.NoError(t, err)
	return eng
}
