package campaign_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestAccRateLimit_learnedFrom429s applies N campaigns at -parallelism=50
// against an account limited to 3 requests a second (a burst of 3, so that
// even a loaded machine, whose CLI sends the creates slowly, meets the
// limit), with
// requests_per_second unset: the client learns the limit from the 429s,
// and every create the platform refused is resolved in the same apply
// (found by its reference_ids, or sent again with the same ones). Three
// creates are answered 429 after the platform took them (the documented
// 429 body, "Too many duplicate request detected", allows that reading):
// they are found, not sent twice. Then a plan (with its refresh) at the
// same parallelism is empty, and a refresh agrees with the stand-in.
// make test-faults runs it at ONEAPI_RATE_LIMIT_N=300 and 20 requests/s.
func TestAccRateLimit_learnedFrom429s(t *testing.T) {
	n := suiteSize(t, "ONEAPI_RATE_LIMIT_N", 40)
	limit := 3.0
	if n >= 100 {
		limit = 20
	}
	for _, cmd := range []string{"apply", "plan", "refresh", "destroy"} {
		t.Setenv("TF_CLI_ARGS_"+cmd, "-parallelism=50")
	}
	sb := acctest.StartSandboxWith(t, sandbox.Config{RateLimit: limit, Seed: 42})
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "429", CreateAfterCommitCount: 3})
	report := acctest.FaultReport{Scenario: fmt.Sprintf("account limit %g/s, requests_per_second unset", limit),
		Operations: fmt.Sprintf("%d creates", n), SB: sb}
	defer report.Print(t)
	config := manyCampaigns(sb, n, "", `stop_on_destroy = false`)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{Config: config, Check: sb.CheckTruth(n, &report, false)},
			{Config: config, ConfigPlanChecks: acctest.EmptyPlan()},
			{PreConfig: sb.FreezeClock, RefreshState: true, Check: sb.CheckTruth(n, &report, true)},
		},
	})
	if got := sb.Injected(); got["rate_limited"] == 0 || got["create_429"] != 3 {
		t.Errorf("the account's limit and the 429s after commit were not all exercised: %v", got)
	}
}
