package provider

import (
	"context"
	"runtime"
	"testing"
	"time"
	"weak"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

type trackedKey struct{}

// validateWithTrackedContext sends one RPC with a context that carries a
// payload, the way gRPC's stream context carries the request's state, and
// returns a weak pointer to the payload.
func validateWithTrackedContext(server tfprotov6.ProviderServer) weak.Pointer[[1 << 16]byte] {
	payload := new([1 << 16]byte)
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), trackedKey{}, payload))
	defer cancel() // gRPC cancels the stream's context when the RPC returns
	_, _ = server.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "oneapi_campaign"})
	return weak.Make(payload)
}

// TestServerReleasesRequestContexts shows the framework keeping every
// request's context for the life of the process, and the provider's server
// letting go of it once the RPC returns.
func TestServerReleasesRequestContexts(t *testing.T) {
	framework := providerserver.NewProtocol6(New("test")())()
	kept := validateWithTrackedContext(framework)
	released := validateWithTrackedContext(NewProtocol6Server("test")())
	runtime.GC()
	if kept.Value() == nil {
		t.Error("terraform-plugin-framework no longer keeps request contexts: NewProtocol6Server's releasingServer can go")
	}
	if released.Value() != nil {
		t.Error("the provider's server still holds a request's context after the RPC returned")
	}
	runtime.KeepAlive(framework)
}

func TestDetachedContext(t *testing.T) {
	t.Parallel()
	deadline := time.Now().Add(time.Hour)
	parent, cancel := context.WithDeadline(context.WithValue(context.Background(), trackedKey{}, "value"), deadline)
	defer cancel()
	ctx, release := detach(parent)
	if ctx.Value(trackedKey{}) != "value" || ctx.Err() != nil || ctx.Done() != parent.Done() {
		t.Fatal("before release the context must forward to the request's")
	}
	if d, ok := ctx.Deadline(); !ok || !d.Equal(deadline) {
		t.Fatalf("deadline = %v %v, want %v", d, ok, deadline)
	}
	// A context derived from it (as the framework derives one) is canceled
	// with the request.
	child, stop := context.WithCancel(ctx)
	defer stop()
	cancel()
	select {
	case <-child.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("a context derived from the detached one was not canceled with the request")
	}
	release()
	if ctx.Value(trackedKey{}) != nil || ctx.Err() != context.Canceled {
		t.Error("after release the context must hold nothing and read as canceled")
	}
	select {
	case <-ctx.Done():
	default:
		t.Error("after release Done must be closed")
	}
}

func TestDiagnosticsAreMasked(t *testing.T) {
	const opaque = "opaque-diag-token-6c1d2e"
	if _, err := client.New(client.WithEndpoint("http://127.0.0.1:1"), client.WithToken(opaque)); err != nil {
		t.Fatal(err)
	}
	resp := &tfprotov6.ReadResourceResponse{Diagnostics: []*tfprotov6.Diagnostic{
		{Summary: "Unable to Read Campaign", Detail: "the answer names " + opaque},
		nil,
	}}
	maskDiagnostics(resp)
	if d := resp.Diagnostics[0].Detail; d != "the answer names ***" {
		t.Errorf("detail %q", d)
	}
	maskDiagnostics((*tfprotov6.ReadResourceResponse)(nil))
}
