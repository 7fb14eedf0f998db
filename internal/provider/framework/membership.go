package framework

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// MembershipChange adds and removes members of a set the API keeps (the
// phones of a stop list, the contacts of a list) through writes that
// change nothing when repeated: the client retries them like reads, and
// one that still fails in a way that may have taken effect is checked by
// reading the members, whose answer decides.
type MembershipChange struct {
	// Summary heads an error: "Unable to Change the Stop List".
	Summary string
	// Set names the set in sentences: "the sms stop list".
	Set         string
	Add, Remove []string
	// Write sends the adds and the removes.
	Write func() error
	// Members reads the set's members as the API has them now.
	Members func() (map[string]bool, error)
	// Refused describes a write that took no effect (a refusal, a login
	// that failed).
	Refused func(err error) diag.Diagnostics
}

// Apply sends the change and reports whether the set is as asked.
func (c MembershipChange) Apply(diags *diag.Diagnostics) bool {
	err := c.Write()
	if err == nil {
		return true
	}
	if !client.MayHaveTakenEffect(err) {
		diags.Append(c.Refused(err)...)
		return false
	}
	const again = "Nothing was written to the state; apply again: adding a member twice, or removing it twice, changes nothing."
	members, readErr := c.Members()
	if readErr != nil {
		diags.AddError(c.Summary, fmt.Sprintf("%s\n\nReading %s to learn what took effect failed too: %s. %s", err, c.Set, readErr, again))
		return false
	}
	var wrong []string
	for _, m := range c.Add {
		if !members[m] {
			wrong = append(wrong, m+" (not in it)")
		}
	}
	for _, m := range c.Remove {
		if members[m] {
			wrong = append(wrong, m+" (still in it)")
		}
	}
	if len(wrong) > 0 {
		diags.AddError(c.Summary, fmt.Sprintf("%s\n\n%s read afterwards shows that the change did not take effect for %s. %s",
			err, TitleFirst(c.Set), strings.Join(wrong, ", "), again))
		return false
	}
	return true
}

// TitleFirst capitalizes the first letter of a sentence's subject.
func TitleFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
