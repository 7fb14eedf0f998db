package stoplist

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// The oneapi_stop_list_entries resource: the phones of one channel's stop
// list that this configuration keeps there (POST /api/stoplist/attach and
// /detach, GET /api/stoplist).
//
// It is one resource per channel holding a set of phones, not one per
// phone: an account's opt-outs run to thousands, and one resource a phone
// would cost a refresh of the whole stop list per phone. It manages only
// the phones it lists: the platform adds opt-outs of its own (a subscriber
// who answers STOP), and those are never touched, nor shown as drift.
// Taking a phone off the list lets messages reach it again, so every plan
// that does it says which phones, on which channel; destroying the
// resource forgets its phones and leaves them opted out unless
// detach_on_destroy says otherwise.
//
// An import has no configuration (nor has the Read after it), so it takes
// every phone the channel's list has, and the configuration that
// -generate-config-out or terraform query writes lists them all. The
// phones it took are kept in private state until the first apply: a
// configuration that lists fewer adopts only the phones it lists, and the
// apply forgets the others without taking them off the stop list.

var (
	_ resource.Resource                = (*entriesResource)(nil)
	_ resource.ResourceWithConfigure   = (*entriesResource)(nil)
	_ resource.ResourceWithImportState = (*entriesResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*entriesResource)(nil)
	_ resource.ResourceWithIdentity    = (*entriesResource)(nil)
)

// NewEntriesResource returns the oneapi_stop_list_entries resource.
func NewEntriesResource() resource.Resource { return &entriesResource{} }

type entriesResource struct {
	framework.ResourceBase
}

type entriesModel struct {
	ID              types.String `tfsdk:"id"`
	Channel         types.String `tfsdk:"channel"`
	Phones          types.Set    `tfsdk:"phones"`
	DetachOnDestroy types.Bool   `tfsdk:"detach_on_destroy"`
}

func (r *entriesResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_stop_list_entries"
}

func (r *entriesResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"id": identityschema.StringAttribute{RequiredForImport: true, Description: "The channel: " + stopLists + "."},
	}}
}

func (r *entriesResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Phones that must not receive a channel's messages: the entries of the account's stop list " +
			"for `channel` that this configuration keeps there. Phones the stop list has for other reasons (a subscriber " +
			"who opted out, another configuration) are left alone. Taking a phone out of `phones` takes it off the stop list, " +
			"and the plan names it; destroying the resource keeps its phones on the stop list unless `detach_on_destroy` is true.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The channel, as `channel`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"channel": schema.StringAttribute{
				MarkdownDescription: "The stop list: `sms`, `viber` or `rcs`. Changing it replaces the resource (the old channel's " +
					"phones are kept, or detached with `detach_on_destroy`). WhatsApp is not offered: the stop list's answers carry " +
					"no WhatsApp flag, so the provider could not read it back.",
				Required:      true,
				Validators:    []validator.String{channelIs()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"phones": schema.SetAttribute{
				MarkdownDescription: "Phones, 9 to 15 digits with the country code and without a plus (`380661231231`). " +
					"Each is put on the stop list in place; each removed is taken off it (the plan names it), on this channel only.",
				ElementType: types.StringType,
				Required:    true,
				Validators:  []validator.Set{framework.PhonesAre()},
			},
			"detach_on_destroy": schema.BoolAttribute{
				MarkdownDescription: "Whether destroying the resource takes its phones off the stop list, so that messages reach " +
					"them again (default `false`: destroy forgets the phones and they stay opted out).",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
		},
	}
}

// stopLists names the channels with a stop list (the flags of the stop
// list's answers, in their order), for a sentence: "sms, viber or rcs".
var stopLists = framework.Sentence(client.StopListChannels, "or")

// channelIs accepts the channels with a stop list, and says what to write
// instead of anything else.
func channelIs() validator.String {
	return framework.StringCheck("must be "+stopLists, func(p path.Path, v string, d *diag.Diagnostics) {
		var why string
		other, isChannel := framework.ChannelOf(strings.ToLower(v))
		switch {
		case slices.Contains(client.StopListChannels, v):
			return
		case slices.Contains(client.StopListChannels, strings.ToLower(v)):
			why = fmt.Sprintf("%q is written in lower case: %q.", v, strings.ToLower(v))
		case isChannel && other.API == strings.ToLower(v) && !other.StopList:
			why = fmt.Sprintf("The stop list's answers carry no %s flag, so the provider cannot read a %s entry back: "+
				"use %s.", other.Title, other.Title, stopLists)
		default:
			why = fmt.Sprintf("%q is not a stop list: use %s.", v, stopLists)
		}
		d.AddAttributeError(p, "Invalid Stop List Channel", fmt.Sprintf("Attribute %s: %s", p, why))
	})
}

func (m entriesModel) phones() []string {
	return framework.SetStrings(m.Phones)
}

// ModifyPlan names the phones a plan takes off the stop list, and what a
// destroy leaves there.
func (r *entriesResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() {
		return
	}
	var state entriesModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	channel := state.Channel.ValueString()
	if req.Plan.Raw.IsNull() {
		phones := state.phones()
		if state.DetachOnDestroy.ValueBool() {
			reachableWarning(&resp.Diagnostics, "Destroying", channel, phones)
			return
		}
		resp.Diagnostics.AddWarning("Phones Stay on the Stop List",
			fmt.Sprintf("Destroying forgets %d phone(s) and leaves them on the %s stop list (detach_on_destroy is false): %s. "+
				"Nothing is sent to One-API.", len(phones), channel, phoneList(phones)))
		return
	}
	var plan entriesModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !framework.Known(plan.Phones) || plan.Channel.ValueString() != channel {
		return
	}
	detach, forget := dropped(ctx, req.Private, state, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if len(forget) > 0 {
		resp.Diagnostics.AddWarning("Imported Phones Stay on the Stop List",
			fmt.Sprintf("The import of the %s stop list took %d phone(s) that phones does not list: %s. An import adopts "+
				"only the phones the configuration lists: the apply forgets these and leaves them on the stop list, "+
				"and nothing is sent to take them off. To manage one of them, add it to phones. %s",
				channel, len(forget), phoneList(forget), importWayOut))
	}
	if len(detach) > 0 {
		reachableWarning(&resp.Diagnostics, "Removing them from phones", channel, detach)
	}
}

// importWayOut says how to take an imported phone off the stop list while
// the import's record stays (a configuration that lists every phone the
// import took plans no update, so no apply clears it).
const importWayOut = "To take one of them off the stop list instead, keep it in phones and first apply an in-place change " +
	"on its own (for example toggle detach_on_destroy, and toggle it back later): the first update after an import " +
	"clears the import's record, and from then on removing a phone from phones takes it off the stop list."

// privateImported is the private-state key of the phones an import took,
// until the first apply: a JSON array of phones.
const privateImported = "imported_phones"

// importedPhones are the phones an import took that no apply has
// confirmed since: a plan that drops them forgets them, and never takes
// them off the stop list. A record that cannot be read is an error
// (framework.ReadPrivate): nothing may be detached then.
func importedPhones(ctx context.Context, private framework.PrivateGetter, diags *diag.Diagnostics) []string {
	if p := framework.ReadPrivate[[]string](ctx, private, privateImported, "the phones an import took", diags); p != nil {
		return *p
	}
	return nil
}

// dropped splits the phones of state that plan no longer lists into those
// the apply takes off the stop list and those an import took, which it
// forgets. Both are empty when the import's record cannot be read (diags
// has the error).
func dropped(ctx context.Context, private framework.PrivateGetter, state, plan entriesModel, diags *diag.Diagnostics) (detach, forget []string) {
	imported := importedPhones(ctx, private, diags)
	if diags.HasError() {
		return nil, nil
	}
	removed := framework.Without(state.phones(), plan.phones())
	detach = framework.Without(removed, imported)
	return detach, framework.Without(removed, detach)
}

// reachableWarning names the phones that the apply takes off channel's
// stop list.
func reachableWarning(diags *diag.Diagnostics, what, channel string, phones []string) {
	diags.AddWarning("Phones Leave the Stop List",
		fmt.Sprintf("%s takes %d phone(s) off the %s stop list, so that %s messages can reach them again: %s. "+
			"Their entries on other channels stay. To keep a phone opted out, keep it in phones.",
			what, len(phones), channel, framework.TitleOf(channel), phoneList(phones)))
}

// phoneList writes phones for a sentence: every one, sorted.
func phoneList(phones []string) string {
	sorted := slices.Clone(phones)
	slices.Sort(sorted)
	return strings.Join(sorted, ", ")
}

func (r *entriesResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan entriesModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = plan.Channel
	if !r.change(ctx, plan.Channel.ValueString(), plan.phones(), nil, "Unable to Put Phones on the Stop List", &resp.Diagnostics) {
		return
	}
	// A replacement's create starts from the old object's private state.
	framework.WritePrivate[[]string](ctx, resp.Private, privateImported, nil, &resp.Diagnostics)
	r.save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

func (r *entriesResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state entriesModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Phones an import took that the configuration does not list are
	// forgotten, not taken off: an import adopts only the listed phones.
	remove, _ := dropped(ctx, req.Private, state, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	add := framework.Without(plan.phones(), state.phones())
	if !r.change(ctx, plan.Channel.ValueString(), add, remove, "Unable to Change the Stop List", &resp.Diagnostics) {
		return
	}
	framework.WritePrivate[[]string](ctx, resp.Private, privateImported, nil, &resp.Diagnostics)
	r.save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

func (r *entriesResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state entriesModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !state.DetachOnDestroy.ValueBool() {
		return
	}
	r.change(ctx, state.Channel.ValueString(), nil, state.phones(), "Unable to Take Phones off the Stop List", &resp.Diagnostics)
}

// change puts add on channel's stop list and takes remove off it
// (framework.MembershipChange: a write that may have taken effect without
// an answer is checked by reading the stop list).
func (r *entriesResource) change(ctx context.Context, channel string, add, remove []string, summary string, diags *diag.Diagnostics) bool {
	return framework.MembershipChange{
		Summary: summary, Set: "the " + channel + " stop list", Add: add, Remove: remove,
		Write: func() error {
			if len(add) > 0 {
				if _, err := r.Client.AttachStopList(ctx, add, []string{channel}); err != nil {
					return err
				}
			}
			if len(remove) > 0 {
				return r.detach(ctx, channel, remove)
			}
			return nil
		},
		Members: func() (map[string]bool, error) {
			listed, err := r.Client.StopListByPhone(ctx)
			on := map[string]bool{}
			for p, e := range listed {
				on[p] = e.On(channel)
			}
			return on, err
		},
		Refused: func(err error) diag.Diagnostics {
			return diag.Diagnostics{framework.ObjectErrorDiagnostic(summary, r.Client, stopListObject(channel), err)}
		},
	}.Apply(diags)
}

// detach takes phones off channel's stop list by their entries' ids; a
// phone with no entry on channel is already off it.
func (r *entriesResource) detach(ctx context.Context, channel string, phones []string) error {
	listed, err := r.Client.StopListByPhone(ctx)
	if err != nil {
		return err
	}
	var ids []int64
	for _, p := range phones {
		if e, ok := listed[p]; ok && e.On(channel) {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return r.Client.DetachStopList(ctx, ids, []string{channel})
}

// save writes the model into the state and the channel into the identity.
func (r *entriesResource) save(ctx context.Context, state *tfsdk.State, identity *tfsdk.ResourceIdentity, m *entriesModel, diags *diag.Diagnostics) {
	diags.Append(state.Set(ctx, m)...)
	framework.SetIdentity(ctx, identity, m.Channel, diags)
}

// Read keeps the phones of the state that the stop list still has on the
// channel: one taken off outside Terraform is planned to go back on. An
// import (no phones yet) takes every phone the channel's list has, and
// notes them in private state: the configuration decides which it adopts.
func (r *entriesResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state entriesModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	channel := state.ID.ValueString()
	listed, err := r.Client.StopListByPhone(ctx)
	if err != nil {
		resp.Diagnostics.Append(framework.ObjectErrorDiagnostic("Unable to Read the Stop List", r.Client, stopListObject(channel), err))
		return
	}
	var phones []string
	if state.Phones.IsNull() {
		for p, e := range listed {
			if e.On(channel) {
				phones = append(phones, p)
			}
		}
		if len(phones) > 0 {
			slices.Sort(phones)
			framework.WritePrivate(ctx, resp.Private, privateImported, &phones, &resp.Diagnostics)
		}
	} else {
		for _, p := range state.phones() {
			if e, ok := listed[p]; ok && e.On(channel) {
				phones = append(phones, p)
			}
		}
	}
	slices.Sort(phones)
	state.Channel = types.StringValue(channel)
	state.Phones = framework.StringSet(phones)
	if state.DetachOnDestroy.IsNull() {
		state.DetachOnDestroy = types.BoolValue(false)
	}
	r.save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

// ImportState takes the channel; the Read after it takes every phone its
// stop list has, of which the configuration adopts those it lists.
func (r *entriesResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	channel := framework.ImportID(ctx, req, &resp.Diagnostics)
	if !slices.Contains(client.StopListChannels, channel) {
		resp.Diagnostics.AddError("Invalid Import Id",
			fmt.Sprintf("%q is not a stop list. Import with the channel, %s, for example: "+
				"terraform import oneapi_stop_list_entries.sms sms", channel, stopLists))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), channel)...)
	framework.SetIdentity(ctx, resp.Identity, types.StringValue(channel), &resp.Diagnostics)
}

// stopListObject names a channel's stop list in diagnostics.
func stopListObject(channel string) framework.APIObject {
	return framework.APIObject{Kind: "stop list", ID: channel, List: "the oneapi_stop_list data source"}
}
