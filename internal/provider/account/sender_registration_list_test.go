package account_test

// The identity, list resource and plan warnings of
// oneapi_sender_registration through the Terraform CLI (Terraform 1.14+:
// each test starts with acctest.RequireNative).

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// TestAccSenderRegistration_queryAndIdentity: applications made outside
// this workspace are found by terraform query (filtered by sender); the
// generated configuration plans imports only; an import block by
// identity plans one import; a change plans a replacement with the
// warning that the old application stays, and a destroy warns that it
// stays on the platform, with no write request.
func TestAccSenderRegistration_queryAndIdentity(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	ctx := context.Background()
	mine, err := sb.Client().CreateSenderRequest(ctx, client.SenderRequestInput{
		Applicant: "legal", Type: "sms", CountryCode: "UA", Sender: "FlowerShop", CodeOfCompany: "31316718",
		TaxNumber: "13167116014", LegalName: "Flowers LLC", Address: "Kyiv", Description: "Flower selling",
		InformingPurpose: "notifications for customers",
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sb.Client().CreateSenderRequest(ctx, client.SenderRequestInput{
		Applicant: "natural", Type: "viber", CountryCode: "DE", Sender: "Anna", Name: "Anna Schmidt", CodeOfCompany: "1",
		Description: "Piano lessons", InformingPurpose: "reminders",
	}); err != nil {
		t.Fatal(err)
	}

	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock())
	cli.Write("main.tfquery.hcl", `
list "oneapi_sender_registration" "flowers" {
  provider         = oneapi
  include_resource = true
  config {
    sender = "FlowerShop"
  }
}
`)
	cli.Init()
	sb.ResetCounters()
	out := cli.MustRun("query", "-no-color", "-generate-config-out=generated.tf")
	if n := strings.Count(out, "list.oneapi_sender_registration.flowers"); n != 1 || !strings.Contains(out, fmt.Sprintf("id=%d", mine.ID)) {
		t.Errorf("the query did not find the one FlowerShop application %d:\n%s", mine.ID, out)
	}
	acctest.QueryPlansImportsOnly(t, sb, cli, 1)

	// By identity, in a fresh workspace.
	byIdentity := acctest.NewCLI(t, nil)
	byIdentity.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlock()+fmt.Sprintf(`
import {
  to       = oneapi_sender_registration.flowers
  identity = { id = "%d" }
}
resource "oneapi_sender_registration" "flowers" {
  applicant         = "legal"
  country_code      = "UA"
  sender            = "FlowerShop"
  code_of_company   = "31316718"
  tax_number        = "13167116014"
  legal_name        = "Flowers LLC"
  address           = "Kyiv"
  description       = "Flower selling"
  informing_purpose = "notifications for customers"
}
`, mine.ID))
	byIdentity.Init()
	if a := acctest.Actions(byIdentity.PlanJSON()); a["import"] != 1 || a["no-op"] != 1 || len(a) != 2 {
		t.Errorf("plan %v, want one import and nothing else", a)
	}
	byIdentity.MustRun("apply", "-auto-approve", "-no-color")

	// A change plans a replacement, with the warning.
	changed := strings.Replace(byIdentity.Read("main.tf"), `address           = "Kyiv"`, `address           = "Lviv"`, 1)
	byIdentity.Write("main.tf", changed)
	plan := byIdentity.MustRun("plan", "-no-color")
	if !acctest.WrappedRE(`must be replaced.*A New Sender Registration Request Will Be Filed.*change of \[address\].*stays on the platform`).MatchString(plan) {
		t.Errorf("the replacement is not planned with its warning:\n%s", plan)
	}
	before := sb.Counters()
	destroy := byIdentity.MustRun("destroy", "-auto-approve", "-no-color")
	if !regexp.MustCompile(`(?s)Sender Registration Request Stays on the Platform.*Destroy complete! Resources: 1 destroyed`).MatchString(destroy) {
		t.Errorf("the destroy did not warn that the application stays:\n%s", destroy)
	}
	for key, n := range sb.Counters() {
		if !strings.HasPrefix(key, "GET ") && key != "POST /api/auth/login" && n != before[key] {
			t.Errorf("the plan or destroy wrote: %s", key)
		}
	}
	if _, err := sb.Client().GetSenderRequest(ctx, mine.ID); err != nil {
		t.Errorf("the application is gone after destroy: %v", err)
	}
}
