package report

import (
	"bytes"
	"embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io"
	"sort"
	"strconv"
	"text/tabwriter"
	texttemplate "text/template"
)

// Format is an output format of Write.
type Format string

// The formats: a plain table for a terminal or an e-mail, CSV for a
// spreadsheet, JSON (the Report as is), and a self-contained HTML page with
// inline SVG charts (no script, no external asset).
const (
	Table Format = "table"
	CSV   Format = "csv"
	JSON  Format = "json"
	HTML  Format = "html"
)

// ErrFormat is the error (errors.Is) of an unknown Format.
var ErrFormat = errors.New("report: the format is table, csv, json or html")

//go:embed templates
var templates embed.FS

var funcs = map[string]any{
	"pct": func(v any) string {
		switch x := v.(type) {
		case *float64:
			return strconv.FormatFloat(*x*100, 'f', 1, 64) + " %"
		case float64:
			return strconv.FormatFloat(x*100, 'f', 0, 64) + " %"
		}
		return fmt.Sprint(v)
	},
	"num":   func(x *float64) string { return strconv.FormatFloat(*x, 'f', -1, 64) },
	"deref": func(b *bool) bool { return *b },
	"avgMet": func(r view) string {
		if r.Days.Mean == nil {
			return "n/a"
		}
		if *r.Days.Mean < r.Targets.AverageDaysBelow {
			return "met"
		}
		return "NOT met"
	},
}

var (
	tableTmpl = texttemplate.Must(texttemplate.New("table.tmpl").Funcs(funcs).ParseFS(templates, "templates/table.tmpl"))
	htmlTmpl  = htmltemplate.Must(htmltemplate.New("report.html.tmpl").Funcs(funcs).ParseFS(templates, "templates/report.html.tmpl"))
)

// view is what the templates see: the report, the kinds received (in a
// fixed order) and the charts.
type view struct {
	*Report
	Year      bool
	KindsSeen []string
	Charts    charts
}

// Write writes the report in the format.
func Write(w io.Writer, r *Report, p Period, f Format) error {
	v := view{Report: r, Year: p.Year, KindsSeen: kindsSeen(r)}
	switch f {
	case Table:
		var buf bytes.Buffer
		if err := tableTmpl.Execute(&buf, v); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
		if _, err := tw.Write(buf.Bytes()); err != nil {
			return err
		}
		return tw.Flush()
	case HTML:
		v.Charts = chartsOf(r, v.KindsSeen)
		return htmlTmpl.Execute(w, v)
	case JSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case CSV:
		return writeCSV(w, r)
	}
	return fmt.Errorf("%w: %q", ErrFormat, f)
}

// WriteCharts writes the charts of the HTML page as an HTML fragment for a
// host's own page: a <div class="dsrkit-charts"> of three <figure>s of
// inline SVG (no script, no external asset) — requests received by month
// and kind with their legend (class "chart-received"), the days to respond
// ("chart-days"), the share completed on time against the target
// ("chart-on-time"). The SVG text carries the class "axis" for the host's
// style sheet.
func WriteCharts(w io.Writer, r *Report) error {
	v := view{Report: r, KindsSeen: kindsSeen(r)}
	v.Charts = chartsOf(r, v.KindsSeen)
	if err := htmlTmpl.ExecuteTemplate(w, "charts", v); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// kindOrder is the order kinds are shown in.
var kindOrder = []string{"delete", "opt_out", "opt_in", "solicit_opt_in"}

func kindsSeen(r *Report) []string {
	var out []string
	for _, k := range kindOrder {
		if r.ByKind[k] > 0 {
			out = append(out, k)
		}
	}
	var other []string
	for k := range r.ByKind {
		if !contains(kindOrder, k) {
			other = append(other, k)
		}
	}
	sort.Strings(other)
	return append(out, other...)
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// writeCSV writes one metric a row: section, key, value.
func writeCSV(w io.Writer, r *Report) error {
	c := csv.NewWriter(w)
	row := func(section, key string, value any) {
		_ = c.Write([]string{section, key, csvValue(value)})
	}
	row("section", "key", "value")
	row("period", r.Period, r.From+".."+r.To)
	row("period", "as_of", r.AsOf)
	row("received", "total", r.Received)
	for _, k := range sortedKeys(r.ByKind) {
		row("received_by_kind", k, r.ByKind[k])
	}
	for _, k := range sortedKeys(r.ByLaw) {
		row("received_by_law", k, r.ByLaw[k])
	}
	for _, m := range r.Months {
		row("received_by_month", m.Month, m.Total)
		for _, k := range sortedKeys(m.ByKind) {
			row("received_by_month", m.Month+" "+k, m.ByKind[k])
		}
	}
	row("response", "tracked", r.Tracked)
	row("response", "responded", r.Responded)
	row("response", "mean_days", r.Days.Mean)
	row("response", "median_days", r.Days.Median)
	row("response", "on_time", r.OnTime.OnTime)
	row("response", "late", r.OnTime.Late)
	row("response", "on_time_share", r.OnTime.Share)
	row("response", "extended", r.Extended.Count)
	row("response", "extended_share", r.Extended.Share)
	for _, b := range r.Histogram {
		row("days_histogram", b.Label, b.Count)
	}
	row("denied", "in_whole", r.Denied.InWhole)
	row("denied", "in_part", r.Denied.InPart)
	for _, k := range sortedKeys(r.Denied.ByReason) {
		row("denied_by_reason", k, r.Denied.ByReason[k])
	}
	row("directives", "sent", r.Directive.Sent)
	row("directives", "confirmed", r.Directive.Confirmed)
	row("directives", "confirmation_rate", r.Directive.Rate)
	row("open", "total", len(r.Open))
	row("open", "at_risk", r.AtRisk)
	for _, o := range r.Open {
		status := "open"
		if o.Overdue {
			status = "overdue"
		} else if o.AtRisk {
			status = "at_risk"
		}
		row("open_request", o.RequestID, fmt.Sprintf("received %s; due %s; %d days; %s", o.ReceivedOn, o.Due, o.DaysOpen, status))
	}
	for _, x := range r.CCPA {
		row("ccpa", x.Kind+" received", x.Received)
		row("ccpa", x.Kind+" complied", x.Complied)
		row("ccpa", x.Kind+" denied", x.Denied)
		row("ccpa", x.Kind+" pending", x.Pending)
		row("ccpa", x.Kind+" median_days", x.Median)
		row("ccpa", x.Kind+" mean_days", x.Mean)
	}
	c.Flush()
	return c.Error()
}

func csvValue(v any) string {
	switch x := v.(type) {
	case *float64:
		if x == nil {
			return ""
		}
		return strconv.FormatFloat(*x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
