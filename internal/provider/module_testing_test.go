package provider_test

// The guide "Testing modules that send campaigns"
// (examples/guides/module-testing): its module's .tftest.hcl files, run
// by `terraform test` as the guide tells a module author to run them, with
// the provider and oneapi-sandbox built from this tree and found as the
// guide's "With a local build of the provider" says (dev_overrides, and
// oneapi-sandbox on PATH). make test runs them with both of its CLIs: the
// acceptance CLI in its first pass (TestAccGuide_moduleTests) and the
// 1.14+ one in its second (TestAccGuide_moduleTestsNative, which starts with
// acctest.RequireNative(t) so that scripts/native-tests.sh selects it; with
// ONEAPI_ACC_NATIVE=1 a CLI older than 1.14 fails it instead of skipping).

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/go-version"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// moduleTestingDir is the guide's module, relative to this package.
const moduleTestingDir = "../../examples/guides/module-testing"

// mockProviderVersion is the first Terraform with mock_provider and
// override_resource in test files, the guide's floor.
var mockProviderVersion = version.Must(version.NewVersion("1.7.0"))

// The provider's error when the module lets a phone with a plus through
// (framework.PhonesAre): its summary, and the part of its detail that
// says what to write.
const (
	invalidPhoneSummary = "Invalid Phone Number"
	invalidPhoneDetail  = `"+380661231231" is not: write it as 380661231231`
)

// sandboxKilledLine is what tests/sandbox's destroy says (on stderr, in
// the failed destroy's error and in the stand-in's log) when the stand-in
// had not stopped 10 s after SIGTERM and was killed.
const sandboxKilledLine = "did not stop within 10 s of SIGTERM; killed it"

// TestAccGuide_moduleTests runs the guide's module tests with the
// acceptance CLI (TF_ACC_TERRAFORM_PATH: Terraform 1.11 here, 1.8.5 on a
// fresh machine).
func TestAccGuide_moduleTests(t *testing.T) {
	acctest.CLIVersion(t) // skips without TF_ACC
	runModuleTests(t, os.Getenv("TF_ACC_TERRAFORM_PATH"))
}

// TestAccGuide_moduleTestsNative runs them again in make test's second
// pass, with its Terraform 1.14+ CLI (scripts/terraform-native.sh).
func TestAccGuide_moduleTestsNative(t *testing.T) {
	tf := acctest.RequireNative(t)
	runModuleTests(t, tf)
}

// runModuleTests: the module's tests pass as written (every run block
// of every file), and fail with their assertion's message when the module
// is broken on purpose. Each case leaves the stand-in that its test started
// stopped.
func runModuleTests(t *testing.T, tf string) {
	t.Helper()
	out, err := command(commandContext(t), tf, "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", tf, err)
	}
	if strings.Contains(string(out), "OpenTofu") {
		t.Skipf("the guide is written for Terraform's `terraform test`; `tofu test` is not run here (%s)", strings.SplitN(string(out), "\n", 2)[0])
	}
	if v := acctest.CLIVersion(t); v.LessThan(mockProviderVersion) {
		t.Skipf("the guide's tests need Terraform %s or later (mock_provider); this run has %s", mockProviderVersion, v)
	}
	bin, cliConfig := moduleTestingBuild(t)
	runs := moduleTestRuns(t)
	for _, promise := range []string{
		"terraform test -filter=tests/mocked.tftest.hcl", "terraform test -var=sandbox_binary=/path/to/oneapi-sandbox",
		fmt.Sprintf("Success! %d passed, 0 failed.", len(runs)), `go build -o "$HOME/oneapi-bin/" . ./cmd/oneapi-sandbox`,
		"terraform get", `a copy that sends from another sender fails ` + "`sends_the_text_to_the_phones` (\"The campaign's sender is Promo, want Shop.\")",
		"a text too long for an SMS fails the run with the provider's error, `SMS Text Too Long`",
		"an assertion that reads them fails with \"Unknown condition value\"", "`override_during = plan` in the `override_resource` block",
		"without that, it still reports `creation`",
		fmt.Sprintf("the provider's %q (its detail: `%s`) and \"Missing expected failure\"", invalidPhoneSummary, invalidPhoneDetail),
		"The stand-in's log ends with `oneapi-sandbox stopped`. This happens when a run fails too.",
		"the teardown fails saying it \"" + sandboxKilledLine + "\"", "If `terraform` itself is killed before the teardown (a cancelled CI job), the stand-in stops by itself.",
		"take precedence over `ONEAPI_ENDPOINT` and `ONEAPI_API_KEY`",
		`("Only the Contact List Is Deleted", "Destroying Stops the Campaign")`,
	} {
		requirePromise(t, "testing-modules.md.tmpl", promise)
	}

	t.Run("as written", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, nil)
		out, err := terraformTest(t, tf, cliConfig, bin, dir, true)
		if err != nil {
			t.Fatalf("terraform test failed: %v\n%s", err, out)
		}
		got := runResults(out)
		for _, run := range runs {
			if got[run] != "pass" {
				t.Errorf("run %q: %q, want pass", run, got[run])
			}
		}
		if len(got) != len(runs) {
			t.Errorf("terraform test reported the runs %v, want those of the files: %v", got, runs)
		}
		if want := fmt.Sprintf("Success! %d passed, 0 failed.", len(runs)); !strings.Contains(out, want) {
			t.Errorf("terraform test does not end with %q:\n%s", want, out)
		}
		for _, warning := range []string{"Warning: Only the Contact List Is Deleted", "Warning: Destroying Stops the Campaign"} {
			if !strings.Contains(out, warning) {
				t.Errorf("the teardown does not print the guide's %q:\n%s", warning, out)
			}
		}
		requireSandboxStopped(t, dir)
	})

	// Each broken copy runs with oneapi-sandbox given by -var=sandbox_binary
	// instead of PATH (the guide's other way), or only the mocked file.
	broken := []struct {
		name, file, from, to string
		mockedOnly           bool
		failed               []string // the runs that must fail
		messages             []string // what their assertions say
	}{
		{
			name: "sender changed", file: "main.tf",
			from: "sender = var.sender", to: `sender = "Promo"`,
			failed: []string{"sends_the_text_to_the_phones", "check_what_arrived"},
			messages: []string{"The campaign's sender is Promo, want Shop.",
				"The platform holds a sms campaign of Promo, want an SMS campaign of Shop."},
		},
		{
			name: "recipients changed", file: "main.tf",
			from: "recipients = { groups = [oneapi_contact_list.this.id] }", to: "recipients = { phones = var.phones }",
			failed: []string{"sends_to_the_list_it_makes", "send"},
			messages: []string{"The campaign goes to null, want the module's list 1864620.",
				"The campaign goes to null, want the module's list "},
		},
		{
			name: "phone check loosened", file: "main.tf",
			from: `regex("^[0-9]{9,15}$", p)`, to: `regex("^[+]?[0-9]{9,15}$", p)`,
			failed:     []string{"refuses_a_phone_with_a_plus"},
			mockedOnly: true,
			messages: []string{"Missing expected failure", "The checkable object, var.phones, was expected to report an error but did not.",
				"Error: " + invalidPhoneSummary, invalidPhoneDetail},
		},
		{
			name: "override without the replacement", file: "tests/mocked.tftest.hcl",
			from: "replace = [oneapi_campaign.this]", to: "replace = []",
			mockedOnly: true,
			failed:     []string{"reports_a_finished_campaign"},
			messages:   []string{"The status output is creation, want done."},
		},
	}
	for _, b := range broken {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			dir := copyModule(t, map[string][2]string{b.file: {b.from, b.to}})
			args := []string{"-var=sandbox_binary=" + filepath.Join(bin, "oneapi-sandbox")}
			if b.mockedOnly {
				args = []string{"-filter=tests/mocked.tftest.hcl"}
			}
			out, err := terraformTest(t, tf, cliConfig, bin, dir, false, args...)
			if err == nil {
				t.Fatalf("terraform test passed with the module broken (%s):\n%s", b.name, out)
			}
			got := runResults(out)
			for _, run := range runs {
				if _, ran := got[run]; !ran && b.mockedOnly {
					continue // a run of the stand-in's file
				}
				// A run after a failed one may be skipped.
				switch fails := slices.Contains(b.failed, run); {
				case fails && got[run] != "fail":
					t.Errorf("run %q: %q, want fail", run, got[run])
				case !fails && got[run] != "pass" && got[run] != "skip":
					t.Errorf("run %q: %q, want pass (or skip)", run, got[run])
				}
			}
			flat := strings.Join(strings.Fields(out), " ")
			for _, m := range b.messages {
				if !strings.Contains(flat, m) {
					t.Errorf("the output does not say %q:\n%s", m, out)
				}
			}
			if !b.mockedOnly {
				requireSandboxStopped(t, dir)
			}
		})
	}

	// The guide's promise that the provider's own checks run under the
	// mock: a text too long for an SMS fails the plan with its error.
	t.Run("provider checks under the mock", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, nil)
		long := `mock_provider "oneapi" {}

run "too_long" {
  command = plan

  variables {
    text = join("", [for i in range(766) : "a"])
  }
}
`
		if err := os.WriteFile(filepath.Join(dir, "tests", "long.tftest.hcl"), []byte(long), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := terraformTest(t, tf, cliConfig, bin, dir, false, "-filter=tests/long.tftest.hcl")
		if err == nil || runResults(out)["too_long"] != "fail" || !strings.Contains(out, "SMS Text Too Long") {
			t.Errorf("a mocked plan of a 766-character text did not fail with the provider's \"SMS Text Too Long\" (%v):\n%s", err, out)
		}
	})

	// The guide's promise that a plan-only run does not know what the
	// platform would fill in.
	t.Run("unknown at plan", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, map[string][2]string{"tests/mocked.tftest.hcl": {
			`condition     = oneapi_campaign.this.sms.sender == "Shop"`, `condition     = oneapi_campaign.this.status == "creation"`}})
		out, err := terraformTest(t, tf, cliConfig, bin, dir, false, "-filter=tests/mocked.tftest.hcl")
		if err == nil || runResults(out)["sends_the_text_to_the_phones"] != "fail" || !strings.Contains(out, "Unknown condition value") {
			t.Errorf("a plan-only assertion of the status did not fail with \"Unknown condition value\" (%v):\n%s", err, out)
		}
	})

	// The guide's promise that Terraform 1.11 and later give overrides to
	// plan-only runs too, with override_during = plan.
	t.Run("override_during plan", func(t *testing.T) {
		if v := acctest.CLIVersion(t); v.LessThan(version.Must(version.NewVersion("1.11.0"))) {
			t.Skipf("override_during needs Terraform 1.11 or later; this run has %s", v)
		}
		t.Parallel()
		dir := copyModule(t, nil)
		during := `mock_provider "oneapi" {}

run "status_at_plan" {
  command = plan

  override_resource {
    target          = oneapi_campaign.this
    override_during = plan
    values = {
      status = "scheduled"
    }
  }

  assert {
    condition     = oneapi_campaign.this.status == "scheduled"
    error_message = "The planned status is ${oneapi_campaign.this.status}."
  }
}
`
		if err := os.WriteFile(filepath.Join(dir, "tests", "during.tftest.hcl"), []byte(during), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := terraformTest(t, tf, cliConfig, bin, dir, false, "-filter=tests/during.tftest.hcl")
		if err != nil || runResults(out)["status_at_plan"] != "pass" {
			t.Errorf("override_during = plan did not give the override to a plan-only run (%v):\n%s", err, out)
		}
	})

	// tests/sandbox's destroy kills a stand-in that does not stop on
	// SIGTERM, and fails saying so.
	t.Run("stand-in that ignores SIGTERM", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("tests/sandbox needs a POSIX shell")
		}
		t.Parallel()
		dir := copyModule(t, nil)
		stubborn := filepath.Join(t.TempDir(), "stubborn-sandbox")
		script := `#!/bin/sh
trap '' TERM
while [ $# -gt 0 ]; do case $1 in -url-file) url=$2;; esac; shift; done
echo "oneapi-sandbox listening on http://127.0.0.1:9"
echo http://127.0.0.1:9 >"$url"
exec sleep 600
`
		test := fmt.Sprintf("run \"start_sandbox\" {\n  variables {\n    sandbox_binary = %q\n  }\n  module {\n    source = \"./tests/sandbox\"\n  }\n}\n", stubborn)
		if err := os.WriteFile(stubborn, []byte(script), 0o700); err != nil { //nolint:gosec // an executable
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "tests", "stubborn.tftest.hcl"), []byte(test), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := terraformTest(t, tf, cliConfig, bin, dir, false, "-filter=tests/stubborn.tftest.hcl")
		flat := strings.Join(strings.Fields(out), " ")
		if err == nil || !strings.Contains(flat, "Error: local-exec provisioner error") || !strings.Contains(flat, sandboxKilledLine) {
			t.Errorf("the teardown of a stand-in that ignores SIGTERM did not fail with %q (%v):\n%s", sandboxKilledLine, err, out)
		}
		log, _ := os.ReadFile(filepath.Join(sandboxDir(dir), "log"))
		if !strings.Contains(string(log), sandboxKilledLine) {
			t.Errorf("the stand-in's log does not say %q:\n%s", sandboxKilledLine, log)
		}
		pid, _ := os.ReadFile(filepath.Join(sandboxDir(dir), "pid"))
		if runtime.GOOS == "linux" && processRunning(strings.TrimSpace(string(pid)), "") {
			t.Errorf("the stand-in (pid %s) still runs after the teardown", pid)
		}
	})

	// tests/sandbox stops the stand-in when terraform is killed before
	// its teardown (a cancelled CI job).
	t.Run("terraform killed", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("tests/sandbox needs a POSIX shell")
		}
		t.Parallel()
		dir := copyModule(t, nil)
		hang := "resource \"terraform_data\" \"hang\" {\n  provisioner \"local-exec\" {\n    command = \"exec sleep 600\"\n  }\n}\n"
		test := "run \"start_sandbox\" {\n  module {\n    source = \"./tests/sandbox\"\n  }\n}\n\nrun \"hang\" {\n  module {\n    source = \"./tests/hang\"\n  }\n}\n"
		if err := os.MkdirAll(filepath.Join(dir, "tests", "hang"), 0o700); err != nil {
			t.Fatal(err)
		}
		for name, text := range map[string]string{"hang/main.tf": hang, "killed.tftest.hcl": test} {
			if err := os.WriteFile(filepath.Join(dir, "tests", name), []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		stopped := func() bool {
			b, _ := os.ReadFile(filepath.Join(sandboxDir(dir), "log"))
			return strings.HasSuffix(string(b), "oneapi-sandbox stopped\n")
		}
		// Once the stand-in serves, terraform is killed (alone, not its
		// process group); the stand-in must then stop by itself.
		var killed bool
		out, _ := terraformTestUntil(t, tf, cliConfig, bin, dir, true, func(p *os.Process) bool {
			if _, err := os.Stat(filepath.Join(sandboxDir(dir), "url")); err != nil {
				return false
			}
			if !killed {
				killed = p.Kill() == nil
			}
			return stopped()
		}, "-filter=tests/killed.tftest.hcl")
		if !killed || !stopped() {
			b, _ := os.ReadFile(filepath.Join(sandboxDir(dir), "log"))
			t.Errorf("killed terraform (%v): the stand-in did not stop by itself; its log:\n%s\nterraform's output:\n%s", killed, b, out)
		}
	})
}

// moduleTestingBuild builds the provider and oneapi-sandbox as the guide
// says, and writes a CLI configuration whose dev_overrides point at the
// provider. (make test's each pass runs one of the two test functions.)
func moduleTestingBuild(t *testing.T) (bin, cliConfig string) {
	t.Helper()
	bin = t.TempDir()
	root, _ := filepath.Abs("../..")
	// The guide's command.
	build := command(commandContext(t), "go", "build", "-C", root, "-o", bin+"/", ".", "./cmd/oneapi-sandbox")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cliConfig = filepath.Join(bin, "terraformrc")
	rc := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n", acctest.ProviderSource, bin)
	if err := os.WriteFile(cliConfig, []byte(rc), 0o600); err != nil {
		t.Fatal(err)
	}
	return bin, cliConfig
}

// moduleTestRuns are the names of the run blocks of the guide's test
// files.
func moduleTestRuns(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(moduleTestingDir, "tests", "*.tftest.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	var runs []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`(?m)^run "([^"]+)"`).FindAllStringSubmatch(string(b), -1) {
			runs = append(runs, m[1])
		}
	}
	if len(files) != 2 || len(runs) < 8 {
		t.Fatalf("found %d test files with %d runs (%v) under %s; want the mocked and the stand-in's files", len(files), len(runs), runs, moduleTestingDir)
	}
	return runs
}

// copyModule copies the guide's module into a temporary directory,
// replacing in a file (by its path relative to the module) one string
// that must be there.
func copyModule(t *testing.T, edits map[string][2]string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(moduleTestingDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(moduleTestingDir, path)
		if d.IsDir() {
			if d.Name() == ".terraform" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o700)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := string(b)
		if e, ok := edits[filepath.ToSlash(rel)]; ok {
			if !strings.Contains(text, e[0]) {
				return fmt.Errorf("%s has no %q to break", rel, e[0])
			}
			text = strings.Replace(text, e[0], e[1], 1)
			delete(edits, filepath.ToSlash(rel))
		}
		return os.WriteFile(filepath.Join(dst, rel), []byte(text), 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(edits) != 0 {
		t.Fatalf("no such file to edit: %v", edits)
	}
	return dst
}

// terraformTest runs `terraform get` and `terraform test` in dir, as the
// guide says for a local build: the provider through dev_overrides,
// oneapi-sandbox on PATH when onPath. It leaves no stand-in running,
// whatever the outcome.
func terraformTest(t *testing.T, tf, cliConfig, bin, dir string, onPath bool, args ...string) (string, error) {
	t.Helper()
	return terraformTestUntil(t, tf, cliConfig, bin, dir, onPath, nil, args...)
}

// terraformTestUntil is terraformTest that, with until, calls until with
// terraform's process every 100 ms from the start of `terraform test` until
// it says it is done (for a minute at most), and then kills terraform's
// process group if it is still there.
func terraformTestUntil(t *testing.T, tf, cliConfig, bin, dir string, onPath bool, until func(*os.Process) bool, args ...string) (string, error) {
	t.Helper()
	ctx := commandContext(t)
	var groups []int // of the commands run, each led its own
	t.Cleanup(func() {
		stopLeftSandbox(t, dir) // first: a stand-in left running is an error
		for _, pid := range groups {
			killLeftGroup(pid)
		}
	})
	// A shell set up for the real platform (the guide's promise: the test
	// files' provider blocks take precedence; the mock needs neither).
	env := append(exampleEnv(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1",
		"ONEAPI_ENDPOINT=http://127.0.0.1:9", "ONEAPI_API_KEY=live_not_for_tests")
	for i, kv := range env {
		if onPath && strings.HasPrefix(kv, "PATH=") {
			env[i] = "PATH=" + bin + string(os.PathListSeparator) + strings.TrimPrefix(kv, "PATH=")
		}
	}
	run := func(until func(*os.Process) bool, args ...string) (string, error) {
		runCtx, cancel := context.WithCancel(ctx)
		defer cancel()
		cmd := command(runCtx, tf, args...)
		var out bytes.Buffer
		cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, &out, &out
		if err := cmd.Start(); err != nil {
			return "", err
		}
		groups = append(groups, cmd.Process.Pid)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }() // reaps terraform as soon as it ends, as a shell would
		for end := time.Now().Add(time.Minute); until != nil && !until(cmd.Process) && time.Now().Before(end); {
			time.Sleep(100 * time.Millisecond)
		}
		if until != nil {
			cancel()
		}
		err := <-done
		if ctx.Err() != nil {
			err = fmt.Errorf("%w (killed with its process group: %w)", err, ctx.Err())
		}
		return out.String(), err
	}
	if out, err := run(nil, "get", "-no-color"); err != nil {
		t.Fatalf("terraform get: %v\n%s", err, out)
	}
	start := time.Now()
	out, err := run(until, append([]string{"test", "-no-color"}, args...)...)
	t.Logf("terraform test %s took %v", strings.Join(args, " "), time.Since(start).Round(10*time.Millisecond))
	return out, err
}

// commandDeadlineMargin is how long before the test binary's -timeout
// the commands of these tests are killed: its panic would skip every
// t.Cleanup and leave terraform and the stand-in running.
const commandDeadlineMargin = 30 * time.Second

// commandContext ends at the test's deadline less commandDeadlineMargin,
// and at most 15 minutes from now.
func commandContext(t *testing.T) context.Context {
	t.Helper()
	deadline := time.Now().Add(15 * time.Minute)
	if d, ok := t.Deadline(); ok && d.Add(-commandDeadlineMargin).Before(deadline) {
		deadline = d.Add(-commandDeadlineMargin)
	}
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	t.Cleanup(cancel)
	return ctx
}

// command runs name in a process group of its own, killed whole when ctx
// ends.
func command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	inOwnProcessGroup(cmd)
	// Output pipes that a killed group's orphans might still hold.
	cmd.WaitDelay = 10 * time.Second
	return cmd
}

// runResults is each run block's result, from terraform test's output
// (`  run "send"... pass`).
func runResults(out string) map[string]string {
	got := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\s*run "([^"]+)"\.\.\. (\w+)`).FindAllStringSubmatch(out, -1) {
		got[m[1]] = m[2]
	}
	return got
}

// sandboxDir is where tests/sandbox keeps the stand-in's URL, process id
// and log.
func sandboxDir(dir string) string { return filepath.Join(dir, ".terraform", "oneapi-sandbox") }

// requireSandboxStopped: the stand-in that the test started wrote that it
// stopped (oneapi-sandbox says so on SIGTERM, as it shuts down).
func requireSandboxStopped(t *testing.T, dir string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sandboxDir(dir), "log"))
	if err != nil {
		t.Fatalf("the stand-in's log: %v (did the test start it?)", err)
	}
	if strings.Contains(string(b), sandboxKilledLine) {
		t.Errorf("the stand-in did not stop on SIGTERM: tests/sandbox killed it; its log:\n%s", b)
	} else if !strings.Contains(string(b), "oneapi-sandbox listening on http://127.0.0.1:") || !strings.HasSuffix(string(b), "oneapi-sandbox stopped\n") {
		t.Errorf("the stand-in did not start and stop with the test; its log:\n%s", b)
	}
}

// stopLeftSandbox stops a stand-in that a failed test left running: the
// process whose id tests/sandbox wrote, if it is still oneapi-sandbox. It
// reads Linux's /proc; elsewhere it does nothing, and the kill of
// terraform's process group and tests/sandbox's own watch remain.
func stopLeftSandbox(t *testing.T, dir string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		return
	}
	b, err := os.ReadFile(filepath.Join(sandboxDir(dir), "pid"))
	if err != nil {
		return
	}
	pid := strings.TrimSpace(string(b))
	if !processRunning(pid, "oneapi-sandbox") {
		return
	}
	var n int
	if _, err := fmt.Sscan(pid, &n); err != nil {
		return
	}
	if p, err := os.FindProcess(n); err == nil && p.Signal(syscall.SIGTERM) == nil {
		t.Errorf("the stand-in (pid %d) was still running after terraform test; stopped it", n)
	}
}

// processRunning: Linux's /proc has a process pid, running (not exited
// and waiting to be reaped), whose command name is comm ("" for any).
func processRunning(pid, comm string) bool {
	if pid == "" || strings.ContainsAny(pid, "/.") {
		return false
	}
	stat, err := os.ReadFile("/proc/" + pid + "/stat") // "pid (comm) state ..."
	if err != nil {
		return false
	}
	name, state, ok := strings.Cut(string(stat[min(len(stat), len(pid)+1):]), ") ")
	return ok && (comm == "" || name == "("+comm) && !strings.HasPrefix(state, "Z")
}
