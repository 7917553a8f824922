package policy_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dsrkit/dsrkit/policy"
	"github.com/dsrkit/dsrkit/rules"
)

// A playbook that sets a trigger the loaded policy does not name is
// refused when the engine starts. Here the policy is a copy of the shipped
// one whose defaults leave out the sold_after_opt_out trigger.
func ExamplePlaybookSettingError() {
	dir, err := os.MkdirTemp("", "policy")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	if err := os.CopyFS(dir, policy.Embedded()); err != nil {
		panic(err)
	}
	file := filepath.Join(dir, "playbook", "playbook.rego")
	src, err := os.ReadFile(file)
	if err != nil {
		panic(err)
	}
	edited := strings.Replace(string(src), "\t\t\"sold_after_opt_out\": 3,\n", "", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		panic(err)
	}

	pb, err := rules.Parse("escalations.yaml", []byte("settings:\n  escalation_levels:\n    sold_after_opt_out: 1\n"))
	if err != nil {
		panic(err)
	}
	_, err = policy.New(context.Background(), policy.WithDir(dir), policy.WithPlaybook(pb))
	var se *policy.PlaybookSettingError
	if errors.As(err, &se) {
		fmt.Println(se.Playbook, se.Pointers)
	}
	fmt.Println(errors.Is(err, policy.ErrPolicy))
	// Output:
	// escalations.yaml [/settings/escalation_levels/sold_after_opt_out]
	// true
}
