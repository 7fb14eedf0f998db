package campaign

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The refresh writes what the platform reports straight into the state's
// value: decoding the whole state into the model and encoding it back was
// most of Read's cost, and a refresh changes only the observed attributes.
// campaignFromAPI (model.go) is the same mapping on the model, for
// create and update. Both follow refreshedFields: which attributes a
// refresh writes and by which rule, stated once (the observed attributes'
// tfsdk tags and refreshRules); TestReadInPlaceMatchesTheModel holds the
// two to the same result.

// takeRule reports whether a refresh writes the platform's value of an
// attribute whose current value is current (haveOne: neither null nor
// unknown). zone is the account's time zone, in which the API writes
// start_at.
type takeRule func(c *client.Campaign, current string, haveOne bool, zone *time.Location) bool

// refreshRules are the rules (model.go) for the values the API answers
// unreliably or in another spelling, by attribute. Every other attribute
// the platform reports that the resource has is written as reported.
var refreshRules = map[string]takeRule{
	"calculated_price": func(c *client.Campaign, _ string, haveOne bool, _ *time.Location) bool {
		return takesPrice(c, haveOne)
	},
	"currency": func(c *client.Campaign, _ string, haveOne bool, _ *time.Location) bool {
		return takesCurrency(c, haveOne)
	},
	"start_at": takesStartAt,
}

// refreshedField is an attribute a refresh writes: its name, its field in
// observedCampaign and in campaignResourceModel, and its rule (nil:
// always).
type refreshedField struct {
	name            string
	observed, model int
	takes           takeRule
}

// refreshedFields are the attributes a refresh writes: each attribute of
// observedCampaign (what every read reports) that campaignResourceModel
// has too, matched by their tfsdk tags (sender is not one: the resource's
// is in its content block), with its rule from refreshRules.
var refreshedFields = sync.OnceValue(func() []refreshedField {
	fields, err := matchRefreshedFields(reflect.TypeFor[observedCampaign](), reflect.TypeFor[campaignResourceModel](), refreshRules)
	if err != nil {
		panic(err) // a programming error, which every test that refreshes a campaign shows
	}
	return fields
})

// matchRefreshedFields pairs the fields of observed and model by their
// tfsdk tags. A pair of different types or not attribute values, or a
// rule for an attribute that is not in both, is an error.
func matchRefreshedFields(observed, model reflect.Type, rules map[string]takeRule) ([]refreshedField, error) {
	inModel := map[string]int{}
	for i := range model.NumField() {
		inModel[model.Field(i).Tag.Get("tfsdk")] = i
	}
	var out []refreshedField
	ruled := 0
	for i := range observed.NumField() {
		name := observed.Field(i).Tag.Get("tfsdk")
		j, ok := inModel[name]
		if !ok {
			continue
		}
		if t := observed.Field(i).Type; t != model.Field(j).Type || !t.Implements(reflect.TypeFor[attr.Value]()) {
			return nil, fmt.Errorf("read.go (refreshedFields): %s is a %s in %s, a %s in %s", name,
				observed.Field(i).Type, observed, model.Field(j).Type, model)
		}
		if rules[name] != nil {
			ruled++
		}
		out = append(out, refreshedField{name: name, observed: i, model: j, takes: rules[name]})
	}
	if ruled != len(rules) {
		return nil, fmt.Errorf("read.go (refreshRules) has a rule for an attribute that %s and %s do not both have", observed, model)
	}
	return out, nil
}

// refreshedState returns state (a whole campaign value) with the observed
// attributes of c written in, by refreshedFields. zone is the account's
// time zone, in which the API writes start_at.
func refreshedState(ctx context.Context, state tftypes.Value, c *client.Campaign, zone *time.Location) (tftypes.Value, error) {
	var attrs map[string]tftypes.Value
	if err := state.As(&attrs); err != nil {
		return state, err
	}
	o := observe(c)
	observed := reflect.ValueOf(&o).Elem()
	for _, f := range refreshedFields() {
		if current := attrs[f.name]; f.takes != nil {
			var s string
			if knownValue(current) {
				_ = current.As(&s)
			}
			if !f.takes(c, s, knownValue(current), zone) {
				continue
			}
		}
		v, _ := observed.Field(f.observed).Interface().(attr.Value) // matchRefreshedFields: it is one
		tv, err := v.ToTerraformValue(ctx)
		if err != nil {
			return state, err
		}
		attrs[f.name] = tv
	}
	return tftypes.NewValue(state.Type(), attrs), nil
}

// refreshModel is campaignFromAPI: refreshedState's mapping, on the model.
func refreshModel(c *client.Campaign, m *campaignResourceModel, zone *time.Location) {
	o := observe(c)
	observed, model := reflect.ValueOf(&o).Elem(), reflect.ValueOf(m).Elem()
	for _, f := range refreshedFields() {
		if f.takes != nil {
			current, _ := model.Field(f.model).Interface().(attr.Value) // matchRefreshedFields: it is one
			var s string
			if str, ok := current.(types.String); ok {
				s = str.ValueString()
			}
			if !f.takes(c, s, framework.Known(current), zone) {
				continue
			}
		}
		model.Field(f.model).Set(observed.Field(f.observed))
	}
}

// refreshHint is what the state says for a page-backed refresh
// (client.RefreshCampaign): message_type and created_at as the API wrote
// them; "" when null or unknown (after an import), which makes the read a
// plain GET.
func refreshHint(ctx context.Context, state tfsdk.State) client.RefreshHint {
	var typ, created types.String
	if state.GetAttribute(ctx, path.Root("message_type"), &typ).HasError() ||
		state.GetAttribute(ctx, path.Root("created_at"), &created).HasError() {
		return client.RefreshHint{}
	}
	return client.RefreshHint{Type: typ.ValueString(), CreatedAt: created.ValueString()}
}

// knownValue reports a value that is neither null nor unknown.
func knownValue(v tftypes.Value) bool { return !v.IsNull() && v.IsKnown() }
