package provider

import (
	"context"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

func readExample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAccExamples_campaign applies the documented examples as they are
// written, against the stand-in.
func TestAccExamples_campaign(t *testing.T) {
	t.Parallel()
	sb := startSandbox(t)
	// A campaign scheduled ten days ahead, sent outside Terraform.
	existing, err := sb.client().CreateRCSCampaign(context.Background(), client.RCSCampaignRequest{
		Phones: []client.Phone{{Number: "380661231239"}}, Sender: "agent",
		Options: client.RCSOptions{Text: "Hi"}, StartAt: sb.Now().Add(10 * 24 * time.Hour).UTC().Format(apiTimeLayout),
	})
	if err != nil {
		t.Fatal(err)
	}
	importThenStop := strings.ReplaceAll(readExample(t, "resources/oneapi_campaign/import-then-stop.tf"),
		"53708808", strconv.FormatInt(existing.ID, 10))
	accTest(t, resource.TestCase{
		CheckDestroy: sb.checkNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config: sb.providerBlock() + readExample(t, "resources/oneapi_campaign/resource.tf"),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("oneapi_campaign.black_friday", "status", knownvalue.StringExact("creation")),
					// timeadd(plantimestamp(), "24h"): RFC 3339, a day ahead.
					stateValue("oneapi_campaign.black_friday", "start_at", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					stateValue("oneapi_campaign.black_friday", "sms_fallback_statistics", knownvalue.NotNull()),
				},
			},
			{
				PreConfig: func() { sb.Advance(16 * time.Second) }, // scheduled
				Config:    sb.providerBlock() + readExample(t, "resources/oneapi_campaign/resource.tf") + importThenStop,
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("oneapi_campaign.black_friday", "status", knownvalue.StringExact("scheduled")),
					stateValue("oneapi_campaign.runaway", "status", knownvalue.StringExact("stopped")),
				},
			},
		},
	})
}
