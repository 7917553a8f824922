package main

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/dsrkit/dsrkit/calendar"
	"github.com/dsrkit/dsrkit/deletion"
	"github.com/dsrkit/dsrkit/policy"
)

// explained is the part of any decision that explain shows.
type explained struct {
	policy.Envelope
	// delete
	Deadlines    *deletion.Deadlines            `json:"deadlines"`
	Verification *deletion.VerificationDecision `json:"verification"`
	Items        []deletion.ItemDecision        `json:"items"`
	Directives   []deletion.Directive           `json:"directives"`
	Plan         []deletion.PlanStep            `json:"plan"`
	Record       *deletion.Record               `json:"record"`
	// opt_out, opt_in, solicit_opt_in
	ComplyBy               *string `json:"comply_by"`
	Earliest               *string `json:"earliest"`
	Scope                  []string
	ThirdPartyInstructions []struct{ Recipient, At, Reason, Citation string } `json:"third_party_instructions"`
	SignalHonored          *bool                                              `json:"signal_honored"`
	SignalCovers           []string                                           `json:"signal_covers"`
	Valid                  *bool
	Allowed                *bool
}

// requestFacts is what explain takes from the request to name things the
// decision only identifies: the system an item lives in, a recipient's name.
type requestFacts struct {
	Data       []deletion.Item      `json:"data"`
	Recipients []deletion.Recipient `json:"recipients"`
}

// render writes a decision for a person: the laws, each law's calendar and
// deadlines with the binding one, the timeline of dates with the arithmetic
// and the law behind each, then the outcome, and for a delete the
// verification, each item, the directives to recipients and the plan;
// finally reasons, notices and escalations.
func render(w io.Writer, decision []byte) error {
	return renderRequest(w, decision, nil)
}

// renderRequest is render with the request the decision answers: items are
// shown with their system (and its type and data category), directives with
// the recipient's name. A request that cannot be read adds nothing.
func renderRequest(w io.Writer, decision, request []byte) error {
	var d explained
	if err := json.Unmarshal(decision, &d); err != nil {
		return err
	}
	var facts requestFacts
	if len(request) > 0 {
		if json.Unmarshal(request, &facts) != nil {
			facts = requestFacts{}
		}
	}
	isDelete := d.Kind == policy.KindDelete

	var b strings.Builder
	fmt.Fprintf(&b, "Request %s (%s)", orDash(d.RequestID), d.Kind)
	if d.ReceivedOn != nil {
		fmt.Fprintf(&b, ", received %s", d.ReceivedOn)
	}
	fmt.Fprintf(&b, ", as of %s\n", orDash(d.AsOf))
	fmt.Fprintf(&b, "Policy %s (%s)\n", d.Policy.Revision, d.Policy.Digest)

	b.WriteString("\nLaws\n")
	for _, l := range d.Laws {
		verdict := "does not apply"
		if l.Applies {
			verdict = "applies"
		}
		fmt.Fprintf(&b, "  %s %s (%s)\n", l.Law, verdict, l.Citation)
		for _, r := range l.Reasons {
			fmt.Fprintf(&b, "    - %s\n", reasonLine(r))
		}
	}

	writeCalendars(&b, d)
	if isDelete && d.Deadlines != nil {
		writeDeadlines(&b, d.Deadlines)
	}

	if len(d.Timeline) > 0 {
		b.WriteString("\nTimeline\n")
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		for _, s := range d.Timeline {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t[%s]\n", dateOr(s.Date, "no fixed date"), s.Name, s.Law, s.Computation, s.Citation)
		}
		tw.Flush()
	}

	fmt.Fprintf(&b, "\nOutcome: %s\n", d.Outcome)
	switch {
	case d.ComplyBy != nil:
		fmt.Fprintf(&b, "Comply by %s\n", *d.ComplyBy)
	case d.Kind == policy.KindOptOut && d.Outcome == "comply":
		b.WriteString("Comply as soon as feasibly possible (no fixed date; see the outer bound above)\n")
	}
	if len(d.Scope) > 0 {
		fmt.Fprintf(&b, "Scope: %s\n", strings.Join(d.Scope, ", "))
	}
	if d.SignalHonored != nil && d.SignalCovers != nil {
		if *d.SignalHonored {
			fmt.Fprintf(&b, "Signal honoured: opts out %s\n", strings.Join(d.SignalCovers, ", "))
		} else {
			b.WriteString("Signal honoured: no law that applies requires it\n")
		}
	}
	if d.Valid != nil {
		fmt.Fprintf(&b, "Valid: %s\n", yesNo(*d.Valid))
	}
	if d.Allowed != nil {
		fmt.Fprintf(&b, "Allowed now: %s\n", yesNo(*d.Allowed))
	}
	if d.Earliest != nil {
		fmt.Fprintf(&b, "Earliest: %s\n", *d.Earliest)
	}
	if isDelete {
		if d.Verification != nil {
			writeVerification(&b, d.Verification, d.Reasons)
		}
		writeItems(&b, d.Items, facts.Data)
		writeDirectives(&b, d.Directives, facts.Recipients)
		writePlan(&b, d.Plan)
		if d.Record != nil {
			fmt.Fprintf(&b, "\nRecord of the request: keep until %s [%s]\n", d.Record.RetainUntil, d.Record.Citation)
		}
	}
	section(&b, "Instruct third parties", len(d.ThirdPartyInstructions), func(i int) string {
		t := d.ThirdPartyInstructions[i]
		return fmt.Sprintf("%s (received it %s): %s [%s]", t.Recipient, t.At, t.Reason, t.Citation)
	})
	section(&b, "Reasons", len(d.Reasons), func(i int) string { return reasonLine(d.Reasons[i]) })
	section(&b, "Notices", len(d.Notices), func(i int) string {
		n := d.Notices[i]
		s := n.Code
		if n.Law != "" {
			s += " (" + n.Law + ")"
		}
		if n.Due != nil {
			s += ", due " + n.Due.String()
		}
		if n.Text != "" {
			s += ": " + n.Text
		}
		if n.Citation != "" {
			s += " [" + n.Citation + "]"
		}
		return s + ruleText(n.RuleRef, "")
	})
	section(&b, "Escalations", len(d.Escalations), func(i int) string {
		e := d.Escalations[i]
		return fmt.Sprintf("level %d to %s: %s — %s%s", e.Level, e.To, e.Trigger, e.Reason, ruleText(e.RuleRef, ""))
	})
	_, err := io.WriteString(w, b.String())
	return err
}

// onCalendar finds the calendar a timeline computation names.
var onCalendar = regexp.MustCompile(`\bon calendar (\S+)`)

// writeCalendars lists, per law, the business-day calendar its periods were
// counted on: a delete's deadlines.by_law says it; otherwise (and for a law
// by_law leaves out) the timeline's computations name it.
func writeCalendars(b *strings.Builder, d explained) {
	var laws []string
	cals := map[string][]string{}
	add := func(law, cal string) {
		if law == "" || cal == "" {
			return
		}
		if _, seen := cals[law]; !seen {
			laws = append(laws, law)
		}
		if !slices.Contains(cals[law], cal) {
			cals[law] = append(cals[law], cal)
		}
	}
	if d.Deadlines != nil {
		for _, law := range sortedLaws(d.Deadlines.ByLaw) {
			add(law, d.Deadlines.ByLaw[law].Calendar)
		}
	}
	for _, s := range d.Timeline {
		if m := onCalendar.FindStringSubmatch(s.Computation); m != nil {
			add(s.Law, m[1])
		}
	}
	if len(laws) == 0 {
		return
	}
	b.WriteString("\nCalendars (business days and holidays, per law)\n")
	tw := tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
	for _, law := range laws {
		fmt.Fprintf(tw, "  %s\t%s\n", law, strings.Join(cals[law], ", "))
	}
	tw.Flush()
}

// writeDeadlines shows each deadline's binding date, the law or laws whose
// own date it is, and every law's date.
func writeDeadlines(b *strings.Builder, dl *deletion.Deadlines) {
	laws := sortedLaws(dl.ByLaw)
	if len(laws) == 0 {
		b.WriteString("\nDeadlines: none\n")
		return
	}
	b.WriteString("\nDeadlines (the binding date is the one to meet; each law's own date beside it)\n")
	tw := tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "  deadline\tbinding\tset by\t%s\n", strings.Join(laws, "\t"))
	for _, row := range []struct {
		name    string
		binding *calendar.Date
		of      func(deletion.LawDeadlines) *calendar.Date
	}{
		{"acknowledge_by", dl.AcknowledgeBy, func(l deletion.LawDeadlines) *calendar.Date { return l.AcknowledgeBy }},
		{"respond_by", dl.RespondBy, func(l deletion.LawDeadlines) *calendar.Date { return l.RespondBy }},
		{"extension_notice_by", dl.ExtensionNoticeBy, func(l deletion.LawDeadlines) *calendar.Date { return l.ExtensionNoticeBy }},
		{"extended_respond_by", dl.ExtendedRespondBy, func(l deletion.LawDeadlines) *calendar.Date { return l.ExtendedRespondBy }},
	} {
		var setBy, dates []string
		for _, law := range laws {
			date := row.of(dl.ByLaw[law])
			dates = append(dates, dateOr(date, "none"))
			if date != nil && row.binding != nil && *date == *row.binding {
				setBy = append(setBy, law)
			}
		}
		by := strings.Join(setBy, ", ")
		switch {
		case row.binding == nil:
			by = "-"
		case by == "":
			by = "no law's own date"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", row.name, dateOr(row.binding, "none"), by, strings.Join(dates, "\t"))
	}
	tw.Flush()
}

// writeVerification shows the standard the identity must meet, what it
// takes, where it stands and what is still needed (the verification
// problems among the reasons).
func writeVerification(b *strings.Builder, v *deletion.VerificationDecision, reasons []policy.Reason) {
	b.WriteString("\nVerification\n")
	var needed []string
	for _, r := range reasons {
		if r.Rule == "data.dsrkit.verification.problems" {
			needed = append(needed, reasonLine(r))
		}
	}
	if len(needed) == 0 {
		needed = []string{"nothing"}
	}
	rows := [][2]string{
		{"standard", v.Standard},
		{"data points", fmt.Sprintf("%d required", v.RequiredDataPoints)},
		{"signed declaration", required(v.SignedDeclarationRequired)},
		{"re-authentication", required(v.ReauthenticationRequired)},
		{"status", v.Status},
	}
	for i, n := range needed {
		label := ""
		if i == 0 {
			label = "still needed"
		}
		rows = append(rows, [2]string{label, n})
	}
	if v.InfoResponseDue != nil {
		rows = append(rows, [2]string{"info response due", v.InfoResponseDue.String()})
	}
	writeRows(b, "  ", 0, rows)
}

// writeItems shows what to do with each data item: action and method, then
// the system it lives in, the exception that keeps it, until when and for
// what it may still be used, and the reasons.
func writeItems(b *strings.Builder, items []deletion.ItemDecision, data []deletion.Item) {
	if len(items) == 0 {
		b.WriteString("\nItems: none\n")
		return
	}
	fmt.Fprintf(b, "\nItems (%d)\n", len(items))
	idW, actW := 0, 0
	for _, it := range items {
		idW, actW = max(idW, len(it.ID)), max(actW, len(it.Action))
	}
	indent := "  " + strings.Repeat(" ", idW+2)
	details := make([][][2]string, len(items))
	labelW := 0
	for n, it := range items {
		var rows [][2]string
		if i := slices.IndexFunc(data, func(x deletion.Item) bool { return x.ID == it.ID }); i >= 0 {
			if s := systemLine(data[i]); s != "" {
				rows = append(rows, [2]string{"system", s})
			}
		}
		if e := it.Exception; e != nil {
			rows = append(rows, [2]string{"exception", fmt.Sprintf("%s under %s [%s]", e.Basis, e.Law, e.Citation)})
		}
		if it.RetainUntil != nil {
			rows = append(rows, [2]string{"retain until", it.RetainUntil.String()})
		}
		if len(it.UseLimitedTo) > 0 {
			rows = append(rows, [2]string{"use only for", strings.Join(it.UseLimitedTo, ", ")})
		}
		for i, r := range it.Reasons {
			label := ""
			if i == 0 {
				label = "why"
			}
			rows = append(rows, [2]string{label, reasonLine(r)})
		}
		for _, r := range rows {
			labelW = max(labelW, len(r[0]))
		}
		details[n] = rows
	}
	for n, it := range items {
		fmt.Fprintf(b, "  %-*s  %-*s  %s\n", idW, it.ID, actW, it.Action, it.Method)
		writeRows(b, indent, labelW, details[n])
	}
}

func systemLine(x deletion.Item) string {
	var s string
	switch {
	case x.System != "" && x.SystemType != "":
		s = x.System + " (" + x.SystemType + ")"
	case x.System != "":
		s = x.System
	default:
		s = x.SystemType
	}
	if x.Category != "" {
		if s != "" {
			s += ", "
		}
		s += "category " + x.Category
	}
	return s
}

// writeDirectives shows each deletion directive to a recipient.
func writeDirectives(b *strings.Builder, ds []deletion.Directive, recipients []deletion.Recipient) {
	if len(ds) == 0 {
		b.WriteString("\nDirectives to recipients: none\n")
		return
	}
	b.WriteString("\nDirectives to recipients\n")
	tw := tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "  recipient\trole\taction\tconfirm by\tfollow up\toverdue\n")
	for _, d := range ds {
		name := d.Recipient
		if i := slices.IndexFunc(recipients, func(r deletion.Recipient) bool { return r.ID == d.Recipient }); i >= 0 && recipients[i].Name != "" {
			name += " (" + recipients[i].Name + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", name, d.Role, d.Action, d.ConfirmBy, dateOr(d.FollowUpDue, "-"), yesNo(d.Overdue))
	}
	tw.Flush()
}

// writePlan shows the procedure's steps with their due dates, whether the
// date is the law's or an internal target, and what is done.
func writePlan(b *strings.Builder, plan []deletion.PlanStep) {
	if len(plan) == 0 {
		return
	}
	b.WriteString("\nPlan\n")
	tw := tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "  step\tdue\tdate set by\tdone\n")
	for _, p := range plan {
		by := "internal target"
		if p.Statutory {
			by = "law"
		}
		done := "open"
		if p.DoneAt != "" {
			done = p.DoneAt
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", p.Step, p.Due, by, done)
	}
	tw.Flush()
}

// writeRows writes label/value rows with the values aligned, the labels at
// least w wide.
func writeRows(b *strings.Builder, indent string, w int, rows [][2]string) {
	for _, r := range rows {
		w = max(w, len(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(b, "%s%-*s  %s\n", indent, w, r[0], r[1])
	}
}

func sortedLaws(m map[string]deletion.LawDeadlines) []string {
	laws := make([]string, 0, len(m))
	for law := range m {
		laws = append(laws, law)
	}
	slices.Sort(laws)
	return laws
}

func section(b *strings.Builder, title string, n int, line func(int) string) {
	if n == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s\n", title)
	for i := range n {
		fmt.Fprintf(b, "  - %s\n", line(i))
	}
}

func reasonLine(r policy.Reason) string {
	s := r.Code + ": " + r.Message
	if r.Citation != "" {
		s += " [" + r.Citation + "]"
	}
	return s + ruleText(r.RuleRef, r.Rule)
}

// ruleText names the rule definition that gave a line, for the reader to
// open: " (id at file:line)", or the rule's path when the policy gave no
// id (then nothing when it gave no path either).
func ruleText(ref policy.RuleRef, rule string) string {
	switch {
	case ref.RuleID != "" && ref.Position != "":
		return " (" + ref.RuleID + " at " + ref.Position + ")"
	case ref.RuleID != "":
		return " (" + ref.RuleID + ")"
	case rule != "":
		return " (" + rule + ")"
	}
	return ""
}

func dateOr(d *calendar.Date, none string) string {
	if d == nil {
		return none
	}
	return d.String()
}

func required(b bool) string {
	if b {
		return "required"
	}
	return "not required"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
