// Command bench measures the provider against Terraform's own floor: plan
// (with refresh) and apply of N oneapi_campaign resources versus N
// terraform_data resources, alternating, against oneapi-sandbox on
// localhost; plus an apply against a rate-limited stand-in. It writes
// bench/RESULTS.md. Run it with `make bench`.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
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
	baseEnv                        []string
}

func main() {
	sizes := flag.String("sizes", "100,1000", "numbers of campaigns")
	runs := flag.Int("runs", 3, "runs per measurement (median)")
	rates := flag.String("rates", "500@50,200@20", "rate-limited runs, as campaigns@requests-per-second")
	out := flag.String("out", "bench/RESULTS.md", "report file")
	profile := flag.Int("profile", 0, "instead of the benchmark, profile a plan and an apply of this many campaigns with Linux perf, writing -out")
	queryN := flag.Int("query-n", 10000, "campaigns found by terraform query (Terraform 1.14+)")
	stopN := flag.Int("stop-n", 100, "campaigns stopped by one invoke of the stop action, and by resources")
	nativeOnly := flag.Bool("native-only", false, "measure only terraform query and the stop action, rewriting their section of -out")
	learn := flag.String("learn", "", "instead of the benchmark, apply campaigns@rate at -parallelism=50 against a stand-in limited to rate requests/s, requests_per_second unset, with one workspace and then two at once; writes -out (default bench/RATE.md, or bench/RATE-lists.md with -learn-to lists)")
	learnTo := flag.String("learn-to", "phones", "with -learn: the campaigns' recipients, phones (one each) or lists (every campaign to the stand-in's contact list 101; such a create carries no reference_id)")
	flag.Parse()
	var err error
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
		err = runNative(*queryN, *stopN, *runs, *out)
	default:
		err = run(*sizes, *runs, *rates, *out)
		if err == nil {
			err = runNative(*queryN, *stopN, *runs, *out)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(sizes string, runs int, rates, out string) error {
	e, err := setup()
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(e.work) }()
	var rows []sizeResult
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return err
		}
		r, err := e.measureSize(n, runs)
		if err != nil {
			return err
		}
		rows = append(rows, r)
	}
	var rateRows []rateResult
	for _, spec := range strings.Split(rates, ",") {
		n, r, ok := strings.Cut(strings.TrimSpace(spec), "@")
		if !ok {
			return fmt.Errorf("rate %q: want campaigns@requests-per-second", spec)
		}
		ni, err1 := strconv.Atoi(n)
		rf, err2 := strconv.ParseFloat(r, 64)
		if err1 != nil || err2 != nil || ni <= 0 || rf <= 0 {
			return fmt.Errorf("rate %q: want campaigns@requests-per-second", spec)
		}
		res, err := e.measureRate(ni, rf)
		if err != nil {
			return err
		}
		rateRows = append(rateRows, res)
	}
	report := e.report(rows, rateRows, runs)
	fmt.Print(report)
	return os.WriteFile(out, []byte(report), 0o600)
}

// runNative measures terraform query and the stop action and writes their
// section into out.
func runNative(queryN, stopN, runs int, out string) error {
	e, err := setup()
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(e.work) }()
	r, err := e.measureNative(queryN, stopN, runs)
	if err != nil {
		return err
	}
	section := reportNative(r, runs)
	fmt.Print(section)
	old, _ := os.ReadFile(out)
	return os.WriteFile(out, []byte(withNative(string(old), section)), 0o600)
}

func runProfile(n int, out string) error {
	e, err := setup()
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(e.work) }()
	return e.profile(n, out)
}

func setup() (*env, error) {
	root, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	work, err := os.MkdirTemp("", "oneapi-bench-")
	if err != nil {
		return nil, err
	}
	e := &env{root: root, work: work, rssFile: filepath.Join(work, "rss")}
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
			return nil, fmt.Errorf("%v: %w\n%s", s, err, b)
		}
	}
	tf, err := exec.Command("scripts/terraform-path.sh").Output() //nolint:noctx // fixed command
	if err != nil {
		return nil, fmt.Errorf("finding the Terraform CLI: %w", err)
	}
	e.terraform = strings.TrimSpace(string(tf))
	rc := filepath.Join(work, "terraformrc")
	rcText := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"registry.terraform.io/oneapi-terraform/oneapi\" = %q\n"+
		"    \"registry.terraform.io/oneapi-terraform/noop\" = %q\n  }\n  direct {}\n}\n", override, override)
	if err := os.WriteFile(rc, []byte(rcText), 0o600); err != nil {
		return nil, err
	}
	e.baseEnv = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1",
		"ONEAPI_API_KEY="+apiKey, "BENCH_REAL_DIR="+realDir, "BENCH_RSS_FILE="+e.rssFile)
	return e, nil
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
}

// tf runs one terraform command in dir.
func (e *env) tf(dir string, args ...string) (measurement, error) {
	return e.tfWith(nil, dir, args...)
}

// tfWith runs one terraform command in dir with extra environment
// variables.
func (e *env) tfWith(extraEnv []string, dir string, args ...string) (measurement, error) {
	_ = os.Remove(e.rssFile)
	args = append([]string{"-chdir=" + dir}, args...)
	cmd := exec.Command(e.terraform, args...) //nolint:gosec,noctx // the pinned CLI
	cmd.Env = append(append([]string{}, e.baseEnv...), extraEnv...)
	start := time.Now()
	b, err := cmd.CombinedOutput()
	m := measurement{wall: time.Since(start)}
	if err != nil {
		return m, fmt.Errorf("terraform %s: %w\n%s", strings.Join(args, " "), err, tail(string(b), 30))
	}
	m.peakRSSKiB, m.provCPU = providerUsage(e.rssFile)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		// Terraform's usage includes the plugin processes it waited for.
		m.terraformCPU = time.Duration(ru.Utime.Nano()+ru.Stime.Nano()).Seconds() - m.provCPU
	}
	return m, nil
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

// variantEnv is the environment a variant's commands add.
func variantEnv(v string) []string {
	if v == oneapiGOGC100 {
		return []string{"GOGC=100"}
	}
	return nil
}

type sizeResult struct {
	n            int
	plan, apply  map[string][]measurement
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

func (e *env) measureSize(n, runs int) (sizeResult, error) {
	r := sizeResult{n: n, plan: map[string][]measurement{}, apply: map[string][]measurement{}}
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
		}
	}
	return r, nil
}

// applyThenPlan applies a variant's configuration in a fresh state and
// plans it again, recording both and, for the provider, the requests the
// stand-in counted.
func (e *env) applyThenPlan(sb *sandbox, v, dir string, n int, r *sizeResult) error {
	if _, err := sb.control(http.MethodPost, "/_sandbox/reset-counters"); err != nil {
		return err
	}
	m, err := e.tfWith(variantEnv(v), dir, "apply", "-auto-approve", "-input=false")
	if err != nil {
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
// processes rsswrap recorded.
func providerUsage(file string) (peakKiB int, cpu float64) {
	f, err := os.Open(file)
	if err != nil {
		return 0, 0
	}
	defer func() { _ = f.Close() }()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		if v, err := strconv.Atoi(fields[0]); err == nil {
			peakKiB = max(peakKiB, v)
		}
		if v, err := strconv.ParseFloat(fields[1], 64); err == nil {
			cpu += v
		}
	}
	return peakKiB, cpu
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
	fmt.Fprintf(os.Stderr, "rate-limited run: N=%d at %g requests/s\n", n, r)
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

func (e *env) report(rows []sizeResult, rates []rateResult, runs int) string {
	var b strings.Builder
	tfVersion, _ := exec.Command(e.terraform, "version").Output() //nolint:gosec,noctx // the pinned CLI
	fmt.Fprintf(&b, "# Benchmark results\n\nWritten by `make bench` on %s.\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "Machine: %s, %d cores, %s; %s; %s; %s/%s.\n\n", cpuModel(), runtime.NumCPU(), memTotal(),
		strings.SplitN(strings.TrimSpace(string(tfVersion)), "\n", 2)[0], runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "Each figure is the median of %d runs; the variants alternate. The floor is the same number of "+
		"`terraform_data` resources: Terraform's own cost. The same-schema no-op (`bench/noop`) is a terraform-plugin-framework "+
		"provider whose resource has oneapi_campaign's exact schema, taken from the provider when it starts, without "+
		"validators, plan modifiers, ModifyPlan or an API, and a Read that changes nothing: this resource's floor in the "+
		"framework. It is served by the framework's own server (`providerserver`), so its memory also shows the framework "+
		"keeping every request's context, which oneapi_campaign's server releases. The "+
		"stand-in (`oneapi-sandbox`) runs as a separate process on localhost; apply creates the resources in a fresh state, "+
		"plan refreshes them. Provider CPU is the CPU time of the provider processes; Terraform CPU is the rest of the "+
		"command's.\n\n"+
		"Garbage collection: oneapi_campaign runs with its own settings, GOGC=%d and a soft memory limit of %d MiB, which it "+
		"sets when the user has set neither GOGC nor GOMEMLIMIT (main.go); the row \"%s\" is the same provider with Go's "+
		"default target, to show what the setting saves. The no-op and Terraform run with Go's defaults.\n\n",
		runs, gctune.Percent, gctune.MemoryLimit>>20, oneapiGOGC100)
	reportTimes(&b, rows)
	reportCPU(&b, rows)
	reportRequests(&b, rows)
	reportRates(&b, rates)
	reportTargets(&b, rows, rates)
	b.WriteString("\nThe targets are printed, not asserted: timings depend on the machine. Rerun with `make bench`.\n")
	return b.String()
}

// reportTimes writes the wall times beside the floor.
func reportTimes(b *strings.Builder, rows []sizeResult) {
	b.WriteString("| N | command | oneapi_campaign | same-schema no-op | terraform_data (floor) | ratio to no-op | ratio to floor |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		for _, c := range r.commands() {
			p, m, f := medianOf(c.ms[oneapi], wallOf), medianOf(c.ms[noop], wallOf), medianOf(c.ms[floor], wallOf)
			fmt.Fprintf(b, "| %d | %s | %.2f s | %.2f s | %.2f s | %.2f | %.2f |\n", r.n, c.name, p, m, f, p/m, p/f)
		}
	}
}

// reportCPU writes where the CPU time goes and the provider's peak RSS.
func reportCPU(b *strings.Builder, rows []sizeResult) {
	b.WriteString("\nWhere the CPU time goes (medians, seconds) and the provider's peak resident set size:\n\n")
	b.WriteString("| N | command | variant | wall | Terraform CPU | provider CPU | provider peak RSS |\n|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		for _, c := range r.commands() {
			for _, v := range variants {
				rss := "-"
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
	b.WriteString("\nRequests the stand-in counted during one plan (refresh) of the largest N:\n\n| request | count |\n|---|---|\n")
	if len(rows) > 0 {
		last := rows[len(rows)-1]
		keys := make([]string, 0, len(last.requestsPlan))
		for k := range last.requestsPlan {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(b, "| `%s` | %d |\n", k, last.requestsPlan[k])
		}
	}
}

// reportRates writes the rate-limited runs.
func reportRates(b *strings.Builder, rates []rateResult) {
	b.WriteString("\nRate-limited runs: the stand-in answers 429 beyond R requests per second and the provider is configured with " +
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
func reportTargets(b *strings.Builder, rows []sizeResult, rates []rateResult) {
	b.WriteString("\n## Targets\n\n| target | result |\n|---|---|\n")
	if len(rows) > 0 {
		big := rows[len(rows)-1]
		pn := medianOf(big.plan[oneapi], wallOf) / medianOf(big.plan[noop], wallOf)
		pf := medianOf(big.plan[oneapi], wallOf) / medianOf(big.plan[floor], wallOf)
		an := medianOf(big.apply[oneapi], wallOf) / medianOf(big.apply[noop], wallOf)
		fmt.Fprintf(b, "| plan ≤ 0.8 × same-schema no-op at N = %d | %.2f: %s |\n", big.n, pn, verdict(pn <= 0.8))
		fmt.Fprintf(b, "| plan ≤ 3.5 × terraform_data at N = %d | %.2f: %s |\n", big.n, pf, verdict(pf <= 3.5))
		fmt.Fprintf(b, "| apply ≤ 1.1 × same-schema no-op at N = %d | %.2f: %s |\n", big.n, an, verdict(an <= 1.1))
		fmt.Fprintf(b, "| exactly 1 GET per campaign per refresh | %.2f: %s |\n", big.gets, verdict(big.gets == 1))
		fmt.Fprintf(b, "| 1 login per run | %d (plan), %d (apply): %s |\n", big.loginsPlan, big.loginsApply, verdict(big.loginsPlan == 1 && big.loginsApply == 1))
		peak := 0
		for _, r := range rows {
			for _, c := range r.commands() {
				for _, m := range c.ms[oneapi] {
					peak = max(peak, m.peakRSSKiB)
				}
			}
		}
		fmt.Fprintf(b, "| peak RSS ≤ 64 MiB | %.1f MiB: %s |\n", float64(peak)/1024, verdict(peak <= 64*1024))
	}
	for _, rr := range rates {
		ratio := rr.apply.wall.Seconds() / rr.floor()
		fmt.Fprintf(b, "| rate-limited run ≤ 1.15 × (N/R + plan of N) (N = %d, R = %g/s) | %.2f: %s |\n", rr.n, rr.r, ratio, verdict(ratio <= 1.15))
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
