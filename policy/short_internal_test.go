package policy

import "testing"

// SkipMachineryWhenShort skips, under go test -short, a test of the
// engine's own machinery — bundles, reload and watching, the memos'
// analysis of edited policies — which holds whatever the policy says. The
// legal guide's check of an edited policy runs go test -short ./policy:
// every test of what the policy decides, and of its shape, runs there;
// these run in the full go test ./... (CI, the README). Exported for the
// policy_test package, as export_test files do.
func SkipMachineryWhenShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("the engine's machinery, whatever the policy: go test without -short runs it")
	}
}
