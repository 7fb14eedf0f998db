package shortlink

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

func TestLinkChanges(t *testing.T) {
	have := linkModel{Name: types.StringValue("old"), Slug: types.StringValue("abc"), OriginalLink: types.StringValue("https://a.io")}
	for _, tc := range []struct {
		name    string
		want    linkModel
		changed bool
		body    string
	}{
		{"nothing", have, false, `{}`},
		{"name cleared", linkModel{Name: types.StringNull(), Slug: types.StringValue("abc"), OriginalLink: types.StringValue("https://a.io")}, true, `{"name":null}`},
		{"slug left to the platform", linkModel{Name: types.StringValue("old"), Slug: types.StringUnknown(), OriginalLink: types.StringValue("https://a.io")}, false, `{}`},
		{"slug and link", linkModel{Name: types.StringValue("old"), Slug: types.StringValue("bf"), OriginalLink: types.StringValue("https://b.io")}, true, `{"original_link":"https://b.io","slug":"bf"}`},
	} {
		body, changed := linkChanges(tc.want, have)
		b, _ := body.MarshalJSON()
		if changed != tc.changed || string(b) != tc.body {
			t.Errorf("%s: %s changed=%v, want %s changed=%v", tc.name, b, changed, tc.body, tc.changed)
		}
	}
}

func TestFromStatisticsTakesTheSlugFromTheShortLink(t *testing.T) {
	m := linkModel{Slug: types.StringValue("old")}
	date := "2025-03-05 00:00:00"
	m.fromStatistics(&client.ShortLinkStatistics{CountClicks: 5, ShortLink: "http://dev.shorty.tel/8IF68O", ClickDate: &date, OriginalLink: "https://google.com/?q=ZZXXCC"})
	if m.Slug.ValueString() != "8IF68O" || m.CountClicks.ValueInt64() != 5 || m.FirstClickAt.ValueString() != date || m.OriginalLink.ValueString() != "https://google.com/?q=ZZXXCC" {
		t.Errorf("model = %+v", m)
	}
	m.fromStatistics(&client.ShortLinkStatistics{})
	if m.Slug.ValueString() != "8IF68O" || !m.FirstClickAt.IsNull() {
		t.Errorf("an answer without short_link keeps the slug, and no click date is null: %+v", m)
	}
}
