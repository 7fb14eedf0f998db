package sandbox

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

// Statuses are the campaign statuses the API documents, each of which
// SetStatus can put a campaign in.
var Statuses = []string{"creation", "moderation", "scheduled", "sending", "paused", "stopped", "done", "spam"}

// seedChannels are the create calls of every channel as the send pages
// write them: RCS without and with the SMS fallback, SMS, Viber without and
// with the SMS cascade, WhatsApp, voice without and with the SMS cascade.
// %s is the phones array; the SMS page writes a number as an integer, the
// others as a string.
var seedChannels = []struct {
	path, body string
	intNumber  bool
}{
	{"/api/campaigns/rcs/send", `{"phones":%s,"sender":"rcs_sender","options":{"text":"Hi"}}`, false},
	{"/api/campaigns/rcs/send", `{"phones":%s,"sender":"rcs_sender","options":{"text":"Hi"},"alternative_channel":{"sms":{"sender":"Shop","text":"Hi"}}}`, false},
	{"/api/campaigns/sms/send", `{"phones":%s,"sender":"Shop","text":"Hi"}`, true},
	{"/api/campaigns/send", `{"channels":["viber"],"recipients":{"phones":%s},"viber":{"sender":"ViberShop","text":"Hi"}}`, false},
	{"/api/campaigns/send", `{"channels":["viber","sms"],"recipients":{"phones":%s},"viber":{"sender":"ViberShop","text":"Hi"},"sms":{"sender":"Shop","text":"Hi"}}`, false},
	{"/api/campaigns/whatsapp/send", `{"phones":%s,"sender":"whatsapp_sender","type":"template","template":{"name":"t","language":{"code":"en"},"components":[{"type":"body"}]}}`, false},
	{"/api/campaigns/send", `{"channels":["voice"],"recipients":{"phones":%s},"voice":{"sender":"VoiceShop","text":"Hi","category":"transactional"}}`, false},
	{"/api/campaigns/send", `{"channels":["voice","sms"],"recipients":{"phones":%s},"voice":{"sender":"VoiceShop","text":"Hi","category":"otp","voice":"dariya","lang":"en"},"sms":{"sender":"Shop","text":"Hi"}}`, false},
}

// SeedRun is how many campaigns SeedEveryChannelAndStatus makes to cover
// every channel in every status once.
var SeedRun = len(seedChannels) * len(Statuses)

// SeedEveryChannelAndStatus creates n campaigns through the API, a second
// apart on the stand-in's clock, cycling through every channel (seedChannels:
// campaign i is of channel i%8), then moves the clock 30 s and puts
// campaign i in Statuses[(i/8)%8], so that each run of SeedRun (64) covers
// every channel in every status. A campaign to be seen sending has enough
// messages to be still sending a while later (2 s a message). It returns
// the ids in creation order. The creates count in the request counters.
func (s *Sandbox) SeedEveryChannelAndStatus(n int) ([]int64, error) {
	token := s.issueToken()
	ids := make([]int64, 0, n)
	for i := range n {
		status := Statuses[(i/len(seedChannels))%len(Statuses)]
		count := 2
		if status == "sending" {
			count = 300
		}
		ch := seedChannels[i%len(seedChannels)]
		number := `{"number":"3806%08d"}`
		if ch.intNumber {
			number = `{"number":3806%08d}`
		}
		phones := make([]string, count)
		for k := range phones {
			phones[k] = fmt.Sprintf(number, 1000*i+k+1)
		}
		req := httptest.NewRequestWithContext(context.Background(), http.MethodPost, ch.path, strings.NewReader(fmt.Sprintf(ch.body, "["+strings.Join(phones, ",")+"]")))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		var answer struct {
			Data struct {
				ID int64 `json:"id"`
			} `json:"data"`
		}
		if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &answer) != nil || answer.Data.ID == 0 {
			return ids, fmt.Errorf("campaign %d: POST %s answered %d %s", i, ch.path, rec.Code, rec.Body.String())
		}
		ids = append(ids, answer.Data.ID)
		s.Advance(time.Second)
	}
	s.Advance(30 * time.Second) // out of creation and moderation, some messages out
	for i, id := range ids {
		if err := s.SetStatus(id, Statuses[(i/len(seedChannels))%len(Statuses)]); err != nil {
			return ids, err
		}
	}
	return ids, nil
}
