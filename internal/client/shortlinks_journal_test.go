package client_test

import (
	"errors"
	"os"
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

// namedLinkGone is a create whose answer named a link, the apply killed
// before Terraform saved it, and the link deleted since.
func namedLinkGone(t *testing.T, c *client.Client) *client.ShortLink {
	t.Helper()
	first, err := c.CreateShortLink(t.Context(), promoLink)
	if err != nil {
		t.Fatal(err)
	}
	client.OrphanJournal(t, c)
	if err := c.DeleteShortLink(t.Context(), first.ID); err != nil {
		t.Fatal(err)
	}
	return first
}

// TestShortLinkCreateMakesANewLinkWhenTheNamedOneIsGone: the link the
// answer named was deleted since: the create is sent afresh.
func TestShortLinkCreateMakesANewLinkWhenTheNamedOneIsGone(t *testing.T) {
	sb, c := journalLinkClient(t)
	first := namedLinkGone(t, c)
	again, err := c.CreateShortLink(t.Context(), promoLink)
	if err != nil || again.ID == first.ID {
		t.Fatalf("got %+v, %v; want a new link", again, err)
	}
	if n := sb.Count(linkCreates); n != 2 {
		t.Fatalf("%d creates sent, want 2", n)
	}
}

// TestShortLinkLostAnswerIsNeverSentAgainOnAGuess: a killed apply whose
// create's answer never arrived: the next create stops and names the links
// that may be it, sending nothing, even when none is listed (the request
// may land or be listed later), until the user says which: an import of
// one ends the record; deleting the record lets the next create through.
func TestShortLinkLostAnswerIsNeverSentAgainOnAGuess(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fault string // "drop": committed, answer lost; "drop_before": never reached the platform
		way   string // "import" or "rm"
	}{{"committed, import", "drop", "import"}, {"committed, rm", "drop", "rm"}, {"not committed, rm", "drop_before", "rm"}} {
		t.Run(tc.name, func(t *testing.T) {
			sb, c := journalLinkClient(t)
			sb.SetFaults(sandbox.Faults{CreateAfterCommit: tc.fault, CreateAfterCommitCount: 1})
			if _, err := c.CreateShortLink(t.Context(), promoLink); !client.IsAmbiguousCreate(err) {
				t.Fatalf("a dropped create gave %v, want an ambiguous create", err)
			}
			client.OrphanJournal(t, c)
			var want []string
			for _, l := range sb.ShortLinks() {
				want = append(want, l.ID)
			}
			_, err := c.CreateShortLink(t.Context(), promoLink)
			var unproven *client.UnprovenObjectError
			if !errors.As(err, &unproven) || !slices.Equal(unproven.Candidates, want) || unproven.Entry == "" {
				t.Fatalf("the next create gave %v; want it stopped, naming the links %v and the journal entry", err, want)
			}
			if n := len(sb.ShortLinks()); n != len(want) {
				t.Fatalf("the stopped create made a link: %d links, want %d", n, len(want))
			}
			if tc.way == "import" {
				c.JournalSeenObject(t.Context(), client.JournalShortLink, want[0], true)
				if n := client.JournalEntries(t, c); n != 0 {
					t.Fatalf("the import of candidate %s left %d entries, want 0", want[0], n)
				}
				return
			}
			if err := os.Remove(unproven.Entry); err != nil {
				t.Fatal(err)
			}
			if _, err := c.CreateShortLink(t.Context(), promoLink); err != nil {
				t.Fatalf("with the record deleted, the create gave %v", err)
			}
			if n := len(sb.ShortLinks()); n != len(want)+1 {
				t.Fatalf("%d links, want %d", n, len(want)+1)
			}
		})
	}
}

// TestShortLinkFreshSendIsRecorded: the link the earlier answer named is
// gone, so the create is sent afresh; if that send's answer is lost too,
// the record is of that send, and the next create stops rather than take
// the gone link's record for it and send a third time.
func TestShortLinkFreshSendIsRecorded(t *testing.T) {
	sb, c := journalLinkClient(t)
	namedLinkGone(t, c)
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 1})
	if _, err := c.CreateShortLink(t.Context(), promoLink); !client.IsAmbiguousCreate(err) {
		t.Fatalf("the fresh send gave %v, want its answer lost", err)
	}
	client.OrphanJournal(t, c)
	var unproven *client.UnprovenObjectError
	if _, err := c.CreateShortLink(t.Context(), promoLink); !errors.As(err, &unproven) || len(unproven.Candidates) != 1 {
		t.Fatalf("after a lost fresh send the create gave %v; want it stopped naming the one live link", err)
	}
	if n := sb.Count(linkCreates); n != 2 {
		t.Fatalf("%d creates sent, want 2", n)
	}
}

// TestShortLinkImportAnswersOneCreate: two identical links, both killed
// in flight, both stopped naming the same two links: importing one of
// them into one resource ends one record, and the other still stops (the
// other link may be its own), instead of making a third link.
func TestShortLinkImportAnswersOneCreate(t *testing.T) {
	sb, c := journalLinkClient(t)
	sb.SetFaults(sandbox.Faults{CreateAfterCommit: "drop", CreateAfterCommitCount: 2})
	for range 2 {
		if _, err := c.CreateShortLink(t.Context(), promoLink); !client.IsAmbiguousCreate(err) {
			t.Fatalf("a dropped create gave %v, want an ambiguous create", err)
		}
	}
	client.OrphanJournal(t, c)
	links := sb.ShortLinks()
	for range 2 {
		var unproven *client.UnprovenObjectError
		if _, err := c.CreateShortLink(t.Context(), promoLink); !errors.As(err, &unproven) || len(unproven.Candidates) != 2 {
			t.Fatalf("the create gave %v; want it stopped naming both links", err)
		}
	}
	client.OrphanJournal(t, c)
	c.JournalSeenObject(t.Context(), client.JournalShortLink, links[0].ID, true)
	if n := client.JournalEntries(t, c); n != 1 {
		t.Fatalf("the import of one link left %d entries, want 1", n)
	}
	var unproven *client.UnprovenObjectError
	if _, err := c.CreateShortLink(t.Context(), promoLink); !errors.As(err, &unproven) {
		t.Fatalf("the other create gave %v; want it still stopped", err)
	}
	if n := sb.Count(linkCreates); n != 2 {
		t.Fatalf("%d creates sent, want 2", n)
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
