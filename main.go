// Command terraform-provider-oneapi is the Terraform provider for the
// One-API messaging platform (RCS and SMS campaigns).
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/gctune"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/parentwatch"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
)

// version is set by the release build (goreleaser ldflags).
var version = "dev"

func main() {
	var debugMode bool
	flag.BoolVar(&debugMode, "debug", false, "set to true to run the provider with support for debuggers like delve")
	flag.Parse()

	if !debugMode {
		quietUnreadLogs(os.Getenv, os.Setenv)
		go parentwatch.Watch(context.Background(), orphanPoll, os.Getppid, exitOrphaned)
	}
	gctune.Tune(os.Getenv)

	// As providerserver.Serve does, with the server that releases request
	// contexts (provider.NewProtocol6Server).
	var opts []tf6server.ServeOpt
	if debugMode {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	err := tf6server.Serve("registry.terraform.io/oneapi-terraform/oneapi", provider.NewProtocol6Server(version), opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}

// How soon an orphaned provider notices, and how long its requests get to
// return once canceled (internal/parentwatch, provider.Abandon).
const (
	orphanPoll  = 500 * time.Millisecond
	orphanGrace = 5 * time.Second
)

// exitOrphaned ends a provider whose Terraform is gone: nothing it still
// does can reach a state. Its requests are canceled and given orphanGrace
// to return; nothing is written to stderr, whose reader is gone.
func exitOrphaned() {
	provider.Abandon(orphanGrace)
	os.Exit(1)
}

// quietUnreadLogs turns the provider's logging off when Terraform will not
// show it. terraform-plugin-go logs every RPC at TRACE unless told
// otherwise, and Terraform discards provider logs unless TF_LOG or
// TF_LOG_PROVIDER is set (OpenTofu reads the same variables); formatting
// those lines as JSON for nothing was a large part of the provider's CPU
// in a big plan (bench/RESULTS.md). A level the user set explicitly is
// kept.
func quietUnreadLogs(getenv func(string) string, setenv func(string, string) error) {
	if getenv("TF_LOG") != "" || getenv("TF_LOG_PROVIDER") != "" {
		return
	}
	for _, name := range provider.LogLevelVariables {
		if getenv(name) == "" {
			_ = setenv(name, "OFF")
		}
	}
}
