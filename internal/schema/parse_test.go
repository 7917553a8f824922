package schema

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseRefusesDuplicateKeys: encoding/json keeps the last of two
// members with one name; `"legal_hold": true, "legal_hold": false` would
// read false.
func TestParseRefusesDuplicateKeys(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`{"data": [{"id": "a"}, {"id": "b", "legal_hold": true, "legal_hold": false}]}`, "/data/1/legal_hold"},
		{`{"consumer": {"residence": "US-CA", "residence": "US-NY"}}`, "/consumer/residence"},
		{`{"as_of": "2026-03-02T00:00:00Z", "kind": "delete", "as_of": "2027-03-02T00:00:00Z"}`, "/as_of"},
		{`{"a/b": 1, "a/b": {}}`, "/a~1b"},
		{`{"x": {"": 1, "": 2}}`, "/x/"},
		{`[{"k": [], "k": []}]`, "/0/k"},
	} {
		doc, ps := ParseJSON([]byte(tc.doc))
		assert.Nil(t, doc, tc.doc)
		assert.Equal(t, []Problem{{tc.want, "duplicate key: the object has a member of that name already"}}, ps, tc.doc)
	}
	// Each duplicated member is reported once; the same name in different objects is no duplicate.
	_, ps := ParseJSON([]byte(`{"a": 1, "b": {"a": 1, "c": 1, "c": 2}, "a": 2, "a": 3}`))
	assert.Equal(t, p("/a: duplicate key: the object has a member of that name already", "/b/c: duplicate key: the object has a member of that name already"), ps)
}

// TestParseRefusesInvalidUnicode: encoding/json rewrites invalid UTF-8 and
// unpaired surrogate escapes to U+FFFD, so an id would not round-trip.
func TestParseRefusesInvalidUnicode(t *testing.T) {
	const msg = "string is not valid UTF-8 (or holds an unpaired surrogate escape)"
	for _, tc := range []struct{ doc, want string }{
		{"{\"id\": \"a\xffb\"}", "/id: " + msg},
		{"{\"data\": [{\"id\": \"\xc3\"}]}", "/data/0/id: " + msg},
		{`{"id": "\ud800"}`, "/id: " + msg},
		{`{"id": "\udc00\ud800"}`, "/id: " + msg},
		{`{"id": "x\ud83dy"}`, "/id: " + msg},
		{`["\ud83d\u0041"]`, "/0: " + msg},
		{"{\"k\xff\": 1}", "/k\uFFFD: member name is not valid UTF-8 (or holds an unpaired surrogate escape)"},
	} {
		doc, ps := ParseJSON([]byte(tc.doc))
		assert.Nil(t, doc, tc.doc)
		assert.Equal(t, p(tc.want), ps, tc.doc)
	}
	// A real U+FFFD, written or escaped, and surrogate pairs are fine.
	doc, ps := ParseJSON([]byte(`{"a": "\ufffd�", "b": "\ud83d\ude00", "c": "\\ud800"}`))
	assert.Nil(t, ps)
	assert.Equal(t, map[string]any{"a": "\uFFFD\uFFFD", "b": "😀", "c": `\ud800`}, doc)
}

// TestParseDecodesAsJsonschema: the documents Parse gives are those
// jsonschema.UnmarshalJSON gives.
func TestParseDecodesAsJsonschema(t *testing.T) {
	for _, name := range []string{"request/delete-full.json", "request/opt_in-full.json", "decision/delete.json"} {
		b := fixture(t, name)
		want, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		require.NoError(t, err)
		got, ps := ParseJSON(b)
		require.Nil(t, ps)
		assert.Equal(t, want, got, name)
	}
	for _, s := range []string{`"x"`, `1.5e3`, `null`, `true`, `[]`, `{}`, `[[], {}, [1, [2]]]`, ` {"a": {"b": [null, false]}} `} {
		want, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
		require.NoError(t, err)
		got, ps := ParseJSON([]byte(s))
		require.Nil(t, ps, s)
		assert.Equal(t, want, got, s)
	}
}

func TestParseLimits(t *testing.T) {
	names := LimitNames{
		Bytes: "Bytes", StringBytes: "StringBytes", Depth: "Depth", DataItems: "DataItems", Exceptions: "Exceptions",
		Recipients: "Recipients", Steps: "Steps", Disclosures: "Disclosures", OtherItems: "OtherItems",
	}
	lim := Limits{Bytes: 400, StringBytes: 25, Depth: 5, DataItems: 2, Exceptions: 1, Recipients: 1, Steps: 1, Disclosures: 1, OtherItems: 3}
	ok := `{"data": [{"id": "a", "exceptions": [{"basis": "b"}], "attributes": {"x": [1, 2, 3]}}, {"id": "b"}],
		"recipients": [{}], "steps": [{}], "disclosures_since_receipt": [{}], "scope": [1, 2, 3]}`
	_, ps := Parse([]byte(ok), lim, names)
	assert.Nil(t, ps)

	_, ps = Parse([]byte(ok+strings.Repeat(" ", 400)), lim, names)
	assert.Equal(t, p(fmt.Sprintf(": the document is %d bytes; the limit is 400 (Bytes)", len(ok)+400)), ps)

	_, ps = Parse([]byte(`{"data": [{"id": "a", "exceptions": [{}, {}], "attributes": {"x": [1, 2, 3, 4], "y": {"z": []}}}, {}, {}],
		"recipients": [{}, {}], "steps": [{}, {}], "disclosures_since_receipt": [{}, {}], "scope": [1, 2, 3, 4],
		"id": "01234567890123456789012345", "01234567890123456789012345": true}`), lim, names)
	assert.Equal(t, p(
		"/01234567890123456789012345: member name of 26 bytes; the limit is 25 (StringBytes)",
		"/data: 3 items; the limit is 2 (DataItems)",
		"/data/0/attributes/x: 4 items; the limit is 3 (OtherItems)",
		"/data/0/attributes/y/z: nested more than 5 levels deep (Depth)",
		"/data/0/exceptions: 2 items; the limit is 1 (Exceptions)",
		"/disclosures_since_receipt: 2 items; the limit is 1 (Disclosures)",
		"/id: string of 26 bytes; the limit is 25 (StringBytes)",
		"/recipients: 2 items; the limit is 1 (Recipients)",
		"/scope: 4 items; the limit is 3 (OtherItems)",
		"/steps: 2 items; the limit is 1 (Steps)",
	), ps)
}

// BenchmarkParse reads a 10,000-item request (about 1.6 MB).
func BenchmarkParse(b *testing.B) {
	var doc strings.Builder
	doc.WriteString(`{"kind": "delete", "received_at": "2026-03-02", "data": [`)
	for i := range 10000 {
		if i > 0 {
			doc.WriteByte(',')
		}
		fmt.Fprintf(&doc, `{"id": "item-%d", "system": "crm", "system_type": "crm", "category": "contact", "source": "consumer",
			"exceptions": [{"basis": "legal_obligation", "until": "2030-01-01", "note": "tax"}], "attributes": {"order_status": "open", "n": %d}}`, i, i)
	}
	doc.WriteString(`]}`)
	src := []byte(doc.String())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ps := ParseJSON(src); ps != nil {
			b.Fatal(ps)
		}
	}
}
