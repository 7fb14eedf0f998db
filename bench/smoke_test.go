package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// The smoke runs measure every variant and section of the benchmark at a
// tiny size, one run each, so that `make test` fails the day the harness
// breaks (a no-op without identities, a flag that no longer parses, a
// stand-in that refuses a control request). Timings are not judged: the
// tests check that every row was measured and written.

// TestAccBenchSmoke runs the main sections with the run's CLI
// (TF_ACC_TERRAFORM_PATH): plan and apply of every variant, a
// rate-limited apply and refresh, the memory plan, two workspaces against
// one limit.
func TestAccBenchSmoke(t *testing.T) {
	tf := acceptanceCLI(t)
	t.Chdir("..")
	out := filepath.Join(t.TempDir(), "RESULTS.md")
	opts := options{sizes: []int{3}, runs: 1, rates: []rateSpec{{3, 20}}, refreshes: []rateSpec{{4, 20}}, rssN: 3,
		workspaces: rateSpec{3, 20}, out: out, terraform: tf}
	if err := withEnv(opts, run); err != nil {
		t.Fatal(err)
	}
	report := readReport(t, out)
	var want []string
	for _, command := range []string{"plan", "apply"} {
		want = append(want, `\| 3 \| `+command+` \| [0-9.]+ s \| [0-9.]+ s \| [0-9.]+ s \| [0-9.]+ \| [0-9.]+ \|`)
		for _, v := range variants {
			want = append(want, `\| 3 \| `+command+` \| `+regexp.QuoteMeta(v)+` \| [0-9.]+ \|`)
		}
	}
	want = append(want,
		`(?m)^The tables down to the targets were measured on commit [0-9a-f]+`,
		// The refresh's reads: list pages or GETs, as the provider chooses.
		"`GET /api/campaigns(/\\{id\\})?` \\| [1-9][0-9]* \\|",
		"`POST /api/auth/login` \\| 1 \\|",
		`## Rate-limited applies[^#]*\| 3 \| 20/s \| [0-9.]+ s \|`,
		`## Refresh under a rate limit[^#]*\| 4 \| 20/s \| [0-9.]+ s \| [0-9.]+ s \| [0-9.]+ \| 0.2 s \| yes \| [0-9]+ \| [0-9]+ \| [0-9]+ \| [0-9]+ \|`,
		`## Provider memory at 3 campaigns[^#]*\| 3 \| apply \|[^\n]*\n\| 3 \| plan \|`,
		`## Two workspaces, one rate limit[^#]*\| 2 \| \[3 3\] \| \[0 0\] \| 6 \| 0 \| \[true true\] \| \[true true\] \|`,
		`\| plan ≤ 0.7 × same-schema no-op at N = 3 \(Terraform v[0-9.]+\) \| [0-9.]+: `,
		`\| plan ≤ 3.5 × terraform_data at N = 3 \(Terraform v[0-9.]+\) \| [0-9.]+: `,
		`\| rate-limited apply ≤ 1.15 × `,
		`\| refresh of 4 at 20/s ≤ 1.3 × the same refresh unlimited \| [0-9.]+ `,
		`\| refresh of 4 at 20/s: list requests ≤ ceil\(N/500\) × 1 type \+ 2 = 3 \| [0-9]+ \(and [0-9]+ campaign GETs\)`,
		`\| refresh of 4 at 20/s: empty plan \| yes: met \|`,
		`\| refresh of 4 at 20/s: API requests ≤ 20 \| [0-9]+ `,
		`\| refresh of 4 at 20/s: wall ≤ 0.4 × N/R = 0.1 s \| [0-9.]+ s: `,
		`\| provider peak RSS ≤ 64 MiB in a plan of N = 3 \| [0-9.]+ MiB: `,
		`\| two workspaces applying 3 campaigns each at once, [^|]*\| [0-9.]+ s beside 0.3 s `,
	)
	requireRows(t, report, want)
}

// TestAccBenchSmoke_native runs the sections of the 1.14+ CLI
// (TF_ACC_TERRAFORM_PATH, ONEAPI_ACC_NATIVE=1 in make test): the plan of
// every variant with it, after the CLI on PATH applied
// (scripts/terraform-path.sh), then terraform query and the stop action.
func TestAccBenchSmoke_native(t *testing.T) {
	native := acctest.RequireNative(t)
	t.Chdir("..")
	primary, err := exec.Command("scripts/terraform-path.sh").Output() //nolint:noctx // fixed command
	if err != nil {
		t.Fatalf("scripts/terraform-path.sh: %v", err)
	}
	out := filepath.Join(t.TempDir(), "RESULTS.md")
	opts := options{sizes: []int{2}, runs: 1, nativePlan: true, queryN: 20, stopN: 2, out: out,
		terraform: strings.TrimSpace(string(primary)), nativeTerraform: native}
	if err := withEnv(opts, func(e *env, opts options) error {
		if err := run(e, opts); err != nil {
			return err
		}
		return runNative(e, opts)
	}); err != nil {
		t.Fatal(err)
	}
	report := readReport(t, out)
	want := []string{`\| 2 \| plan, v1\.1[4-9][0-9.]* \| [0-9.]+ s \| [0-9.]+ s \| [0-9.]+ s \| [0-9.]+ \| [0-9.]+ \|`,
		`\| plan ≤ 0.7 × same-schema no-op at N = 2 \(Terraform v1\.1[4-9][0-9.]*\) \| [0-9.]+: `,
		`\| plan ≤ 3.5 × terraform_data at N = 2 \(Terraform v1\.1[4-9][0-9.]*\) \| [0-9.]+: `,
		`(?s)<!-- native: begin -->.*Measured on commit [0-9a-f]+.*<!-- native: end -->`,
		`\| 20 \| query \| oneapi_campaign \| [0-9.]+ s \| [0-9.]+ s \| [0-9.]+ MiB \|`,
		`\| 20 \| query \| same-schema no-op \| [0-9.]+ s \|`,
		`\| 2 \| apply -invoke \(stop action, for_each\) \| oneapi_campaign_stop \| [0-9.]+ s \|`,
		`\| 2 \| apply \(desired_state = "stopped"\) \| oneapi_campaign \| [0-9.]+ s \|`,
		`\| query finds all 20 campaigns \| 20: met \|`,
		`\| list requests ≤ ceil\(N / 500\) per window and type, at least one per type \(4 types: 4\) \| [0-9]+: `,
		`\| one stop request per campaign \(invoke; resources\) \| 2; 2 of 2: met \|`,
	}
	for _, v := range nativeVariants {
		want = append(want, `\| 2 \| plan, v1\.1[4-9][0-9.]* \| `+regexp.QuoteMeta(v)+` \| [0-9.]+ \|`)
	}
	requireRows(t, report, want)
}

// TestReportSections: the main report keeps the sections other modes
// wrote, and a mode rewrites only its own.
func TestReportSections(t *testing.T) {
	native := nativeBegin + "\nquery, measured on commit a\n" + nativeEnd
	callgrind := callgrindBegin + "\ninstructions, measured on commit b\n" + callgrindEnd
	old := "# Benchmark results\n\nold main tables\n\n" + native + "\n\n" + callgrind + "\n"
	got := withMain(old, "# Benchmark results\n\nnew main tables\n")
	if strings.Contains(got, "old main") || !strings.Contains(got, "new main tables") || !strings.Contains(got, native) || !strings.Contains(got, callgrind) {
		t.Errorf("withMain:\n%s", got)
	}
	got = withSection(got, nativeBegin, nativeEnd, nativeBegin+"\nnew query\n"+nativeEnd+"\n")
	if strings.Contains(got, "commit a") || !strings.Contains(got, "new query") || !strings.Contains(got, callgrind) || !strings.Contains(got, "new main tables") {
		t.Errorf("withSection:\n%s", got)
	}
	if got := withMain("# Benchmark results\n\nbefore sections had markers\n", "# new\n"); got != "# new\n" {
		t.Errorf("withMain of a report without sections = %q", got)
	}
}

// acceptanceCLI is the run's Terraform CLI; the test skips outside an
// acceptance run.
func acceptanceCLI(t *testing.T) string {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("an acceptance test (runs the Terraform CLI): run it with `make test` (TF_ACC=1)")
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		t.Fatal("TF_ACC=1 without TF_ACC_TERRAFORM_PATH")
	}
	return tf
}

func readReport(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// requireRows fails the test for every pattern the report lacks.
func requireRows(t *testing.T, report string, patterns []string) {
	t.Helper()
	missing := false
	for _, p := range patterns {
		if !regexp.MustCompile(p).MatchString(report) {
			t.Errorf("the report has no match for %s", p)
			missing = true
		}
	}
	if missing {
		t.Logf("report:\n%s", report)
	}
}
