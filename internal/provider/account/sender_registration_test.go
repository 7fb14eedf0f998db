package account_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

const regAddr = "oneapi_sender_registration.brand"

const legalBody = `  applicant         = "legal"
  country_code      = "UA"
  sender            = "FlowerShop"
  code_of_company   = "31316718"
  tax_number        = "13167116014"
  legal_name        = "Flowers LLC"
  address           = "Kyiv, Stolychne shose 103"
  description       = "Flower selling"
  informing_purpose = "notifications for customers"
  site_url          = "https://flowers.example"`

func regConfig(sb *acctest.Sandbox, body string) string {
	return sb.ProviderBlock() + "resource \"oneapi_sender_registration\" \"brand\" {\n" + body + "\n}\n"
}

// senderRequests lists the stand-in's applications through the API.
func senderRequests(t *testing.T, sb *acctest.Sandbox) []client.SenderRequest {
	t.Helper()
	var all []client.SenderRequest
	if err := sb.Client().EachSenderRequest(context.Background(), nil, func(r *client.SenderRequest) bool {
		all = append(all, *r)
		return true
	}); err != nil {
		t.Fatal(err)
	}
	return all
}

func countRequests(t *testing.T, sb *acctest.Sandbox, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := len(senderRequests(t, sb)); got != want {
			return fmt.Errorf("%d sender registration requests on the stand-in, want %d (with the one it starts with)", got, want)
		}
		return nil
	}
}

// TestAccSenderRegistration_lifecycle: a legal entity's application is
// filed once, its moderation status follows the platform on refresh,
// import by id reads it back, a change files a new application (the old
// one stays), and destroy forgets both without a request.
func TestAccSenderRegistration_lifecycle(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var first string
	acctest.Test(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(sb.CheckGone(), countRequests(t, sb, 3)),
		Steps: []resource.TestStep{
			{
				Config: regConfig(sb, legalBody),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(regAddr, "status", knownvalue.StringExact("new")),
					acctest.StateValue(regAddr, "type", knownvalue.StringExact("sms")),
					acctest.StateValue(regAddr, "wait_for_registration", knownvalue.Bool(false)),
					acctest.StateValue(regAddr, "registered_at", knownvalue.Null()),
					acctest.StateValue(regAddr, "id", knownvalue.StringRegexp(regexp.MustCompile(`^\d+$`))),
					acctest.Verify(func() error { return sb.ExpectCountErr("POST /api/senders/requests/legal", 1) }),
					acctest.Verify(func() error { return sb.ExpectCountErr("POST /api/senders/requests/natural", 0) }),
				},
				Check: resource.TestCheckResourceAttrWith(regAddr, "id", func(v string) error { first = v; return nil }),
			},
			{
				// Moderation moves on: a refresh shows it, and nothing is planned.
				PreConfig: func() { sb.Advance(6 * time.Minute) },
				Config:    regConfig(sb, legalBody),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(regAddr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(regAddr, "status", knownvalue.StringExact("registered")),
					acctest.StateValue(regAddr, "registered_at", knownvalue.NotNull()),
				},
			},
			{ResourceName: regAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{
				Config: regConfig(sb, legalBody+"\n  comment = \"second try\""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(regAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(regAddr, "status", knownvalue.StringExact("new")),
					acctest.StateValue(regAddr, "comment", knownvalue.StringExact("second try")),
					acctest.Verify(func() error { return sb.ExpectCountErr("POST /api/senders/requests/legal", 2) }),
				},
				Check: resource.ComposeTestCheckFunc(
					countRequests(t, sb, 3),
					resource.TestCheckResourceAttrWith(regAddr, "id", func(v string) error {
						if v == first {
							return fmt.Errorf("the replacement kept id %s", v)
						}
						return nil
					})),
			},
			{Config: regConfig(sb, legalBody+"\n  comment = \"second try\""), ConfigPlanChecks: acctest.EmptyPlan()},
		},
	})
}

// TestAccSenderRegistration_waitsUntilRegistered: with
// wait_for_registration the apply returns once moderation has registered
// the sender, for an individual's Viber sender.
func TestAccSenderRegistration_waitsUntilRegistered(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandboxWith(t, sandbox.Config{ClockSpeed: 300})
	body := `  applicant         = "natural"
  type              = "viber"
  country_code      = "DE"
  sender            = "Anna"
  name              = "Anna Schmidt"
  code_of_company   = "00032106"
  description       = "Piano lessons"
  informing_purpose = "lesson reminders"
  wait_for_registration = true`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config: regConfig(sb, body),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(regAddr, "status", knownvalue.StringExact("registered")),
				acctest.StateValue(regAddr, "type", knownvalue.StringExact("viber")),
				acctest.StateValue(regAddr, "legal_name", knownvalue.Null()),
				acctest.Verify(func() error { return sb.ExpectCountErr("POST /api/senders/requests/natural", 1) }),
			},
		}},
	})
}

// TestAccSenderRegistration_rejected: a rejection during the wait fails
// the apply with moderation's reason; the application is in the state
// (tainted), so the next apply files a new one, and only one.
func TestAccSenderRegistration_rejected(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandboxWith(t, sandbox.Config{ClockSpeed: 300})
	sb.RefuseSenderRegistration("FlowerShop", "the brand is not registered in UA")
	acctest.Test(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(sb.CheckGone(), countRequests(t, sb, 2)),
		Steps: []resource.TestStep{{
			Config:      regConfig(sb, legalBody+"\n  wait_for_registration = true"),
			ExpectError: regexp.MustCompile(`(?s)Sender Registration Rejected.*the\s+brand\s+is\s+not\s+registered\s+in\s+UA`),
		}},
	})
}

// TestAccSenderRegistration_timeoutWarnsAndKeeps: a wait that runs out
// keeps the application in the state (no error, no second request), and
// the next plan is empty.
func TestAccSenderRegistration_timeoutKeepsTheRequest(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t) // frozen: moderation never ends
	body := legalBody + "\n  wait_for_registration = true\n  timeouts = { create = \"3s\" }"
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config:            regConfig(sb, body),
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(regAddr, "status", knownvalue.StringExact("new"))},
				Check:             countRequests(t, sb, 2),
			},
			{Config: regConfig(sb, body), ConfigPlanChecks: acctest.EmptyPlan(), Check: countRequests(t, sb, 2)},
		},
	})
}

// TestAccSenderRegistration_lostAnswer: an application committed whose
// answer is lost is found again (the only new one that says the same),
// with no second request; one that never reached the platform is refused
// without being sent again.
func TestAccSenderRegistration_lostAnswer(t *testing.T) {
	t.Parallel()
	t.Run("recovered", func(t *testing.T) {
		t.Parallel()
		sb := acctest.StartSandbox(t)
		// Another application of the same sender, made before: not ours.
		if _, err := sb.Client().CreateSenderRequest(context.Background(), client.SenderRequestInput{
			Applicant: "natural", Type: "sms", CountryCode: "UA", Sender: "FlowerShop", Name: "Someone",
			CodeOfCompany: "1", Description: "Flower selling", InformingPurpose: "notifications for customers",
		}); err != nil {
			t.Fatal(err)
		}
		sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1})
		acctest.Test(t, resource.TestCase{
			CheckDestroy: sb.CheckGone(),
			Steps: []resource.TestStep{
				{
					Config: regConfig(sb, legalBody),
					ConfigStateChecks: []statecheck.StateCheck{
						acctest.StateValue(regAddr, "legal_name", knownvalue.StringExact("Flowers LLC")),
						acctest.Verify(func() error { return sb.ExpectCountErr("POST /api/senders/requests/legal", 1) }),
					},
					Check: countRequests(t, sb, 3),
				},
				{Config: regConfig(sb, legalBody), ConfigPlanChecks: acctest.EmptyPlan()},
			},
		})
	})
	t.Run("never made", func(t *testing.T) {
		t.Parallel()
		sb := acctest.StartSandbox(t)
		sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop_before", CreateAfterCommitCount: 1})
		acctest.Test(t, resource.TestCase{
			CheckDestroy: sb.CheckGone(),
			Steps: []resource.TestStep{{
				Config:      regConfig(sb, legalBody),
				ExpectError: regexp.MustCompile(`(?s)may have reached One-API.*no new application for "FlowerShop" was listed`),
				Check:       countRequests(t, sb, 1),
			}},
		})
		if n := sb.Count("POST /api/senders/requests/legal"); n != 1 {
			t.Errorf("%d creates, want 1 (never sent again)", n)
		}
	})
}

// TestAccSenderRegistration_settingsChangeInPlace: turning the wait on
// later is an update, not a new application: it waits for the application
// in the state.
func TestAccSenderRegistration_settingsChangeInPlace(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandboxWith(t, sandbox.Config{ClockSpeed: 300})
	acctest.Test(t, resource.TestCase{
		CheckDestroy: resource.ComposeTestCheckFunc(sb.CheckGone(), countRequests(t, sb, 2)),
		Steps: []resource.TestStep{
			{Config: regConfig(sb, legalBody)},
			{
				Config: regConfig(sb, legalBody+"\n  wait_for_registration = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(regAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(regAddr, "status", knownvalue.StringExact("registered")),
					acctest.Verify(func() error { return sb.ExpectCountErr("POST /api/senders/requests/legal", 1) }),
				},
			},
		},
	})
}

// TestAccSenderRegistration_importUnknownID: an import of an id the API
// does not list is refused, and nothing is filed.
func TestAccSenderRegistration_importUnknownID(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config:      regConfig(sb, legalBody) + "import {\n  to = " + regAddr + "\n  id = \"999\"\n}\n",
			ExpectError: regexp.MustCompile(`(?s)Cannot Import Non-Existent Sender Registration Request.*999`),
			Check:       countRequests(t, sb, 1),
		}},
	})
	if n := sb.Count("POST /api/senders/requests/legal"); n != 0 {
		t.Errorf("%d applications filed, want 0", n)
	}
}

var invalidRegistrations = []acctest.InvalidCase{
	{Name: "no applicant", Body: `country_code = "UA"
  sender = "Shop"
  code_of_company = "1"
  description = "d"
  informing_purpose = "p"
  name = "N"`, Want: `applicant.*is required`},
	{Name: "unknown applicant", Body: withAttr(legalBody, "applicant", `"company"`), Want: `applicant.*value must be one of`},
	{Name: "type rcs", Body: legalBody + "\n  type = \"rcs\"", Want: `type.*value must be one of`},
	{Name: "country lower case", Body: withAttr(legalBody, "country_code", `"ua"`), Want: `Invalid Country Code`},
	{Name: "country not ISO", Body: withAttr(legalBody, "country_code", `"XX"`), Want: `Invalid Country Code`},
	{Name: "sender with space", Body: withAttr(legalBody, "sender", `"Flower Shop"`), Want: `Invalid Sender Name`},
	{Name: "sender 12 letters", Body: withAttr(legalBody, "sender", `"FlowerShopXY"`), Want: `Invalid Sender Name`},
	{Name: "sender 16 digits", Body: withAttr(legalBody, "sender", `"1234567890123456"`), Want: `Invalid Sender Name`},
	{Name: "code of company 31", Body: withAttr(legalBody, "code_of_company", `"`+repeat("1", 31)+`"`), Want: `code_of_company.*1 to 30`},
	{Name: "description empty", Body: withAttr(legalBody, "description", `""`), Want: `description.*1 to 1000`},
	{Name: "purpose 1001", Body: withAttr(legalBody, "informing_purpose", `"`+repeat("x", 1001)+`"`), Want: `informing_purpose.*1 to 1000`},
	{Name: "site url ftp", Body: withAttr(legalBody, "site_url", `"ftp://flowers.example"`), Want: `Invalid Site URL`},
	{Name: "legal without tax number", Body: withAttr(legalBody, "tax_number", "null"), Want: `tax_number is required when applicant is "legal"`},
	{Name: "legal with name", Body: legalBody + "\n  name = \"Anna\"", Want: `name is not taken when applicant is "legal"`},
	{Name: "natural without name", Body: withAttr(withAttr(withAttr(withAttr(legalBody, "applicant", `"natural"`), "tax_number", "null"),
		"legal_name", "null"), "address", "null"), Want: `name is required when applicant is "natural"`},
	{Name: "legal name 101", Body: withAttr(legalBody, "legal_name", `"`+repeat("a", 101)+`"`), Want: `legal_name.*1 to 100`},
	{Name: "comment empty", Body: legalBody + "\n  comment = \"\"", Want: `comment.*1 to 1000`},
}

// TestAccSenderRegistration_invalidConfigs: each is refused at plan, with
// no request.
func TestAccSenderRegistration_invalidConfigs(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_sender_registration" "brand"`, invalidRegistrations)
}

// withAttr is body with one attribute's value replaced (null removes it).
func withAttr(body, name, value string) string {
	re := regexp.MustCompile(`(?m)^  ` + name + `\s*=.*$`)
	if value == "null" {
		return re.ReplaceAllString(body, "")
	}
	return re.ReplaceAllString(body, "  "+name+" = "+value)
}

func repeat(s string, n int) string { return strings.Repeat(s, n) }

// TestAccSenderRegistration_identicalApplicationIsNotFiledAgain: an
// application that says what the configuration says, already on the
// platform and not rejected (one filed by an apply killed before it saved
// its state), is not filed a second time: the apply fails naming it and
// the import that adopts it, nothing is sent; following that advice
// adopts it, and the plan is then empty.
func TestAccSenderRegistration_identicalApplicationIsNotFiledAgain(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	site := "https://flowers.example"
	orphan, err := sb.Client().CreateSenderRequest(context.Background(), client.SenderRequestInput{
		Applicant: "legal", Type: "sms", CountryCode: "UA", Sender: "FlowerShop", CodeOfCompany: "31316718",
		TaxNumber: "13167116014", LegalName: "Flowers LLC", Address: "Kyiv, Stolychne shose 103",
		Description: "Flower selling", InformingPurpose: "notifications for customers", SiteURL: &site,
	})
	if err != nil {
		t.Fatal(err)
	}
	config := regConfig(sb, legalBody)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config:      config,
			ExpectError: acctest.WrappedRE(fmt.Sprintf(`(?s)application %d for sender "FlowerShop" in UA says the same.*terraform import <address> %d`, orphan.ID, orphan.ID)),
		}, {
			PreConfig: func() {
				if n := sb.Count("POST /api/senders/requests/legal"); n != 1 {
					t.Errorf("%d applications filed, want only the orphan's", n)
				}
			},
			Config:             config,
			ResourceName:       regAddr,
			ImportState:        true,
			ImportStateId:      fmt.Sprint(orphan.ID),
			ImportStatePersist: true,
		}, {
			Config:           config,
			ConfigPlanChecks: acctest.EmptyPlan(),
			Check:            countRequests(t, sb, 2),
		}},
	})
}
