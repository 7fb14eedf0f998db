package otp_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

const (
	addr    = "oneapi_otp_template.login"
	getOne  = "GET /api/2fa/authentications/templates/{templateId}"
	create  = "POST /api/2fa/authentications/templates"
	deleteK = "DELETE /api/2fa/authentications/templates/{templateId}"
)

func templateConfig(sb *acctest.Sandbox, body string) string {
	return sb.ProviderBlock() + "resource \"oneapi_otp_template\" \"login\" {\n" + body + "\n}\n"
}

// moderateAfterReads lets moderation decide (the stand-in's clock moves
// past its delay) once the provider has read templates n more times: the
// provider is then waiting, and no wall time is assumed.
func moderateAfterReads(sb *acctest.Sandbox, n int) {
	target := sb.Count(getOne) + n
	go func() {
		deadline := time.Now().Add(time.Minute)
		for sb.Count(getOne) < target && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		sb.Advance(sandbox.OTPModerationDelay + time.Second)
	}()
}

// moderateWhileWaiting moves the stand-in's clock past moderation's
// delay each time the provider has read templates every more times, until
// the test ends: whatever template is waiting then is decided.
func moderateWhileWaiting(t *testing.T, sb *acctest.Sandbox, every int) {
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	go func() {
		last := sb.Count(getOne)
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
			if n := sb.Count(getOne); n >= last+every {
				sb.Advance(sandbox.OTPModerationDelay + time.Second)
				last = n
			}
		}
	}()
}

func idOf(id *int64) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrWith(addr, "id", func(v string) error {
		var err error
		*id, err = strconv.ParseInt(v, 10, 64)
		return err
	})
}

// TestAccOTPTemplate_lifecycle: a create waits until moderation approves
// the template; a refresh plans nothing; a new text plans a replacement
// (the API has no update) that deletes the old template; import by id;
// a template deleted in the web interface is created again; destroy
// deletes it.
func TestAccOTPTemplate_lifecycle(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var first, second int64
	moderateWhileWaiting(t, sb, 2)
	body := func(text string) string {
		return fmt.Sprintf(`  name = "Login code"
  text = %q
  countries = ["UA", "PT"]
  wait_for_approval = true`, text)
	}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: templateConfig(sb, body("Your login code is {code2fa}")),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(addr, "status", knownvalue.StringExact("approved")),
					acctest.StateValue(addr, "countries", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("UA"), knownvalue.StringExact("PT")})),
					acctest.StateValue(addr, "text", knownvalue.StringExact("Your login code is {code2fa}")),
				},
				Check: resource.ComposeTestCheckFunc(idOf(&first), func(*terraform.State) error {
					if n := sb.Count(getOne); n < 2 {
						return fmt.Errorf("%d reads of the template, want the wait's reads (at least 2)", n)
					}
					return sb.ExpectCountErr(create, 1)
				}),
			},
			{Config: templateConfig(sb, body("Your login code is {code2fa}")), ConfigPlanChecks: acctest.EmptyPlan()},
			{
				Config: templateConfig(sb, body("Code: {code2fa}. Do not share it.")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(addr, "status", knownvalue.StringExact("approved"))},
				Check: resource.ComposeTestCheckFunc(idOf(&second), func(*terraform.State) error {
					if first == second || sb.OTPTemplateStatus(first) != "deleted" {
						return fmt.Errorf("template %d is %q after its replacement by %d", first, sb.OTPTemplateStatus(first), second)
					}
					return sb.ExpectCountErr(create, 2)
				}),
			},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"wait_for_approval"}},
			{
				PreConfig: func() {
					if err := sb.Client().DeleteOTPTemplate(context.Background(), second); err != nil {
						t.Fatal(err)
					}
				},
				Config: templateConfig(sb, body("Code: {code2fa}. Do not share it.")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// TestAccOTPTemplate_rejectedFailsTheApply: moderation rejects a text
// with a link; the apply fails naming the text, and the next apply
// (a new text) replaces the rejected template.
func TestAccOTPTemplate_rejectedFailsTheApply(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var rejected int64
	moderateWhileWaiting(t, sb, 1)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: templateConfig(sb, `  name = "Login code"
  text = "Code {code2fa}, or log in at https://example.com"
  wait_for_approval = true`),
				ExpectError: acctest.WrappedRE(`2FA Template Rejected in Moderation.*rejected 2FA template \d+`),
			},
			{
				PreConfig: func() {
					found, err := sb.Client().FindOTPTemplate(context.Background(), "Login code")
					if err != nil || found == nil {
						t.Fatalf("the rejected template is not listed (%v)", err)
					}
					rejected = found.TemplateID
					if s := sb.OTPTemplateStatus(rejected); s != "rejected" {
						t.Fatalf("template %d is %q, want rejected", rejected, s)
					}
				},
				Config: templateConfig(sb, `  name = "Login code"
  text = "Code {code2fa}"
  wait_for_approval = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(addr, "status", knownvalue.StringExact("approved"))},
				Check: func(*terraform.State) error {
					if s := sb.OTPTemplateStatus(rejected); s != "deleted" {
						return fmt.Errorf("the rejected template is %q, want deleted", s)
					}
					return nil
				},
			},
		},
	})
}

// TestAccOTPTemplate_waitEndsAndResumes: moderation outlasts
// timeouts.create: the apply succeeds with the template in "requested";
// the next plan updates it in place (the wait, nothing on the platform),
// and that apply waits until it is approved.
func TestAccOTPTemplate_waitEndsAndResumes(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	body := `  name = "Login code"
  text = "Code {code2fa}"
  wait_for_approval = true
  timeouts = { create = "1s" }`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config:            templateConfig(sb, body),
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(addr, "status", knownvalue.StringExact("requested"))},
				// the plan after it resumes the wait (an update)
				ExpectNonEmptyPlan: true,
			},
			{
				PreConfig: func() { moderateAfterReads(sb, 3) },
				Config:    templateConfig(sb, body),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(addr, tfjsonpath.New("status")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(addr, "status", knownvalue.StringExact("approved"))},
				Check:             func(*terraform.State) error { return sb.ExpectCountErr(create, 1) },
			},
			{Config: templateConfig(sb, body), ConfigPlanChecks: acctest.EmptyPlan()},
		},
	})
}

// TestAccOTPTemplate_defaultTemplateIsLeftOnDestroy: the account's
// default template, imported, is removed from the state by a destroy and
// stays on the platform (CheckGone's rule), without an error.
func TestAccOTPTemplate_defaultTemplateIsLeftOnDestroy(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	body := `  name = "Default"
  text = "Your code is {code2fa}"`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: templateConfig(sb, body) + fmt.Sprintf("import {\n  to = %s\n  id = \"%d\"\n}\n", addr, sandbox.OTPDefaultTemplateID),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(addr, "status", knownvalue.StringExact("approved"))},
			},
			{
				Config:  templateConfig(sb, body),
				Destroy: true,
				Check: func(*terraform.State) error {
					if s := sb.OTPTemplateStatus(sandbox.OTPDefaultTemplateID); s != "approved" {
						return fmt.Errorf("the default template is %q after its destroy, want it left approved", s)
					}
					return sb.ExpectCountErr(deleteK, 1)
				},
			},
		},
	})
}

// TestAccOTPTemplate_takenNameNamesTheTemplateToImport: a name another
// template has fails at the name with that template's id; the import
// block the error advises adopts it, with no second template.
func TestAccOTPTemplate_takenNameNamesTheTemplateToImport(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	existing := sb.CreateOTPTemplateDirect("Login code", "Code {code2fa}", "approved", "UA")
	body := `  name = "Login code"
  text = "Code {code2fa}"
  countries = ["UA"]`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config:      templateConfig(sb, body),
				ExpectError: acctest.WrappedRE(fmt.Sprintf(`Unable to Create 2FA Template.*another 2FA template.*id %d.*import block`, existing)),
			},
			{
				Config: templateConfig(sb, body) + fmt.Sprintf("import {\n  to = %s\n  id = \"%d\"\n}\n", addr, existing),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
				}},
				Check: func(*terraform.State) error {
					if names := sb.OTPTemplateNames(); !slices.Equal(names, []string{"Default", "Login code"}) {
						return fmt.Errorf("templates %v, want Default and one Login code", names)
					}
					return nil
				},
			},
		},
	})
}

// TestAccFaultSuite_otpTemplateCreates loses the answer of a template
// create in every way the stand-in can: after the template was made, the
// provider finds it by its unique name; before, it sends the create once
// more. Either way exactly one template exists, and it is in the state.
func TestAccFaultSuite_otpTemplateCreates(t *testing.T) {
	for mode, creates := range map[string]int{"drop": 1, "500": 1, "429": 1, "drop_before": 2} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			sb.SetFaults(acctest.FaultsCreateAfterCommit(mode))
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckGone(),
				Steps: []resource.TestStep{{
					Config: templateConfig(sb, `  name = "Recovered"
  text = "Code {code2fa}"`),
					ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(addr, "name", knownvalue.StringExact("Recovered"))},
					Check: func(*terraform.State) error {
						if n := strings.Count(strings.Join(sb.OTPTemplateNames(), "\n"), "Recovered"); n != 1 {
							return fmt.Errorf("%d templates named Recovered, want 1", n)
						}
						return sb.ExpectCountErr(create, creates)
					},
				}},
			})
		})
	}
}

// TestAccOTPTemplate_olderTemplateOfTheNameIsNotAdopted: a lost answer
// while a template of that name already existed (made before the create
// began, with another text) is refused, naming it, and nothing is
// created twice.
func TestAccOTPTemplate_olderTemplateOfTheNameIsNotAdopted(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	existing := sb.CreateOTPTemplateDirect("Login code", "Old {code2fa}", "approved")
	sb.Advance(time.Hour)
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "500", CreateAfterCommitCount: 1})
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config: templateConfig(sb, `  name = "Login code"
  text = "New {code2fa}"`),
			ExpectError: acctest.WrappedRE(fmt.Sprintf(`another 2FA template.*id %d`, existing)),
		}},
	})
	if names := sb.OTPTemplateNames(); !slices.Equal(names, []string{"Default", "Login code"}) {
		t.Errorf("templates %v, want Default and the one Login code", names)
	}
}

var invalidTemplates = []acctest.InvalidCase{
	{Name: "no name", Body: `text = "Code {code2fa}"`, Want: `name.*is required`},
	{Name: "no text", Body: `name = "Login"`, Want: `text.*is required`},
	{Name: "name too short", Body: `name = "ab"
text = "Code {code2fa}"`, Want: `name must be 3 to 50`},
	{Name: "name too long", Body: `name = "` + strings.Repeat("n", 51) + `"
text = "Code {code2fa}"`, Want: `name must be 3 to 50`},
	{Name: "no placeholder", Body: `name = "Login"
text = "Your code"`, Want: `Code Placeholder Missing.*must carry \{code2fa\}`},
	{Name: "placeholder twice", Body: `name = "Login"
text = "{code2fa} {code2fa}"`, Want: `Code Placeholder Repeated.*2 times`},
	{Name: "placeholder in capitals", Body: `name = "Login"
text = "Code {CODE2FA}"`, Want: `Code Placeholder Misspelled`},
	{Name: "placeholder with spaces", Body: `name = "Login"
text = "Code { code2fa }"`, Want: `Code Placeholder Misspelled`},
	{Name: "placeholder of another name", Body: `name = "Login"
text = "Code {code}"`, Want: `Code Placeholder Missing`},
	{Name: "country in lower case", Body: `name = "Login"
text = "Code {code2fa}"
countries = ["ua"]`, Want: `Invalid Country Code.*Write it as "UA"`},
	{Name: "country of three letters", Body: `name = "Login"
text = "Code {code2fa}"
countries = ["UKR"]`, Want: `Invalid Country Code`},
	{Name: "country not assigned", Body: `name = "Login"
text = "Code {code2fa}"
countries = ["XX"]`, Want: `"XX" is not an ISO 3166-1 alpha-2`},
	{Name: "no countries", Body: `name = "Login"
text = "Code {code2fa}"
countries = []`, Want: `countries.*at least 1`},
	{Name: "status set", Body: `name = "Login"
text = "Code {code2fa}"
status = "approved"`, Want: `status`},
	{Name: "bad timeout", Body: `name = "Login"
text = "Code {code2fa}"
timeouts = { create = "soon" }`, Want: `Time Duration`},
}

func TestAccOTPTemplate_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_otp_template" "test"`, invalidTemplates)
}

// TestAccOTPTemplates_dataSource finds a template by name and the
// approved ones, with the ids a send takes.
func TestAccOTPTemplates_dataSource(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	approved := sb.CreateOTPTemplateDirect("Login code", "Code {code2fa}", "approved", "UA")
	sb.CreateOTPTemplateDirect("Waiting", "Wait {code2fa}", "requested")
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: sb.ProviderBlock() + `
data "oneapi_otp_templates" "login" {
  name = "Login code"
}
data "oneapi_otp_templates" "approved" {
  status = "approved"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("data.oneapi_otp_templates.login", "ids", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(strconv.FormatInt(approved, 10))})),
				acctest.StateValue("data.oneapi_otp_templates.login", "templates", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"text": knownvalue.StringExact("Code {code2fa}"), "status": knownvalue.StringExact("approved"),
						"countries": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("UA")}),
					})})),
				acctest.StateValue("data.oneapi_otp_templates.approved", "ids", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(strconv.Itoa(sandbox.OTPDefaultTemplateID)), knownvalue.StringExact(strconv.FormatInt(approved, 10))})),
			},
		}},
	})
}
