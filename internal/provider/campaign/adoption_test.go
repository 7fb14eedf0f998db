package campaign_test

// Nothing is adopted without proof: a campaign enters the state only when
// the platform's answer proves it is the one this request made (our
// reference_ids on its messages, or an answer that echoes the request),
// and nothing the state did not prove its own is ever stopped.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// front sits before a stand-in and, once armed, does one thing to the
// next create call (path): act.
type front struct {
	sb   *acctest.Sandbox
	path string
	mu   sync.Mutex
	act  func(w http.ResponseWriter, r *http.Request)
}

func startFront(t *testing.T, path string) *front {
	t.Helper()
	f := &front{sb: acctest.StartSandbox(t), path: path}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	f.sb.URL = srv.URL
	return f
}

func (f *front) arm(act func(w http.ResponseWriter, r *http.Request)) {
	f.mu.Lock()
	f.act = act
	f.mu.Unlock()
}

func (f *front) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	act := f.act
	if r.Method == http.MethodPost && r.URL.Path == f.path {
		f.act = nil
	} else {
		act = nil
	}
	f.mu.Unlock()
	if act == nil {
		f.sb.ServeHTTP(w, r)
		return
	}
	act(w, r)
}

// dropConnection closes the connection without an answer.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		_ = conn.Close()
	}
}

// otherWorkspaceSends is another workspace's campaign to the same list,
// from the same sender.
func otherWorkspaceSends(t *testing.T, sb *acctest.Sandbox) *client.Campaign {
	t.Helper()
	cp, err := sb.Client().CreateSMSCampaign(context.Background(), client.SMSCampaignRequest{
		Groups: []int64{101}, Sender: "Shop", Text: "Members' sale"})
	if err != nil {
		t.Fatal(err)
	}
	return cp
}

const listCampaign = `
  recipients = { groups = [101] }
  sms        = { sender = "Shop", text = "Members' sale" }
`

// TestAccCampaign_lostListCreateAdoptsNoOtherCampaign: two workspaces send
// the same content to the same list; ours is dropped before the platform
// commits it, while the other's is made. Nothing proves whose a contact-
// list campaign is, so none is adopted: the apply and the plan name the
// candidate and the way out, and the destroy stops nothing. (Before, the
// recovery adopted the other workspace's campaign and the destroy stopped
// it.) Following the advice's replace sends ours, once.
func TestAccCampaign_lostListCreateAdoptsNoOtherCampaign(t *testing.T) {
	acctest.RequireNative(t)
	f := startFront(t, "/api/campaigns/sms/send-groups")
	var other *client.Campaign
	f.arm(func(w http.ResponseWriter, _ *http.Request) {
		other = otherWorkspaceSends(t, f.sb)
		dropConnection(w)
	})
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+f.sb.ProviderBlock()+"resource \"oneapi_campaign\" \"sale\" {\n"+listCampaign+"}\n")
	cli.Init()
	out, err := cli.Run("apply", "-auto-approve", "-no-color")
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	otherID := strconv.FormatInt(other.ID, 10)
	mustContain(t, out, "Campaign Create Unresolved", "campaign(s) "+otherID, "none is adopted",
		"terraform state rm ADDRESS, then terraform import ADDRESS ID, then terraform apply")
	if got := stateID(t, cli, "oneapi_campaign.sale"); got != "" {
		t.Fatalf("the state holds campaign %q (the other workspace's is %s): want none", got, otherID)
	}
	out, err = cli.Run("plan", "-no-color")
	if err != nil {
		t.Fatalf("plan: %v\n%s", err, out)
	}
	mustContain(t, out, "the last search found that campaign(s) "+otherID, "terraform import ADDRESS ID", "-replace=ADDRESS")

	// The way out for a campaign that was never sent: replace.
	f.sb.ResetCounters()
	out, err = cli.Run("apply", "-auto-approve", "-no-color", "-replace=oneapi_campaign.sale")
	if err != nil {
		t.Fatalf("apply -replace: %v\n%s", err, out)
	}
	if n := f.sb.Count("POST /api/campaigns/sms/send-groups"); n != 1 {
		t.Errorf("creates on -replace: %d, want 1", n)
	}
	ours := stateID(t, cli, "oneapi_campaign.sale")
	if ours == "" || ours == otherID {
		t.Fatalf("after -replace the state holds %q (the other's is %s)", ours, otherID)
	}
	f.sb.Advance(16 * 1e9) // into sending: the destroy's stop is accepted
	if out, err = cli.Run("destroy", "-auto-approve", "-no-color"); err != nil {
		t.Fatalf("destroy: %v\n%s", err, out)
	}
	if calls := f.sb.CallsTo(other.ID, "/stop"); len(calls) != 0 {
		t.Errorf("the other workspace's campaign was stopped: %v", calls)
	}
	if calls := f.sb.CallsTo(mustInt(t, ours), "/stop"); len(calls) != 1 {
		t.Errorf("our campaign's stops: %v, want 1", calls)
	}
}

// TestAccCampaign_lostListCreateIsAdoptedByImport: our create is committed
// and its answer lost. The candidate is named and not adopted; following
// the advice (state rm, import the candidate) adopts it with an empty plan
// and no second create.
func TestAccCampaign_lostListCreateIsAdoptedByImport(t *testing.T) {
	acctest.RequireNative(t)
	f := startFront(t, "/api/campaigns/sms/send-groups")
	f.arm(func(w http.ResponseWriter, r *http.Request) {
		f.sb.ServeHTTP(httptest.NewRecorder(), r) // committed, answer lost
		dropConnection(w)
	})
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+f.sb.ProviderBlock()+"resource \"oneapi_campaign\" \"sale\" {\n"+listCampaign+"}\n")
	cli.Init()
	out, err := cli.Run("apply", "-auto-approve", "-no-color")
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	ids := f.sb.CampaignIDs()
	if len(ids) != 1 {
		t.Fatalf("campaigns %v, want 1", ids)
	}
	id := strconv.FormatInt(ids[0], 10)
	mustContain(t, out, "Campaign Create Unresolved", "campaign(s) "+id)
	out, err = cli.Run("apply", "-auto-approve", "-no-color")
	if err == nil {
		t.Fatalf("a second apply adopted or sent something:\n%s", out)
	}
	mustContain(t, out, "Campaign Create Still Unresolved", "Applying again will not resolve it", "terraform import ADDRESS ID")
	for _, args := range [][]string{{"state", "rm", "oneapi_campaign.sale"}, {"import", "-no-color", "oneapi_campaign.sale", id}} {
		if out, err := cli.Run(args...); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	f.sb.ResetCounters()
	if out, err := cli.Run("apply", "-auto-approve", "-no-color"); err != nil {
		t.Fatalf("the apply after the import: %v\n%s", err, out)
	}
	if calls := f.sb.CallsTo(ids[0], "/stop", "/renew"); len(calls) != 0 || f.sb.CountCreates() != 0 {
		t.Errorf("the apply after the import sent %v and %d creates: want nothing", calls, f.sb.CountCreates())
	}
	if out, err := cli.Run("plan", "-detailed-exitcode", "-no-color"); err != nil {
		t.Fatalf("the plan after the import and apply is not empty: %v\n%s", err, out)
	}
	if ids := f.sb.CampaignIDs(); len(ids) != 1 {
		t.Errorf("campaigns: %v, want 1", ids)
	}
	f.sb.Advance(16 * 1e9)
	if out, err := cli.Run("destroy", "-auto-approve", "-no-color"); err != nil {
		t.Fatalf("destroy: %v\n%s", err, out)
	}
}

// answerWith makes the armed create reach the stand-in and then answers
// it with another campaign's body, as a proxy or a cache might.
func (f *front) answerWith(t *testing.T, id *int64) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		f.sb.ServeHTTP(httptest.NewRecorder(), r) // the platform creates ours
		cp, err := f.sb.Client().GetCampaign(context.Background(), *id)
		if err != nil {
			t.Error(err)
		}
		body, _ := json.Marshal(map[string]any{"data": cp})
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}
}

// TestAccCampaign_answerOfAnotherCampaignIsNotBelieved: the platform
// creates our campaign, but the answer describes campaign B (same sender,
// same type), which another resource holds. Our first message's
// reference_id is listed under ours: that one goes into the state, and B
// is left alone (the destroy stops each once). Before, the state took B,
// ours was sent untracked, and the destroy stopped B twice.
func TestAccCampaign_answerOfAnotherCampaignIsNotBelieved(t *testing.T) {
	t.Parallel()
	f := startFront(t, "/api/campaigns/rcs/send")
	b := `resource "oneapi_campaign" "b" {
  recipients = { phones = ["380661231231"] }
  rcs        = { sender = "rcs_sender", text = "First" }
}
`
	a := `resource "oneapi_campaign" "a" {
  recipients = { phones = ["380661231232"] }
  rcs        = { sender = "rcs_sender", text = "Second" }
}
`
	var bID, aID int64
	acctest.Test(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			for _, id := range []int64{aID, bID} {
				if n := len(f.sb.CallsTo(id, "/stop")); n != 1 {
					return fmt.Errorf("campaign %d was stopped %d times, want 1", id, n)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: f.sb.ProviderBlock() + b,
			Check:  acctest.IDOf("oneapi_campaign.b", &bID),
		}, {
			PreConfig: func() { f.arm(f.answerWith(t, &bID)) },
			Config:    f.sb.ProviderBlock() + b + a,
			Check: resource.ComposeTestCheckFunc(acctest.IDOf("oneapi_campaign.a", &aID), func(*terraform.State) error {
				ids := f.sb.CampaignIDs()
				if len(ids) != 2 || aID != ids[1] || aID == bID {
					return fmt.Errorf("campaigns %v; a holds %d, b holds %d: want a to hold the new one", ids, aID, bID)
				}
				return nil
			}),
		}, {
			PreConfig: func() { f.sb.Advance(16 * 1e9) }, // into sending: the destroy's stops are accepted
			Config:    f.sb.ProviderBlock() + b + a,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("oneapi_campaign.a", tfjsonpath.New("status"), knownvalue.StringExact("sending")),
			},
		}},
	})
}

// TestAccCampaign_listAnswerOfAnOlderCampaignIsNotBelieved: a create to a
// contact list answered with an older campaign (its id is not newer than
// the newest before the request) is not taken: the create is unresolved,
// with the new campaign named, and the older one is never stopped by it.
func TestAccCampaign_listAnswerOfAnOlderCampaignIsNotBelieved(t *testing.T) {
	t.Parallel()
	f := startFront(t, "/api/campaigns/sms/send-groups")
	older := otherWorkspaceSends(t, f.sb)
	f.arm(f.answerWith(t, &older.ID))
	acctest.Test(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			if calls := f.sb.CallsTo(older.ID, "/stop"); len(calls) != 0 {
				return fmt.Errorf("the older campaign was stopped: %v", calls)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config:             f.sb.CampaignConfig(listCampaign),
			ExpectNonEmptyPlan: true,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(acctest.CampaignAddr, tfjsonpath.New("id"), knownvalue.Null()),
			},
			Check: func(*terraform.State) error {
				if n := f.sb.CountCreates(); n != 2 {
					return fmt.Errorf("creates: %d, want 2 (the older campaign's and ours, never resent)", n)
				}
				return nil
			},
		}},
	})
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// stateID is the id the state holds at addr ("" for none).
func stateID(t *testing.T, cli *acctest.CLI, addr string) string {
	t.Helper()
	out, err := cli.Run("show", "-json")
	if err != nil {
		t.Fatalf("show: %v\n%s", err, out)
	}
	var st struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address string         `json:"address"`
					Values  map[string]any `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("show -json: %v\n%s", err, out)
	}
	for _, r := range st.Values.RootModule.Resources {
		if r.Address == addr {
			id, _ := r.Values["id"].(string)
			return id
		}
	}
	t.Fatalf("%s is not in the state:\n%s", addr, out)
	return ""
}
