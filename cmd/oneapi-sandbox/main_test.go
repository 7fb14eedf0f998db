package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// startRun runs the stand-in until cancel; done gets run's result, and
// lines reads what it prints, its first line (the address) already read.
func startRun() (url string, lines *bufio.Scanner, cancel func(), done chan error, pr *io.PipeReader) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done = make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-listen", "127.0.0.1:0", "-api-key", "test_cli", "-clock-speed", "0"}, pw)
		pw.Close()
	}()
	lines = bufio.NewScanner(pr)
	lines.Scan()
	return strings.TrimPrefix(lines.Text(), "oneapi-sandbox listening on "), lines, cancel, done, pr
}

func TestRunServesUntilCancelled(t *testing.T) {
	url, lines, cancel, done, pr := startRun()
	lines.Scan()
	if lines.Text() != "api_key: test_cli" {
		t.Fatalf("second line = %q", lines.Text())
	}
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, url+"/api/auth/login", strings.NewReader(`{"api_key":"test_cli"}`))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("login at %s: %d", url, resp.StatusCode)
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run returned %v after cancellation, want a clean stop", err)
	}
}

// TestRunStopsWithAConnectionLeftOpen: a client's connection that never
// sends a request (Go's server waits 5 s for those) does not keep the
// stand-in from stopping: after the grace it is closed, and the stop is
// clean and says so.
func TestRunStopsWithAConnectionLeftOpen(t *testing.T) {
	old := shutdownGrace
	shutdownGrace = 100 * time.Millisecond
	t.Cleanup(func() { shutdownGrace = old })
	url, lines, cancel, done, _ := startRun()
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	out := make(chan string, 1)
	go func() {
		var rest []string
		for lines.Scan() {
			rest = append(rest, lines.Text())
		}
		out <- strings.Join(rest, "\n")
	}()
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run returned %v with a connection left open, want a clean stop", err)
	}
	if got := <-out; !strings.Contains(got, "closed the connections still open") || !strings.HasSuffix(got, "oneapi-sandbox stopped") {
		t.Fatalf("the stand-in said %q; want it to say it closed the open connection and stopped", got)
	}
}
