package functions

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

var _ function.Function = (*phoneFunction)(nil)

// NewPhoneFunction returns provider::oneapi::phone, framework.ParsePhone for
// a configuration: the reader every phone attribute's validator uses.
func NewPhoneFunction() function.Function { return &phoneFunction{} }

type phoneFunction struct{}

func (f *phoneFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "phone"
}

func (f *phoneFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Write a phone number as One-API takes it: digits only",
		MarkdownDescription: "Writes a phone number the way people write them (`+380 (66) 123-12-31`) as One-API takes it " +
			"(`380661231231`): it drops spaces (a no-break space too), tabs, hyphens and dashes, dots, slashes and parentheses, and a `+` before the first " +
			"digit, and then requires 9 to 15 digits with the country code. Anything else (a letter, a `+` inside the " +
			"number, too few or too many digits, an empty text) is an error naming what is wrong. Every phone attribute " +
			"of the provider (`recipients.phones`, `oneapi_contact.phone`, the stop list's `phones`, ...) accepts exactly " +
			"what this function returns, and refuses a number written otherwise with the form to write instead.\n\n" +
			"The function does not add a country code: a national number (`066 123 12 31`) comes back as its digits, " +
			"which the platform reads as an international number.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "text", MarkdownDescription: "A phone number with its country code, as people write it."},
		},
		Return: function.StringReturn{},
	}
}

func (f *phoneFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var text string
	resp.Error = req.Arguments.Get(ctx, &text)
	if resp.Error != nil {
		return
	}
	digits, err := framework.ParsePhone(text)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, "Invalid phone number: "+err.Error())
		return
	}
	resp.Error = resp.Result.Set(ctx, digits)
}
