//go:build race

package calendar_test

// raceEnabled thins the exhaustive loops under the race detector, which is
// there to check concurrent use, not arithmetic.
const raceEnabled = true
