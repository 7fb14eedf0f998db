package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestRunServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-listen", "127.0.0.1:0", "-api-key", "test_cli", "-clock-speed", "0"}, pw)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	lines.Scan()
	url := strings.TrimPrefix(lines.Text(), "oneapi-sandbox listening on ")
	lines.Scan()
	if lines.Text() != "api_key: test_cli" {
		t.Fatalf("second line = %q", lines.Text())
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url+"/api/auth/login", strings.NewReader(`{"api_key":"test_cli"}`))
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
