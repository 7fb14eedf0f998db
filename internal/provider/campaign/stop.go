package campaign

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// Stop and renew: the only calls an update or a destroy of a campaign
// makes.

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
func (r *campaignResource) stop(ctx context.Context, id int64, idText string) (*client.Campaign, diag.Diagnostics) {
	var diags diag.Diagnostics
	wait := stopPollMin
	for {
		c, err := r.Client.GetCampaign(ctx, id)
		if err != nil {
			if client.IsNotFound(err) {
				return nil, diags // nothing left to stop
			}
			diags.Append(stopErrorDiagnostic(r.Client, idText, "", err))
			return nil, diags
		}
		if client.IsSettled(c.Status) {
			return c, diags
		}
		if !slices.Contains(campaignStatuses, c.Status) {
			return r.stopUnknown(ctx, c, idText)
		}
		if client.MayStop(c.MessageType, c.Status) {
			stopped, err := r.Client.StopCampaign(ctx, id)
			switch {
			case err == nil && stopped.Status == client.StatusStopped:
				return stopped, diags
			case err == nil:
				tflog.Debug(ctx, "stop accepted, waiting for status stopped", map[string]any{"campaign_id": id, "status": stopped.Status})
			case client.IsUnprocessable(err):
				tflog.Debug(ctx, "stop refused for now, waiting", map[string]any{"campaign_id": id, "status": c.Status})
			case ctx.Err() != nil:
				diags.Append(stopTimeoutDiagnostic(idText, c.Status))
				return nil, diags
			default:
				diags.Append(stopErrorDiagnostic(r.Client, idText, c.Status, err))
				return nil, diags
			}
		} else {
			tflog.Debug(ctx, "waiting until the campaign can be stopped", map[string]any{"campaign_id": id, "status": c.Status})
		}
		if err := r.clock.Sleep(ctx, wait); err != nil {
			diags.Append(stopTimeoutDiagnostic(idText, c.Status))
			return nil, diags
		}
		wait = min(wait*2, stopPollMax)
	}
}

// stopUnknown is the stop of a campaign in a status the documentation
// does not name: one stop is sent (a stop only cancels), and a refusal is
// an error now rather than a wait for a status that may never come.
func (r *campaignResource) stopUnknown(ctx context.Context, c *client.Campaign, idText string) (*client.Campaign, diag.Diagnostics) {
	var diags diag.Diagnostics
	stopped, err := r.Client.StopCampaign(ctx, c.ID)
	if err == nil {
		return stopped, diags
	}
	d := stopErrorDiagnostic(r.Client, idText, c.Status, err)
	diags.AddError(d.Summary(), d.Detail()+" The documentation does not name that status, so the provider does not "+
		"wait for another. Look at the campaign in the platform's web UI. To leave it as it is: when applying "+
		"desired_state = \"stopped\", remove that line and apply; when destroying, set stop_on_destroy = false, "+
		"apply, then destroy.")
	return nil, diags
}

// renew resumes a paused campaign: PUT /api/campaigns/{id}/renew.
func (r *campaignResource) renew(ctx context.Context, id int64, idText string) (*client.Campaign, diag.Diagnostics) {
	var diags diag.Diagnostics
	c, err := r.Client.RenewCampaign(ctx, id)
	if client.IsUnprocessable(err) {
		// Only a paused campaign can be renewed: see what it is now.
		current, getErr := r.Client.GetCampaign(ctx, id)
		if getErr == nil && current.Status != client.StatusPaused {
			diags.AddWarning("Campaign No Longer Paused",
				fmt.Sprintf("Campaign %s is in status %q now, so it was not renewed.", idText, current.Status))
			return current, diags
		}
	}
	if err != nil {
		diags.Append(apiErrorDiagnostic("Unable to Resume Campaign", r.Client, idText, err))
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

func stopTimeoutDiagnostic(id, status string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Timed Out Stopping Campaign",
		fmt.Sprintf("Campaign %s was still in status %q when the time ran out, and is not stopped: the platform "+
			"accepts a stop only in some statuses (an RCS campaign not in \"creation\", an SMS campaign not in \"moderation\"), "+
			"and the provider waits for one. Apply again, or raise timeouts.update (timeouts.delete when destroying).", id, status))
}
