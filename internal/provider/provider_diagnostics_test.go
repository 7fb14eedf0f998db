package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// Diagnostics a person can act on: each says which setting to check, and
// none repeats a secret or a Go error chain.

// TestAccProvider_refusedKeyLogsInOnce: 20 data sources with a wrong key
// make one login in the run, and the error names the setting to check
// without the request's error chain.
func TestAccProvider_refusedKeyLogsInOnce(t *testing.T) {
	sb := startSandbox(t)
	var b strings.Builder
	fmt.Fprintf(&b, "provider \"oneapi\" {\n  endpoint = %q\n  api_key  = \"test_not_the_key\"\n}\n", sb.URL)
	for i := range 20 {
		fmt.Fprintf(&b, "data \"oneapi_campaign\" \"c%d\" {\n  id = \"%d\"\n}\n", i, i+1)
	}
	accTest(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      b.String(),
			ExpectError: regexp.MustCompile(`(?s)Unable to Authenticate with One-API.*refused\s+the\s+API\s+key\s+\(401\s+Unauthorized:\s+Invalid\s+API\s+key\)\.\s+Check\s+api_key`),
		}},
	})
	if n := sb.Count("POST /api/auth/login"); n != 1 {
		t.Errorf("logins = %d, want 1 for the whole run", n)
	}
	if n := sb.Count("GET /api/campaigns/{id}"); n != 0 {
		t.Errorf("campaign reads = %d, want 0", n)
	}
}

// TestAccProvider_endpointWithoutLogin: an endpoint with a path that
// answers 404 at login says the login failed, not that a campaign is
// missing.
func TestAccProvider_endpointWithoutLogin(t *testing.T) {
	sb := startSandbox(t)
	accTest(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      fmt.Sprintf("provider \"oneapi\" {\n  endpoint = %q\n}\ndata \"oneapi_campaign\" \"test\" {\n  id = \"1\"\n}\n", sb.URL+"/v2"),
			ExpectError: regexp.MustCompile(`(?s)Unable to Log In to One-API.*the\s+login\s+failed.*answered\s+404.*Check\s+endpoint`),
		}},
	})
}

// TestAccCampaignDataSource_idOutOfRange: an id beyond int64 says the valid
// range.
func TestAccCampaignDataSource_idOutOfRange(t *testing.T) {
	sb := startSandbox(t)
	accTest(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      campaignDataSourceConfig(sb, "9999999999999999999"),
			ExpectError: regexp.MustCompile(`(?s)out\s+of\s+range:\s+a\s+campaign\s+id\s+is\s+a\s+whole\s+number\s+from\s+1\s+to\s+9223372036854775807`),
		}},
	})
	if n := len(sb.Counters()); n != 0 {
		t.Errorf("requests = %v, want none", sb.Counters())
	}
}

// TestConfigureEndpointDiagnostics configures the provider in process (the
// CLI harness cannot check warnings): credentials in the endpoint are
// refused without being repeated; plain http:// to another machine warns.
func TestConfigureEndpointDiagnostics(t *testing.T) {
	t.Setenv(EnvAPIKey, testAPIKey)
	srv := NewProtocol6Server("test")()
	ctx := context.Background()
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	typ := schemas.Provider.ValueType().(tftypes.Object)
	configure := func(endpoint string) []*tfprotov6.Diagnostic {
		attrs := map[string]tftypes.Value{}
		for name, at := range typ.AttributeTypes {
			attrs[name] = tftypes.NewValue(at, nil)
		}
		attrs["endpoint"] = tftypes.NewValue(tftypes.String, endpoint)
		dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.4", Config: &dv})
		if err != nil {
			t.Fatal(err)
		}
		return resp.Diagnostics
	}
	for _, tc := range []struct {
		endpoint, want string
		severity       tfprotov6.DiagnosticSeverity
	}{
		{"https://someone:s3cret-pass@one-api.wwt.world", "Invalid One-API Endpoint", tfprotov6.DiagnosticSeverityError},
		{"http://one-api.example.com", "Insecure One-API Endpoint", tfprotov6.DiagnosticSeverityWarning},
		{"http://10.1.2.3:8080", "Insecure One-API Endpoint", tfprotov6.DiagnosticSeverityWarning},
		{"http://127.0.0.1:8080", "", 0},
		{"http://localhost:8080", "", 0},
		{"http://[::1]:8080", "", 0},
		{"https://one-api.bsg.world", "", 0},
	} {
		diags := configure(tc.endpoint)
		var got []string
		for _, d := range diags {
			got = append(got, d.Summary)
			if strings.Contains(d.Detail, "s3cret") || strings.Contains(d.Detail, "someone") || strings.Contains(d.Summary, "s3cret") {
				t.Errorf("%s: the diagnostic repeats the credentials: %s", tc.endpoint, d.Detail)
			}
		}
		switch {
		case tc.want == "" && len(diags) != 0:
			t.Errorf("%s: %v, want no diagnostics", tc.endpoint, got)
		case tc.want != "" && (len(diags) != 1 || diags[0].Summary != tc.want || diags[0].Severity != tc.severity):
			t.Errorf("%s: %v, want one %q", tc.endpoint, got, tc.want)
		}
	}
}

// TestLoginErrorDiagnosticHasNoErrorChain: the refusal as the provider
// reports it names the setting and not the transport's wrapping.
func TestLoginErrorDiagnosticHasNoErrorChain(t *testing.T) {
	c, err := client.New(client.WithEndpoint("https://one-api.wwt.world"), client.WithAPIKey("test_x"))
	if err != nil {
		t.Fatal(err)
	}
	wrapped := fmt.Errorf("GET /api/campaigns/1: Get \"https://one-api.wwt.world/api/campaigns/1\": %w",
		&client.LoginError{Endpoint: "https://one-api.wwt.world", StatusCode: 401, Message: "Invalid API key"})
	d := apiErrorDiagnostic("Unable to Read Campaign", c, "1", wrapped)
	if d.Summary() != "Unable to Authenticate with One-API" || strings.Contains(d.Detail(), "Get \"") || !strings.Contains(d.Detail(), "Check api_key") {
		t.Errorf("%s: %s", d.Summary(), d.Detail())
	}
}

// TestAccCampaignDataSource_readTimeout: a read is bounded by
// timeouts.read, retries included.
func TestAccCampaignDataSource_readTimeout(t *testing.T) {
	sb := startSandbox(t)
	cp := sb.createRCSCampaign("380661231231")
	sb.SetFaults(sandbox.Faults{Latency: 5 * time.Second})
	accTest(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: sb.providerBlock() + fmt.Sprintf(`
data "oneapi_campaign" "test" {
  id       = "%d"
  timeouts = { read = "1s" }
}
`, cp.ID),
			ExpectError: regexp.MustCompile(`(?s)Unable to Read Campaign.*context\s+deadline\s+exceeded`),
		}},
	})
}
