package client_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// recorder serves the stand-in and keeps every create request's body.
type recorder struct {
	mu     sync.Mutex
	bodies map[string][]map[string]any
}

func newRecorded(t *testing.T) (*recorder, string) {
	t.Helper()
	sb := sandbox.New(sandbox.Config{APIKeys: []string{testKey}})
	rec := &recorder{bodies: map[string][]map[string]any{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path != "/api/auth/login" {
			var buf bytes.Buffer
			_, _ = buf.ReadFrom(r.Body)
			var b map[string]any
			_ = json.Unmarshal(buf.Bytes(), &b)
			rec.mu.Lock()
			rec.bodies[r.URL.Path] = append(rec.bodies[r.URL.Path], b)
			rec.mu.Unlock()
			r.Body = readCloser{bytes.NewReader(buf.Bytes())}
		}
		sb.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return rec, srv.URL
}

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

func (r *recorder) only(t *testing.T, path string) map[string]any {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.bodies[path]) != 1 {
		t.Fatalf("%s was sent %d times, want once (all: %v)", path, len(r.bodies[path]), r.bodies)
	}
	return r.bodies[path][0]
}

// TestViberCascadeWireForm: a Viber campaign with an SMS fallback goes to
// POST /api/campaigns/send as `channels` [viber, sms] (the schema's name,
// not the "RCS complete" example's `channel`), the phones as strings with
// a reference_id each, and the SMS block beside the Viber one.
func TestViberCascadeWireForm(t *testing.T) {
	rec, url := newRecorded(t)
	c := newClient(t, url)
	cp, err := c.CreateViberCampaign(context.Background(), client.ViberCampaignRequest{
		Viber: client.ViberContent{Sender: "ViberShop", Text: "Sale", ButtonCaption: "Open", LinkURL: "https://example.com/sale"},
		CampaignSend: client.CampaignSend{Phones: []client.Phone{{Number: "380661231231"}, {Number: "380661231230"}},
			SMSFallback: &client.CascadeSMS{Sender: "Shop", Text: "Sale: https://example.com/sale"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if cp.MessageType != "viber" {
		t.Errorf("message_type = %q, want viber", cp.MessageType)
	}
	b := rec.only(t, "/api/campaigns/send")
	if got, _ := json.Marshal(b["channels"]); string(got) != `["viber","sms"]` {
		t.Errorf("channels = %s, want [\"viber\",\"sms\"]", got)
	}
	if _, ok := b["channel"]; ok {
		t.Error("the body carries `channel`, the spelling of one example only")
	}
	phones := b["recipients"].(map[string]any)["phones"].([]any)
	for _, p := range phones {
		p := p.(map[string]any)
		if _, ok := p["number"].(string); !ok {
			t.Errorf("number %v is not a string (the Phone schema)", p["number"])
		}
		if ref, _ := p["reference_id"].(string); len(ref) != 32 {
			t.Errorf("reference_id %q, want 32 alphanumerics", ref)
		}
	}
	if b["sms"].(map[string]any)["sender"] != "Shop" || b["viber"].(map[string]any)["link_url"] != "https://example.com/sale" {
		t.Errorf("content blocks = %v", b)
	}
}

// TestWhatsAppWireForm: a WhatsApp campaign is a template message
// (type "template"), with its SMS fallback as alternative_channel.sms.
func TestWhatsAppWireForm(t *testing.T) {
	rec, url := newRecorded(t)
	c := newClient(t, url)
	_, err := c.CreateWhatsAppCampaign(context.Background(), client.WhatsAppCampaignRequest{
		Phones: []client.Phone{{Number: "380661231231"}}, Sender: "whatsapp_sender",
		Template: client.WhatsAppTemplate{Name: "order_ready", Language: client.WhatsAppLanguage{Code: "en"},
			Components: []client.WhatsAppComponent{{Type: "body", Parameters: []client.WhatsAppParameter{{Type: "text", Text: "Ann"}}}}},
		SMSFallback: &client.SMSFallback{Sender: "Shop", Text: "Your order is ready"},
	})
	if err != nil {
		t.Fatal(err)
	}
	b := rec.only(t, "/api/campaigns/whatsapp/send")
	if b["type"] != "template" || b["alternative_channel"].(map[string]any)["sms"].(map[string]any)["text"] != "Your order is ready" {
		t.Errorf("body = %v", b)
	}
	if _, ok := b["validity"]; ok {
		t.Error("validity sent; the WhatsApp call takes none")
	}
}

// TestPersonalSMSWireForm: each message carries its phone as an integer,
// the sender, its own text and a reference_id of its own (the schema's
// key).
func TestPersonalSMSWireForm(t *testing.T) {
	rec, url := newRecorded(t)
	c := newClient(t, url)
	_, err := c.CreatePersonalSMSCampaign(context.Background(), client.PersonalSMSRequest{Sender: "Vet klinika",
		Messages: []client.PersonalSMS{{Phone: "380661231231", Text: "hello Jack"}, {Phone: "380661231232", Text: "hello Anna"}}})
	if err != nil {
		t.Fatal(err)
	}
	b := rec.only(t, "/api/campaigns/sms/send-individual")
	msgs := b["messages"].([]any)
	refs := map[string]bool{}
	for i, m := range msgs {
		m := m.(map[string]any)
		if _, ok := m["phone"].(float64); !ok {
			t.Errorf("messages[%d].phone = %v, want an integer", i, m["phone"])
		}
		refs[m["reference_id"].(string)] = true
		if m["sender"] != "Vet klinika" {
			t.Errorf("messages[%d].sender = %v", i, m["sender"])
		}
	}
	if len(refs) != 2 || msgs[1].(map[string]any)["text"] != "hello Anna" {
		t.Errorf("messages = %v", msgs)
	}
}

// TestLostPersonalSMSCreateIsNeverSentAgain: a personal SMS create whose
// answer is lost is looked for by reference_id. Found, it is adopted; not
// found, the request is not sent a second time (its reference_id guard
// is uncertain for this call), and the error names what may exist.
func TestLostPersonalSMSCreateIsNeverSentAgain(t *testing.T) {
	req := client.PersonalSMSRequest{Sender: "Vet klinika", Messages: []client.PersonalSMS{{Phone: "380661231231", Text: "hello Jack"}}}
	t.Run("committed", func(t *testing.T) {
		sb, url := newSandbox(t, sandbox.Config{})
		c := newClient(t, url)
		sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1})
		cp, err := c.CreatePersonalSMSCampaign(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		checkOneCampaign(t, sb, cp, 1, "reference_id")
	})
	t.Run("not committed", func(t *testing.T) {
		sb, url := newSandbox(t, sandbox.Config{})
		c := newClient(t, url)
		sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop_before", CreateAfterCommitCount: 1})
		_, err := c.CreatePersonalSMSCampaign(context.Background(), req)
		if !client.IsAmbiguousCreate(err) {
			t.Fatalf("err = %v, want an ambiguous create", err)
		}
		if n := sb.CountCreates(); n != 1 {
			t.Errorf("create requests = %d, want 1: never sent again", n)
		}
	})
}

// TestLostViberAndWhatsAppCreatesAreRecovered: the new create calls recover
// as the RCS one does: by reference_id when the campaign was made, by one
// guarded second request when it was not.
func TestLostViberAndWhatsAppCreatesAreRecovered(t *testing.T) {
	creates := map[string]func(c *client.Client) (*client.Campaign, error){
		"viber": func(c *client.Client) (*client.Campaign, error) {
			return c.CreateViberCampaign(context.Background(), client.ViberCampaignRequest{CampaignSend: client.CampaignSend{Phones: []client.Phone{{Number: "380661231231"}}},
				Viber: client.ViberContent{Sender: "ViberShop", Text: "Sale"}})
		},
		"whatsapp": func(c *client.Client) (*client.Campaign, error) {
			return c.CreateWhatsAppCampaign(context.Background(), client.WhatsAppCampaignRequest{Phones: []client.Phone{{Number: "380661231231"}},
				Sender: "whatsapp_sender", Template: client.WhatsAppTemplate{Name: "t", Language: client.WhatsAppLanguage{Code: "en"},
					Components: []client.WhatsAppComponent{{Type: "body"}}}})
		},
	}
	for name, create := range creates {
		for mode, want := range map[string]struct {
			creates int
			how     string
		}{"drop": {1, "reference_id"}, "drop_before": {2, "guarded"}} {
			t.Run(name+"/"+mode, func(t *testing.T) {
				sb, url := newSandbox(t, sandbox.Config{})
				c := newClient(t, url)
				sb.SetFaults(sandbox.Faults{CreateAfterCommit: mode, CreateAfterCommitCount: 1})
				cp, err := create(c)
				if err != nil {
					t.Fatal(err)
				}
				checkOneCampaign(t, sb, cp, want.creates, want.how)
			})
		}
	}
}

// TestLostViberGroupsCreateIsRecoveredByList: a Viber campaign to a
// contact list has no reference_id; its lost answer is recovered by
// listing the Viber campaigns (filter[type]=viber) created since, as an
// RCS list campaign's is.
func TestLostViberGroupsCreateNamesItsCandidate(t *testing.T) {
	sb, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	req := client.ViberCampaignRequest{Viber: client.ViberContent{Sender: "ViberShop", Text: "Sale"},
		CampaignSend: client.CampaignSend{Groups: []int64{101}, SMSFallback: &client.CascadeSMS{Sender: "Shop", Text: "Sale"}}}
	if _, err := c.CreateViberCampaign(context.Background(), req); err != nil { // an older one of the same sender
		t.Fatal(err)
	}
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "500", CreateAfterCommitCount: 1})
	_, err := c.CreateViberCampaign(context.Background(), req)
	var amb *client.AmbiguousCreateError
	if !errors.As(err, &amb) {
		t.Fatalf("want an unresolved create naming the candidate, got %v", err)
	}
	ids := sb.CampaignIDs()
	if len(ids) != 2 || len(amb.Candidates) != 1 || amb.Candidates[0].ID != ids[1] || sb.CountCreates() != 2 || amb.Candidates[0].MessageType != "viber" {
		t.Errorf("candidates %v; campaigns %v; creates %d", amb.Candidates, ids, sb.CountCreates())
	}
}
