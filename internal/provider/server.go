package provider

import (
	"context"
	"reflect"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/clock"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// LogLevelVariables are the environment variables that set the log levels
// of this provider's loggers: the SDK root, the protocol and framework
// subsystems, and the provider's own logger (named after the address).
var LogLevelVariables = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_ONEAPI"}

// NewProtocol6Server returns the provider's protocol 6 server: the
// framework's server, with each per-resource request's context released
// when the request returns.
//
// terraform-plugin-framework v1.19 (internal/proto6server, registerContext)
// derives a cancelable context for every RPC and keeps its CancelFunc until
// StopProvider, which Terraform only sends on interrupt. Each kept context
// holds the whole request context behind it (gRPC stream, loggers), so a
// provider process grew with every RPC for as long as the Terraform command
// ran (bench/RESULTS.md shows the peak RSS of both servers). The framework
// is given a context that forwards to the request's until the RPC returns
// and then lets go of it; what the framework keeps is a few bytes.
func NewProtocol6Server(version string) func() tfprotov6.ProviderServer {
	return protocol6Server(New(version))
}

// NewProtocol6ServerWithClock is NewProtocol6Server with another clock, for
// tests that wait on the provider's polling without waiting.
func NewProtocol6ServerWithClock(version string, clk clock.Clock) func() tfprotov6.ProviderServer {
	return protocol6Server(newWithClock(version, clk))
}

// protocol6Server serves a provider made by newProvider.
func protocol6Server(newProvider func() provider.Provider) func() tfprotov6.ProviderServer {
	newServer := providerserver.NewProtocol6(newProvider())
	return func() tfprotov6.ProviderServer {
		s, ok := newServer().(nativeServer)
		if !ok { // the framework has served both since v1.16
			panic("terraform-plugin-framework's server has no list resources or actions")
		}
		return releasingServer{s}
	}
}

// releasingServer wraps the RPCs Terraform sends per resource instance;
// the others run a few times per process and go straight through, the
// list resources' and actions' too (their answers are streams that outlive
// the call).
type releasingServer struct {
	nativeServer
}

// nativeServer is the framework's server: the protocol with list
// resources and actions.
type nativeServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
}

// released serves one per-resource RPC: its logs masked
// (client.WithLogMasks), its work abandoned when Terraform is gone
// (lifetime.go), its context released when it returns, its diagnostics
// masked.
func released[Req, Resp any](ctx context.Context, req Req, rpc func(context.Context, Req) (Resp, error)) (Resp, error) {
	ctx, end := work.begin(client.WithLogMasks(ctx))
	defer end()
	ctx, release := detach(ctx)
	defer release()
	resp, err := rpc(ctx, req)
	maskDiagnostics(resp)
	return resp, err
}

// maskDiagnostics masks, in a response's diagnostics, every secret the
// process holds (client.Mask). Errors quoting an answer are masked where
// the client builds them; this holds for a diagnostic built any other way,
// before Terraform prints it and terraform-plugin-go logs it.
func maskDiagnostics(resp any) {
	v := reflect.ValueOf(resp)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	f := v.Elem().FieldByName("Diagnostics")
	if !f.IsValid() {
		return
	}
	diags, _ := f.Interface().([]*tfprotov6.Diagnostic)
	for _, d := range diags {
		if d != nil {
			d.Summary, d.Detail = client.Mask(d.Summary), client.Mask(d.Detail)
		}
	}
}

func (s releasingServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return released(ctx, req, s.nativeServer.ValidateResourceConfig)
}

func (s releasingServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	if resp := framework.FastUpgrade(req); resp != nil {
		return resp, nil
	}
	return released(ctx, req, s.nativeServer.UpgradeResourceState)
}

func (s releasingServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return released(ctx, req, s.nativeServer.ReadResource)
}

func (s releasingServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	if resp := framework.FastPlan(req); resp != nil {
		return resp, nil
	}
	return released(ctx, req, s.nativeServer.PlanResourceChange)
}

func (s releasingServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return released(ctx, req, s.nativeServer.ApplyResourceChange)
}

func (s releasingServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return released(ctx, req, s.nativeServer.ImportResourceState)
}

func (s releasingServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return released(ctx, req, s.nativeServer.UpgradeResourceIdentity)
}

func (s releasingServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return released(ctx, req, s.nativeServer.ValidateDataResourceConfig)
}

func (s releasingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return released(ctx, req, s.nativeServer.ReadDataSource)
}

// detachedContext is a request's context until release, and an empty,
// canceled context after it: whatever still holds it no longer holds the
// request. Nothing uses it after release (the framework only keeps it to
// cancel on StopProvider).
type detachedContext struct {
	request atomic.Pointer[heldContext]
}

type heldContext struct{ context.Context }

var closedDone = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

func detach(ctx context.Context) (context.Context, func()) {
	d := &detachedContext{}
	d.request.Store(&heldContext{ctx})
	return d, func() { d.request.Store(nil) }
}

func (d *detachedContext) Deadline() (time.Time, bool) {
	if h := d.request.Load(); h != nil {
		return h.Deadline()
	}
	return time.Time{}, false
}

func (d *detachedContext) Done() <-chan struct{} {
	if h := d.request.Load(); h != nil {
		return h.Done()
	}
	return closedDone
}

func (d *detachedContext) Err() error {
	if h := d.request.Load(); h != nil {
		return h.Err()
	}
	return context.Canceled
}

func (d *detachedContext) Value(key any) any {
	if h := d.request.Load(); h != nil {
		return h.Value(key)
	}
	return nil
}
