package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dsrkit/dsrkit/letters"
	"github.com/dsrkit/dsrkit/rules"
)

const renderDetails = `Renders the documents DECISION (a decision document, as decide prints it;
- for standard input) calls for (package letters): the acknowledgement,
the extension notice, the response (deletion confirmed, partial deletion
explained, denial), the appeal instructions, the GDPR supervisory-
authority notice and a deletion directive per recipient. Every legal
statement in them comes from the decision; the templates add courtesy
text, and the playbook's organisation section the organisation's details.

With --request, the request decided gives the data categories and the
recipients' names (it must be the request with the decision's
request_id). Without --out, the documents are printed on standard output,
each after a line "==> NAME <=="; with --out, each is written to
DIR/NAME.txt (or .html) and its path printed. Exit status: 0 rendered
(a decision that calls for no document renders none); 2 the decision or
request is not a valid document (each problem on stderr with its JSON
pointer); 1 anything else (templates or playbook that do not load, a
template that prints a value the decision does not have).`

type renderFlags struct {
	templates, playbook, format, out, request, consumerRef, date string
}

func renderFlagSet() (*flag.FlagSet, *renderFlags) {
	f := &renderFlags{}
	fs := newFlagSet("render")
	fs.StringVar(&f.templates, "templates", "", "a `directory` of templates (NAME.txt, NAME.html; default: the embedded ones)")
	fs.StringVar(&f.playbook, "playbook", "", "the organisation's playbook, a YAML or JSON `file` (its organisation section; default: the seed procedure's placeholders)")
	fs.StringVar(&f.format, "format", "text", "the documents' `format`: text or html")
	fs.StringVar(&f.out, "out", "", "write each document to a file in this `directory` (created if missing)")
	fs.StringVar(&f.request, "request", "", "the request `file` the decision is about")
	fs.StringVar(&f.consumerRef, "consumer-ref", "", "the consumer's anonymised `identifier` on directives (e.g. an audit.ConsumerHash; default: the request id)")
	fs.StringVar(&f.date, "date", "", "the documents' `date`, YYYY-MM-DD (default: the day the decision records each sent, else its as_of date)")
	return fs, f
}

func renderLetters(_ context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, f := renderFlagSet()
	pos, err := parseArgs("render", fs, args, stdout)
	if err != nil {
		if errors.Is(err, errHelped) {
			return nil
		}
		return err
	}
	if len(pos) != 1 {
		return usageError("render", "give one decision file (or - for standard input)")
	}
	var decision []byte
	if pos[0] == "-" {
		decision, err = io.ReadAll(stdin)
	} else {
		decision, err = os.ReadFile(pos[0])
	}
	if err != nil {
		return err
	}
	in := letters.Input{Decision: decision, ConsumerRef: f.consumerRef, Date: f.date}
	if f.request != "" {
		if in.Request, err = os.ReadFile(f.request); err != nil {
			return err
		}
	}
	pb := rules.Default()
	if f.playbook != "" {
		if pb, err = rules.Load(f.playbook); err != nil {
			return err
		}
	}
	in.Organisation = organisation(pb.Organisation())
	in.DirectiveConfirmation = periodWords(pb.Settings()["directive_confirmation"])
	set, err := letters.Default()
	if f.templates != "" {
		set, err = letters.Load(os.DirFS(f.templates))
	}
	if err != nil {
		return err
	}
	docs, err := set.Render(in, letters.Format(f.format))
	var ie *letters.InputError
	switch {
	case errors.Is(err, letters.ErrFormat):
		return usageError("render", "--format: %q is not text or html", f.format)
	case errors.As(err, &ie) && (errors.Is(err, letters.ErrInvalidDecision) || errors.Is(err, letters.ErrInvalidRequest)):
		msg := fmt.Sprintf("dsrkit render: %v:", ie.Kind)
		for _, p := range ie.Problems {
			msg += "\n  " + p
		}
		return &exitError{code: exitInvalid, msg: msg}
	case err != nil:
		return err
	}
	if f.out == "" {
		for _, d := range docs {
			fmt.Fprintf(stdout, "==> %s <==\n", d.FileName())
			stdout.Write(d.Body)
		}
		return nil
	}
	if err := os.MkdirAll(f.out, 0o755); err != nil {
		return err
	}
	for _, d := range docs {
		path := filepath.Join(f.out, d.FileName())
		if err := os.WriteFile(path, d.Body, 0o644); err != nil {
			return err
		}
		fmt.Fprintln(stdout, path)
	}
	return nil
}

// organisation copies the playbook's organisation for the letters.
func organisation(o rules.Organisation) letters.Organisation {
	return letters.Organisation{
		Name: o.Name, Address: o.Address, PrivacyEmail: o.PrivacyEmail, PrivacyPhone: o.PrivacyPhone,
		OptOutURL: o.OptOutURL, Signatory: letters.Signatory{Name: o.Signatory.Name, Title: o.Signatory.Title},
	}
}

// periodWords spells a playbook period ({n, unit}) for a letter:
// "15 calendar days", "10 business days", "1 month".
func periodWords(v any) string {
	p, ok := v.(map[string]any)
	if !ok {
		return ""
	}
	n, ok := p["n"].(int)
	if !ok {
		return ""
	}
	unit := map[string]string{"days": "calendar day", "business_days": "business day", "months": "month"}[fmt.Sprint(p["unit"])]
	if unit == "" {
		return ""
	}
	if n != 1 {
		unit += "s"
	}
	return fmt.Sprintf("%d %s", n, unit)
}
