package shortlink_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

const domainAddr = "oneapi_short_url_domain.go"

func domainConfig(sb *acctest.Sandbox, body string) string {
	return sb.ProviderBlock() + "resource \"oneapi_short_url_domain\" \"go\" {\n" + body + "\n}\n"
}

// TestAccShortURLDomain_lifecycle: create (the answer's DNS record in
// the state), update in place, import by id, a domain removed in the web
// interface is added again, destroy removes it.
func TestAccShortURLDomain_lifecycle(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var id string
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: domainConfig(sb, `  name = "go.example.com"
  not_found_page = "https://example.com/404"`),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(domainAddr, "id", acctest.StringSaved(&id)),
					acctest.StateValue(domainAddr, "slug_type", knownvalue.StringExact("random")),
					acctest.StateValue(domainAddr, "status", knownvalue.StringExact("inactive")),
					acctest.StateValue(domainAddr, "is_default", knownvalue.Bool(false)),
					acctest.StateValue(domainAddr, "record_type", knownvalue.StringExact("CNAME")),
					acctest.StateValue(domainAddr, "hostname", knownvalue.StringExact("go.example.com")),
					acctest.StateValue(domainAddr, "cname", knownvalue.StringExact("dev.shorty.tel")),
					acctest.StateValue(domainAddr, "system_domain_id", knownvalue.Null()),
					acctest.StateValue(domainAddr, "not_found_page", knownvalue.StringExact("https://example.com/404")),
				},
			},
			{
				Config: domainConfig(sb, `  name = "go.example.com"
  slug_type = "numeric"
  is_default = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(domainAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(domainAddr, "slug_type", knownvalue.StringExact("numeric")),
					acctest.StateValue(domainAddr, "is_default", knownvalue.Bool(true)),
					// removed from the configuration: the platform's value is kept
					acctest.StateValue(domainAddr, "not_found_page", knownvalue.StringExact("https://example.com/404")),
				},
			},
			{ResourceName: domainAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{
				PreConfig: func() {
					if err := sb.Client().DeleteShortDomain(context.Background(), id); err != nil {
						t.Fatal(err)
					}
				},
				Config: domainConfig(sb, `  name = "go.example.com"
  slug_type = "numeric"
  is_default = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(domainAddr, plancheck.ResourceActionCreate),
				}},
			},
			{Config: domainConfig(sb, `  name = "go.example.com"
  slug_type = "numeric"
  is_default = true`), ConfigPlanChecks: acctest.EmptyPlan()},
		},
	})
}

// TestAccShortURLDomain_renameReplaces: the API cannot rename a domain,
// so a new name plans a replacement.
func TestAccShortURLDomain_renameReplaces(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{Config: domainConfig(sb, `  name = "go.example.com"`)},
			{
				Config: domainConfig(sb, `  name = "to.example.com"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(domainAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: func(*terraform.State) error {
					if names := sb.ShortDomainNames(); slices.Contains(names, "go.example.com") || !slices.Contains(names, "to.example.com") {
						return fmt.Errorf("domains after the rename: %v", names)
					}
					return nil
				},
			},
		},
	})
}

// TestAccShortURLDomain_waitsForItsDNSRecord: a create whose answer has
// no DNS record yet reads the domain until it has one; the state has it.
func TestAccShortURLDomain_waitsForItsDNSRecord(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.SetShortDomainRecordDelay(2) // the create's answer and the first read
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config: domainConfig(sb, `  name = "go.example.com"`),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(domainAddr, "cname", knownvalue.StringExact("dev.shorty.tel")),
				acctest.StateValue(domainAddr, "record_type", knownvalue.StringExact("CNAME")),
			},
			Check: func(*terraform.State) error { return sb.ExpectCountErr("GET /api/short-url/domains/{uuid}", 2) },
		}},
	})
}

// TestAccShortURLDomain_recordWaitRunsOut: a domain whose DNS record the
// platform has not written when timeouts.create runs out is kept in the
// state as the platform last answered (is_default set after the create
// included), not tainted (the plan after is empty, not a replacement), its
// record empty; following the warning's advice (apply again once the
// record is written) reads the record into the state.
func TestAccShortURLDomain_recordWaitRunsOut(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.SetShortDomainRecordDelay(1 << 30)
	config := domainConfig(sb, `  name = "go.example.com"
  is_default = true
  timeouts = { create = "3s" }`)
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(domainAddr, "name", knownvalue.StringExact("go.example.com")),
				acctest.StateValue(domainAddr, "record_type", knownvalue.Null()),
				acctest.StateValue(domainAddr, "cname", knownvalue.Null()),
				acctest.StateValue(domainAddr, "is_default", knownvalue.Bool(true)),
			},
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			Check: func(*terraform.State) error {
				if n := len(sb.ShortDomainNames()); n != 2 { // the system domain and this one
					return fmt.Errorf("the stand-in holds %d domains, want 2", n)
				}
				sb.ShowShortDomainRecords()
				return nil
			},
		}, {
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue(domainAddr, "record_type", knownvalue.StringExact("CNAME")),
				acctest.StateValue(domainAddr, "cname", knownvalue.StringExact("dev.shorty.tel")),
			},
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(domainAddr, plancheck.ResourceActionNoop)}},
			Check:            func(*terraform.State) error { return sb.ExpectCountErr("POST /api/short-url/domains", 1) },
		}},
	})
}

// TestAccShortURLDomain_tariffLimit: the tariff's refusal of one more
// domain says how to make room; nothing is created, and following the
// advice (deleting an unused domain) lets the apply through.
func TestAccShortURLDomain_tariffLimit(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.SetShortDomainLimit(1)
	unused, err := sb.Client().CreateShortDomain(context.Background(), client.ShortDomainRequest{Name: "old.example.com", SlugType: "random"})
	if err != nil {
		t.Fatal(err)
	}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config:      domainConfig(sb, `  name = "go.example.com"`),
				ExpectError: acctest.WrappedRE(`Unable to Create Short-Link Domain.*tariff allows no more domains.*Delete a domain the account no longer uses, or upgrade the tariff`),
			},
			{
				PreConfig: func() {
					if names := sb.ShortDomainNames(); slices.Contains(names, "go.example.com") {
						t.Errorf("a refused create made a domain: %v", names)
					}
					if err := sb.Client().DeleteShortDomain(context.Background(), unused.ID); err != nil {
						t.Fatal(err)
					}
				},
				Config:            domainConfig(sb, `  name = "go.example.com"`),
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(domainAddr, "name", knownvalue.StringExact("go.example.com"))},
			},
		},
	})
}

// TestAccShortURLDomain_takenNameNamesTheDomainToImport: a name the
// account has fails on the attribute with the existing domain's id;
// following the advice (an import block) adopts it with no create.
func TestAccShortURLDomain_takenNameNamesTheDomainToImport(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	existing, err := sb.Client().CreateShortDomain(context.Background(), client.ShortDomainRequest{Name: "go.example.com", SlugType: "random"})
	if err != nil {
		t.Fatal(err)
	}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config:      domainConfig(sb, `  name = "go.example.com"`),
				ExpectError: acctest.WrappedRE(regexp.QuoteMeta(fmt.Sprintf(`an import block with id = "%s"`, existing.ID))),
			},
			{
				Config: domainConfig(sb, `  name = "go.example.com"`) + fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", domainAddr, existing.ID),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(domainAddr, plancheck.ResourceActionNoop),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(domainAddr, "id", knownvalue.StringExact(existing.ID))},
				Check:             func(*terraform.State) error { return sb.ExpectCountErr("POST /api/short-url/domains", 2) },
			},
		},
	})
}

var invalidDomains = []acctest.InvalidCase{
	{Name: "no name", Body: `slug_type = "random"`, Want: `name.*is required`},
	{Name: "empty name", Body: `name = ""`, Want: `name must be 1 to 20`},
	{Name: "name too long", Body: `name = "` + strings.Repeat("a", 17) + `.com"`, Want: `name must be 1 to 20`},
	{Name: "name not a domain", Body: `name = "short link"`, Want: `lowercase domain name`},
	{Name: "name in capitals", Body: `name = "Go.Example.com"`, Want: `lowercase domain name`},
	{Name: "name with a scheme", Body: `name = "https://go.io"`, Want: `lowercase domain name`},
	{Name: "unknown slug type", Body: `name = "go.example.com"
slug_type = "sequential"`, Want: `slug_type.*random.*from_original.*numeric`},
	{Name: "not_found_page not a URL", Body: `name = "go.example.com"
not_found_page = "example.com/404"`, Want: `absolute http or https URL`},
	{Name: "not_found_page ftp", Body: `name = "go.example.com"
not_found_page = "ftp://example.com/404"`, Want: `absolute http or https URL`},
	{Name: "is_default not a bool", Body: `name = "go.example.com"
is_default = "yes"`, Want: `is_default`},
	{Name: "cname set", Body: `name = "go.example.com"
cname = "x.example.com"`, Want: `cname`},
	{Name: "bad timeout", Body: `name = "go.example.com"
timeouts = { create = "soon" }`, Want: `Time Duration.*"soon"`},
}

func TestAccShortURLDomain_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_short_url_domain" "test"`, invalidDomains)
}

// TestAccFaultSuite_shortURLDomainCreates loses the answer of a domain
// create in every way the stand-in can: after the domain was made, the
// provider finds it by its unique name; before, it sends the create once
// more. Either way exactly one domain exists and it is in the state.
func TestAccFaultSuite_shortURLDomainCreates(t *testing.T) {
	for mode, creates := range map[string]int{"drop": 1, "500": 1, "429": 1, "drop_before": 2} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			sb.SetFaults(acctest.FaultsCreateAfterCommit(mode))
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckGone(),
				Steps: []resource.TestStep{{
					Config: domainConfig(sb, `  name = "go.example.com"`),
					ConfigStateChecks: []statecheck.StateCheck{
						acctest.StateValue(domainAddr, "name", knownvalue.StringExact("go.example.com")),
						acctest.StateValue(domainAddr, "cname", knownvalue.StringExact("dev.shorty.tel")),
					},
					Check: func(*terraform.State) error {
						if n := strings.Count(strings.Join(sb.ShortDomainNames(), "\n"), "go.example.com"); n != 1 {
							return fmt.Errorf("%d domains named go.example.com, want 1", n)
						}
						return sb.ExpectCountErr("POST /api/short-url/domains", creates)
					},
				}},
			})
		})
	}
}
