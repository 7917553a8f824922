// Package calendar computes statutory dates: receipt dates in a business's
// time zone, calendar-day and business-day periods on named holiday
// calendars, and month periods under Regulation (EEC, Euratom) No 1182/71.
//
// It implements the project's readings R1–R8 (shared/law/READINGS.md § 1):
//
//   - R1 ReceiptDate: an RFC 3339 instant's calendar date in the business's
//     IANA zone (or its own written offset); a bare date is that date.
//   - R2, R7 AddDays: receipt date + N calendar days, never rolled forward.
//   - R3, R4 Calendar.AddBusinessDays: the N-th business day after the
//     receipt date, Monday–Friday minus the calendar's observed holidays.
//   - R5, R6 Calendar.AddMonthsEU: same day-number N months later (or that
//     month's last day), rolled forward past Saturdays, Sundays and public
//     holidays; the GDPR extension is AddMonthsEU(receipt, 3).
//   - R8 AddMonths: month arithmetic that never overflows into the next
//     month (time.Time.AddDate does: 31 Jan + 1 month = 3 Mar).
//
// Calendars (see Names): "US" (5 U.S.C. § 6103 as observed), the state
// calendars "US-CA", "US-VA", "US-CO", "US-CT" and "US-UT", "weekends", and
// one per EU member state and EEA state by ISO 3166-1 code. Each is built
// once at package initialisation from declarative holiday tables into an
// immutable bit set over MinYear..MaxYear; a business-day query touching a
// date outside those years fails with ErrOutOfRange rather than guess.
// Where the law is unclear the tables follow the never-late reading: a day
// that may or may not be a holiday is treated as a business day, which can
// only make a deadline earlier.
//
// # Which days are holidays
//
// One principle for every calendar: a day is a holiday when the state's law
// makes it a public holiday or day of rest nationwide, on the day the law
// keeps it. A day that a national time-limits statute counts like a holiday
// only for the periods it governs is a business day, because the periods
// dsrkit computes are not that statute's (the GDPR's run under Regulation
// 1182/71, the US laws' under their own texts) and a day only one reading
// closes is not closed (never late). So the Netherlands' Good Friday
// (Algemene termijnenwet art. 3), Finland's Midsummer Eve and Christmas Eve
// (Act 150/1930 § 5) and Sweden's Midsummer Eve, Christmas Eve and New
// Year's Eve (Lag (1930:173) § 2) are business days. Likewise bridge days,
// half days, regional holidays and days off by collective agreement.
//
// Where the law moves a holiday (a US holiday on a Saturday kept the Friday
// before, a Bulgarian one on a rest day kept on the next working day,
// Labour Day moved by a Greek ministerial decision), the day it is kept is
// a holiday. The holiday's own day stays one too when it is a weekday,
// unless the law says the other day replaces it (Utah's Juneteenth, kept on
// the Monday of its week; Greece's 1 May in the years it was moved).
// One-off holidays enacted for a date (Latvia 2018, 2023) are listed.
//
// "common(A,B,...)" names the calendar of the holidays common to two or
// more of those calendars (READINGS R4: a weekday is a holiday only when
// every plausible calendar keeps it). A day is closed on it only when it is
// closed on every member, so a business-day period counted on it never ends
// later than on any member. The CCPA's default is "common(US,US-CA)": the
// Fridays the federal calendar closes for a Saturday holiday (3 July 2026,
// 24 December 2027) are business days on it, because California moves only
// Sunday holidays. Lookup resolves the form, so it is accepted wherever a
// calendar name is (requests, the engine's and the CLI's calendar option,
// the policy's built-ins, the playbook), and the decision names it.
//
// A policy may amend a calendar: Calendar.With returns a new, equally
// immutable calendar with holidays added and removed (a day appointed by a
// proclamation, a listed holiday the business does not keep); it keeps the
// calendar's name, so a decision still says which calendar it counted on.
//
// The package is pure: it never reads the host clock or the host time zone
// and is safe for concurrent use. It imports no other dsrkit package.
// Errors are typed: test them with errors.Is against ErrInvalidDate,
// ErrInvalidInstant, ErrUnknownZone, ErrUnknownCalendar and ErrOutOfRange,
// or errors.As with *Error to read the offending value.
package calendar
