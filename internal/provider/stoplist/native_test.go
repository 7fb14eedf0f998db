package stoplist_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

func mustSay(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !acctest.WrappedRE(regexp.QuoteMeta(w)).MatchString(out) {
			t.Errorf("the CLI did not say %q:\n%s", w, out)
		}
	}
}

// TestAccNative_stopListPlansSayWhoBecomesReachable: removing a phone plans
// an in-place update whose warning names the phone and the channel; a
// destroy says the phones stay opted out, or, with detach_on_destroy,
// names every phone that becomes reachable. The plans send nothing.
func TestAccNative_stopListPlansSayWhoBecomesReachable(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+entries(sb, "", phoneA, phoneB))
	cli.Init()
	cli.MustRun("apply", "-auto-approve", "-no-color")

	cli.Write("main.tf", acctest.RequiredProviders+entries(sb, "", phoneA))
	sb.ResetCounters()
	out := cli.MustRun("plan", "-no-color")
	mustSay(t, out, "Warning: Phones Leave the Stop List",
		"Removing them from phones takes 1 phone(s) off the sms stop list, so that SMS messages can reach them again: 380661231232.",
		"~ update in-place", "Plan: 0 to add, 1 to change, 0 to destroy.")
	if n := sb.Count("POST /api/stoplist/detach") + sb.Count("POST /api/stoplist/attach"); n != 0 {
		t.Errorf("the plan sent %d writes", n)
	}
	mustSay(t, cli.MustRun("plan", "-destroy", "-no-color"), "Warning: Phones Stay on the Stop List",
		"Destroying forgets 2 phone(s) and leaves them on the sms stop list (detach_on_destroy is false): 380661231231, 380661231232.")

	cli.Write("main.tf", acctest.RequiredProviders+entries(sb, "detach_on_destroy = true", phoneA, phoneB))
	cli.MustRun("apply", "-auto-approve", "-no-color")
	mustSay(t, cli.MustRun("plan", "-destroy", "-no-color"), "Warning: Phones Leave the Stop List",
		"Destroying takes 2 phone(s) off the sms stop list, so that SMS messages can reach them again: 380661231231, 380661231232.")
}

// TestAccNative_stopListImportByIdentity: an import block by identity
// takes the channel's phones; the configuration that lists them then plans
// nothing.
func TestAccNative_stopListImportByIdentity(t *testing.T) {
	sb := acctest.StartSandbox(t)
	attach(t, sb, []string{"viber"}, phoneC)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
import {
  to       = oneapi_stop_list_entries.viber
  identity = { id = "viber" }
}

resource "oneapi_stop_list_entries" "viber" {
  channel = "viber"
  phones  = ["`+phoneC+`"]
}
`)
	cli.Init()
	mustSay(t, cli.MustRun("apply", "-auto-approve", "-no-color"), "Apply complete! Resources: 1 imported, 0 added, 0 changed, 0 destroyed.")
	mustSay(t, cli.MustRun("plan", "-no-color"), "No changes.")
}

// TestAccNative_stopListImportSaysWhatItAdopts: after the documented
// terraform import, a configuration that lists A of A, B and C plans an
// update whose warning says that B and C stay on the stop list (and no
// warning that a phone leaves it); the apply sends no detach. An import
// block with -generate-config-out writes every phone into the
// configuration, which plans an import only.
func TestAccNative_stopListImportSaysWhatItAdopts(t *testing.T) {
	sb := acctest.StartSandbox(t)
	attach(t, sb, []string{"sms"}, phoneA, phoneB, phoneC)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+entries(sb, "", phoneA))
	cli.Init()
	cli.MustRun("import", "-no-color", addr, "sms")
	sb.ResetCounters()
	out := cli.MustRun("plan", "-no-color")
	mustSay(t, out, "Warning: Imported Phones Stay on the Stop List",
		"The import of the sms stop list took 2 phone(s) that phones does not list: 380661231232, 380661231233.",
		"the apply forgets these and leaves them on the stop list",
		"To take one of them off the stop list instead, keep it in phones and first apply an in-place change on its own "+
			"(for example toggle detach_on_destroy, and toggle it back later): the first update after an import clears the "+
			"import's record, and from then on removing a phone from phones takes it off the stop list.",
		"Plan: 0 to add, 1 to change, 0 to destroy.")
	if strings.Contains(out, "Phones Leave the Stop List") {
		t.Errorf("the plan says phones leave the stop list:\n%s", out)
	}
	cli.MustRun("apply", "-auto-approve", "-no-color")
	if n := sb.Count("POST /api/stoplist/detach"); n != 0 {
		t.Errorf("%d detach requests after an import, want 0", n)
	}
	if err := listed(sb, "sms", true, phoneA, phoneB, phoneC); err != nil {
		t.Error(err)
	}

	// The provider argument is needed to generate the configuration, and
	// refused once the resource block exists.
	gen := acctest.NewCLI(t, nil)
	importBlock := func(provider string) string {
		return acctest.RequiredProviders + sb.ProviderBlock() + "\nimport {\n  to = " + addr + "\n  id = \"sms\"\n" + provider + "}\n"
	}
	gen.Write("main.tf", importBlock("  provider = oneapi\n"))
	gen.Init()
	gen.MustRun("plan", "-no-color", "-generate-config-out=generated.tf")
	gen.Write("main.tf", importBlock(""))
	mustSay(t, gen.Read("generated.tf"), phoneA, phoneB, phoneC)
	mustSay(t, gen.MustRun("apply", "-auto-approve", "-no-color"), "Resources: 1 imported, 0 added, 0 changed, 0 destroyed.")
	if n := sb.Count("POST /api/stoplist/detach"); n != 0 {
		t.Errorf("%d detach requests after -generate-config-out, want 0", n)
	}
}
