package policy

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A decision's laws[] is checked once for each laws[] written the same; a
// laws[] that fails its check is checked again every time it comes.
func TestLawsAreCheckedOnceForEachLawsWrittenTheSame(t *testing.T) {
	t.Parallel()
	p, _, err := build(context.Background(), &config{fsys: Embedded(), name: "embedded"}, false)
	require.NoError(t, err)
	calls := 0
	ok := func(any) error { calls++; return nil }
	bad := func(any) error { calls++; return errors.New("breaks the contract") }
	a := []any{map[string]any{"law": "CCPA"}}
	b := []any{map[string]any{"law": "VCDPA"}}
	for range 3 {
		_, err := p.writtenLaws(a, ok)
		require.NoError(t, err)
	}
	assert.Equal(t, 1, calls)
	_, err = p.writtenLaws(b, ok)
	require.NoError(t, err)
	assert.Equal(t, 2, calls)
	c := []any{map[string]any{"law": "UCPA"}}
	for range 2 {
		_, err := p.writtenLaws(c, bad)
		require.Error(t, err)
	}
	assert.Equal(t, 4, calls)
}
