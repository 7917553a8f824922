package policy_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// readingID is one id of docs/readings.md: § N, § N(x), RN, DN or ON.
const readingID = `§ \d+(?:\([a-z]\))?|[RDO]\d+`

var (
	// readingAnchor is an id's definition in docs/readings.md.
	readingAnchor = regexp.MustCompile(`<a id="[a-z0-9]+"></a>(?:\*\*)?(` + readingID + `)`)
	// readingCite is a citation of readings: "dsrkit reading D2, D6",
	// "dsrkit reading O3–O5", "dsrkit readings § 1 and § 2".
	readingCite = regexp.MustCompile(`dsrkit readings? ((?:` + readingID + `)(?:(?:, | and |–)(?:` + readingID + `))*)`)
	readingSep  = regexp.MustCompile(`, | and |–`)
	readingNum  = regexp.MustCompile(`^([RDO])(\d+)$`)
)

// definedReadings returns the ids docs/readings.md defines.
func definedReadings(t *testing.T) map[string]bool {
	t.Helper()
	doc, err := os.ReadFile("../docs/readings.md")
	require.NoError(t, err)
	ids := map[string]bool{}
	for _, m := range readingAnchor.FindAllStringSubmatch(string(doc), -1) {
		ids[m[1]] = true
	}
	return ids
}

// citedReadings returns each id the text cites, a range such as "O3–O5"
// standing for every id in it.
func citedReadings(t *testing.T, text string) []string {
	t.Helper()
	var ids []string
	for _, m := range readingCite.FindAllStringSubmatch(text, -1) {
		parts := readingSep.Split(m[1], -1)
		seps := readingSep.FindAllString(m[1], -1)
		for i, p := range parts {
			ids = append(ids, p)
			if i < len(seps) && seps[i] == "–" {
				from, to := readingNum.FindStringSubmatch(p), readingNum.FindStringSubmatch(parts[i+1])
				require.True(t, from != nil && to != nil && from[1] == to[1], "range %q", m[0])
				a, _ := strconv.Atoi(from[2])
				b, _ := strconv.Atoi(to[2])
				for n := a + 1; n < b; n++ {
					ids = append(ids, from[1]+strconv.Itoa(n))
				}
			}
		}
	}
	return ids
}

func TestReadingCitationParsing(t *testing.T) {
	require.Equal(t, []string{"D2", "D6"}, citedReadings(t, `"citation": "dsrkit reading D2, D6; Cal. Code Regs. tit. 11, § 7022(f)(3)"`))
	require.Equal(t, []string{"O3", "O4", "O5"}, citedReadings(t, "# dsrkit reading O3–O5: when"))
	require.Equal(t, []string{"§ 1", "§ 2"}, citedReadings(t, "(dsrkit readings § 1 and § 2)"))
	require.Equal(t, []string{"§ 6(b)"}, citedReadings(t, "dsrkit reading § 6(b) and its \"never late\" principle"))
	require.Equal(t, []string{"§ 2", "R2", "R3", "R5"}, citedReadings(t, "(dsrkit reading § 2, R2, R3, R5)."))
	require.Equal(t, []string{"§ 3"}, citedReadings(t, "dsrkit reading § 3 (D1–D6) item"))
}

// TestReadingCitations: every reading the shipped policy, its examples in
// the legal guide and the golden decisions cite is defined, with an anchor,
// in docs/readings.md; nothing cites the project's unshipped notes.
func TestReadingCitations(t *testing.T) {
	defined := definedReadings(t)
	for _, id := range []string{"R1", "R8", "§ 2", "D1", "D10", "§ 4", "O1", "O5", "§ 6", "§ 6(a)", "§ 6(d)"} {
		require.True(t, defined[id], "docs/readings.md defines %s", id)
	}
	var files []string
	for _, root := range []string{"rego", "../testdata/cases", "../docs/examples"} {
		require.NoError(t, filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".patch")) {
				files = append(files, path)
			}
			return err
		}))
	}
	cited := map[string]bool{}
	for _, path := range files {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		require.False(t, strings.Contains(string(b), "READINGS "), "%s cites READINGS; cite \"dsrkit reading X\" (docs/readings.md)", path)
		for _, id := range citedReadings(t, string(b)) {
			require.True(t, defined[id], "%s cites dsrkit reading %s, which docs/readings.md does not define", path, id)
			cited[id] = true
		}
	}
	// The scan reaches the policy: these are cited today.
	for _, id := range []string{"R1", "§ 2", "D1", "D3", "O1", "§ 6(a)"} {
		require.True(t, cited[id], "no file cites dsrkit reading %s", id)
	}
	require.Greater(t, len(cited), 20, "cited: %v", slices.Sorted(func(yield func(string) bool) {
		for id := range cited {
			if !yield(id) {
				return
			}
		}
	}))
}
