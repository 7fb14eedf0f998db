package campaign_test

// The identity of oneapi_campaign: import blocks by identity, the
// identity of an unresolved create, states written before identities
// (Terraform 1.14+: each test starts with acctest.RequireNative).

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestAccCampaign_importByIdentity: an import block by identity plans one
// import and no create.
func TestAccCampaign_importByIdentity(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cp := sb.CreateRCSCampaign("380661231231")
	sb.Advance(20 * time.Second)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+fmt.Sprintf(`
import {
  to       = oneapi_campaign.runaway
  identity = { id = "%d" }
}
resource "oneapi_campaign" "runaway" {
  desired_state = "stopped"
}
`, cp.ID))
	cli.Init()
	plan := cli.PlanJSON()
	if a := acctest.Actions(plan); a["import"] != 1 || a["create"] != 0 || a["update"] != 1 {
		t.Errorf("plan %v, want one import (with the stop: an update)", a)
	}
	cli.MustRun("apply", "-auto-approve", "-no-color", "tfplan")
	if sb.Status(cp.ID) != client.StatusStopped || sb.CountCreates() != 1 {
		t.Errorf("status %s, creates %d: want stopped, 1", sb.Status(cp.ID), sb.CountCreates())
	}
	if id := stateIdentity(t, cli, "oneapi_campaign.runaway"); id != fmt.Sprint(cp.ID) {
		t.Errorf("identity in state %q, want %d", id, cp.ID)
	}
}

// TestAccCampaign_unresolvedCreateHasAnEmptyIdentity: a create whose answer
// is lost is kept with the identity id "" (Terraform requires one), and
// the refresh that finds the campaign writes its id, with nothing sent
// again.
func TestAccCampaign_unresolvedCreateHasAnEmptyIdentity(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	sb.SetFaults(lostAndUnfound("request"))
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", campaignsConfig(sb, 1, "rcs_sender"))
	cli.Init()
	mustContain(t, cli.MustRun("apply", "-auto-approve", "-no-color"), "Campaign Create Unresolved")
	if id, ok := identityOf(t, cli, "oneapi_campaign.made[0]"); !ok || id != "" {
		t.Errorf("identity of the unresolved create %q (present %v), want \"\"", id, ok)
	}
	sb.SetFaults(sandbox.Faults{RepeatedReference: "request"}) // the platform lists the messages now
	cli.MustRun("apply", "-refresh-only", "-auto-approve", "-no-color")
	ids := sb.CampaignIDs()
	if id, _ := identityOf(t, cli, "oneapi_campaign.made[0]"); len(ids) != 1 || id != fmt.Sprint(ids[0]) {
		t.Errorf("identity after the campaign was found %q, campaigns %v", id, ids)
	}
	if out, err := cli.Run("plan", "-detailed-exitcode", "-no-color"); err != nil {
		t.Errorf("the plan after the campaign was found is not empty (%v):\n%s", err, out)
	}
	if n := sb.CountCreates(); n != 2 {
		t.Errorf("%d create requests, want 2 (the first and the guarded one)", n)
	}
}

// identityOf is the identity id of a resource instance ("type.name" or
// "type.name[0]") in the state, and whether it has one.
func identityOf(t *testing.T, cli *acctest.CLI, addr string) (string, bool) {
	t.Helper()
	var state struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address  string         `json:"address"`
					Identity map[string]any `json:"identity"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(cli.MustRun("show", "-json")), &state); err != nil {
		t.Fatal(err)
	}
	for _, r := range state.Values.RootModule.Resources {
		if r.Address == addr {
			id, ok := r.Identity["id"].(string)
			return id, ok
		}
	}
	return "", false
}

// stateIdentity is the identity id of a resource in the state file.
func stateIdentity(t *testing.T, cli *acctest.CLI, addr string) string {
	t.Helper()
	var state struct {
		Resources []struct {
			Type, Name string
			Instances  []struct {
				Identity map[string]any `json:"identity"`
			}
		}
	}
	if err := json.Unmarshal([]byte(cli.Read("terraform.tfstate")), &state); err != nil {
		t.Fatal(err)
	}
	for _, r := range state.Resources {
		if r.Type+"."+r.Name == addr && len(r.Instances) == 1 && r.Instances[0].Identity["id"] != nil {
			return fmt.Sprint(r.Instances[0].Identity["id"])
		}
	}
	return ""
}

// TestAccCampaign_stateWithoutIdentityRefreshesToOne: a state written before
// identities (the previous release wrote none: the identity and its
// schema version are removed from the state file) plans nothing, and its
// refresh writes the identity.
func TestAccCampaign_stateWithoutIdentityRefreshesToOne(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", campaignsConfig(sb, 1, "rcs_sender"))
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")
	sb.Advance(20 * time.Second)
	var state map[string]any
	if err := json.Unmarshal([]byte(cli.Read("terraform.tfstate")), &state); err != nil {
		t.Fatal(err)
	}
	for _, r := range state["resources"].([]any) {
		for _, i := range r.(map[string]any)["instances"].([]any) {
			delete(i.(map[string]any), "identity")
			delete(i.(map[string]any), "identity_schema_version")
		}
	}
	b, _ := json.Marshal(state)
	cli.Write("terraform.tfstate", string(b))
	if stateIdentity(t, cli, "oneapi_campaign.made") != "" {
		t.Fatal("the identity is still in the state")
	}
	sb.ResetCounters()
	if out, err := cli.Run("plan", "-detailed-exitcode", "-no-color"); err != nil {
		t.Errorf("the plan of the old state is not empty (%v):\n%s", err, out)
	}
	cli.MustRun("apply", "-refresh-only", "-auto-approve", "-no-color")
	if id := stateIdentity(t, cli, "oneapi_campaign.made"); id != fmt.Sprint(sb.CampaignIDs()[0]) {
		t.Errorf("identity after the refresh %q, want %d", id, sb.CampaignIDs()[0])
	}
	if out, err := cli.Run("plan", "-detailed-exitcode", "-no-color"); err != nil {
		t.Errorf("the plan after the refresh is not empty (%v):\n%s", err, out)
	}
	if sb.CountCreates() != 0 || sb.StopsAndRenews() != 0 {
		t.Errorf("creates %d, stops %d: want none", sb.CountCreates(), sb.StopsAndRenews())
	}
}
