// Package provider implements the oneapi Terraform provider.
package provider

import (
	"context"
	"fmt"
	"os"
	"time"
	_ "time/tzdata" // time_zone works where the machine has no zone database (Windows, minimal images)

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// Environment variables the provider reads when an attribute is not set
// (framework holds them, for the diagnostics that name them).
const (
	EnvAPIKey   = framework.EnvAPIKey
	EnvToken    = framework.EnvToken
	EnvEndpoint = framework.EnvEndpoint
	EnvTimeZone = framework.EnvTimeZone
)

var (
	_ provider.Provider                  = (*oneAPIProvider)(nil)
	_ provider.ProviderWithActions       = (*oneAPIProvider)(nil)
	_ provider.ProviderWithListResources = (*oneAPIProvider)(nil)
	_ provider.ProviderWithFunctions     = (*oneAPIProvider)(nil)
)

// New returns the provider factory for a release version.
func New(version string) func() provider.Provider {
	return newWithClock(version, clock.Real())
}

// newWithClock is New with another clock (tests).
func newWithClock(version string, clk clock.Clock) func() provider.Provider {
	return func() provider.Provider {
		return &oneAPIProvider{version: version, clock: clk, offer: framework.Offers(framework.Shared{Clock: clk})}
	}
}

type oneAPIProvider struct {
	version string
	clock   clock.Clock
	// offer is what the registered families offer this provider
	// (families.go), made once per provider: what a family keeps for the
	// provider's lifetime lives as long as the provider.
	offer framework.Offer
}

type providerModel struct {
	APIKey            types.String  `tfsdk:"api_key"`
	Token             types.String  `tfsdk:"token"`
	Endpoint          types.String  `tfsdk:"endpoint"`
	MaxRetries        types.Int64   `tfsdk:"max_retries"`
	RequestTimeout    types.String  `tfsdk:"request_timeout"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
	TimeZone          types.String  `tfsdk:"time_zone"`
}

// providerConfig is the resolved configuration: attribute, then environment,
// then default.
type providerConfig struct {
	apiKey, token, endpoint string
	maxRetries              int
	requestTimeout          time.Duration
	requestsPerSecond       float64
	timeZone                *time.Location
}

func (p *oneAPIProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "oneapi"
	resp.Version = p.version
}

func (p *oneAPIProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) { //nolint:funlen // a schema is one declaration, read best in one piece
	resp.Schema = schema.Schema{
		MarkdownDescription: "The oneapi provider manages RCS, SMS, Viber and WhatsApp campaigns on the One-API messaging platform " +
			"(served as `https://one-api.wwt.world` and `https://one-api.bsg.world`).",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				MarkdownDescription: "API key (`live_...` or `test_...`) that the provider exchanges for a JWT at " +
					"`POST /api/auth/login`. May also be set with the `" + EnvAPIKey + "` environment variable. " +
					"One of `api_key` and `token` is required. At least 8 characters: a shorter value could not be masked in logs.",
				Optional:   true,
				Sensitive:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(client.MinSecretLength)},
			},
			"token": schema.StringAttribute{
				MarkdownDescription: "A pre-issued JWT, used instead of logging in. It is refreshed before it expires; " +
					"with `api_key` also set, the provider logs in again when the token is refused. " +
					"May also be set with the `" + EnvToken + "` environment variable. At least 8 characters.",
				Optional:   true,
				Sensitive:  true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(client.MinSecretLength)},
			},
			"endpoint": schema.StringAttribute{
				MarkdownDescription: "Base URL of the One-API platform, an absolute `http(s)://` URL. Defaults to `" +
					client.DefaultEndpoint + "`; the same API is also served at `https://one-api.bsg.world`. " +
					"May also be set with the `" + EnvEndpoint + "` environment variable.",
				Optional:   true,
				Validators: []validator.String{endpointValidator()},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How often a read, stop or renew is repeated after a network error, a 429 or a 5xx " +
					"answer (default 4). A campaign create is never repeated once it may have reached the server.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Time limit of one HTTP attempt, as a Go duration such as `30s` (default `60s`).",
				Optional:            true,
				Validators:          []validator.String{durationValidator()},
			},
			"time_zone": schema.StringAttribute{
				MarkdownDescription: "The account's time zone, an IANA name such as `Europe/Kyiv` (default `UTC`). " +
					"May also be set with the `" + EnvTimeZone + "` environment variable.\n\n" +
					"One-API writes and reads times as `yyyy-mm-dd hh:mm:ss` without a zone, and **the platform does not " +
					"document which zone that is** (its OpenAPI examples show one campaign's `start_at` three hours behind " +
					"its `created_at`). The provider reads and writes every such time in `time_zone`: a `start_at` given " +
					"as `yyyy-mm-dd hh:mm:ss` is sent as written, one given in RFC 3339 is converted into `time_zone`, the " +
					"30-day scheduling limit is counted in it, and `oneapi_campaigns` sends its creation window in it.\n\n" +
					"To find your account's zone: create a campaign without `start_at` and compare its `created_at` with the " +
					"time (in UTC) at which you created it, or look at the time zone in the account settings of the web " +
					"interface. A wrong zone shifts every scheduled campaign by the difference.",
				Optional:   true,
				Validators: []validator.String{timeZoneValidator()},
			},
			"requests_per_second": schema.Float64Attribute{
				MarkdownDescription: "Client-side limit of requests per second, shared by all resources of this provider " +
					"(logins and retries included); the provider paces at 95% of it. `0` (the default) means the " +
					"provider learns the account's limit from the platform's `429` answers.",
				Optional:   true,
				Validators: []validator.Float64{float64validator.AtLeast(0)},
			},
		},
	}
}

func (p *oneAPIProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var model providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg := resolveConfig(model, resp)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := newClient(cfg, p.userAgent(req.TerraformVersion), p.clock)
	if err != nil {
		resp.Diagnostics.AddError("Unable to Create One-API Client", err.Error())
		return
	}
	resp.DataSourceData = c
	resp.ResourceData = c
	resp.ActionData = c
	resp.ListResourceData = c
}

func (p *oneAPIProvider) userAgent(terraformVersion string) string {
	return fmt.Sprintf("terraform-provider-oneapi/%s (+https://registry.terraform.io/providers/oneapi-terraform/oneapi) Terraform/%s",
		p.version, terraformVersion)
}

// resolveConfig applies attribute, then environment, then default, and
// reports unknown values and missing credentials.
func resolveConfig(m providerModel, resp *provider.ConfigureResponse) providerConfig {
	for name, v := range map[string]interface{ IsUnknown() bool }{
		"api_key": m.APIKey, "token": m.Token, "endpoint": m.Endpoint, "max_retries": m.MaxRetries,
		"request_timeout": m.RequestTimeout, "requests_per_second": m.RequestsPerSecond, "time_zone": m.TimeZone,
	} {
		if v.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Unknown One-API Provider Setting",
				fmt.Sprintf("The provider cannot be configured because %s is not known until apply. "+
					"Set it to a value known at plan time, use its environment variable, or apply the resource it depends on first (-target).", name))
		}
	}
	if resp.Diagnostics.HasError() {
		return providerConfig{}
	}
	cfg := providerConfig{
		apiKey:         stringOr(m.APIKey, os.Getenv(EnvAPIKey)),
		token:          stringOr(m.Token, os.Getenv(EnvToken)),
		endpoint:       stringOr(m.Endpoint, os.Getenv(EnvEndpoint)),
		maxRetries:     4,
		requestTimeout: 60 * time.Second,
	}
	if cfg.endpoint == "" {
		cfg.endpoint = client.DefaultEndpoint
	} else if u, err := client.ParseEndpoint(cfg.endpoint); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("endpoint"), "Invalid One-API Endpoint",
			err.Error()+". Set endpoint (or "+EnvEndpoint+") to a base URL such as "+client.DefaultEndpoint+".")
	} else if u.Scheme == "http" && !client.IsLoopback(u) {
		resp.Diagnostics.AddAttributeWarning(path.Root("endpoint"), "Insecure One-API Endpoint",
			fmt.Sprintf("endpoint %s uses plain http:// to another machine: the API key and every JWT would travel in "+
				"clear text. Use https:// (plain http:// is meant for a stand-in on this machine, such as oneapi-sandbox).", u.Redacted()))
	}
	if !m.MaxRetries.IsNull() {
		cfg.maxRetries = int(m.MaxRetries.ValueInt64())
	}
	if !m.RequestTimeout.IsNull() {
		cfg.requestTimeout, _ = time.ParseDuration(m.RequestTimeout.ValueString())
	}
	cfg.requestsPerSecond = m.RequestsPerSecond.ValueFloat64()
	cfg.timeZone = time.UTC
	if name := stringOr(m.TimeZone, os.Getenv(EnvTimeZone)); name != "" {
		zone, err := framework.LoadTimeZone(name)
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("time_zone"), "Invalid Time Zone",
				err.Error()+". Set time_zone (or "+EnvTimeZone+") to the account's zone.")
		}
		cfg.timeZone = zone
	}
	for _, secret := range []struct{ attr, env, value string }{{"api_key", EnvAPIKey, cfg.apiKey}, {"token", EnvToken, cfg.token}} {
		if secret.value != "" && len(secret.value) < client.MinSecretLength {
			resp.Diagnostics.AddAttributeError(path.Root(secret.attr), "Credential Too Short",
				fmt.Sprintf("The %s (from the provider block or %s) is %d characters long; One-API's keys and tokens are "+
					"longer. A value under %d characters cannot be masked in logs and diagnostics, so it is refused: check "+
					"that %s holds the whole value.", secret.attr, secret.env, len(secret.value), client.MinSecretLength, secret.env))
		}
	}
	if cfg.apiKey == "" && cfg.token == "" {
		resp.Diagnostics.AddAttributeError(path.Root("api_key"), "Missing One-API Credentials",
			"The provider needs an API key or a JWT. Set api_key in the provider block or the "+EnvAPIKey+
				" environment variable (or token / "+EnvToken+" for a pre-issued JWT).")
	}
	return cfg
}

func stringOr(v types.String, fallback string) string {
	if !v.IsNull() && v.ValueString() != "" {
		return v.ValueString()
	}
	return fallback
}

func newClient(cfg providerConfig, userAgent string, clk clock.Clock) (*client.Client, error) {
	opts := []client.Option{
		client.WithClock(clk),
		client.WithEndpoint(cfg.endpoint),
		client.WithUserAgent(userAgent),
		client.WithMaxRetries(cfg.maxRetries),
		client.WithRequestTimeout(cfg.requestTimeout),
		client.WithRequestsPerSecond(cfg.requestsPerSecond),
		client.WithTimeZone(cfg.timeZone),
		client.WithJournal(client.JournalDir()),
	}
	if cfg.apiKey != "" {
		opts = append(opts, client.WithAPIKey(cfg.apiKey))
	}
	if cfg.token != "" {
		opts = append(opts, client.WithToken(cfg.token))
	}
	return client.New(opts...)
}

func (p *oneAPIProvider) Resources(_ context.Context) []func() resource.Resource {
	return p.offer.Resources
}

func (p *oneAPIProvider) Actions(_ context.Context) []func() action.Action {
	return p.offer.Actions
}

func (p *oneAPIProvider) ListResources(_ context.Context) []func() list.ListResource {
	return p.offer.ListResources
}

func (p *oneAPIProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return p.offer.DataSources
}

func (p *oneAPIProvider) Functions(_ context.Context) []func() function.Function {
	return p.offer.Functions
}
