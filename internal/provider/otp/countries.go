package otp

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// isoCountries are the ISO 3166-1 alpha-2 codes assigned to countries
// and territories: a template's countries are checked against them at
// plan (OtpCountryCode: "according to the ISO 3166-1 alpha-2 standard").
var isoCountries = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO
JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`) {
		isoCountries[c] = true
	}
}

// countryValidator refuses what is not an ISO 3166-1 alpha-2 code, and
// says how to write one that is only spelled wrong.
func countryValidator() validator.String {
	return framework.StringCheck("must be an ISO 3166-1 alpha-2 country code in capitals, such as UA or PT",
		func(p path.Path, v string, d *diag.Diagnostics) {
			if isoCountries[v] {
				return
			}
			detail := fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code. One-API takes two capital letters naming a country, such as UA, PT or GB.", v)
			if up := strings.ToUpper(strings.TrimSpace(v)); up != v && isoCountries[up] {
				detail += fmt.Sprintf(" Write it as %q.", up)
			}
			d.AddAttributeError(p, "Invalid Country Code", detail)
		})
}
