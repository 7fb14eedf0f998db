package campaign_test

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

func TestAccCampaignsDataSource_pagesAndFilters(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	bulk := sb.SeedCampaigns(1000, false, "bulk")
	secondBatch := sb.Now().Add(30 * time.Minute).Format(time.RFC3339)
	sb.Advance(time.Hour)
	sb.SeedCampaigns(45, true, "Shop")
	sb.SeedCampaigns(5, false, "bulky")
	for _, id := range bulk[:3] {
		if err := sb.SetStatus(id, "stopped"); err != nil {
			t.Fatal(err)
		}
	}
	all := sb.ProviderBlock() + `data "oneapi_campaigns" "all" {}`
	filtered := sb.ProviderBlock() + fmt.Sprintf(`
data "oneapi_campaigns" "sms" {
  type = "sms"
}
data "oneapi_campaigns" "bulk" {
  sender = "bulk"
}
data "oneapi_campaigns" "stopped" {
  status = ["stopped"]
}
data "oneapi_campaigns" "named" {
  name_contains = "sms API"
}
data "oneapi_campaigns" "recent" {
  created_from = %q
}
data "oneapi_campaigns" "none" {
  type   = "sms"
  status = ["paused"]
}
`, secondBatch)
	size := func(name string, n int) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("data.oneapi_campaigns."+name, tfjsonpath.New("ids"), knownvalue.ListSizeExact(n))
	}
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: all,
				ConfigStateChecks: []statecheck.StateCheck{
					size("all", 1050),
					statecheck.ExpectKnownValue("data.oneapi_campaigns.all", tfjsonpath.New("campaigns").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"id": knownvalue.StringExact(fmt.Sprint(bulk[0])), "status": knownvalue.StringExact("stopped"),
						"sender": knownvalue.StringExact("bulk"), "message_type": knownvalue.StringExact("rcs"),
						// Its one message was read before the stop: READ counts as delivered, not sent.
						"statistics": knownvalue.ObjectExact(map[string]knownvalue.Check{"sent": knownvalue.Int64Exact(0), "delivered": knownvalue.Int64Exact(1)}),
					})),
				},
			},
			{
				// One read of the data source: without a type, every type
				// (filter[type] defaults to sms): 1005 RCS campaigns in 3
				// pages of 500, 45 SMS campaigns in 1, and one (empty) page
				// each of the other channels' types (Viber, WhatsApp, voice).
				PreConfig: sb.ResetCounters,
				Config:    all,
				PlanOnly:  true,
			},
			{
				PreConfig: func() { checkListPaging(t, sb.Journal(), 3+len(framework.MessageTypes())-1) },
				Config:    filtered,
				ConfigStateChecks: []statecheck.StateCheck{
					size("sms", 45), size("bulk", 1000), size("stopped", 3), size("named", 45), size("recent", 50), size("none", 0),
				},
			},
		},
	})
}

// checkListPaging checks that every read of the list asked for pages of 500
// and took exactly pagesPerRead requests.
func checkListPaging(t *testing.T, journal []string, pagesPerRead int) {
	t.Helper()
	reads, pages := 0, 0
	for _, req := range journal {
		u, err := url.Parse(strings.TrimPrefix(req, "GET "))
		if !strings.HasPrefix(req, "GET ") || err != nil || u.Path != "/api/campaigns" {
			continue
		}
		pages++
		q := u.Query()
		if q.Get("page[limit]") != "500" {
			t.Errorf("page size %q, want 500", q.Get("page[limit]"))
		}
		if q.Get("filter[type]") == "" {
			t.Errorf("list request without filter[type]: %s", req)
		}
		if q.Get("page[offset]") == "0" && q.Get("filter[type]") == "rcs" {
			reads++
		}
	}
	if reads == 0 || pages != reads*pagesPerRead {
		t.Errorf("%d list requests for %d reads, want exactly %d per read", pages, reads, pagesPerRead)
	}
}

// TestAccCampaignsDataSource_everyChannelWithoutType: without `type` the
// data source reads every channel, as the incident guide says ("RCS, SMS,
// Viber and WhatsApp"): one campaign of each is found.
func TestAccCampaignsDataSource_everyChannelWithoutType(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.SeedCampaigns(1, false, "rcs_sender")
	sb.SeedCampaigns(1, true, "Shop")
	config := sb.ProviderBlock() + `
resource "oneapi_campaign" "viber" {
  ` + phones3 + `
  ` + viberMin + `
}
resource "oneapi_campaign" "whatsapp" {
  ` + phones3 + `
  ` + waMin + `
}
data "oneapi_campaigns" "all" {
  depends_on = [oneapi_campaign.viber, oneapi_campaign.whatsapp]
}
`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.oneapi_campaigns.all", tfjsonpath.New("ids"), knownvalue.ListSizeExact(4)),
			},
			Check: func(s *terraform.State) error {
				attrs := s.RootModule().Resources["data.oneapi_campaigns.all"].Primary.Attributes
				var types []string
				for i := range 4 {
					types = append(types, attrs[fmt.Sprintf("campaigns.%d.message_type", i)])
				}
				sort.Strings(types)
				if got := strings.Join(types, ","); got != "rcs,sms,viber,whatsapp" {
					return fmt.Errorf("message types found: %s; want one campaign of each channel", got)
				}
				// Past moderation, so that the destroy can stop them.
				sb.Advance(16 * time.Second)
				return nil
			},
		}},
	})
}
