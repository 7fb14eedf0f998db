package acctest

import (
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider"
)

// Main is every acceptance-test package's TestMain: it runs the package's
// tests with TF_LOG=TRACE into per-test files and, afterwards, checks every
// log line of the CLI, the harness and the provider for the API key and
// every JWT issued.
func Main(m *testing.M) { runScanned(m, true) }

// MainNative is Main for a package whose acceptance tests all need
// Terraform 1.14 or later (actions): with an older CLI every one of them
// skips and the CLI writes no log, so there is nothing to scan; the scan
// runs in the native run (make test's second pass), where they run.
func MainNative(m *testing.M) { runScanned(m, os.Getenv("TF_ACC") == "" || nativeRun()) }

// terraformRuns counts the tests that started Terraform (Test, NativeTest,
// NewCLI), whether or not they then skipped: a package of which none did
// has no log to scan. One that did and left no log fails the scan.
var terraformRuns atomic.Int64

func runScanned(m *testing.M, scan bool) {
	if !Live() {
		os.Setenv(provider.EnvAPIKey, APIKey)
	}
	// The provider runs inside this test binary, in the package's
	// directory: its in-flight journal of creates gets a directory of its
	// own instead of the package's .terraform/.
	journalDir := ""
	if os.Getenv(client.EnvJournalDir) == "" {
		var err error
		if journalDir, err = os.MkdirTemp("", "oneapi-acc-journal-"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Setenv(client.EnvJournalDir, journalDir)
	}
	logDir := ""
	if scan && os.Getenv("TF_ACC") != "" && os.Getenv("TF_LOG_PATH_MASK") == "" && os.Getenv("ONEAPI_SECRET_SCAN") != "0" {
		var err error
		if logDir, err = os.MkdirTemp("", "oneapi-acc-logs-"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Setenv("TF_LOG", "TRACE")
		os.Setenv("TF_LOG_PATH_MASK", filepath.Join(logDir, "%s.log"))
	}
	code := m.Run()
	if logDir != "" && terraformRuns.Load() == 0 {
		// The -run filter (make test-faults) selected no test of this
		// package that runs Terraform: there is no log to scan, and no
		// provider ran to leak anything.
		fmt.Println("secret scan: no test of this package ran Terraform, so there is no log to scan")
		os.RemoveAll(logDir)
		logDir = ""
	}
	if logDir != "" {
		if err := scanLogs(logDir, Secrets()); err != nil {
			fmt.Fprintln(os.Stderr, "FAIL: secret scan of the suite's TRACE logs:", err)
			code = 1
		} else {
			fmt.Println("secret scan: no API key or JWT in the suite's TRACE logs")
		}
		os.RemoveAll(logDir)
	}
	if journalDir != "" {
		os.RemoveAll(journalDir)
	}
	os.Exit(code)
}
