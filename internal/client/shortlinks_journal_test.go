package client_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

const linkCreates = "POST /api/short-url/links"

// journalLinkClient is a client of a fresh stand-in with an in-flight
// journal of its own.
func journalLinkClient(t *testing.T) (*sandbox.Sandbox, *client.Client) {
	t.Helper()
	sb, url := newSandbox(t, sandbox.Config{})
	return sb, newClient(t, url, client.WithJournal(t.TempDir()))
}

var promoLink = client.ShortLinkRequest{DomainID: sandbox.SystemShortDomainID, Link: "https://example.com/promo"}

// lostLinkAnswer is a create whose link the stand-in commits and whose
// answer never arrives, then the apply killed: its journal entry is left
// by a writer that is gone.
func lostLinkAnswer(t *testing.T, sb *sandbox.Sandbox, c *client.Client) string {
	t.Helper()
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1})
	if _, err := c.CreateShortLink(t.Context(), promoLink); !client.IsAmbiguousCreate(err) {
		t.Fatalf("a dropped answer gave %v, want an ambiguous create", err)
	}
	client.OrphanJournal(t, c)
	links := sb.ShortLinks()
	if len(links) != 1 {
		t.Fatalf("the stand-in holds %d links, want the 1 the lost create made", len(links))
	}
	return links[0].ID
}

// TestShortLinkCreateResumesTheLinkItsAnswerNamed: an apply killed after
// the answer arrived and before Terraform saved it: the next create of the
// same link takes the link the answer named, and sends nothing.
func TestShortLinkCreateResumesTheLinkItsAnswerNamed(t *testing.T) {
	sb, c := journalLinkClient(t)
	first, err := c.CreateShortLink(t.Context(), promoLink)
	if err != nil {
		t.Fatal(err)
	}
	client.OrphanJournal(t, c)
	again, err := c.CreateShortLink(t.Context(), promoLink)
	if err != nil || again.ID != first.ID {
		t.Fatalf("the resumed create gave %+v, %v; want link %s", again, err, first.ID)
	}
	if n := sb.Count(linkCreates); n != 1 {
		t.Fatalf("%d creates sent, want 1", n)
	}
	// While its writer lives, an entry is another resource's of this very
	// run: an identical link is made afresh.
	if _, err := c.CreateShortLink(t.Context(), promoLink); err != nil {
		t.Fatal(err)
	}
	if n := sb.Count(linkCreates); n != 2 {
		t.Fatalf("an identical create beside a live writer's entry sent %d creates, want 2", n)
	}
	c.JournalSeenObject(t.Context(), client.JournalShortLink, first.ID, false)
	if n := client.JournalEntries(t, c); n != 1 {
		t.Fatalf("a refresh of link %s left %d entries, want the other link's 1", first.ID, n)
	}
}

// TestShortLinkCreateMakesANewLinkWhenTheNamedOneIsGone: the link the
// answer named was deleted since: the create is sent afresh.
func TestShortLinkCreateMakesANewLinkWhenTheNamedOneIsGone(t *testing.T) {
	sb, c := journalLinkClient(t)
	first, err := c.CreateShortLink(t.Context(), promoLink)
	if err != nil {
		t.Fatal(err)
	}
	client.OrphanJournal(t, c)
	if err := c.DeleteShortLink(t.Context(), first.ID); err != nil {
		t.Fatal(err)
	}
	again, err := c.CreateShortLink(t.Context(), promoLink)
	if err != nil || again.ID == first.ID {
		t.Fatalf("got %+v, %v; want a new link", again, err)
	}
	if n := sb.Count(linkCreates); n != 2 {
		t.Fatalf("%d creates sent, want 2", n)
	}
}

// TestShortLinkLostAnswerIsNeverSentAgainOnAGuess: a killed apply whose
// create's answer never arrived: the next create stops and names the link
// that may be it, sending nothing, until the user says which; each way
// out, followed, ends as it says.
func TestShortLinkLostAnswerIsNeverSentAgainOnAGuess(t *testing.T) {
	for _, way := range []string{"import", "delete them", "none yet"} {
		t.Run(way, func(t *testing.T) {
			sb, c := journalLinkClient(t)
			var made string
			if way == "none yet" {
				// The create never reached the platform: nothing is listed.
				sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop_before", CreateAfterCommitCount: 1})
				if _, err := c.CreateShortLink(t.Context(), promoLink); !client.IsAmbiguousCreate(err) {
					t.Fatalf("a dropped request gave %v, want an ambiguous create", err)
				}
				client.OrphanJournal(t, c)
			} else {
				made = lostLinkAnswer(t, sb, c)
				_, err := c.CreateShortLink(t.Context(), promoLink)
				var unproven *client.UnprovenObjectError
				if !errors.As(err, &unproven) || !slices.Equal(unproven.Candidates, []string{made}) || unproven.Entry == "" {
					t.Fatalf("the next create gave %v; want it stopped, naming link %s and the journal entry", err, made)
				}
				if n := sb.Count(linkCreates); n != 1 {
					t.Fatalf("the stopped create sent: %d creates, want 1", n)
				}
			}
			switch way {
			case "import":
				c.JournalSeenObject(t.Context(), client.JournalShortLink, made, true)
				if n := client.JournalEntries(t, c); n != 0 {
					t.Fatalf("the import of candidate %s left %d entries, want 0", made, n)
				}
				return
			case "delete them":
				if err := c.DeleteShortLink(t.Context(), made); err != nil {
					t.Fatal(err)
				}
			}
			l, err := c.CreateShortLink(t.Context(), promoLink)
			if err != nil || l.ID == made {
				t.Fatalf("with no live link that may be it, the create gave %+v, %v; want a new link", l, err)
			}
			live := 0
			for _, x := range sb.ShortLinks() {
				if x.Status == "active" {
					live++
				}
			}
			if live != 1 {
				t.Fatalf("%d live links, want 1", live)
			}
		})
	}
}

// TestShortLinkRefusedCreateEndsItsEntry: a create the platform refused
// made nothing: its entry ends, and the same create later is sent as new.
func TestShortLinkRefusedCreateEndsItsEntry(t *testing.T) {
	_, c := journalLinkClient(t)
	bad := client.ShortLinkRequest{DomainID: "6f1c8a5e-0000-4000-8000-000000000000", Link: promoLink.Link}
	if _, err := c.CreateShortLink(t.Context(), bad); err == nil {
		t.Fatal("a create on an unknown domain passed")
	}
	if n := client.JournalEntries(t, c); n != 0 {
		t.Fatalf("a refused create left %d journal entries, want 0", n)
	}
}
