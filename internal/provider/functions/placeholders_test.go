package functions_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

// stringList is a known-value check of exactly these strings, in order.
func stringList(s ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(s))
	for i, v := range s {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.ListExact(checks)
}

// TestAccFunction_placeholders: the {field_id}s of a text, each once, in
// order; names, empty braces, a zero id and the GSM extension characters
// are no placeholders.
func TestAccFunction_placeholders(t *testing.T) {
	t.Parallel()
	testCalls(t, map[string]call{
		"two":        {`provider::oneapi::placeholders("Hello {12}, your code is {7}")`, stringList("12", "7")},
		"repeated":   {`provider::oneapi::placeholders("{7} {12} {7}")`, stringList("7", "12")},
		"by_name":    {`provider::oneapi::placeholders("Hello {city}, {12}")`, stringList("12")},
		"none":       {`provider::oneapi::placeholders("No fields: {} {0} {012} [1]")`, stringList()},
		"cyrillic":   {`provider::oneapi::placeholders("Привіт, {248460001}!")`, stringList("248460001")},
		"empty_text": {`provider::oneapi::placeholders("")`, stringList()},
	})
}
