package shortlink_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

const linkAddr = "oneapi_short_link.promo"

// linkConfig is a link on the platform's system domain, active at once.
func linkConfig(sb *acctest.Sandbox, body string) string {
	return sb.ProviderBlock() + "resource \"oneapi_short_link\" \"promo\" {\n  domain_id = \"" + sandbox.SystemShortDomainID + "\"\n" + body + "\n}\n"
}

// TestAccShortLink_lifecycle: create with a name and slug (the create
// takes neither: one update follows), clicks seen on refresh, update in
// place, import by id, a link removed for good is created again, destroy
// deletes it.
func TestAccShortLink_lifecycle(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var id string
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config: linkConfig(sb, `  original_link = "https://shop.example.com/black-friday"
  name = "black friday"
  slug = "bf2026"`),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(linkAddr, "id", acctest.StringSaved(&id)),
					acctest.StateValue(linkAddr, "short_link", knownvalue.StringExact("http://dev.shorty.tel/bf2026")),
					acctest.StateValue(linkAddr, "slug", knownvalue.StringExact("bf2026")),
					acctest.StateValue(linkAddr, "name", knownvalue.StringExact("black friday")),
					acctest.StateValue(linkAddr, "status", knownvalue.StringExact("active")),
					acctest.StateValue(linkAddr, "count_clicks", knownvalue.Int64Exact(0)),
					acctest.StateValue(linkAddr, "first_click_at", knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					if err := sb.ExpectCountErr("POST /api/short-url/links", 1); err != nil {
						return err
					}
					return sb.ExpectCountErr("PUT /api/short-url/links/{uuid}", 1)
				},
			},
			{
				PreConfig: func() {
					if err := sb.ClickShortLink(id, 3); err != nil {
						t.Fatal(err)
					}
				},
				RefreshState:      true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(linkAddr, "count_clicks", "3"),
					resource.TestMatchResourceAttr(linkAddr, "first_click_at", regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`)),
				),
			},
			{
				Config: linkConfig(sb, `  original_link = "https://shop.example.com/cyber-monday"
  slug = "cm2026"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(linkAddr, "id", knownvalue.StringFunc(func(v string) error {
						if v != id {
							return fmt.Errorf("id %s, want the same link %s", v, id)
						}
						return nil
					})),
					acctest.StateValue(linkAddr, "short_link", knownvalue.StringExact("http://dev.shorty.tel/cm2026")),
					acctest.StateValue(linkAddr, "original_link", knownvalue.StringExact("https://shop.example.com/cyber-monday")),
					acctest.StateValue(linkAddr, "name", knownvalue.Null()),
					acctest.StateValue(linkAddr, "count_clicks", knownvalue.Int64Exact(3)),
				},
			},
			{ResourceName: linkAddr, ImportState: true, ImportStateVerify: true},
			{
				// Deleted outside Terraform (restorable for a while): its
				// statistics still answer, and the refresh finds it deleted,
				// so the plan makes it again.
				PreConfig: func() {
					if err := sb.Client().DeleteShortLink(context.Background(), id); err != nil {
						t.Fatal(err)
					}
				},
				Config: linkConfig(sb, `  original_link = "https://shop.example.com/cyber-monday"
  slug = "cm2026"`),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				PreConfig: func() {
					// the second delete removes it for good (and frees its slug)
					if err := sb.Client().DeleteShortLink(context.Background(), id); err != nil {
						t.Fatal(err)
					}
				},
				Config: linkConfig(sb, `  original_link = "https://shop.example.com/cyber-monday"
  slug = "cm2026"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionCreate),
				}},
			},
			{Config: linkConfig(sb, `  original_link = "https://shop.example.com/cyber-monday"
  slug = "cm2026"`), ConfigPlanChecks: acctest.EmptyPlan()},
		},
	})
}

// TestAccShortLink_onItsOwnDomain: a link on a domain the configuration
// adds is refused while the domain is inactive (the platform has not seen
// its DNS record) and made once it is active; a new domain replaces the
// link.
func TestAccShortLink_onItsOwnDomain(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	config := sb.ProviderBlock() + `
resource "oneapi_short_url_domain" "go" {
  name = "go.example.com"
}
resource "oneapi_short_link" "promo" {
  domain_id     = oneapi_short_url_domain.go.id
  original_link = "https://shop.example.com/"
}
`
	var domain string
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: acctest.WrappedRE(`Unable to Create Short Link.*domain_id.*The selected domain id is invalid.*Only an active domain takes links`),
			},
			{
				PreConfig: func() {
					for _, d := range sb.ShortDomainNames() {
						if d == "go.example.com" {
							found, _ := sb.Client().FindShortDomain(context.Background(), d)
							domain = found.ID
						}
					}
					if err := sb.ActivateShortDomain(domain); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue(linkAddr, "short_link", knownvalue.StringRegexp(regexp.MustCompile(`^http://go\.example\.com/\w+$`))),
				},
			},
		},
	})
}

// TestAccShortLink_takenSlug: a slug another link of the domain has is
// refused on the attribute.
func TestAccShortLink_takenSlug(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	other, err := sb.Client().CreateShortLink(context.Background(), client.ShortLinkRequest{DomainID: sandbox.SystemShortDomainID, Link: "https://example.com/"})
	if err != nil {
		t.Fatal(err)
	}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config: linkConfig(sb, `  original_link = "https://shop.example.com/"
  slug = "`+other.Slug+`"`),
			ExpectError: acctest.WrappedRE(`Unable to Name Short Link.*slug.*another short link of the domain has it`),
		}},
	})
}

var invalidLinks = []acctest.InvalidCase{
	{Name: "no domain", Body: `original_link = "https://example.com/"`, Want: `domain_id.*is required`},
	{Name: "no original link", Body: `domain_id = "` + sandbox.SystemShortDomainID + `"`, Want: `original_link.*is required`},
	{Name: "domain not a uuid", Body: `domain_id = "42"
original_link = "https://example.com/"`, Want: `"42" is not a short-link domain id`},
	{Name: "original link not a URL", Body: `domain_id = "` + sandbox.SystemShortDomainID + `"
original_link = "example.com"`, Want: `absolute http or https URL`},
	{Name: "original link mailto", Body: `domain_id = "` + sandbox.SystemShortDomainID + `"
original_link = "mailto:a@example.com"`, Want: `absolute http or https URL`},
	{Name: "original link too long", Body: `domain_id = "` + sandbox.SystemShortDomainID + `"
original_link = "https://example.com/` + strings.Repeat("p", 2029) + `"`, Want: `1 to 2048 characters`},
	{Name: "empty name", Body: `domain_id = "` + sandbox.SystemShortDomainID + `"
original_link = "https://example.com/"
name = ""`, Want: `name must be 1 to 50`},
	{Name: "name too long", Body: `domain_id = "` + sandbox.SystemShortDomainID + `"
original_link = "https://example.com/"
name = "` + strings.Repeat("n", 51) + `"`, Want: `name must be 1 to 50`},
	{Name: "slug too long", Body: `domain_id = "` + sandbox.SystemShortDomainID + `"
original_link = "https://example.com/"
slug = "` + strings.Repeat("s", 26) + `"`, Want: `slug must be 1 to 25`},
	{Name: "slug with a slash", Body: `domain_id = "` + sandbox.SystemShortDomainID + `"
original_link = "https://example.com/"
slug = "a/b"`, Want: `one URL path segment`},
	{Name: "short_link set", Body: `domain_id = "` + sandbox.SystemShortDomainID + `"
original_link = "https://example.com/"
short_link = "http://x.io/a"`, Want: `short_link`},
	{Name: "count_clicks set", Body: `domain_id = "` + sandbox.SystemShortDomainID + `"
original_link = "https://example.com/"
count_clicks = 3`, Want: `count_clicks`},
}

func TestAccShortLink_invalidConfigurationsFailAtPlan(t *testing.T) {
	t.Parallel()
	acctest.InvalidConfigs(t, `resource "oneapi_short_link" "test"`, invalidLinks)
}

// TestAccFaultSuite_shortLinkCreateNeverMade: the connection drops
// before the link is made. The create is not sent again (nothing could
// tell a second link from the first); the error says no such link is
// listed, and the next apply creates exactly one.
func TestAccFaultSuite_shortLinkCreateNeverMade(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	sb.SetFaults(acctest.FaultsCreateAfterCommit("drop_before"))
	body := `  original_link = "https://shop.example.com/lost"`
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{
			{
				Config:      linkConfig(sb, body),
				ExpectError: acctest.WrappedRE(`Unable to Create Short Link.*no short link to https://shop.example.com/lost created since the request began is listed`),
			},
			{
				PreConfig: func() {
					if n := sb.ShortLinkCount(); n != 0 {
						t.Errorf("%d links after a create that never reached the stand-in, want 0", n)
					}
				},
				Config: linkConfig(sb, body),
				Check: func(*terraform.State) error {
					if n := sb.ShortLinkCount(); n != 1 {
						return fmt.Errorf("%d links, want 1", n)
					}
					return sb.ExpectCountErr("POST /api/short-url/links", 2)
				},
			},
		},
	})
}

// TestAccFaultSuite_shortLinkCreates loses the answer of a link create
// after the link was made. Nothing makes a link unique, so the create is
// never sent again: the error names the link it may have made, and
// following its advice (an import block with that id) adopts it with no
// second create. One link exists throughout.
func TestAccFaultSuite_shortLinkCreates(t *testing.T) {
	for _, mode := range []string{"drop", "500", "429"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			sb.SetFaults(acctest.FaultsCreateAfterCommit(mode))
			body := `  original_link = "https://shop.example.com/lost"`
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckGone(),
				Steps: []resource.TestStep{{
					Config: linkConfig(sb, body),
					ExpectError: acctest.WrappedRE(`Unable to Create Short Link.*short link\(s\) to https://shop.example.com/lost created since the ` +
						`request began: [0-9a-f-]{36}.*was not sent again.*import block`),
				}},
			})
			var made []string
			if err := sb.Client().EachShortLink(context.Background(), func(l *client.ShortLink) bool { made = append(made, l.ID); return true }); err != nil {
				t.Fatal(err)
			}
			if len(made) != 1 {
				t.Fatalf("links after the lost answer: %v, want 1", made)
			}
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckGone(),
				Steps: []resource.TestStep{{
					Config: linkConfig(sb, body) + "import {\n  to = " + linkAddr + "\n  id = \"" + made[0] + "\"\n}\n",
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(linkAddr, plancheck.ResourceActionNoop),
					}},
					ConfigStateChecks: []statecheck.StateCheck{
						acctest.StateValue(linkAddr, "id", knownvalue.StringExact(made[0])),
						acctest.StateValue(linkAddr, "domain_id", knownvalue.StringExact(sandbox.SystemShortDomainID)),
					},
					Check: func(*terraform.State) error { return sb.ExpectCountErr("POST /api/short-url/links", 1) },
				}},
			})
		})
	}
}

// TestAccShortLink_refreshListsOnce: each link's read needs the links'
// list (the statistics do not say whether a link is deleted); a refresh of
// six links lists them once, not once per link, and still finds the one
// deleted outside Terraform.
func TestAccShortLink_refreshListsOnce(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	config := sb.ProviderBlock() + `
resource "oneapi_short_link" "promo" {
  count         = 6
  domain_id     = "` + sandbox.SystemShortDomainID + `"
  original_link = "https://shop.example.com/item/${count.index}"
}
`
	var gone string
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config:            config,
			ConfigStateChecks: []statecheck.StateCheck{acctest.StateValue(linkAddr+"[5]", "id", acctest.StringSaved(&gone))},
		}, {
			PreConfig: func() {
				if err := sb.Client().DeleteShortLink(context.Background(), gone); err != nil {
					t.Fatal(err)
				}
				sb.ResetCounters()
			},
			RefreshState:       true,
			ExpectNonEmptyPlan: true,
			Check: func(s *terraform.State) error {
				if _, ok := s.RootModule().Resources[linkAddr+".5"]; ok {
					return fmt.Errorf("the link deleted outside Terraform is still in the state")
				}
				if err := sb.ExpectCountErr("GET /api/short-url/links/{uuid}/statistics", 6); err != nil {
					return err
				}
				return sb.ExpectCountErr("GET /api/short-url/links", 1)
			},
		}},
	})
}
