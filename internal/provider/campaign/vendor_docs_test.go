package campaign_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// These tests hold the provider to the vendor's developer web pages where
// they differ from the OpenAPI file, and to the decisions the docs list
// where the sources disagree (docs/index.md, "Where the sources disagree").

// TestAccCampaign_timeZone: with the account in Asia/Tokyo and time_zone set
// to match, a start_at written in RFC 3339 with another offset starts the
// campaign at exactly that instant, and one written as yyyy-mm-dd hh:mm:ss
// is sent as written; the state keeps the user's spelling, so nothing is
// planned afterwards.
func TestAccCampaign_timeZone(t *testing.T) {
	t.Parallel()
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	sb := acctest.StartSandboxWith(t, sandbox.Config{AccountZone: tokyo})
	start := sb.Now().Add(2 * time.Hour).Truncate(time.Second)
	written := start.In(time.FixedZone("", -5*3600)).Format(time.RFC3339) // e.g. 2026-11-27T13:30:00-05:00
	bare := start.Add(time.Hour).In(tokyo).Format(client.TimeLayout)
	config := sb.ProviderBlockWith(`time_zone = "Asia/Tokyo"`) + fmt.Sprintf(`
resource "oneapi_campaign" "rfc3339" {
  recipients = { phones = ["380661231231"] }
  rcs        = { sender = "rcs_sender", text = "Starts at the instant written" }
  start_at   = %q
}
resource "oneapi_campaign" "bare" {
  recipients = { phones = ["380661231232"] }
  rcs        = { sender = "rcs_sender", text = "Starts at the wall time written" }
  start_at   = %q
}
`, written, bare)
	rfc, bareAddr := "oneapi_campaign.rfc3339", "oneapi_campaign.bare"
	noChanges := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(
					sb.CampaignStartAt(rfc, start.In(tokyo).Format(client.TimeLayout)),
					sb.CampaignStartAt(bareAddr, bare),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(rfc, "start_at", knownvalue.StringExact(written)),
					acctest.StateValue(bareAddr, "start_at", knownvalue.StringExact(bare)),
					acctest.StateValue(rfc, "created_at", knownvalue.StringExact(sb.Now().In(tokyo).Format(client.TimeLayout))),
				},
			},
			{
				PreConfig:        func() { sb.Advance(start.Sub(sb.Now()) - time.Second) },
				Config:           config,
				ConfigPlanChecks: noChanges,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(rfc, "status", knownvalue.StringExact("scheduled")),
					acctest.StateValue(rfc, "real_start_at", knownvalue.Null()),
				},
			},
			{
				PreConfig:        func() { sb.Advance(2 * time.Second) },
				Config:           config,
				ConfigPlanChecks: noChanges,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(rfc, "status", knownvalue.StringExact("sending")),
					acctest.StateValue(rfc, "real_start_at", knownvalue.StringExact(start.In(tokyo).Format(client.TimeLayout))),
					acctest.StateValue(bareAddr, "status", knownvalue.StringExact("scheduled")),
				},
			},
		},
	})
}

// TestAccCampaign_startAtIsCheckedForNewCampaignsOnly: a replacement whose
// start_at is more than 30 days ahead, or past, fails at plan, and the
// campaign is not touched; an existing campaign whose start_at lies in the
// past (as every started campaign's does) plans nothing.
func TestAccCampaign_startAtIsCheckedForNewCampaignsOnly(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	soon := sb.Now().Add(24 * time.Hour).UTC().Format(client.TimeLayout)
	tooLate := sb.Now().AddDate(0, 0, 31).UTC().Format(client.TimeLayout)
	// An existing campaign that started an hour ago.
	past := sb.Now().Add(-time.Hour).UTC().Format(client.TimeLayout)
	existing, err := sb.Client().CreateRCSCampaign(context.Background(), client.RCSCampaignRequest{
		Phones: []client.Phone{{Number: "380661231239"}}, Sender: "rcs_sender", Options: client.RCSOptions{Text: "Hi"}, StartAt: past})
	if err != nil {
		t.Fatal(err)
	}
	adopted := fmt.Sprintf(`
  recipients = { phones = ["380661231239"] }
  rcs        = { sender = "rcs_sender", text = "Hi" }
  start_at   = %q
`, past)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{Config: sb.CampaignConfig(acctest.RCSCampaign(fmt.Sprintf("start_at = %q", soon)))},
			{
				Config:      sb.CampaignConfig(acctest.RCSCampaign(fmt.Sprintf("start_at = %q", tooLate))),
				ExpectError: regexp.MustCompile(`(?s)start_at.*more\s+than\s+30\s+days\s+ahead`),
			},
			{
				Config:      sb.CampaignConfig(acctest.RCSCampaign(`start_at = "2026-01-01T00:00:00Z"`)),
				ExpectError: regexp.MustCompile(`(?s)start_at.*Omit\s+start_at\s+to\s+send\s+now`),
			},
			{
				PreConfig: func() {
					if n := sb.CountCreates(); n != 2 {
						t.Errorf("creates = %d, want 2 (the arranged campaign and the first step's)", n)
					}
					sb.Advance(6 * time.Second) // out of creation, so that the destroy can stop it
				},
				Config:           sb.CampaignConfig(acctest.RCSCampaign(fmt.Sprintf("start_at = %q", soon))),
				ConfigPlanChecks: acctest.EmptyPlan(),
			},
		},
	})
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				// Import the started campaign with its content and past start_at.
				Config: sb.ImportConfig(existing.ID, adopted),
			},
			{
				PreConfig:        func() { sb.Advance(6 * time.Second) }, // the imported campaign can be stopped at the destroy
				Config:           sb.ImportConfig(existing.ID, adopted),
				ConfigPlanChecks: acctest.EmptyPlan(),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(acctest.CampaignAddr, "start_at", knownvalue.StringExact(past)),
					acctest.StateValue(acctest.CampaignAddr, "id", knownvalue.StringExact(strconv.FormatInt(existing.ID, 10))),
				},
			},
		},
	})
	if n := sb.CountCreates(); n != 2 {
		t.Errorf("creates = %d, want 2", n)
	}
}

// TestAccCampaigns_listsEveryTypeAndWindow: without type the data source
// lists RCS and SMS campaigns (filter[type] defaults to sms at the API);
// a creation range of seven months is read in three windows.
func TestAccCampaigns_listsEveryTypeAndWindow(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	first := sb.Now()
	rcs := sb.CreateRCSCampaign("380661231231")
	sb.Advance(100 * 24 * time.Hour)
	sms, err := sb.Client().CreateSMSCampaign(context.Background(), client.SMSCampaignRequest{
		Phones: []client.Phone{{Number: "380661231232"}}, Sender: "Shop", Text: "Hi"})
	if err != nil {
		t.Fatal(err)
	}
	sb.Advance(100 * 24 * time.Hour)
	want := knownvalue.ListExact([]knownvalue.Check{
		knownvalue.StringExact(strconv.FormatInt(rcs.ID, 10)), knownvalue.StringExact(strconv.FormatInt(sms.ID, 10))})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			PreConfig: sb.ResetCounters,
			Config: sb.ProviderBlock() + fmt.Sprintf(`
data "oneapi_campaigns" "all" {
  created_from = %q
  created_to   = %q
}
data "oneapi_campaigns" "recent" {}
`, first.Add(-time.Minute).UTC().Format(time.RFC3339), sb.Now().UTC().Format(client.TimeLayout)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.oneapi_campaigns.all", tfjsonpath.New("ids"), want),
				// The default window is the API's: the last three months,
				// where neither campaign is.
				statecheck.ExpectKnownValue("data.oneapi_campaigns.recent", tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
	var lists []string
	for _, r := range sb.Journal() {
		if strings.HasPrefix(r, "GET /api/campaigns?") {
			lists = append(lists, r)
			if !strings.Contains(r, "filter%5Btype%5D=") || strings.Contains(r, "search") {
				t.Errorf("list request %s: want filter[type] and no server-side search", r)
			}
		}
	}
	// Each read of both data sources lists every type (one per channel's
	// message type) over 3 windows for "all" and 1 for "recent".
	per := 4 * len(framework.MessageTypes())
	if len(lists)%per != 0 || len(lists) == 0 {
		t.Errorf("list requests = %d, want a multiple of %d: %v", len(lists), per, lists)
	}
}
