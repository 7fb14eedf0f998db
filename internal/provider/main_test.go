package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

var (
	sandboxesMu sync.Mutex
	sandboxes   []*sandbox.Sandbox
)

func registerSandbox(sb *sandbox.Sandbox) {
	sandboxesMu.Lock()
	sandboxes = append(sandboxes, sb)
	sandboxesMu.Unlock()
}

// secrets are the API key and every JWT any stand-in of this run issued.
func secrets() []string {
	sandboxesMu.Lock()
	defer sandboxesMu.Unlock()
	out := []string{testAPIKey}
	for _, sb := range sandboxes {
		out = append(out, sb.IssuedTokens()...)
	}
	return out
}

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

func scanLogs(dir string, secrets []string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		return err
	}
	var size int64
	sawRequests := false
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		size += int64(len(data))
		text := string(data)
		sawRequests = sawRequests || strings.Contains(text, "One-API request")
		for _, s := range secrets {
			if s != "" && strings.Contains(text, s) {
				return fmt.Errorf("%s contains a secret (%.12s...)", filepath.Base(f), s)
			}
		}
	}
	if !sawRequests {
		return fmt.Errorf("%d log files (%d bytes) show no provider request: the scan would prove nothing", len(files), size)
	}
	return nil
}

// accTest runs an acceptance test with the suite's shared checks: the
// provider under test, and, after every applied step, no secret in the
// state or the plan.
func accTest(t *testing.T, tc resource.TestCase) {
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

type noSecretsInState struct{}

func (noSecretsInState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = findSecret("state", req.State)
}

type noSecretsInPlan struct{}

func (noSecretsInPlan) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = findSecret("plan", req.Plan)
}

func findSecret(where string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	for _, s := range secrets() {
		if s != "" && strings.Contains(string(data), s) {
			return fmt.Errorf("the %s contains a secret (%.12s...)", where, s)
		}
	}
	return nil
}
