package letters_test

import (
	"fmt"
	"os"

	"github.com/dsrkit/dsrkit/letters"
)

// Render the documents a golden CCPA decision calls for: the full-deletion
// confirmation and the directive to its service provider.
func Example() {
	set, err := letters.Default()
	if err != nil {
		panic(err)
	}
	decision, _ := os.ReadFile("../testdata/cases/ccpa-full-deletion/decision.json")
	request, _ := os.ReadFile("../testdata/cases/ccpa-full-deletion/request.json")
	docs, err := set.Render(letters.Input{
		Decision:              decision,
		Request:               request,
		Organisation:          letters.Organisation{Name: "Example Corp", PrivacyEmail: "privacy@example.com"},
		ConsumerRef:           "3f1a9c", // e.g. audit.ConsumerHash(key, the consumer's e-mail)
		DirectiveConfirmation: "15 calendar days",
	}, letters.Text)
	if err != nil {
		panic(err)
	}
	for _, d := range docs {
		fmt.Println(d.FileName())
	}
	fmt.Print(string(docs[1].Body))
	// Output:
	// deletion_confirmation.txt
	// directive-sp-mail.txt
	// Example Corp
	//
	// DELETION DIRECTIVE TO SERVICE PROVIDER
	//
	// Date: 2026-03-10
	// To:   Mailer Inc.
	// From: Example Corp
	// Re:   Deletion of Personal Information - Directive ID: full/sp-mail
	//
	// Pursuant to our Data Processing Agreement and applicable privacy law, we direct
	// you to delete the following personal information:
	//
	// Consumer Identifier: 3f1a9c
	//
	// Data to Delete:
	//   - contact
	//   - email
	//
	// Directive:
	//   [ ] Delete all personal information associated with the above identifier from your systems
	//   [ ] Do not retain copies except as required by law
	//   [ ] Confirm deletion within 15 calendar days, by 2026-03-25
	//
	// Compliance Required By: 2026-03-25
	//
	// Please send written confirmation of deletion to privacy@example.com.
	//
	// Questions: Contact our privacy team at privacy@example.com.
	//
	// Authorized By:
	// Example Corp
}
