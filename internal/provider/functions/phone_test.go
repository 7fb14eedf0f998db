package functions_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

// TestAccFunction_phone: numbers as people write them come back as
// One-API takes them.
func TestAccFunction_phone(t *testing.T) {
	t.Parallel()
	testCalls(t, map[string]call{
		"written":  {`provider::oneapi::phone("+380 (66) 123-12-31")`, knownvalue.StringExact("380661231231")},
		"already":  {`provider::oneapi::phone("380661231231")`, knownvalue.StringExact("380661231231")},
		"dots":     {`provider::oneapi::phone("+1 202.555.0143")`, knownvalue.StringExact("12025550143")},
		"shortest": {`provider::oneapi::phone("123 456 789")`, knownvalue.StringExact("123456789")},
		"longest":  {`provider::oneapi::phone("+123 456 789 012 345")`, knownvalue.StringExact("123456789012345")},
		"in_a_for": {`[for p in ["+380 66 123 12 31", "380-66-123-12-32"] : provider::oneapi::phone(p)]`, knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("380661231231"), knownvalue.StringExact("380661231232")})},
	})
}

// TestAccFunction_phoneRefusesWhatIsNoNumber: the error names what is
// wrong.
func TestAccFunction_phoneRefusesWhatIsNoNumber(t *testing.T) {
	t.Parallel()
	testRefusals(t, map[string]string{
		`provider::oneapi::phone("")`:                 `Invalid phone number: the number is empty`,
		`provider::oneapi::phone("+380 66 123")`:      `has 8 digits; One-API takes 9 to 15, with the country code`,
		`provider::oneapi::phone("1234567890123456")`: `has 16 digits`,
		`provider::oneapi::phone("380+661231231")`:    `a plus is taken only before the country code`,
		`provider::oneapi::phone("38066123abc1")`:     `'a' is not a digit nor a separator`,
	})
}
