package main

import (
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestBinaryLogsWhenAsked runs the provider binary under the Terraform CLI
// and checks that turning logging off when Terraform would not show it
// (quietUnreadLogs) does not lose logs a user asks for: TF_LOG and
// TF_LOG_PROVIDER both still show the provider's request lines, with the
// API key masked, and a run without either still works.
func TestBinaryLogsWhenAsked(t *testing.T) {
	tf := terraformCLI(t)
	const apiKey = "test_logs_key_5f1c"
	srv := httptest.NewServer(sandbox.New(sandbox.Config{APIKeys: []string{apiKey}}))
	defer srv.Close()

	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-oneapi"), ".").CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	rc := filepath.Join(dir, "terraformrc")
	writeFile(t, rc, `provider_installation {
  dev_overrides {
    "registry.terraform.io/oneapi-terraform/oneapi" = "`+bin+`"
    "registry.opentofu.org/oneapi-terraform/oneapi" = "`+bin+`"
  }
  direct {}
}
`)
	work := filepath.Join(dir, "work")
	writeFile(t, filepath.Join(work, "main.tf"), `terraform {
  required_providers {
    oneapi = { source = "oneapi-terraform/oneapi" }
  }
}
provider "oneapi" {
  endpoint = "`+srv.URL+`"
}
data "oneapi_campaigns" "all" {}
output "count" { value = length(data.oneapi_campaigns.all.campaigns) }
`)

	for _, c := range []struct {
		name     string
		env      []string
		wantLogs bool
	}{
		{"TF_LOG", []string{"TF_LOG=DEBUG"}, true},
		{"TF_LOG_PROVIDER", []string{"TF_LOG_PROVIDER=DEBUG"}, true},
		{"neither", nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			logFile := filepath.Join(dir, c.name+".log")
			cmd := exec.Command(tf, "-chdir="+work, "plan", "-input=false", "-no-color")
			cmd.Env = append(cleanEnv(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "ONEAPI_API_KEY="+apiKey,
				"TF_LOG_PATH="+logFile)
			cmd.Env = append(cmd.Env, c.env...)
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), "count = 0") {
				t.Fatalf("plan: %v\n%s", err, out)
			}
			logs, _ := os.ReadFile(logFile)
			if got := strings.Contains(string(logs), "One-API request"); got != c.wantLogs {
				t.Errorf("provider request lines in the log: %v, want %v", got, c.wantLogs)
			}
			if strings.Contains(string(logs), apiKey) || strings.Contains(string(out), apiKey) {
				t.Error("the API key reached the log or the output")
			}
		})
	}
}

// cleanEnv is the test's environment without the TF_LOG* variables the
// test suite sets.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TF_LOG") {
			env = append(env, kv)
		}
	}
	return env
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}
