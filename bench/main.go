// Command bench measures the provider against Terraform's own floor: plan
// (with refresh) and apply of N oneapi_campaign resources versus the
// same-schema no-op and N terraform_data resources, alternating, against
// oneapi-sandbox on localhost, on the CLI on PATH and on a 1.14+ CLI;
// applies and refreshes against a rate-limited stand-in; the provider's
// peak memory at 5,000 campaigns; two workspaces sharing one rate limit;
// terraform query and the stop action. It writes bench/RESULTS.md, each
// section with the commit and date it was measured at. Run it with `make
// bench`; `go test ./bench` runs it at a tiny size (TestAccBenchSmoke).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/gctune"
)

const apiKey = "test_bench"

type env struct {
	root, work, terraform, rssFile string
	// nativeTerraform is a 1.14+ CLI (scripts/terraform-native.sh when
	// empty until asked for).
	nativeTerraform string
	baseEnv         []string
}

// options are what one benchmark run measures.
type options struct {
	sizes []int
	runs  int
	// rates are rate-limited applies; refreshes rate-limited refreshes.
	rates, refreshes []rateSpec
	// rssN is the size of the one plan whose peak RSS is measured (0: none).
	rssN int
	// workspaces is the two-workspace apply against one rate limit (n 0:
	// none).
	workspaces rateSpec
	// nativePlan plans each size with the 1.14+ CLI too.
	nativePlan      bool
	queryN, stopN   int
	out             string
	terraform       string // the CLI (scripts/terraform-path.sh when empty)
	nativeTerraform string // the 1.14+ CLI (scripts/terraform-native.sh when empty)
}

// rateSpec is campaigns@requests-per-second.
type rateSpec struct {
	n int
	r float64
}

func (s rateSpec) String() string { return fmt.Sprintf("%d@%g", s.n, s.r) }

func main() {
	sizes := flag.String("sizes", "100,1000", "numbers of campaigns")
	runs := flag.Int("runs", 3, "runs per measurement (median)")
	rates := flag.String("rates", "500@50,200@20", "rate-limited applies, as campaigns@requests-per-second (empty: none)")
	refreshes := flag.String("refresh", "1000@20,300@20", "rate-limited refreshes, as campaigns@requests-per-second: the stand-in limited to that rate and requests_per_second set to it, beside the same refresh unlimited (empty: none)")
	rssN := flag.Int("rss-n", 5000, "campaigns in the one plan whose provider peak RSS is measured (0: none)")
	workspaces := flag.String("workspaces", "300@20", "campaigns@requests-per-second each of two workspaces applies at once against one stand-in limited to that rate, requests_per_second unset (empty: none)")
	nativePlan := flag.Bool("native-plan", true, "plan each size with the 1.14+ CLI (scripts/terraform-native.sh) too")
	out := flag.String("out", "bench/RESULTS.md", "report file")
	profile := flag.Int("profile", 0, "instead of the benchmark, profile a plan and an apply of this many campaigns with Linux perf, writing -out")
	queryN := flag.Int("query-n", 10000, "campaigns found by terraform query (Terraform 1.14+)")
	stopN := flag.Int("stop-n", 100, "campaigns stopped by one invoke of the stop action, and by resources")
	nativeOnly := flag.Bool("native-only", false, "measure only terraform query and the stop action, rewriting their section of -out")
	learn := flag.String("learn", "", "instead of the benchmark, apply campaigns@rate at -parallelism=50 against a stand-in limited to rate requests/s, requests_per_second unset, with one workspace and then two at once; writes -out (default bench/RATE.md, or bench/RATE-lists.md with -learn-to lists)")
	learnTo := flag.String("learn-to", "phones", "with -learn: the campaigns' recipients, phones (one each) or lists (every campaign to the stand-in's contact list 101; such a create carries no reference_id)")
	terraform := flag.String("terraform", "", "the Terraform CLI (default: scripts/terraform-path.sh's)")
	nativeTerraform := flag.String("terraform-native", "", "the Terraform 1.14+ CLI (default: scripts/terraform-native.sh's)")
	flag.Parse()
	opts, err := parseOptions(*sizes, *runs, *rates, *refreshes, *workspaces)
	if err == nil {
		opts.rssN, opts.nativePlan, opts.queryN, opts.stopN, opts.out = *rssN, *nativePlan, *queryN, *stopN, *out
		opts.terraform, opts.nativeTerraform = *terraform, *nativeTerraform
		switch {
		case *learn != "":
			if *out == "bench/RESULTS.md" {
				*out = map[string]string{"lists": "bench/RATE-lists.md"}[*learnTo]
				if *out == "" {
					*out = "bench/RATE.md"
				}
			}
			err = runLearn(*learn, *learnTo, *out)
		case *profile > 0:
			err = runProfile(*profile, *out)
		case *nativeOnly:
			err = withEnv(opts, runNative)
		default:
			err = withEnv(opts, func(e *env, opts options) error {
				if err := run(e, opts); err != nil {
					return err
				}
				return runNative(e, opts)
			})
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// parseOptions reads the flags that name sizes and rates.
func parseOptions(sizes string, runs int, rates, refreshes, workspaces string) (options, error) {
	opts := options{runs: runs}
	if runs < 1 {
		return opts, fmt.Errorf("-runs %d: want 1 or more", runs)
	}
	for _, s := range splitList(sizes) {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			return opts, fmt.Errorf("-sizes: %q is not a number of campaigns", s)
		}
		opts.sizes = append(opts.sizes, n)
	}
	var err error
	if opts.rates, err = parseRates(rates); err != nil {
		return opts, err
	}
	if opts.refreshes, err = parseRates(refreshes); err != nil {
		return opts, err
	}
	ws, err := parseRates(workspaces)
	if err != nil || len(ws) > 1 {
		return opts, fmt.Errorf("-workspaces %q: want one campaigns@requests-per-second, or nothing", workspaces)
	}
	if len(ws) == 1 {
		opts.workspaces = ws[0]
	}
	return opts, nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func parseRates(s string) ([]rateSpec, error) {
	var out []rateSpec
	for _, spec := range splitList(s) {
		n, r, err := parseRate(spec)
		if err != nil {
			return nil, err
		}
		out = append(out, rateSpec{n, r})
	}
	return out, nil
}

// withEnv sets up the binaries and CLIs opts name, runs f, and cleans up.
func withEnv(opts options, f func(*env, options) error) error {
	e, err := setup(opts.terraform)
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(e.work) }()
	e.nativeTerraform = opts.nativeTerraform
	return f(e, opts)
}

// run measures the main sections and writes them into opts.out, keeping
// the sections other modes wrote.
func run(e *env, opts options) error {
	res := mainResult{runs: opts.runs, measuredAt: measuredAt(), version: e.version()}
	if opts.nativePlan && len(opts.sizes) > 0 {
		native, err := e.native()
		if err != nil {
			return err
		}
		res.nativeVersion = native.version()
	}
	for _, n := range opts.sizes {
		r, err := e.measureSize(n, opts.runs, opts.nativePlan)
		if err != nil {
			return err
		}
		res.sizes = append(res.sizes, r)
	}
	for _, spec := range opts.rates {
		r, err := e.measureRate(spec.n, spec.r)
		if err != nil {
			return err
		}
		res.rates = append(res.rates, r)
	}
	for _, spec := range opts.refreshes {
		r, err := e.measureRefresh(spec, opts.runs)
		if err != nil {
			return err
		}
		res.refreshes = append(res.refreshes, r)
	}
	if opts.rssN > 0 {
		r, err := e.measureRSS(opts.rssN)
		if err != nil {
			return err
		}
		res.rss = &r
	}
	if opts.workspaces.n > 0 {
		r, err := e.measureLearn(2, opts.workspaces.n, opts.workspaces.r, "phones")
		if err != nil {
			return err
		}
		if len(r.errs) > 0 {
			return fmt.Errorf("two workspaces applying %s each: %s", opts.workspaces, strings.Join(r.errs, "\n"))
		}
		res.workspaces = &r
	}
	report := e.report(res)
	fmt.Print(report)
	old, _ := os.ReadFile(opts.out)
	return os.WriteFile(opts.out, []byte(withMain(string(old), report)), 0o600)
}

// runNative measures terraform query and the stop action and writes their
// section into out.
func runNative(e *env, opts options) error {
	r, err := e.measureNative(opts.queryN, opts.stopN, opts.runs)
	if err != nil {
		return err
	}
	section := reportNative(r, opts.runs)
	fmt.Print(section)
	old, _ := os.ReadFile(opts.out)
	return os.WriteFile(opts.out, []byte(withSection(string(old), nativeBegin, nativeEnd, section)), 0o600)
}

func runProfile(n int, out string) error {
	e, err := setup("")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(e.work) }()
	return e.profile(n, out)
}

// setup builds the provider, the no-op, the RSS wrapper and the stand-in
// into a temporary directory, and finds the Terraform CLI: terraform, or
// scripts/terraform-path.sh's.
func setup(terraform string) (*env, error) {
	root, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	work, err := os.MkdirTemp("", "oneapi-bench-")
	if err != nil {
		return nil, err
	}
	e := &env{root: root, work: work, rssFile: filepath.Join(work, "rss"), terraform: terraform}
	realDir, override := filepath.Join(work, "real"), filepath.Join(work, "override")
	steps := [][]string{
		{"go", "build", "-o", filepath.Join(realDir, "terraform-provider-oneapi"), "."},
		{"go", "build", "-o", filepath.Join(realDir, "terraform-provider-noop"), "./bench/noop"},
		{"go", "build", "-o", filepath.Join(override, "terraform-provider-oneapi"), "./bench/rsswrap"},
		{"go", "build", "-o", filepath.Join(override, "terraform-provider-noop"), "./bench/rsswrap"},
		{"go", "build", "-o", filepath.Join(work, "oneapi-sandbox"), "./cmd/oneapi-sandbox"},
	}
	for _, s := range steps {
		if b, err := exec.Command(s[0], s[1:]...).CombinedOutput(); err != nil { //nolint:gosec,noctx // fixed commands
			_ = os.RemoveAll(work)
			return nil, fmt.Errorf("%v: %w\n%s", s, err, b)
		}
	}
	if e.terraform == "" {
		tf, err := exec.Command("scripts/terraform-path.sh").Output() //nolint:noctx // fixed command
		if err != nil {
			_ = os.RemoveAll(work)
			return nil, fmt.Errorf("finding the Terraform CLI: %w", err)
		}
		e.terraform = strings.TrimSpace(string(tf))
	}
	rc := filepath.Join(work, "terraformrc")
	rcText := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"registry.terraform.io/oneapi-terraform/oneapi\" = %q\n"+
		"    \"registry.terraform.io/oneapi-terraform/noop\" = %q\n  }\n  direct {}\n}\n", override, override)
	if err := os.WriteFile(rc, []byte(rcText), 0o600); err != nil {
		return nil, err
	}
	// Plain errors (no colour codes) for the reports of failed commands.
	e.baseEnv = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1",
		"TF_CLI_ARGS_init=-no-color", "TF_CLI_ARGS_plan=-no-color", "TF_CLI_ARGS_apply=-no-color",
		"ONEAPI_API_KEY="+apiKey, "BENCH_REAL_DIR="+realDir, "BENCH_RSS_FILE="+e.rssFile)
	return e, nil
}

// native is the env with the 1.14+ CLI in place of the CLI.
func (e *env) native() (*env, error) {
	if e.nativeTerraform == "" {
		tf, err := exec.Command("scripts/terraform-native.sh").Output() //nolint:noctx // fixed command
		if err != nil {
			return nil, fmt.Errorf("finding a Terraform 1.14+ CLI (scripts/terraform-native.sh): %w", err)
		}
		e.nativeTerraform = strings.TrimSpace(string(tf))
	}
	n := *e
	n.terraform = e.nativeTerraform
	return &n, nil
}

// version is the first line of the CLI's `terraform version`.
func (e *env) version() string {
	v, err := exec.Command(e.terraform, "version").Output() //nolint:gosec,noctx // the pinned CLI
	if err != nil {
		return "Terraform at " + e.terraform
	}
	return strings.SplitN(strings.TrimSpace(string(v)), "\n", 2)[0]
}

// sandbox is a running oneapi-sandbox process.
type sandbox struct {
	cmd *exec.Cmd
	url string
}

func (e *env) startSandbox(rateLimit float64) (*sandbox, error) {
	urlFile := filepath.Join(e.work, fmt.Sprintf("url-%d", time.Now().UnixNano()))
	args := []string{"-listen", "127.0.0.1:0", "-api-key", apiKey, "-clock-speed", "0", "-url-file", urlFile}
	if rateLimit > 0 {
		args = append(args, "-rate-limit", fmt.Sprint(rateLimit))
	}
	cmd := exec.Command(filepath.Join(e.work, "oneapi-sandbox"), args...) //nolint:gosec,noctx // the binary just built
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	for i := 0; i < 200; i++ {
		if b, err := os.ReadFile(urlFile); err == nil && len(b) > 0 {
			return &sandbox{cmd: cmd, url: strings.TrimSpace(string(b))}, nil
		}
		time.Sleep(25 * time.Millisecond)
	}
	_ = cmd.Process.Kill()
	return nil, fmt.Errorf("oneapi-sandbox did not start")
}

func (s *sandbox) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	_ = s.cmd.Wait()
}

func (s *sandbox) control(method, path string) (map[string]map[string]int, error) {
	req, err := http.NewRequestWithContext(context.Background(), method, s.url+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	out := map[string]map[string]int{}
	if method == http.MethodGet {
		err = json.NewDecoder(resp.Body).Decode(&out)
	}
	return out, err
}

func campaignsConfig(url string, n int, rps float64) string {
	extra := ""
	if rps > 0 {
		extra = fmt.Sprintf("requests_per_second = %g", rps)
	}
	return fmt.Sprintf(`terraform {
  required_providers {
    oneapi = { source = "oneapi-terraform/oneapi" }
  }
}
provider "oneapi" {
  endpoint = %q
  %s
}
`, url, extra) + campaignsResource("oneapi_campaign", n)
}

// benchStartAt schedules the benchmark's campaigns two days after the run
// starts, one value for the whole run: a new campaign's start_at must lie
// in the next 30 days, and a changed one would replace every campaign.
var benchStartAt = time.Now().Add(48 * time.Hour).UTC().Format("2006-01-02 15:04:05")

// noopConfig is the benchmark's campaigns in the same-schema no-op provider
// (bench/noop): oneapi_campaign's schema without its rules or API.
func noopConfig(n int) string {
	return `terraform {
  required_providers {
    noop = { source = "oneapi-terraform/noop" }
  }
}
` + campaignsResource("noop_campaign", n)
}

// campaignsResource is the benchmark's n campaigns as a resource of type
// typ: the same configuration for the provider and the no-op.
func campaignsResource(typ string, n int) string {
	return fmt.Sprintf(`resource %q "c" {
  count           = %d
  recipients      = { phones = [format("3806%%08d", count.index)] }
  rcs             = { sender = "bench", text = "Benchmark" }
  start_at        = %q
  stop_on_destroy = false
}
`, typ, n, benchStartAt)
}

func floorConfig(n int) string {
	return fmt.Sprintf(`resource "terraform_data" "c" {
  count = %d
  input = { phone = format("3806%%08d", count.index), sender = "bench", text = "Benchmark" }
}
`, n)
}

// measurement is one terraform command: its wall time, the CPU time of
// Terraform and of the provider processes it started, and the providers'
// peak resident set size.
type measurement struct {
	wall                  time.Duration
	terraformCPU, provCPU float64
	peakRSSKiB            int
	// providers is the provider processes rsswrap recorded: none for
	// terraform_data, which needs no plugin.
	providers int
}

// tf runs one terraform command in dir.
func (e *env) tf(dir string, args ...string) (measurement, error) {
	return e.tfWith(nil, dir, args...)
}

// tfWith runs one terraform command in dir with extra environment
// variables.
func (e *env) tfWith(extraEnv []string, dir string, args ...string) (measurement, error) {
	m, _, err := e.tfOut(extraEnv, dir, args...)
	return m, err
}

// tfOut is tfWith that also returns what terraform printed.
func (e *env) tfOut(extraEnv []string, dir string, args ...string) (measurement, string, error) {
	_ = os.Remove(e.rssFile)
	args = append([]string{"-chdir=" + dir}, args...)
	cmd := exec.Command(e.terraform, args...) //nolint:gosec,noctx // the pinned CLI
	cmd.Env = append(append([]string{}, e.baseEnv...), extraEnv...)
	start := time.Now()
	b, err := cmd.CombinedOutput()
	m := measurement{wall: time.Since(start)}
	if err != nil {
		return m, string(b), &tfError{args: args, err: err, out: tail(string(b), 30)}
	}
	m.peakRSSKiB, m.provCPU, m.providers = providerUsage(e.rssFile)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		// Terraform's usage includes the plugin processes it waited for.
		m.terraformCPU = time.Duration(ru.Utime.Nano()+ru.Stime.Nano()).Seconds() - m.provCPU
	}
	return m, string(b), nil
}

// tfError is a terraform command that failed.
type tfError struct {
	args []string
	err  error
	out  string
}

func (t *tfError) Error() string {
	return fmt.Sprintf("%s %s: %v\n%s", "terraform", strings.Join(t.args, " "), t.err, t.out)
}

// exitCode is the exit status of a terraform command that failed, or -1.
func exitCode(err error) int {
	var t *tfError
	var x *exec.ExitError
	if errors.As(err, &t) && errors.As(t.err, &x) {
		return x.ExitCode()
	}
	return -1
}

// tfPlan runs terraform plan -detailed-exitcode in dir and says whether
// the plan was empty: exit status 2 (changes) is a result, any other
// failure an error.
func (e *env) tfPlan(extraEnv []string, dir string) (m measurement, empty bool, err error) {
	m, err = e.tfWith(extraEnv, dir, "plan", "-input=false", "-detailed-exitcode")
	if exitCode(err) == 2 {
		m, err = e.tfWith(extraEnv, dir, "plan", "-input=false")
		return m, false, err
	}
	return m, err == nil, err
}

// withProvider fails a measurement of a command that must have started a
// provider but left no record of one: its CPU and memory would read as 0.
func withProvider(m measurement, what string) error {
	if m.providers == 0 {
		return fmt.Errorf("%s: rsswrap recorded no provider process, so its CPU and memory are unknown", what)
	}
	return nil
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func (e *env) newDir(name, config string) (string, error) {
	dir, err := os.MkdirTemp(e.work, name+"-")
	if err != nil {
		return "", err
	}
	return dir, os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600)
}

// Variants compared at each size. oneapiGOGC100 is the provider with Go's
// default garbage collection target instead of its own (main.go's
// tuneGC): what that setting saves.
const (
	oneapi        = "oneapi_campaign"
	oneapiGOGC100 = "oneapi_campaign, GOGC=100"
	noop          = "same-schema no-op"
	floor         = "terraform_data (floor)"
)

var variants = []string{oneapi, noop, floor, oneapiGOGC100}

// nativeVariants are planned with the 1.14+ CLI too.
var nativeVariants = []string{oneapi, noop, floor}

// variantEnv is the environment a variant's commands add.
func variantEnv(v string) []string {
	if v == oneapiGOGC100 {
		return []string{"GOGC=100"}
	}
	return nil
}

type sizeResult struct {
	n           int
	plan, apply map[string][]measurement
	// nativePlan is the plan with the 1.14+ CLI, after one refresh by it
	// stored the identities.
	nativePlan   map[string][]measurement
	gets         float64
	loginsPlan   int
	loginsApply  int
	requestsPlan map[string]int
}

// command is the measurements of one terraform command per variant.
type command struct {
	name string
	ms   map[string][]measurement
}

func (r sizeResult) commands() []command { return []command{{"plan", r.plan}, {"apply", r.apply}} }

func (e *env) measureSize(n, runs int, nativePlan bool) (sizeResult, error) {
	r := sizeResult{n: n, plan: map[string][]measurement{}, apply: map[string][]measurement{}, nativePlan: map[string][]measurement{}}
	var native *env
	if nativePlan {
		var err error
		if native, err = e.native(); err != nil {
			return r, err
		}
	}
	sb, err := e.startSandbox(0)
	if err != nil {
		return r, err
	}
	defer sb.stop()
	floorDir, err := e.newDir("floor-init", floorConfig(n))
	if err != nil {
		return r, err
	}
	if _, err := e.tf(floorDir, "init", "-input=false"); err != nil {
		return r, err
	}
	for i := 0; i < runs; i++ {
		fmt.Fprintf(os.Stderr, "N=%d run %d/%d\n", n, i+1, runs)
		// Alternate the variants; each applies in a fresh state, then plans
		// (with refresh).
		for _, v := range variants {
			var dir string
			switch v {
			case oneapi, oneapiGOGC100:
				dir, err = e.newDir("provider", campaignsConfig(sb.url, n, 0))
			case noop:
				dir, err = e.newDir("noop", noopConfig(n))
			default:
				dir, err = e.floorDir(floorDir, n)
			}
			if err != nil {
				return r, err
			}
			if err := e.applyThenPlan(sb, v, dir, n, &r); err != nil {
				return r, err
			}
			if native != nil && slices.Contains(nativeVariants, v) {
				if err := native.nativePlan(v, dir, &r); err != nil {
					return r, err
				}
			}
		}
	}
	return r, nil
}

// applyThenPlan applies a variant's configuration in a fresh state and
// plans it again, recording both and, for the provider, the requests the
// stand-in counted. A plan that is not empty fails the benchmark.
func (e *env) applyThenPlan(sb *sandbox, v, dir string, n int, r *sizeResult) error {
	if _, err := sb.control(http.MethodPost, "/_sandbox/reset-counters"); err != nil {
		return err
	}
	m, err := e.tfWith(variantEnv(v), dir, "apply", "-auto-approve", "-input=false")
	if err != nil {
		return err
	}
	if err := e.checkProvider(v, m, fmt.Sprintf("apply of %d (%s)", n, v)); err != nil {
		return err
	}
	r.apply[v] = append(r.apply[v], m)
	counters, err := sb.control(http.MethodGet, "/_sandbox/counters")
	if err != nil {
		return err
	}
	if v == oneapi {
		r.loginsApply = max(r.loginsApply, counters["counters"]["POST /api/auth/login"])
	}
	if _, err := sb.control(http.MethodPost, "/_sandbox/reset-counters"); err != nil {
		return err
	}
	if m, err = e.tfWith(variantEnv(v), dir, "plan", "-input=false", "-detailed-exitcode"); err != nil {
		return err
	}
	if err := e.checkProvider(v, m, fmt.Sprintf("plan of %d (%s)", n, v)); err != nil {
		return err
	}
	r.plan[v] = append(r.plan[v], m)
	if v == oneapi {
		counters, err = sb.control(http.MethodGet, "/_sandbox/counters")
		if err != nil {
			return err
		}
		r.requestsPlan = counters["counters"]
		r.gets = float64(counters["counters"]["GET /api/campaigns/{id}"]) / float64(n)
		r.loginsPlan = max(r.loginsPlan, counters["counters"]["POST /api/auth/login"])
	}
	return nil
}

// nativePlan plans a variant's applied configuration with the 1.14+ CLI:
// first a refresh by it (not measured) so that the state holds the
// identities Terraform 1.12 and later keep, then the measured plan, which
// must be empty.
func (e *env) nativePlan(v, dir string, r *sizeResult) error {
	if _, err := e.tfWith(variantEnv(v), dir, "apply", "-refresh-only", "-auto-approve", "-input=false"); err != nil {
		return err
	}
	m, err := e.tfWith(variantEnv(v), dir, "plan", "-input=false", "-detailed-exitcode")
	if err != nil {
		return err
	}
	if err := e.checkProvider(v, m, fmt.Sprintf("plan of %d (%s) with %s", r.n, v, e.terraform)); err != nil {
		return err
	}
	r.nativePlan[v] = append(r.nativePlan[v], m)
	return nil
}

// checkProvider fails a measurement of a provider variant without a
// provider process on record.
func (e *env) checkProvider(v string, m measurement, what string) error {
	if v == floor {
		return nil
	}
	return withProvider(m, what)
}

// floorDir makes a terraform_data configuration that reuses the
// initialized working directory of the first.
func (e *env) floorDir(initDir string, n int) (string, error) {
	dir, err := e.newDir("floor", floorConfig(n))
	if err != nil {
		return "", err
	}
	if err := os.Symlink(filepath.Join(initDir, ".terraform"), filepath.Join(dir, ".terraform")); err != nil {
		return "", err
	}
	if b, err := os.ReadFile(filepath.Join(initDir, ".terraform.lock.hcl")); err == nil {
		_ = os.WriteFile(filepath.Join(dir, ".terraform.lock.hcl"), b, 0o600)
	}
	return dir, nil
}

// providerUsage sums the CPU time and takes the peak RSS of the provider
// processes rsswrap recorded, and counts them.
func providerUsage(file string) (peakKiB int, cpu float64, n int) {
	f, err := os.Open(file)
	if err != nil {
		return 0, 0, 0
	}
	defer func() { _ = f.Close() }()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		v, err1 := strconv.Atoi(fields[0])
		c, err2 := strconv.ParseFloat(fields[1], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		peakKiB, cpu, n = max(peakKiB, v), cpu+c, n+1
	}
	return peakKiB, cpu, n
}

type rateResult struct {
	n          int
	r          float64
	apply      measurement
	floorApply measurement
	// plan is Terraform planning N creates of this schema (the no-op): the
	// part of the apply no rate limit can shorten.
	plan     measurement
	limited  int
	requests int
}

// floor is the least time a rate-limited apply can take: the requests at
// the rate, after Terraform has planned the creates.
func (rr rateResult) floor() float64 { return float64(rr.n)/rr.r + rr.plan.wall.Seconds() }

func (e *env) measureRate(n int, r float64) (rateResult, error) {
	res := rateResult{n: n, r: r}
	fmt.Fprintf(os.Stderr, "rate-limited apply: N=%d at %g requests/s\n", n, r)
	sb, err := e.startSandbox(r)
	if err != nil {
		return res, err
	}
	defer sb.stop()
	pdir, err := e.newDir("rate-plan", noopConfig(n))
	if err != nil {
		return res, err
	}
	if res.plan, err = e.tf(pdir, "plan", "-input=false"); err != nil {
		return res, err
	}
	dir, err := e.newDir("rate", campaignsConfig(sb.url, n, r))
	if err != nil {
		return res, err
	}
	if res.apply, err = e.tf(dir, "apply", "-auto-approve", "-input=false"); err != nil {
		return res, err
	}
	counters, err := sb.control(http.MethodGet, "/_sandbox/counters")
	if err != nil {
		return res, err
	}
	res.limited = counters["injected"]["rate_limited"]
	for _, c := range counters["counters"] {
		res.requests += c
	}
	// Terraform's own cost of applying N resources, for comparison.
	fdir, err := e.newDir("rate-floor", floorConfig(n))
	if err != nil {
		return res, err
	}
	if _, err := e.tf(fdir, "init", "-input=false"); err != nil {
		return res, err
	}
	res.floorApply, err = e.tf(fdir, "apply", "-auto-approve", "-input=false")
	return res, err
}

func medianOf(ms []measurement, f func(measurement) float64) float64 {
	v := make([]float64, 0, len(ms))
	for _, m := range ms {
		v = append(v, f(m))
	}
	sort.Float64s(v)
	if len(v) == 0 {
		return 0
	}
	return v[len(v)/2]
}

func wallOf(m measurement) float64  { return m.wall.Seconds() }
func tfCPUOf(m measurement) float64 { return m.terraformCPU }
func pCPUOf(m measurement) float64  { return m.provCPU }

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

// mainResult is everything one run of the main benchmark measured.
type mainResult struct {
	runs       int
	measuredAt string
	// version and nativeVersion are the CLIs' (`Terraform v1.11.4`).
	version, nativeVersion string
	sizes                  []sizeResult
	rates                  []rateResult
	refreshes              []refreshResult
	rss                    *rssResult
	workspaces             *learnResult
}

func (e *env) report(res mainResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmark results\n\nThe tables down to the targets were measured on %s by `go run ./bench` (`make bench`); "+
		"the sections after them carry their own line.\n\n", res.measuredAt)
	clis := res.version + " (the CLI on PATH)"
	if res.nativeVersion != "" {
		clis += " and " + res.nativeVersion + " (scripts/terraform-native.sh)"
	}
	fmt.Fprintf(&b, "Machine: %s, %d cores, %s; %s; %s; %s/%s.\n\n", cpuModel(), runtime.NumCPU(), memTotal(),
		clis, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "Each figure is the median of %d run(s); the variants alternate. The floor is the same number of "+
		"`terraform_data` resources: Terraform's own cost. The same-schema no-op (`bench/noop`) is a terraform-plugin-framework "+
		"provider whose resource has oneapi_campaign's exact schema and identity, taken from the provider when it starts, without "+
		"validators, plan modifiers, ModifyPlan or an API, and a Read that changes nothing but the identity: this resource's floor in the "+
		"framework. It is served by the framework's own server (`providerserver`), so its memory also shows the framework "+
		"keeping every request's context, which oneapi_campaign's server releases. The "+
		"stand-in (`oneapi-sandbox`) runs as a separate process on localhost; apply creates the resources in a fresh state, "+
		"plan refreshes them (and must be empty).%s Provider CPU is the CPU time of "+
		"the provider processes; Terraform CPU is the rest of the command's.\n\n"+
		"Garbage collection: oneapi_campaign runs with its own settings, GOGC=%d and a soft memory limit of %d MiB, which it "+
		"sets when the user has set neither GOGC nor GOMEMLIMIT (main.go); the row \"%s\" is the same provider with Go's "+
		"default target, to show what the setting saves. The no-op and Terraform run with Go's defaults.\n\n",
		res.runs, nativeNote(res.nativeVersion), gctune.Percent, gctune.MemoryLimit>>20, oneapiGOGC100)
	reportTimes(&b, res)
	reportCPU(&b, res)
	reportRequests(&b, res.sizes)
	reportRates(&b, res.rates)
	reportRefreshes(&b, res.refreshes)
	reportRSS(&b, res.rss)
	reportWorkspaces(&b, res.workspaces)
	reportTargets(&b, res)
	b.WriteString("\nThe targets are printed, not asserted: timings depend on the machine. Rerun with `make bench`.\n")
	return b.String()
}

// nativeNote says how the plan with the 1.14+ CLI was measured, if it was.
func nativeNote(version string) string {
	if version == "" {
		return ""
	}
	return " The plan with " + version + " comes after one `terraform apply -refresh-only` by it (not measured) on the state " +
		"the CLI on PATH applied, so that the state holds the identities Terraform 1.12 and later keep."
}

// commands are a size's measured commands: plan and apply with the CLI,
// and the plan with the 1.14+ CLI when measured.
func (r sizeResult) allCommands(nativeVersion string) []command {
	out := r.commands()
	if len(r.nativePlan) > 0 {
		out = append(out, command{"plan, " + strings.TrimPrefix(nativeVersion, "Terraform "), r.nativePlan})
	}
	return out
}

// reportTimes writes the wall times beside the floor.
func reportTimes(b *strings.Builder, res mainResult) {
	b.WriteString("| N | command | oneapi_campaign | same-schema no-op | terraform_data (floor) | ratio to no-op | ratio to floor |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, r := range res.sizes {
		for _, c := range r.allCommands(res.nativeVersion) {
			p, m, f := medianOf(c.ms[oneapi], wallOf), medianOf(c.ms[noop], wallOf), medianOf(c.ms[floor], wallOf)
			fmt.Fprintf(b, "| %d | %s | %.2f s | %.2f s | %.2f s | %.2f | %.2f |\n", r.n, c.name, p, m, f, p/m, p/f)
		}
	}
}

// reportCPU writes where the CPU time goes and the provider's peak RSS.
func reportCPU(b *strings.Builder, res mainResult) {
	b.WriteString("\nWhere the CPU time goes (medians, seconds) and the provider's peak resident set size:\n\n")
	b.WriteString("| N | command | variant | wall | Terraform CPU | provider CPU | provider peak RSS |\n|---|---|---|---|---|---|---|\n")
	for _, r := range res.sizes {
		for _, c := range r.allCommands(res.nativeVersion) {
			for _, v := range variants {
				if len(c.ms[v]) == 0 {
					continue
				}
				rss := "none (no plugin)"
				if v != floor {
					rss = fmt.Sprintf("%.1f MiB", medianOf(c.ms[v], func(m measurement) float64 { return float64(m.peakRSSKiB) / 1024 }))
				}
				fmt.Fprintf(b, "| %d | %s | %s | %.2f | %.2f | %.2f | %s |\n", r.n, c.name, v, medianOf(c.ms[v], wallOf),
					medianOf(c.ms[v], tfCPUOf), medianOf(c.ms[v], pCPUOf), rss)
			}
		}
	}
}

// reportRequests writes the requests of one plan of the largest N.
func reportRequests(b *strings.Builder, rows []sizeResult) {
	if len(rows) == 0 {
		return
	}
	last := rows[len(rows)-1]
	fmt.Fprintf(b, "\nRequests the stand-in counted during one plan (refresh) of %d campaigns, unlimited:\n\n| request | count |\n|---|---|\n", last.n)
	for _, k := range sortedKeys(last.requestsPlan) {
		fmt.Fprintf(b, "| `%s` | %d |\n", k, last.requestsPlan[k])
	}
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// reportRates writes the rate-limited applies.
func reportRates(b *strings.Builder, rates []rateResult) {
	if len(rates) == 0 {
		return
	}
	b.WriteString("\n## Rate-limited applies\n\nThe stand-in answers 429 beyond R requests per second and the provider is configured with " +
		"`requests_per_second = R`; N campaigns are applied. Their floor is N/R, the time the requests need at the rate, " +
		"plus Terraform's planning of N creates of this schema (measured with the same-schema no-op), which comes before the " +
		"first request; Terraform's own apply of N `terraform_data` resources is shown beside it.\n\n")
	b.WriteString("| N | R | apply | N/R | plan of N (no-op) | floor | ratio to floor | Terraform's own apply of N | requests | refused for the rate |\n" +
		"|---|---|---|---|---|---|---|---|---|---|\n")
	for _, rr := range rates {
		nr := float64(rr.n) / rr.r
		fmt.Fprintf(b, "| %d | %g/s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f | %.2f s | %d | %d |\n", rr.n, rr.r, rr.apply.wall.Seconds(), nr,
			rr.plan.wall.Seconds(), rr.floor(), rr.apply.wall.Seconds()/rr.floor(), rr.floorApply.wall.Seconds(), rr.requests, rr.limited)
	}
}

// reportTargets writes the targets and whether they were met.
func reportTargets(b *strings.Builder, res mainResult) {
	b.WriteString("\n## Targets\n\n| target | result |\n|---|---|\n")
	if len(res.sizes) > 0 {
		big := res.sizes[len(res.sizes)-1]
		for _, c := range big.allCommands(res.nativeVersion) {
			if !strings.HasPrefix(c.name, "plan") {
				continue
			}
			cli := res.version
			if c.name != "plan" {
				cli = res.nativeVersion
			}
			pn := medianOf(c.ms[oneapi], wallOf) / medianOf(c.ms[noop], wallOf)
			pf := medianOf(c.ms[oneapi], wallOf) / medianOf(c.ms[floor], wallOf)
			fmt.Fprintf(b, "| plan ≤ 0.7 × same-schema no-op at N = %d (%s) | %.2f: %s |\n", big.n, cli, pn, verdict(pn <= 0.7))
			fmt.Fprintf(b, "| plan ≤ 3.5 × terraform_data at N = %d (%s) | %.2f: %s |\n", big.n, cli, pf, verdict(pf <= 3.5))
		}
		an := medianOf(big.apply[oneapi], wallOf) / medianOf(big.apply[noop], wallOf)
		fmt.Fprintf(b, "| apply ≤ 1.1 × same-schema no-op at N = %d | %.2f: %s |\n", big.n, an, verdict(an <= 1.1))
		reads := big.requestsPlan["GET /api/campaigns/{id}"] + big.requestsPlan["GET /api/campaigns"]
		fmt.Fprintf(b, "| refresh of N = %d, unlimited: reads (campaign GETs and list pages) ≤ N + 1 | %d GETs, %d list requests: %s |\n",
			big.n, big.requestsPlan["GET /api/campaigns/{id}"], big.requestsPlan["GET /api/campaigns"], verdict(reads <= big.n+1))
		fmt.Fprintf(b, "| 1 login per run | %d (plan), %d (apply): %s |\n", big.loginsPlan, big.loginsApply, verdict(big.loginsPlan == 1 && big.loginsApply == 1))
		peak := 0
		for _, r := range res.sizes {
			for _, c := range r.allCommands(res.nativeVersion) {
				for _, m := range c.ms[oneapi] {
					peak = max(peak, m.peakRSSKiB)
				}
			}
		}
		fmt.Fprintf(b, "| peak RSS ≤ 64 MiB (N ≤ %d, every command) | %.1f MiB: %s |\n", big.n, float64(peak)/1024, verdict(peak <= 64*1024))
	}
	for _, rr := range res.rates {
		ratio := rr.apply.wall.Seconds() / rr.floor()
		fmt.Fprintf(b, "| rate-limited apply ≤ 1.15 × (N/R + plan of N) (N = %d, R = %g/s) | %.2f: %s |\n", rr.n, rr.r, ratio, verdict(ratio <= 1.15))
	}
	for _, rr := range res.refreshes {
		refreshTargets(b, rr)
	}
	if res.rss != nil {
		mib := float64(res.rss.plan.peakRSSKiB) / 1024
		fmt.Fprintf(b, "| provider peak RSS ≤ 64 MiB in a plan of N = %d | %.1f MiB: %s |\n", res.rss.n, mib, verdict(mib <= 64))
	}
	if w := res.workspaces; w != nil {
		total := w.workspaces * w.n
		fmt.Fprintf(b, "| two workspaces applying %d campaigns each at once, one account limited to %g requests/s, "+
			"`requests_per_second` unset: wall time beside %d/%g s | %.1f s beside %.1f s (%.2f ×; a create to phones makes 2 requests, "+
			"so the requests alone need %.1f s) |\n",
			w.n, w.r, total, w.r, w.wall.Seconds(), float64(total)/w.r, w.wall.Seconds()/(float64(total)/w.r), 2*float64(total)/w.r)
	}
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "model name") {
			if i := strings.Index(line, ":"); i >= 0 {
				return strings.TrimSpace(line[i+1:])
			}
		}
	}
	return runtime.GOARCH
}

func memTotal() string {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return "unknown memory"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.Atoi(f[1])
			return fmt.Sprintf("%.0f GiB memory", float64(kb)/1024/1024)
		}
	}
	return "unknown memory"
}
