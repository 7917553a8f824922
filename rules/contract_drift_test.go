package rules

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/contracttest"
	"github.com/dsrkit/dsrkit/schemas"
)

// TestCELTypesInContract: every field CEL declares for `item` and `request`
// (their cel tags) is a property of the request schema at the same path, of
// the same shape. CEL sees a part of the request, so the other direction is
// not asked.
func TestCELTypesInContract(t *testing.T) {
	s, err := contracttest.Load(schemas.FS)
	require.NoError(t, err)
	opts := contracttest.Options{Tag: "cel", Subset: true}

	dataItem, err := s.Def("request.json", "#/$defs/data_item")
	require.NoError(t, err)
	require.Empty(t, contracttest.Compare(dataItem, reflect.TypeFor[item](), opts))

	root, err := s.Def("request.json", "#")
	require.NoError(t, err)
	require.Empty(t, contracttest.Compare(root, reflect.TypeFor[request](), opts))
}
