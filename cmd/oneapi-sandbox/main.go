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
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "oneapi-sandbox:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("oneapi-sandbox", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:0", "address to listen on (port 0 picks a free port)")
	apiKey := fs.String("api-key", "", "API key that login accepts (default: a random test_ key)")
	lifetime := fs.Duration("token-lifetime", time.Hour, "JWT lifetime on the stand-in's clock")
	speed := fs.Float64("clock-speed", 1, "how fast the stand-in's clock runs relative to real time (0 freezes it)")
	urlFile := fs.String("url-file", "", "write the base URL to this file once listening")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *apiKey == "" {
		b := make([]byte, 10)
		_, _ = rand.Read(b)
		*apiKey = "test_" + hex.EncodeToString(b)
	}
	sb := sandbox.New(sandbox.Config{APIKeys: []string{*apiKey}, TokenLifetime: *lifetime, ClockSpeed: *speed})
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	fmt.Printf("oneapi-sandbox listening on %s\napi_key: %s\n", url, *apiKey)
	if *urlFile != "" {
		if err := os.WriteFile(*urlFile, []byte(url+"\n"), 0o600); err != nil {
			return err
		}
	}
	srv := &http.Server{Handler: sb, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Println("oneapi-sandbox stopped")
	return nil
}
