package stoplist_test

import (
	"slices"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// TestStopListsAreTheTablesChannels: the channels the stop list family
// manages (the flags of the stop list's answers, client.StopListChannels)
// are exactly those the channel table marks StopList.
func TestStopListsAreTheTablesChannels(t *testing.T) {
	t.Parallel()
	var marked []string
	for _, c := range framework.ChannelsWhere(func(c framework.Channel) bool { return c.StopList }) {
		if !slices.Contains(marked, c.API) {
			marked = append(marked, c.API)
		}
	}
	wire := slices.Clone(client.StopListChannels)
	slices.Sort(marked)
	slices.Sort(wire)
	if !slices.Equal(marked, wire) {
		t.Errorf("framework.Channels marks %v StopList, the stop list's answers carry flags for %v", marked, wire)
	}
}
