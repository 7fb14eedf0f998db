package provider_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

func readExample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAccExamples_campaign applies the documented examples as they are
// written, against the stand-in.
func TestAccExamples_campaign(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	// A campaign scheduled ten days ahead, sent outside Terraform.
	existing, err := sb.Client().CreateRCSCampaign(context.Background(), client.RCSCampaignRequest{
		Phones: []client.Phone{{Number: "380661231239"}}, Sender: "agent",
		Options: client.RCSOptions{Text: "Hi"}, StartAt: sb.Now().Add(10 * 24 * time.Hour).UTC().Format(client.TimeLayout),
	})
	if err != nil {
		t.Fatal(err)
	}
	importThenStop := strings.ReplaceAll(readExample(t, "resources/oneapi_campaign/import-then-stop.tf"),
		"53708808", strconv.FormatInt(existing.ID, 10))
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckNothingLeftSending(),
		Steps: []resource.TestStep{
			{
				Config: sb.ProviderBlock() + readExample(t, "resources/oneapi_campaign/resource.tf"),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue("oneapi_campaign.black_friday", "status", knownvalue.StringExact("creation")),
					// timeadd(plantimestamp(), "24h"): RFC 3339, a day ahead.
					acctest.StateValue("oneapi_campaign.black_friday", "start_at", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					acctest.StateValue("oneapi_campaign.black_friday", "sms_fallback_statistics", knownvalue.NotNull()),
				},
			},
			{
				PreConfig: func() { sb.Advance(16 * time.Second) }, // scheduled
				Config:    sb.ProviderBlock() + readExample(t, "resources/oneapi_campaign/resource.tf") + importThenStop,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateValue("oneapi_campaign.black_friday", "status", knownvalue.StringExact("scheduled")),
					acctest.StateValue("oneapi_campaign.runaway", "status", knownvalue.StringExact("stopped")),
				},
			},
		},
	})
}

// TestAccExamples_channels applies the Viber cascade, WhatsApp and personal
// SMS examples as written. Four seconds into sending, the cascade's
// recipient without Viber (380661231230 on the stand-in) was sent the SMS.
func TestAccExamples_channels(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	config := sb.ProviderBlock() + readExample(t, "resources/oneapi_campaign/viber-cascade.tf") +
		readExample(t, "resources/oneapi_campaign/whatsapp.tf") + readExample(t, "resources/oneapi_campaign/personal-sms.tf")
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckDestroyed("stopped"),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("oneapi_campaign.spring_sale", "message_type", knownvalue.StringExact("viber")),
				acctest.StateValue("oneapi_campaign.order_ready", "message_type", knownvalue.StringExact("whatsapp")),
				acctest.StateValue("oneapi_campaign.vaccination_reminders", "message_type", knownvalue.StringExact("sms")),
			},
		}, {
			PreConfig: func() { sb.Advance(19 * time.Second) },
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("oneapi_campaign.spring_sale", plancheck.ResourceActionNoop),
				plancheck.ExpectResourceAction("oneapi_campaign.order_ready", plancheck.ResourceActionNoop),
				plancheck.ExpectResourceAction("oneapi_campaign.vaccination_reminders", plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("spring_sale_sms", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"sent": knownvalue.Int64Exact(1), "delivered": knownvalue.Int64Exact(0)})),
				statecheck.ExpectKnownOutputValue("spring_sale_viber", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"sent": knownvalue.Int64Exact(2), "delivered": knownvalue.Int64Exact(0)})),
				acctest.StateValue("oneapi_campaign.order_ready", "sms_fallback_statistics", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"sent": knownvalue.Int64Exact(0), "delivered": knownvalue.Int64Exact(0)})),
			},
		}},
	})
}

// TestAccExamples_contactBook applies the examples of the contact book and
// account resources and data sources as written; the ids they name are
// those of lists the stand-in has.
func TestAccExamples_contactBook(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	newsletter, err := sb.Client().CreateContactList(context.Background(), client.ContactListRequest{Name: "Newsletter"})
	if err != nil {
		t.Fatal(err)
	}
	config := sb.ProviderBlock() +
		readExample(t, "resources/oneapi_contact_list/resource.tf") +
		readExample(t, "resources/oneapi_contact/resource.tf") +
		readExample(t, "data-sources/oneapi_contact_lists/data-source.tf") +
		readExample(t, "data-sources/oneapi_senders/data-source.tf") +
		readExample(t, "data-sources/oneapi_balance/data-source.tf") +
		strings.ReplaceAll(readExample(t, "data-sources/oneapi_campaign_price/data-source.tf"), "1864620", strconv.FormatInt(newsletter.ID, 10))
	acctest.Test(t, resource.TestCase{
		CheckDestroy: sb.CheckGone(),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateValue("oneapi_contact_list.vip", "name", knownvalue.StringExact("VIP customers")),
				acctest.StateValue("oneapi_contact.anna", "fields", knownvalue.MapExact(map[string]knownvalue.Check{"387714": knownvalue.StringExact("Anna")})),
				statecheck.ExpectKnownOutputValue("newsletter_list_id", knownvalue.StringExact(strconv.FormatInt(newsletter.ID, 10))),
				statecheck.ExpectKnownOutputValue("sms_senders", knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.StringExact("Shop")})),
				statecheck.ExpectKnownOutputValue("funds", knownvalue.StringExact("100 USD")),
				statecheck.ExpectKnownOutputValue("sale_price", knownvalue.StringRegexp(regexp.MustCompile(`^[0-9.]+ USD$`))),
			},
		}},
	})
}

// TestDocsSayWhatStatisticsCount: every page that shows the statistics
// says what sent and delivered count, and that delivered can exceed sent
// (READ counts in delivered only).
func TestDocsSayWhatStatisticsCount(t *testing.T) {
	for _, page := range []string{"resources/campaign.md", "data-sources/campaign.md", "data-sources/campaigns.md"} {
		b, err := os.ReadFile("../../docs/" + page)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"READ messages are not counted here but are in `delivered`, so `delivered` can exceed `sent`", "Messages in DELIVERED or READ"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("docs/%s does not say %q", page, want)
			}
		}
	}
}

// TestDocsNameNoFixedStartTime: a start_at written as a date in the docs or
// the examples is past one day, and a copied example then fails the
// 30-day check; they compute it (timeadd(plantimestamp(), ...)).
func TestDocsNameNoFixedStartTime(t *testing.T) {
	fixed := regexp.MustCompile(`start_at\s*=\s*"\d{4}-\d{2}-\d{2}`)
	checked := 0
	for _, root := range []string{"../../docs", "../../examples", "../../templates"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			checked++
			for _, m := range fixed.FindAllString(string(b), -1) {
				t.Errorf("%s: %s... is a fixed date: compute it from plantimestamp()", path, m)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked < 30 {
		t.Errorf("checked %d files; the walk found too few", checked)
	}
}

// TestAccExamples_actionsAndListResources runs the documented
// examples as written, with the stand-in's ids for the examples' ids.
func TestAccExamples_actionsAndListResources(t *testing.T) {
	acctest.RequireNative(t)
	sb := acctest.StartSandbox(t)
	ids := sb.SeedCampaigns(2, false, "rcs_sender") // one paused, one sending (found by the query)
	sb.Advance(20 * time.Second)
	if err := sb.SetStatus(ids[0], client.StatusPaused); err != nil {
		t.Fatal(err)
	}
	cli := acctest.NewCLI(t, nil)
	cli.Write("provider.tf", acctest.RequiredProviders+sb.ProviderBlock())
	id := fmt.Sprint(ids[0])
	for _, name := range []string{"oneapi_campaign_renew", "oneapi_campaign_stop"} {
		cli.Write(name+".tf", strings.ReplaceAll(readExample(t, "actions/"+name+"/action.tf"), "53708808", id))
	}
	if _, err := sb.Client().AttachStopList(context.Background(), []string{"380661231239"}, []string{"sms"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"oneapi_campaign", "oneapi_contact_list", "oneapi_contact", "oneapi_contact_field", "oneapi_contact_list_members", "oneapi_stop_list_entries"} {
		example := strings.ReplaceAll(readExample(t, "list-resources/"+name+"/list-resource.tfquery.hcl"), "1864620", "101")
		cli.Write(name+".tfquery.hcl", strings.ReplaceAll(example, "2026-06-01 00:00:00", sb.Now().AddDate(0, -1, 0).Format("2006-01-02 15:04:05")))
	}
	cli.Init()
	cli.MustRun("apply", "-invoke=action.oneapi_campaign_renew.resume", "-auto-approve", "-no-color")
	cli.MustRun("apply", "-invoke=action.oneapi_campaign_stop.runaway", "-auto-approve", "-no-color")
	if sb.Status(ids[0]) != client.StatusStopped || sb.Count("PUT /api/campaigns/{id}/renew") != 1 {
		t.Errorf("status %s after renew and stop, want stopped", sb.Status(ids[0]))
	}
	cli.Write("oneapi_message_send.tf", readExample(t, "actions/oneapi_message_send/action.tf"))
	for range 2 { // as its comment says: the second invoke sends nothing
		cli.MustRun("apply", "-invoke=action.oneapi_message_send.proof", "-auto-approve", "-no-color")
	}
	if n := sb.Count("POST /api/messages/send"); n != 1 {
		t.Errorf("%d messages sent by two invokes of the proof example, want 1", n)
	}
	out := cli.MustRun("query", "-no-color")
	for _, want := range []string{"list.oneapi_contact.vip ", fmt.Sprintf("list.oneapi_campaign.agent   id=%d ", ids[1]),
		"list.oneapi_contact_field.all   id=387714 ", "list.oneapi_contact_list_members.vip   id=101 ", "list.oneapi_stop_list_entries.sms   id=sms "} {
		if !strings.Contains(out, want) {
			t.Errorf("the query examples found no %s:\n%s", want, out)
		}
	}
}
