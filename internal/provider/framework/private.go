package framework

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Private state keeps, beside a resource's state, a record the provider
// must remember and the user need not see (the record of a create whose
// outcome is not known). Every family keeps such a record as JSON under
// one key, so it is read and written here, one way.

// PrivateGetter reads private state: a request's Private field.
type PrivateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// PrivateSetter writes private state: a response's Private field.
type PrivateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// ReadPrivate reads the record kept as JSON under key, or nil when there
// is none; what names the record in the error for one that cannot be read
// ("an unresolved campaign create").
func ReadPrivate[T any](ctx context.Context, private PrivateGetter, key, what string, diags *diag.Diagnostics) *T {
	if private == nil {
		return nil
	}
	data, ds := private.GetKey(ctx, key)
	diags.Append(ds...)
	if len(data) == 0 {
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		diags.AddError("Unreadable Private State", "The record of "+what+" could not be read: "+err.Error()+
			". Please report this issue to the provider developers.")
		return nil
	}
	return &v
}

// WritePrivate keeps v as JSON under key; a nil v removes the record.
func WritePrivate[T any](ctx context.Context, private PrivateSetter, key string, v *T, diags *diag.Diagnostics) {
	var data []byte
	if v != nil {
		data, _ = json.Marshal(v)
	}
	diags.Append(private.SetKey(ctx, key, data)...)
}
