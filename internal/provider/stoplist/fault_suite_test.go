package stoplist_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// manyEntries is n oneapi_stop_list_entries of the sms channel, each with
// phones 0..per-1 of its own range.
func manyEntries(sb *acctest.Sandbox, n, per int) string {
	return sb.ProviderBlock() + fmt.Sprintf(`
resource "oneapi_stop_list_entries" "e" {
  count   = %d
  channel = "sms"
  phones  = [for i in range(%d) : format("3806%%04d%%04d", count.index, i)]
}
`, n, per)
}

// TestAccFaultSuiteStopList applies N stop-list resources of 5 phones, then
// takes one phone off each, through the CLI against a stand-in that answers
// 10% of requests 429 (Retry-After), adds latency jitter, and loses the
// answers of three writes after they took effect. The stand-in's sms stop
// list must then hold exactly the configured phones: none missing, none
// left behind, none listed twice.
func TestAccFaultSuiteStopList(t *testing.T) {
	n := 10
	if v := os.Getenv("ONEAPI_FAULT_SUITE_N"); v != "" {
		if k, err := strconv.Atoi(v); err == nil && k >= 10 {
			n = k / 4
		}
	}
	sb := acctest.StartSandboxWith(t, sandbox.Config{Seed: 42})
	sb.SetFaults(sandbox.Faults{
		TooManyRequestsRate: 0.10, RetryAfter: 20 * time.Millisecond, LatencyJitter: 50 * time.Millisecond,
		CreateAfterCommit: "drop", CreateAfterCommitCount: 3,
	})
	report := acctest.FaultReport{Scenario: "stop list: attach, then detach one phone each",
		Operations: fmt.Sprintf("%d resources, %d phones, %d detaches", n, 5*n, n), SB: sb}
	defer report.Print(t)
	exactly := func(per int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			want := map[string]bool{}
			for i := range n {
				for j := range per {
					want[fmt.Sprintf("3806%04d%04d", i, j)] = true
				}
			}
			got := sb.StopListPhones("sms")
			seen := map[string]bool{}
			for _, p := range got {
				if seen[p] || !want[p] {
					report.Duplicates++
				}
				seen[p] = true
			}
			if report.Duplicates > 0 || len(seen) != len(want) {
				return fmt.Errorf("the sms stop list has %d phones (%d wrong), want exactly the %d configured", len(got), report.Duplicates, len(want))
			}
			return nil
		}
	}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{Config: manyEntries(sb, n, 5), Check: exactly(5)},
			{Config: manyEntries(sb, n, 4), Check: exactly(4)},
		},
	})
}
