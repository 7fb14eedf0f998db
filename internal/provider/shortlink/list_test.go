package shortlink_test

// The identities and list resources of the URL shortener (Terraform
// 1.14+: each test starts with acctest.RequireNative).

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// TestAccShortLink_importByIdentity: import blocks by identity plan one
// import each and nothing else; a bad identity is refused with the advice.
func TestAccShortLink_importByIdentity(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	ctx := context.Background()
	d, err := sb.Client().CreateShortDomain(ctx, client.ShortDomainRequest{Name: "go.example.com", SlugType: "numeric"})
	if err != nil {
		t.Fatal(err)
	}
	l, err := sb.Client().CreateShortLink(ctx, client.ShortLinkRequest{DomainID: sandbox.SystemShortDomainID, Link: "https://shop.example.com/"})
	if err != nil {
		t.Fatal(err)
	}
	cli := acctest.NewCLI(t, nil)
	body := `
resource "oneapi_short_url_domain" "go" {
  name      = "go.example.com"
  slug_type = "numeric"
}
resource "oneapi_short_link" "promo" {
  domain_id     = "` + sandbox.SystemShortDomainID + `"
  original_link = "https://shop.example.com/"
}
`
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+body+`
import {
  to       = oneapi_short_url_domain.go
  identity = { id = "`+d.ID+`" }
}
import {
  to       = oneapi_short_link.promo
  identity = { id = "`+l.ID+`" }
}
`)
	cli.Init()
	if a := acctest.Actions(cli.PlanJSON()); a["import"] != 2 || a["create"] != 0 || a["update"] != 0 || a["no-op"] != 2 {
		t.Errorf("plan %v, want two imports and nothing else", a)
	}
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+body+`
import {
  to       = oneapi_short_link.promo
  identity = { id = "42" }
}
`)
	out, err := cli.Run("plan", "-no-color")
	if err == nil || !acctest.WrappedRE(regexp.QuoteMeta(`"42" is not a short link id. Import with the short link's uuid`)).MatchString(out) {
		t.Errorf("a bad identity was not refused as it should be (%v):\n%s", err, out)
	}
}

// TestAccShortLink_queryImportsWhatAnotherWorkspaceMade: a domain and its
// links made in another workspace are found by terraform query; the
// generated configuration plans their imports and nothing else, then no
// changes, with no write.
func TestAccShortLink_queryImportsWhatAnotherWorkspaceMade(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	other := acctest.NewCLI(t, nil)
	other.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+`
resource "oneapi_short_url_domain" "go" {
  name           = "go.example.com"
  slug_type      = "from_original"
  not_found_page = "https://example.com/404"
}
resource "oneapi_short_link" "promo" {
  for_each      = toset(["spring", "summer"])
  domain_id     = "`+sandbox.SystemShortDomainID+`"
  original_link = "https://shop.example.com/${each.value}"
  name          = "sale ${each.value}"
}
`)
	other.Init()
	other.MustRun("apply", "-auto-approve", "-no-color")

	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock())
	cli.Write("main.tfquery.hcl", `
list "oneapi_short_url_domain" "go" {
  provider         = oneapi
  include_resource = true
  config {
    name = "go.example.com"
  }
}
list "oneapi_short_link" "promo" {
  provider         = oneapi
  include_resource = true
  config {
    domain_id = "`+sandbox.SystemShortDomainID+`"
  }
}
`)
	cli.Init()
	sb.ResetCounters()
	out := cli.MustRun("query", "-no-color", "-generate-config-out=generated.tf")
	if n := strings.Count(out, "list.oneapi_short_link.promo"); n != 2 || strings.Count(out, "list.oneapi_short_url_domain.go") != 1 {
		t.Errorf("the query did not find the domain and its 2 links:\n%s", out)
	}
	acctest.QueryPlansImportsOnly(t, sb, cli, 3)
}
