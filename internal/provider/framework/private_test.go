package framework

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// privateMap is private state as the framework keeps it: a value of no
// length removes the key.
type privateMap map[string][]byte

func (p privateMap) GetKey(_ context.Context, key string) ([]byte, diag.Diagnostics) {
	return p[key], nil
}

func (p privateMap) SetKey(_ context.Context, key string, value []byte) diag.Diagnostics {
	if len(value) == 0 {
		delete(p, key)
	} else {
		p[key] = value
	}
	return nil
}

type record struct {
	Path string   `json:"path"`
	Refs []string `json:"refs,omitempty"`
}

func TestPrivate_roundTrip(t *testing.T) {
	t.Parallel()
	ctx, p, diags := context.Background(), privateMap{}, diag.Diagnostics{}
	WritePrivate(ctx, p, "pending", &record{Path: "/api/campaigns", Refs: []string{"a1"}}, &diags)
	if got := string(p["pending"]); got != `{"path":"/api/campaigns","refs":["a1"]}` {
		t.Fatalf("written %s", got)
	}
	got := ReadPrivate[record](ctx, p, "pending", "a record", &diags)
	if diags.HasError() || got == nil || got.Path != "/api/campaigns" || len(got.Refs) != 1 || got.Refs[0] != "a1" {
		t.Fatalf("read %+v, %v", got, diags)
	}
	WritePrivate[record](ctx, p, "pending", nil, &diags)
	if _, ok := p["pending"]; ok {
		t.Fatal("a nil record did not remove the key")
	}
}

func TestPrivate_none(t *testing.T) {
	t.Parallel()
	var diags diag.Diagnostics
	if got := ReadPrivate[record](context.Background(), privateMap{}, "pending", "a record", &diags); got != nil || diags.HasError() {
		t.Fatalf("missing key: %+v, %v", got, diags)
	}
	if got := ReadPrivate[record](context.Background(), nil, "pending", "a record", &diags); got != nil || diags.HasError() {
		t.Fatalf("no private state: %+v, %v", got, diags)
	}
}

func TestPrivate_unreadable(t *testing.T) {
	t.Parallel()
	var diags diag.Diagnostics
	p := privateMap{"pending": []byte(`{"path": 7}`)}
	if got := ReadPrivate[record](context.Background(), p, "pending", "an unresolved campaign create", &diags); got != nil {
		t.Fatalf("read %+v from an unreadable record", got)
	}
	if len(diags) != 1 || diags[0].Summary() != "Unreadable Private State" ||
		!strings.HasPrefix(diags[0].Detail(), "The record of an unresolved campaign create could not be read: ") {
		t.Fatalf("diagnostics %v", diags)
	}
}
