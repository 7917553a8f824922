package schema

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dsrkit/dsrkit/calendar"
)

// invalid is a format's verdict: the phrase that completes "<value> ...".
type invalid string

func (e invalid) Error() string { return string(e) }

// formats are the formats the schemas use, asserted strictly: a date or an
// instant that passes is one time.Parse reads (time.DateOnly, time.RFC3339).
var formats = []struct {
	name  string
	valid func(string) bool
	err   invalid
}{
	{"date", isDate, "is not a valid date"},
	{"date-time", isInstant, "is not a valid instant (RFC 3339 with an offset)"},
	{"supported-date", isDate, "is not a valid date"},
	{"jurisdiction", isJurisdiction, "is not a known jurisdiction"},
	{"iana-zone", isZone, "is not an IANA time zone"},
	{"calendar", isCalendar, "is not a known business-day calendar (US, US-CA, US-VA, US-CO, US-CT, US-UT, weekends, an EU/EEA country code, or common(A,B,...) of two or more of those)"},
}

func registerFormats(c *jsonschema.Compiler) {
	for _, f := range formats {
		c.RegisterFormat(&jsonschema.Format{Name: f.name, Validate: func(v any) error {
			s, ok := v.(string)
			if !ok {
				return nil // the type keyword judges non-strings
			}
			if !f.valid(s) {
				return f.err
			}
			if (f.name == "date-time" || f.name == "supported-date") && !inRange(s) {
				return outOfRange
			}
			return nil
		}})
	}
}

// FirstYear and LastYear bound the years of the instants a request holds
// (received_at, as_of, events, steps, …), and of received_at written as a
// date: the years of calendar's business-day calendars (calendar.MinYear to
// calendar.MaxYear), less the last one, so that every deadline a request
// starts (at most a few months after it) is still one the calendars can
// count. Other dates (birth_date, an exception's until) may be any date
// from 0001-01-01 to 9999-12-31.
const FirstYear, LastYear = calendar.MinYear, calendar.MaxYear - 1

var (
	firstDate = strconv.Itoa(FirstYear) + "-01-01"
	lastDate  = strconv.Itoa(LastYear) + "-12-31"
)

// SupportedDates returns the first and the last date of the supported range.
func SupportedDates() (first, last string) { return firstDate, lastDate }

var outOfRange = invalid(fmt.Sprintf("is outside the supported dates, %s to %s", firstDate, lastDate))

// inRange reports whether the date a valid date or instant is written on
// lies from firstDate to lastDate.
func inRange(s string) bool {
	d := s[:10] // YYYY-MM-DD: the formats accept four-digit years only
	return firstDate <= d && d <= lastDate
}

// isDate reports whether s is a real calendar date written YYYY-MM-DD.
func isDate(s string) bool {
	_, err := calendar.Parse(s)
	return err == nil
}

// isCalendar reports whether s names one of the calendar package's
// business-day calendars.
func isCalendar(s string) bool {
	_, err := calendar.Lookup(s)
	return err == nil
}

// instantShape is RFC 3339's date-time with an upper-case T and Z and an
// offset within ±23:59; time.Parse alone accepts single-digit hours, comma
// fractions and offsets such as +24:00, and checks the ranges of the rest.
var instantShape = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$`)

// isInstant reports whether s is an RFC 3339 date-time with an offset.
func isInstant(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil && instantShape.MatchString(s)
}

// isJurisdiction reports whether s is an ISO 3166-2 code of a US state,
// DC or territory, or an officially assigned ISO 3166-1 alpha-2 code.
func isJurisdiction(s string) bool {
	if sub, ok := strings.CutPrefix(s, "US-"); ok {
		return usSubdivisions[sub]
	}
	return countries[s]
}

// isZone reports whether s names a time zone of the IANA database compiled
// into dsrkit (calendar.LoadZone): never the host's zoneinfo, never "Local",
// "localtime", "posixrules", "Factory", "right/…" or "posix/…".
func isZone(s string) bool {
	_, err := calendar.LoadZone(s)
	return err == nil
}

var (
	usSubdivisions = set(`
		AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO
		MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY
		DC AS GU MP PR UM VI`)

	// countries are the 249 officially assigned ISO 3166-1 alpha-2 codes.
	countries = set(`
		AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
		BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
		CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
		DE DJ DK DM DO DZ
		EC EE EG EH ER ES ET
		FI FJ FK FM FO FR
		GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
		HK HM HN HR HT HU
		ID IE IL IM IN IO IQ IR IS IT
		JE JM JO JP
		KE KG KH KI KM KN KP KR KW KY KZ
		LA LB LC LI LK LR LS LT LU LV LY
		MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
		NA NC NE NF NG NI NL NO NP NR NU NZ
		OM
		PA PE PF PG PH PK PL PM PN PR PS PT PW PY
		QA
		RE RO RS RU RW
		SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
		TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
		UA UG UM US UY UZ
		VA VC VE VG VI VN VU
		WF WS
		YE YT
		ZA ZM ZW`)
)

func set(codes string) map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(codes) {
		m[c] = true
	}
	return m
}
