package letters

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden letters in testdata/golden")

// exampleOrg is the organisation of the golden letters.
var exampleOrg = Organisation{
	Name:         "Example Corp",
	Address:      []string{"1 Main Street", "San Francisco, CA 94105"},
	PrivacyEmail: "privacy@example.com",
	PrivacyPhone: "+1 415 555 0100",
	OptOutURL:    "https://example.com/opt-out",
	Signatory:    Signatory{Name: "Ada Lovelace", Title: "Chief Privacy Officer"},
}

// goldenSources are the decisions the golden letters are rendered from:
// golden decisions of the policy (../testdata/cases) and, for documents
// no golden decision calls for, decisions the engine made on the requests
// in testdata/requests (dsrkit decide REQUEST > decision.json). Each
// entry names the documents it must give.
var goldenSources = []struct {
	dir  string
	want []string
}{
	// Acknowledgement: CCPA; CCPA and GDPR.
	{"../testdata/cases/ccpa-insufficient-asks-for-more", []string{"acknowledgement"}},
	{"../testdata/cases/ccpa-and-gdpr-germany", []string{"acknowledgement"}},
	// Extension notice: CCPA; Utah, with the extension's length.
	{"../testdata/cases/events-response-sent-closed", []string{"extension_notice", "deletion_confirmation", "directive-sp-mail"}},
	{"testdata/requests/ucpa-extension", []string{"extension_notice", "deletion_confirmation"}},
	// Full deletion and directives: CCPA; VCDPA (a service provider and a
	// third party told to delete).
	{"../testdata/cases/ccpa-full-deletion", []string{"deletion_confirmation", "directive-sp-mail"}},
	{"testdata/requests/vcdpa-directives", []string{"deletion_confirmation", "directive-sp-help", "directive-tp-ads"}},
	// Partial deletion: CCPA (with the opt-out offer), CCPA legal hold,
	// VCDPA (with appeal), GDPR (with the supervisory authority).
	{"../testdata/cases/ccpa-partial-tax-record-and-backup", []string{"partial_deletion"}},
	{"../testdata/cases/ccpa-legal-hold", []string{"partial_deletion"}},
	{"../testdata/cases/vcdpa-partial-with-appeal", []string{"partial_deletion", "appeal_instructions"}},
	{"../testdata/cases/gdpr-active-warranty-kept", []string{"partial_deletion", "supervisory_authority_notice"}},
	// Denial: identity not verified, CCPA (opt-out offer) and GDPR; all
	// kept, CCPA and CTDPA (with appeal).
	{"../testdata/cases/ccpa-unverified-on-response-date", []string{"denial"}},
	{"../testdata/cases/gdpr-unverified-complaint-right", []string{"denial", "supervisory_authority_notice"}},
	{"../testdata/cases/ccpa-security-integrity-kept", []string{"denial"}},
	{"testdata/requests/ctdpa-denied-appeal", []string{"denial", "appeal_instructions"}},
}

func TestGoldenLetters(t *testing.T) {
	set, err := Default()
	require.NoError(t, err)
	covered := map[Kind]bool{}
	for _, src := range goldenSources {
		name := filepath.Base(src.dir)
		t.Run(name, func(t *testing.T) {
			decision, err := os.ReadFile(filepath.Join(src.dir, "decision.json"))
			require.NoError(t, err)
			request, err := os.ReadFile(filepath.Join(src.dir, "request.json"))
			require.NoError(t, err)
			for _, format := range []Format{Text, HTML} {
				docs, err := set.Render(Input{Decision: decision, Request: request, Organisation: exampleOrg, DirectiveConfirmation: "15 calendar days"}, format)
				require.NoError(t, err)
				var names []string
				for _, d := range docs {
					names = append(names, d.Name)
					covered[d.Kind] = true
					path := filepath.Join("testdata", "golden", name, d.FileName())
					if *update {
						require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
						require.NoError(t, os.WriteFile(path, d.Body, 0o644))
						continue
					}
					want, err := os.ReadFile(path)
					require.NoError(t, err, "run go test ./letters -run TestGoldenLetters -update")
					assert.Equal(t, string(want), string(d.Body), path)
				}
				assert.Equal(t, src.want, names, "%s: the documents the decision calls for", format)
			}
		})
	}
	for _, k := range Kinds() {
		assert.True(t, covered[k], "no golden letter of kind %s", k)
	}
}

// TestGoldenLettersHaveNoStaleFiles: every file in testdata/golden is one
// the test renders.
func TestGoldenLettersHaveNoStaleFiles(t *testing.T) {
	want := map[string]bool{}
	for _, src := range goldenSources {
		for _, n := range src.want {
			for _, ext := range []string{".txt", ".html"} {
				want[filepath.Join(filepath.Base(src.dir), n+ext)] = true
			}
		}
	}
	err := filepath.WalkDir(filepath.Join("testdata", "golden"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join("testdata", "golden"), path)
		assert.True(t, want[rel], "stale golden letter %s", rel)
		delete(want, rel)
		return nil
	})
	require.NoError(t, err)
	if !*update {
		assert.Empty(t, want, "golden letters missing")
	}
}
