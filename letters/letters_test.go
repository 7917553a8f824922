package letters

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// templatesWith is the default templates with some files replaced or
// added (a nil body removes the file).
func templatesWith(t *testing.T, files map[string]string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	sub, err := fs.Sub(embedded, "templates")
	require.NoError(t, err)
	entries, err := fs.ReadDir(sub, ".")
	require.NoError(t, err)
	for _, e := range entries {
		b, err := fs.ReadFile(sub, e.Name())
		require.NoError(t, err)
		out[e.Name()] = &fstest.MapFile{Data: b}
	}
	for name, body := range files {
		if body == "\x00remove" {
			delete(out, name)
			continue
		}
		out[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return out
}

func loadProblems(t *testing.T, files map[string]string) (*LoadError, error) {
	t.Helper()
	_, err := Load(templatesWith(t, files))
	require.Error(t, err)
	var le *LoadError
	require.True(t, errors.As(err, &le), "%v", err)
	return le, err
}

func TestLoadRefusesAFieldTheDecisionDoesNotHave(t *testing.T) {
	// In a branch no decision reaches: the check walks the template, it
	// does not run it on a sample.
	le, err := loadProblems(t, map[string]string{
		"extension_notice.txt": `{{if false}}{{.decision.deadlines.respnd_by}}{{end}}`,
	})
	assert.True(t, errors.Is(err, ErrUnknownField))
	require.Len(t, le.Problems, 1)
	assert.Equal(t, "extension_notice.txt:1:23", le.Problems[0].Location)
	assert.Equal(t, `decision.deadlines has no field "respnd_by" (its fields: acknowledge_by, by_law, calendar, extended_respond_by, extension_notice_by, respond_by)`, le.Problems[0].Message)
}

func TestLoadChecksEveryPath(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"else branch", `{{with notice "x"}}{{.text}}{{else}}{{.decision.outcom}}{{end}}`, `decision has no field "outcom"`},
		{"with changes dot", `{{with notice "x"}}{{.txt}}{{end}}`, `decision.notices[] has no field "txt" (its fields: citation, code, due, law, position, rule_id, text)`},
		{"range element", `{{range .decision.items}}{{.exception.basis}}{{.retain_untl}}{{end}}`, `decision.items[] has no field "retain_untl"`},
		{"range variable", `{{range $i, $d := .decision.directives}}{{$d.confirm_bye}}{{end}}`, `decision.directives[] has no field "confirm_bye"`},
		{"variable", `{{$v := .decision.verification}}{{$v.statu}}`, `decision.verification has no field "statu"`},
		{"root variable in range", `{{range .decision.items}}{{$.org.nam}}{{end}}`, `org has no field "nam"`},
		{"field of a single value", `{{.decision.outcome.code}}`, `decision.outcome is a single value: it has no field "code"`},
		{"range over a single value", `{{range .decision.outcome}}{{end}}`, `range over decision.outcome, which is a single value, not a list`},
		{"field of a list", `{{.decision.notices.text}}`, `decision.notices is a list: it has no field "text"`},
		{"called template", `{{define "p"}}{{.citatio}}{{end}}{{with notice "x"}}{{template "p" .}}{{end}}`, `decision.notices[] has no field "citatio"`},
		{"missing template", `{{template "nope" .}}`, `no template named "nope"`},
		{"letter data", `{{.letter.directive.confirm_byy}}`, `letter.directive has no field "confirm_byy"`},
		{"request", `{{.request.recipients}}{{range .request.data}}{{.categry}}{{end}}`, `request.data[] has no field "categry"`},
		{"by law", `{{.decision.deadlines.by_law.CCPA.respond_by}}{{(index .decision.deadlines.by_law "VCDPA").respnd_by}}`, `decision.deadlines.by_law[…] has no field "respnd_by"`},
		{"function result", `{{(timeline "respond_by" .decision.deadlines.respond_by).computaton}}`, `decision.timeline[] has no field "computaton"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			le, err := loadProblems(t, map[string]string{"denial.txt": tc.body})
			assert.True(t, errors.Is(err, ErrUnknownField) || errors.Is(err, ErrTemplate), "%v", err)
			require.NotEmpty(t, le.Problems)
			assert.Contains(t, le.Problems[0].Message, tc.want)
		})
	}
}

func TestLoadAcceptsWhatTheSchemasAllow(t *testing.T) {
	_, err := Load(templatesWith(t, map[string]string{
		"denial.txt": `{{.decision.deadlines.by_law.CCPA.respond_by}}{{range .request.data}}{{.attributes.anything.below}}{{end}}` +
			`{{range $k, $v := .decision.deadlines.by_law}}{{$k}}{{$v.calendar}}{{end}}{{.decision.verification.info_response_due}}` +
			`{{with .decision.record}}{{.responded_on}}{{end}}{{len .decision.items}}{{.letter.directive.categories}}`,
	}))
	assert.NoError(t, err)
}

func TestLoadReportsEveryProblem(t *testing.T) {
	le, err := loadProblems(t, map[string]string{
		"denial.txt":           "{{.decision.nope}}",
		"denial.html":          "\x00remove",
		"directive.txt":        "{{if}}",
		"acknowledgement.html": `<a href="{{.org.name}}`,
	})
	assert.True(t, errors.Is(err, ErrUnknownField))
	assert.True(t, errors.Is(err, ErrMissingTemplate))
	assert.True(t, errors.Is(err, ErrTemplate))
	var msgs []string
	for _, p := range le.Problems {
		msgs = append(msgs, p.String())
	}
	joined := strings.Join(msgs, "\n")
	assert.Contains(t, joined, "directive.txt:1: missing value for if")
	assert.Contains(t, joined, "denial.html: no template for the denial document (denial.html)")
	assert.Contains(t, joined, `denial.txt:1:11: decision has no field "nope" (its fields: allowed, as_of, comply_by, deadlines, `)
}

func TestLoadRefusesHTMLThatCannotBeEscaped(t *testing.T) {
	_, err := Load(templatesWith(t, map[string]string{
		"denial.html": `<a href="{{.org.name}}`, // unterminated attribute: ends in a bad context
	}))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrTemplate), "%v", err)
	assert.Contains(t, err.Error(), "denial.html")
}

func golden(t *testing.T, c string) (decision, request []byte) {
	t.Helper()
	d, err := os.ReadFile("../testdata/cases/" + c + "/decision.json")
	require.NoError(t, err)
	r, err := os.ReadFile("../testdata/cases/" + c + "/request.json")
	require.NoError(t, err)
	return d, r
}

func TestRenderFailsOnAValueTheDecisionLeavesOut(t *testing.T) {
	// The VCDPA sets no acknowledgement: acknowledge_by is null.
	set, err := Load(templatesWith(t, map[string]string{
		"partial_deletion.txt":  `due {{.decision.deadlines.acknowledge_by}}`,
		"partial_deletion.html": `due {{.decision.deadlines.acknowledge_by}}`,
	}))
	require.NoError(t, err)
	d, r := golden(t, "vcdpa-partial-with-appeal")
	for _, f := range []Format{Text, HTML} {
		_, err = set.Render(Input{Decision: d, Request: r, Organisation: exampleOrg}, f)
		var re *RenderError
		require.True(t, errors.As(err, &re), "%v", err)
		assert.Equal(t, "partial_deletion", re.Document)
		assert.True(t, errors.Is(err, ErrMissingValue), "%v", err)
	}
	// Tested with if, it is simply absent.
	set, err = Load(templatesWith(t, map[string]string{
		"partial_deletion.txt": `[{{with .decision.deadlines.acknowledge_by}}due {{.}}{{end}}][{{if .decision.record.responded_on}}x{{end}}][{{len .decision.escalations}}]`,
	}))
	require.NoError(t, err)
	docs, err := set.Render(Input{Decision: d, Request: r, Organisation: exampleOrg}, Text)
	require.NoError(t, err)
	assert.Equal(t, "[][][0]", string(docs[0].Body))
}

func TestRenderInputErrors(t *testing.T) {
	set, err := Default()
	require.NoError(t, err)
	d, r := golden(t, "ccpa-full-deletion")
	_, other := golden(t, "vcdpa-partial-with-appeal")
	tests := []struct {
		name string
		in   Input
		kind error
		want string
	}{
		{"invalid decision", Input{Decision: []byte(`{"kind": "delete"}`), Organisation: exampleOrg}, ErrInvalidDecision, "letters: invalid decision: "},
		{"not JSON", Input{Decision: []byte(`{`), Organisation: exampleOrg}, ErrInvalidDecision, "letters: invalid decision: "},
		{"invalid request", Input{Decision: d, Request: []byte(`{"kind": "nope"}`), Organisation: exampleOrg}, ErrInvalidRequest, "letters: invalid request: "},
		{"another request", Input{Decision: d, Request: other, Organisation: exampleOrg}, ErrInvalidRequest, `letters: invalid request: /id: the request "va-partial" is not the one decided (request_id "full")`},
		{"no organisation", Input{Decision: d, Request: r}, ErrMissingInput, "letters: missing input: the organisation has no name (the playbook's organisation.name)"},
		{"bad date", Input{Decision: d, Organisation: exampleOrg, Date: "20 March"}, ErrMissingInput, `letters: missing input: date "20 March" is not YYYY-MM-DD`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := set.Render(tc.in, Text)
			assert.Nil(t, docs)
			var ie *InputError
			require.True(t, errors.As(err, &ie), "%v", err)
			assert.True(t, errors.Is(err, tc.kind))
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), err.Error())
		})
	}
	_, err = set.Render(Input{Decision: d, Organisation: exampleOrg}, "pdf")
	assert.True(t, errors.Is(err, ErrFormat))
	assert.EqualError(t, err, `letters: unknown format "pdf" (text or html)`)
}

func TestRenderWithoutTheRequest(t *testing.T) {
	set, err := Default()
	require.NoError(t, err)
	d, _ := golden(t, "ccpa-full-deletion")
	docs, err := set.Render(Input{Decision: d, Organisation: exampleOrg, ConsumerRef: "c0ffee", Date: "2026-03-21"}, Text)
	require.NoError(t, err)
	require.Len(t, docs, 2)
	assert.Equal(t, "directive-sp-mail", docs[1].Name)
	body := string(docs[1].Body)
	// Named by ids: no request, no categories or recipient names.
	assert.Contains(t, body, "Date: 2026-03-21\nTo:   sp-mail\n")
	assert.Contains(t, body, "Consumer Identifier: c0ffee\n")
	assert.Contains(t, body, "Data to Delete:\n  - item crm-1\n  - item mkt-1\n")
}

func TestRenderOffersTheOrganisationsOptOutPage(t *testing.T) {
	set, err := Default()
	require.NoError(t, err)
	d, r := golden(t, "ccpa-unverified-on-response-date")
	// The request gives an opt_out_url: the notice has it, the letter adds none.
	docs, err := set.Render(Input{Decision: d, Request: r, Organisation: exampleOrg}, Text)
	require.NoError(t, err)
	assert.NotContains(t, string(docs[0].Body), "Opt-out page:")
	// Without the request, the organisation's page.
	docs, err = set.Render(Input{Decision: d, Organisation: exampleOrg}, Text)
	require.NoError(t, err)
	assert.Contains(t, string(docs[0].Body), "\nOpt-out page: https://example.com/opt-out\n")
}

func TestRenderCallsForNothingButDeletionDocuments(t *testing.T) {
	set, err := Default()
	require.NoError(t, err)
	for _, c := range []string{"optout-ccpa-overdue", "optin-valid-two-step", "solicit-12-months", "not-covered-new-york", "ccpa-before-in-force"} {
		d, r := golden(t, c)
		docs, err := set.Render(Input{Decision: d, Request: r, Organisation: exampleOrg}, Text)
		require.NoError(t, err, c)
		assert.Empty(t, docs, c)
	}
}

func TestRenderConcurrently(t *testing.T) {
	set, err := Default()
	require.NoError(t, err)
	d, r := golden(t, "vcdpa-partial-with-appeal")
	want, err := set.Render(Input{Decision: d, Request: r, Organisation: exampleOrg}, HTML)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				got, err := set.Render(Input{Decision: d, Request: r, Organisation: exampleOrg}, HTML)
				assert.NoError(t, err)
				assert.Equal(t, want, got)
			}
		})
	}
	wg.Wait()
}
