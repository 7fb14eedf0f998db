package provider_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestAccNative_schemaHasIdentitiesListsAndActions: through a Terraform
// 1.14+ CLI, the schema lists the three identities, the three list
// resources and the two actions.
func TestAccNative_schemaHasIdentitiesListsAndActions(t *testing.T) {
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders)
	cli.Init()
	var schema struct {
		Providers map[string]struct {
			Identities map[string]struct {
				Attributes map[string]struct {
					Type              json.RawMessage `json:"type"`
					RequiredForImport bool            `json:"required_for_import"`
				} `json:"attributes"`
			} `json:"resource_identity_schemas"`
			Lists   map[string]any `json:"list_resource_schemas"`
			Actions map[string]any `json:"action_schemas"`
		} `json:"provider_schemas"`
	}
	if err := json.Unmarshal([]byte(cli.MustRun("providers", "schema", "-json")), &schema); err != nil {
		t.Fatal(err)
	}
	p := schema.Providers[acctest.ProviderSource]
	resources := []string{"oneapi_campaign", "oneapi_contact", "oneapi_contact_field", "oneapi_contact_list", "oneapi_contact_list_members", "oneapi_stop_list_entries"}
	if got := keys(p.Lists); !slices.Equal(got, resources) {
		t.Errorf("list resources %v, want %v", got, resources)
	}
	if got := keys(p.Actions); !slices.Equal(got, []string{"oneapi_campaign_renew", "oneapi_campaign_stop", "oneapi_message_send"}) {
		t.Errorf("actions %v", got)
	}
	for _, r := range resources {
		id := p.Identities[r].Attributes["id"]
		if len(p.Identities[r].Attributes) != 1 || !id.RequiredForImport || string(id.Type) != `"string"` {
			t.Errorf("identity of %s: %+v, want one string id required for import", r, p.Identities[r])
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// incidentCLI is the guide "Stopping campaigns in an incident"
// (examples/guides/incident) as one working directory.
func incidentCLI(t *testing.T, sb *acctest.Sandbox) *acctest.CLI {
	t.Helper()
	cli := acctest.NewCLI(t, nil)
	for _, f := range []string{"one-campaign.tf", "every-campaign-of-a-sender.tf", "declared-incident.tf"} {
		cli.Write(f, readExample(t, "guides/incident/"+f))
	}
	cli.Write("provider.tf", acctest.RequiredProviders+sb.ProviderBlock())
	cli.Init()
	return cli
}

// TestAccNative_guideIncident applies each example of the guide as
// written: the kill switch for one id, for every campaign of a sender
// (for_each: -invoke runs each instance), and the incident declared in
// code (action_trigger).
func TestAccNative_guideIncident(t *testing.T) {
	t.Run("one campaign", func(t *testing.T) {
		sb := acctest.StartSandbox(t)
		ids := sb.SeedCampaigns(2, false, "rcs_sender")
		sb.Advance(20 * time.Second)
		cli := incidentCLI(t, sb)
		sb.ResetCounters()
		cli.MustRun("apply", "-invoke=action.oneapi_campaign_stop.runaway", "-var", fmt.Sprintf("campaign_id=%d", ids[0]), "-auto-approve", "-no-color")
		if sb.Status(ids[0]) != client.StatusStopped || sb.Status(ids[1]) != client.StatusSending || sb.StopsAndRenews() != 1 {
			t.Errorf("statuses %s, %s, %d stops: want only the first stopped, with one stop", sb.Status(ids[0]), sb.Status(ids[1]), sb.StopsAndRenews())
		}
	})
	t.Run("every campaign of a sender", func(t *testing.T) {
		sb := acctest.StartSandbox(t)
		ids := sb.SeedCampaigns(3, false, "rcs_sender")
		other := sb.SeedCampaigns(1, false, "other_agent")
		sb.Advance(20 * time.Second)
		if err := sb.SetStatus(ids[2], client.StatusDone); err != nil {
			t.Fatal(err)
		}
		cli := incidentCLI(t, sb)
		sb.ResetCounters()
		out := cli.MustRun("apply", "-invoke=action.oneapi_campaign_stop.sender", "-auto-approve", "-no-color")
		if !strings.Contains(out, "Actions: 2 invoked.") {
			t.Errorf("want 2 invocations (the done campaign is not listed):\n%s", out)
		}
		if sb.Status(ids[0]) != client.StatusStopped || sb.Status(ids[1]) != client.StatusStopped || sb.Status(other[0]) != client.StatusSending {
			t.Errorf("statuses %s %s, other sender %s: want stopped stopped sending", sb.Status(ids[0]), sb.Status(ids[1]), sb.Status(other[0]))
		}
		if n := sb.StopsAndRenews(); n != 2 {
			t.Errorf("%d stops, want 2", n)
		}
	})
	t.Run("declared incident", func(t *testing.T) {
		sb := acctest.StartSandbox(t)
		ids := sb.SeedCampaigns(2, false, "rcs_sender")
		sb.Advance(20 * time.Second)
		cli := incidentCLI(t, sb)
		sb.ResetCounters()
		cli.MustRun("apply", "-auto-approve", "-no-color")
		if n := sb.StopsAndRenews(); n != 0 {
			t.Errorf("%d stops without an incident, want 0", n)
		}
		out := cli.MustRun("apply", "-auto-approve", "-no-color", "-var", "incident=INC-42")
		if !strings.Contains(out, "Actions: 2 invoked.") || sb.Status(ids[0]) != client.StatusStopped || sb.Status(ids[1]) != client.StatusStopped {
			t.Errorf("the declared incident did not stop both campaigns (%s, %s):\n%s", sb.Status(ids[0]), sb.Status(ids[1]), out)
		}
		later := sb.SeedCampaigns(1, false, "rcs_sender")
		sb.Advance(20 * time.Second)
		out = cli.MustRun("apply", "-auto-approve", "-no-color", "-var", "incident=INC-42")
		if sb.Status(later[0]) != client.StatusStopped || sb.StopsAndRenews() != 3 {
			t.Errorf("while the incident is open, a new campaign of the sender is stopped at the next apply (%s, %d stops):\n%s", sb.Status(later[0]), sb.StopsAndRenews(), out)
		}
		cli.MustRun("apply", "-auto-approve", "-no-color")
		if n := sb.StopsAndRenews(); n != 3 {
			t.Errorf("%d stops after the incident was cleared, want still 3", n)
		}
	})
}

// TestAccNative_examplesOfActionsAndListResources runs the documented
// examples as written, with the stand-in's ids for the examples' ids.
func TestAccNative_examplesOfActionsAndListResources(t *testing.T) {
	sb := acctest.StartSandbox(t)
	ids := sb.SeedCampaigns(2, false, "rcs_sender") // one paused, one sending (found by the query)
	sb.Advance(20 * time.Second)
	if err := sb.SetStatus(ids[0], client.StatusPaused); err != nil {
		t.Fatal(err)
	}
	cli := acctest.NewCLI(t, nil)
	cli.Write("provider.tf", acctest.RequiredProviders+sb.ProviderBlock())
	id := fmt.Sprint(ids[0])
	for _, name := range []string{"oneapi_campaign_renew", "oneapi_campaign_stop"} {
		cli.Write(name+".tf", strings.ReplaceAll(readExample(t, "actions/"+name+"/action.tf"), "53708808", id))
	}
	if _, err := sb.Client().AttachStopList(context.Background(), []string{"380661231239"}, []string{"sms"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"oneapi_campaign", "oneapi_contact_list", "oneapi_contact", "oneapi_contact_field", "oneapi_contact_list_members", "oneapi_stop_list_entries"} {
		example := strings.ReplaceAll(readExample(t, "list-resources/"+name+"/list-resource.tfquery.hcl"), "1864620", "101")
		cli.Write(name+".tfquery.hcl", strings.ReplaceAll(example, "2026-06-01 00:00:00", sb.Now().AddDate(0, -1, 0).Format("2006-01-02 15:04:05")))
	}
	cli.Init()
	cli.MustRun("apply", "-invoke=action.oneapi_campaign_renew.resume", "-auto-approve", "-no-color")
	cli.MustRun("apply", "-invoke=action.oneapi_campaign_stop.runaway", "-auto-approve", "-no-color")
	if sb.Status(ids[0]) != client.StatusStopped || sb.Count("PUT /api/campaigns/{id}/renew") != 1 {
		t.Errorf("status %s after renew and stop, want stopped", sb.Status(ids[0]))
	}
	cli.Write("oneapi_message_send.tf", readExample(t, "actions/oneapi_message_send/action.tf"))
	for range 2 { // as its comment says: the second invoke sends nothing
		cli.MustRun("apply", "-invoke=action.oneapi_message_send.proof", "-auto-approve", "-no-color")
	}
	if n := sb.Count("POST /api/messages/send"); n != 1 {
		t.Errorf("%d messages sent by two invokes of the proof example, want 1", n)
	}
	out := cli.MustRun("query", "-no-color")
	for _, want := range []string{"list.oneapi_contact.vip ", fmt.Sprintf("list.oneapi_campaign.agent   id=%d ", ids[1]),
		"list.oneapi_contact_field.all   id=387714 ", "list.oneapi_contact_list_members.vip   id=101 ", "list.oneapi_stop_list_entries.sms   id=sms "} {
		if !strings.Contains(out, want) {
			t.Errorf("the query examples found no %s:\n%s", want, out)
		}
	}
}

// TestAccNative_guideSamplesAreTheRealText: the CLI output the guides quote
// is what the CLI prints, run as the guides describe (campaign 53708808,
// sending).
func TestAccNative_guideSamplesAreTheRealText(t *testing.T) {
	sb := acctest.StartSandboxWith(t, sandbox.Config{FirstID: 53708808})
	sb.SeedCampaigns(1, false, "rcs_sender")
	sb.Advance(20 * time.Second)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
import {
  to = oneapi_campaign.runaway
  id = "53708808"
}

resource "oneapi_campaign" "runaway" {
  desired_state = "stopped"
}
`)
	cli.Init()
	requireSamples(t, "guides/stopping-campaigns-gitops.md", "Warning: Stopping a Campaign Is Irreversible", cli.MustRun("plan", "-no-color"))

	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+readExample(t, "guides/incident/one-campaign.tf"))
	requireSamples(t, "guides/stopping-campaigns-in-an-incident.md", "Action action.oneapi_campaign_stop.runaway",
		cli.MustRun("apply", "-invoke=action.oneapi_campaign_stop.runaway", "-var", "campaign_id=53708808", "-auto-approve", "-no-color"))
}

// requireSamples checks that every line of the code block of doc (under
// docs/) that starts with first appears in out, white space aside (the
// CLI wraps lines).
func requireSamples(t *testing.T, doc, first, out string) {
	t.Helper()
	b, err := os.ReadFile("../../docs/" + doc)
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	got := squash(out)
	found := false
	for _, block := range strings.Split(string(b), "```")[1:] {
		block = strings.TrimPrefix(block, "\n")
		if !strings.HasPrefix(block, first) {
			continue
		}
		found = true
		for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
			if want := squash(line); !strings.Contains(got, want) {
				t.Errorf("%s quotes %q, which the CLI did not print:\n%s", doc, want, out)
			}
		}
	}
	if !found {
		t.Errorf("%s has no sample that starts with %q", doc, first)
	}
}

// TestAccNative_costGuideAdviceIsFollowed: a campaign beyond the balance is
// refused before it is sent; after a top-up, the plain apply still checks
// the values recorded at the refusal, and the error's advice (apply
// -replace=terraform_data.sale_budget) checks again and sends it, once.
func TestAccNative_costGuideAdviceIsFollowed(t *testing.T) {
	sb := acctest.StartSandboxWith(t, sandbox.Config{Balance: 0.01})
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+readExample(t, "guides/preconditions/main.tf"))
	cli.Init()
	refused := regexp.MustCompile(`(?s)Resource precondition failed.*would\s+cost\s+0\.045\s+USD.*terraform\s+apply\s+-replace=terraform_data\.sale_budget`)
	out, err := cli.Run("apply", "-auto-approve", "-no-color")
	if err == nil || !refused.MatchString(out) {
		t.Fatalf("apply beyond the balance: err %v, want the precondition's refusal:\n%s", err, out)
	}
	sb.SetBalance(100, 0)
	if out, err := cli.Run("apply", "-auto-approve", "-no-color"); err == nil || !refused.MatchString(out) {
		t.Fatalf("apply after the top-up without -replace: err %v, want the recorded values refused again:\n%s", err, out)
	}
	if n := sb.CountCreates(); n != 0 {
		t.Fatalf("%d campaign creates before the check passed, want 0", n)
	}
	out = cli.MustRun("apply", "-replace=terraform_data.sale_budget", "-auto-approve", "-no-color")
	if !strings.Contains(out, "oneapi_campaign.sale: Creation complete") {
		t.Errorf("following the advice did not create the campaign:\n%s", out)
	}
	if n := sb.CountCreates(); n != 1 {
		t.Errorf("campaign creates = %d, want 1", n)
	}
	cli.MustRun("destroy", "-auto-approve", "-no-color")
}
