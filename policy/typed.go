package policy

import (
	"context"
	"encoding/json"
	"fmt"
)

// DecideAs decides a typed request: it encodes req (a struct whose JSON form
// is the contract's request), decides it under e's policy and decodes the
// decision into a D. It is what the typed packages (deletion, optout) are
// built on; errors are those of Engine.Decide.
func DecideAs[D any](ctx context.Context, e *Engine, req any, opts ...DecideOption) (*D, error) {
	b, err := json.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("encoding the request: %w", err)
	}
	out, err := e.Decide(ctx, b, opts...)
	if err != nil {
		return nil, err
	}
	d := new(D)
	if err := json.Unmarshal(out, d); err != nil {
		return nil, fmt.Errorf("reading the decision: %w", err)
	}
	return d, nil
}
