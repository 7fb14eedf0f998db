package campaign_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func TestAccCampaignDataSource_readsCampaign(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	cp := sb.CreateRCSCampaign("380661231231", "380661231232", "380661231233", "380661231234", "380661231235")
	id := strconv.FormatInt(cp.ID, 10)
	addr := "data.oneapi_campaign.test"
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: acctest.CampaignDataSourceConfig(sb, id),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(id)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("creation")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("sender"), knownvalue.StringExact("rcs_sender")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("message_type"), knownvalue.StringExact("rcs")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("name"), knownvalue.StringRegexp(regexp.MustCompile(`^RCS api campaign / \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("statistics"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"sent": knownvalue.Int64Exact(0), "delivered": knownvalue.Int64Exact(0),
					})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("detailed_statistics").AtMapKey("moderation"), knownvalue.Int64Exact(5)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("total_price"), knownvalue.Float64Exact(0)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("real_start_at"), knownvalue.Null()),
				},
			},
			{
				// Sending started 15s after creation; 5s later messages 0..2
				// went out (one every 2s) and the reports of 0 and 1 (3s
				// after sending) say delivered.
				PreConfig: func() { sb.Advance(20 * time.Second) },
				Config:    acctest.CampaignDataSourceConfig(sb, id),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("sending")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("statistics").AtMapKey("sent"), knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("statistics").AtMapKey("delivered"), knownvalue.Int64Exact(2)),
				},
			},
			{
				// All reports in: 0 and 3 read, 1 and 2 delivered, 4
				// undelivered. As the seed defines them, "sent" does not count
				// READ and "delivered" counts DELIVERED and READ.
				PreConfig: func() { sb.Advance(time.Minute) },
				Config:    acctest.CampaignDataSourceConfig(sb, id),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("done")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("statistics").AtMapKey("sent"), knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("statistics").AtMapKey("delivered"), knownvalue.Int64Exact(4)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("finished_at"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("total_messages"), knownvalue.Int64Exact(5)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("total_phones"), knownvalue.Int64Exact(5)),
					// Billed per delivered RCS message, 0.02 each; the API writes "0.08".
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("total_price"), knownvalue.Float64Exact(0.08)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("currency"), knownvalue.StringExact("USD")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("detailed_statistics"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"delivered": knownvalue.Int64Exact(2), "read": knownvalue.Int64Exact(2), "undelivered": knownvalue.Int64Exact(1),
						"sent": knownvalue.Int64Exact(0), "moderation": knownvalue.Int64Exact(0), "not_rcs_user": knownvalue.Int64Exact(0),
					})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("sms_fallback_detailed_statistics"), knownvalue.Null()),
				},
			},
		},
	})
}

func TestAccCampaignDataSource_wrongAPIKey(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	config := fmt.Sprintf(`
provider "oneapi" {
  endpoint = %q
  api_key  = "test_not_the_key"
}
data "oneapi_campaign" "test" {
  id = "1"
}
`, sb.URL)
	acctest.ExpectError(t, config, regexp.MustCompile(`(?s)Unable to Authenticate with One-API.*`+regexp.QuoteMeta(sb.URL)))
	if n := sb.Count("GET /api/campaigns/{id}"); n != 0 {
		t.Errorf("campaign reads = %d, want 0 when login fails", n)
	}
}

func TestAccCampaignDataSource_notFound(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.ExpectError(t, acctest.CampaignDataSourceConfig(sb, "4242"), regexp.MustCompile(`(?s)Unable to Read Campaign.*404.*`+regexp.QuoteMeta(sb.URL)+` has no campaign 4242 for this account`))
}

func TestAccCampaignDataSource_invalidID(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.ExpectError(t, acctest.CampaignDataSourceConfig(sb, "abc"), regexp.MustCompile(`(?s)Attribute id must be a campaign id`))
	if n := len(sb.Counters()); n != 0 {
		t.Errorf("requests = %v, want none", sb.Counters())
	}
}

// TestAccCampaignDataSource_idOutOfRange: an id beyond int64 says the valid
// range.
func TestAccCampaignDataSource_idOutOfRange(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.ExpectError(t, acctest.CampaignDataSourceConfig(sb, "9999999999999999999"), regexp.MustCompile(`(?s)out\s+of\s+range:\s+a\s+campaign\s+id\s+is\s+a\s+whole\s+number\s+from\s+1\s+to\s+9223372036854775807`))
	if n := len(sb.Counters()); n != 0 {
		t.Errorf("requests = %v, want none", sb.Counters())
	}
}

// TestAccCampaignDataSource_readTimeout: a read is bounded by
// timeouts.read, retries included.
func TestAccCampaignDataSource_readTimeout(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cp := sb.CreateRCSCampaign("380661231231")
	sb.SetFaults(sandbox.Faults{Latency: 5 * time.Second})
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderBlock() + fmt.Sprintf(`
data "oneapi_campaign" "test" {
  id       = "%d"
  timeouts = { read = "1s" }
}
`, cp.ID),
			ExpectError: regexp.MustCompile(`(?s)Unable to Read Campaign.*context\s+deadline\s+exceeded`),
		}},
	})
}
