package otp_test

// The oneapi_otp_template list resource and identity, through terraform
// query (Terraform 1.14+: each test starts with acctest.RequireNative).

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestAccOTPTemplate_queryImportsWhatTheWebInterfaceMade: templates made
// in the web interface are found by status and by name; the generated
// configuration plans imports only, and nothing is written.
func TestAccOTPTemplate_queryImportsWhatTheWebInterfaceMade(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	login := sb.CreateOTPTemplateDirect("Login code", "Code {code2fa}", "approved", "UA", "PT")
	sb.CreateOTPTemplateDirect("Payments", "Confirm with {code2fa}", "approved")
	sb.CreateOTPTemplateDirect("Waiting", "Wait {code2fa}", "requested")
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock())
	cli.Write("main.tfquery.hcl", `
list "oneapi_otp_template" "login" {
  provider         = oneapi
  include_resource = true
  config {
    name = "Login code"
  }
}
list "oneapi_otp_template" "approved" {
  provider = oneapi
  config {
    status = "approved"
  }
}
`)
	cli.Init()
	sb.ResetCounters()
	out := cli.MustRun("query", "-no-color")
	if !strings.Contains(out, fmt.Sprintf("list.oneapi_otp_template.login   id=%d", login)) ||
		strings.Count(out, "list.oneapi_otp_template.approved") != 3 || strings.Contains(out, "Waiting") {
		t.Errorf("the query did not find Login code, and the 3 approved templates (Default, Login code, Payments) only:\n%s", out)
	}
	if n := sb.Count("GET /api/2fa/authentications/templates/{templateId}"); n != 0 {
		t.Errorf("%d reads of one template: the list answer carries every result", n)
	}
	cli.Write("main.tfquery.hcl", `
list "oneapi_otp_template" "login" {
  provider         = oneapi
  include_resource = true
  config {
    name = "Login code"
  }
}
`)
	sb.ResetCounters()
	cli.MustRun("query", "-no-color", "-generate-config-out=generated.tf")
	acctest.QueryPlansImportsOnly(t, sb, cli, 1)
}

// TestAccOTPTemplate_importByIdentity: an import block by identity plans
// one import and no create; an identity that is no template id is
// refused with the way to write one.
func TestAccOTPTemplate_importByIdentity(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	id := sb.CreateOTPTemplateDirect("Login code", "Code {code2fa}", "approved", "UA")
	config := func(identity string) string {
		return acctest.RequiredProviders + sb.ProviderBlock() + fmt.Sprintf(`
import {
  to       = oneapi_otp_template.login
  identity = { id = %q }
}
resource "oneapi_otp_template" "login" {
  name      = "Login code"
  text      = "Code {code2fa}"
  countries = ["UA"]
}
`, identity)
	}
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", config(fmt.Sprint(id)))
	cli.Init()
	if a := acctest.Actions(cli.PlanJSON()); a["import"] != 1 || a["create"] != 0 || a["no-op"] != 1 {
		t.Errorf("plan %v, want one import and nothing else", a)
	}
	cli.Write("main.tf", config("login"))
	out, err := cli.Run("plan", "-no-color")
	if err == nil || !acctest.WrappedRE(regexp.QuoteMeta(`"login" is not a 2FA template id (digits only). Import with the numeric id`)).MatchString(out) {
		t.Errorf("a bad identity was not refused as it should be (%v):\n%s", err, out)
	}
}
