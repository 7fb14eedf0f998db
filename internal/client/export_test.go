package client

import "testing"

// SetRefreshPage sets the refresh's page[limit] for one test.
func SetRefreshPage(t *testing.T, n int) {
	t.Helper()
	old := refreshPage
	refreshPage = n
	t.Cleanup(func() { refreshPage = old })
}

// OrphanJournal marks every entry of c's in-flight journal as written by
// a process that is gone, as a killed apply leaves them.
func OrphanJournal(t *testing.T, c *Client) {
	t.Helper()
	for _, e := range c.journal.entries(t.Context()) {
		e.Owner = deadWriter
		if err := c.journal.write(e); err != nil {
			t.Fatal(err)
		}
	}
}

// JournalEntries is the number of entries of c's in-flight journal.
func JournalEntries(t *testing.T, c *Client) int {
	t.Helper()
	return len(c.journal.entries(t.Context()))
}
