package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
)

// The Terraform 1.14 features (actions, list resources, identities) need a
// CLI that has them. A test of them starts with acctest.RequireNative(t),
// whatever its name and file: make test runs the tests that start so
// (scripts/native-tests.sh finds them) a second time with Terraform v1.16.0
// (scripts/terraform-native.sh) and ONEAPI_ACC_NATIVE=1, under which an
// older CLI fails them instead of skipping them. The main run, with the
// older CLI, skips them.

// NativeVersion is the first Terraform with actions and list resources.
var NativeVersion = version.Must(version.NewVersion("1.14.0"))

// nativeTests holds the top-level tests marked by RequireNative.
var nativeTests sync.Map

// RequireNative marks a test of the Terraform 1.14 features, and is a
// statement of the test function itself (scripts/native-tests.sh selects
// make test's 1.14+ run by it): it skips the test outside a Terraform
// 1.14+ run, and fails it when ONEAPI_ACC_NATIVE=1 promised one. It
// returns the CLI's path.
func RequireNative(t *testing.T) string {
	t.Helper()
	pc, _, _, _ := runtime.Caller(1)
	if fn := runtime.FuncForPC(pc); fn == nil || strings.Contains(t.Name(), "/") || !strings.HasSuffix(fn.Name(), "."+t.Name()) {
		t.Fatalf("acctest.RequireNative(t) is called from %v: call it in the test function %s itself, where scripts/native-tests.sh finds it", fn.Name(), t.Name())
	}
	nativeTests.Store(t.Name(), true)
	return nativeCLI(t)
}

// nativeCLI is the CLI of a Terraform 1.14+ run for a test that
// RequireNative marked (or a subtest of one); the helpers that use the
// 1.14 features (NewCLI, NativeTest) fail a test without the mark, which
// the 1.14+ run would never select.
func nativeCLI(t *testing.T) string {
	t.Helper()
	top, _, _ := strings.Cut(t.Name(), "/")
	if _, ok := nativeTests.Load(top); !ok {
		t.Fatalf("%s uses the Terraform 1.14 features but does not start with acctest.RequireNative(t): make test's 1.14+ run selects its tests by that statement", top)
	}
	if os.Getenv("TF_ACC") == "" {
		t.Skip("an acceptance test (runs the Terraform CLI): run it with `make test` (TF_ACC=1)")
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	got, err := cliVersion(tf)
	switch {
	case err == nil && !got.LessThan(NativeVersion):
		return tf
	case os.Getenv("ONEAPI_ACC_NATIVE") == "1":
		t.Fatalf("ONEAPI_ACC_NATIVE=1 but TF_ACC_TERRAFORM_PATH=%s is Terraform %v (%v): it needs 1.14 or later", tf, got, err)
	default:
		t.Skipf("needs Terraform 1.14 or later (this run has %v): make test runs it with scripts/terraform-native.sh", got)
	}
	return ""
}

// CLIVersion is the version of the run's Terraform CLI
// (TF_ACC_TERRAFORM_PATH). Outside an acceptance run (no TF_ACC, as in
// `make unit`) there is no CLI to ask: the test skips, as every acceptance
// test does there.
func CLIVersion(t *testing.T) *version.Version {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("an acceptance test (runs the Terraform CLI): run it with `make test` (TF_ACC=1)")
	}
	v, err := cliVersion(os.Getenv("TF_ACC_TERRAFORM_PATH"))
	if err != nil {
		t.Fatalf("the version of TF_ACC_TERRAFORM_PATH: %v", err)
	}
	return v
}

// cliVersion is the version of the Terraform CLI at tf.
func cliVersion(tf string) (*version.Version, error) {
	out, err := exec.Command(tf, "version", "-json").Output() //nolint:gosec,noctx // the CLI under test
	if err != nil {
		return nil, err
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		return nil, err
	}
	return version.NewVersion(v.Version)
}

// nativeRun reports a run whose CLI has actions, list resources and
// identities (Terraform 1.14 or later), or one that promised it
// (ONEAPI_ACC_NATIVE=1, which RequireNative then holds it to).
func nativeRun() bool {
	if os.Getenv("ONEAPI_ACC_NATIVE") == "1" {
		return true
	}
	got, err := cliVersion(os.Getenv("TF_ACC_TERRAFORM_PATH"))
	return err == nil && !got.LessThan(NativeVersion)
}

// NativeTest is Test for a test of the Terraform 1.14 features (one that
// starts with RequireNative).
func NativeTest(t *testing.T, tc resource.TestCase) {
	t.Helper()
	nativeCLI(t)
	Test(t, tc)
}

// CLI is a working directory in which a test runs the Terraform CLI
// itself, for what terraform-plugin-testing cannot drive (apply -invoke,
// query -generate-config-out). The provider is served in-process, as
// terraform-plugin-testing serves it (TF_REATTACH_PROVIDERS), so that the
// test holds the stand-in's counters and the provider's clock.
type CLI struct {
	t   *testing.T
	Dir string
	tf  string
	env []string
}

// ProviderSource is the provider's address in CLI configurations.
const ProviderSource = "registry.terraform.io/oneapi-terraform/oneapi"

// RequiredProviders is the terraform block a CLI configuration starts
// with.
const RequiredProviders = `terraform {
  required_providers {
    oneapi = { source = "oneapi-terraform/oneapi" }
  }
}
`

// NewCLI serves the provider (NewProtocol6Server, or server) for the life
// of the test and returns an initialized working directory; it needs
// Terraform 1.14+ (a test that starts with RequireNative).
func NewCLI(t *testing.T, server func() tfprotov6.ProviderServer) *CLI {
	t.Helper()
	tf := nativeCLI(t)
	terraformRuns.Add(1)
	if server == nil {
		server = provider.NewProtocol6Server("test")
	}
	ctx, cancel := context.WithCancel(context.Background())
	configCh := make(chan *plugin.ReattachConfig, 1)
	closeCh := make(chan struct{})
	go func() {
		_ = tf6server.Serve(ProviderSource, server, tf6server.WithDebug(ctx, configCh, closeCh),
			tf6server.WithGoPluginLogger(hclog.NewNullLogger()), tf6server.WithoutLogStderrOverride(), tf6server.WithLoggingSink(t))
	}()
	cfg := <-configCh
	t.Cleanup(func() { cancel(); <-closeCh })
	reattach, err := json.Marshal(map[string]any{ProviderSource: map[string]any{
		"Protocol": string(cfg.Protocol), "ProtocolVersion": cfg.ProtocolVersion, "Pid": cfg.Pid, "Test": cfg.Test,
		"Addr": map[string]string{"Network": cfg.Addr.Network(), "String": cfg.Addr.String()},
	}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	rc := filepath.Join(dir, ".terraformrc")
	if err := os.WriteFile(rc, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "TF_REATTACH_PROVIDERS="+string(reattach),
		"TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1")
	if mask := os.Getenv("TF_LOG_PATH_MASK"); mask != "" {
		// The CLI's TRACE log joins the suite's, which Main scans for secrets.
		env = append(env, "TF_LOG_PATH="+fmt.Sprintf(mask, strings.ReplaceAll(t.Name(), "/", "_")+"-cli"))
	}
	return &CLI{t: t, Dir: dir, tf: tf, env: env}
}

// Write writes a file of the working directory.
func (c *CLI) Write(name, content string) {
	c.t.Helper()
	if err := os.WriteFile(filepath.Join(c.Dir, name), []byte(content), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// Read reads a file of the working directory.
func (c *CLI) Read(name string) string {
	c.t.Helper()
	b, err := os.ReadFile(filepath.Join(c.Dir, name))
	if err != nil {
		c.t.Fatal(err)
	}
	return string(b)
}

// Run runs terraform with args and returns what it printed; the output
// must hold no secret.
func (c *CLI) Run(args ...string) (string, error) {
	c.t.Helper()
	cmd := exec.Command(c.tf, args...) //nolint:gosec,noctx // the CLI under test
	cmd.Dir, cmd.Env = c.Dir, c.env
	out, err := cmd.CombinedOutput()
	AssertNoSecrets(c.t, "terraform "+strings.Join(args, " "), string(out), Secrets())
	return string(out), err
}

// MustRun is Run that fails the test when terraform fails.
func (c *CLI) MustRun(args ...string) string {
	c.t.Helper()
	out, err := c.Run(args...)
	if err != nil {
		c.t.Fatalf("terraform %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// Init runs terraform init (the provider is reattached: nothing is
// downloaded).
func (c *CLI) Init() {
	c.t.Helper()
	c.MustRun("init", "-input=false", "-no-color")
}

// PlanJSON plans (-out) and returns the plan as terraform show -json
// writes it.
func (c *CLI) PlanJSON(args ...string) map[string]any {
	c.t.Helper()
	c.MustRun(append([]string{"plan", "-input=false", "-no-color", "-out=tfplan"}, args...)...)
	var plan map[string]any
	if err := json.Unmarshal([]byte(c.MustRun("show", "-json", "tfplan")), &plan); err != nil {
		c.t.Fatal(err)
	}
	return plan
}

// Actions counts the plan's resource changes by action ("create",
// "update", "delete", "no-op", "read") and imports.
func Actions(plan map[string]any) map[string]int {
	out := map[string]int{}
	changes, _ := plan["resource_changes"].([]any)
	for _, rc := range changes {
		change, _ := rc.(map[string]any)["change"].(map[string]any)
		for _, a := range change["actions"].([]any) {
			out[fmt.Sprint(a)]++
		}
		if change["importing"] != nil {
			out["import"]++
		}
	}
	return out
}

// Setenv sets an environment variable ("NAME=value") for the commands run
// after it.
func (c *CLI) Setenv(kv string) { c.env = append(c.env, kv) }

// QueryPlansImportsOnly checks what follows terraform query
// -generate-config-out=generated.tf in cli: the generated configuration
// plans imports (imports of them) and nothing else, its apply imports
// them, the plan after it has only their no-ops, and no write reached the
// stand-in since its counters were last reset (a query and an import only
// read).
func QueryPlansImportsOnly(t *testing.T, sb *Sandbox, cli *CLI, imports int) {
	t.Helper()
	generated := cli.Read("generated.tf")
	plan := Actions(cli.PlanJSON())
	if plan["import"] != imports || plan["create"] != 0 || plan["update"] != 0 || plan["delete"] != 0 {
		t.Errorf("the generated configuration plans %v, want %d imports and nothing else:\n%s", plan, imports, generated)
	}
	cli.MustRun("apply", "-auto-approve", "-no-color", "tfplan")
	if after := Actions(cli.PlanJSON()); after["no-op"] != imports || len(after) != 1 {
		t.Errorf("the plan after the import is %v, want %d no-ops:\n%s", after, imports, generated)
	}
	for key := range sb.Counters() {
		if !strings.HasPrefix(key, "GET ") && key != "POST /api/auth/login" {
			t.Errorf("the query and its import wrote: %s", key)
		}
	}
}
