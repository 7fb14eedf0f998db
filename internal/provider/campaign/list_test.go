package campaign_test

// The list resource oneapi_campaign, through terraform query (Terraform
// 1.14+: each test starts with acctest.RequireNative).

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

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

// TestAccCampaign_queryImportsWhatAnotherWorkspaceMade: terraform query finds
// the campaigns another workspace created; the configuration it generates
// plans imports only and then nothing, and no campaign is sent again.
func TestAccCampaign_queryImportsWhatAnotherWorkspaceMade(t *testing.T) {
	acctest.RequireNative(t)
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
	acctest.QueryPlansImportsOnly(t, sb, cli, 2)
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

// TestAccCampaign_queryStreamsPages: the results go out page by page: a
// query that wants 3 results reads one page of 500, not the 603 campaigns
// of every type; without a limit every page of every type is read once.
func TestAccCampaign_queryStreamsPages(t *testing.T) {
	acctest.RequireNative(t)
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
	// 2 pages of rcs, 1 of each other type (sms, viber, whatsapp, ...).
	if n, want := sb.Count("GET /api/campaigns"), 1+len(framework.MessageTypes()); n != want {
		t.Errorf("%d list requests, want %d (2 pages of rcs, 1 of each other type)", n, want)
	}
}

// TestAccCampaign_queryFilters: status, type (a Viber campaign too), name
// and a creation window of seven months (three windows per type, of the
// four types).
func TestAccCampaign_queryFilters(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	rcs := sb.SeedCampaigns(2, false, "rcs_sender")
	sms := sb.SeedCampaigns(1, true, "sms_sender")
	viber, err := sb.Client().CreateViberCampaign(context.Background(), client.ViberCampaignRequest{
		CampaignSend: client.CampaignSend{Phones: []client.Phone{{Number: "380661231231"}}}, Viber: client.ViberContent{Sender: "ViberShop", Text: "Sale"}})
	if err != nil {
		t.Fatal(err)
	}
	acctest.Force(client.StatusStopped)(sb, rcs[1])
	from := sb.Now().AddDate(0, -7, 0).UTC().Format(time.RFC3339)
	types := len(framework.MessageTypes()) // a search without a type lists each
	for _, c := range []struct {
		body     string
		want     []int64
		requests int
	}{
		{`config { status = ["stopped"] }`, []int64{rcs[1]}, types},
		{`config { type = "sms" }`, []int64{sms[0]}, 1},
		{`config { type = "viber" }`, []int64{viber.ID}, 1},
		{`config { name_contains = "SMS" }`, []int64{sms[0]}, types},
		{fmt.Sprintf(`config { created_from = %q }`, from), []int64{rcs[0], rcs[1], sms[0], viber.ID}, 3 * types},
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
