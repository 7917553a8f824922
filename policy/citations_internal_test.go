package policy

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// BenchmarkServedCitations: the run-time citation check on a delete
// decision with items (one walk of the decoded decision).
func BenchmarkServedCitations(b *testing.B) {
	raw, err := os.ReadFile("../testdata/cases/ccpa-partial-tax-record-and-backup/decision.json")
	if err != nil {
		b.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(raw, &d); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := checkServedCitations(d); err != nil {
			b.Fatal(err)
		}
	}
}

// Every element that carries a citation in the decision schema is checked,
// at any depth, and named by its JSON pointer.
func TestServedCitationsNameEachUncitedElement(t *testing.T) {
	var d map[string]any
	err := json.Unmarshal([]byte(`{
	 "laws": [{"law": "CCPA", "citation": "", "reasons": [{"code": "a", "rule": "data.x.a", "citation": "ok"}, {"code": "b", "rule": "data.x.b"}]}],
	 "reasons": [{"code": "c", "citation": "  "}],
	 "items": [{"id": "i", "exception": {"basis": "x"}, "reasons": [{"code": "d", "citation": 7}]}],
	 "notices": [{"code": "n"}], "timeline": [{"name": "t", "citation": "ok"}, {"name": "u"}],
	 "third_party_instructions": [{"recipient": "r"}], "record": {"retain_until": "2029-01-01"},
	 "escalations": [{"trigger": "x", "reason": "no citation field"}], "a~/b": {"reasons": [{}]}}`), &d)
	if err != nil {
		t.Fatal(err)
	}
	err = checkServedCitations(d)
	pe, ok := err.(*PolicyError)
	if !ok {
		t.Fatalf("got %T %v", err, err)
	}
	want := []string{
		"the decision's /a~0~1b/reasons/0 has no citation",
		"the decision's /items/0/exception has no citation",
		"the decision's /items/0/reasons/0 has no citation",
		"the decision's /laws/0 has no citation",
		"the decision's /laws/0/reasons/1 (rule data.x.b) has no citation",
		"the decision's /notices/0 has no citation",
		"the decision's /reasons/0 has no citation",
		"the decision's /record has no citation",
		"the decision's /third_party_instructions/0 has no citation",
		"the decision's /timeline/1 has no citation",
	}
	if strings.Join(pe.Messages, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(pe.Messages, "\n"), strings.Join(want, "\n"))
	}

	many := map[string]any{"reasons": make([]any, 12)}
	pe = checkServedCitations(many).(*PolicyError)
	if len(pe.Messages) != maxUncited+1 || pe.Messages[maxUncited] != "and 2 more without a citation" {
		t.Fatalf("not capped: %q", pe.Messages)
	}
	if err := checkServedCitations(map[string]any{"reasons": []any{}, "laws": []any{}}); err != nil {
		t.Fatal(err)
	}
}
