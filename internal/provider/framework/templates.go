package framework

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	aschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// Approved message templates (the Template schema of the WhatsApp calls),
// shared by the campaign's content block and the single-message action:
// the languages, the model both decode into, its request form and the
// rule between a parameter's type and its value, and the template
// object's attributes, declared once (templateFields) and built into each
// schema's own types (a resource's and an action's schema types differ).

// Templated reports a channel whose messages are approved templates, not
// texts: a sender of its own and no text (Text 0 with a Sender).
func (c Channel) Templated() bool { return c.Sender != 0 && c.Text == 0 }

// TemplateLanguages are the Language schema's codes.
var TemplateLanguages = []string{"af", "sq", "ar", "az", "bn", "bg", "ca", "zh_CN", "zh_HK", "zh_TW", "hr", "cs", "da", "nl",
	"en", "en_GB", "en_US", "et", "fil", "fi", "fr", "ka", "de", "el", "gu", "ha", "he", "hi", "hu", "id", "ga", "it", "ja",
	"kn", "kk", "rw_RW", "ko", "ky_KG", "lo", "lv", "lt", "mk", "ms", "ml", "mr", "nb", "fa", "pl", "pt_BR", "pt_PT", "pa",
	"ro", "ru", "sr", "sk", "sl", "es", "es_AR", "es_ES", "es_MX", "sw", "sv", "ta", "te", "th", "tr", "uk", "ur", "uz", "vi", "zu"}

// TemplateComponentTypes, TemplateButtonKinds and TemplateParameterTypes
// are the Template schema's enums.
var (
	TemplateComponentTypes = []string{"header", "body", "button"}
	TemplateButtonKinds    = []string{"quick_reply", "url", "catalog"}
	TemplateParameterTypes = []string{"text", "payload"}
)

// templateField is one attribute of the template object: a string, or a
// list of objects of the nested fields.
type templateField struct {
	name, desc string
	required   bool
	validators []validator.String
	list       []templateField
}

// templateFields are the template object's attributes (TemplateModel).
var templateFields = []templateField{
	{name: "name", desc: "Template name, as approved.", required: true, validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
	{name: "language", desc: "Template language code, one of the platform's (`en`, `en_US`, `uk`, `pt_BR`, ...).", required: true,
		validators: []validator.String{stringvalidator.OneOf(TemplateLanguages...)}},
	{name: "components", required: true, desc: "The template's components that take values: `header`, `body` or `button`, " +
		"each with its parameters. `[]` for a template without any.", list: []templateField{
		{name: "type", desc: "`header`, `body` or `button`.", required: true, validators: []validator.String{stringvalidator.OneOf(TemplateComponentTypes...)}},
		{name: "sub_type", desc: "A button's kind: `quick_reply`, `url` or `catalog`.", validators: []validator.String{stringvalidator.OneOf(TemplateButtonKinds...)}},
		{name: "index", desc: "A button's position in the template, at most 9 characters (such as `0`).", validators: []validator.String{stringvalidator.LengthAtMost(9)}},
		{name: "parameters", desc: "The values, in order: `{ type = \"text\", text = \"...\" }` or `{ type = \"payload\", payload = \"...\" }`.", list: []templateField{
			{name: "type", desc: "`text` or `payload`.", required: true, validators: []validator.String{stringvalidator.OneOf(TemplateParameterTypes...)}},
			{name: "text", desc: "The text of a `text` parameter."},
			{name: "payload", desc: "The payload of a `payload` parameter (a quick-reply button's)."},
		}},
	}},
}

// buildTemplate builds fields into one schema's attribute type.
func buildTemplate[A any](fields []templateField, str func(templateField) A, list func(templateField, map[string]A) A) map[string]A {
	out := make(map[string]A, len(fields))
	for _, f := range fields {
		if f.list != nil {
			out[f.name] = list(f, buildTemplate(f.list, str, list))
		} else {
			out[f.name] = str(f)
		}
	}
	return out
}

// TemplateResourceAttributes are the template object's attributes in a
// resource schema.
func TemplateResourceAttributes() map[string]rschema.Attribute {
	return buildTemplate(templateFields, func(f templateField) rschema.Attribute {
		return rschema.StringAttribute{MarkdownDescription: f.desc, Required: f.required, Optional: !f.required, Validators: f.validators}
	}, func(f templateField, nested map[string]rschema.Attribute) rschema.Attribute {
		return rschema.ListNestedAttribute{MarkdownDescription: f.desc, Required: f.required, Optional: !f.required,
			NestedObject: rschema.NestedAttributeObject{Attributes: nested}}
	})
}

// TemplateActionAttributes are the template object's attributes in an
// action schema.
func TemplateActionAttributes() map[string]aschema.Attribute {
	return buildTemplate(templateFields, func(f templateField) aschema.Attribute {
		return aschema.StringAttribute{MarkdownDescription: f.desc, Required: f.required, Optional: !f.required, Validators: f.validators}
	}, func(f templateField, nested map[string]aschema.Attribute) aschema.Attribute {
		return aschema.ListNestedAttribute{MarkdownDescription: f.desc, Required: f.required, Optional: !f.required,
			NestedObject: aschema.NestedAttributeObject{Attributes: nested}}
	})
}

// TemplateModel is a template and the values that fill it.
type TemplateModel struct {
	Name       types.String             `tfsdk:"name"`
	Language   types.String             `tfsdk:"language"`
	Components []TemplateComponentModel `tfsdk:"components"`
}

// TemplateComponentModel is one component of a template.
type TemplateComponentModel struct {
	Type       types.String             `tfsdk:"type"`
	SubType    types.String             `tfsdk:"sub_type"`
	Index      types.String             `tfsdk:"index"`
	Parameters []TemplateParameterModel `tfsdk:"parameters"`
}

// TemplateParameterModel is one value of a component.
type TemplateParameterModel struct {
	Type    types.String `tfsdk:"type"`
	Text    types.String `tfsdk:"text"`
	Payload types.String `tfsdk:"payload"`
}

// TemplateToAPI is the template as the calls take it.
func TemplateToAPI(t TemplateModel) client.WhatsAppTemplate {
	out := client.WhatsAppTemplate{Name: t.Name.ValueString(), Language: client.WhatsAppLanguage{Code: t.Language.ValueString()},
		Components: []client.WhatsAppComponent{}}
	for _, c := range t.Components {
		comp := client.WhatsAppComponent{Type: c.Type.ValueString(), SubType: c.SubType.ValueString(), Index: c.Index.ValueString()}
		for _, p := range c.Parameters {
			comp.Parameters = append(comp.Parameters, client.WhatsAppParameter{Type: p.Type.ValueString(), Text: p.Text.ValueString(),
				Payload: p.Payload.ValueString()})
		}
		out.Components = append(out.Components, comp)
	}
	return out
}

// CheckTemplateParameters checks that each parameter of the template at
// (its attributes t) has the value its type names.
func CheckTemplateParameters(d *diag.Diagnostics, at path.Path, t map[string]attr.Value) {
	for i, comp := range ListElems(t["components"]) {
		c := ObjectAttrs(comp)
		for j, param := range ListElems(c["parameters"]) {
			p := ObjectAttrs(param)
			typ, _ := p["type"].(types.String)
			if !Known(typ) {
				continue
			}
			value := typ.ValueString() // "text" or "payload": the attribute that holds the value
			if IsNull(p[value]) {
				where := at.AtName("components").AtListIndex(i).AtName("parameters").AtListIndex(j)
				d.AddAttributeError(where.AtName(value), "Missing Template Parameter Value",
					fmt.Sprintf("Attribute %s is required: a parameter of type %q carries its %s.", where.AtName(value), value, value))
			}
		}
	}
}
