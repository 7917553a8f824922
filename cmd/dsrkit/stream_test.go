package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dsrkit/dsrkit/policy"
)

// deleteLine is a valid delete request on one line, with its id.
func deleteLine(id string) string {
	return `{"kind": "delete", "id": "` + id + `", "received_at": "2026-11-20", "as_of": "2026-11-20T00:00:00Z", "consumer": {"residence": "US-CA"}, "business": {}}`
}

// TestDecideJSONLStreams: the answer to line 1 is out while line 2 has not
// been written yet (stdin stays open).
func TestDecideJSONLStreams(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		code := run(context.Background(), []string{"decide", "--jsonl", "-"}, inR, outW, &stderr)
		outW.Close()
		done <- code
	}()
	go func() { _, _ = io.WriteString(inW, deleteLine("one")+"\n") }()

	out := bufio.NewReader(outR)
	first := make(chan string, 1)
	go func() {
		line, _ := out.ReadString('\n')
		first <- line
	}()
	select {
	case line := <-first:
		assert.Contains(t, line, `"request_id":"one"`)
	case <-time.After(2 * time.Minute):
		t.Fatal("no answer to line 1 while the input stays open")
	}

	_, err := io.WriteString(inW, "\n"+deleteLine("three")+"\n")
	require.NoError(t, err)
	require.NoError(t, inW.Close())
	rest, err := io.ReadAll(out)
	require.NoError(t, err)
	assert.Equal(t, exitOK, <-done, stderr.String())
	lines := strings.Split(strings.TrimSuffix(string(rest), "\n"), "\n")
	require.Len(t, lines, 1, "a blank line gives no output")
	assert.Contains(t, lines[0], `"request_id":"three"`)
}

// TestDecideJSONLLinesAndIDs: physical line numbers (blank lines count,
// without output), the request's id in error objects when the line is JSON
// with a string id, and the exit status of the worst line.
func TestDecideJSONLLinesAndIDs(t *testing.T) {
	in := strings.Join([]string{
		"",                                 // 1: blank
		deleteLine("ok-2"),                 // 2
		"   ",                              // 3: blank
		`{"kind": "erase", "id": "bad-4"}`, // 4: invalid, with its id
		`{"kind": "erase", "id": 5}`,       // 5: invalid, an id that is no string
		`{"kind": "delete", "id": "x"`,     // 6: not JSON
		"",                                 // 7: blank
		deleteLine("ok-8") + "\r",          // 8: CRLF
	}, "\n") + "\n"
	code, out, stderr := dsrkit(t, in, "decide", "--jsonl", "-")
	assert.Equal(t, exitInvalid, code)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 5, out)
	assert.Contains(t, lines[0], `"request_id":"ok-2"`)
	assert.Contains(t, lines[4], `"request_id":"ok-8"`)
	for i, want := range []struct {
		line int
		id   string
	}{{4, "bad-4"}, {5, ""}, {6, ""}} {
		var e lineError
		require.NoError(t, json.Unmarshal([]byte(lines[i+1]), &e), lines[i+1])
		assert.Equal(t, want.line, e.Line)
		assert.Equal(t, want.id, e.RequestID)
		assert.Equal(t, "invalid request", e.Error)
		assert.NotEmpty(t, e.Problems)
	}
	assert.Contains(t, lines[1], `{"pointer":"/kind","message":"\"erase\" is not one of delete, opt_out, opt_in, solicit_opt_in"}`)
	assert.Contains(t, stderr, `line 4 (id "bad-4"): invalid request: /kind:`)
	assert.Contains(t, stderr, "line 5: invalid request: /id: expected string, got number")
	assert.Contains(t, stderr, "line 6: invalid request:")

	// a flag's bad value is the flag's problem (exit 1), on every line
	code, out, _ = dsrkit(t, deleteLine("a")+"\n", "decide", "--jsonl", "--calendar", "Narnia", "-")
	assert.Equal(t, exitFailure, code)
	var e lineError
	require.NoError(t, json.Unmarshal([]byte(out), &e))
	assert.True(t, strings.HasPrefix(e.Error, `--calendar: "Narnia"`), e.Error)
	assert.Empty(t, e.Problems)
}

// TestDecideJSONLOverlongLine: a line over the limit is an error for that
// line only; the stream goes on.
func TestDecideJSONLOverlongLine(t *testing.T) {
	defer func(n int) { maxLine = n }(maxLine)
	maxLine = 1024
	long := `{"kind": "delete", "id": "long", "pad": "` + strings.Repeat("x", 200_000) + `"}`
	exact := deleteLine("exact")
	exact = exact[:len(exact)-1] + strings.Repeat(" ", maxLine-len(exact)) + "}"
	require.Len(t, exact, maxLine)
	in := deleteLine("one") + "\n" + long + "\n" + exact + "\n" + long // the last one without a line end
	code, out, stderr := dsrkit(t, in, "decide", "--jsonl", "-")
	assert.Equal(t, exitInvalid, code)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 4, out)
	assert.Contains(t, lines[0], `"request_id":"one"`)
	assert.Contains(t, lines[2], `"request_id":"exact"`, "a line of exactly the limit is read")
	for _, i := range []int{1, 3} {
		assert.Equal(t, fmt.Sprintf(`{"line":%d,"error":"invalid request","problems":[{"pointer":"","message":"the line is longer than 1024 bytes, the most --jsonl reads"}]}`, i+1), lines[i])
	}
	assert.Contains(t, stderr, "line 2: invalid request: the line is longer than 1024 bytes")
}

func TestReadLine(t *testing.T) {
	in := "ab\n" + strings.Repeat("y", 100) + "\nabcd\nabcde\n\nlast"
	br := bufio.NewReaderSize(strings.NewReader(in), 16) // smaller than the lines: they come in chunks
	type got struct {
		line    string
		tooLong bool
		err     error
	}
	var all []got
	for {
		line, tooLong, err := readLine(br, 4)
		all = append(all, got{string(line), tooLong, err})
		if err != nil {
			break
		}
	}
	assert.Equal(t, []got{{"ab", false, nil}, {"", true, nil}, {"abcd", false, nil}, {"", true, nil}, {"", false, nil}, {"last", false, io.EOF}}, all)
}

// TestDecideJSONLWindow: the reader stays at most a window of lines ahead
// of the output, whatever the input's length; run with -race.
func TestDecideJSONLWindow(t *testing.T) {
	eng, err := policy.New(context.Background())
	require.NoError(t, err)
	var in strings.Builder
	const n = 120
	for i := range n {
		if i%10 == 3 {
			in.WriteString(`{"kind": "erase", "id": "bad"}` + "\n")
			continue
		}
		in.WriteString(deleteLine(fmt.Sprint("r", i)) + "\n")
	}
	f := &decideFlags{timeout: defaultTimeout, jsonl: true}
	var out, stderr bytes.Buffer
	s := &streamer{eng: eng, f: f, workers: 2, window: 3, stderr: &stderr}
	err = s.run(context.Background(), strings.NewReader(in.String()), &out)
	var ee *exitError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, exitInvalid, ee.code)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, lines, n)
	for i, l := range lines {
		if i%10 == 3 {
			assert.Contains(t, l, fmt.Sprintf(`{"line":%d,"request_id":"bad","error":"invalid request"`, i+1))
		} else {
			assert.Contains(t, l, fmt.Sprintf(`"request_id":"r%d"`, i), "line %d in order", i+1)
		}
	}
	assert.LessOrEqual(t, s.maxAhead.Load(), int64(s.window+2), "lines read ahead of the output")
	assert.Equal(t, int64(n), s.written.Load())
	assert.Equal(t, int64(12), s.invalid.Load())
}

func TestDecideJSONLProgress(t *testing.T) {
	in := deleteLine("a") + "\n" + `{"kind": "erase"}` + "\n" + deleteLine("b") + "\n"
	code, out, stderr := dsrkit(t, in, "decide", "--jsonl", "--progress", "-")
	assert.Equal(t, exitInvalid, code)
	assert.Len(t, strings.Split(strings.TrimSuffix(out, "\n"), "\n"), 3)
	assert.Regexp(t, `\n3 answered \(1 invalid, 0 failed\), \d+/s, [0-9.]+m?s\n$`, "\n"+stderr)

	_, _, stderr = dsrkit(t, in, "decide", "--jsonl", "-")
	assert.NotContains(t, stderr, "answered", "off when standard error is not a terminal")
}
