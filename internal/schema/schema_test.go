package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dsrkit/dsrkit/schemas"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var validator = sync.OnceValues(New)

func newValidator(t testing.TB) *Validator {
	t.Helper()
	v, err := validator()
	require.NoError(t, err)
	return v
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

func TestValidRequests(t *testing.T) {
	v := newValidator(t)
	for _, kind := range []string{"delete", "opt_out", "opt_in", "solicit_opt_in"} {
		for _, variant := range []string{"minimal", "full"} {
			name := "request/" + kind + "-" + variant + ".json"
			t.Run(name, func(t *testing.T) {
				assert.Nil(t, v.RequestJSON(fixture(t, name)))
			})
		}
	}
}

func TestValidDecisions(t *testing.T) {
	v := newValidator(t)
	for _, kind := range []string{"delete", "opt_out", "opt_in", "solicit_opt_in"} {
		name := "decision/" + kind + ".json"
		t.Run(name, func(t *testing.T) {
			assert.Nil(t, v.DecisionJSON(fixture(t, name)))
		})
	}
}

// p builds the expected problems from "pointer: message" lines.
func p(lines ...string) []Problem {
	ps := make([]Problem, len(lines))
	for i, l := range lines {
		ptr, msg, _ := strings.Cut(l, ": ")
		ps[i] = Problem{ptr, msg}
	}
	return ps
}

func TestRequestProblems(t *testing.T) {
	v := newValidator(t)
	for _, tc := range []struct {
		name, doc string
		want      []Problem
	}{
		{"bare date", `{"kind": "delete", "received_at": "2026-11-20"}`, nil},
		{"instant with offset", `{"kind": "opt_out", "received_at": "2026-11-20T23:30:00.5-08:00"}`, nil},
		{"defaults written out", `{"kind": "opt_in", "as_of": "2026-03-02T18:00:00Z", "consumer": {"relationship": "customer"}, "requester": {"type": "self"}}`, nil},
		{
			"malformed JSON",
			"{\"kind\": \"delete\",\n  \"received_at\": }",
			p(": malformed JSON at line 2, column 18: invalid character '}' looking for beginning of value"),
		},
		{"truncated JSON", `{"kind": "delete"`, p(": malformed JSON at line 1, column 17: unexpected end of input")},
		{"empty input", ``, p(": malformed JSON: empty document")},
		{"two documents", `{} {}`, p(": malformed JSON at line 1, column 4: unexpected data after the top-level value")},
		{"not an object", `["delete"]`, p(": expected object, got array")},
		{
			"unknown kind reports no branch's problems",
			`{"kind": "foo", "signal": "gpc", "consumer": {"residence": "US-XX"}}`,
			p(
				`/consumer/residence: "US-XX" is not a known jurisdiction`,
				`/kind: "foo" is not one of delete, opt_out, opt_in, solicit_opt_in`,
			),
		},
		{"missing kind", `{"received_at": "2026-03-02"}`, p(`/kind: missing required field "kind"`)},
		{"impossible date", `{"kind": "delete", "received_at": "2026-02-30"}`, p(`/received_at: "2026-02-30" is not a valid date`)},
		{"month 13", `{"kind": "delete", "received_at": "2026-13-01"}`, p(`/received_at: "2026-13-01" is not a valid date`)},
		{
			"instant without offset",
			`{"kind": "delete", "received_at": "2026-03-02T09:30:00"}`,
			p(`/received_at: "2026-03-02T09:30:00" is not a valid instant (RFC 3339 with an offset)`),
		},
		{"unknown residence", `{"kind": "opt_in", "as_of": "2026-03-02T18:00:00Z", "consumer": {"residence": "US-XX"}}`, p(`/consumer/residence: "US-XX" is not a known jurisdiction`)},
		{"missing received_at (delete)", `{"kind": "delete"}`, p(`/received_at: missing required field "received_at"`)},
		{"missing received_at (opt_out)", `{"kind": "opt_out"}`, p(`/received_at: missing required field "received_at"`)},
		{"wrong type", `{"kind": "opt_in", "as_of": "2026-03-02T18:00:00Z", "consumer": {"age": "34"}}`, p(`/consumer/age: expected integer, got string`)},
		{
			"misspelt field",
			`{"kind": "delete", "recieved_at": "2026-03-02"}`,
			p(`/received_at: missing required field "received_at"`, `/recieved_at: unknown field`),
		},
		{"field of another kind", `{"kind": "delete", "received_at": "2026-03-02", "signal": "gpc"}`, p(`/signal: unknown field`)},
		{"free attributes", `{"kind": "delete", "received_at": "2026-03-02", "data": [{"id": "a", "attributes": {"anything": [1, {"x": null}]}}]}`, nil},
		{"Local is no time zone", `{"kind": "opt_in", "as_of": "2026-03-02T18:00:00Z", "business": {"time_zone": "Local"}}`, p(`/business/time_zone: "Local" is not an IANA time zone`)},
		{"EEA state", `{"kind": "opt_in", "as_of": "2026-03-02T18:00:00Z", "business": {"eu_member_state": "NO"}}`, nil},
		{"not an EU state", `{"kind": "opt_in", "as_of": "2026-03-02T18:00:00Z", "business": {"eu_member_state": "US"}}`, p(`/business/eu_member_state: "US" is not one of the 30 allowed values`)},
		{
			"number out of range",
			`{"kind": "opt_out", "received_at": "2026-03-02", "business": {"annual_revenue_usd": 1e-9999999, "consumers_per_year": 1e400,
			  "consumers_sold_or_shared_per_year": -1e300}, "scope": ["sale", "sale"]}`,
			p(
				`/business/annual_revenue_usd: number 1e-9999999 is out of range`,
				`/business/consumers_per_year: number 1e400 is out of range`,
				`/business/consumers_sold_or_shared_per_year: -1e+300 is less than the minimum 0`,
				`/scope/1: duplicate of item 0`,
			),
		},
		{
			"several problems at once",
			`{
			  "kind": "delete",
			  "received_at": "2026-02-30T10:00:00Z",
			  "consumer": {"residence": "US-XX", "age": 151, "relationship": "friend"},
			  "business": {"time_zone": "Mars/Olympus", "revenue_share_from_sale": 1.5, "exemptions": ["nonprofit", "nonprofit"]},
			  "verification": {"method": "dna", "matched_data_points": -1},
			  "data": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "e"}, {"id": "f"}, {"id": "g"}, {"id": "h"},
			           {"id": "i"}, {"id": "j", "system_type": "mainframe"}, {"system": "k", "exceptions": [{"until": "2026-01-01"}]}],
			  "recipients": [{"id": "r", "name": "R", "role": "partner", "received_via": "sale", "confirmed_at": "yesterday"}],
			  "events": {"responded_at": "2026-03-02T10:00:00+24:00"},
			  "extra": true
			}`,
			p(
				`/business/exemptions/1: duplicate of item 0`,
				`/business/revenue_share_from_sale: 1.5 is greater than the maximum 1`,
				`/business/time_zone: "Mars/Olympus" is not an IANA time zone`,
				`/consumer/age: 151 is greater than the maximum 150`,
				`/consumer/relationship: "friend" is not one of customer, employee, job_applicant, contractor, b2b_contact, other`,
				`/consumer/residence: "US-XX" is not a known jurisdiction`,
				`/data/9/system_type: "mainframe" is not one of production_db, crm, ecommerce, marketing, support, analytics, financial, hr, email_archive, file_system, cloud_service, backup, archive, processor`,
				`/data/10/exceptions/0/basis: missing required field "basis"`,
				`/data/10/id: missing required field "id"`,
				`/events/responded_at: "2026-03-02T10:00:00+24:00" is not a valid instant (RFC 3339 with an offset)`,
				`/extra: unknown field`,
				`/received_at: "2026-02-30T10:00:00Z" is not a valid instant (RFC 3339 with an offset)`,
				`/recipients/0/confirmed_at: "yesterday" is not a valid instant (RFC 3339 with an offset)`,
				`/recipients/0/role: "partner" is not one of service_provider, contractor, third_party`,
				`/verification/matched_data_points: -1 is less than the minimum 0`,
				`/verification/method: "dna" is not one of account_login, data_matching, signed_declaration, third_party_service, none`,
			),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, v.RequestJSON([]byte(tc.doc)))
		})
	}
}

func TestDecisionProblems(t *testing.T) {
	v := newValidator(t)
	decision := func(t *testing.T, name string, edit func(map[string]any)) []byte {
		var doc map[string]any
		require.NoError(t, json.Unmarshal(fixture(t, "decision/"+name+".json"), &doc))
		edit(doc)
		b, err := json.Marshal(doc)
		require.NoError(t, err)
		return b
	}
	for _, tc := range []struct {
		name, fixture string
		edit          func(map[string]any)
		want          []Problem
	}{
		{"missing policy", "delete", func(d map[string]any) { delete(d, "policy") }, p(`/policy: missing required field "policy"`)},
		{"missing deadlines", "delete", func(d map[string]any) { delete(d, "deadlines") }, p(`/deadlines: missing required field "deadlines"`)},
		{"delete needs no more yet", "delete", func(d map[string]any) {
			for _, f := range []string{"verification", "items", "directives", "plan", "record", "timeline", "received_on", "request_id", "as_of"} {
				delete(d, f)
			}
		}, nil},
		{"outcome of another kind", "delete", func(d map[string]any) { d["outcome"] = "comply" }, p(
			`/outcome: "comply" is not one of full_deletion, partial_deletion, denied, unverified, pending_verification, not_covered, needs_review`,
		)},
		{"bad outcome", "opt_in", func(d map[string]any) { d["outcome"] = "maybe" }, p(`/outcome: "maybe" is not one of valid, invalid`)},
		{"opt-out needs no verification", "opt_out", func(d map[string]any) { d["verification"] = map[string]any{"status": "verified"} }, p(
			`/verification/status: "verified" is not "not_required"`,
		)},
		{"field of another kind", "solicit_opt_in", func(d map[string]any) { d["deadlines"] = map[string]any{} }, p(
			`/deadlines: unknown field`,
			`/deadlines/acknowledge_by: missing required field "acknowledge_by"`,
			`/deadlines/by_law: missing required field "by_law"`,
			`/deadlines/calendar: missing required field "calendar"`,
			`/deadlines/extended_respond_by: missing required field "extended_respond_by"`,
			`/deadlines/extension_notice_by: missing required field "extension_notice_by"`,
			`/deadlines/respond_by: missing required field "respond_by"`,
		)},
		{"deadlines by law", "delete", func(d map[string]any) {
			d["deadlines"].(map[string]any)["by_law"] = map[string]any{
				"ccpa": map[string]any{},
				"VCDPA": map[string]any{
					"respond_by": "2026-04-31", "extended_respond_by": nil, "extension_notice_by": nil, "appeal_by": nil,
				},
			}
		}, p(
			`/deadlines/by_law/VCDPA/appeal_by: unknown field`,
			`/deadlines/by_law/VCDPA/respond_by: "2026-04-31" is not a valid date`,
			`/deadlines/by_law/ccpa: unknown field`,
		)},
		{"envelope", "opt_out", func(d map[string]any) {
			d["laws"] = []any{map[string]any{"law": "ccpa", "applies": "yes", "citation": "x", "reasons": []any{map[string]any{"code": "c"}}}}
			d["escalations"] = []any{map[string]any{"trigger": "deadline_at_risk", "level": 5, "to": "CEO", "reason": "late"}}
			d["notices"] = []any{map[string]any{"code": "extension_notice", "due": "soon"}}
			d["timeline"] = []any{map[string]any{"name": "respond_by", "date": "2026-04-16", "computation": "x"}}
		}, p(
			`/escalations/0/level: 5 is greater than the maximum 4`,
			`/laws/0/applies: expected boolean, got string`,
			`/laws/0/law: "ccpa" does not match ^[A-Z][A-Z0-9_-]*$`,
			`/laws/0/reasons/0/message: missing required field "message"`,
			`/laws/0/reasons/0/rule: missing required field "rule"`,
			`/notices/0/due: "soon" is not a valid date`,
			`/timeline/0/rule: missing required field "rule"`,
		)},
		{"unknown kind", "opt_in", func(d map[string]any) { d["kind"] = "erase"; d["outcome"] = "sure" }, p(
			`/kind: "erase" is not one of delete, opt_out, opt_in, solicit_opt_in`,
		)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, v.DecisionJSON(decision(t, tc.fixture, tc.edit)))
		})
	}
}

func TestRequestTakesDecodedDocuments(t *testing.T) {
	v := newValidator(t)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(fixture(t, "request/delete-full.json")))
	require.NoError(t, err)
	assert.Nil(t, v.Request(doc))

	var plain any // float64 numbers work too
	require.NoError(t, json.Unmarshal(fixture(t, "request/delete-full.json"), &plain))
	assert.Nil(t, v.Request(plain))

	assert.Equal(t, p(": struct {} is not a JSON value"), v.Request(struct{}{}))

	parsed, ps := ParseJSON([]byte(`{"kind": "opt_in", "as_of": "2026-03-02T18:00:00Z", "consumer": {"age": 7}}`))
	assert.Nil(t, ps)
	assert.Nil(t, v.Request(parsed))
	assert.Equal(t, map[string]any{"kind": "opt_in", "as_of": "2026-03-02T18:00:00Z", "consumer": map[string]any{"age": json.Number("7")}}, parsed)
	parsed, ps = ParseJSON([]byte(`{"kind": "opt_in"`))
	assert.Nil(t, parsed)
	assert.Len(t, ps, 1)
	assert.Equal(t, p(`/kind: missing required field "kind"`), v.Decision(map[string]any{
		"laws": []any{}, "outcome": "valid", "reasons": []any{}, "notices": []any{}, "escalations": []any{},
		"policy": map[string]any{"revision": "r", "digest": "d"},
	}))
}

func TestConcurrentUse(t *testing.T) {
	v := newValidator(t)
	valid, invalid := fixture(t, "request/delete-full.json"), []byte(`{"kind": "delete", "business": {"time_zone": "Europe/Paris"}}`)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				assert.Nil(t, v.RequestJSON(valid))
				assert.Equal(t, p(`/received_at: missing required field "received_at"`), v.RequestJSON(invalid))
			}
		})
	}
	wg.Wait()
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct {
		valid func(string) bool
		yes   []string
		no    []string
	}{
		{isDate, []string{"2026-03-02", "2024-02-29", "2000-12-31"}, []string{
			"2026-02-30", "2026-13-01", "2025-02-29", "2026-3-02", "2026-03-2", "02026-03-02", "2026-03-02T00:00:00Z", "", " 2026-03-02",
		}},
		{isInstant, []string{"2026-03-02T09:30:00Z", "2026-03-02T09:30:00.123456789-08:00", "2026-12-31T23:59:59+14:00", "2026-03-02T09:30:00+23:59"}, []string{
			"2026-03-02T09:30:00", "2026-03-02", "2026-03-02 09:30:00Z", "2026-03-02t09:30:00z", "2026-03-02T9:30:00Z",
			"2026-03-02T24:00:00Z", "2026-03-02T23:59:60Z", "2026-03-02T09:30:00+24:00", "2026-03-02T09:30:00+01:60",
			"2026-03-02T09:30:00+0100", "2026-03-02T09:30:00,5Z", "2026-02-30T09:30:00Z", "2026-03-02T09:30Z",
		}},
		{isJurisdiction, []string{"US-CA", "US-VA", "US-CO", "US-CT", "US-UT", "US-DC", "US-PR", "US-UM", "US", "DE", "FR", "AX", "SS", "BQ"}, []string{
			"US-XX", "us-ca", "US-", "USA", "de", "EU", "UK", "XK", "ZZ", "", "US-CA ",
		}},
		{isZone, []string{"America/Los_Angeles", "Europe/Berlin", "UTC", "Asia/Kolkata"}, []string{
			"", "Local", "Mars/Olympus", "america/los angeles", "../etc/passwd", "/etc/localtime",
		}},
	} {
		for _, s := range tc.yes {
			assert.True(t, tc.valid(s), "%q", s)
		}
		for _, s := range tc.no {
			assert.False(t, tc.valid(s), "%q", s)
		}
	}
	assert.Len(t, countries, 249)
	assert.Len(t, usSubdivisions, 57) // 50 states, DC, 6 territories
}

// TestLawKeys keeps the keys of deadlines.by_law and common.json's law id
// one pattern.
func TestLawKeys(t *testing.T) {
	read := func(name string) map[string]any {
		b, err := schemas.FS.ReadFile(name)
		require.NoError(t, err)
		var doc map[string]any
		require.NoError(t, json.Unmarshal(b, &doc))
		return doc
	}
	at := func(doc any, path ...string) any {
		for _, k := range path {
			doc = doc.(map[string]any)[k]
		}
		return doc
	}
	law := at(read("common.json"), "$defs", "law", "pattern").(string)
	keys := at(read("decision.json"), "$defs", "deadlines", "properties", "by_law", "patternProperties").(map[string]any)
	assert.Contains(t, keys, law)
	assert.Len(t, keys, 1)
}

func TestProblemString(t *testing.T) {
	assert.Equal(t, `/kind: "foo" is not one of delete`, Problem{"/kind", `"foo" is not one of delete`}.String())
	assert.Equal(t, "malformed JSON: empty document", Problem{"", "malformed JSON: empty document"}.String())
}

func TestProblemsAreSortedByPointer(t *testing.T) {
	ps := problems(p("/data/10/id: b", "/data/2/id: a", "/data: c", "/data~1x: d", ": e", "/data/2/id: a", "/a-b: f"))
	assert.Equal(t, p(": e", "/a-b: f", "/data: c", "/data/2/id: a", "/data/10/id: b", "/data~1x: d"), ps.sorted())
}

func FuzzRequestJSON(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/request/*.json")
	for _, name := range seeds {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	for _, s := range []string{
		``, `{`, `[]`, `null`, `{"kind": "foo"}`, `{"kind": "delete", "received_at": "2026-02-30"}`,
		`{"kind": "opt_out", "received_at": 1e-9999999, "business": {"revenue_share_from_sale": 1e999}}`,
		`{"kind": "delete", "data": [{"id": "~/", "attributes": {"a/b": 1}}], "x~y": 1}`,
	} {
		f.Add([]byte(s))
	}
	v := newValidator(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		ps := v.RequestJSON(b)
		for i, p := range ps {
			if p.Pointer != "" && !strings.HasPrefix(p.Pointer, "/") || p.Message == "" {
				t.Fatalf("bad problem %q", p)
			}
			if i > 0 && comparePointers(ps[i-1].Pointer, p.Pointer) > 0 {
				t.Fatalf("unsorted: %q before %q", ps[i-1], p)
			}
		}
		if slices.ContainsFunc(ps, func(p Problem) bool { return strings.Contains(p.Message, "validation failed") }) {
			t.Fatalf("vague problem in %q", ps)
		}
		assert.Equal(t, len(ps), len(slices.Compact(slices.Clone(ps))), "duplicates in %q", ps)
	})
}

func BenchmarkRequest(b *testing.B) {
	v := newValidator(b)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(fixture(b, "request/delete-full.json")))
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if ps := v.Request(doc); ps != nil {
			b.Fatal(ps)
		}
	}
}

// TestSupportedDatesAreDocumented: the schema's descriptions name the
// supported dates the validator asserts.
func TestSupportedDatesAreDocumented(t *testing.T) {
	first, last := SupportedDates()
	assert.Equal(t, "2018-01-01", first)
	assert.Equal(t, "2039-12-31", last)
	b, err := schemas.FS.ReadFile("common.json")
	require.NoError(t, err)
	assert.Equal(t, 3, strings.Count(string(b), first+" to "+last))

	v := newValidator(t)
	for _, tc := range []struct{ doc, want string }{
		{`{"kind": "opt_out", "received_at": "2017-12-31"}`, `/received_at: "2017-12-31" is outside the supported dates, 2018-01-01 to 2039-12-31`},
		{`{"kind": "opt_out", "received_at": "2040-01-01T00:00:00+01:00"}`, `/received_at: "2040-01-01T00:00:00+01:00" is outside the supported dates, 2018-01-01 to 2039-12-31`},
		{`{"kind": "opt_out", "received_at": "9999-12-31"}`, `/received_at: "9999-12-31" is outside the supported dates, 2018-01-01 to 2039-12-31`},
		{`{"kind": "opt_out", "received_at": "0001-01-01"}`, `/received_at: "0001-01-01" is outside the supported dates, 2018-01-01 to 2039-12-31`},
		{`{"kind": "opt_out", "received_at": "2026-03-02", "processed_at": "2041-03-02T00:00:00Z"}`, `/processed_at: "2041-03-02T00:00:00Z" is outside the supported dates, 2018-01-01 to 2039-12-31`},
	} {
		assert.Equal(t, p(tc.want), v.RequestJSON([]byte(tc.doc)), tc.doc)
	}
	for _, doc := range []string{
		`{"kind": "opt_out", "received_at": "2018-01-01"}`,
		`{"kind": "opt_out", "received_at": "2039-12-31T23:59:59-12:00"}`,
		`{"kind": "opt_out", "received_at": "2026-03-02", "consumer": {"birth_date": "1931-05-04"}}`,
	} {
		assert.Nil(t, v.RequestJSON([]byte(doc)), doc)
	}
}

func TestDuplicateIDs(t *testing.T) {
	v := newValidator(t)
	assert.Equal(t, p(
		`/data/2/id: "a" is also the id of /data/0: ids must be unique`,
		`/data/3/id: "a" is also the id of /data/0: ids must be unique`,
		`/recipients/1/id: "a" is also the id of /recipients/0: ids must be unique`,
	), v.RequestJSON([]byte(`{"kind": "delete", "received_at": "2026-03-02",
		"data": [{"id": "a"}, {"id": "b"}, {"id": "a"}, {"id": "a"}],
		"recipients": [{"id": "a", "name": "A", "role": "contractor", "received_via": "sale"}, {"id": "a", "name": "B", "role": "contractor", "received_via": "sale"}]}`)))
}

// Field checks a decision's laws[], request_id and as_of as Decision
// does: the same problems, at the same pointers; and a decision whose
// field passes Field passes Decision with any of them in its place (the
// engine checks a memoised laws[] once and the rest of each decision with
// an empty one; and a kept decision once, then each request's echo).
func TestFieldIsTheDecisionsCheckOfTheField(t *testing.T) {
	v := newValidator(t)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(fixture(t, "decision/opt_out.json"), &doc))
	laws := doc["laws"].([]any)
	require.NotEmpty(t, laws)
	assert.Nil(t, v.Field("laws", laws))
	doc["laws"] = []any{}
	assert.Nil(t, v.Decision(doc), "the rest of the decision with no laws")

	bad := []any{laws[0], map[string]any{"law": "CCPA", "applies": "yes", "reasons": []any{}}}
	doc["laws"] = bad
	want := p(`/laws/1/applies: expected boolean, got string`, `/laws/1/citation: missing required field "citation"`)
	assert.Equal(t, want, v.Decision(doc))
	assert.Equal(t, want, v.Field("laws", bad))
	doc["laws"] = laws

	for name, bad := range map[string]any{"request_id": 7.0, "as_of": "yesterday"} {
		good := doc[name]
		assert.Nil(t, v.Field(name, good), name)
		doc[name] = bad
		assert.Equal(t, v.Decision(doc), v.Field(name, bad), name)
		assert.NotEmpty(t, v.Field(name, bad), name)
		doc[name] = good
	}
	assert.Equal(t, p(`/nonesuch: not a field of a decision`), v.Field("nonesuch", "x"))
}
