package campaign

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// A tariff_code names one of the account's tariffs ("Your can pass
// specified one if you have several"; the RCS contact-list page: "must be
// active in the account"). A code the account has no active tariff of
// would be refused when the campaign is created, or bill another tariff,
// so a new campaign's known tariff_code is checked at plan against the
// account's tariffs: one GET /api/accounts/tariff, only when tariff_code
// is set. A code known only at apply is left to the API.

// checkTariffCode refuses a tariff_code that names no active tariff of
// the account; a list that cannot be read is a warning, as for
// placeholders (checkPlaceholders).
func checkTariffCode(ctx context.Context, c *client.Client, plan campaignResourceModel, diags *diag.Diagnostics) {
	if !framework.Known(plan.TariffCode) {
		return
	}
	code := plan.TariffCode.ValueInt64()
	tariffs, err := c.ListTariffs(ctx)
	if err != nil {
		diags.AddAttributeWarning(path.Root("tariff_code"), "Tariff Code Not Checked",
			fmt.Sprintf("The account's tariffs could not be read to check tariff_code %d: %s", code, err))
		return
	}
	diags.Append(tariffDiagnostics(code, tariffs)...)
}

// tariffDiagnostics is an error when code is not the code of an active
// tariff, naming the ones that are.
func tariffDiagnostics(code int64, tariffs []client.Tariff) diag.Diagnostics {
	var active []string
	inactive := ""
	for _, t := range tariffs {
		switch {
		case t.Code == nil:
		case t.IsActive && *t.Code == code:
			return nil
		case t.IsActive:
			active = append(active, fmt.Sprintf("%d (%s)", *t.Code, t.Name))
		case *t.Code == code:
			inactive = fmt.Sprintf(" Tariff %q has code %d but is not active.", t.Name, code)
		}
	}
	has := "none"
	if len(active) > 0 {
		has = strings.Join(active, ", ")
	}
	var diags diag.Diagnostics
	diags.AddAttributeError(path.Root("tariff_code"), "Unknown Tariff Code",
		fmt.Sprintf("Attribute tariff_code is %d, but the account has no active tariff with that code.%s The account's active "+
			"tariffs: %s (data source oneapi_tariffs lists them). Name one of them, or remove tariff_code for the account's "+
			"default. Nothing was sent.", code, inactive, has))
	return diags
}
