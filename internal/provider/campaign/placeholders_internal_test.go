package campaign

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// TestPlaceholderDiagnostics: in a text to contact lists, a {name} that
// is the name of one of the account's fields (without case or surrounding
// spaces) is an error naming the id to write; a {name} of no field is a
// warning that it is sent as written, listing the account's fields; a
// {field_id} of no field is an error, and one of a field says nothing.
func TestPlaceholderDiagnostics(t *testing.T) {
	t.Parallel()
	at := path.Root("sms").AtName("text")
	fields := []client.CustomField{{ID: 387714, Name: "country"}, {ID: 5, Name: " Home City "}}
	const list = "387714 (country), 5 ( Home City )"
	for _, tt := range []struct {
		p        placeholder
		severity diag.Severity // 0: no diagnostic
		summary  string
		detail   []string
	}{
		{placeholder{at: at, id: "country", byName: true}, diag.SeverityError, "Contact Field Named, Not Its Id",
			[]string{"Attribute sms.text names {country}.", "never by its name", `Write {387714}, the id of the account's field "country"`, "Nothing was sent."}},
		{placeholder{at: at, id: "home city", byName: true}, diag.SeverityError, "Contact Field Named, Not Its Id",
			[]string{`Write {5}, the id of the account's field "home city"`}},
		{placeholder{at: at, id: "SPRING20", byName: true}, diag.SeverityWarning, "Text in Braces Sent As Written",
			[]string{"Attribute sms.text has {SPRING20}, which names no contact field of the account, so it is sent as written",
				"One-API fills in a contact field by its id ({field_id}) only, never by its name",
				"write its id as {field_id}", "the account's fields: " + list + "."}},
		{placeholder{at: at, id: "424242"}, diag.SeverityError, "Unknown Contact Field",
			[]string{"no contact field 424242", "The account's fields: " + list + "."}},
		{placeholder{at: at, id: "387714"}, 0, "", nil},
	} {
		diags := placeholderDiagnostics([]placeholder{tt.p}, fields)
		if tt.severity == 0 {
			if len(diags) != 0 {
				t.Errorf("{%s}: %v, want no diagnostic", tt.p.id, diags)
			}
			continue
		}
		if len(diags) != 1 {
			t.Fatalf("{%s}: %d diagnostics %v, want 1", tt.p.id, len(diags), diags)
		}
		d := diags[0]
		if d.Severity() != tt.severity || d.Summary() != tt.summary {
			t.Errorf("{%s}: %v %q, want %v %q", tt.p.id, d.Severity(), d.Summary(), tt.severity, tt.summary)
		}
		if a, ok := d.(diag.DiagnosticWithPath); !ok || !a.Path().Equal(at) {
			t.Errorf("{%s}: not on attribute %s", tt.p.id, at)
		}
		for _, want := range tt.detail {
			if !strings.Contains(d.Detail(), want) {
				t.Errorf("{%s}: detail %q lacks %q", tt.p.id, d.Detail(), want)
			}
		}
	}
	if diags := placeholderDiagnostics([]placeholder{{at: at, id: "SPRING20", byName: true}}, nil); !strings.Contains(diags[0].Detail(), "the account's fields: none.") {
		t.Errorf("no fields: %q", diags[0].Detail())
	}
}
