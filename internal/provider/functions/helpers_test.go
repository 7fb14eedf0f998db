package functions_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// Provider functions came with Terraform 1.8: older CLIs do not see them.
var functionsCLI = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)}

// call is one function call of a test: its expression and the output it
// must give.
type call struct {
	expr string
	want knownvalue.Check
}

// testCalls applies a configuration of one output per call (nothing but
// the calls: no resource, no request) and checks each output.
func testCalls(t *testing.T, calls map[string]call) {
	t.Helper()
	config := ""
	var checks []statecheck.StateCheck
	for name, c := range calls {
		config += fmt.Sprintf("output %q {\n  value = %s\n}\n", name, c.expr)
		checks = append(checks, statecheck.ExpectKnownOutputValue(name, c.want))
	}
	acctest.Test(t, resource.TestCase{
		TerraformVersionChecks: functionsCLI,
		Steps:                  []resource.TestStep{{Config: config, ConfigStateChecks: checks}},
	})
}

// testRefusals plans each expression alone and expects the function's
// error (says is a pattern whose spaces match the CLI's wrapping).
func testRefusals(t *testing.T, refusals map[string]string) {
	t.Helper()
	for expr, says := range refusals {
		t.Run(expr, func(t *testing.T) {
			acctest.Test(t, resource.TestCase{
				TerraformVersionChecks: functionsCLI,
				Steps: []resource.TestStep{{
					Config:      fmt.Sprintf("output \"refused\" {\n  value = %s\n}\n", expr),
					ExpectError: acctest.WrappedRE("(Error in function call|Invalid function argument).*" + says),
				}},
			})
		})
	}
}

// openTofu reports an acceptance run with OpenTofu's CLI (make
// testacc-matrix runs the suite with tools/bin/tofu-VERSION).
func openTofu() bool {
	return strings.HasPrefix(filepath.Base(os.Getenv("TF_ACC_TERRAFORM_PATH")), "tofu")
}
