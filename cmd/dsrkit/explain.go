package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dsrkit/dsrkit/policy"
)

// explained is the part of any decision that explain shows.
type explained struct {
	policy.Envelope
	Deadlines *struct {
		Calendar string `json:"calendar"`
	} `json:"deadlines"`
	ComplyBy               *string `json:"comply_by"`
	Earliest               *string `json:"earliest"`
	Scope                  []string
	ThirdPartyInstructions []struct{ Recipient, At, Reason, Citation string } `json:"third_party_instructions"`
	SignalHonored          *bool                                              `json:"signal_honored"`
	SignalCovers           []string                                           `json:"signal_covers"`
	Valid                  *bool
	Allowed                *bool
}

// render writes a decision for a person: the laws, the timeline of dates
// with the arithmetic and the law behind each, then the outcome, reasons,
// notices and escalations.
func render(w io.Writer, decision []byte) error {
	var d explained
	if err := json.Unmarshal(decision, &d); err != nil {
		return err
	}
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

	if len(d.Timeline) > 0 {
		b.WriteString("\nTimeline")
		if d.Deadlines != nil && d.Deadlines.Calendar != "" {
			fmt.Fprintf(&b, " (business days on calendar %s)", d.Deadlines.Calendar)
		}
		b.WriteString("\n")
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		for _, s := range d.Timeline {
			date := "no fixed date"
			if s.Date != nil {
				date = s.Date.String()
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t[%s]\n", date, s.Name, s.Law, s.Computation, s.Citation)
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
		return s
	})
	section(&b, "Escalations", len(d.Escalations), func(i int) string {
		e := d.Escalations[i]
		return fmt.Sprintf("level %d to %s: %s — %s", e.Level, e.To, e.Trigger, e.Reason)
	})
	_, err := io.WriteString(w, b.String())
	return err
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
	return s + " (" + r.Rule + ")"
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
