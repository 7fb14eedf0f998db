package campaign

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
)

// Stop and renew: the only calls an update or a destroy of a campaign
// makes, and what the oneapi_campaign_stop and oneapi_campaign_renew
// actions do (action_stop.go): one path, one set of channel rules.

// campaignOps are the stop and renew of campaigns, for the resource and
// the actions alike.
type campaignOps struct {
	client *client.Client
	// clock waits between the reads of a stop.
	clock clock.Clock
	// seen is told each status a stop reads (nil: nobody listens).
	seen func(status string)
	// timeoutAdvice ends the error of a stop that ran out of time: which
	// limit to raise.
	timeoutAdvice string
	// unknownAdvice ends the error of a refused stop of a status the
	// documentation does not name: how to leave the campaign as it is.
	unknownAdvice string
}

// ops are the resource's stop and renew.
func (r *campaignResource) ops() campaignOps {
	return campaignOps{
		client: r.Client, clock: r.clock,
		timeoutAdvice: "Apply again, or raise timeouts.update (timeouts.delete when destroying).",
		unknownAdvice: "To leave it as it is: when applying desired_state = \"stopped\", remove that line and apply; " +
			"when destroying, set stop_on_destroy = false, apply, then destroy.",
	}
}

// stopPollMin and stopPollMax bound the wait between the reads of a stop,
// which doubles from the first to the second.
const (
	stopPollMin = 500 * time.Millisecond
	stopPollMax = 10 * time.Second
)

// stop cancels a campaign and returns what the platform reports afterwards.
// It reads first: a stopped campaign needs no call, a done or spam one
// cannot be stopped and needs none. The sources disagree on when a stop is
// allowed (per channel, and the OpenAPI file has its own list), so a stop
// is tried whenever some reading allows it, and a refusal (422) or a status
// no reading allows (creation of an RCS campaign) is waited out with
// backoff until the campaign can be stopped, is settled, or the timeout
// ends. A stop that came early never fails the apply.
func (o campaignOps) stop(ctx context.Context, id int64, idText string) (*client.Campaign, diag.Diagnostics) {
	var diags diag.Diagnostics
	wait := stopPollMin
	for {
		c, err := o.client.GetCampaign(ctx, id)
		if err != nil {
			if client.IsNotFound(err) {
				return nil, diags // nothing left to stop
			}
			diags.Append(stopErrorDiagnostic(o.client, idText, "", err))
			return nil, diags
		}
		if o.seen != nil {
			o.seen(c.Status)
		}
		if client.IsSettled(c.Status) {
			return c, diags
		}
		if !slices.Contains(campaignStatuses, c.Status) {
			return o.stopUnknown(ctx, c, idText)
		}
		if client.MayStop(c.MessageType, c.Status) {
			stopped, err := o.client.StopCampaign(ctx, id)
			switch {
			case err == nil && stopped.Status == client.StatusStopped:
				return stopped, diags
			case err == nil:
				tflog.Debug(ctx, "stop accepted, waiting for status stopped", map[string]any{"campaign_id": id, "status": stopped.Status})
			case client.IsUnprocessable(err):
				tflog.Debug(ctx, "stop refused for now, waiting", map[string]any{"campaign_id": id, "status": c.Status})
			case ctx.Err() != nil:
				diags.Append(stopTimeoutDiagnostic(idText, c.Status, o.timeoutAdvice))
				return nil, diags
			default:
				diags.Append(stopErrorDiagnostic(o.client, idText, c.Status, err))
				return nil, diags
			}
		} else {
			tflog.Debug(ctx, "waiting until the campaign can be stopped", map[string]any{"campaign_id": id, "status": c.Status})
		}
		if err := o.clock.Sleep(ctx, wait); err != nil {
			diags.Append(stopTimeoutDiagnostic(idText, c.Status, o.timeoutAdvice))
			return nil, diags
		}
		wait = min(wait*2, stopPollMax)
	}
}

// stopUnknown is the stop of a campaign in a status the documentation
// does not name: one stop is sent (a stop only cancels), and a refusal is
// an error now rather than a wait for a status that may never come.
func (o campaignOps) stopUnknown(ctx context.Context, c *client.Campaign, idText string) (*client.Campaign, diag.Diagnostics) {
	var diags diag.Diagnostics
	stopped, err := o.client.StopCampaign(ctx, c.ID)
	if err == nil {
		return stopped, diags
	}
	d := stopErrorDiagnostic(o.client, idText, c.Status, err)
	diags.AddError(d.Summary(), d.Detail()+" The documentation does not name that status, so the provider does not "+
		"wait for another. Look at the campaign in the platform's web UI. "+o.unknownAdvice)
	return nil, diags
}

// renew resumes a paused campaign: PUT /api/campaigns/{id}/renew.
func (o campaignOps) renew(ctx context.Context, id int64, idText string) (*client.Campaign, diag.Diagnostics) {
	var diags diag.Diagnostics
	c, err := o.client.RenewCampaign(ctx, id)
	if client.IsUnprocessable(err) {
		// Only a paused campaign can be renewed: see what it is now.
		current, getErr := o.client.GetCampaign(ctx, id)
		if getErr == nil && current.Status != client.StatusPaused {
			diags.AddWarning("Campaign No Longer Paused",
				fmt.Sprintf("Campaign %s is in status %q now, so it was not renewed.", idText, current.Status))
			return current, diags
		}
	}
	if err != nil {
		diags.Append(apiErrorDiagnostic("Unable to Resume Campaign", o.client, idText, err))
		return nil, diags
	}
	return c, diags
}

func stopErrorDiagnostic(c *client.Client, id, status string, err error) diag.Diagnostic {
	d := apiErrorDiagnostic("Unable to Stop Campaign", c, id, err)
	if status == "" {
		return d
	}
	return diag.NewErrorDiagnostic(d.Summary(), d.Detail()+fmt.Sprintf(" The campaign was in status %q when the stop was tried.", status))
}

func stopTimeoutDiagnostic(id, status, advice string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Timed Out Stopping Campaign",
		fmt.Sprintf("Campaign %s was still in status %q when the time ran out, and is not stopped: the platform "+
			"accepts a stop only in some statuses (an RCS campaign not in \"creation\", an SMS campaign not in \"moderation\"), "+
			"and the provider waits for one. %s", id, status, advice))
}
