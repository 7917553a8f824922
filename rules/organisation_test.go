package rules

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOrganisationDefaultPlaceholders(t *testing.T) {
	assert.Equal(t, Organisation{
		Name:         "[ORGANIZATION NAME]",
		Address:      []string{"[ADDRESS]"},
		PrivacyEmail: "[EMAIL]",
		PrivacyPhone: "[PHONE]",
		OptOutURL:    "[OPT-OUT URL]",
		Signatory:    Signatory{Name: "[NAME]", Title: "[TITLE]"},
	}, Default().Organisation())
}

func TestOrganisationSectionReplacesTheDefaultWhole(t *testing.T) {
	p, err := Parse("org.yaml", []byte(`
organisation:
  name: Example Corp
  address: ["1 Main St", "Springfield"]
  privacy_email: privacy@example.com
  signatory: {name: Ada Lovelace, title: Chief Privacy Officer}
`))
	require.NoError(t, err)
	org := p.Organisation()
	assert.Equal(t, Organisation{
		Name:         "Example Corp",
		Address:      []string{"1 Main St", "Springfield"},
		PrivacyEmail: "privacy@example.com",
		Signatory:    Signatory{Name: "Ada Lovelace", Title: "Chief Privacy Officer"},
	}, org)
	org.Address[0] = "changed"
	assert.Equal(t, "1 Main St", p.Organisation().Address[0], "Organisation returns a copy")

	// Without a section: the default playbook's placeholders.
	q, err := Parse("none.yaml", []byte("description: no organisation\n"))
	require.NoError(t, err)
	assert.Equal(t, Default().Organisation(), q.Organisation())
}

func TestOrganisationSchema(t *testing.T) {
	for name, src := range map[string]string{
		"unknown key":  "organisation: {name: X, fax: '1'}\n",
		"empty name":   "organisation: {name: ''}\n",
		"address text": "organisation: {address: '1 Main St'}\n",
	} {
		_, err := Parse(name+".yaml", []byte(src))
		require.Error(t, err, name)
		assert.True(t, errors.Is(err, ErrSchema), "%s: %v", name, err)
	}
}
