package calendar

import (
	"slices"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/at"
	"github.com/rickar/cal/v2/be"
	"github.com/rickar/cal/v2/bg"
	"github.com/rickar/cal/v2/cz"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/dk"
	"github.com/rickar/cal/v2/es"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gr"
	"github.com/rickar/cal/v2/hr"
	"github.com/rickar/cal/v2/ie"
	"github.com/rickar/cal/v2/it"
	"github.com/rickar/cal/v2/lt"
	"github.com/rickar/cal/v2/lv"
	"github.com/rickar/cal/v2/nl"
	"github.com/rickar/cal/v2/no"
	"github.com/rickar/cal/v2/pl"
	"github.com/rickar/cal/v2/ro"
	"github.com/rickar/cal/v2/se"
	"github.com/rickar/cal/v2/si"
	"github.com/rickar/cal/v2/sk"
)

// National public holidays of the EU member states and the EEA states, for
// periods under Regulation 1182/71 (public holidays "in the Member State",
// Art. 2(1)). Only nationwide public holidays are listed: regional holidays,
// bank-only holidays, half days and days off granted by collective
// agreement or annual decree are not, because counting them would make
// deadlines later (the never-late reading). Unless a country's law moves a
// holiday that falls on a weekend, it stays where it is.
//
// Twenty-one lists are rickar/cal/v2's national lists, checked against each
// country's law and corrected where noted; CY, EE, FI, HU, LU, MT, PT, IS
// and LI, which rickar/cal lacks, are written here.
func init() { registerAll(euCalendars()) }

func euCalendars() []calendarDef {
	return []calendarDef{
		{name: "AT", description: "Austrian public holidays (Arbeitsruhegesetz § 7(2))", holidays: at.Holidays},
		{name: "BE", description: "Belgian public holidays (Royal Decree of 18 April 1974)", holidays: be.Holidays},
		{
			// Labour Code Art. 154. Written here: rickar/cal moves 1 May to
			// Easter Tuesday whenever it is within two days of Good Friday,
			// before it too (2024), and models the Christmas transfers by
			// moving 26 December, which loses it on a Tuesday (2023).
			name: "BG", description: "Bulgarian official holidays (Labour Code Art. 154)",
			holidays: slices.Concat(bulgariaFixed, bulgariaEaster), transfer: bulgariaFixed,
		},
		{name: "CY", description: "Cypriot public holidays", holidays: cyprus},
		{name: "CZ", description: "Czech public holidays (Act No. 245/2000 Coll.)", holidays: cz.Holidays},
		{
			// The nine holidays common to every Land; Land-only holidays
			// (Epiphany, Corpus Christi, Reformation Day, ...) are regional.
			name: "DE", description: "German public holidays common to all Länder (Länder holiday acts; Unification Treaty Art. 2(2))", holidays: de.Holidays,
		},
		{
			// Constitution Day (5 June) is not a helligdag: a day off only
			// by collective agreement, like 1 May, 24 and 31 December.
			// rickar/cal ends Store Bededag with 2023 (abolished from 2024).
			name: "DK", description: "Danish public holidays (helligdage)", holidays: without(dk.Holidays, dk.Grundlovsdag),
		},
		{name: "EE", description: "Estonian public holidays (Public Holidays and Days of National Importance Act §§ 1–2)", holidays: estonia},
		{name: "ES", description: "Spanish national public holidays (Estatuto de los Trabajadores art. 37.2)", holidays: es.Holidays},
		{name: "FI", description: "Finnish public holidays", holidays: finland},
		{name: "FR", description: "French public holidays (Code du travail art. L3133-1)", holidays: fr.Holidays},
		{
			// rickar/cal names New Year's Day "Xristougenna" (Christmas): renamed.
			// 1 May is moved by a decision of the Minister of Labour for the
			// year when it falls in Holy Week or Easter week or on a Sunday:
			// in 2021 (Holy Saturday) to 4 May, in 2022 (Sunday) to 2 May, in
			// 2024 (Holy Wednesday) to 7 May, and 1 May is then a working day.
			// Moves not yet decided are not guessed: 1 May stays.
			name: "GR", description: "Greek public holidays",
			holidays: with(
				revise(gr.Holidays, map[*cal.Holiday]*cal.Holiday{
					gr.Protoxronia:        renamed("Πρωτοχρονιά", gr.Protoxronia),
					gr.ErgatikiProtomagia: except(gr.ErgatikiProtomagia, 2021, 2022, 2024),
				}),
				onDates(gr.ErgatikiProtomagia.Name, "2021-05-04", "2022-05-02", "2024-05-07"),
			),
		},
		{
			// Zakon o blagdanima, spomendanima i neradnim danima as amended
			// from 2020: 30 May and 18 November replaced 25 June and 8 October.
			// rickar/cal has only the 2020 list, so the change is dated here.
			name: "HR", description: "Croatian public holidays (Holidays, Memorial Days and Non-Working Days Act)",
			holidays: with(
				revise(hr.Holidays, map[*cal.Holiday]*cal.Holiday{
					hr.DanDrzavnosti:                     since(2020, hr.DanDrzavnosti),
					hr.DanSjecanjaNaZrtveDomovinskogRata: since(2020, hr.DanSjecanjaNaZrtveDomovinskogRata),
				}),
				until(2019, fixedDay("Dan državnosti", time.June, 25, nil)),
				until(2019, fixedDay("Dan neovisnosti", time.October, 8, nil)),
			),
		},
		{name: "HU", description: "Hungarian public holidays (Labour Code, Act I of 2012, § 102(1))", holidays: hungary},
		{
			// Organisation of Working Time Act 1997, Schedule 2 (as amended:
			// St Brigid's Day from 2023; 18 March 2022 once). A public holiday
			// on a weekend is not moved: the Act gives employees a benefit
			// (a day off within a month, extra leave or pay), not a
			// substitute public holiday. Good Friday is not a public holiday.
			name: "IE", description: "Irish public holidays (Organisation of Working Time Act 1997, Sch. 2)", holidays: ie.Holidays,
		},
		{
			// Legge 27 maggio 1949 n. 260, art. 2; 4 October (St Francis of
			// Assisi) is a national holiday again from 2026.
			name: "IT", description: "Italian public holidays (Legge 27 maggio 1949 n. 260)",
			holidays: with(it.Holidays, since(2026, fixedDay("San Francesco d'Assisi", time.October, 4, nil))),
		},
		{
			// Labour Code Art. 123. All Souls' Day (2 November) is a public
			// holiday from 2020; rickar/cal lists it for every year.
			name: "LT", description: "Lithuanian public holidays (Labour Code Art. 123)",
			holidays: revise(lt.Holidays, map[*cal.Holiday]*cal.Holiday{lt.AllSoulsDay: since(2020, lt.AllSoulsDay)}),
		},
		{name: "LU", description: "Luxembourg public holidays (Code du travail art. L.232-2)", holidays: luxembourg},
		{
			// 4 May and 18 November falling on a weekend give the next Monday
			// off (rickar/cal models this). One-off holidays enacted by the
			// Saeima as amendments of the Law: the closing days of the Song
			// and Dance Festivals (9 July 2018, 10 July 2023) and the day
			// after the national ice hockey team's bronze medal (29 May 2023).
			name: "LV", description: "Latvian public holidays (Law on Public Holidays, Remembrance Days and Celebration Days)",
			holidays: with(lv.Holidays,
				onDates("Dziesmu un deju svētku noslēguma diena", "2018-07-09", "2023-07-10"),
				onDates("Latvijas hokeja izlases bronzas medaļas izcīnīšanas diena", "2023-05-29"),
			),
		},
		{name: "MT", description: "Maltese national and public holidays (National Holidays and Other Public Holidays Act, Cap. 252)", holidays: malta},
		{
			// The generally recognised holidays. Good Friday counts only for
			// periods under the Algemene termijnenwet (art. 3), a
			// time-limits act: it is a business day here (package doc,
			// "Which days are holidays"). Days equated to holidays by royal
			// decree under that act (bridge days) are not listed either.
			name: "NL", description: "Dutch generally recognised holidays (Algemene termijnenwet art. 3; Good Friday excluded)",
			holidays: without(nl.Holidays, nl.GoedeVrijdag),
		},
		{
			// Christmas Eve (24 December) is a public holiday from 2025.
			// rickar/cal names 1 May "Święto Państwowe": renamed.
			name: "PL", description: "Polish public holidays (Act of 18 January 1951 on non-working days)",
			holidays: with(
				revise(pl.Holidays, map[*cal.Holiday]*cal.Holiday{pl.LabourDay: renamed("Święto Pracy", pl.LabourDay)}),
				since(2025, fixedDay("Wigilia Bożego Narodzenia", time.December, 24, nil)),
			),
		},
		{name: "PT", description: "Portuguese mandatory public holidays (Código do Trabalho art. 234)", holidays: portugal},
		{
			// Epiphany and St John the Baptist (6 and 7 January) are public
			// holidays from 2024 (Law 52/2023).
			name: "RO", description: "Romanian public holidays (Codul muncii art. 139)",
			holidays: with(ro.Holidays,
				since(2024, fixedDay("Bobotează", time.January, 6, nil)),
				since(2024, fixedDay("Sfântul Ioan Botezătorul", time.January, 7, nil)),
			),
		},
		{
			// Midsummer Eve, Christmas Eve and New Year's Eve are not allmänna
			// helgdagar (rickar/cal types them ObservanceOther).
			name: "SE", description: "Swedish public holidays (Lag (1989:253) om allmänna helgdagar)",
			holidays: without(se.Holidays, se.Midsommarafton, se.Julafton, se.Nyarsafton),
		},
		{name: "SI", description: "Slovenian public holidays and work-free days (Public Holidays and Work-Free Days Act)", holidays: si.Holidays},
		{
			// Act No. 241/1993 Coll. as amended by the consolidation acts:
			// Constitution Day (1 September) is no longer a day of rest from
			// 2024, 17 November from 2025; 8 May and 15 September are not days
			// of rest in 2026 only.
			name: "SK", description: "Slovak days of rest (Act No. 241/1993 Coll.)",
			holidays: revise(sk.Holidays, map[*cal.Holiday]*cal.Holiday{
				sk.Constitution:  until(2023, sk.Constitution),
				sk.Freedom:       until(2024, sk.Freedom),
				sk.Liberation:    except(sk.Liberation, 2026),
				sk.LadyOfSorrows: except(sk.LadyOfSorrows, 2026),
			}),
		},
		// EEA states.
		{name: "IS", description: "Icelandic public holidays (Act No. 88/1971 art. 6)", holidays: iceland},
		{name: "LI", description: "Liechtenstein public holidays (Arbeitsgesetz Art. 18(2))", holidays: liechtenstein},
		{name: "NO", description: "Norwegian public holidays (Helligdagsloven; Act on 1 and 17 May)", holidays: no.Holidays},
	}
}

// The lists below are written here because rickar/cal has no list for these
// countries. Sunday-only holidays are kept where the law lists them; they
// change no deadline.
var (
	// Cyprus: the holidays kept by the public service and private sector
	// alike. Christmas Eve and Easter Tuesday (public service and banks only)
	// are left out; Holy Saturday always falls on a Saturday. Orthodox Easter.
	cyprus = []*cal.Holiday{
		fixedDay("Πρωτοχρονιά", time.January, 1, nil),
		fixedDay("Θεοφάνια", time.January, 6, nil),
		orthodoxEaster("Καθαρά Δευτέρα", -48),
		fixedDay("Ελληνική Εθνική Εορτή", time.March, 25, nil),
		fixedDay("Εθνική Επέτειος της ΕΟΚΑ", time.April, 1, nil),
		orthodoxEaster("Μεγάλη Παρασκευή", -2),
		orthodoxEaster("Κυριακή του Πάσχα", 0),
		orthodoxEaster("Δευτέρα του Πάσχα", 1),
		fixedDay("Εργατική Πρωτομαγιά", time.May, 1, nil),
		orthodoxEaster("Αγίου Πνεύματος (Κατακλυσμός)", 50),
		fixedDay("Κοίμηση της Θεοτόκου", time.August, 15, nil),
		fixedDay("Ημέρα της Κυπριακής Ανεξαρτησίας", time.October, 1, nil),
		fixedDay("Επέτειος του Όχι", time.October, 28, nil),
		fixedDay("Χριστούγεννα", time.December, 25, nil),
		fixedDay("Δεύτερη μέρα των Χριστουγέννων", time.December, 26, nil),
	}

	// Bulgaria: Labour Code Art. 154(1), the official holidays. The fixed-date
	// ones falling on a Saturday or Sunday move to the next day that is
	// neither a rest day nor a holiday (Art. 154(2)); Easter (Good Friday,
	// Holy Saturday, Easter Sunday and Monday, Orthodox reckoning) is
	// excepted from the transfer. 1 November is a day off for schools only.
	bulgariaFixed = []*cal.Holiday{
		fixedDay(bg.NewYear.Name, time.January, 1, nil),
		fixedDay(bg.LiberationDay.Name, time.March, 3, nil),
		fixedDay(bg.LabourDay.Name, time.May, 1, nil),
		fixedDay(bg.StGeorgesDay.Name, time.May, 6, nil),
		fixedDay(bg.StCyrilAndMethodiusDay.Name, time.May, 24, nil),
		fixedDay(bg.UnificationDay.Name, time.September, 6, nil),
		fixedDay(bg.IndependenceDay.Name, time.September, 22, nil),
		fixedDay(bg.ChristmasEve.Name, time.December, 24, nil),
		fixedDay(bg.ChristmasDay.Name, time.December, 25, nil),
		fixedDay(bg.ChristmasDay.Name, time.December, 26, nil),
	}
	bulgariaEaster = []*cal.Holiday{
		orthodoxEaster(bg.OrthodoxGoodFriday.Name, -2),
		orthodoxEaster("Велика събота", -1),
		orthodoxEaster(bg.OrthodoxEasterMonday.Name, 0),
		orthodoxEaster(bg.OrthodoxEasterMonday.Name, 1),
	}

	// Estonia: Public Holidays and Days of National Importance Act § 1
	// (national day) and § 2 (public holidays), all days of rest.
	estonia = []*cal.Holiday{
		fixedDay("uusaasta", time.January, 1, nil),
		fixedDay("iseseisvuspäev", time.February, 24, nil),
		easter("suur reede", -2),
		easter("ülestõusmispühade 1. püha", 0),
		fixedDay("kevadpüha", time.May, 1, nil),
		easter("nelipühade 1. püha", 49),
		fixedDay("võidupüha", time.June, 23, nil),
		fixedDay("jaanipäev", time.June, 24, nil),
		fixedDay("taasiseseisvumispäev", time.August, 20, nil),
		fixedDay("jõululaupäev", time.December, 24, nil),
		fixedDay("esimene jõulupüha", time.December, 25, nil),
		fixedDay("teine jõulupüha", time.December, 26, nil),
	}

	// Finland: the official holidays. Midsummer Eve and Christmas Eve are
	// days off by the Annual Holidays Act and by agreement but not official
	// holidays; they are left out (the Act on the Calculation of Statutory
	// Time Limits treats them like holidays for Finnish statutory periods).
	finland = []*cal.Holiday{
		fixedDay("uudenvuodenpäivä", time.January, 1, nil),
		fixedDay("loppiainen", time.January, 6, nil),
		easter("pitkäperjantai", -2),
		easter("pääsiäispäivä", 0),
		easter("2. pääsiäispäivä", 1),
		fixedDay("vappu", time.May, 1, nil),
		easter("helatorstai", 39),
		easter("helluntaipäivä", 49),
		weekdayFrom("juhannuspäivä", time.June, 20, time.Saturday),
		weekdayFrom("pyhäinpäivä", time.October, 31, time.Saturday),
		fixedDay("itsenäisyyspäivä", time.December, 6, nil),
		fixedDay("joulupäivä", time.December, 25, nil),
		fixedDay("tapaninpäivä", time.December, 26, nil),
	}

	// Hungary: Labour Code § 102(1) (Good Friday from 2017). Bridge days set
	// by the annual decree, with a Saturday worked in exchange, are
	// rearranged working days, not public holidays: not listed.
	hungary = []*cal.Holiday{
		fixedDay("Újév", time.January, 1, nil),
		fixedDay("Nemzeti ünnep (március 15.)", time.March, 15, nil),
		easter("Nagypéntek", -2),
		easter("Húsvétvasárnap", 0),
		easter("Húsvéthétfő", 1),
		fixedDay("A munka ünnepe", time.May, 1, nil),
		easter("Pünkösdvasárnap", 49),
		easter("Pünkösdhétfő", 50),
		fixedDay("Az államalapítás ünnepe", time.August, 20, nil),
		fixedDay("Nemzeti ünnep (október 23.)", time.October, 23, nil),
		fixedDay("Mindenszentek", time.November, 1, nil),
		fixedDay("Karácsony", time.December, 25, nil),
		fixedDay("Karácsony másnapja", time.December, 26, nil),
	}

	// Luxembourg: Code du travail art. L.232-2 (Europe Day from 2019, law
	// of 25 April 2019). A holiday on a Sunday gives a compensatory day off
	// to each employee; the holiday itself does not move.
	luxembourg = []*cal.Holiday{
		fixedDay("Nouvel An", time.January, 1, nil),
		easter("Lundi de Pâques", 1),
		fixedDay("1er mai", time.May, 1, nil),
		since(2019, fixedDay("Journée de l'Europe", time.May, 9, nil)),
		easter("Ascension", 39),
		easter("Lundi de Pentecôte", 50),
		fixedDay("Fête nationale", time.June, 23, nil),
		fixedDay("Assomption", time.August, 15, nil),
		fixedDay("Toussaint", time.November, 1, nil),
		fixedDay("Noël", time.December, 25, nil),
		fixedDay("Deuxième jour de Noël", time.December, 26, nil),
	}

	// Malta: Cap. 252 arts. 2 and 5 and Schedule. Since 2005 a holiday on a
	// weekend is not moved (from 2021 employees get an extra day of leave
	// instead).
	malta = []*cal.Holiday{
		fixedDay("L-Ewwel tas-Sena", time.January, 1, nil),
		fixedDay("In-Nawfraġju ta' San Pawl", time.February, 10, nil),
		fixedDay("San Ġużepp", time.March, 19, nil),
		fixedDay("Jum il-Ħelsien", time.March, 31, nil),
		easter("Il-Ġimgħa l-Kbira", -2),
		fixedDay("Jum il-Ħaddiem", time.May, 1, nil),
		fixedDay("Sette Giugno", time.June, 7, nil),
		fixedDay("L-Imnarja", time.June, 29, nil),
		fixedDay("Santa Marija", time.August, 15, nil),
		fixedDay("Jum il-Vittorja", time.September, 8, nil),
		fixedDay("Jum l-Indipendenza", time.September, 21, nil),
		fixedDay("L-Immakulata Kunċizzjoni", time.December, 8, nil),
		fixedDay("Jum ir-Repubblika", time.December, 13, nil),
		fixedDay("Il-Milied", time.December, 25, nil),
	}

	// Portugal: Código do Trabalho art. 234(1) as restored by Lei 8/2016.
	// Carnival and municipal holidays are optional or local: not listed.
	portugal = []*cal.Holiday{
		fixedDay("Ano Novo", time.January, 1, nil),
		easter("Sexta-Feira Santa", -2),
		easter("Domingo de Páscoa", 0),
		fixedDay("Dia da Liberdade", time.April, 25, nil),
		fixedDay("Dia do Trabalhador", time.May, 1, nil),
		easter("Corpo de Deus", 60),
		fixedDay("Dia de Portugal", time.June, 10, nil),
		fixedDay("Assunção de Nossa Senhora", time.August, 15, nil),
		fixedDay("Implantação da República", time.October, 5, nil),
		fixedDay("Dia de Todos-os-Santos", time.November, 1, nil),
		fixedDay("Restauração da Independência", time.December, 1, nil),
		fixedDay("Imaculada Conceição", time.December, 8, nil),
		fixedDay("Natal", time.December, 25, nil),
	}

	// Iceland: Act No. 88/1971 art. 6. Christmas Eve and New Year's Eve are
	// holidays from 13:00 only: half days, not listed.
	iceland = []*cal.Holiday{
		fixedDay("Nýársdagur", time.January, 1, nil),
		easter("Skírdagur", -3),
		easter("Föstudagurinn langi", -2),
		easter("Páskadagur", 0),
		easter("Annar í páskum", 1),
		weekdayFrom("Sumardagurinn fyrsti", time.April, 19, time.Thursday),
		fixedDay("Verkalýðsdagurinn", time.May, 1, nil),
		easter("Uppstigningardagur", 39),
		easter("Hvítasunnudagur", 49),
		easter("Annar í hvítasunnu", 50),
		fixedDay("Þjóðhátíðardagurinn", time.June, 17, nil),
		nthWeekday("Frídagur verslunarmanna", time.August, time.Monday, 1),
		fixedDay("Jóladagur", time.December, 25, nil),
		fixedDay("Annar í jólum", time.December, 26, nil),
	}

	// Liechtenstein: Arbeitsgesetz Art. 18(2), the 13 statutory holidays.
	// Candlemas and St Joseph (collective agreements) and the bank holidays
	// (2 January, Shrove Tuesday, Good Friday, 24 and 31 December) are not
	// statutory: not listed.
	liechtenstein = []*cal.Holiday{
		fixedDay("Neujahr", time.January, 1, nil),
		fixedDay("Heilige Drei Könige", time.January, 6, nil),
		easter("Ostermontag", 1),
		fixedDay("Tag der Arbeit", time.May, 1, nil),
		easter("Auffahrt", 39),
		easter("Pfingstmontag", 50),
		easter("Fronleichnam", 60),
		fixedDay("Staatsfeiertag (Mariä Himmelfahrt)", time.August, 15, nil),
		fixedDay("Mariä Geburt", time.September, 8, nil),
		fixedDay("Allerheiligen", time.November, 1, nil),
		fixedDay("Mariä Empfängnis", time.December, 8, nil),
		fixedDay("Weihnachten", time.December, 25, nil),
		fixedDay("Stephanstag", time.December, 26, nil),
	}
)
