package functions_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// count is the object sms_parts returns.
type count struct {
	encoding                    string
	characters, parts, maxChars int64
	disputed                    bool
}

func (c count) check() knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"encoding":       knownvalue.StringExact(c.encoding),
		"characters":     knownvalue.Int64Exact(c.characters),
		"parts":          knownvalue.Int64Exact(c.parts),
		"max_characters": knownvalue.Int64Exact(c.maxChars),
		"disputed":       knownvalue.Bool(c.disputed),
	})
}

// fits is what the count promises: a campaign takes the text.
func (c count) fits() bool { return c.characters > 0 && c.characters <= c.maxChars }

// TestAccFunction_smsParts: texts counted through the CLI as One-API counts
// them: Cyrillic, emoji (two UTF-16 units), the extension table's
// characters (two septets), the empty text.
func TestAccFunction_smsParts(t *testing.T) {
	t.Parallel()
	testCalls(t, map[string]call{
		"latin":      {`provider::oneapi::sms_parts("Friday sale: 20% off everything")`, count{"gsm7", 31, 1, 765, false}.check()},
		"cyrillic":   {`provider::oneapi::sms_parts("Привіт")`, count{"ucs2", 6, 1, 355, false}.check()},
		"emoji":      {`provider::oneapi::sms_parts("Hi 😀")`, count{"ucs2", 5, 1, 355, false}.check()},
		"extensions": {`provider::oneapi::sms_parts("{}[]~^|\\€")`, count{"gsm7", 18, 1, 765, false}.check()},
		"empty":      {`provider::oneapi::sms_parts("")`, count{"gsm7", 0, 0, 765, false}.check()},
		"two_parts":  {`provider::oneapi::sms_parts(join("", [for i in range(161) : "a"]))`, count{"gsm7", 161, 2, 765, false}.check()},
		"parts_only": {`provider::oneapi::sms_parts("Привіт").parts`, knownvalue.Int64Exact(1)},
	})
}

// limitTexts are texts at the limits of each encoding: the longest that
// fits and one more character, in GSM 7-bit, with extension characters,
// in UCS-2 and with emoji.
var limitTexts = []struct {
	name, text string
	want       count
}{
	{"gsm_longest", strings.Repeat("a", 765), count{"gsm7", 765, 5, 765, false}},
	{"gsm_one_more", strings.Repeat("a", 766), count{"gsm7", 766, 6, 765, false}},
	{"extensions_longest", strings.Repeat("€", 382) + "a", count{"gsm7", 765, 6, 765, false}},
	{"extensions_one_more", strings.Repeat("€", 383), count{"gsm7", 766, 6, 765, false}},
	{"ucs2_pages_longest", strings.Repeat("Ж", 335), count{"ucs2", 335, 5, 355, false}},
	{"ucs2_disputed", strings.Repeat("Ж", 336), count{"ucs2", 336, 6, 355, true}},
	{"ucs2_longest", strings.Repeat("Ж", 355), count{"ucs2", 355, 6, 355, true}},
	{"ucs2_one_more", strings.Repeat("Ж", 356), count{"ucs2", 356, 6, 355, false}},
	{"emoji_longest", strings.Repeat("😀", 177) + "Ж", count{"ucs2", 355, 6, 355, true}},
	{"emoji_one_more", strings.Repeat("😀", 178), count{"ucs2", 356, 6, 355, false}},
}

// TestAccFunction_smsPartsAgreesWithTheCampaign: for each text at a limit,
// sms_parts reports the count (first step), and a plan of an SMS campaign
// with that text is accepted exactly when the count says it fits
// (characters <= max_characters), and refused otherwise; no plan makes a
// request.
func TestAccFunction_smsPartsAgreesWithTheCampaign(t *testing.T) {
	t.Parallel()
	sb := acctest.StartSandbox(t)
	outputs := ""
	var counted []statecheck.StateCheck
	for _, tt := range limitTexts {
		outputs += fmt.Sprintf("output %q {\n  value = provider::oneapi::sms_parts(%q)\n}\n", tt.name, tt.text)
		counted = append(counted, statecheck.ExpectKnownOutputValue(tt.name, tt.want.check()))
	}
	steps := []resource.TestStep{{Config: outputs, ConfigStateChecks: counted}}
	fitting := 0
	for _, tt := range limitTexts {
		st := resource.TestStep{
			Config: sb.ProviderBlock() + fmt.Sprintf(`
resource "oneapi_campaign" "test" {
  recipients = { phones = ["380661231231"] }
  sms        = { sender = "Shop", text = %q }
}
`, tt.text),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}
		if tt.want.fits() {
			fitting++
		} else {
			st.ExpectError = regexp.MustCompile(`SMS Text Too Long`)
		}
		steps = append(steps, st)
	}
	if refused := len(limitTexts) - fitting; refused != 4 {
		t.Fatalf("%d of %d texts are refused: the table is no longer one refused text per limit (GSM 7-bit, extensions, UCS-2, emoji)", refused, len(limitTexts))
	}
	acctest.Test(t, resource.TestCase{TerraformVersionChecks: functionsCLI, Steps: steps})
	if c := sb.Counters(); len(c) != 0 {
		t.Errorf("requests reached the API: %v", c)
	}
}
