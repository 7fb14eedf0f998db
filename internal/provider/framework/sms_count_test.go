package framework

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// TestCountSMS: the count sms_parts reports, at every edge, and that
// CheckSMSText refuses exactly the texts whose characters exceed
// max_characters (and the empty one).
func TestCountSMS(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       SMSCount
	}{
		{"empty", "", SMSCount{SMSEncodingGSM, 0, 0, SMSMaxGSM}},
		{"one letter", "a", SMSCount{SMSEncodingGSM, 1, 1, SMSMaxGSM}},
		{"one GSM part", strings.Repeat("a", 160), SMSCount{SMSEncodingGSM, 160, 1, SMSMaxGSM}},
		{"two GSM parts", strings.Repeat("a", 161), SMSCount{SMSEncodingGSM, 161, 2, SMSMaxGSM}},
		{"two full GSM parts", strings.Repeat("a", 306), SMSCount{SMSEncodingGSM, 306, 2, SMSMaxGSM}},
		{"three GSM parts", strings.Repeat("a", 307), SMSCount{SMSEncodingGSM, 307, 3, SMSMaxGSM}},
		{"longest GSM", strings.Repeat("a", 765), SMSCount{SMSEncodingGSM, 765, 5, SMSMaxGSM}},
		{"GSM one too many", strings.Repeat("a", 766), SMSCount{SMSEncodingGSM, 766, 6, SMSMaxGSM}},
		{"extension characters count two", `{}[]~^|\€`, SMSCount{SMSEncodingGSM, 18, 1, SMSMaxGSM}},
		{"longest with extensions (no part splits a €: 76 a part)", strings.Repeat("€", 382) + "a", SMSCount{SMSEncodingGSM, 765, 6, SMSMaxGSM}},
		{"153 € are three parts, not two", strings.Repeat("€", 153), SMSCount{SMSEncodingGSM, 306, 3, SMSMaxGSM}},
		{"67 emoji are three parts, not two", strings.Repeat("😀", 67), SMSCount{SMSEncodingUCS2, 134, 3, SMSMaxUCS2}},
		{"134 Cyrillic characters are two parts", strings.Repeat("Ж", 134), SMSCount{SMSEncodingUCS2, 134, 2, SMSMaxUCS2}},
		{"extensions one too many", strings.Repeat("€", 383), SMSCount{SMSEncodingGSM, 766, 6, SMSMaxGSM}},
		{"80 extensions are one part", strings.Repeat("[", 80), SMSCount{SMSEncodingGSM, 160, 1, SMSMaxGSM}},
		{"GSM accents", "àèéùìòÇØÅÆßÉÄÖÑÜäöñü", SMSCount{SMSEncodingGSM, 20, 1, SMSMaxGSM}},
		{"Cyrillic", "Привіт", SMSCount{SMSEncodingUCS2, 6, 1, SMSMaxUCS2}},
		{"one UCS-2 part", strings.Repeat("Ж", 70), SMSCount{SMSEncodingUCS2, 70, 1, SMSMaxUCS2}},
		{"two UCS-2 parts", strings.Repeat("Ж", 71), SMSCount{SMSEncodingUCS2, 71, 2, SMSMaxUCS2}},
		{"SMS pages' limit", strings.Repeat("Ж", 335), SMSCount{SMSEncodingUCS2, 335, 5, SMSMaxUCS2}},
		{"longest UCS-2", strings.Repeat("Ж", 355), SMSCount{SMSEncodingUCS2, 355, 6, SMSMaxUCS2}},
		{"UCS-2 one too many", strings.Repeat("Ж", 356), SMSCount{SMSEncodingUCS2, 356, 6, SMSMaxUCS2}},
		{"emoji is a surrogate pair", "Hi 😀", SMSCount{SMSEncodingUCS2, 5, 1, SMSMaxUCS2}},
		{"one emoji makes a Latin text UCS-2", strings.Repeat("a", 160) + "😀", SMSCount{SMSEncodingUCS2, 162, 3, SMSMaxUCS2}},
		{"longest with emoji", strings.Repeat("😀", 177) + "Ж", SMSCount{SMSEncodingUCS2, 355, 6, SMSMaxUCS2}},
		{"emoji one too many", strings.Repeat("😀", 178), SMSCount{SMSEncodingUCS2, 356, 6, SMSMaxUCS2}},
		{"an extension character in UCS-2 counts one", "Ж€", SMSCount{SMSEncodingUCS2, 2, 1, SMSMaxUCS2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := CountSMS(tt.text)
			if got != tt.want {
				t.Fatalf("CountSMS = %+v, want %+v", got, tt.want)
			}
			var d diag.Diagnostics
			CheckSMSText(path.Root("text"), tt.text, &d)
			fits := got.Characters > 0 && got.Characters <= got.MaxCharacters
			if d.HasError() == fits {
				t.Errorf("CheckSMSText error = %v, but the count says fits = %v: %v", d.HasError(), fits, d)
			}
			disputed := got.Encoding == SMSEncodingUCS2 && got.Characters > SMSPagesMaxUCS2 && fits
			if warned := d.WarningsCount() > 0; warned != disputed {
				t.Errorf("Disputed Limit warning = %v, want %v: %v", warned, disputed, d)
			}
		})
	}
}
