package campaign

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// A text sent to contact lists may name a contact's custom field as
// {field_id} (the send-groups pages; a Viber text to lists is checked the
// same way, the cautious reading): the platform fills in each contact's
// value. A placeholder that names no field of the account would
// go out as written to every recipient, so a new campaign's known texts
// are checked against the account's fields (one GET /api/contacts/fields,
// only when a text has a placeholder) at plan, and again just before the
// create for texts that were not known at plan (a field made in the same
// apply). To phones, no page says that placeholders are filled: a warning.
//
// A field written by its name ({city}) is no placeholder: every page
// writes {field_id}, and names are never filled in. In a text to contact
// lists, a {name} that is the name of one of the account's fields is
// refused, with the id to write instead (clearly a mistake); one that
// names no field ("Use code {SPRING20}") may be meant as written, so it
// plans with a warning that lists the account's fields.

// placeholder is one {field_id}, or one {name} when byName, of a text.
type placeholder struct {
	at     path.Path
	id     string
	byName bool
}

// placeholders are the {field_id}s and {name}s of the campaign's known
// texts.
func placeholders(plan campaignResourceModel) []placeholder {
	var out []placeholder
	add := func(at path.Path, v attr.Value) {
		if s, ok := v.(types.String); ok && framework.Known(s) {
			for _, id := range framework.FieldPlaceholders(s.ValueString()) {
				out = append(out, placeholder{at: at, id: id})
			}
			for _, name := range framework.NamedFieldPlaceholders(s.ValueString()) {
				out = append(out, placeholder{at: at, id: name, byName: true})
			}
		}
	}
	for _, c := range contentBlocks() {
		if c.texts != nil {
			for _, t := range c.texts(framework.ObjectAttrs(plan.block(c.Block))) {
				add(t.at, t.text)
			}
		}
	}
	add(path.Root("sms_fallback").AtName("text"), framework.ObjectAttrs(plan.SMSFallback)["text"])
	return out
}

// checkPlaceholders refuses a placeholder that names no field of the
// account, or a field by its name (to contact lists), warns about a {name}
// that names no field, and warns about placeholders in a campaign to
// phones. Nothing is asked of the API when no text has a placeholder.
func checkPlaceholders(ctx context.Context, c *client.Client, plan campaignResourceModel, diags *diag.Diagnostics) {
	found := placeholders(plan)
	if len(found) == 0 {
		return
	}
	groups, _ := framework.ObjectAttrs(plan.Recipients)["groups"].(types.Set)
	if !framework.Known(groups) || len(groups.Elements()) == 0 {
		if phones, _ := framework.ObjectAttrs(plan.Recipients)["phones"].(types.Set); framework.Known(phones) {
			diags.AddAttributeWarning(found[0].at, "Placeholders May Be Sent As Written",
				fmt.Sprintf("Attribute %s names {%s}. One-API documents {field_id} placeholders for campaigns to contact lists "+
					"(recipients.groups), whose contacts have the fields; no page says that a campaign to phones fills them in, "+
					"so each phone may receive the text as written. Send to a contact list to fill them in.", found[0].at, found[0].id))
		}
		return
	}
	fields, err := c.ListCustomFields(ctx)
	if err != nil {
		diags.AddAttributeWarning(found[0].at, "Placeholders Not Checked",
			fmt.Sprintf("The texts name contact fields ({%s}), but the account's fields could not be read to check them: %s", found[0].id, err))
		return
	}
	diags.Append(placeholderDiagnostics(found, fields)...)
}

// placeholderDiagnostics checks the placeholders of a text to contact
// lists against the account's fields: a {field_id} of no field is an
// error; a {name} is an error when it is the name of a field (compared
// without case and surrounding spaces), and a warning when it names none.
func placeholderDiagnostics(found []placeholder, fields []client.CustomField) diag.Diagnostics {
	var diags diag.Diagnostics
	known := make([]string, 0, len(fields))
	ids, byName := map[string]bool{}, map[string]string{}
	for _, f := range fields {
		id := fmt.Sprint(f.ID)
		ids[id] = true
		byName[fieldNameKey(f.Name)] = id
		known = append(known, fmt.Sprintf("%s (%s)", id, f.Name))
	}
	slices.Sort(known)
	has := "none"
	if len(known) > 0 {
		has = strings.Join(known, ", ")
	}
	for _, p := range found {
		switch {
		case p.byName:
			diags.Append(namedFieldDiagnostic(p, byName[fieldNameKey(p.id)], has))
		case !ids[p.id]:
			diags.AddAttributeError(p.at, "Unknown Contact Field",
				fmt.Sprintf("Attribute %s names {%s}, but the account has no contact field %s, so every recipient would receive "+
					"\"{%s}\" as written. The account's fields: %s. Name one of them, or a field of this configuration as "+
					"{${oneapi_contact_field.NAME.id}}, or remove the placeholder. Nothing was sent.", p.at, p.id, p.id, p.id, has))
		}
	}
	return diags
}

// fieldNameKey is a field's name as {name} is compared with it.
func fieldNameKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// namedFieldDiagnostic is about a {name} in a text: One-API fills in
// {field_id} only. id is the account's field of that name, if any: then
// it is an error naming the id to write. A {name} of no field may be
// meant as written ("Use code {SPRING20}"): a warning that lists the
// account's fields (has) for a user who meant one.
func namedFieldDiagnostic(p placeholder, id, has string) diag.Diagnostic {
	if id != "" {
		return diag.NewAttributeErrorDiagnostic(p.at, "Contact Field Named, Not Its Id",
			fmt.Sprintf("Attribute %s names {%s}. One-API fills in a contact field by its id ({field_id}), never by its name, "+
				"so every recipient would receive \"{%s}\" as written. Write {%s}, the id of the account's field %q, or "+
				"{${oneapi_contact_field.NAME.id}} for a field of this configuration. Nothing was sent.", p.at, p.id, p.id, id, p.id))
	}
	return diag.NewAttributeWarningDiagnostic(p.at, "Text in Braces Sent As Written",
		fmt.Sprintf("Attribute %s has {%s}, which names no contact field of the account, so it is sent as written: every "+
			"recipient receives \"{%s}\". One-API fills in a contact field by its id ({field_id}) only, never by its name. "+
			"If you meant one of the account's fields, write its id as {field_id}, or {${oneapi_contact_field.NAME.id}} for a "+
			"field of this configuration; the account's fields: %s.", p.at, p.id, p.id, has))
}
