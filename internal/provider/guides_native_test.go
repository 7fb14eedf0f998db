package provider_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// requirePromise checks that the guide template (under templates/guides)
// still makes the promise its test reads, white space aside.
func requirePromise(t *testing.T, guide, promise string) {
	t.Helper()
	b, err := os.ReadFile("../../templates/guides/" + guide)
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if !strings.Contains(squash(string(b)), squash(promise)) {
		t.Errorf("%s no longer says %q: the test reads that promise", guide, promise)
	}
}

// TestAccNative_guideIncidentForgottenVarFailsAtPlan: the one-campaign kill
// switch invoked without -var campaign_id (or with an id that is not
// digits) fails at plan, naming var.campaign_id; no action starts, no stop
// is sent, and the campaign the example's id names keeps sending.
func TestAccNative_guideIncidentForgottenVarFailsAtPlan(t *testing.T) {
	requirePromise(t, "stopping-campaigns-in-an-incident.md.tmpl", "an `-invoke` that forgets `-var campaign_id=...` fails at plan, naming `var.campaign_id`")
	sb := acctest.StartSandboxWith(t, sandbox.Config{FirstID: 53708808})
	ids := sb.SeedCampaigns(1, false, "rcs_sender")
	sb.Advance(20 * time.Second)
	cli := incidentCLI(t, sb)
	for _, c := range []struct {
		args  []string
		named string
	}{
		{nil, `var.campaign_id is null`},
		{[]string{"-var", "campaign_id=abc"}, `var.campaign_id is "abc"`},
	} {
		sb.ResetCounters()
		out, err := cli.Run(append([]string{"apply", "-invoke=action.oneapi_campaign_stop.runaway", "-auto-approve", "-no-color"}, c.args...)...)
		if err == nil || !strings.Contains(out, c.named) || strings.Contains(out, "Action started") {
			t.Errorf("invoke %v: err %v, want a plan-time error naming %q and no action started:\n%s", c.args, err, c.named, out)
		}
		if n := sb.StopsAndRenews(); n != 0 {
			t.Errorf("invoke %v: %d stops, want 0", c.args, n)
		}
	}
	if got := sb.Status(ids[0]); got != client.StatusSending {
		t.Errorf("campaign %d is %s, want still sending", ids[0], got)
	}
}

// TestAccNative_guideIncidentDesiredStateAfterTheAction: after the kill
// switch stops a campaign that a resource manages, setting its
// desired_state to "stopped" plans one in-place update of desired_state
// alone, without a warning; the apply sends nothing but reads, and the
// next plan is empty.
func TestAccNative_guideIncidentDesiredStateAfterTheAction(t *testing.T) {
	requirePromise(t, "stopping-campaigns-in-an-incident.md.tmpl", "Setting its `desired_state` to `\"stopped\"` then plans one in-place update, of `desired_state` alone and without a warning; the apply records it with no stop request (the campaign is already stopped), and the plan after it is empty.")
	sb := acctest.StartSandboxWith(t, sandbox.Config{FirstID: 53708808})
	sb.SeedCampaigns(1, false, "rcs_sender")
	sb.Advance(20 * time.Second)
	cli := acctest.NewCLI(t, nil)
	managed := func(extra string) string {
		return acctest.RequiredProviders + sb.ProviderBlock() + readExample(t, "guides/incident/one-campaign.tf") +
			"import {\n  to = oneapi_campaign.runaway\n  id = \"53708808\"\n}\n\nresource \"oneapi_campaign\" \"runaway\" {\n" + extra + "}\n"
	}
	cli.Write("main.tf", managed(""))
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")
	cli.MustRun("apply", "-invoke=action.oneapi_campaign_stop.runaway", "-var", "campaign_id=53708808", "-auto-approve", "-no-color")
	if got := sb.Status(53708808); got != client.StatusStopped {
		t.Fatalf("the kill switch left the campaign %s", got)
	}
	cli.Write("main.tf", managed("  desired_state = \"stopped\"\n"))
	plan := cli.PlanJSON()
	if got := acctest.Actions(plan); !maps.Equal(got, map[string]int{"update": 1}) {
		t.Errorf("plan actions %v, want one update", got)
	}
	if changed := changedAttributes(plan, "oneapi_campaign.runaway"); !slices.Equal(changed, []string{"desired_state"}) {
		t.Errorf("the update changes %v, want desired_state alone", changed)
	}
	if out := cli.MustRun("show", "-no-color", "tfplan"); strings.Contains(out, "Warning") {
		t.Errorf("the plan warns:\n%s", out)
	}
	sb.ResetCounters()
	cli.MustRun("apply", "-auto-approve", "-no-color", "tfplan")
	for key := range sb.Counters() {
		if !strings.HasPrefix(key, "GET ") && key != "POST /api/auth/login" {
			t.Errorf("recording desired_state called %s", key)
		}
	}
	if out, err := cli.Run("plan", "-detailed-exitcode", "-no-color"); err != nil {
		t.Errorf("the plan after it is not empty: %v\n%s", err, out)
	}
}

// changedAttributes lists the top-level attributes whose values differ
// before and after the planned change of addr.
func changedAttributes(plan map[string]any, addr string) []string {
	changes, _ := plan["resource_changes"].([]any)
	for _, rc := range changes {
		r, _ := rc.(map[string]any)
		if r["address"] != addr {
			continue
		}
		change, _ := r["change"].(map[string]any)
		before, _ := change["before"].(map[string]any)
		after, _ := change["after"].(map[string]any)
		unknown, _ := change["after_unknown"].(map[string]any)
		var out []string
		for k := range after {
			if fmt.Sprint(before[k]) != fmt.Sprint(after[k]) || unknown[k] == true {
				out = append(out, k)
			}
		}
		slices.Sort(out)
		return out
	}
	return nil
}

// TestAccNative_guideOptOutsGuardAddedAfterTheSend: the opt-out guide's
// check added next to a campaign that was already sent, after a customer
// opted out, fails every plan (naming the phone) although nothing would be
// sent; the guide's way in, terraform apply
// -target=terraform_data.promo_sent_at, creates promo_sent_at alone, and
// the plan after it passes: the apply creates the check, and no campaign
// is created or stopped.
func TestAccNative_guideOptOutsGuardAddedAfterTheSend(t *testing.T) {
	requirePromise(t, "opt-outs-as-code.md.tmpl", "terraform apply -target=terraform_data.promo_sent_at ``` It creates `promo_sent_at` and nothing else")
	sb := acctest.StartSandbox(t)
	guide := readExample(t, "guides/opt-outs/main.tf")
	cut := strings.Index(guide, "# The time of the plan that sent the campaign")
	if cut < 0 {
		t.Fatal("the guide's promo_sent_at comment changed: the test cannot leave the check out")
	}
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+guide[:cut])
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")
	if n := sb.CountCreates(); n != 1 {
		t.Fatalf("%d campaign creates before the check was added, want 1", n)
	}
	if _, err := sb.Client().AttachStopList(context.Background(), []string{"380661231232"}, []string{"sms"}); err != nil {
		t.Fatal(err)
	}
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+guide)
	sb.ResetCounters()
	nothingSent := func(when string) {
		t.Helper()
		if n := sb.CountCreates() + sb.StopsAndRenews(); n != 0 {
			t.Errorf("%s: %d campaign creates and stops, want 0", when, n)
		}
	}
	out, err := cli.Run("plan", "-no-color")
	if err == nil || !acctest.WrappedRE(`must not be messaged: 380661231232\.`).MatchString(out) {
		t.Errorf("the plan with the check added after the send: err %v, want the check's error:\n%s", err, out)
	}
	nothingSent("the refused plan")
	out = cli.MustRun("apply", "-target=terraform_data.promo_sent_at", "-auto-approve", "-no-color")
	if !strings.Contains(out, "Resources: 1 added, 0 changed, 0 destroyed.") || !strings.Contains(out, "terraform_data.promo_sent_at: Creation complete") {
		t.Errorf("the targeted apply did not create promo_sent_at alone:\n%s", out)
	}
	nothingSent("the targeted apply")
	// plantimestamp() counts seconds: a plan in the targeted apply's
	// second would read its time as its own.
	time.Sleep(time.Second)
	if got := acctest.Actions(cli.PlanJSON()); !maps.Equal(got, map[string]int{"create": 1, "no-op": 3}) {
		t.Errorf("the plan after the targeted apply: actions %v, want one create (the check), the rest unchanged", got)
	}
	cli.MustRun("apply", "-auto-approve", "-no-color")
	nothingSent("the apply after it")
	if out, err := cli.Run("plan", "-detailed-exitcode", "-no-color"); err != nil {
		t.Errorf("the plan after it is not empty: %v\n%s", err, out)
	}
}
