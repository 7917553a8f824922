package policy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/schema"
	"github.com/dsrkit/dsrkit/policy"
)

// FuzzDecide decides mutated golden requests end to end
// (go test ./policy -run '^$' -fuzz FuzzDecide -fuzztime 3m). Whatever the
// bytes:
//
//   - Decide returns (no panic, no hang), and its error, if any, is an
//     invalid request or a failed evaluation, with no decision;
//   - every decision validates against the contract's decision schema;
//   - an item on legal hold is never deleted (nor deidentified or
//     aggregated away).
func FuzzDecide(f *testing.F) {
	seeds, err := filepath.Glob("../testdata/cases/*/request.json")
	require.NoError(f, err)
	for _, name := range seeds {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
		if bytes.Contains(b, []byte(`"data"`)) { // the same with every item on hold
			f.Add(bytes.ReplaceAll(b, []byte(`"system_type": "`), []byte(`"legal_hold": true, "system_type": "`)))
		}
	}
	f.Add([]byte(heldRequest))
	f.Add([]byte(holdRequest))

	eng, err := policy.New(context.Background())
	require.NoError(f, err)
	v, err := schema.New()
	require.NoError(f, err)

	f.Fuzz(func(t *testing.T, request []byte) {
		out, err := eng.Decide(context.Background(), request)
		if err != nil {
			if !errors.Is(err, policy.ErrInvalidRequest) && !errors.Is(err, policy.ErrEvaluation) {
				t.Fatalf("untyped error %v", err)
			}
			if out != nil {
				t.Fatalf("a decision with the error %v", err)
			}
			if errors.Is(err, policy.ErrEvaluation) {
				t.Logf("evaluation failed (no decision): %v", err)
			}
			return
		}
		if ps := v.DecisionJSON(out); ps != nil {
			t.Fatalf("the decision breaks the contract: %v\n%s", ps, out)
		}
		// The request was valid, so it has no duplicate keys: its
		// legal_hold values are unambiguous.
		var req struct {
			Data []struct {
				ID        string `json:"id"`
				LegalHold bool   `json:"legal_hold"`
			} `json:"data"`
		}
		if json.Unmarshal(request, &req) != nil {
			t.Fatalf("decided a request encoding/json cannot read: %q", request)
		}
		held := map[string]bool{}
		for _, item := range req.Data {
			if item.LegalHold {
				held[item.ID] = true
			}
		}
		if len(held) == 0 {
			return
		}
		var d struct {
			Items []struct{ ID, Action string } `json:"items"`
		}
		require.NoError(t, json.Unmarshal(out, &d))
		for _, item := range d.Items {
			if held[item.ID] && (item.Action == "delete" || item.Action == "deidentify" || item.Action == "aggregate") {
				t.Fatalf("item %s is on legal hold and decided %s:\n%s", item.ID, item.Action, out)
			}
		}
	})
}
