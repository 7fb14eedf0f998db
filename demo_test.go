package main

import (
	"net"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// terraformCLI is the CLI the acceptance tests use; tests that run it skip
// outside acceptance runs.
func terraformCLI(t *testing.T) string {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("runs the Terraform CLI: run it with `make test` (TF_ACC=1)")
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH is not set: run the tests with `make test`")
	}
	return tf
}

// TestDemo runs `make demo`'s script non-interactively against the
// embedded stand-in and checks what it narrates.
func TestDemo(t *testing.T) {
	tf := terraformCLI(t)
	cmd := exec.Command("bash", "scripts/demo.sh")
	cmd.Env = append(os.Environ(), "DEMO_NONINTERACTIVE=1", "TERRAFORM="+tf)
	out, err := cmd.CombinedOutput()
	text := string(out)
	if err != nil {
		t.Fatalf("the demo failed: %v\n%s", err, text)
	}
	// The scheduled campaign starts three days after the apply (the
	// quickstart's timeadd(plantimestamp(), "72h")).
	if !regexp.MustCompile(`campaign created: reminder -> creation \(starts \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)`).MatchString(text) {
		t.Errorf("the demo did not report the scheduled campaign with its start time:\n%s", text)
	}
	for _, want := range []string{
		"[1] Building the provider",
		"campaign created: welcome  -> creation: sent 0, delivered 0",
		"campaign created: staff_notice -> creation, to contact list",
		"with 2 contacts",
		"statistics moved:",
		"campaign created: spring_sale -> creation: Viber sent 0, delivered 0; SMS fallback sent 0",
		"is sent the SMS",
		"SMS fallback sent 1",
		"reminder -> stopped",
		"the stop took effect",
		"the plan is empty: 0 to add, 0 to change, 0 to destroy",
		"[9] Done",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the demo did not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Warning") || strings.Contains(text, "Error") {
		t.Errorf("the demo's narration shows warnings or errors:\n%s", text)
	}
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(text)
	if url == "" {
		t.Fatalf("no stand-in URL in the narration:\n%s", text)
	}
	if conn, err := net.DialTimeout("tcp", strings.TrimPrefix(url, "http://"), time.Second); err == nil {
		conn.Close()
		t.Errorf("the stand-in at %s is still running after the demo", url)
	}
}
