package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// perfHz is the sampling frequency of the profiles: one sample is about a
// millisecond of CPU.
const perfHz = 999

// profileRun is one terraform command's samples, by process and Go package.
type profileRun struct {
	variant, command string
	// seconds[process][package] is CPU seconds; process is "Terraform" or
	// "provider".
	seconds map[string]map[string]float64
	// top is the functions with the most samples in each process.
	top map[string][]funcSamples
}

type funcSamples struct {
	name    string
	seconds float64
}

// profile records where the CPU of one plan and one apply of n campaigns
// goes, for oneapi_campaign and the same-schema no-op, with Linux perf,
// and writes the report to out. It needs a Terraform CLI with symbols
// (release builds are stripped): the pinned build from the module proxy
// (scripts/terraform-path.sh with TERRAFORM_BUILD=1).
func (e *env) profile(n int, out string) error {
	if _, err := exec.LookPath("perf"); err != nil {
		fmt.Fprintln(os.Stderr, "installing Linux perf from Debian's packages")
		_ = exec.Command("apt-get", "install", "-y", "-qq", "linux-perf").Run() //nolint:noctx // fixed command
	}
	if _, err := exec.LookPath("perf"); err != nil {
		return fmt.Errorf("profiling needs Linux perf (Debian package linux-perf): %w", err)
	}
	cmd := exec.Command("scripts/terraform-path.sh") //nolint:noctx // fixed command
	cmd.Env = append(os.Environ(), "TERRAFORM_BUILD=1")
	tf, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("building the pinned Terraform CLI: %w", err)
	}
	e.terraform = strings.TrimSpace(string(tf))
	sb, err := e.startSandbox(0)
	if err != nil {
		return err
	}
	defer sb.stop()
	var runs []profileRun
	for _, v := range []string{oneapi, noop} {
		config := noopConfig(n)
		if v == oneapi {
			config = campaignsConfig(sb.url, n, 0)
		}
		dir, err := e.newDir("profile", config)
		if err != nil {
			return err
		}
		for _, c := range [][]string{{"apply", "-auto-approve", "-input=false"}, {"plan", "-input=false"}} {
			fmt.Fprintf(os.Stderr, "profiling %s %s of %d\n", v, c[0], n)
			r, err := e.perf(dir, v, c)
			if err != nil {
				return err
			}
			runs = append(runs, r)
		}
	}
	report := e.profileReport(n, runs)
	fmt.Print(report)
	return os.WriteFile(out, []byte(report), 0o600)
}

// perf runs one terraform command under perf record and reads its samples.
func (e *env) perf(dir, variant string, args []string) (profileRun, error) {
	r := profileRun{variant: variant, command: args[0], seconds: map[string]map[string]float64{}, top: map[string][]funcSamples{}}
	data := filepath.Join(dir, "perf.data")
	rec := append([]string{"record", "-F", strconv.Itoa(perfHz), "-o", data, "--", e.terraform, "-chdir=" + dir}, args...)
	cmd := exec.Command("perf", rec...) //nolint:gosec,noctx // perf and the pinned CLI
	cmd.Env = e.baseEnv
	if b, err := cmd.CombinedOutput(); err != nil {
		return r, fmt.Errorf("perf %s: %w\n%s", strings.Join(rec, " "), err, tail(string(b), 30))
	}
	rep := exec.Command("perf", "report", "-i", data, "--stdio", "--no-children", "--sort", "comm,sym", //nolint:noctx // fixed command
		"-F", "sample,comm,sym", "-g", "none", "--percent-limit", "0")
	b, err := rep.Output()
	if err != nil {
		return r, fmt.Errorf("perf report: %w", err)
	}
	funcs := map[string]map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		samples, comm, sym, ok := parsePerfLine(sc.Text())
		if !ok {
			continue
		}
		proc := "Terraform"
		if strings.HasPrefix(comm, "terraform-prov") {
			proc = "provider"
		} else if comm != "terraform" {
			continue
		}
		s := float64(samples) / perfHz
		if r.seconds[proc] == nil {
			r.seconds[proc], funcs[proc] = map[string]float64{}, map[string]float64{}
		}
		r.seconds[proc][packageOf(sym)] += s
		funcs[proc][sym] += s
	}
	for proc, fs := range funcs {
		r.top[proc] = topOf(fs, 10)
	}
	return r, nil
}

// parsePerfLine reads "  123  comm  [.] symbol" from perf report.
func parsePerfLine(line string) (samples int, comm, sym string, ok bool) {
	f := strings.Fields(line)
	if len(f) < 4 || strings.HasPrefix(f[0], "#") {
		return 0, "", "", false
	}
	n, err := strconv.Atoi(f[0])
	if err != nil {
		return 0, "", "", false
	}
	// The command name may hold spaces; the symbol follows "[.]" or "[k]".
	for i := 2; i < len(f); i++ {
		if f[i] == "[.]" || f[i] == "[k]" {
			sym = strings.Join(f[i+1:], " ")
			if f[i] == "[k]" {
				sym = "[kernel] " + sym
			}
			return n, strings.Join(f[1:i], " "), sym, true
		}
	}
	return 0, "", "", false
}

// packageOf is a Go symbol's package ("github.com/zclconf/go-cty/cty" of
// "github.com/zclconf/go-cty/cty.Value.Equals"), or "kernel", or "other".
func packageOf(sym string) string {
	switch {
	case strings.HasPrefix(sym, "[kernel]"):
		return "kernel (system calls, page faults)"
	case strings.HasPrefix(sym, "0x"):
		return "other"
	}
	slash := strings.LastIndex(sym, "/")
	dot := strings.Index(sym[slash+1:], ".")
	if dot < 0 {
		return "other"
	}
	pkg := sym[:slash+1+dot]
	if pkg == "runtime" {
		return "runtime (garbage collection, allocation, scheduling)"
	}
	return pkg
}

func topOf(m map[string]float64, n int) []funcSamples {
	out := make([]funcSamples, 0, len(m))
	for k, v := range m {
		out = append(out, funcSamples{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].seconds != out[j].seconds {
			return out[i].seconds > out[j].seconds
		}
		return out[i].name < out[j].name
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func (e *env) profileReport(n int, runs []profileRun) string {
	var b strings.Builder
	tfVersion, _ := exec.Command(e.terraform, "version").Output() //nolint:gosec,noctx // the pinned CLI
	fmt.Fprintf(&b, "# Where the CPU goes\n\nWritten by `make profile` on %s: one apply and one plan (with refresh) of %d "+
		"campaigns, oneapi_campaign and the same-schema no-op (`bench/noop`), each sampled by Linux perf at %d Hz "+
		"(a sample is about a millisecond of CPU); %s with symbols (release builds are stripped), the stand-in on "+
		"localhost (not sampled). CPU seconds by process and Go package (self time: a package's own "+
		"instructions, not those of what it calls); one run each, so differences under a tenth of a second are noise.\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), n, perfHz, strings.SplitN(strings.TrimSpace(string(tfVersion)), "\n", 2)[0])
	for _, command := range []string{"plan", "apply"} {
		byVariant := map[string]profileRun{}
		for _, r := range runs {
			if r.command == command {
				byVariant[r.variant] = r
			}
		}
		for _, proc := range []string{"Terraform", "provider"} {
			fmt.Fprintf(&b, "\n## %s: %s process\n\n", command, proc)
			writePackageTable(&b, byVariant[oneapi].seconds[proc], byVariant[noop].seconds[proc])
			b.WriteString("\nFunctions with the most samples in oneapi_campaign's run:\n\n| function | CPU s |\n|---|---|\n")
			for _, f := range byVariant[oneapi].top[proc] {
				fmt.Fprintf(&b, "| `%s` | %.2f |\n", f.name, f.seconds)
			}
		}
	}
	b.WriteString("\nRerun with `make profile`.\n")
	return b.String()
}

// writePackageTable writes the packages with the most CPU in either
// variant, and the totals.
func writePackageTable(b *strings.Builder, p, q map[string]float64) {
	both := map[string]float64{}
	var tp, tq float64
	for k, v := range p {
		both[k] = max(both[k], v)
		tp += v
	}
	for k, v := range q {
		both[k] = max(both[k], v)
		tq += v
	}
	b.WriteString("| package | oneapi_campaign CPU s | same-schema no-op CPU s | difference |\n|---|---|---|---|\n")
	var sp, sq float64
	for _, f := range topOf(both, 12) {
		fmt.Fprintf(b, "| %s | %.2f | %.2f | %+.2f |\n", f.name, p[f.name], q[f.name], p[f.name]-q[f.name])
		sp, sq = sp+p[f.name], sq+q[f.name]
	}
	fmt.Fprintf(b, "| the other packages | %.2f | %.2f | %+.2f |\n", tp-sp, tq-sq, (tp-sp)-(tq-sq))
	fmt.Fprintf(b, "| **total** | **%.2f** | **%.2f** | **%+.2f** |\n", tp, tq, tp-tq)
}
