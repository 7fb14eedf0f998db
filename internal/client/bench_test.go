package client

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func BenchmarkDecodeCampaign(b *testing.B) {
	data, err := os.ReadFile("testdata/examples/seed_campaign_stop_200.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var env envelope[Campaign]
		if err := json.Unmarshal(data, &env); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeListPage500(b *testing.B) {
	item, err := os.ReadFile("testdata/examples/get_api_campaigns_id_200_simple_campaign.json")
	if err != nil {
		b.Fatal(err)
	}
	var one struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(item, &one); err != nil {
		b.Fatal(err)
	}
	items := make([]string, 500)
	for i := range items {
		items[i] = string(one.Data)
	}
	page := []byte(fmt.Sprintf(`{"data":[%s],"meta":{"page":{"total":500,"offset":0,"limit":500}}}`, strings.Join(items, ",")))
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		var l listPage[Campaign]
		if err := json.Unmarshal(page, &l); err != nil {
			b.Fatal(err)
		}
	}
}
