package policy

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A policy that cannot decide the smoke corpus promptly is refused: New
// returns instead of waiting on it (a slow or hostile policy never hangs
// the program that loads it).
func TestSlowPolicyIsRefusedNotWaitedFor(t *testing.T) {
	defer func(d time.Duration) { smokeTimeout = d }(smokeTimeout)
	smokeTimeout = 300 * time.Millisecond

	const rule = "decision := object.union(object.union(envelope, covered_block), request.echo) if dates_computed\n"
	fsys := embeddedWithEdit(t, "delete/delete.rego", rule,
		"decision := object.union(object.union(envelope, covered_block), request.echo) if {\n\tdates_computed\n\tslowdown == 0\n}\n\n"+
			"slow_chars := split(sprintf(\"%0300d\", [0]), \"\")\n\n"+
			"slowdown := count([1 | some i in slow_chars; some j in slow_chars; some k in slow_chars; concat(\"\", [i, j, k]) == \"x\"])\n")

	start := time.Now()
	_, err := New(context.Background(), WithFS(fsys))
	require.ErrorIs(t, err, ErrPolicy)
	assert.Less(t, time.Since(start), 20*time.Second)
}
