package provider

// A guide to the provider's tests.
//
// Harness:
//   - main_test.go (this file): TestMain (TRACE logs, then the secret scan),
//     accTest (every acceptance test goes through it: provider factories,
//     pre-check, no secret in state or plan, CheckDestroy required when a
//     test applies campaigns), step checks (emptyPlan, plansACall), live
//     mode (ONEAPI_ACC_LIVE=1, accTarget);
//   - test_sandbox_test.go: the in-process stand-in (testSandbox) and every
//     helper on it: configurations, request counts, forced statuses,
//     CheckDestroy functions;
//   - rpc_harness_test.go: sends the protocol's RPCs in process, for what the
//     CLI cannot show (warnings) and for the benchmarks;
//   - secrets_test.go: the one secret scanner (secretIn) and its users.
//
// Tests, named after the file they test: campaign_resource_test.go (create,
// refresh, import, lost answers), campaign_stop_test.go (stop and renew),
// campaign_plan_test.go (plan rules, the content list, warnings),
// campaign_validate_test.go (invalid configurations, disputed limits),
// campaign_model_test.go, campaign_values_test.go, validators_test.go;
// campaign_ways_out_test.go (destroy and recovery from every state),
// campaign_vendor_docs_test.go (time zone and start_at as the vendor pages
// say), fault_suite_test.go (faults and rate budget), examples_test.go
// (docs examples apply), the data sources' and provider's own files, and
// server_test.go.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// TestMain runs the whole suite with TF_LOG=TRACE into per-test files and,
// afterwards, checks every log line of the CLI, the harness and the
// provider for the API key and every JWT issued.
func TestMain(m *testing.M) {
	if !liveMode() {
		os.Setenv(EnvAPIKey, testAPIKey)
	}
	logDir := ""
	if os.Getenv("TF_ACC") != "" && os.Getenv("TF_LOG_PATH_MASK") == "" && os.Getenv("ONEAPI_SECRET_SCAN") != "0" {
		var err error
		if logDir, err = os.MkdirTemp("", "oneapi-acc-logs-"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Setenv("TF_LOG", "TRACE")
		os.Setenv("TF_LOG_PATH_MASK", filepath.Join(logDir, "%s.log"))
	}
	code := m.Run()
	if logDir != "" {
		if err := scanLogs(logDir, secrets()); err != nil {
			fmt.Fprintln(os.Stderr, "FAIL: secret scan of the suite's TRACE logs:", err)
			code = 1
		} else {
			fmt.Println("secret scan: no API key or JWT in the suite's TRACE logs")
		}
		os.RemoveAll(logDir)
	}
	os.Exit(code)
}

// accTest runs an acceptance test with the suite's shared checks: the
// provider under test, and, after every applied step, no secret in the
// state or the plan.
func accTest(t *testing.T, tc resource.TestCase) {
	t.Helper()
	if tc.CheckDestroy == nil && appliesCampaigns(tc) {
		t.Fatal("a test that applies oneapi_campaign needs CheckDestroy: sb.checkDestroyed(status...) or sb.checkNothingLeftSending()")
	}
	runAccTest(t, tc)
}

func runAccTest(t *testing.T, tc resource.TestCase) {
	t.Helper()
	if tc.PreCheck == nil {
		tc.PreCheck = func() { testAccPreCheck(t) }
	}
	if tc.ProtoV6ProviderFactories == nil {
		tc.ProtoV6ProviderFactories = testAccProtoV6ProviderFactories
	}
	for i := range tc.Steps {
		st := &tc.Steps[i]
		if st.Config == "" || st.ImportState {
			continue
		}
		st.ConfigStateChecks = append(st.ConfigStateChecks, noSecretsInState{})
		if !st.PlanOnly {
			st.ConfigPlanChecks.PreApply = append(st.ConfigPlanChecks.PreApply, noSecretsInPlan{})
		}
	}
	resource.Test(t, tc)
}

// accExpectError runs a one-step acceptance test that must fail with an
// error matching re.
func accExpectError(t *testing.T, config string, re *regexp.Regexp) {
	t.Helper()
	accTest(t, resource.TestCase{Steps: []resource.TestStep{{Config: config, ExpectError: re}}})
}

// wrappedRE matches a diagnostic's words as the CLI prints them: every
// space of pattern matches any run of white space (the CLI wraps lines).
func wrappedRE(pattern string) *regexp.Regexp {
	return regexp.MustCompile("(?s)" + strings.ReplaceAll(pattern, " ", `\s+`))
}

// emptyPlan checks that a step plans nothing.
func emptyPlan() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
}

// plansACall checks that a step updates the campaign in place with an API
// call (stop or renew): its status is unknown until applied.
func plansACall() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(campaignAddr, plancheck.ResourceActionUpdate),
		plancheck.ExpectUnknownValue(campaignAddr, tfjsonpath.New("status")),
	}}
}

// appliesCampaigns reports a test with a step that may create campaigns.
func appliesCampaigns(tc resource.TestCase) bool {
	for _, st := range tc.Steps {
		if strings.Contains(st.Config, `resource "oneapi_campaign"`) && st.ExpectError == nil && !st.PlanOnly {
			return true
		}
	}
	return false
}

// testAccProtoV6ProviderFactories runs the provider in-process for the
// Terraform CLI that terraform-plugin-testing drives.
var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"oneapi": func() (tfprotov6.ProviderServer, error) { return NewProtocol6Server("test")(), nil },
}

const testAPIKey = "test_acceptance_key"

// liveMode reports ONEAPI_ACC_LIVE=1: tests that can run against a real
// account do so, and the others skip and say why.
func liveMode() bool { return os.Getenv("ONEAPI_ACC_LIVE") == "1" }

// accTarget is where a live-capable test runs: the stand-in, or the account
// named by ONEAPI_ENDPOINT and ONEAPI_API_KEY in live mode.
type accTarget struct {
	sb        *testSandbox // nil in live mode
	provider  string
	phone     string
	rcsSender string
}

func newAccTarget(t *testing.T) accTarget {
	t.Helper()
	if !liveMode() {
		sb := startSandbox(t)
		return accTarget{sb: sb, provider: sb.providerBlock(), phone: "380661231231", rcsSender: "rcs_sender"}
	}
	for _, v := range []string{EnvAPIKey, EnvEndpoint, "ONEAPI_TEST_PHONE", "ONEAPI_TEST_RCS_SENDER"} {
		if os.Getenv(v) == "" {
			t.Fatalf("live mode (ONEAPI_ACC_LIVE=1) needs %s", v)
		}
	}
	return accTarget{provider: `provider "oneapi" {}` + "\n", phone: os.Getenv("ONEAPI_TEST_PHONE"), rcsSender: os.Getenv("ONEAPI_TEST_RCS_SENDER")}
}

// checkNothingLeftSending is nothingLeftSending on the stand-in, or
// through the API in live mode.
func (a accTarget) checkNothingLeftSending() resource.TestCheckFunc {
	if a.sb != nil {
		return a.sb.checkNothingLeftSending()
	}
	return nothingLeftSending(func(id int64) (string, error) {
		c, err := client.New(client.WithEndpoint(os.Getenv(EnvEndpoint)), client.WithAPIKey(os.Getenv(EnvAPIKey)))
		if err != nil {
			return "", err
		}
		cp, err := c.GetCampaign(context.Background(), id)
		if err != nil {
			return "", err
		}
		return cp.Status, nil
	})
}

// nothingLeftSending checks, after the destroy, that every campaign of the
// last state with stop_on_destroy = true has nothing left to send
// (stopped, done or spam); status "" means the campaign is gone.
func nothingLeftSending(status func(id int64) (string, error)) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		for addr, rs := range st.RootModule().Resources {
			if rs.Type != "oneapi_campaign" || rs.Primary.Attributes["stop_on_destroy"] != "true" {
				continue
			}
			id, _ := strconv.ParseInt(rs.Primary.ID, 10, 64)
			got, err := status(id)
			if err != nil {
				return fmt.Errorf("%s: %w", addr, err)
			}
			if got != "" && !client.IsSettled(got) {
				return fmt.Errorf("%s (campaign %d) is %q after destroy with stop_on_destroy = true", addr, id, got)
			}
		}
		return nil
	}
}

// testAccPreCheck keeps acceptance tests honest about what they need.
func testAccPreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Fatal("acceptance tests need TF_ACC=1; run them with `make test`")
	}
}

// invalidCase is a configuration body that must fail at plan with an error
// matching want.
type invalidCase struct{ name, body, want string }

// testInvalidConfigs plans each body in block and expects its error, with
// no request reaching the API (not even a login).
func testInvalidConfigs(t *testing.T, block string, cases []invalidCase) {
	t.Helper()
	if len(cases) < 10 {
		t.Fatalf("only %d invalid configurations", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sb := startSandbox(t)
			accExpectError(t, sb.providerBlock()+block+" {\n"+tc.body+"\n}\n", regexp.MustCompile("(?s)"+tc.want))
			if c := sb.Counters(); len(c) != 0 {
				t.Errorf("requests reached the API: %v", c)
			}
		})
	}
}
