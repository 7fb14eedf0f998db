package campaign

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

func BenchmarkCampaignSchema(b *testing.B) {
	for b.Loop() {
		var resp resource.SchemaResponse
		(&campaignResource{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	}
}
