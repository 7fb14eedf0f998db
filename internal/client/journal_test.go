package client

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// deadWriter is a process mark of no living process.
var deadWriter = processMark{PID: 1 << 30, Start: "1", Parent: 1 << 30, ParentStart: "1"}

func journalFor(t *testing.T, dir string) *Client {
	t.Helper()
	c, err := New(WithAPIKey("journal-test-key-not-a-secret-0123"), WithEndpoint("http://127.0.0.1:1"), WithJournal(dir))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func writeEntry(t *testing.T, c *Client, e *journalEntry) {
	t.Helper()
	if err := os.MkdirAll(c.journal.dir, 0o700); err != nil {
		t.Fatal(err)
	}
	e.file = filepath.Join(c.journal.dir, randomName()+".json")
	if e.Started.IsZero() {
		e.Started = time.Now()
	}
	if err := c.journal.write(e); err != nil {
		t.Fatal(err)
	}
}

func entryCount(t *testing.T, c *Client) int {
	t.Helper()
	return len(c.journal.entries(context.Background()))
}

// TestJournalIsPerWorkspace: workspaces share the data directory, not
// their states; an entry of one must never be taken by another's create.
func TestJournalIsPerWorkspace(t *testing.T) {
	data := t.TempDir()
	t.Setenv("TF_DATA_DIR", data)
	t.Setenv(EnvJournalDir, "")
	t.Setenv("TF_WORKSPACE", "")
	def := JournalDir()
	if err := os.WriteFile(filepath.Join(data, "environment"), []byte("staging\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	staging := JournalDir()
	t.Setenv("TF_WORKSPACE", "prod")
	prod := JournalDir()
	t.Setenv("TF_WORKSPACE", "../../etc")
	escaped := JournalDir()
	want := map[string]string{def: "default", staging: "staging", prod: "prod", escaped: "etc"}
	if len(want) != 4 {
		t.Fatalf("workspaces share a journal: %v", []string{def, staging, prod, escaped})
	}
	for dir, ws := range want {
		if filepath.Dir(dir) != filepath.Join(data, "oneapi-journal") || filepath.Base(dir) != ws {
			t.Errorf("journal %s: want %s/oneapi-journal/%s", dir, data, ws)
		}
	}
}

// TestJournalCandidateEndsAnEntryOnlyByImport: a refresh that reads one
// of an unproven contact-list create's candidates reads some other
// resource's campaign and ends nothing; the first read after an import of
// it (the way out the error names) ends the entry.
func TestJournalCandidateEndsAnEntryOnlyByImport(t *testing.T) {
	c := journalFor(t, t.TempDir())
	writeEntry(t, c, &journalEntry{Owner: deadWriter, Content: "x", Candidates: []int64{7, 8}})
	writeEntry(t, c, &journalEntry{Owner: deadWriter, Content: "y", CampaignID: 9})
	c.JournalSeen(context.Background(), 7, false)
	if n := entryCount(t, c); n != 2 {
		t.Fatalf("a refresh of candidate 7 ended an entry: %d left, want 2", n)
	}
	c.JournalSeen(context.Background(), 9, false)
	if n := entryCount(t, c); n != 1 {
		t.Fatalf("a refresh of campaign 9, which an entry named, left %d entries, want 1", n)
	}
	c.JournalSeen(context.Background(), 8, true)
	if n := entryCount(t, c); n != 0 {
		t.Fatalf("the import of candidate 8 left %d entries, want 0", n)
	}
}

// TestJournalTakesADeadWritersEntryOnce: a create of the same content
// takes the entry of a writer that is gone, once; a live writer's entry
// (another resource of this very run) is never taken.
func TestJournalTakesADeadWritersEntryOnce(t *testing.T) {
	c := journalFor(t, t.TempDir())
	spec := createSpec{path: "/api/campaigns/rcs/send", body: map[string]string{"text": "hi", "ref": "r1"}, refs: []string{"r1"},
		sender: "s", messageType: "rcs"}
	content, _, err := contentFingerprint(c.endpoint.String(), spec)
	if err != nil {
		t.Fatal(err)
	}
	writeEntry(t, c, &journalEntry{Owner: selfMark(), Content: content, ReferenceIDs: []string{"live"}})
	writeEntry(t, c, &journalEntry{Owner: deadWriter, Content: content, ReferenceIDs: []string{"dead"}})
	ctx := context.Background()
	first, taken := c.journal.begin(ctx, c.endpoint.String(), &spec)
	if !taken || len(first.ReferenceIDs) != 1 || first.ReferenceIDs[0] != "dead" {
		t.Fatalf("first create: taken %v, entry %+v: want the dead writer's", taken, first)
	}
	spec2 := createSpec{path: spec.path, body: map[string]string{"text": "hi", "ref": "r2"}, refs: []string{"r2"}, sender: "s", messageType: "rcs"}
	second, taken := c.journal.begin(ctx, c.endpoint.String(), &spec2)
	if taken {
		t.Fatalf("the second create took %+v: a live writer's entry, or the same entry twice", second)
	}
}
