package campaign_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/campaign"
)

// planCase is one PlanResourceChange request of the corpus.
type planCase struct {
	name                   string
	prior, config, planned tftypes.Value
	private                []byte
}

// fastPlanCorpus generates requests as Terraform sends them: every status,
// every prior and configured desired_state, imported or not, found or not,
// with and without content, stop_on_destroy default or set, start_at and
// timeouts given or left out, unknown values, and changes.
func fastPlanCorpus(t *testing.T) []planCase {
	t.Helper()
	typ := campaign.CampaignStateType().(tftypes.Object)
	null := func(name string) tftypes.Value { return tftypes.NewValue(typ.AttributeTypes[name], nil) }
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	rcs := tftypes.NewValue(typ.AttributeTypes["rcs"], map[string]tftypes.Value{
		"sender": str("agent"), "text": str("Hello"), "cards": tftypes.NewValue(typ.AttributeTypes["rcs"].(tftypes.Object).AttributeTypes["cards"], nil),
	})
	phones := tftypes.NewValue(typ.AttributeTypes["recipients"], map[string]tftypes.Value{
		"phones": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{str("380661231231")}),
		"groups": tftypes.NewValue(tftypes.Set{ElementType: tftypes.Number}, nil),
	})
	stats := tftypes.NewValue(typ.AttributeTypes["statistics"], map[string]tftypes.Value{
		"sent": tftypes.NewValue(tftypes.Number, 3), "delivered": tftypes.NewValue(tftypes.Number, 2),
	})
	timeouts := tftypes.NewValue(typ.AttributeTypes["timeouts"], map[string]tftypes.Value{
		"create": str("5m"), "read": tftypes.NewValue(tftypes.String, nil), "update": tftypes.NewValue(tftypes.String, nil), "delete": str("1h"),
	})
	privates := map[string][]byte{
		"none": nil, "imported": []byte(`{"imported":"dHJ1ZQ=="}`), "not found": []byte(`{"not_found":"dHJ1ZQ=="}`),
		"imported, not found": []byte(`{"imported":"dHJ1ZQ==","not_found":"dHJ1ZQ=="}`), "empty": {},
		// An unresolved create (pending.go) always plans an update.
		"pending create": []byte(`{"pending_create":"` + base64.StdEncoding.EncodeToString([]byte(
			`{"path":"/api/campaigns/rcs/send","reference_ids":["a1"],"sender":"rcs_sender","message_type":"rcs","started":"2026-11-27T10:00:00Z","fingerprint":"00"}`)) + `"}`),
	}
	var out []planCase
	for _, status := range campaign.CampaignStatuses {
		for _, priorDesired := range []string{"", campaign.DesiredActive, campaign.DesiredStopped} {
			for _, configDesired := range []string{"same", "", campaign.DesiredActive, campaign.DesiredStopped, "unknown"} {
				for privName, private := range privates {
					for _, content := range []bool{true, false} {
						for _, stop := range []string{"default", "true", "false", "false by default"} {
							for _, extras := range []bool{false, true} {
								prior := map[string]tftypes.Value{}
								for name := range typ.AttributeTypes {
									prior[name] = null(name)
								}
								prior["id"], prior["name"], prior["status"], prior["message_type"] = str("3000000001"), str("RCS api campaign"), str(status), str("rcs")
								prior["created_at"], prior["start_at"], prior["statistics"] = str("2026-11-27 10:00:00"), str("2026-12-01 09:00:00"), stats
								prior["calculated_price"], prior["currency"] = str("0.02"), str("USD")
								prior["stop_on_destroy"] = tftypes.NewValue(tftypes.Bool, stop != "false" && stop != "false by default")
								if priorDesired != "" {
									prior["desired_state"] = str(priorDesired)
								}
								if content {
									prior["recipients"], prior["rcs"] = phones, rcs
								}
								if extras {
									prior["timeouts"] = timeouts
								}
								config := map[string]tftypes.Value{}
								for name, v := range prior {
									config[name] = v
								}
								for _, name := range acctest.ComputedOnly {
									config[name] = null(name)
								}
								if !extras {
									config["start_at"] = null("start_at")
								}
								switch stop {
								case "default", "false by default":
									config["stop_on_destroy"] = null("stop_on_destroy")
								}
								switch configDesired {
								case "same":
								case "":
									config["desired_state"] = null("desired_state")
								case "unknown":
									config["desired_state"] = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
								default:
									config["desired_state"] = str(configDesired)
								}
								// Terraform's proposed new state: the configuration,
								// with the prior values of computed attributes it
								// leaves null.
								planned := map[string]tftypes.Value{}
								for name, v := range config {
									planned[name] = v
								}
								for _, name := range append([]string{"start_at", "stop_on_destroy"}, acctest.ComputedOnly...) {
									if config[name].IsNull() {
										planned[name] = prior[name]
									}
								}
								out = append(out, planCase{
									name:  fmt.Sprintf("%s/%s->%s/%s/content=%v/stop=%s/extras=%v", status, priorDesired, configDesired, privName, content, stop, extras),
									prior: tftypes.NewValue(typ, prior), config: tftypes.NewValue(typ, config), planned: tftypes.NewValue(typ, planned),
									private: private,
								})
							}
						}
					}
				}
			}
		}
	}
	return out
}

// TestFastPlanMatchesTheFramework sends every request of the corpus to the
// framework and to the fast path, each with the prior identity Terraform
// 1.12 and later send and without one, as Terraform 1.11 and older send it
// (and as 1.12 sends a state written before identities). Wherever the fast
// path answers, its answer must be the framework's, byte for byte: the
// same planned state, planned identity (a null one where none was sent),
// private data, replacements and diagnostics (none). Whether it answers
// must not depend on the identity.
func TestFastPlanMatchesTheFramework(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	framework := providerserver.NewProtocol6(provider.New("test")())()
	if _, err := framework.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}
	typ := campaign.CampaignStateType()
	dv := func(v tftypes.Value) *tfprotov6.DynamicValue {
		d, err := tfprotov6.NewDynamicValue(typ, v)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	idType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}
	identity := func(id tftypes.Value) *tfprotov6.ResourceIdentityData {
		d, err := tfprotov6.NewDynamicValue(idType, tftypes.NewValue(idType, map[string]tftypes.Value{"id": id}))
		if err != nil {
			t.Fatal(err)
		}
		return &tfprotov6.ResourceIdentityData{IdentityData: &d}
	}
	nullIdentity, err := tfprotov6.NewDynamicValue(idType, tftypes.NewValue(idType, nil))
	if err != nil {
		t.Fatal(err)
	}
	// The prior identities a request can carry: Terraform 1.12's (the
	// state's id; now and then a null one), and none (Terraform 1.11, or
	// a state written before identities), sent as no identity or as an
	// identity without data.
	withIdentity := func(i int, prior tftypes.Value) *tfprotov6.ResourceIdentityData {
		var attrs map[string]tftypes.Value
		if err := prior.As(&attrs); err != nil {
			t.Fatal(err)
		}
		if i%7 == 0 {
			return &tfprotov6.ResourceIdentityData{IdentityData: &nullIdentity}
		}
		return identity(attrs["id"])
	}
	withoutIdentity := func(i int, _ tftypes.Value) *tfprotov6.ResourceIdentityData {
		if i%2 == 0 {
			return nil
		}
		return &tfprotov6.ResourceIdentityData{}
	}
	corpus := fastPlanCorpus(t)
	answered := map[string]int{}
	for i, c := range corpus {
		var answers []bool
		for _, variant := range []struct {
			name     string
			identity func(int, tftypes.Value) *tfprotov6.ResourceIdentityData
		}{{"with identity", withIdentity}, {"without identity", withoutIdentity}} {
			req := &tfprotov6.PlanResourceChangeRequest{
				TypeName: "oneapi_campaign", PriorState: dv(c.prior), ProposedNewState: dv(c.planned), Config: dv(c.config), PriorPrivate: c.private,
				PriorIdentity: variant.identity(i, c.prior),
			}
			fast := campaign.FastPlan(req)
			answers = append(answers, fast != nil)
			if fast == nil {
				continue
			}
			answered[variant.name]++
			slow, err := framework.PlanResourceChange(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if diff := planDifference(typ, fast, slow); diff != "" {
				t.Errorf("%s, %s: the fast path's answer is not the framework's: %s", c.name, variant.name, diff)
			}
		}
		if answers[0] != answers[1] {
			t.Errorf("%s: the fast path answered with identity %v, without %v", c.name, answers[0], answers[1])
		}
	}
	t.Logf("%d requests, each with and without identity; answered by the fast path, each as the framework answers: %v", len(corpus), answered)
	for _, variant := range []string{"with identity", "without identity"} {
		if answered[variant] < len(corpus)/20 {
			t.Errorf("the fast path answered only %d of %d requests %s: the corpus does not exercise it", answered[variant], len(corpus), variant)
		}
	}
}

// planDifference describes how the fast path's answer differs from the
// framework's, field by field and byte for byte, or is "".
func planDifference(typ tftypes.Type, fast, slow *tfprotov6.PlanResourceChangeResponse) string {
	if len(slow.Diagnostics) > 0 {
		return fmt.Sprintf("the framework has diagnostics: %s: %s", slow.Diagnostics[0].Summary, slow.Diagnostics[0].Detail)
	}
	if fast.PlannedState == nil || slow.PlannedState == nil || !bytes.Equal(fast.PlannedState.MsgPack, slow.PlannedState.MsgPack) ||
		len(fast.PlannedState.JSON)+len(slow.PlannedState.JSON) > 0 {
		got, _ := fast.PlannedState.Unmarshal(typ)
		want, _ := slow.PlannedState.Unmarshal(typ)
		diffs, _ := got.Diff(want)
		return fmt.Sprintf("planned state: %v", diffs)
	}
	var got, want []byte
	if fast.PlannedIdentity != nil && fast.PlannedIdentity.IdentityData != nil {
		got = fast.PlannedIdentity.IdentityData.MsgPack
	}
	if slow.PlannedIdentity != nil && slow.PlannedIdentity.IdentityData != nil {
		want = slow.PlannedIdentity.IdentityData.MsgPack
	}
	if (fast.PlannedIdentity == nil) != (slow.PlannedIdentity == nil) || !bytes.Equal(got, want) {
		return fmt.Sprintf("planned identity %x, the framework's %x (%v, %v)", got, want, fast.PlannedIdentity, slow.PlannedIdentity)
	}
	if !bytes.Equal(fast.PlannedPrivate, slow.PlannedPrivate) {
		return fmt.Sprintf("private %q, the framework's %q", fast.PlannedPrivate, slow.PlannedPrivate)
	}
	if len(fast.RequiresReplace)+len(slow.RequiresReplace) > 0 || fast.Deferred != nil || slow.Deferred != nil || len(fast.Diagnostics) > 0 {
		return fmt.Sprintf("replace %v / %v, deferred %v / %v, diagnostics %d",
			fast.RequiresReplace, slow.RequiresReplace, fast.Deferred, slow.Deferred, len(fast.Diagnostics))
	}
	return ""
}

// TestAccCampaign_unchangedPlanTakesTheFastPath plans many unchanged
// campaigns through the CLI of the run: every plan of them is answered by
// the fast path, none by the framework. Terraform 1.11 and older send no
// prior identity, so there it is the path without identity that answers.
// Not parallel: FastPlan's counters are the process's, and the package's
// parallel tests only run once every sequential test is done.
func TestAccCampaign_unchangedPlanTakesTheFastPath(t *testing.T) {
	const n = 30
	sb := acctest.StartSandbox(t)
	noIdentities := acctest.CLIVersion(t).LessThan(version.Must(version.NewVersion("1.12.0")))
	config := sb.ProviderBlock() + fmt.Sprintf(`
resource "oneapi_campaign" "c" {
  count      = %d
  recipients = { phones = [format("3806%%08d", count.index)] }
  rcs        = { sender = "rcs_sender", text = "Fast plan" }
}
`, n)
	var with, without, declined int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{
			{Config: config},
			{
				// The campaigns leave "creation" (and can be stopped at the
				// destroy); nothing configured changes.
				PreConfig: func() {
					sb.Advance(20 * time.Second)
					with, without, declined = campaign.FastPlans()
				},
				Config:           config,
				ConfigPlanChecks: acctest.EmptyPlan(),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Verify(func() error {
					w, wo, d := campaign.FastPlans()
					w, wo, d = w-with, wo-without, d-declined
					t.Logf("plans answered by the fast path: %d with identity, %d without; by the framework: %d", w, wo, d)
					switch {
					case d > 0:
						return fmt.Errorf("%d plans of unchanged campaigns went to the framework", d)
					case w+wo < n:
						return fmt.Errorf("the fast path answered %d plans of %d unchanged campaigns", w+wo, n)
					case noIdentities && (wo < n || w > 0):
						return fmt.Errorf("Terraform < 1.12 sends no identity, yet the fast path answered %d plans without, %d with", wo, w)
					}
					return nil
				})},
			},
		},
	})
}
