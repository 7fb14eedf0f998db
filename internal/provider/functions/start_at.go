package functions

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

var _ function.Function = (*startAtFunction)(nil)

// NewStartAtFunction returns provider::oneapi::start_at,
// framework.NormalizeStartAt for a configuration: what a campaign sends as
// its start_at.
//
// Why time_zone is required: a function is given only its arguments, never
// the provider's configuration, so it cannot read the provider's
// time_zone. A null zone is refused rather than read as UTC, since a
// silent UTC is the mistake this function exists to prevent (a campaign
// scheduled hours early or late).
func NewStartAtFunction() function.Function { return &startAtFunction{} }

type startAtFunction struct{}

func (f *startAtFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "start_at"
}

func (f *startAtFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Write a time as One-API takes it: yyyy-mm-dd hh:mm:ss in the account's zone",
		MarkdownDescription: "Writes an RFC 3339 time (`2026-03-29T09:00:00Z`, or with an offset, such as `timestamp()` " +
			"and `timeadd()` return) as One-API reads a campaign's `start_at`: `yyyy-mm-dd hh:mm:ss` in `time_zone`, the " +
			"same conversion the `oneapi_campaign` resource applies to an RFC 3339 `start_at` (a time already written " +
			"`yyyy-mm-dd hh:mm:ss` is returned as written, as the resource sends it; one that the zone skips, in the hour its " +
			"clocks jump forward, is refused, as the campaign's plan refuses it).\n\n" +
			"`time_zone` is required and must not be null: a function cannot read the provider's configuration, so it " +
			"cannot fall back to the provider's `time_zone`. Pass the same value (a variable both use), such as " +
			"`var.time_zone`. Daylight saving time is the zone's: the same UTC hour is written one hour apart in " +
			"winter and in summer in `Europe/Kyiv`.\n\n" +
			"`oneapi_campaign` takes an RFC 3339 `start_at` itself and converts it into the provider's `time_zone`; " +
			"this function is for showing the time the platform will display, and for checks and outputs.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "timestamp", MarkdownDescription: "An RFC 3339 time, such as `timeadd(timestamp(), \"1h\")` returns."},
			function.StringParameter{Name: "time_zone", AllowNullValue: true,
				MarkdownDescription: "The account's IANA time zone, such as `Europe/Kyiv` (the provider's `time_zone`). Null is refused."},
		},
		Return: function.StringReturn{},
	}
}

func (f *startAtFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var timestamp string
	var zoneName types.String
	resp.Error = req.Arguments.Get(ctx, &timestamp, &zoneName)
	if resp.Error != nil {
		return
	}
	out, ferr := startAt(timestamp, zoneName)
	if ferr != nil {
		resp.Error = ferr
		return
	}
	resp.Error = resp.Result.Set(ctx, out)
}

// startAt is the function's answer, or the error naming the argument at
// fault.
func startAt(timestamp string, zoneName types.String) (string, *function.FuncError) {
	if zoneName.IsNull() {
		return "", function.NewArgumentFuncError(1, "time_zone is null: a function cannot read the provider's time_zone, "+
			"so it must be given; pass the account's zone, the same value as the provider's time_zone (such as \"Europe/Kyiv\", or \"UTC\")")
	}
	zone, err := framework.LoadTimeZone(zoneName.ValueString())
	if err != nil {
		return "", function.NewArgumentFuncError(1, "Invalid time zone: "+err.Error())
	}
	if timestamp == "" {
		return "", function.NewArgumentFuncError(0, "timestamp is empty; give an RFC 3339 time such as 2026-03-29T09:00:00Z")
	}
	if err := framework.CheckWallTime(timestamp, zone); err != nil {
		return "", function.NewArgumentFuncError(0, "Invalid timestamp: "+err.Error())
	}
	out, err := framework.NormalizeStartAt(timestamp, zone)
	if err != nil {
		return "", function.NewArgumentFuncError(0, fmt.Sprintf("Invalid timestamp: %s; give an RFC 3339 time such as "+
			"2026-03-29T09:00:00Z or %s", err, time.Date(2026, 3, 29, 9, 0, 0, 0, time.UTC).In(zone).Format(time.RFC3339)))
	}
	return out, nil
}
