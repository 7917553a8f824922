package calendar_test

import (
	"testing"

	"github.com/dsrkit/dsrkit/calendar"
)

var sinkDate calendar.Date

// CCPA opt-out: 15 business days on the federal calendar.
func BenchmarkAddBusinessDaysUS15(b *testing.B) {
	us := mustLookup(b, "US")
	start := d(b, "2026-11-20")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := us.AddBusinessDays(start+calendar.Date(i&255), 15)
		if err != nil {
			b.Fatal(err)
		}
		sinkDate = r
	}
}

// GDPR one month on the German calendar.
func BenchmarkAddMonthsEUDE(b *testing.B) {
	de := mustLookup(b, "DE")
	start := d(b, "2026-11-20")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := de.AddMonthsEU(start+calendar.Date(i&255), 1)
		if err != nil {
			b.Fatal(err)
		}
		sinkDate = r
	}
}

func BenchmarkLookup(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := calendar.Lookup("US-CA"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReceiptDate(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r, err := calendar.ReceiptDate("2026-03-09T06:30:00Z", "America/Los_Angeles")
		if err != nil {
			b.Fatal(err)
		}
		sinkDate = r
	}
}
