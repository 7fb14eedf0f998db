package framework

import (
	"context"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// DataSource is the skeleton every data source shares, so that a family
// writes only its schema and what its read asks of One-API: the type name,
// Configure (the provider's client), and a Read that decodes the
// configuration into an M, bounds the call by its timeouts.read (default
// DefaultReadTimeout), runs the family's read and, when that added no
// error, writes the M into the state.
type DataSource[M withReadTimeouts] struct {
	DataSourceBase
	suffix string
	schema func(ctx context.Context, resp *datasource.SchemaResponse)
	read   ReadFunc[M]
}

// ReadFunc is what a data source asks of One-API: it fills data, whose
// configuration is decoded, or adds an error to diags.
type ReadFunc[M any] func(ctx context.Context, c *client.Client, data *M, diags *diag.Diagnostics)

var _ datasource.DataSourceWithConfigure = (*DataSource[DataSourceTimeouts])(nil)

// NewDataSource is the data source named by the provider's prefix and
// suffix ("_balance"), with schema and read.
func NewDataSource[M withReadTimeouts](suffix string, schema func(context.Context, *datasource.SchemaResponse), read ReadFunc[M]) *DataSource[M] {
	return &DataSource[M]{suffix: suffix, schema: schema, read: read}
}

func (d *DataSource[M]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + d.suffix
}

func (d *DataSource[M]) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	d.schema(ctx, resp)
}

func (d *DataSource[M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var data M
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := ReadContext(ctx, data.readTimeouts(), &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	d.read(ctx, d.Client, &data, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
}

// DataSourceTimeouts is the timeouts attribute every data source model
// embeds (dstimeouts.Attributes in its schema).
type DataSourceTimeouts struct {
	Timeouts dstimeouts.Value `tfsdk:"timeouts"`
}

func (t DataSourceTimeouts) readTimeouts() dstimeouts.Value { return t.Timeouts }

type withReadTimeouts interface{ readTimeouts() dstimeouts.Value }
