package campaign_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestAccCampaign_stopAndRenewSettingsCheckedWhenKnown: a bad campaign id or
// timeout of the stop and renew actions fails with the error of the
// literal case when it comes from a variable (at plan) or from another
// resource's attribute (at invoke), and no request is sent.
func TestAccCampaign_stopAndRenewSettingsCheckedWhenKnown(t *testing.T) {
	acctest.RequireNative(t)
	badID := func(id, says string) acctest.BadActionSetting {
		return acctest.BadActionSetting{Settings: "campaign_id = %s", Value: id,
			Summary: "Invalid Campaign Id", Attr: "campaign_id", Detail: `"` + id + `" ` + says}
	}
	t.Run("oneapi_campaign_stop", func(t *testing.T) {
		acctest.CheckActionSettings(t, "oneapi_campaign_stop", []acctest.BadActionSetting{
			badID("abc", `is not a campaign id \(digits only\)\.`),
			{Settings: "campaign_id = \"53708808\"\ntimeouts = { invoke = %s }", Value: "soon",
				Summary: "Invalid Attribute Value Time Duration", Attr: "timeouts", Detail: `"soon" must be a string containing a sequence of decimal numbers`},
		})
	})
	t.Run("oneapi_campaign_renew", func(t *testing.T) {
		acctest.CheckActionSettings(t, "oneapi_campaign_renew", []acctest.BadActionSetting{
			badID("abc", `is not a campaign id \(digits only\)\.`),
			badID("9999999999999999999", `is out of range: a campaign id is a whole number from 1 to`),
		})
	})
}

// actionConfig is a configuration with one action of this type, named
// "it", for campaign id.
func actionConfig(sb *acctest.Sandbox, typ, id, extra string) string {
	return acctest.RequiredProviders + sb.ProviderBlock() + fmt.Sprintf(`
action %q "it" {
  config {
    campaign_id = %q
    %s
  }
}
`, typ, id, extra)
}

// invoke runs terraform apply -invoke of the action "it" of typ.
func invoke(cli *acctest.CLI, typ string) (string, error) {
	return cli.Run("apply", "-invoke=action."+typ+".it", "-auto-approve", "-no-color")
}

// actionCLI is an initialized working directory with one action for
// campaign id.
func actionCLI(t *testing.T, sb *acctest.Sandbox, typ, id, extra string) *acctest.CLI {
	t.Helper()
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", actionConfig(sb, typ, id, extra))
	cli.Init()
	sb.ResetCounters()
	return cli
}

func mustContain(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !acctest.WrappedRE(regexp.QuoteMeta(w)).MatchString(out) {
			t.Errorf("the CLI did not say %q:\n%s", w, out)
		}
	}
}

// TestAccCampaign_stopActionIsTheKillSwitch: the action stops a campaign no
// state holds with one stop request, and a second invoke succeeds with
// none; the state stays empty.
func TestAccCampaign_stopActionIsTheKillSwitch(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cp := sb.CreateRCSCampaign("380661231231")
	acctest.Force(client.StatusSending)(sb, cp.ID)
	id := fmt.Sprint(cp.ID)
	cli := actionCLI(t, sb, "oneapi_campaign_stop", id, "")

	out, err := invoke(cli, "oneapi_campaign_stop")
	if err != nil {
		t.Fatalf("invoke: %v\n%s", err, out)
	}
	mustContain(t, out, `Campaign `+id+` is in status "sending".`, `Campaign `+id+` is stopped.`, "Actions: 1 invoked.")
	if got := sb.Status(cp.ID); got != client.StatusStopped {
		t.Errorf("status %q after the stop action, want stopped", got)
	}
	if n := sb.Count("PUT /api/campaigns/{id}/stop"); n != 1 {
		t.Errorf("%d stop requests, want 1", n)
	}

	out, err = invoke(cli, "oneapi_campaign_stop")
	if err != nil {
		t.Fatalf("second invoke: %v\n%s", err, out)
	}
	mustContain(t, out, `Campaign `+id+` was stopped already: its status is final. No stop request was sent.`)
	if n := sb.StopsAndRenews(); n != 1 {
		t.Errorf("%d stop and renew requests after the second invoke, want still 1", n)
	}
	if _, err := os.Stat(filepath.Join(cli.Dir, "terraform.tfstate")); err == nil {
		if list := cli.MustRun("state", "list"); strings.TrimSpace(list) != "" {
			t.Errorf("the action put resources into the state: %s", list)
		}
	}
}

// TestAccCampaign_stopActionSettledStatuses: done and spam are successes that
// say so, with no stop request.
func TestAccCampaign_stopActionSettledStatuses(t *testing.T) {
	acctest.RequireNative(t)
	for status, says := range map[string]string{
		client.StatusDone: "was done already: it has finished sending, and its status is final. No stop request was sent.",
		client.StatusSpam: "was spam already: moderation blocked it, so it sends nothing. No stop request was sent.",
	} {
		t.Run(status, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			cp := sb.CreateRCSCampaign("380661231231")
			acctest.Force(status)(sb, cp.ID)
			cli := actionCLI(t, sb, "oneapi_campaign_stop", fmt.Sprint(cp.ID), "")
			out, err := invoke(cli, "oneapi_campaign_stop")
			if err != nil {
				t.Fatalf("invoke: %v\n%s", err, out)
			}
			mustContain(t, out, fmt.Sprintf("Campaign %d %s", cp.ID, says))
			if n := sb.StopsAndRenews(); n != 0 {
				t.Errorf("%d stop requests, want 0", n)
			}
		})
	}
}

// TestAccCampaign_stopActionOfAnUnknownID fails naming the id and the
// endpoint, and sends no stop.
func TestAccCampaign_stopActionOfAnUnknownID(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := actionCLI(t, sb, "oneapi_campaign_stop", "99999999", "")
	out, err := invoke(cli, "oneapi_campaign_stop")
	if err == nil {
		t.Fatalf("the stop of an unknown campaign succeeded:\n%s", out)
	}
	mustContain(t, out, "Cannot Stop Non-Existent Campaign", "One-API at "+sb.URL+" answered 404 for campaign 99999999", "nothing was sent")
	if n := sb.StopsAndRenews(); n != 0 {
		t.Errorf("%d stop requests, want 0", n)
	}
}

// TestAccCampaign_stopActionWaitsOutARefusal: an RCS campaign in creation
// cannot be stopped yet; the action waits, reports each status, and stops
// it once it can. With too short a timeout it fails with what to do, and
// sends nothing.
func TestAccCampaign_stopActionWaitsOutARefusal(t *testing.T) {
	acctest.RequireNative(t)
	t.Run("within the limit", func(t *testing.T) {
		sb := acctest.StartSandbox(t)
		cp := sb.CreateRCSCampaign("380661231231")
		id := fmt.Sprint(cp.ID)
		cli := actionCLI(t, sb, "oneapi_campaign_stop", id, "")
		sb.AdvanceWhenRead(2, 6*time.Second) // out of creation while the action waits
		out, err := invoke(cli, "oneapi_campaign_stop")
		if err != nil {
			t.Fatalf("invoke: %v\n%s", err, out)
		}
		mustContain(t, out, `Campaign `+id+` is in status "creation".`, `Campaign `+id+` is stopped.`)
		if got := sb.Status(cp.ID); got != client.StatusStopped {
			t.Errorf("status %q, want stopped", got)
		}
		if n := sb.Count("PUT /api/campaigns/{id}/stop"); n != 1 {
			t.Errorf("%d stop requests, want 1 (none while in creation)", n)
		}
	})
	t.Run("past the limit", func(t *testing.T) {
		sb := acctest.StartSandbox(t)
		cp := sb.CreateRCSCampaign("380661231231")
		cli := actionCLI(t, sb, "oneapi_campaign_stop", fmt.Sprint(cp.ID), `timeouts = { invoke = "2s" }`)
		out, err := invoke(cli, "oneapi_campaign_stop")
		if err == nil {
			t.Fatalf("the stop succeeded in creation:\n%s", out)
		}
		mustContain(t, out, "Timed Out Stopping Campaign", `was still in status "creation"`, "Invoke the action again, or raise timeouts.invoke.")
		if n := sb.StopsAndRenews(); n != 0 {
			t.Errorf("%d stop requests, want 0", n)
		}
	})
	t.Run("PATCH where PUT is refused", func(t *testing.T) {
		sb := acctest.StartSandbox(t)
		cp := sb.CreateRCSCampaign("380661231231")
		acctest.Force(client.StatusSending)(sb, cp.ID)
		sb.SetFaults(sandbox.Faults{StopMethod: "put_405"})
		cli := actionCLI(t, sb, "oneapi_campaign_stop", fmt.Sprint(cp.ID), "")
		if out, err := invoke(cli, "oneapi_campaign_stop"); err != nil {
			t.Fatalf("invoke: %v\n%s", err, out)
		}
		if put, patch := sb.Count("PUT /api/campaigns/{id}/stop"), sb.Count("PATCH /api/campaigns/{id}/stop"); put != 1 || patch != 1 || sb.Status(cp.ID) != client.StatusStopped {
			t.Errorf("PUT %d, PATCH %d, status %s: want one of each and stopped", put, patch, sb.Status(cp.ID))
		}
	})
}

// TestAccCampaign_actionConfigIsCheckedAtPlan: bad input fails before any
// request, naming the attribute.
func TestAccCampaign_actionConfigIsCheckedAtPlan(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	for _, c := range []struct{ typ, id, extra, want string }{
		{"oneapi_campaign_stop", "", "", `"" is not a campaign id (digits only).`},
		{"oneapi_campaign_stop", "abc", "", `"abc" is not a campaign id (digits only).`},
		{"oneapi_campaign_stop", "9999999999999999999", "", `is out of range: a campaign id is a whole number from 1 to`},
		{"oneapi_campaign_stop", "53708808", `timeouts = { invoke = "soon" }`, `"soon" must be a string containing a sequence of decimal numbers`},
		{"oneapi_campaign_renew", "0", "", `"0" is not a campaign id (digits only).`},
	} {
		t.Run(c.typ+" "+c.id+" "+c.extra, func(t *testing.T) {
			cli := actionCLI(t, sb, c.typ, c.id, c.extra)
			out, err := invoke(cli, c.typ)
			if err == nil {
				t.Fatalf("accepted:\n%s", out)
			}
			mustContain(t, out, c.want, "in action \""+c.typ+"\" \"it\"")
			if n := len(sb.Counters()); n != 0 {
				t.Errorf("requests were made for a bad configuration: %v", sb.Counters())
			}
		})
	}
}

// TestAccCampaign_renewAction resumes a paused campaign with one renew
// request; any other status fails with what it allows, and no renew.
func TestAccCampaign_renewAction(t *testing.T) {
	acctest.RequireNative(t)
	for status, want := range map[string]string{
		client.StatusPaused:  "",
		client.StatusSending: "it can be stopped (oneapi_campaign_stop), or left to finish.",
		client.StatusStopped: "the status is final, and nothing can change it.",
		client.StatusSpam:    "moderation blocked the campaign",
		client.StatusDone:    "the status is final",
	} {
		t.Run(status, func(t *testing.T) {
			sb := acctest.StartSandbox(t)
			cp := sb.CreateRCSCampaign("380661231231")
			acctest.Force(status)(sb, cp.ID)
			id := fmt.Sprint(cp.ID)
			cli := actionCLI(t, sb, "oneapi_campaign_renew", id, "")
			out, err := invoke(cli, "oneapi_campaign_renew")
			renews := sb.Count("PUT /api/campaigns/{id}/renew")
			if want == "" {
				if err != nil {
					t.Fatalf("invoke: %v\n%s", err, out)
				}
				mustContain(t, out, `Campaign `+id+` is paused; resuming it.`)
				if renews != 1 || sb.Status(cp.ID) == client.StatusPaused {
					t.Errorf("%d renew requests, status %s: want 1 and no longer paused", renews, sb.Status(cp.ID))
				}
				return
			}
			if err == nil {
				t.Fatalf("renewed a campaign in status %s:\n%s", status, out)
			}
			mustContain(t, out, "Campaign Is Not Paused", fmt.Sprintf("Campaign %s is in status %q", id, status), "no renew request was sent", want)
			if renews != 0 {
				t.Errorf("%d renew requests, want 0", renews)
			}
		})
	}
}
