package acctest

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// destroyPromise asks the stand-in whether the destroy of one resource
// instance of the last state did what the resource's documentation
// promises; addr names the instance in the error.
type destroyPromise func(s *Sandbox, addr string, rs *terraform.ResourceState) error

// destroyPromises holds one promise per resource type: the one place
// CheckGone learns what a destroy does.
var destroyPromises = map[string]destroyPromise{
	// Destroy deletes the list (its contacts stay in the contact book).
	"oneapi_contact_list": func(s *Sandbox, addr string, rs *terraform.ResourceState) error {
		_, err := s.Client().GetContactList(context.Background(), idOf(rs))
		return notFound(addr, "contact list", idOf(rs), err)
	},
	// Destroy deletes the contact.
	"oneapi_contact": func(s *Sandbox, addr string, rs *terraform.ResourceState) error {
		_, err := s.Client().GetContact(context.Background(), idOf(rs))
		return notFound(addr, "contact", idOf(rs), err)
	},
	// Destroy deletes the field (every contact loses its value).
	"oneapi_contact_field": func(s *Sandbox, addr string, rs *terraform.ResourceState) error {
		if name, ok := s.FieldNames()[idOf(rs)]; ok {
			return fmt.Errorf("%s (contact field %d, %q) is still there after destroy", addr, idOf(rs), name)
		}
		return nil
	},
	// Destroy takes the listed contacts out of the list, and no other.
	"oneapi_contact_list_members": func(s *Sandbox, addr string, rs *terraform.ResourceState) error {
		list, _ := strconv.ParseInt(rs.Primary.Attributes["contact_list_id"], 10, 64)
		listed := setOf(rs, "contact_ids")
		var left []string
		err := s.Client().EachContact(context.Background(), list, func(c *client.Contact) bool {
			if id := strconv.FormatInt(c.ID, 10); slices.Contains(listed, id) {
				left = append(left, id)
			}
			return true
		})
		switch {
		case client.IsNotFound(err):
			return nil // the list went too
		case err != nil:
			return fmt.Errorf("reading the members of %s after destroy: %w", addr, err)
		case len(left) != 0:
			return fmt.Errorf("%s: contact(s) %v are still in contact list %d after destroy", addr, left, list)
		}
		return nil
	},
	// Destroy leaves the phones on the channel's stop list (they are
	// forgotten), or, with detach_on_destroy, takes them off it.
	"oneapi_stop_list_entries": func(s *Sandbox, addr string, rs *terraform.ResourceState) error {
		channel, detach := rs.Primary.Attributes["channel"], rs.Primary.Attributes["detach_on_destroy"] == "true"
		for _, phone := range setOf(rs, "phones") {
			if s.StopListed(phone, channel) == detach {
				return fmt.Errorf("%s: phone %s on the %s stop list after destroy: %v, want %v (detach_on_destroy = %v)",
					addr, phone, channel, detach, !detach, detach)
			}
		}
		return nil
	},
	// Destroy forgets the sender registration request: the API cannot
	// withdraw one, so it is still listed.
	"oneapi_sender_registration": func(s *Sandbox, addr string, rs *terraform.ResourceState) error {
		if _, err := s.Client().GetSenderRequest(context.Background(), idOf(rs)); err != nil {
			return fmt.Errorf("%s (sender registration request %d) after destroy: %w; destroy only forgets it", addr, idOf(rs), err)
		}
		return nil
	},
	// Destroy removes the short-link domain.
	"oneapi_short_url_domain": func(s *Sandbox, addr string, rs *terraform.ResourceState) error {
		if s.ShortDomainExists(rs.Primary.ID) {
			return fmt.Errorf("%s (short-link domain %s) is still there after destroy", addr, rs.Primary.ID)
		}
		return nil
	},
	// Destroy deletes the short link: deleted (restorable a few days) or gone.
	"oneapi_short_link": func(s *Sandbox, addr string, rs *terraform.ResourceState) error {
		if st := s.ShortLinkStatus(rs.Primary.ID); st != "" && st != "deleted" {
			return fmt.Errorf("%s (short link %s) is %q after destroy", addr, rs.Primary.ID, st)
		}
		return nil
	},
	// Destroy deletes the 2FA template; the account's default one, which
	// One-API does not delete, stays on the platform.
	"oneapi_otp_template": func(s *Sandbox, addr string, rs *terraform.ResourceState) error {
		_, err := s.Client().GetOTPTemplate(context.Background(), idOf(rs))
		if idOf(rs) == sandbox.OTPDefaultTemplateID {
			if err != nil {
				return fmt.Errorf("%s: the default 2FA template is gone after destroy (%w); it must stay", addr, err)
			}
			return nil
		}
		return notFound(addr, "2FA template", idOf(rs), err)
	},
	// Destroy forgets the campaign, and with stop_on_destroy = true it has
	// nothing left to send (NothingLeftSending).
	"oneapi_campaign": func(s *Sandbox, addr string, rs *terraform.ResourceState) error {
		if rs.Primary.Attributes["stop_on_destroy"] != "true" {
			return nil
		}
		if got := s.Status(idOf(rs)); got != "" && !client.IsSettled(got) {
			return fmt.Errorf("%s (campaign %d) is %q after destroy with stop_on_destroy = true", addr, idOf(rs), got)
		}
		return nil
	},
}

// CheckGone is a CheckDestroy that asks the stand-in, for every resource
// instance of the last state of the given types (of every type when none
// is given), that its destroy did what the resource promises: contact
// lists, contacts and contact fields are deleted, list members are out of
// their list, stop-list phones stay on the stop list unless
// detach_on_destroy, campaigns with stop_on_destroy have nothing left to
// send. A type without a promise fails the check.
func (s *Sandbox) CheckGone(types ...string) resource.TestCheckFunc {
	return func(st *terraform.State) error {
		addrs := make([]string, 0, len(st.RootModule().Resources))
		for addr := range st.RootModule().Resources {
			addrs = append(addrs, addr)
		}
		sort.Strings(addrs)
		for _, addr := range addrs {
			rs := st.RootModule().Resources[addr]
			if strings.HasPrefix(addr, "data.") || !strings.HasPrefix(rs.Type, "oneapi_") || len(types) != 0 && !slices.Contains(types, rs.Type) {
				continue
			}
			promise, ok := destroyPromises[rs.Type]
			if !ok {
				return fmt.Errorf("%s: acctest.CheckGone knows no destroy promise of %s", addr, rs.Type)
			}
			if err := promise(s, addr, rs); err != nil {
				return err
			}
		}
		return nil
	}
}

// idOf is a resource instance's numeric id (0 when it has none).
func idOf(rs *terraform.ResourceState) int64 {
	id, _ := strconv.ParseInt(rs.Primary.ID, 10, 64)
	return id
}

// setOf is the elements of a set or list attribute of a resource instance.
func setOf(rs *terraform.ResourceState, attr string) []string {
	var out []string
	for k, v := range rs.Primary.Attributes {
		if rest, ok := strings.CutPrefix(k, attr+"."); ok && rest != "#" && rest != "%" {
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// notFound is nil when err is the stand-in's 404 for the object.
func notFound(addr, kind string, id int64, err error) error {
	switch {
	case err == nil:
		return fmt.Errorf("%s (%s %d) is still there after destroy", addr, kind, id)
	case !client.IsNotFound(err):
		return fmt.Errorf("reading %s after destroy: %w", addr, err)
	}
	return nil
}
