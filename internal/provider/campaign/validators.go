package campaign

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// timeValidator checks the two accepted spellings of a time (start_at, the
// list's created_from and created_to). It needs no time zone: the
// spelling is the same in every zone.
func timeValidator() validator.String {
	return framework.StringCheck("must be yyyy-mm-dd hh:mm:ss (in the provider's time_zone) or RFC 3339", checkTime)
}

func checkTime(p path.Path, value string, d *diag.Diagnostics) {
	if value == "" {
		d.AddAttributeError(p, "Empty Time",
			fmt.Sprintf("Attribute %s is an empty string. Omit the attribute instead (for start_at: the campaign is then sent at once).", p))
		return
	}
	if _, err := framework.ParseAccountTime(value, time.UTC); err != nil {
		local, offset := timeExamples(time.Now())
		d.AddAttributeError(p, "Invalid Time",
			fmt.Sprintf("Attribute %s: %s. Write it like %s (in the provider's time_zone) or %s.", p, err, local, offset))
	}
}

// timeExamples are the two spellings of a time, for an error's hint: 09:00
// two days after now, which a new campaign's start_at accepts in every time
// zone (the hint works when copied).
func timeExamples(now time.Time) (local, offset string) {
	day := now.UTC().AddDate(0, 0, 2)
	local = time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, time.UTC).Format(apiTimeLayout)
	offset = time.Date(day.Year(), day.Month(), day.Day(), 11, 0, 0, 0, time.FixedZone("", 2*3600)).Format(time.RFC3339)
	return local, offset
}

// listSizeWarning warns about a list size in a band the sources disagree
// on: accepted by the widest documented limit (checked separately as an
// error), refused by the narrowest. The plan goes on; the user learns both
// readings before anything is sent.
type listSizeWarning struct {
	from, to int
	what     string // "cards", "buttons in a card"
	readings string // the two readings, with their sources
}

func (v listSizeWarning) Description(context.Context) string {
	return fmt.Sprintf("warns at %d to %d %s: %s", v.from, v.to, v.what, v.readings)
}

func (v listSizeWarning) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v listSizeWarning) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := len(req.ConfigValue.Elements()); n >= v.from && n <= v.to {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Disputed Limit",
			fmt.Sprintf("Attribute %s has %d %s. The sources disagree: %s. One-API may refuse the campaign when it is "+
				"created (nothing is sent then); use at most %d to be safe under both readings.", req.Path, n, v.what, v.readings, v.from-1))
	}
}
