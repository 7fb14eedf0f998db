package framework

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// channelTable is the channel table as internal/provider/README.md shows
// it.
func channelTable() string {
	limit := func(n int, rule string) string {
		if n == 0 {
			return rule
		}
		return fmt.Sprint(n)
	}
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return ""
	}
	var b strings.Builder
	b.WriteString("| block | API | title | message_type | sender | text | phones | call | not taken | cascade | stop list | message |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, c := range Channels {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %d | %s | %s | %s | %s | %s |\n", c.Block, c.API, c.Title,
			c.MessageType, limit(c.Sender, "SMS rule"), limit(c.Text, map[bool]string{true: "SMS rule", false: "none of its own"}[c.Sender == 0]), c.Phones, c.Call,
			strings.Join(c.NotTaken, ", "), yes(c.Cascade), yes(c.StopList), yes(c.Message))
	}
	return b.String()
}

// TestReadmeShowsTheChannelTable: the package README shows the channel
// table as it is; on a change, the test prints the table to paste.
func TestReadmeShowsTheChannelTable(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if table := channelTable(); !strings.Contains(string(readme), table) {
		t.Errorf("internal/provider/README.md does not show the channel table of framework/channels.go; paste:\n\n%s", table)
	}
}

// TestChannelTableIsWhole: every entry names its block, channel, title,
// message type, phones and call, and a block once.
func TestChannelTableIsWhole(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, c := range Channels {
		if c.Block == "" || c.API == "" || c.Title == "" || c.MessageType == "" || c.Phones == 0 || c.Call == "" {
			t.Errorf("incomplete entry: %+v", c)
		}
		if seen[c.Block] {
			t.Errorf("block %s twice", c.Block)
		}
		seen[c.Block] = true
	}
}
