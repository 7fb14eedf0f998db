package provider_test

// Every example directory, copied alone into an empty directory as a
// reader of the docs would copy it, plans against the stand-in: only the
// required_providers block that docs/index.md shows is added (when the
// directory has none), and the provider is a local build that the CLI
// finds through dev_overrides, as docs/index.md's "Use a local build"
// says. Directories with Terraform 1.12+ features (import by identity,
// actions, list resources) run in make test's second, native pass.

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// exampleVars are the values passed with -var to a directory that declares
// the variable: those without a default must be given, as a reader would.
var exampleVars = map[string]map[string]string{
	"guides/incident":                     {"campaign_id": "53708808", "incident": "", "sender": "rcs_sender"},
	"guides/module-testing/tests/inspect": {"campaign_id": "53708807"},
}

// exampleIDRewrites are ids an example names that the stand-in cannot
// hold (its contacts are numbered from 248460001): the copy names one it
// holds instead. Every other id an example names exists on the stand-in
// (see exampleSandbox).
var exampleIDRewrites = map[string]map[string]string{
	"resources/oneapi_contact": {`"248452739"`: `"248460001"`},
}

// exampleDir is one directory of examples/ and the Terraform version its
// blocks need.
type exampleDir struct {
	rel   string // relative to examples/, with slashes
	needs *version.Version
	query bool // has .tfquery.hcl files: terraform query runs too
}

var (
	importForEach = regexp.MustCompile(`(?ms)^import\s*\{[^}]*for_each`)
	identityBlock = regexp.MustCompile(`(?m)^\s*identity\s*=`)
	nativeBlock   = regexp.MustCompile(`(?m)^\s*(action|list)\s+"|action_trigger\s*\{`)
	hasProviders  = regexp.MustCompile(`(?m)^\s*required_providers\s*\{`)
	functionCall  = regexp.MustCompile(`provider::oneapi::`)
)

// exampleDirs walks examples/ for every directory with configuration
// files (.tf or .tfquery.hcl).
func exampleDirs(t *testing.T) []exampleDir {
	t.Helper()
	root := filepath.Join("..", "..", "examples")
	byDir := map[string]*exampleDir{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := d.Name()
		if !strings.HasSuffix(name, ".tf") && !strings.HasSuffix(name, ".tfquery.hcl") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		dir := byDir[rel]
		if dir == nil {
			dir = &exampleDir{rel: rel, needs: version.Must(version.NewVersion("1.5.0"))}
			byDir[rel] = dir
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		need := func(v string) {
			if w := version.Must(version.NewVersion(v)); dir.needs.LessThan(w) {
				dir.needs = w
			}
		}
		text := string(b)
		if importForEach.MatchString(text) {
			need("1.7.0")
		}
		if functionCall.MatchString(text) {
			need("1.8.0")
		}
		if identityBlock.MatchString(text) {
			need("1.12.0")
		}
		if strings.HasSuffix(name, ".tfquery.hcl") || nativeBlock.MatchString(text) {
			need("1.14.0")
			dir.query = dir.query || strings.HasSuffix(name, ".tfquery.hcl")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []exampleDir
	for _, d := range byDir {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	if len(out) < 20 {
		t.Fatalf("found %d example directories under %s; the walk found too few", len(out), root)
	}
	return out
}

// requiredProvidersBlock is the block docs/index.md shows before its
// first section: the first terraform code block there, which must name the
// source oneapi-terraform/oneapi and a version constraint. (Its source is
// examples/provider/terraform.tf: docs/ is regenerated from it.)
func requiredProvidersBlock(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../docs/index.md")
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	if i := strings.Index(page, "\n## "); i >= 0 {
		page = page[:i]
	}
	m := regexp.MustCompile("(?s)```terraform\n(.*?)```").FindStringSubmatch(page)
	if m == nil || !strings.Contains(m[1], "required_providers") {
		t.Fatalf("docs/index.md shows no required_providers block before its first section: a reader cannot start from it")
	}
	if !regexp.MustCompile(`source\s*=\s*"oneapi-terraform/oneapi"`).MatchString(m[1]) || !regexp.MustCompile(`version\s*=\s*"[^"]+"`).MatchString(m[1]) {
		t.Fatalf("docs/index.md's required_providers block does not name the source oneapi-terraform/oneapi and a version constraint:\n%s", m[1])
	}
	return m[1]
}

// localBuild builds the provider once for the test, as docs/index.md's
// "Use a local build" says, and writes a CLI configuration whose
// dev_overrides point at it.
func localBuild(t *testing.T) (cliConfig string) {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	root, _ := filepath.Abs("../..")
	if out, err := exec.Command("go", "build", "-C", root, "-o", bin+"/", ".").CombinedOutput(); err != nil { //nolint:noctx // fixed command
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	cliConfig = filepath.Join(dir, "terraformrc")
	rc := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n    %q = %q\n  }\n  direct {}\n}\n",
		acctest.ProviderSource, bin, "registry.opentofu.org/oneapi-terraform/oneapi", bin)
	if err := os.WriteFile(cliConfig, []byte(rc), 0o600); err != nil {
		t.Fatal(err)
	}
	return cliConfig
}

// exampleSandbox is a stand-in that holds what the examples name: the
// campaigns 53708807 to 53708809 (of rcs_sender, still in creation) and
// the contact list 1864620 with the contacts 248460001 and 248460002.
func exampleSandbox(t *testing.T) *acctest.Sandbox {
	t.Helper()
	sb := acctest.StartSandboxWith(t, sandbox.Config{FirstID: 53708807, Groups: map[int64]int{1864620: 2}})
	if ids := sb.SeedCampaigns(3, false, "rcs_sender"); ids[2] != 53708809 {
		t.Fatalf("the stand-in numbered the examples' campaigns %v, want 53708807 to 53708809", ids)
	}
	return sb
}

// planAlone copies the example directory alone into an empty directory,
// adds the block when it has no required_providers, and plans it (and
// runs terraform query when it has list blocks) with the CLI tf.
func planAlone(t *testing.T, tf, cliConfig, block string, dir exampleDir) {
	t.Helper()
	sb := exampleSandbox(t)
	work := t.TempDir()
	src := filepath.Join("..", "..", "examples", filepath.FromSlash(dir.rel))
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	declared, haveProviders := "", false
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for from, to := range exampleIDRewrites[dir.rel] {
			text = strings.ReplaceAll(text, from, to)
		}
		haveProviders = haveProviders || hasProviders.MatchString(text)
		declared += text
		if err := os.WriteFile(filepath.Join(work, e.Name()), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if !haveProviders {
		if err := os.WriteFile(filepath.Join(work, "terraform.tf"), []byte(block), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"plan", "-input=false", "-no-color"}
	for name, value := range exampleVars[dir.rel] {
		if regexp.MustCompile(`(?m)^variable\s+"` + name + `"`).MatchString(declared) {
			args = append(args, "-var", name+"="+value)
		}
	}
	run := func(args ...string) string {
		cmd := exec.Command(tf, args...) //nolint:gosec,noctx // the CLI under test
		cmd.Dir = work
		cmd.Env = append(exampleEnv(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1",
			"ONEAPI_ENDPOINT="+sb.URL, "ONEAPI_API_KEY="+acctest.APIKey)
		if mask := os.Getenv("TF_LOG_PATH_MASK"); mask != "" {
			// The CLI's TRACE log joins the suite's, which Main scans for secrets.
			cmd.Env = append(cmd.Env, "TF_LOG=TRACE", "TF_LOG_PATH="+fmt.Sprintf(mask, strings.ReplaceAll(t.Name(), "/", "_")+"-"+args[0]))
		}
		out, err := cmd.CombinedOutput()
		acctest.AssertNoSecrets(t, "terraform "+args[0], string(out), acctest.Secrets())
		if err != nil {
			t.Fatalf("examples/%s copied alone (with docs/index.md's required_providers block added: %v) does not %s:\n%s",
				dir.rel, !haveProviders, strings.Join(args, " "), out)
		}
		return string(out)
	}
	out := run(args...)
	if !regexp.MustCompile(`Plan: \d+ to|No changes\.|Changes to Outputs:`).MatchString(out) {
		t.Errorf("examples/%s: the plan says neither what it would change nor \"No changes\" nor what its outputs would be:\n%s", dir.rel, out)
	}
	if dir.query {
		run("query", "-no-color")
	}
}

// exampleEnv is the test's environment without the settings that would
// change what the copied directory means: the provider's, Terraform's log
// and data directory, and any CLI configuration.
func exampleEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "ONEAPI_") && !strings.HasPrefix(kv, "TF_LOG") && !strings.HasPrefix(kv, "TF_DATA_DIR=") &&
			!strings.HasPrefix(kv, "TF_CLI_") && !strings.HasPrefix(kv, "TF_REATTACH_PROVIDERS=") && !strings.HasPrefix(kv, "TF_VAR_") {
			env = append(env, kv)
		}
	}
	return env
}

// TestAccExamples_planAlone: every example directory that needs no
// Terraform 1.12+ feature plans when copied alone into an empty directory,
// with only docs/index.md's required_providers block added, against the
// stand-in, with the provider from a local build (dev_overrides). The run's
// CLI is make test's (Terraform 1.11 here).
func TestAccExamples_planAlone(t *testing.T) {
	v := acctest.CLIVersion(t)
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	block := requiredProvidersBlock(t)
	cliConfig := localBuild(t)
	for _, dir := range exampleDirs(t) {
		if !dir.needs.LessThan(version.Must(version.NewVersion("1.12.0"))) {
			continue // TestAccExamples_planAloneWithActionsAndLists
		}
		t.Run(dir.rel, func(t *testing.T) {
			if v.LessThan(dir.needs) {
				t.Skipf("needs Terraform %s or later (this run has %s)", dir.needs, v)
			}
			t.Parallel()
			planAlone(t, tf, cliConfig, block, dir)
		})
	}
}

// TestAccExamples_planAloneWithActionsAndLists is TestAccExamples_planAlone for the
// directories with Terraform 1.12+ features (import by identity, actions,
// list resources), through make test's 1.14+ CLI; a directory with
// .tfquery.hcl files also runs terraform query.
func TestAccExamples_planAloneWithActionsAndLists(t *testing.T) {
	tf := acctest.RequireNative(t)
	block := requiredProvidersBlock(t)
	cliConfig := localBuild(t)
	for _, dir := range exampleDirs(t) {
		if dir.needs.LessThan(version.Must(version.NewVersion("1.12.0"))) {
			continue // TestAccExamples_planAlone
		}
		t.Run(dir.rel, func(t *testing.T) {
			t.Parallel()
			planAlone(t, tf, cliConfig, block, dir)
		})
	}
}
