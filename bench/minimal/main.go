// Command minimal is the smallest useful terraform-plugin-framework
// provider: one resource holding the same three strings as the benchmark's
// terraform_data floor, no API behind it. make bench measures it next to
// oneapi_campaign to show what any framework provider costs Terraform per
// resource, apart from what this provider does.
package main

import (
	"context"
	"log"
	"os"
	"strconv"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func main() {
	// As terraform-provider-oneapi does when Terraform will not show
	// provider logs (main.go), so that the comparison is of the framework.
	if os.Getenv("TF_LOG") == "" && os.Getenv("TF_LOG_PROVIDER") == "" {
		for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
			_ = os.Setenv(name, "OFF")
		}
	}
	err := providerserver.Serve(context.Background(), func() provider.Provider { return &minimalProvider{} },
		providerserver.ServeOpts{Address: "registry.terraform.io/oneapi-terraform/minimal", ProtocolVersion: 6})
	if err != nil {
		log.Fatal(err)
	}
}

type minimalProvider struct{}

func (*minimalProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "minimal"
}

func (*minimalProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (*minimalProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (*minimalProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return &item{} }}
}

func (*minimalProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

type item struct{}

type itemModel struct {
	ID     types.String `tfsdk:"id"`
	Phone  types.String `tfsdk:"phone"`
	Sender types.String `tfsdk:"sender"`
	Text   types.String `tfsdk:"text"`
}

var lastID atomic.Int64

func (*item) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_item"
}

func (*item) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":     schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"phone":  schema.StringAttribute{Required: true},
		"sender": schema.StringAttribute{Required: true},
		"text":   schema.StringAttribute{Required: true},
	}}
}

func (*item) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m itemModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	m.ID = types.StringValue(strconv.FormatInt(lastID.Add(1), 10))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (*item) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m itemModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (*item) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m itemModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (*item) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
