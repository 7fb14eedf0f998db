package framework

import (
	"fmt"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// TestLoginErrorDiagnosticHasNoErrorChain: the refusal as the provider
// reports it names the setting and not the transport's wrapping.
func TestLoginErrorDiagnosticHasNoErrorChain(t *testing.T) {
	t.Parallel()
	c, err := client.New(client.WithEndpoint("https://one-api.wwt.world"), client.WithAPIKey("test_x"))
	if err != nil {
		t.Fatal(err)
	}
	wrapped := fmt.Errorf("GET /api/campaigns/1: Get \"https://one-api.wwt.world/api/campaigns/1\": %w",
		&client.LoginError{Endpoint: "https://one-api.wwt.world", StatusCode: 401, Message: "Invalid API key"})
	d := ObjectErrorDiagnostic("Unable to Read Campaign", c, APIObject{Kind: "campaign", ID: "1"}, wrapped)
	if d.Summary() != "Unable to Authenticate with One-API" || strings.Contains(d.Detail(), "Get \"") || !strings.Contains(d.Detail(), "Check api_key") {
		t.Errorf("%s: %s", d.Summary(), d.Detail())
	}
}
