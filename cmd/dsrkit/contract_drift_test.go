package main

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/internal/contracttest"
	"github.com/dsrkit/dsrkit/schemas"
)

// TestExplainTypesInContract: every field explain reads from a decision or
// a request is a property of that schema at the same path (encoding/json's
// names: a field without a json tag matches case-insensitively).
func TestExplainTypesInContract(t *testing.T) {
	s, err := contracttest.Load(schemas.FS)
	require.NoError(t, err)
	opts := contracttest.Options{Subset: true}

	decision, err := s.Def("decision.json", "#")
	require.NoError(t, err)
	require.Empty(t, contracttest.Compare(decision, reflect.TypeFor[explained](), opts))

	request, err := s.Def("request.json", "#")
	require.NoError(t, err)
	require.Empty(t, contracttest.Compare(request, reflect.TypeFor[requestFacts](), opts))
}
