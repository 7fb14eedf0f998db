package campaign_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestAccCampaign_refreshReadsPages imports N campaigns of every channel
// in every status the stand-in has (each import reads by GET), then limits
// the account to 20 requests a second and plans with requests_per_second
// = 20: the refresh reads the list pages, not each campaign, so the plan
// is empty after at most 20 requests (one GET per campaign would be N).
// A refresh then writes, field for field, the state the GETs wrote
// (every campaign but, at most, a first read that came alone).
func TestAccCampaign_refreshReadsPages(t *testing.T) {
	n := suiteSize(t, "ONEAPI_REFRESH_PAGES_N", 300)
	sb := acctest.StartSandbox(t)
	ids, err := sb.SeedEveryChannelAndStatus(n)
	if err != nil {
		t.Fatal(err)
	}
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = fmt.Sprintf("%q", fmt.Sprint(id))
	}
	config := func(providerExtra string) string {
		return fmt.Sprintf(`
provider "oneapi" {
  endpoint = %q
  %s
}
locals {
  ids = [%s]
}
import {
  for_each = [for i, id in local.ids : { index = i, id = id }]
  to       = oneapi_campaign.c[each.value.index]
  id       = each.value.id
}
resource "oneapi_campaign" "c" {
  count           = length(local.ids)
  stop_on_destroy = false
}
`, sb.URL, providerExtra, strings.Join(quoted, ", "))
	}
	byGet := map[string]map[string]string{}
	var started time.Time
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config: config(""),
				Check:  saveAttributes(byGet, n),
			},
			{
				PreConfig: func() {
					sb.SetRateLimit(20)
					sb.ResetCounters()
					started = time.Now()
				},
				Config:   config("requests_per_second = 20"),
				PlanOnly: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
					requestsAtMost(sb, 20, func() {
						t.Logf("refresh of %d campaigns at 20 requests/s: %s, %v", n, time.Since(started), sb.Counters())
					}),
				}},
			},
			{
				PreConfig:    sb.ResetCounters,
				RefreshState: true,
				Check: resource.ComposeTestCheckFunc(
					sameAttributes(byGet),
					func(*terraform.State) error {
						// A first read that comes alone is a GET; the rest were answered from the pages.
						if n := sb.Count("GET /api/campaigns/{id}"); n > 1 {
							return fmt.Errorf("%d GETs in the refresh, want at most 1", n)
						}
						return nil
					},
				),
			},
		},
	})
}

// requestsAtMost fails when the stand-in counted more than limit API
// requests since its counters were reset.
func requestsAtMost(sb *acctest.Sandbox, limit int, report func()) plancheck.PlanCheck {
	return requestCount{sb: sb, limit: limit, report: report}
}

type requestCount struct {
	sb     *acctest.Sandbox
	limit  int
	report func()
}

func (c requestCount) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	c.report()
	total := 0
	for _, v := range c.sb.Counters() {
		total += v
	}
	if total > c.limit {
		resp.Error = fmt.Errorf("%d API requests, want at most %d: %v", total, c.limit, c.sb.Counters())
	}
}

// saveAttributes keeps every campaign's attributes, by address.
func saveAttributes(dst map[string]map[string]string, n int) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		for addr, rs := range st.RootModule().Resources {
			if rs.Type == "oneapi_campaign" {
				dst[addr] = maps.Clone(rs.Primary.Attributes)
			}
		}
		if len(dst) != n {
			return fmt.Errorf("%d campaigns in state, want %d", len(dst), n)
		}
		return nil
	}
}

// sameAttributes compares every campaign's attributes with those saved.
func sameAttributes(want map[string]map[string]string) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		seen := 0
		for addr, rs := range st.RootModule().Resources {
			if rs.Type != "oneapi_campaign" {
				continue
			}
			seen++
			if !maps.Equal(rs.Primary.Attributes, want[addr]) {
				return fmt.Errorf("%s refreshed from the pages:\n%v\nby GET:\n%v", addr, rs.Primary.Attributes, want[addr])
			}
		}
		if seen != len(want) {
			return fmt.Errorf("%d campaigns in state, want %d", seen, len(want))
		}
		return nil
	}
}
