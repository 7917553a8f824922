package policy_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dsrkit/dsrkit/policy"
)

func ExampleEngine_Reload() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "policy")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	if err := os.CopyFS(dir, policy.Embedded()); err != nil { // a policy directory the legal team edits
		panic(err)
	}
	eng, err := policy.New(ctx, policy.WithDir(dir))
	if err != nil {
		panic(err)
	}
	served := eng.Info().Digest
	draft := filepath.Join(dir, "laws", "draft.rego")

	// A half-written rule: Reload refuses it, and the engine goes on
	// deciding under the policy it had.
	if err := os.WriteFile(draft, []byte("package dsrkit.laws.draft\n\nnotes := {\n"), 0o644); err != nil {
		panic(err)
	}
	err = eng.Reload(ctx)
	fmt.Println("refused:", errors.Is(err, policy.ErrPolicy), "- same policy:", eng.Info().Digest == served)

	// The finished rule compiles and every Rego test of the policy passes:
	// Reload swaps it in; decisions already running finish on the old one.
	if err := os.WriteFile(draft, []byte("package dsrkit.laws.draft\n\nnotes := {\"status\": \"draft\"}\n"), 0o644); err != nil {
		panic(err)
	}
	err = eng.Reload(ctx)
	fmt.Println("error:", err, "- new policy:", eng.Info().Digest != served)
	// Output:
	// refused: true - same policy: true
	// error: <nil> - new policy: true
}
