package framework

// The placeholders of a text, read in one place: the campaign's checks of
// its texts against the account's contact fields and the
// provider::oneapi::placeholders function.

import "regexp"

var (
	fieldPlaceholder = regexp.MustCompile(`\{([1-9][0-9]{0,18})\}`)
	namedPlaceholder = regexp.MustCompile(`\{([\p{L}_][\p{L}\p{N}_ .-]{0,63})\}`)
)

// FieldPlaceholders returns the contact field ids a text names as
// {field_id} placeholders (the form the send-groups pages document), one
// per occurrence, in the text's order.
func FieldPlaceholders(text string) []string { return submatches(fieldPlaceholder, text) }

// NamedFieldPlaceholders returns the {name}s of a text: a field written by
// its name, which the platform never fills in.
func NamedFieldPlaceholders(text string) []string { return submatches(namedPlaceholder, text) }

func submatches(re *regexp.Regexp, text string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}
