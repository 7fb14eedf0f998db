package stoplist_test

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
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

const addr = "oneapi_stop_list_entries.sms"

// entries is a configuration of the sms stop list with these phones.
func entries(sb *acctest.Sandbox, extra string, phones ...string) string {
	return sb.ProviderBlock() + fmt.Sprintf(`
resource "oneapi_stop_list_entries" "sms" {
  channel = "sms"
  phones  = [%s]
  %s
}
`, quoted(phones), extra)
}

// withRetries sets the provider's max_retries in config.
func withRetries(sb *acctest.Sandbox, n int, config string) string {
	return strings.Replace(config, sb.ProviderBlock(), sb.ProviderBlockWith(fmt.Sprintf("max_retries = %d", n)), 1)
}

func quoted(phones []string) string {
	q := make([]string, len(phones))
	for i, p := range phones {
		q[i] = fmt.Sprintf("%q", p)
	}
	return strings.Join(q, ", ")
}

// attach puts phones on channels' stop lists through the API, as a
// subscriber's opt-out or the web interface would.
func attach(t *testing.T, sb *acctest.Sandbox, channels []string, phones ...string) {
	t.Helper()
	if _, err := sb.Client().AttachStopList(context.Background(), phones, channels); err != nil {
		t.Fatal(err)
	}
}

// listed checks which phones are on channel's stop list.
func listed(sb *acctest.Sandbox, channel string, on bool, phones ...string) error {
	for _, p := range phones {
		if sb.StopListed(p, channel) != on {
			return fmt.Errorf("%s on the %s stop list: %v, want %v", p, channel, !on, on)
		}
	}
	return nil
}

const (
	phoneA = "380661231231"
	phoneB = "380661231232"
	phoneC = "380661231233" // a subscriber's own opt-out
	phoneD = "380661231234"
)

// TestAccStopList_lifecycle: create puts the phones on the sms stop list;
// an edit adds and removes in place, detaching only the removed phone and
// only from sms; the next plan is empty; destroy keeps every phone opted
// out. A subscriber's own opt-out and another channel's entry are never
// touched.
func TestAccStopList_lifecycle(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	attach(t, sb, []string{"sms"}, phoneC)
	attach(t, sb, []string{"viber"}, phoneB)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			return listed(sb, "sms", true, phoneA, phoneC, phoneD)
		},
		Steps: []resource.TestStep{
			{
				Config: entries(sb, "", phoneA, phoneB),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(addr, "id", knownvalue.StringExact("sms")),
					acctest.StateValue(addr, "phones", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(phoneA), knownvalue.StringExact(phoneB)})),
					acctest.StateValue(addr, "detach_on_destroy", knownvalue.Bool(false)),
					acctest.Verify(func() error { return listed(sb, "sms", true, phoneA, phoneB, phoneC) }),
				},
			},
			{
				PreConfig: sb.ResetCounters,
				Config:    entries(sb, "", phoneA, phoneD),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Verify(func() error {
						if err := listed(sb, "sms", false, phoneB); err != nil {
							return err
						}
						if err := listed(sb, "viber", true, phoneB); err != nil {
							return fmt.Errorf("another channel's entry was detached: %w", err)
						}
						if n := sb.Count("POST /api/stoplist/detach") + sb.Count("POST /api/stoplist/attach"); n != 2 {
							return fmt.Errorf("%d writes, want one attach and one detach", n)
						}
						return listed(sb, "sms", true, phoneA, phoneC, phoneD)
					}),
				},
			},
			{Config: entries(sb, "", phoneA, phoneD), ConfigPlanChecks: acctest.EmptyPlan()},
		},
	})
}

// TestAccStopList_detachOnDestroy: with detach_on_destroy, destroy takes
// the resource's phones off the sms stop list, and nothing else.
func TestAccStopList_detachOnDestroy(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	attach(t, sb, []string{"sms"}, phoneC)
	attach(t, sb, []string{"rcs"}, phoneA)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			if err := listed(sb, "sms", false, phoneA, phoneB); err != nil {
				return err
			}
			if err := listed(sb, "rcs", true, phoneA); err != nil {
				return err
			}
			return listed(sb, "sms", true, phoneC)
		},
		Steps: []resource.TestStep{{
			Config: entries(sb, "detach_on_destroy = true", phoneA, phoneB),
		}},
	})
}

// TestAccStopList_driftIsPutBack: a phone taken off the stop list outside
// Terraform is planned back on (an update), and the apply puts it back.
func TestAccStopList_driftIsPutBack(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{Config: entries(sb, "", phoneA, phoneB)},
			{
				PreConfig: func() {
					byPhone, err := sb.Client().StopListByPhone(context.Background())
					if err != nil {
						t.Fatal(err)
					}
					if err := sb.Client().DetachStopList(context.Background(), []int64{byPhone[phoneB].ID}, []string{"sms"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: entries(sb, "", phoneA, phoneB),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Verify(func() error { return listed(sb, "sms", true, phoneB) })},
			},
		},
	})
}

// TestAccStopList_import: an import block naming a channel brings every
// phone its stop list has under the resource (here the configuration lists
// them: the plan imports and changes nothing); a terraform import of the
// same state reads the same; the next plan is empty.
func TestAccStopList_import(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	attach(t, sb, []string{"sms"}, phoneA, phoneC)
	attach(t, sb, []string{"viber"}, phoneB)
	config := entries(sb, "", phoneA, phoneC)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: config + `
import {
  to = oneapi_stop_list_entries.sms
  id = "sms"
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(addr, "phones", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(phoneA), knownvalue.StringExact(phoneC)})),
					acctest.StateValue(addr, "detach_on_destroy", knownvalue.Bool(false)),
				},
			},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true},
			{Config: config, ConfigPlanChecks: acctest.EmptyPlan()},
		},
	})
}

// TestAccStopList_lostAnswers: an attach whose answer is lost (the
// connection dropped after or before the platform made the entries, a 500
// after) is repeated, as a repeat changes nothing; the platform's 429
// "duplicate" to the repeat, or to the first write, is not repeated but
// checked by reading the stop list. Each apply succeeds with the phones
// on the list, in at most 1 + max_retries attach requests.
func TestAccStopList_lostAnswers(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{"drop", "drop_before", "429", "500"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			sb.SetFaults(acctest.FaultsCreateAfterCommit(mode))
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckGone(),
				Steps: []resource.TestStep{{
					Config: withRetries(sb, 1, entries(sb, "", phoneA, phoneB)),
					ConfigStateChecks: []statecheck.StateCheck{
						acctest.StateValue(addr, "phones", knownvalue.SetSizeExact(2)),
						acctest.Verify(func() error {
							if n := sb.Count("POST /api/stoplist/attach"); n < 1 || n > 2 {
								return fmt.Errorf("%d attach requests, want 1 or 2 (max_retries = 1)", n)
							}
							return listed(sb, "sms", true, phoneA, phoneB)
						}),
					},
				}},
			})
		})
	}
}

// TestAccStopList_failedWriteIsNotRecorded: when every attempt is refused
// (429 without end) and the stop list cannot be read either, the apply
// fails saying so and records nothing; applying again once the platform
// answers puts the phones on.
func TestAccStopList_failedWriteIsNotRecorded(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	config := withRetries(sb, 1, entries(sb, "", phoneA))
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { sb.SetFaults(sandbox.Faults{TooManyRequests: 1000, RetryAfter: time.Millisecond}) },
				Config:      config,
				ExpectError: acctest.WrappedRE(`Unable to Put Phones on the Stop List.*Reading the sms stop list to learn what took effect failed too.*apply again`),
			},
			{
				PreConfig:         func() { sb.SetFaults(sandbox.Faults{}) },
				Config:            config,
				ConfigStateChecks: []statecheck.StateCheck{acctest.Verify(func() error { return listed(sb, "sms", true, phoneA) })},
			},
		},
	})
}

// TestAccStopList_invalidConfigurations are refused at plan, before any
// request.
func TestAccStopList_invalidConfigurations(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_stop_list_entries" "x"`, []acctest.InvalidCase{
		{Name: "channel missing", Body: `phones = ["380661231231"]`, Want: `"channel" is required`},
		{Name: "phones missing", Body: `channel = "sms"`, Want: `"phones" is required`},
		{Name: "unknown channel", Body: `channel = "fax"` + "\n" + `phones = ["380661231231"]`, Want: `"fax" is not a stop list: use sms, viber or rcs`},
		{Name: "upper case", Body: `channel = "SMS"` + "\n" + `phones = ["380661231231"]`, Want: `"SMS" is written in lower case: "sms"`},
		{Name: "whatsapp", Body: `channel = "whatsapp"` + "\n" + `phones = ["380661231231"]`, Want: `carry no WhatsApp flag`},
		{Name: "plus", Body: `channel = "sms"` + "\n" + `phones = ["+380661231231"]`, Want: `"\+380661231231", which is not a phone number`},
		{Name: "short", Body: `channel = "sms"` + "\n" + `phones = ["38066"]`, Want: `"38066", which is not a phone number`},
		{Name: "long", Body: `channel = "sms"` + "\n" + `phones = ["3806612312311234"]`, Want: `"3806612312311234", which is not a phone number`},
		{Name: "letters", Body: `channel = "sms"` + "\n" + `phones = ["38066123123a"]`, Want: `"38066123123a", which is not a phone number`},
		{Name: "spaces", Body: `channel = "sms"` + "\n" + `phones = ["380 66 123 12 31"]`, Want: `which is not a phone number`},
		{Name: "empty phone", Body: `channel = "sms"` + "\n" + `phones = [""]`, Want: `"", which is not a phone number`},
		{Name: "detach not a bool", Body: `channel = "sms"` + "\n" + `phones = ["380661231231"]` + "\n" + `detach_on_destroy = "maybe"`, Want: `bool required|a bool is required`},
	})
}

// onlyA is the state check of a resource that manages phoneA alone.
var onlyA = acctest.StateValue(addr, "phones", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(phoneA)}))

// othersStay checks, after an apply that follows an import, that no detach
// was sent and that the phones the configuration does not name are still
// on the sms stop list.
func othersStay(sb *acctest.Sandbox) statecheck.StateCheck {
	return acctest.Verify(func() error {
		if n := sb.Count("POST /api/stoplist/detach"); n != 0 {
			return fmt.Errorf("%d detach requests after an import, want 0", n)
		}
		return listed(sb, "sms", true, phoneA, phoneB, phoneC)
	})
}

// TestAccStopList_importAdoptsOnlyListedPhones: the sms stop list has A, B
// and C; the configuration lists A. After terraform import, the next plan
// (an update that forgets B and C) detaches nothing: B and C stay on the
// stop list, and the resource manages A alone, which a later plan without
// it takes off.
func TestAccStopList_importAdoptsOnlyListedPhones(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	attach(t, sb, []string{"sms"}, phoneA, phoneB, phoneC)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: entries(sb, "", phoneA), ResourceName: addr, ImportState: true, ImportStateId: "sms", ImportStatePersist: true,
			},
			{
				PreConfig: sb.ResetCounters,
				Config:    entries(sb, "", phoneA),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("phones"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(phoneA)})),
				}},
				ConfigStateChecks: []statecheck.StateCheck{onlyA, othersStay(sb)},
			},
			{Config: entries(sb, "", phoneA), ConfigPlanChecks: acctest.EmptyPlan()},
			{
				PreConfig: sb.ResetCounters,
				Config:    entries(sb, "", phoneD),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Verify(func() error {
					if err := listed(sb, "sms", false, phoneA); err != nil {
						return fmt.Errorf("the adopted phone is not managed: %w", err)
					}
					return listed(sb, "sms", true, phoneB, phoneC, phoneD)
				})},
			},
		},
	})
}

// TestAccStopList_importBlockAdoptsOnlyListedPhones: the same with an
// import block: the plan imports and updates, the apply detaches nothing.
func TestAccStopList_importBlockAdoptsOnlyListedPhones(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	attach(t, sb, []string{"sms"}, phoneA, phoneB, phoneC)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				PreConfig: sb.ResetCounters,
				Config: entries(sb, "", phoneA) + `
import {
  to = oneapi_stop_list_entries.sms
  id = "sms"
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("phones"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(phoneA)})),
				}},
				ConfigStateChecks: []statecheck.StateCheck{onlyA, othersStay(sb)},
			},
			{Config: entries(sb, "", phoneA), ConfigPlanChecks: acctest.EmptyPlan()},
		},
	})
}

// TestAccStopList_importFullListWayOut follows the way out that the
// "Imported Phones Stay on the Stop List" warning names: an import block
// with a configuration that lists every phone (as -generate-config-out
// writes) plans no update, so the import's record stays; an in-place
// change on its own (detach_on_destroy toggled) sends nothing and clears
// it; then removing C from phones takes C off the sms stop list (one
// detach) instead of forgetting it.
func TestAccStopList_importFullListWayOut(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	attach(t, sb, []string{"sms"}, phoneA, phoneB, phoneC)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: entries(sb, "", phoneA, phoneB, phoneC) + `
import {
  to = oneapi_stop_list_entries.sms
  id = "sms"
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionNoop),
				}},
			},
			{
				PreConfig: sb.ResetCounters,
				Config:    entries(sb, "detach_on_destroy = true", phoneA, phoneB, phoneC),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Verify(func() error {
					if n := sb.Count("POST /api/stoplist/detach") + sb.Count("POST /api/stoplist/attach"); n != 0 {
						return fmt.Errorf("the detach_on_destroy change sent %d writes, want 0", n)
					}
					return nil
				})},
			},
			{
				PreConfig: sb.ResetCounters,
				Config:    entries(sb, "", phoneA, phoneB),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Verify(func() error {
					if n := sb.Count("POST /api/stoplist/detach"); n != 1 {
						return fmt.Errorf("%d detach requests after removing C, want 1", n)
					}
					if err := listed(sb, "sms", false, phoneC); err != nil {
						return fmt.Errorf("the removed phone was forgotten, not detached: %w", err)
					}
					return listed(sb, "sms", true, phoneA, phoneB)
				})},
			},
			{Config: entries(sb, "", phoneA, phoneB), ConfigPlanChecks: acctest.EmptyPlan()},
		},
	})
}

func mustSay(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !acctest.WrappedRE(regexp.QuoteMeta(w)).MatchString(out) {
			t.Errorf("the CLI did not say %q:\n%s", w, out)
		}
	}
}

// TestAccStopList_plansSayWhoBecomesReachable: removing a phone plans
// an in-place update whose warning names the phone and the channel; a
// destroy says the phones stay opted out, or, with detach_on_destroy,
// names every phone that becomes reachable. The plans send nothing.
func TestAccStopList_plansSayWhoBecomesReachable(t *testing.T) {
	acctest.RequireNative(t)
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

// TestAccStopList_importSaysWhatItAdopts: after the documented
// terraform import, a configuration that lists A of A, B and C plans an
// update whose warning says that B and C stay on the stop list (and no
// warning that a phone leaves it); the apply sends no detach. An import
// block with -generate-config-out writes every phone into the
// configuration, which plans an import only.
func TestAccStopList_importSaysWhatItAdopts(t *testing.T) {
	acctest.RequireNative(t)
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
