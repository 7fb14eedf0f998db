// Command oneapi-sandbox runs the One-API stand-in on a local port, for the
// demo, benchmarks and pipelines that want to exercise the provider without
// an account.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
	_ "time/tzdata" // -time-zone works on machines without a zone database

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "oneapi-sandbox:", err)
		os.Exit(1)
	}
}

// run serves until ctx ends (SIGINT or SIGTERM in main).
func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("oneapi-sandbox", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:0", "address to listen on (port 0 picks a free port)")
	apiKey := fs.String("api-key", "", "API key that login accepts (default: a random test_ key)")
	lifetime := fs.Duration("token-lifetime", time.Hour, "JWT lifetime on the stand-in's clock")
	speed := fs.Float64("clock-speed", 1, "how fast the stand-in's clock runs relative to real time (0 freezes it)")
	urlFile := fs.String("url-file", "", "write the base URL to this file once listening")
	rateLimit := fs.Float64("rate-limit", 0, "answer 429 beyond this many API requests per second (0: no limit)")
	timeZone := fs.String("time-zone", "UTC", "the account's time zone (IANA name): start_at and list filters are read, and every time is written, in it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	zone, err := time.LoadLocation(*timeZone)
	if err != nil {
		return fmt.Errorf("-time-zone %q: %w", *timeZone, err)
	}
	if *apiKey == "" {
		b := make([]byte, 10)
		_, _ = rand.Read(b)
		*apiKey = "test_" + hex.EncodeToString(b)
	}
	sb := sandbox.New(sandbox.Config{APIKeys: []string{*apiKey}, TokenLifetime: *lifetime, ClockSpeed: *speed, RateLimit: *rateLimit, AccountZone: zone})
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", *listen)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	if _, err := fmt.Fprintf(out, "oneapi-sandbox listening on %s\napi_key: %s\n", url, *apiKey); err != nil {
		return err
	}
	if *urlFile != "" {
		if err := os.WriteFile(*urlFile, []byte(url+"\n"), 0o600); err != nil {
			return err
		}
	}
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	return stop(srv, out)
}

// stop shuts the server down: open requests get shutdownGrace to finish;
// a connection still open then (a request that did not finish, or a
// client's connection that never sent one, which the server waits 5 s
// for) is closed, since a stop was asked for.
func stop(srv *http.Server, out io.Writer) error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		if cerr := srv.Close(); cerr != nil {
			return cerr
		}
		_, _ = fmt.Fprintf(out, "oneapi-sandbox: closed the connections still open %s after the stop signal\n", shutdownGrace)
	}
	_, _ = fmt.Fprintln(out, "oneapi-sandbox stopped")
	return nil
}

// shutdownGrace is how long a stop waits for open requests to finish.
var shutdownGrace = 5 * time.Second
