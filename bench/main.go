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
	"time"
)

const apiKey = "test_bench"

type env struct {
	root, work, terraform, rssFile string
	baseEnv                        []string
}

func main() {
	sizes := flag.String("sizes", "100,1000", "numbers of campaigns")
	runs := flag.Int("runs", 3, "runs per measurement (median)")
	rateN := flag.Int("rate-n", 500, "campaigns for the rate-limited run")
	rateR := flag.Float64("rate-r", 50, "stand-in rate limit, requests per second")
	out := flag.String("out", "bench/RESULTS.md", "report file")
	flag.Parse()
	if err := run(*sizes, *runs, *rateN, *rateR, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(sizes string, runs, rateN int, rateR float64, out string) error {
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
	rate, err := e.measureRate(rateN, rateR)
	if err != nil {
		return err
	}
	report := e.report(rows, rate, runs)
	fmt.Print(report)
	return os.WriteFile(out, []byte(report), 0o600)
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
	steps := [][]string{
		{"go", "build", "-o", filepath.Join(work, "real", "terraform-provider-oneapi"), "."},
		{"go", "build", "-o", filepath.Join(work, "override", "terraform-provider-oneapi"), "./bench/rsswrap"},
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
	rcText := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"registry.terraform.io/oneapi-terraform/oneapi\" = %q\n  }\n  direct {}\n}\n", filepath.Join(work, "override"))
	if err := os.WriteFile(rc, []byte(rcText), 0o600); err != nil {
		return nil, err
	}
	e.baseEnv = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1",
		"ONEAPI_API_KEY="+apiKey, "BENCH_REAL_PROVIDER="+filepath.Join(work, "real", "terraform-provider-oneapi"), "BENCH_RSS_FILE="+e.rssFile)
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
resource "oneapi_campaign" "c" {
  count           = %d
  recipients      = { phones = [format("3806%%08d", count.index)] }
  rcs             = { sender = "bench", text = "Benchmark" }
  start_at        = "2030-01-01 09:00:00"
  stop_on_destroy = false
}
`, url, extra, n)
}

func floorConfig(n int) string {
	return fmt.Sprintf(`resource "terraform_data" "c" {
  count = %d
  input = { phone = format("3806%%08d", count.index), sender = "bench", text = "Benchmark" }
}
`, n)
}

// tf runs one terraform command in dir and returns its wall time.
func (e *env) tf(dir string, args ...string) (time.Duration, error) {
	args = append([]string{"-chdir=" + dir}, args...)
	cmd := exec.Command(e.terraform, args...) //nolint:gosec,noctx // the pinned CLI
	cmd.Env = e.baseEnv
	start := time.Now()
	b, err := cmd.CombinedOutput()
	d := time.Since(start)
	if err != nil {
		return d, fmt.Errorf("terraform %s: %w\n%s", strings.Join(args, " "), err, tail(string(b), 30))
	}
	return d, nil
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

type sizeResult struct {
	n                           int
	planProvider, planFloor     []time.Duration
	applyProvider, applyFloor   []time.Duration
	peakRSSKiB                  int
	getsPerCampaign, loginsPlan float64
	loginsApply                 int
	requestsPlan                map[string]int
}

func (e *env) measureSize(n, runs int) (sizeResult, error) {
	r := sizeResult{n: n}
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
		// Alternate provider and floor, apply then plan (with refresh).
		dir, err := e.newDir("provider", campaignsConfig(sb.url, n, 0))
		if err != nil {
			return r, err
		}
		_ = os.Remove(e.rssFile)
		if _, err := sb.control(http.MethodPost, "/_sandbox/reset-counters"); err != nil {
			return r, err
		}
		d, err := e.tf(dir, "apply", "-auto-approve", "-input=false")
		if err != nil {
			return r, err
		}
		r.applyProvider = append(r.applyProvider, d)
		counters, err := sb.control(http.MethodGet, "/_sandbox/counters")
		if err != nil {
			return r, err
		}
		r.loginsApply = max(r.loginsApply, counters["counters"]["POST /api/auth/login"])
		if _, err := sb.control(http.MethodPost, "/_sandbox/reset-counters"); err != nil {
			return r, err
		}
		d, err = e.tf(dir, "plan", "-input=false", "-detailed-exitcode")
		if err != nil {
			return r, err
		}
		r.planProvider = append(r.planProvider, d)
		counters, err = sb.control(http.MethodGet, "/_sandbox/counters")
		if err != nil {
			return r, err
		}
		r.requestsPlan = counters["counters"]
		r.getsPerCampaign = float64(counters["counters"]["GET /api/campaigns/{id}"]) / float64(n)
		r.loginsPlan = float64(counters["counters"]["POST /api/auth/login"])
		r.peakRSSKiB = max(r.peakRSSKiB, peakRSS(e.rssFile))

		fdir, err := e.newDir("floor", floorConfig(n))
		if err != nil {
			return r, err
		}
		if err := os.Symlink(filepath.Join(floorDir, ".terraform"), filepath.Join(fdir, ".terraform")); err != nil {
			return r, err
		}
		if b, err := os.ReadFile(filepath.Join(floorDir, ".terraform.lock.hcl")); err == nil {
			_ = os.WriteFile(filepath.Join(fdir, ".terraform.lock.hcl"), b, 0o600)
		}
		d, err = e.tf(fdir, "apply", "-auto-approve", "-input=false")
		if err != nil {
			return r, err
		}
		r.applyFloor = append(r.applyFloor, d)
		d, err = e.tf(fdir, "plan", "-input=false", "-detailed-exitcode")
		if err != nil {
			return r, err
		}
		r.planFloor = append(r.planFloor, d)
	}
	return r, nil
}

func peakRSS(file string) int {
	f, err := os.Open(file)
	if err != nil {
		return 0
	}
	defer func() { _ = f.Close() }()
	best := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) > 0 {
			if v, err := strconv.Atoi(f[0]); err == nil {
				best = max(best, v)
			}
		}
	}
	return best
}

type rateResult struct {
	n       int
	r       float64
	apply   time.Duration
	limited int
}

func (e *env) measureRate(n int, r float64) (rateResult, error) {
	res := rateResult{n: n, r: r}
	fmt.Fprintf(os.Stderr, "rate-limited run: N=%d at %g requests/s\n", n, r)
	sb, err := e.startSandbox(r)
	if err != nil {
		return res, err
	}
	defer sb.stop()
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
	return res, nil
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

func (e *env) report(rows []sizeResult, rate rateResult, runs int) string {
	var b strings.Builder
	tfVersion, _ := exec.Command(e.terraform, "version").Output() //nolint:gosec,noctx // the pinned CLI
	fmt.Fprintf(&b, "# Benchmark results\n\nWritten by `make bench` on %s.\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "Machine: %s, %d cores, %s; %s; %s; %s/%s.\n\n", cpuModel(), runtime.NumCPU(), memTotal(),
		strings.SplitN(strings.TrimSpace(string(tfVersion)), "\n", 2)[0], runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "Each figure is the median of %d runs; provider and floor runs alternate. The floor is the same number of "+
		"`terraform_data` resources: Terraform's own cost. The stand-in (`oneapi-sandbox`) runs as a separate process on "+
		"localhost; apply creates the campaigns in a fresh state, plan refreshes them.\n\n", runs)
	b.WriteString("| N | plan: provider | plan: floor | ratio | apply: provider | apply: floor | ratio | provider peak RSS | GETs per campaign per refresh | logins per run |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		pp, pf, ap, af := median(r.planProvider), median(r.planFloor), median(r.applyProvider), median(r.applyFloor)
		fmt.Fprintf(&b, "| %d | %s | %s | %.2f | %s | %s | %.2f | %.1f MiB | %.2f | %.0f (plan), %d (apply) |\n", r.n,
			secs(pp), secs(pf), pp.Seconds()/pf.Seconds(), secs(ap), secs(af), ap.Seconds()/af.Seconds(),
			float64(r.peakRSSKiB)/1024, r.getsPerCampaign, r.loginsPlan, r.loginsApply)
	}
	b.WriteString("\nRequests the stand-in counted during one plan (refresh) of the largest N:\n\n| request | count |\n|---|---|\n")
	if len(rows) > 0 {
		last := rows[len(rows)-1]
		keys := make([]string, 0, len(last.requestsPlan))
		for k := range last.requestsPlan {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "| `%s` | %d |\n", k, last.requestsPlan[k])
		}
	}
	floor := time.Duration(float64(rate.n) / rate.r * float64(time.Second))
	fmt.Fprintf(&b, "\nRate-limited run: the stand-in answers 429 beyond %g requests per second; the provider is configured with "+
		"`requests_per_second = %g`. Applying %d campaigns took %s; the floor N/R is %s: ratio %.2f. Requests the stand-in refused "+
		"for the rate: %d.\n\n", rate.r, rate.r, rate.n, secs(rate.apply), secs(floor), rate.apply.Seconds()/floor.Seconds(), rate.limited)
	b.WriteString("## Targets\n\n| target | result |\n|---|---|\n")
	if len(rows) > 0 {
		big := rows[len(rows)-1]
		pr := median(big.planProvider).Seconds() / median(big.planFloor).Seconds()
		ar := median(big.applyProvider).Seconds() / median(big.applyFloor).Seconds()
		fmt.Fprintf(&b, "| plan ≤ 1.3 × floor at N = %d | %.2f: %s |\n", big.n, pr, verdict(pr <= 1.3))
		fmt.Fprintf(&b, "| apply ≤ 1.3 × floor at N = %d | %.2f: %s |\n", big.n, ar, verdict(ar <= 1.3))
		fmt.Fprintf(&b, "| exactly 1 GET per campaign per refresh | %.2f: %s |\n", big.getsPerCampaign, verdict(big.getsPerCampaign == 1))
		fmt.Fprintf(&b, "| 1 login per run | %.0f (plan), %d (apply): %s |\n", big.loginsPlan, big.loginsApply, verdict(big.loginsPlan == 1 && big.loginsApply == 1))
		peak := 0
		for _, r := range rows {
			peak = max(peak, r.peakRSSKiB)
		}
		fmt.Fprintf(&b, "| peak RSS ≤ 64 MiB | %.1f MiB: %s |\n", float64(peak)/1024, verdict(peak <= 64*1024))
	}
	rr := rate.apply.Seconds() / floor.Seconds()
	fmt.Fprintf(&b, "| rate-limited run ≤ 1.15 × N/R | %.2f: %s |\n", rr, verdict(rr <= 1.15))
	b.WriteString("\nThe targets are printed, not asserted: timings depend on the machine. Rerun with `make bench`.\n")
	return b.String()
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
