package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestLimitsWhereTheSourcesDisagree validates configurations in process, as
// Terraform does at plan (terraform-plugin-testing cannot check warnings):
// inside the disputed band of a limit the plan goes on with a warning that
// names both readings; within the narrowest reading there is none; lengths
// are counted in characters, not bytes.
func TestLimitsWhereTheSourcesDisagree(t *testing.T) {
	r := newRPCHarness(t)
	card := func(buttons int) map[string]any {
		suggestions := []any{}
		for range buttons {
			suggestions = append(suggestions, map[string]any{"type": "link", "text": "Go", "url": "https://x", "phone": nil, "postback_data": nil})
		}
		return map[string]any{"title": nil, "text": "y", "media_url": nil, "suggestions": suggestions}
	}
	cards := func(n, buttons int) map[string]any {
		list := []any{}
		for range n {
			list = append(list, card(buttons))
		}
		return map[string]any{"rcs": map[string]any{"sender": "bench", "text": nil, "cards": list}}
	}
	sms := func(sender, text string) map[string]any {
		return map[string]any{"rcs": nil, "sms": map[string]any{"sender": sender, "text": text, "transliterate": nil}}
	}
	cases := []struct {
		name     string
		config   map[string]any
		warnings []string // attribute paths with a warning
	}{
		{"5 cards", cards(5, 0), nil},
		{"6 cards", cards(6, 0), []string{"rcs.cards"}},
		{"10 cards", cards(10, 0), []string{"rcs.cards"}},
		{"2 buttons", cards(1, 2), nil},
		{"3 buttons", cards(1, 3), []string{"rcs.cards[0].suggestions"}},
		{"4 buttons", cards(1, 4), []string{"rcs.cards[0].suggestions"}},
		{"no buttons: suggestions = []", cards(1, 0), nil},
		{"SMS sender of 3", sms("Abc", "x"), nil},
		{"SMS sender of 2", sms("Ab", "x"), []string{"sms.sender"}},
		{"SMS sender with symbols", sms("A-B.C!", "x"), nil},
		{"UCS-2 text of 335", sms("Shop", strings.Repeat("я", 335)), nil},
		{"UCS-2 text of 336", sms("Shop", strings.Repeat("я", 336)), []string{"sms.text"}},
		{"UCS-2 text of 355", sms("Shop", strings.Repeat("я", 355)), []string{"sms.text"}},
		{"GSM text of 765", sms("Shop", strings.Repeat("a", 765)), nil},
		{"RCS sender of 21 Cyrillic letters", map[string]any{"rcs": map[string]any{"sender": strings.Repeat("я", 21), "text": "x", "cards": nil}}, nil},
		{"RCS text of 160", map[string]any{"rcs": map[string]any{"sender": "bench", "text": strings.Repeat("a", 160), "cards": nil}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := r.campaignValue(t, c.config, true)
			resp, err := r.srv.ValidateResourceConfig(context.Background(), &tfprotov6.ValidateResourceConfigRequest{
				TypeName: "oneapi_campaign", Config: dynamicValue(t, r.typ, cfg)})
			if err != nil {
				t.Fatal(err)
			}
			var warnings []string
			for _, d := range resp.Diagnostics {
				switch {
				case d.Severity == tfprotov6.DiagnosticSeverityError:
					t.Errorf("error: %s: %s", d.Summary, d.Detail)
				case d.Summary != "Disputed Limit":
					t.Errorf("warning %q, want only Disputed Limit", d.Summary)
				default:
					warnings = append(warnings, attributePathString(d.Attribute))
					if !strings.Contains(d.Detail, "OpenAPI file") {
						t.Errorf("the warning does not name both readings: %s", d.Detail)
					}
				}
			}
			if !slices.Equal(warnings, c.warnings) {
				t.Errorf("warnings at %q, want %q", warnings, c.warnings)
			}
		})
	}
}

// attributePathString writes a protocol attribute path as the framework
// does (rcs.cards[0].suggestions).
func attributePathString(p *tftypes.AttributePath) string {
	var b strings.Builder
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case tftypes.AttributeName:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(string(s))
		case tftypes.ElementKeyInt:
			fmt.Fprintf(&b, "[%d]", int64(s))
		default:
			fmt.Fprintf(&b, "[%v]", s)
		}
	}
	return b.String()
}
