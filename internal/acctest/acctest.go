package acctest

import (
	"context"
	"fmt"
	"os"
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
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
)

// Test runs an acceptance test with the suite's shared checks: the
// provider under test, and, after every applied step, no secret in the
// state or the plan.
func Test(t *testing.T, tc resource.TestCase) {
	t.Helper()
	if tc.CheckDestroy == nil && appliesResources(tc) {
		t.Fatal("a test that applies oneapi_ resources needs a CheckDestroy that asks the stand-in: sb.CheckGone(), sb.CheckDestroyed(status...) or sb.CheckNothingLeftSending()")
	}
	run(t, tc)
}

func run(t *testing.T, tc resource.TestCase) {
	t.Helper()
	terraformRuns.Add(1)
	if tc.PreCheck == nil {
		tc.PreCheck = func() { PreCheck(t) }
	}
	if tc.ProtoV6ProviderFactories == nil {
		tc.ProtoV6ProviderFactories = ProviderFactories
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

// ExpectError runs a one-step acceptance test that must fail with an
// error matching re.
func ExpectError(t *testing.T, config string, re *regexp.Regexp) {
	t.Helper()
	Test(t, resource.TestCase{Steps: []resource.TestStep{{Config: config, ExpectError: re}}})
}

// WrappedRE matches a diagnostic's words as the CLI prints them: every
// space of pattern matches any run of white space (the CLI wraps lines).
func WrappedRE(pattern string) *regexp.Regexp {
	return regexp.MustCompile("(?s)" + strings.ReplaceAll(pattern, " ", `\s+`))
}

// EmptyPlan checks that a step plans nothing.
func EmptyPlan() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
}

// PlansACallTo checks that a step updates the resource at addr in place
// with an API call: the attributes that call changes (unknown) are unknown
// until applied.
func PlansACallTo(addr string, unknown ...string) resource.ConfigPlanChecks {
	checks := []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)}
	for _, attr := range unknown {
		checks = append(checks, plancheck.ExpectUnknownValue(addr, tfjsonpath.New(attr)))
	}
	return resource.ConfigPlanChecks{PreApply: checks}
}

// appliesResources reports a test with a step that may create objects
// through the provider's resources.
func appliesResources(tc resource.TestCase) bool {
	for _, st := range tc.Steps {
		if strings.Contains(st.Config, `resource "oneapi_`) && st.ExpectError == nil && !st.PlanOnly && !st.Query {
			return true
		}
	}
	return false
}

// ProviderFactories runs the provider in-process for the
// Terraform CLI that terraform-plugin-testing drives.
var ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"oneapi": func() (tfprotov6.ProviderServer, error) { return provider.NewProtocol6Server("test")(), nil },
}

const APIKey = "test_acceptance_key"

// Live reports ONEAPI_ACC_LIVE=1: tests that can run against a real
// account do so, and the others skip and say why.
func Live() bool { return os.Getenv("ONEAPI_ACC_LIVE") == "1" }

// Target is where a live-capable test runs: the stand-in, or the account
// named by ONEAPI_ENDPOINT and ONEAPI_API_KEY in live mode.
type Target struct {
	SB        *Sandbox // nil in live mode
	Provider  string
	Phone     string
	RCSSender string
}

func NewTarget(t *testing.T) Target {
	t.Helper()
	if !Live() {
		sb := StartSandbox(t)
		return Target{SB: sb, Provider: sb.ProviderBlock(), Phone: "380661231231", RCSSender: "rcs_sender"}
	}
	for _, v := range []string{provider.EnvAPIKey, provider.EnvEndpoint, "ONEAPI_TEST_PHONE", "ONEAPI_TEST_RCS_SENDER"} {
		if os.Getenv(v) == "" {
			t.Fatalf("live mode (ONEAPI_ACC_LIVE=1) needs %s", v)
		}
	}
	return Target{Provider: `provider "oneapi" {}` + "\n", Phone: os.Getenv("ONEAPI_TEST_PHONE"), RCSSender: os.Getenv("ONEAPI_TEST_RCS_SENDER")}
}

// CheckNothingLeftSending is NothingLeftSending on the stand-in, or
// through the API in live mode.
func (a Target) CheckNothingLeftSending() resource.TestCheckFunc {
	if a.SB != nil {
		return a.SB.CheckNothingLeftSending()
	}
	return NothingLeftSending(func(id int64) (string, error) {
		c, err := client.New(client.WithEndpoint(os.Getenv(provider.EnvEndpoint)), client.WithAPIKey(os.Getenv(provider.EnvAPIKey)))
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

// NothingLeftSending checks, after the destroy, that every campaign of the
// last state with stop_on_destroy = true has nothing left to send
// (stopped, done or spam); status "" means the campaign is gone.
func NothingLeftSending(status func(id int64) (string, error)) resource.TestCheckFunc {
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

// PreCheck keeps acceptance tests honest about what they need.
func PreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Fatal("acceptance tests need TF_ACC=1; run them with `make test`")
	}
}

// InvalidCase is a configuration body that must fail at plan with an error
// matching want.
type InvalidCase struct{ Name, Body, Want string }

// InvalidConfigs plans each body in block and expects its error, with
// no request reaching the API (not even a login).
func InvalidConfigs(t *testing.T, block string, cases []InvalidCase) {
	t.Helper()
	if len(cases) < 10 {
		t.Fatalf("only %d invalid configurations", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			sb := StartSandbox(t)
			ExpectError(t, sb.ProviderBlock()+block+" {\n"+tc.Body+"\n}\n", regexp.MustCompile("(?s)"+tc.Want))
			if c := sb.Counters(); len(c) != 0 {
				t.Errorf("requests reached the API: %v", c)
			}
		})
	}
}
