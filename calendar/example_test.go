package calendar_test

import (
	"fmt"

	"github.com/dsrkit/dsrkit/calendar"
)

// A request time-stamped in UTC is received on the business's local date.
func ExampleReceiptDate() {
	received, err := calendar.ReceiptDate("2026-03-09T06:30:00Z", "America/Los_Angeles")
	if err != nil {
		panic(err)
	}
	fmt.Println(calendar.Format(received))

	own, _ := calendar.ReceiptDate("2026-03-09T06:30:00Z", "") // the written offset
	fmt.Println(calendar.Format(own))
	// Output:
	// 2026-03-08
	// 2026-03-09
}

// CCPA acknowledgement: 10 business days after receipt, on the federal
// calendar. Thanksgiving (26 November 2026) is skipped.
func ExampleCalendar_AddBusinessDays() {
	us, err := calendar.Lookup("US")
	if err != nil {
		panic(err)
	}
	received, _ := calendar.Parse("2026-11-23")
	due, err := us.AddBusinessDays(received, 10)
	if err != nil {
		panic(err)
	}
	fmt.Println(calendar.Format(due))
	// Output: 2026-12-08
}

// GDPR Art. 12(3): one month, extendable to three, counted from receipt
// under Regulation 1182/71.
func ExampleCalendar_AddMonthsEU() {
	de, _ := calendar.Lookup("DE")
	received, _ := calendar.Parse("2026-01-31")

	first, _ := de.AddMonthsEU(received, 1)    // 28 Feb is a Saturday
	extended, _ := de.AddMonthsEU(received, 3) // from receipt, not from 2 March
	fmt.Println(calendar.Format(calendar.AddMonths(received, 1)))
	fmt.Println(calendar.Format(first))
	fmt.Println(calendar.Format(extended))

	november, _ := calendar.Parse("2025-11-25")
	christmas, _ := de.AddMonthsEU(november, 1) // 25 and 26 Dec are holidays, then a weekend
	fmt.Println(calendar.Format(christmas))
	// Output:
	// 2026-02-28
	// 2026-03-02
	// 2026-04-30
	// 2025-12-29
}

// READINGS R4: the CCPA counts business days on the holidays common to the
// federal and the California calendars. Independence Day 2026 is a
// Saturday: the federal calendar closes Friday 3 July, California does not.
func ExampleLookup_common() {
	ccpa, err := calendar.Lookup("common(US,US-CA)")
	if err != nil {
		panic(err)
	}
	us, _ := calendar.Lookup("US")
	received, _ := calendar.Parse("2026-06-26")
	ack, _ := ccpa.AddBusinessDays(received, 10)
	late, _ := us.AddBusinessDays(received, 10)
	fmt.Println(ccpa.Name(), calendar.Format(ack))
	fmt.Println(us.Name(), calendar.Format(late))
	// Output:
	// common(US,US-CA) 2026-07-10
	// US 2026-07-13
}
