package client

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecodeResponse feeds arbitrary answers to every decoder the client
// uses: decoding may fail, but never panics. The seed corpus is every
// documented example.
func FuzzDecodeResponse(f *testing.F) {
	files, _ := filepath.Glob("testdata/examples/*.json")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"data":{"alternative_channels":{"sms":{"statistic":null}},"id":1e30}}`))
	f.Add([]byte(`{"data":{"total_price":{},"alternative_channels":[1]}}`))
	f.Add([]byte(`{"message":1,"errors":{"a":[1,2],"b":{"c":"d"}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c envelope[Campaign]
		_ = decodeAnswer(request{}, data, &c)
		var d struct {
			Data CampaignDetail `json:"data"`
		}
		_ = json.Unmarshal(data, &d)
		var l listPage[Campaign]
		_ = decodeAnswer(request{}, data, &l)
		var m struct {
			Data []Message `json:"data"`
		}
		_ = json.Unmarshal(data, &m)
		var tb tokenBody
		_ = json.Unmarshal(data, &tb)
		_ = jwtExpiry(string(data))
		e := newAPIError("GET", "/x", 422, data)
		_ = e.Error()
	})
}
