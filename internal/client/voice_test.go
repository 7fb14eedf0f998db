package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func voiceRequest() client.VoiceCampaignRequest {
	return client.VoiceCampaignRequest{CampaignSend: client.CampaignSend{Phones: []client.Phone{{Number: "380661231231"}}},
		Voice: client.VoiceContent{Sender: "VoiceShop", Text: "Your code is 1234", Category: "otp"}}
}

// TestVoiceWireForm: a voice campaign goes to POST /api/campaigns/send as
// `channels` ["voice"], its block under `voice` with sender, text and
// category, and without the nullable voice and lang when they are not
// given; the campaign reports message_type voice.
func TestVoiceWireForm(t *testing.T) {
	rec, url := newRecorded(t)
	c := newClient(t, url)
	cp, err := c.CreateVoiceCampaign(context.Background(), voiceRequest())
	if err != nil {
		t.Fatal(err)
	}
	if cp.MessageType != "voice" || cp.Sender != "VoiceShop" {
		t.Errorf("campaign = %+v, want message_type voice of VoiceShop", cp)
	}
	b := rec.only(t, "/api/campaigns/send")
	if got, _ := json.Marshal(b["channels"]); string(got) != `["voice"]` {
		t.Errorf("channels = %s, want [\"voice\"]", got)
	}
	voice := b["voice"].(map[string]any)
	want := map[string]any{"sender": "VoiceShop", "text": "Your code is 1234", "category": "otp"}
	if len(voice) != len(want) {
		t.Errorf("voice block = %v, want exactly %v", voice, want)
	}
	for k, v := range want {
		if voice[k] != v {
			t.Errorf("voice.%s = %v, want %v", k, voice[k], v)
		}
	}
	for _, absent := range []string{"sms", "start_at", "tariff_code", "validity", "add_to_contact_book", "check_stop_list"} {
		if _, ok := b[absent]; ok {
			t.Errorf("%s sent though not given: %v", absent, b)
		}
	}
	if ref, _ := b["recipients"].(map[string]any)["phones"].([]any)[0].(map[string]any)["reference_id"].(string); len(ref) != 32 {
		t.Errorf("reference_id %q, want 32 alphanumerics", ref)
	}
}

// TestVoiceCascadeWireForm: a voice-then-SMS cascade to contact lists is
// `channels` ["voice","sms"] with the SMS block beside the voice one, the
// language as `lang` (the schema's name, not the single-message example's
// `language`) and the settings at the top.
func TestVoiceCascadeWireForm(t *testing.T) {
	rec, url := newRecorded(t)
	c := newClient(t, url)
	validity, tariff, no := int64(24), int64(9), false
	_, err := c.CreateVoiceCampaign(context.Background(), client.VoiceCampaignRequest{
		Voice: client.VoiceContent{Sender: "VoiceShop", Text: "Sale today", Category: "marketing", Voice: "dariya", Lang: "en"},
		CampaignSend: client.CampaignSend{Groups: []int64{101}, SMSFallback: &client.CascadeSMS{Sender: "Shop", Text: "Sale today"},
			Validity: &validity, TariffCode: &tariff, CheckStopList: &no, AddToContactBook: &no},
	})
	if err != nil {
		t.Fatal(err)
	}
	b := rec.only(t, "/api/campaigns/send")
	if got, _ := json.Marshal(b["channels"]); string(got) != `["voice","sms"]` {
		t.Errorf("channels = %s, want [\"voice\",\"sms\"]", got)
	}
	voice := b["voice"].(map[string]any)
	if voice["voice"] != "dariya" || voice["lang"] != "en" || voice["language"] != nil || voice["category"] != "marketing" {
		t.Errorf("voice block = %v", voice)
	}
	if got, _ := json.Marshal(b["recipients"]); string(got) != `{"groups":[101]}` {
		t.Errorf("recipients = %s", got)
	}
	if b["sms"].(map[string]any)["sender"] != "Shop" || b["validity"] != 24.0 || b["tariff_code"] != 9.0 ||
		b["check_stop_list"] != false || b["add_to_contact_book"] != false {
		t.Errorf("body = %v", b)
	}
}

// TestCampaignSendBodyBytes: the body of POST /api/campaigns/send is
// written in one order for every channel, and the Viber body is byte for
// byte what it was before voice shared its writer: a create left pending
// by an earlier version is recognised by the fingerprint of these bytes.
func TestCampaignSendBodyBytes(t *testing.T) {
	validity, tariff, yes := int64(24), int64(9), true
	viber := client.ViberCampaignRequest{
		Viber: client.ViberContent{Sender: "V", Text: "t", ImageURL: "https://e.com/a.png", ButtonCaption: "Go", LinkURL: "https://e.com"},
		CampaignSend: client.CampaignSend{Groups: []int64{101}, SMSFallback: &client.CascadeSMS{Sender: "S", Text: "x"},
			StartAt: "2026-01-01 10:00:00", TariffCode: &tariff, Validity: &validity, AddToContactBook: &yes, CheckStopList: &yes}}
	voice := client.VoiceCampaignRequest{CampaignSend: client.CampaignSend{Phones: []client.Phone{{Number: "380661231231", ReferenceID: "abc"}}},
		Voice: client.VoiceContent{Sender: "V", Text: "t", Category: "otp"}}
	for _, tc := range []struct {
		req  any
		want string
	}{
		{client.ViberCampaignRequest{CampaignSend: client.CampaignSend{Phones: []client.Phone{{Number: "380661231231", ReferenceID: "abc"}}}, Viber: client.ViberContent{Sender: "V", Text: "t"}},
			`{"channels":["viber"],"recipients":{"phones":[{"number":"380661231231","reference_id":"abc"}]},"viber":{"sender":"V","text":"t"}}`},
		{viber, `{"channels":["viber","sms"],"recipients":{"groups":[101]},"viber":{"sender":"V","text":"t","image_url":"https://e.com/a.png",` +
			`"button_caption":"Go","link_url":"https://e.com"},"sms":{"sender":"S","text":"x"},"start_at":"2026-01-01 10:00:00","tariff_code":9,` +
			`"validity":24,"add_to_contact_book":true,"check_stop_list":true}`},
		{client.ViberCampaignRequest{}, `{"channels":["viber"],"recipients":{},"viber":{"sender":"","text":""}}`},
		{voice, `{"channels":["voice"],"recipients":{"phones":[{"number":"380661231231","reference_id":"abc"}]},` +
			`"voice":{"sender":"V","text":"t","category":"otp"}}`},
	} {
		got, err := json.Marshal(tc.req)
		if err != nil || string(got) != tc.want {
			t.Errorf("body =\n%s (%v)\nwant\n%s", got, err, tc.want)
		}
	}
}

// TestVoiceRefusalsAreFieldErrors: the stand-in's 422 keys for the voice
// block come undotted (voicetext, voicecategory, ...) and split into the
// request's path, so that the provider can name the attribute to blame.
func TestVoiceRefusalsAreFieldErrors(t *testing.T) {
	_, url := newSandbox(t, sandbox.Config{})
	c := newClient(t, url)
	req := voiceRequest()
	req.Voice = client.VoiceContent{Sender: strings.Repeat("s", 41), Text: strings.Repeat("t", 1001), Category: "promo", Voice: "robot"}
	_, err := c.CreateVoiceCampaign(context.Background(), req)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 422 {
		t.Fatalf("want a 422, got %v", err)
	}
	var paths []string
	for key := range apiErr.FieldErrors {
		paths = append(paths, strings.Join(client.FieldPath(key), "."))
	}
	slices.Sort(paths)
	if want := []string{"voice.category", "voice.sender", "voice.text", "voice.voice"}; !slices.Equal(paths, want) {
		t.Errorf("field paths = %v, want %v (errors %v)", paths, want, apiErr.FieldErrors)
	}
	if got := strings.Join(client.FieldPath("voicelang"), "."); got != "voice.lang" {
		t.Errorf("FieldPath(voicelang) = %q", got)
	}
}

// TestLostVoiceCreatesAreRecovered: a voice create whose answer is lost is
// recovered as a Viber one: by reference_id when the campaign was made, by
// one guarded second request when it was not; to contact lists, the voice
// campaigns listed since (filter[type]=voice) are named, none adopted.
func TestLostVoiceCreatesAreRecovered(t *testing.T) {
	for mode, want := range map[string]struct {
		creates int
		how     string
	}{"drop": {1, "reference_id"}, "drop_before": {2, "guarded"}} {
		t.Run(mode, func(t *testing.T) {
			sb, url := newSandbox(t, sandbox.Config{})
			c := newClient(t, url)
			sb.SetFaults(sandbox.Faults{CreateAfterCommit: mode, CreateAfterCommitCount: 1})
			cp, err := c.CreateVoiceCampaign(context.Background(), voiceRequest())
			if err != nil {
				t.Fatal(err)
			}
			checkOneCampaign(t, sb, cp, want.creates, want.how)
			if cp.MessageType != "voice" {
				t.Errorf("message_type = %q", cp.MessageType)
			}
		})
	}
	t.Run("groups", func(t *testing.T) {
		sb, url := newSandbox(t, sandbox.Config{})
		c := newClient(t, url)
		req := client.VoiceCampaignRequest{CampaignSend: client.CampaignSend{Groups: []int64{101}}, Voice: client.VoiceContent{Sender: "VoiceShop", Text: "Sale", Category: "marketing"}}
		sb.SetFaults(sandbox.Faults{CreateAfterCommit: "500", CreateAfterCommitCount: 1})
		_, err := c.CreateVoiceCampaign(context.Background(), req)
		var amb *client.AmbiguousCreateError
		if !errors.As(err, &amb) {
			t.Fatalf("want an unresolved create naming the candidate, got %v", err)
		}
		ids := sb.CampaignIDs()
		if len(ids) != 1 || len(amb.Candidates) != 1 || amb.Candidates[0].ID != ids[0] || amb.Candidates[0].MessageType != "voice" ||
			sb.CountCreates() != 1 {
			t.Errorf("candidates %v; campaigns %v; creates %d", amb.Candidates, ids, sb.CountCreates())
		}
	})
}
