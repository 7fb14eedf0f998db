package provider_test

// The provider functions' documented examples: every expression of
// examples/functions/<name>/console.txt, which each function's page prints
// as a terraform console session, evaluates in terraform console to the
// result printed under it, with the provider from a local build
// (dev_overrides), as a reader would try it.

import (
	"context"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
)

// consoleExample is one documented console input and what it prints.
type consoleExample struct{ expr, want string }

// consoleExamples reads a console.txt: lines "> expression", each followed
// by the lines the console prints for it.
func consoleExamples(t *testing.T, file string) []consoleExample {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []consoleExample
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if expr, ok := strings.CutPrefix(line, "> "); ok {
			out = append(out, consoleExample{expr: expr})
			continue
		}
		if len(out) == 0 {
			t.Fatalf("%s: %q comes before the first \"> \" input", file, line)
		}
		out[len(out)-1].want += line + "\n"
	}
	return out
}

// TestAccFunctions_consoleEvaluatesTheDocs: terraform console (1.8 or
// later) evaluates each documented example of each function as its page
// prints it; every function the provider serves has examples, and its page
// template prints them.
func TestAccFunctions_consoleEvaluatesTheDocs(t *testing.T) {
	if v := acctest.CLIVersion(t); v.LessThan(version.Must(version.NewVersion("1.8.0"))) {
		t.Skipf("provider functions need Terraform 1.8 or later (this run has %s)", v)
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	cliConfig := localBuild(t)
	work := t.TempDir()
	if err := os.WriteFile(filepath.Join(work, "terraform.tf"), []byte(acctest.RequiredProviders), 0o600); err != nil {
		t.Fatal(err)
	}
	names := functionNames(t)
	if len(names) < 3 {
		t.Fatalf("the provider serves %d functions: %v", len(names), names)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			tmpl, err := os.ReadFile("../../templates/functions/" + name + ".md.tmpl")
			if err != nil || !strings.Contains(string(tmpl), `"examples/functions/`+name+`/console.txt"`) {
				t.Errorf("templates/functions/%s.md.tmpl does not print examples/functions/%s/console.txt (%v)", name, name, err)
			}
			examples := consoleExamples(t, "../../examples/functions/"+name+"/console.txt")
			if len(examples) < 3 {
				t.Errorf("%d documented examples, want at least 3", len(examples))
			}
			for _, ex := range examples {
				if !strings.Contains(ex.expr, "provider::oneapi::"+name+"(") {
					t.Errorf("the example %q does not call %s", ex.expr, name)
				}
				cmd := exec.Command(tf, "console") //nolint:gosec,noctx // the CLI under test
				cmd.Dir, cmd.Stdin = work, strings.NewReader(ex.expr+"\n")
				cmd.Env = append(exampleEnv(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
				var stdout, stderr strings.Builder
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				if err := cmd.Run(); err != nil {
					t.Errorf("terraform console: %s: %v\n%s", ex.expr, err, stderr.String())
					continue
				}
				if got := stdout.String(); got != ex.want {
					t.Errorf("terraform console evaluates\n  %s\nto\n%s\nbut the docs print\n%s", ex.expr, got, ex.want)
				}
			}
		})
	}
}

// functionNames are the functions the provider serves, by name, as the
// protocol server tells the CLI.
func functionNames(t *testing.T) []string {
	t.Helper()
	resp, err := provider.NewProtocol6Server("test")().GetFunctions(context.Background(), &tfprotov6.GetFunctionsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	return slices.Sorted(maps.Keys(resp.Functions))
}
