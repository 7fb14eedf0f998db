package main

// What a section of the report was measured on, and how sections written
// by different modes share one file.

import (
	"os/exec"
	"strings"
	"time"
)

// measuredAt is "commit <short hash> on <date>", with "+ uncommitted
// changes" when the tree differs from the commit (the reports themselves,
// bench/*.md, aside: make bench writes them as it goes).
func measuredAt() string {
	commit := "an unknown commit (git rev-parse failed)"
	if b, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output(); err == nil { //nolint:noctx // fixed command
		commit = "commit " + strings.TrimSpace(string(b))
		dirty, err := exec.Command("git", "status", "--porcelain", "--", ".", ":(exclude)bench/*.md").Output() //nolint:noctx // fixed command
		if err != nil || len(strings.TrimSpace(string(dirty))) > 0 {
			commit += " + uncommitted changes"
		}
	}
	return commit + " on " + time.Now().UTC().Format("2006-01-02 15:04 UTC")
}

// Markers of the sections other modes write: `go run ./bench
// -native-only` (native.go) and scripts/callgrind.sh.
const (
	callgrindBegin = "<!-- callgrind: begin -->"
	callgrindEnd   = "<!-- callgrind: end -->"
)

// section is the text of report between begin and end, markers included,
// or "".
func section(report, begin, end string) string {
	i := strings.Index(report, begin)
	if i < 0 {
		return ""
	}
	j := strings.Index(report[i:], end)
	if j < 0 {
		return ""
	}
	return report[i : i+j+len(end)]
}

// withSection replaces the section between begin and end (or appends it).
func withSection(report, begin, end, text string) string {
	if old := section(report, begin, end); old != "" {
		return strings.Replace(report, old, strings.TrimRight(text, "\n"), 1)
	}
	return strings.TrimRight(report, "\n") + "\n\n" + text
}

// withMain is the main report followed by the sections of old that other
// modes wrote, each with its own date and commit.
func withMain(old, main string) string {
	out := strings.TrimRight(main, "\n") + "\n"
	for _, s := range []string{section(old, nativeBegin, nativeEnd), section(old, callgrindBegin, callgrindEnd)} {
		if s != "" {
			out += "\n" + s + "\n"
		}
	}
	return out
}
