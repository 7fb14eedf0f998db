package campaign_test

// The Terraform 1.14 features of campaigns, through the CLI itself
// (acctest.CLI): the stop and renew actions, the list resource with
// terraform query, and the identity. make test runs them with Terraform
// v1.16.0 (ONEAPI_ACC_NATIVE=1).

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-version"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

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

// TestAccNative_stopActionIsTheKillSwitch: the action stops a campaign no
// state holds with one stop request, and a second invoke succeeds with
// none; the state stays empty.
func TestAccNative_stopActionIsTheKillSwitch(t *testing.T) {
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

// TestAccNative_stopActionSettledStatuses: done and spam are successes that
// say so, with no stop request.
func TestAccNative_stopActionSettledStatuses(t *testing.T) {
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

// TestAccNative_stopActionOfAnUnknownID fails naming the id and the
// endpoint, and sends no stop.
func TestAccNative_stopActionOfAnUnknownID(t *testing.T) {
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

// TestAccNative_stopActionWaitsOutARefusal: an RCS campaign in creation
// cannot be stopped yet; the action waits, reports each status, and stops
// it once it can. With too short a timeout it fails with what to do, and
// sends nothing.
func TestAccNative_stopActionWaitsOutARefusal(t *testing.T) {
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

// TestAccNative_actionConfigIsCheckedAtPlan: bad input fails before any
// request, naming the attribute.
func TestAccNative_actionConfigIsCheckedAtPlan(t *testing.T) {
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

// TestAccNative_renewAction resumes a paused campaign with one renew
// request; any other status fails with what it allows, and no renew.
func TestAccNative_renewAction(t *testing.T) {
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

// campaignsConfig manages n RCS campaigns of sender.
func campaignsConfig(sb *acctest.Sandbox, n int, sender string) string {
	return acctest.RequiredProviders + sb.ProviderBlock() + fmt.Sprintf(`
resource "oneapi_campaign" "made" {
  count = %d
  recipients = {
    phones = ["38066123123${count.index}"]
  }
  rcs = {
    sender = %q
    text   = "Made in another workspace"
  }
}
`, n, sender)
}

// TestAccNative_queryImportsWhatAnotherWorkspaceMade: terraform query finds
// the campaigns another workspace created; the configuration it generates
// plans imports only and then nothing, and no campaign is sent again.
func TestAccNative_queryImportsWhatAnotherWorkspaceMade(t *testing.T) {
	sb := acctest.StartSandbox(t)
	other := acctest.NewCLI(t, nil)
	other.Write("main.tf", campaignsConfig(sb, 2, "rcs_sender"))
	other.Init()
	other.MustRun("apply", "-auto-approve", "-no-color")
	sb.SeedCampaigns(1, true, "sms_sender") // another sender: not found
	sb.Advance(20 * time.Second)

	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock())
	cli.Write("main.tfquery.hcl", `
list "oneapi_campaign" "found" {
  provider         = oneapi
  include_resource = true
  config {
    sender = "rcs_sender"
  }
}
`)
	cli.Init()
	sb.ResetCounters()
	out := cli.MustRun("query", "-no-color", "-generate-config-out=generated.tf")
	ids := sb.CampaignIDs()
	for _, id := range ids[:2] {
		mustContain(t, out, fmt.Sprintf("list.oneapi_campaign.found id=%d", id))
	}
	if strings.Contains(out, fmt.Sprint(ids[2])) {
		t.Errorf("the query found the other sender's campaign %d:\n%s", ids[2], out)
	}
	if n := sb.Count("GET /api/campaigns/{id}"); n != 0 {
		t.Errorf("the query read %d campaigns one by one, want 0 (the list answers carry them)", n)
	}
	generated := cli.Read("generated.tf")
	for _, bad := range []string{"recipients = {", "rcs = {", "sms = {"} {
		if strings.Contains(generated, bad) {
			t.Errorf("the generated configuration has content (%s):\n%s", bad, generated)
		}
	}

	plan := acctest.Actions(cli.PlanJSON())
	if plan["import"] != 2 || plan["create"] != 0 || plan["update"] != 0 || plan["delete"] != 0 {
		t.Errorf("the generated configuration plans %v, want 2 imports and nothing else\n%s", plan, generated)
	}
	cli.MustRun("apply", "-auto-approve", "-no-color", "tfplan")
	if after := acctest.Actions(cli.PlanJSON()); after["no-op"] != 2 || len(after) != 1 {
		t.Errorf("the plan after the import is %v, want 2 no-ops", after)
	}
	if n := len(sb.CampaignIDs()); sb.CountCreates() != 0 || n != 3 || sb.StopsAndRenews() != 0 {
		t.Errorf("creates since the query %d (want 0), campaigns %d (want 3), stops and renews %d (want 0)", sb.CountCreates(), n, sb.StopsAndRenews())
	}
}

// queryCLI is a working directory with one list block of campaigns.
func queryCLI(t *testing.T, sb *acctest.Sandbox, body string) *acctest.CLI {
	t.Helper()
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock())
	cli.Write("main.tfquery.hcl", "list \"oneapi_campaign\" \"found\" {\n  provider = oneapi\n"+body+"\n}\n")
	cli.Init()
	sb.ResetCounters()
	return cli
}

// TestAccNative_queryStreamsPages: the results go out page by page: a
// query that wants 3 results reads one page of 500, not the 603 campaigns
// of every type; without a limit every page of every type is read once.
func TestAccNative_queryStreamsPages(t *testing.T) {
	sb := acctest.StartSandbox(t)
	sb.SeedCampaigns(600, false, "rcs_sender")
	sb.SeedCampaigns(3, true, "sms_sender")

	cli := queryCLI(t, sb, "  limit = 3\n")
	out := cli.MustRun("query", "-no-color")
	if got := strings.Count(out, "list.oneapi_campaign.found"); got != 3 {
		t.Errorf("%d results, want 3:\n%s", got, out)
	}
	if n := sb.Count("GET /api/campaigns"); n != 1 {
		t.Errorf("%d list requests for 3 results, want 1: the results were gathered before they were sent", n)
	}

	cli = queryCLI(t, sb, "  limit = 1000\n")
	out = cli.MustRun("query", "-no-color")
	if got := strings.Count(out, "list.oneapi_campaign.found"); got != 603 {
		t.Errorf("%d results, want 603 (every type)", got)
	}
	if n := sb.Count("GET /api/campaigns"); n != 5 {
		t.Errorf("%d list requests, want 5 (2 pages of rcs, 1 each of sms, viber and whatsapp)", n)
	}
}

// TestAccNative_queryFilters: status, type (a Viber campaign too), name
// and a creation window of seven months (three windows per type, of the
// four types).
func TestAccNative_queryFilters(t *testing.T) {
	sb := acctest.StartSandbox(t)
	rcs := sb.SeedCampaigns(2, false, "rcs_sender")
	sms := sb.SeedCampaigns(1, true, "sms_sender")
	viber, err := sb.Client().CreateViberCampaign(context.Background(), client.ViberCampaignRequest{
		Phones: []client.Phone{{Number: "380661231231"}}, Viber: client.ViberContent{Sender: "ViberShop", Text: "Sale"}})
	if err != nil {
		t.Fatal(err)
	}
	acctest.Force(client.StatusStopped)(sb, rcs[1])
	from := sb.Now().AddDate(0, -7, 0).UTC().Format(time.RFC3339)
	for _, c := range []struct {
		body     string
		want     []int64
		requests int
	}{
		{`config { status = ["stopped"] }`, []int64{rcs[1]}, 4},
		{`config { type = "sms" }`, []int64{sms[0]}, 1},
		{`config { type = "viber" }`, []int64{viber.ID}, 1},
		{`config { name_contains = "SMS" }`, []int64{sms[0]}, 4},
		{fmt.Sprintf(`config { created_from = %q }`, from), []int64{rcs[0], rcs[1], sms[0], viber.ID}, 12},
	} {
		t.Run(c.body, func(t *testing.T) {
			cli := queryCLI(t, sb, c.body)
			out := cli.MustRun("query", "-no-color")
			if got := strings.Count(out, "list.oneapi_campaign.found"); got != len(c.want) {
				t.Errorf("%d results, want %d:\n%s", got, len(c.want), out)
			}
			for _, id := range c.want {
				mustContain(t, out, fmt.Sprintf("id=%d", id))
			}
			if n := sb.Count("GET /api/campaigns"); n != c.requests {
				t.Errorf("%d list requests, want %d", n, c.requests)
			}
		})
	}
}

// TestAccNative_importByIdentity: an import block by identity plans one
// import and no create.
func TestAccNative_importByIdentity(t *testing.T) {
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

// TestAccNative_unresolvedCreateHasAnEmptyIdentity: a create whose answer
// is lost is kept with the identity id "" (Terraform requires one), and
// the refresh that finds the campaign writes its id, with nothing sent
// again.
func TestAccNative_unresolvedCreateHasAnEmptyIdentity(t *testing.T) {
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

// TestAccNative_stateWithoutIdentityRefreshesToOne: a state written before
// identities (the previous release wrote none: the identity and its
// schema version are removed from the state file) plans nothing, and its
// refresh writes the identity.
func TestAccNative_stateWithoutIdentityRefreshesToOne(t *testing.T) {
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

// TestAccNative_planErrorsPointAtTheAttribute: an error of a nested
// attribute names it as a user writes it; Terraform 1.16 points it at that
// attribute's line, older CLIs (1.14.5 measured) at the resource's. Where
// the error points is the CLI's doing: the provider sends the same path.
func TestAccNative_planErrorsPointAtTheAttribute(t *testing.T) {
	sb := acctest.StartSandbox(t)
	atAttribute := !acctest.CLIVersion(t).LessThan(version.Must(version.NewVersion("1.16.0")))
	for name, c := range map[string]struct{ body, line, says string }{
		"phone with a plus": {`recipients = { phones = ["+380661231231"] }
  rcs = { sender = "rcs_sender", text = "Hello" }`, `recipients = { phones = ["+380661231231"] }`, `Attribute recipients.phones has "+380661231231", which is not a phone number`},
		"text too long": {`recipients = { phones = ["380661231231"] }
  rcs = {
    sender = "rcs_sender"
    text   = "` + strings.Repeat("x", 170) + `"
  }`, `text   = "xxxx`, `Attribute rcs.text must be 1 to 160 characters`},
		"list id 0": {`recipients = { groups = [0] }
  sms = { sender = "Shop", text = "Hello" }`, `recipients = { groups = [0] }`, `Attribute recipients.groups has 0, which is not a contact list id`},
	} {
		t.Run(name, func(t *testing.T) {
			cli := acctest.NewCLI(t, nil)
			cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+"resource \"oneapi_campaign\" \"bad\" {\n  "+c.body+"\n}\n")
			cli.Init()
			sb.ResetCounters()
			out, err := cli.Run("plan", "-no-color")
			if err == nil {
				t.Fatalf("planned:\n%s", out)
			}
			mustContain(t, out, c.says)
			line := `resource "oneapi_campaign" "bad" {`
			if atAttribute {
				line = c.line
			}
			if !regexp.MustCompile(`on main.tf line \d+, in resource "oneapi_campaign" "bad":\n\s*\d+:\s*` + regexp.QuoteMeta(line)).MatchString(out) {
				t.Errorf("the error does not point at the line %q:\n%s", line, out)
			}
			if strings.Contains(out, "Value(") {
				t.Errorf("the error writes a path in the framework's syntax:\n%s", out)
			}
			if n := len(sb.Counters()); n != 0 {
				t.Errorf("requests for a bad configuration: %v", sb.Counters())
			}
		})
	}
}

// TestAccNative_resumeWarningIsTrueOnTheReplacePlan: "Stopped Campaign
// Cannot Be Resumed" advises terraform apply -replace=ADDRESS. Terraform
// plans the campaign as it is before it plans the replacement, so that
// plan shows the warning too: its text must be true there. Following the
// advice sends one new campaign; the stopped one stays stopped.
func TestAccNative_resumeWarningIsTrueOnTheReplacePlan(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	config := func(desired string) string {
		return acctest.RequiredProviders + sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "`+desired+`"`))
	}
	cli.Write("main.tf", config("active"))
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")
	sb.Advance(6 * time.Second)
	cli.Write("main.tf", config("stopped"))
	cli.MustRun("apply", "-auto-approve", "-no-color")
	cli.Write("main.tf", config("active"))
	plain := cli.MustRun("plan", "-no-color")
	mustContain(t, plain, "Warning: Stopped Campaign Cannot Be Resumed", "Unless this plan replaces it", "1 to change")

	out := cli.MustRun("apply", "-replace="+acctest.CampaignAddr, "-auto-approve", "-no-color")
	mustContain(t, out, "Warning: Stopped Campaign Cannot Be Resumed",
		"Unless this plan replaces it, desired_state = \"active\" is recorded and no API call is made",
		"whose plan shows this warning too", "1 added, 0 changed, 1 destroyed")
	if n := sb.CountCreates(); n != 2 {
		t.Errorf("%d campaign creates, want 2: the first and its replacement", n)
	}
	sb.Advance(6 * time.Second)
	cli.MustRun("destroy", "-auto-approve", "-no-color")
}

// TestAccNative_placeholderToPhonesIsAWarning: a {field_id} in a campaign
// to phones plans with a warning on the text's attribute; a text without
// one asks nothing of the API at plan.
func TestAccNative_placeholderToPhonesIsAWarning(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	config := func(text string) string {
		return acctest.RequiredProviders + sb.CampaignConfig(`
  recipients = { phones = ["380661231231"] }
  sms = {
    sender = "Shop"
    text   = "`+text+`"
  }
`)
	}
	cli.Write("main.tf", config("Hello {387714}"))
	cli.Init()
	mustContain(t, cli.MustRun("plan", "-no-color"), "Warning: Placeholders May Be Sent As Written",
		"Attribute sms.text names {387714}", "Plan: 1 to add")
	sb.ResetCounters()
	cli.Write("main.tf", config("Hello"))
	out := cli.MustRun("plan", "-no-color")
	if strings.Contains(out, "Placeholders") || sb.Count("GET /api/contacts/fields") != 0 {
		t.Errorf("a text without placeholders warned or read the fields:\n%s", out)
	}
}
