package schema

import (
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Compiled is a schema compiled on its own, for documents that are not the
// contract's: a policy's law data is checked against the schema the policy
// itself ships. It is safe for concurrent use.
type Compiled struct{ s *jsonschema.Schema }

// Compile compiles a schema given as a decoded JSON document, asserting its
// formats. Its $refs resolve within the document only: nothing is fetched.
func Compile(name string, doc any) (*Compiled, error) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	registerFormats(c)
	url := "urn:dsrkit:" + name
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	s, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	return &Compiled{s: s}, nil
}

// Validate returns nil when doc is valid, else every problem, sorted by
// pointer.
func (c *Compiled) Validate(doc any) []Problem { return check(c.s, doc) }
