package client_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// TestOptionsWireForm: callback_url and short_links go at the top of the
// SMS call, unsubscribe_caption and short_links in the cascade call's sms
// block, and none of them is written when not set (so that the bytes of
// an older request, which a pending create is recognised by, are kept).
func TestOptionsWireForm(t *testing.T) {
	rec, url := newRecorded(t)
	c := newClient(t, url)
	off := false
	links := []client.CampaignShortLink{{Link: "https://e.com/sale", Placeholder: "LINK", DomainIDs: []string{"21b6f472-7e9a-4c71-9518-e9a0e0b09284"}, Protocol: &off}}
	if _, err := c.CreateSMSCampaign(context.Background(), client.SMSCampaignRequest{Phones: []client.Phone{{Number: "380661231231"}},
		Sender: "Shop", Text: "Sale LINK", CallbackURL: "https://h.example.com/d", ShortLinks: links}); err != nil {
		t.Fatal(err)
	}
	b := rec.only(t, "/api/campaigns/sms/send")
	got, _ := json.Marshal([]any{b["callback_url"], b["short_links"]})
	if want := `["https://h.example.com/d",[{"domain_ids":["21b6f472-7e9a-4c71-9518-e9a0e0b09284"],"link":"https://e.com/sale","placeholder":"LINK","protocol":false}]]`; string(got) != want {
		t.Errorf("sms/send options = %s, want %s", got, want)
	}
	if _, err := c.CreateViberCampaign(context.Background(), client.ViberCampaignRequest{
		Viber: client.ViberContent{Sender: "ViberShop", Text: "Sale"}, CampaignSend: client.CampaignSend{Phones: []client.Phone{{Number: "380661231231"}},
			SMSFallback: &client.CascadeSMS{Sender: "Shop", Text: "Sale LINK", UnsubscribeCaption: "Stop: ", ShortLinks: links}}}); err != nil {
		t.Fatal(err)
	}
	sms := rec.only(t, "/api/campaigns/send")["sms"].(map[string]any)
	if sms["unsubscribe_caption"] != "Stop: " || sms["short_links"] == nil {
		t.Errorf("cascade sms = %v, want its caption and short links", sms)
	}
	plain, _ := json.Marshal(client.SMSCampaignRequest{Phones: []client.Phone{{Number: "380661231231"}}, Sender: "Shop", Text: "Sale"})
	if want := `{"phones":[{"number":380661231231}],"sender":"Shop","text":"Sale"}`; string(plain) != want {
		t.Errorf("an SMS request without options = %s, want %s", plain, want)
	}
}

// TestWhatsAppMessageWireForm: a template message goes to POST
// /api/messages/send in the form of the call's WhatsApp example, with the
// type: "template" that the WhatsAppMessage schema requires.
func TestWhatsAppMessageWireForm(t *testing.T) {
	rec, url := newRecorded(t)
	c := newClient(t, url)
	tmpl := client.WhatsAppTemplate{Name: "whatsapp_test", Language: client.WhatsAppLanguage{Code: "en"},
		Components: []client.WhatsAppComponent{{Type: "body", Parameters: []client.WhatsAppParameter{{Type: "text", Text: "Hello"}}}}}
	if _, err := c.SendMessage(context.Background(), client.MessageRequest{Channel: "whatsapp", Phone: "380661231231",
		ReferenceID: "wa1", Sender: "whatsapp_sender", Template: &tmpl}); err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(rec.only(t, "/api/messages/send"))
	want := `{"channel":"whatsapp","phone":{"number":"380661231231","reference_id":"wa1"},"sender":"whatsapp_sender",` +
		`"template":{"components":[{"parameters":[{"text":"Hello","type":"text"}],"type":"body"}],"language":{"code":"en"},"name":"whatsapp_test"},` +
		`"type":"template"}`
	if string(got) != want {
		t.Errorf("body = %s\nwant   %s", got, want)
	}
}

// TestTariffsDecodeTheDocumentedExample: the OpenAPI file's example of
// GET /api/accounts/tariff decodes; a tariff without an integer id does
// not.
func TestTariffsDecodeTheDocumentedExample(t *testing.T) {
	answer := `{"total":1,"data":[{"code":9,"is_active":true,"name":"Best quality","id":50471,"is_default":false}]}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/auth/login" {
			_, _ = w.Write([]byte(`{"bearer":"x.eyJleHAiOjQxMDI0NDQ4MDB9.y"}`))
			return
		}
		_, _ = w.Write([]byte(answer))
	}))
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL)
	tariffs, err := c.ListTariffs(context.Background())
	if err != nil || len(tariffs) != 1 {
		t.Fatalf("ListTariffs = %v, %v", tariffs, err)
	}
	if tr := tariffs[0]; tr.IDValue() != 50471 || tr.Name != "Best quality" || tr.Code == nil || *tr.Code != 9 || !tr.IsActive || tr.IsDefault {
		t.Errorf("tariff = %+v", tr)
	}
	answer = `{"total":1,"data":[{"code":9,"is_active":true,"name":"Best quality","id":50471.5}]}`
	c = newClient(t, srv.URL) // a client of its own: one plan's client answers from its first listing
	if _, err := c.ListTariffs(context.Background()); err == nil {
		t.Error("a tariff without an integer id was taken")
	}
}
