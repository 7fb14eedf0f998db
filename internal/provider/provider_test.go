package provider_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
)

func TestAccProvider_userAgent(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	cp := sb.CreateRCSCampaign("380661231231")
	sb.ResetCounters()
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{Config: acctest.CampaignDataSourceConfig(sb, strconv.FormatInt(cp.ID, 10))}},
	})
	want := regexp.MustCompile(`^terraform-provider-oneapi/test \(\+https://registry\.terraform\.io/providers/oneapi-terraform/oneapi\) Terraform/\d+\.\d+\.\d+`)
	uas := sb.UserAgents()
	if len(uas) == 0 {
		t.Fatal("no requests seen")
	}
	for _, ua := range uas {
		if !want.MatchString(ua) {
			t.Errorf("User-Agent %q does not name the provider version and the Terraform version", ua)
		}
	}
}

func TestAccProvider_missingCredentials(t *testing.T) {
	sb := acctest.StartSandbox(t)
	t.Setenv(provider.EnvAPIKey, "")
	t.Setenv(provider.EnvToken, "")
	config := fmt.Sprintf(`
provider "oneapi" {
  endpoint = %q
}
data "oneapi_campaign" "test" {
  id = "1"
}
`, sb.URL)
	acctest.ExpectError(t, config, regexp.MustCompile(`(?s)Missing One-API Credentials.*api_key.*ONEAPI_API_KEY`))
	if n := len(sb.Counters()); n != 0 {
		t.Errorf("requests = %v, want none", sb.Counters())
	}
}

func TestAccProvider_credentialsFromEnvironment(t *testing.T) {
	sb := acctest.StartSandbox(t)
	cp := sb.CreateRCSCampaign("380661231231")
	t.Setenv(provider.EnvAPIKey, acctest.APIKey)
	t.Setenv(provider.EnvEndpoint, sb.URL)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`data "oneapi_campaign" "test" { id = "%d" }`, cp.ID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.oneapi_campaign.test", tfjsonpath.New("status"), knownvalue.StringExact("creation")),
			},
		}},
	})
}

// TestAccProvider_shortCredentialFromTheEnvironment: a key under 8
// characters could not be masked; from the environment too it is refused
// before any request, naming the variable.
func TestAccProvider_shortCredentialFromTheEnvironment(t *testing.T) {
	t.Setenv(provider.EnvAPIKey, "test_x")
	sb := acctest.StartSandbox(t)
	acctest.ExpectError(t, sb.ProviderBlock()+`data "oneapi_campaign" "test" { id = "1" }`,
		acctest.WrappedRE(`Credential Too Short.*The api_key \(from the provider block or `+provider.EnvAPIKey+`\) is 6 characters`))
	if c := sb.Counters(); len(c) != 0 {
		t.Errorf("requests reached the API: %v", c)
	}
}

func TestAccProvider_invalidSettings(t *testing.T) {
	cases := map[string]struct{ block, want string }{
		"relative endpoint": {`endpoint = "one-api.wwt.world"`, `Invalid One-API Endpoint`},
		"ftp endpoint":      {`endpoint = "ftp://one-api.wwt.world"`, `Invalid One-API Endpoint`},
		"empty api_key":     {`api_key = ""`, `api_key`},
		"short api_key":     {`api_key = "test_x"`, `(?s)api_key.*at least 8`},
		"short token":       {`token = "a.b.c"`, `(?s)token.*at least 8`},
		"bad timeout":       {`request_timeout = "soon"`, `Invalid Duration`},
		"negative rps":      {`requests_per_second = -1`, `requests_per_second`},
		"too many retries":  {`max_retries = 99`, `max_retries`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Setenv(provider.EnvAPIKey, acctest.APIKey)
			acctest.ExpectError(t, "provider \"oneapi\" {\n  "+tc.block+"\n}\n"+`data "oneapi_campaign" "test" { id = "1" }`, regexp.MustCompile(tc.want))
		})
	}
}

func TestAccProvider_unknownEndpoint(t *testing.T) {
	t.Setenv(provider.EnvAPIKey, acctest.APIKey)
	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "endpoint" {
  input = "http://127.0.0.1:1"
}
provider "oneapi" {
  endpoint = terraform_data.endpoint.output
}
data "oneapi_campaign" "test" {
  id = "1"
}
`,
			ExpectError: regexp.MustCompile(`(?s)Unknown One-API Provider Setting.*endpoint is not known until apply`),
		}},
	})
}

// TestAccProvider_refusedKeyLogsInOnce: 20 data sources with a wrong key
// make one login in the run, and the error names the setting to check
// without the request's error chain.
func TestAccProvider_refusedKeyLogsInOnce(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	var b strings.Builder
	fmt.Fprintf(&b, "provider \"oneapi\" {\n  endpoint = %q\n  api_key  = \"test_not_the_key\"\n}\n", sb.URL)
	for i := range 20 {
		fmt.Fprintf(&b, "data \"oneapi_campaign\" \"c%d\" {\n  id = \"%d\"\n}\n", i, i+1)
	}
	acctest.ExpectError(t, b.String(), regexp.MustCompile(`(?s)Unable to Authenticate with One-API.*refused\s+the\s+API\s+key\s+\(401\s+Unauthorized:\s+Invalid\s+API\s+key\)\.\s+Check\s+api_key`))
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
	t.Parallel()
	sb := acctest.StartSandbox(t)
	acctest.ExpectError(t, fmt.Sprintf("provider \"oneapi\" {\n  endpoint = %q\n}\ndata \"oneapi_campaign\" \"test\" {\n  id = \"1\"\n}\n", sb.URL+"/v2"), regexp.MustCompile(`(?s)Unable to Log In to One-API.*the\s+login\s+failed.*answered\s+404.*Check\s+endpoint`))
}

// TestConfigureEndpointDiagnostics configures the provider in process (the
// CLI harness cannot check warnings): credentials in the endpoint are
// refused without being repeated; plain http:// to another machine warns.
func TestConfigureEndpointDiagnostics(t *testing.T) {
	t.Setenv(provider.EnvAPIKey, acctest.APIKey)
	srv := provider.NewProtocol6Server("test")()
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

// TestAccProvider_timeZoneIsValidated: a time_zone that is not an IANA name
// is a plan-time error naming the attribute; nothing is sent.
func TestAccProvider_timeZoneIsValidated(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	for _, zone := range []string{"Mars/Olympus", "+03:00", "Local"} {
		acctest.Test(t, resource.TestCase{
			CheckDestroy: sb.CheckNothingLeftSending(),
			Steps: []resource.TestStep{{
				Config:      sb.ProviderBlockWith(fmt.Sprintf("time_zone = %q", zone)) + "resource \"oneapi_campaign\" \"test\" {\n" + acctest.RCSCampaign("") + "}\n",
				ExpectError: regexp.MustCompile(`(?s)time_zone.*IANA\s+time\s+zone\s+name`),
			}},
		})
	}
	if c := sb.Counters(); len(c) != 0 {
		t.Errorf("requests reached the API: %v", c)
	}
}

// TestAccProvider_secretsNotInTraceLogs runs the provider and the CLI with
// TF_LOG=TRACE and checks that neither the api_key nor any JWT the
// stand-in issued appears in the logs, while the logs do show the
// provider's API calls (so the check cannot pass on an empty log).
func TestAccProvider_secretsNotInTraceLogs(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
	sb := acctest.StartSandbox(t)
	cp := sb.CreateRCSCampaign("380661231231")
	// The key comes from the environment, as the README recommends: the test
	// harness itself logs the configuration text it writes.
	t.Setenv(provider.EnvAPIKey, acctest.APIKey)
	config := fmt.Sprintf(`
provider "oneapi" {
  endpoint = %q
}
data "oneapi_campaign" "test" {
  id = "%d"
}
`, sb.URL, cp.ID)
	sb.RevokeTokens() // forces a 401, a new login and a replay inside the test

	acctest.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.oneapi_campaign.test", tfjsonpath.New("status"), knownvalue.StringExact("creation")),
			},
		}},
	})

	logs := acctest.ReadLogs(t, dir)
	for _, want := range []string{"One-API request", "/api/auth/login", "/api/campaigns/" + strconv.FormatInt(cp.ID, 10)} {
		if !strings.Contains(logs, want) {
			t.Fatalf("the TRACE logs do not show %q: the check below would prove nothing", want)
		}
	}
	acctest.AssertNoSecrets(t, "TRACE logs", logs, append(sb.IssuedTokens(), acctest.APIKey))
}

// TestAccProvider_schemaHasIdentitiesListsAndActions: through a Terraform
// 1.14+ CLI, the schema lists the three identities, the three list
// resources and the two actions.
func TestAccProvider_schemaHasIdentitiesListsAndActions(t *testing.T) {
	acctest.RequireNative(t)
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders)
	cli.Init()
	var schema struct {
		Providers map[string]struct {
			Identities map[string]struct {
				Attributes map[string]struct {
					Type              json.RawMessage `json:"type"`
					RequiredForImport bool            `json:"required_for_import"`
				} `json:"attributes"`
			} `json:"resource_identity_schemas"`
			Lists   map[string]any `json:"list_resource_schemas"`
			Actions map[string]any `json:"action_schemas"`
		} `json:"provider_schemas"`
	}
	if err := json.Unmarshal([]byte(cli.MustRun("providers", "schema", "-json")), &schema); err != nil {
		t.Fatal(err)
	}
	p := schema.Providers[acctest.ProviderSource]
	resources := []string{"oneapi_campaign", "oneapi_contact", "oneapi_contact_field", "oneapi_contact_list", "oneapi_contact_list_members", "oneapi_otp_template", "oneapi_sender_registration", "oneapi_short_link", "oneapi_short_url_domain", "oneapi_stop_list_entries"}
	if got := keys(p.Lists); !slices.Equal(got, resources) {
		t.Errorf("list resources %v, want %v", got, resources)
	}
	if got := keys(p.Actions); !slices.Equal(got, []string{"oneapi_campaign_renew", "oneapi_campaign_stop", "oneapi_message_send"}) {
		t.Errorf("actions %v", got)
	}
	for _, r := range resources {
		id := p.Identities[r].Attributes["id"]
		if len(p.Identities[r].Attributes) != 1 || !id.RequiredForImport || string(id.Type) != `"string"` {
			t.Errorf("identity of %s: %+v, want one string id required for import", r, p.Identities[r])
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
