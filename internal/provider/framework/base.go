package framework

import (
	"context"
	"fmt"
	"time"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// The skeleton every resource, data source, action and list resource
// shares: Configure takes the provider's client, and a read is bounded by
// its timeouts.read.

// DefaultReadTimeout bounds a refresh or a data source read, retries
// included, when timeouts.read is not set.
const DefaultReadTimeout = 5 * time.Minute

// ReadContext bounds a data source's read, retries included, by its
// timeouts.read (default DefaultReadTimeout); DataSource.Read uses it.
func ReadContext(ctx context.Context, t dstimeouts.Value, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	d, ds := t.Read(ctx, DefaultReadTimeout)
	diags.Append(ds...)
	return context.WithTimeout(ctx, d)
}

// providerClient is what Configure of every resource and data source does:
// take the provider's client (nil before the provider is configured).
func providerClient(data any, diags *diag.Diagnostics) *client.Client {
	if data == nil {
		return nil
	}
	c, ok := data.(*client.Client)
	if !ok {
		diags.AddError("Unexpected Provider Data",
			fmt.Sprintf("Expected *client.Client, got %T. Please report this issue to the provider developers.", data))
	}
	return c
}

// ResourceBase is embedded by every resource: Configure takes the
// provider's client.
type ResourceBase struct {
	Client *client.Client
}

func (b *ResourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.Client = providerClient(req.ProviderData, &resp.Diagnostics)
}

// Zone is the account's time zone (the provider's time_zone); UTC before
// the provider is configured.
func (b *ResourceBase) Zone() *time.Location {
	if b.Client == nil {
		return time.UTC
	}
	return b.Client.TimeZone()
}

// DataSourceBase is the Configure of every data source (DataSource embeds
// it): it takes the provider's client.
type DataSourceBase struct {
	Client *client.Client
}

func (b *DataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.Client = providerClient(req.ProviderData, &resp.Diagnostics)
}

// ActionBase is embedded by every action: Configure takes the provider's
// client.
type ActionBase struct {
	Client *client.Client
}

func (b *ActionBase) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	b.Client = providerClient(req.ProviderData, &resp.Diagnostics)
}

// Progress reports one step of an action's invoke to the CLI.
func Progress(resp *action.InvokeResponse, format string, args ...any) {
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf(format, args...)})
	}
}

// ListBase is embedded by every list resource: Configure takes the
// provider's client.
type ListBase struct {
	Client *client.Client
}

func (b *ListBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.Client = providerClient(req.ProviderData, &resp.Diagnostics)
}
