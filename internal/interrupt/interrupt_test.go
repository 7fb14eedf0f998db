// Package interrupt_test kills applies with campaign creates in flight and
// counts what the platform sent: the built provider and oneapi-sandbox run
// as processes under the real Terraform CLI (dev_overrides, as
// scripts/demo.sh does), the stand-in committing every create and holding
// its answer back (Faults.CreateAnswerDelay). Each run: an apply of N
// campaigns interrupted once the stand-in has committed the k-th create
// (kill -9 of terraform, kill -9 of the provider, or two SIGINTs to
// terraform), then two more applies and a plan; duplicates and orphans are
// counted from the stand-in's own listing (GET /_sandbox/campaigns)
// against the state.
//
// TestAccInterruptedContactListCreate and TestAccInterruptedShortLinkCreate
// kill the provider while a create nothing can prove is in flight, and
// follow each way out the next apply names;
// TestAccShortLinkJournalEndsOnRefreshAndDestroy shows a link's record
// ending when the state's link is read.
//
// TestAccInterruptedApply is the small run of `make test` (TF_ACC set);
// ONEAPI_INTERRUPT_MATRIX=1 runs the full matrix (make test-kill).
package interrupt_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// kinds of interruption.
const (
	killTerraform = "kill -9 terraform"
	killProvider  = "kill -9 provider"
	doubleCtrlC   = "double Ctrl-C"
)

// outcome is what one run counted.
type outcome struct {
	kind           string
	n, at          int
	inFlight       int // campaigns committed and not in the state after the interrupted apply
	campaigns      int // campaigns the stand-in holds at the end
	duplicates     int // campaigns beyond one per resource
	orphans        int // campaigns no resource holds
	finalPlanEmpty bool
}

func (o outcome) String() string {
	return fmt.Sprintf("%-18s at create %2d of %2d: in flight %2d, campaigns %2d, duplicates %d, orphans %d, final plan empty %v",
		o.kind, o.at, o.n, o.inFlight, o.campaigns, o.duplicates, o.orphans, o.finalPlanEmpty)
}

func (o outcome) ok() bool { return o.duplicates == 0 && o.orphans == 0 && o.finalPlanEmpty }

func TestAccInterruptedApply(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: this test drives the Terraform CLI")
	}
	o := run(t, killTerraform, 6, 4, 3)
	t.Log(o)
	if !o.ok() {
		t.Fatalf("an interrupted apply sent campaigns twice or left them untracked: %s", o)
	}
}

// TestInterruptMatrix is the full matrix: 3 kinds x 2 positions x 20
// creates.
func TestInterruptMatrix(t *testing.T) {
	if os.Getenv("ONEAPI_INTERRUPT_MATRIX") == "" {
		t.Skip("ONEAPI_INTERRUPT_MATRIX is not set (make test-kill)")
	}
	var outcomes []outcome
	for _, kind := range []string{killTerraform, killProvider, doubleCtrlC} {
		for _, at := range []int{1, 11} {
			outcomes = append(outcomes, run(t, kind, 20, at, 10))
		}
	}
	total := outcome{}
	fmt.Println("interrupted applies (each followed by two applies and a plan):")
	for _, o := range outcomes {
		fmt.Println("  " + o.String())
		total.inFlight += o.inFlight
		total.duplicates += o.duplicates
		total.orphans += o.orphans
	}
	fmt.Printf("total over %d runs: %d in flight when interrupted, %d duplicates, %d orphans\n",
		len(outcomes), total.inFlight, total.duplicates, total.orphans)
	for _, o := range outcomes {
		if !o.ok() {
			t.Errorf("%s", o)
		}
	}
}

// run is one interrupted apply of n campaigns, interrupted once the
// stand-in has committed the at-th create, and what followed it. An
// interruption that caught no create in flight (the creates' own
// recovery can finish between two SIGINTs) proves nothing: it is run
// again, at most three times, and then fails.
func run(t *testing.T, kind string, n, at, parallelism int) outcome {
	t.Helper()
	for try := 1; ; try++ {
		if o, ok := runOnce(t, kind, n, at, parallelism); ok {
			return o
		} else if try == 3 {
			t.Fatalf("%s at create %d: in 3 tries no campaign was in flight when the apply was interrupted; the run would prove nothing", kind, at)
		}
	}
}

func runOnce(t *testing.T, kind string, n, at, parallelism int) (outcome, bool) {
	t.Helper()
	h := start(t, config(n))
	h.setAnswerDelay(t, 3*time.Second)
	cmd := h.terraform("apply", "-auto-approve", "-parallelism="+strconv.Itoa(parallelism))
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting terraform apply: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	if !h.waitCommitted(t, at, done) {
		t.Fatalf("%s at create %d: the apply ended before the stand-in committed %d creates; log:\n%s", kind, at, at, h.log.String())
	}
	h.interrupt(t, kind, cmd.Process.Pid)
	select {
	case err := <-done:
		if err == nil {
			t.Fatalf("%s at create %d: the interrupted apply exited 0; the interruption did not happen", kind, at)
		}
	case <-time.After(2 * time.Minute):
		t.Fatalf("%s: terraform did not exit within 2 minutes", kind)
	}
	o := outcome{kind: kind, n: n, at: at}
	o.inFlight = len(h.campaigns(t)) - len(h.stateIDs(t))
	if o.inFlight <= 0 {
		t.Logf("%s at create %d: no campaign was in flight when the apply was interrupted; running it again", kind, at)
		return o, false
	}
	h.setAnswerDelay(t, 0)
	for i := 0; i < 2; i++ {
		if err := h.terraform("apply", "-auto-approve").Run(); err != nil {
			t.Fatalf("%s: apply %d after the interruption failed: %v\n%s", kind, i+2, err, h.tail())
		}
	}
	plan := h.terraform("plan", "-detailed-exitcode")
	err := plan.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		o.finalPlanEmpty = true
	case errors.As(err, &exit) && exit.ExitCode() == 2:
	default:
		t.Fatalf("%s: the final plan failed: %v\n%s", kind, err, h.tail())
	}
	h.count(t, &o)
	return o, true
}

// harness is one working directory, one stand-in and the built binaries.
type harness struct {
	dir, endpoint, apiKey, terraformPath, cliConfig string
	log                                             *bytes.Buffer
	mu                                              sync.Mutex
}

var (
	buildOnce sync.Once
	binDir    string
	buildErr  error
)

// build builds the provider and the stand-in once per test binary.
func build(t *testing.T) string {
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "oneapi-interrupt-bin-") //nolint:usetesting // shared by every test of the binary
		if buildErr != nil {
			return
		}
		root, _ := filepath.Abs("../..")
		for _, pkg := range []string{".", "./cmd/oneapi-sandbox"} {
			out, err := exec.Command("go", "build", "-C", root, "-o", binDir+"/", pkg).CombinedOutput()
			if err != nil {
				buildErr = fmt.Errorf("go build %s: %w\n%s", pkg, err, out)
				return
			}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binDir
}

func start(t *testing.T, cfg string) *harness {
	bin := build(t)
	dir := t.TempDir()
	h := &harness{dir: dir, apiKey: "test_interrupt_" + strconv.Itoa(os.Getpid()), log: &bytes.Buffer{}}
	h.terraformPath = os.Getenv("TF_ACC_TERRAFORM_PATH")
	if h.terraformPath == "" {
		h.terraformPath = "/usr/local/bin/terraform"
	}
	urlFile := filepath.Join(dir, "url")
	sb := exec.Command(filepath.Join(bin, "oneapi-sandbox"), "-listen", "127.0.0.1:0", "-api-key", h.apiKey, "-url-file", urlFile)
	if err := sb.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Process.Signal(syscall.SIGTERM); _ = sb.Wait() })
	for i := 0; i < 200 && h.endpoint == ""; i++ {
		if b, err := os.ReadFile(urlFile); err == nil && len(b) > 0 {
			h.endpoint = strings.TrimSpace(string(b))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if h.endpoint == "" {
		t.Fatal("oneapi-sandbox did not start")
	}
	h.cliConfig = filepath.Join(dir, "terraformrc")
	rc := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"registry.terraform.io/oneapi-terraform/oneapi\" = %q\n  }\n  direct {}\n}\n", bin)
	work := filepath.Join(dir, "work")
	if err := os.MkdirAll(work, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(h.cliConfig, []byte(rc), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { killProviders(dir) })
	return h
}

// config is n RCS campaigns in pairs of identical content: two identical
// resources of one run must never take each other's campaign.
func config(n int) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    oneapi = { source = "oneapi-terraform/oneapi" }
  }
}
provider "oneapi" {}
resource "oneapi_campaign" "c" {
  count      = %d
  recipients = { phones = [format("3806612%%05d", floor(count.index / 2))] }
  rcs = {
    sender = "demo_agent"
    text   = "Interrupted apply, pair ${floor(count.index / 2)}"
  }
}
`, n)
}

// terraform is a terraform command in the working directory; its output
// goes to h.log. The journal is where Terraform's data directory puts it.
func (h *harness) terraform(args ...string) *exec.Cmd {
	if args[0] != "show" {
		args = append([]string{args[0], "-input=false"}, args[1:]...)
	}
	args = append([]string{"-chdir=" + filepath.Join(h.dir, "work"), args[0], "-no-color"}, args[1:]...)
	cmd := exec.Command(h.terraformPath, args...)
	env := []string{}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "ONEAPI_") && !strings.HasPrefix(kv, "TF_LOG") && !strings.HasPrefix(kv, "TF_DATA_DIR=") {
			env = append(env, kv)
		}
	}
	if v := os.Getenv("ONEAPI_INTERRUPT_JOURNAL"); v != "" {
		env = append(env, "ONEAPI_JOURNAL_DIR="+v) // "off" shows the runs without the journal
	}
	cmd.Env = append(env, "TF_CLI_CONFIG_FILE="+h.cliConfig, "TF_IN_AUTOMATION=1",
		"ONEAPI_ENDPOINT="+h.endpoint, "ONEAPI_API_KEY="+h.apiKey)
	cmd.Stdout, cmd.Stderr = h, h
	return cmd
}

// Write collects every command's output.
func (h *harness) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.log.Write(p)
}

func (h *harness) tail() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.log.String()
	return s[max(0, len(s)-6000):]
}

func (h *harness) setAnswerDelay(t *testing.T, d time.Duration) {
	body, _ := json.Marshal(map[string]any{"create_answer_delay_ns": d.Nanoseconds()})
	req, _ := http.NewRequest(http.MethodPut, h.endpoint+"/_sandbox/faults", bytes.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("setting the stand-in's faults: %v %v", err, resp)
	}
	resp.Body.Close()
}

type listed struct {
	ID     int64    `json:"id"`
	Phones []string `json:"phones"`
}

// campaigns is the stand-in's own listing of every campaign.
func (h *harness) campaigns(t *testing.T) []listed {
	resp, err := http.Get(h.endpoint + "/_sandbox/campaigns")
	if err != nil {
		t.Fatalf("listing the stand-in's campaigns: %v", err)
	}
	defer resp.Body.Close()
	var out []listed
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("listing the stand-in's campaigns: %v", err)
	}
	return out
}

// waitCommitted waits until the stand-in has committed k campaign
// creates; false when the apply ended first.
func (h *harness) waitCommitted(t *testing.T, k int, done chan error) bool {
	return h.waitFor(t, k, done, func() int { return len(h.campaigns(t)) })
}

// waitFor waits until count says k; false when the apply ended first.
func (h *harness) waitFor(t *testing.T, k int, done chan error, count func() int) bool {
	deadline := time.After(3 * time.Minute)
	for {
		if count() >= k {
			return true
		}
		select {
		case err := <-done:
			done <- err
			return false
		case <-deadline:
			t.Fatalf("the stand-in did not commit %d creates within 3 minutes", k)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func (h *harness) interrupt(t *testing.T, kind string, pid int) {
	switch kind {
	case killTerraform:
		_ = syscall.Kill(pid, syscall.SIGKILL)
	case killProvider:
		killed := 0
		for _, p := range providers(h.dir) {
			if p.ppid == pid && syscall.Kill(p.pid, syscall.SIGKILL) == nil {
				killed++
			}
		}
		if killed == 0 {
			t.Fatal("kill -9 provider: no provider process of the apply was found")
		}
	case doubleCtrlC:
		_ = syscall.Kill(pid, syscall.SIGINT)
		time.Sleep(20 * time.Millisecond)
		_ = syscall.Kill(pid, syscall.SIGINT)
	}
}

// stateIDs are the campaign ids the state holds.
func (h *harness) stateIDs(t *testing.T) map[int64]bool {
	var out bytes.Buffer
	cmd := h.terraform("show", "-json")
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("terraform show: %v\n%s", err, h.tail())
	}
	var state struct {
		Values struct {
			Root struct {
				Resources []struct {
					Values struct {
						ID *string `json:"id"`
					} `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal(out.Bytes(), &state); err != nil && out.Len() > 0 {
		t.Fatalf("terraform show -json: %v", err)
	}
	ids := map[int64]bool{}
	for _, r := range state.Values.Root.Resources {
		if r.Values.ID != nil {
			if id, err := strconv.ParseInt(*r.Values.ID, 10, 64); err == nil {
				ids[id] = true
			}
		}
	}
	return ids
}

// count compares the stand-in's campaigns with the state: every phone is
// the recipient of exactly two resources.
func (h *harness) count(t *testing.T, o *outcome) {
	all := h.campaigns(t)
	held := h.stateIDs(t)
	perPhone := map[string]int{}
	o.campaigns = len(all)
	for _, c := range all {
		if len(c.Phones) != 1 {
			t.Fatalf("campaign %d has %d messages, want 1", c.ID, len(c.Phones))
		}
		perPhone[c.Phones[0]]++
		if !held[c.ID] {
			o.orphans++
		}
	}
	for _, k := range perPhone {
		o.duplicates += max(0, k-2)
	}
	if len(held) != o.n {
		t.Errorf("%s: the state holds %d campaigns, want %d", o.kind, len(held), o.n)
	}
}

type proc struct{ pid, ppid int }

// providers are the provider processes started for this harness's
// directory (their working directory is under it).
func providers(dir string) []proc {
	var out []proc
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		comm, _ := os.ReadFile("/proc/" + e.Name() + "/comm")
		cwd, _ := os.Readlink("/proc/" + e.Name() + "/cwd")
		if !strings.HasPrefix(string(comm), "terraform-provi") || !strings.HasPrefix(cwd, dir) {
			continue
		}
		stat, _ := os.ReadFile("/proc/" + e.Name() + "/stat")
		s := string(stat)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) > 1 {
			ppid, _ := strconv.Atoi(fields[1])
			out = append(out, proc{pid, ppid})
		}
	}
	return out
}

// killProviders ends the provider processes a killed Terraform left
// behind, by pid.
func killProviders(dir string) {
	for _, p := range providers(dir) {
		_ = syscall.Kill(p.pid, syscall.SIGKILL)
	}
}

// listConfig is one SMS campaign to the stand-in's contact list 101: a
// contact-list campaign carries no reference_id.
const listConfig = `terraform {
  required_providers {
    oneapi = { source = "oneapi-terraform/oneapi" }
  }
}
provider "oneapi" {}
resource "oneapi_campaign" "list" {
  recipients = { groups = [101] }
  sms        = { sender = "Shop", text = "Sale on Friday" }
}
`

// TestAccInterruptedContactListCreate: a contact-list create killed in
// flight is never adopted by guess and never sent again silently: the
// next apply stops and names the candidate and the ways out, and each
// way out, followed, ends with one campaign per choice and an empty plan.
func TestAccInterruptedContactListCreate(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: this test drives the Terraform CLI")
	}
	for _, way := range []string{"import", "rm"} {
		t.Run(way, func(t *testing.T) {
			h := start(t, listConfig)
			out := h.interruptedApply(t, func() int { return len(h.campaigns(t)) })
			id := strconv.FormatInt(h.campaigns(t)[0].ID, 10)
			saysAll(t, out, "Campaign May Already Have Been Sent", "Candidates: campaign(s) "+id, "terraform import", "rm ")
			want := 1 + h.followWayOut(t, way, out, "oneapi_campaign.list", id)
			if n := len(h.campaigns(t)); n != want {
				t.Fatalf("after %s the stand-in holds %d campaigns, want %d", way, n, want)
			}
		})
	}
}

// interruptedApply applies with every create's answer held back, kills the
// provider once count says the stand-in committed one create, and returns
// what the next apply printed: it must stop, having sent nothing.
func (h *harness) interruptedApply(t *testing.T, count func() int) string {
	t.Helper()
	h.setAnswerDelay(t, 3*time.Second)
	cmd := h.terraform("apply", "-auto-approve")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	if !h.waitFor(t, 1, done, count) {
		t.Fatalf("the apply ended before the create was committed:\n%s", h.tail())
	}
	h.interrupt(t, killProvider, cmd.Process.Pid)
	<-done
	h.setAnswerDelay(t, 0)
	if n := count(); n != 1 {
		t.Fatalf("the stand-in holds %d objects after the interrupted apply, want 1", n)
	}
	var buf bytes.Buffer
	stopped := h.terraform("apply", "-auto-approve")
	stopped.Stdout, stopped.Stderr = &buf, &buf
	if err := stopped.Run(); err == nil {
		t.Fatalf("the apply after the interruption passed; want it to stop:\n%s", buf.String())
	}
	if n := count(); n != 1 {
		t.Fatalf("the stopped apply created something: %d objects", n)
	}
	return buf.String()
}

// followWayOut follows the way out a stopped apply named: "import" of id
// into addr, or "rm" of the journal's record (which lets the create through
// again); then an apply and a plan that must be empty. It returns the
// objects the way out made (1 for rm).
func (h *harness) followWayOut(t *testing.T, way, out, addr, id string) int {
	t.Helper()
	made := 0
	if way == "import" {
		if err := h.terraform("import", addr, id).Run(); err != nil {
			t.Fatalf("terraform import: %v\n%s", err, h.tail())
		}
	} else {
		followRm(t, out)
		made = 1
	}
	if err := h.terraform("apply", "-auto-approve").Run(); err != nil {
		t.Fatalf("apply after %s: %v\n%s", way, err, h.tail())
	}
	if err := h.terraform("plan", "-detailed-exitcode").Run(); err != nil {
		t.Fatalf("the plan after %s is not empty: %v\n%s", way, err, h.tail())
	}
	return made
}

// followRm follows a diagnostic's advice to rm the journal's record.
func followRm(t *testing.T, out string) {
	t.Helper()
	m := regexp.MustCompile(`(?m)^[\s│]*rm (\S+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no rm advice in:\n%s", out)
	}
	t.Logf("following the advice: rm %s", m[1])
	if err := os.Remove(m[1]); err != nil {
		t.Fatalf("following the advice rm %s: %v", m[1], err)
	}
}

// saysAll fails unless out says each of want (line breaks aside).
func saysAll(t *testing.T, out string, want ...string) {
	t.Helper()
	flat := strings.Join(strings.Fields(strings.ReplaceAll(out, "│", "")), " ")
	for _, w := range want {
		if !strings.Contains(flat, w) {
			t.Fatalf("the stopped apply does not say %q:\n%s", w, out)
		}
	}
}

// linkConfig is one short link on the stand-in's system domain.
var linkConfig = `terraform {
  required_providers {
    oneapi = { source = "oneapi-terraform/oneapi" }
  }
}
provider "oneapi" {}
resource "oneapi_short_link" "promo" {
  domain_id     = "` + sandbox.SystemShortDomainID + `"
  original_link = "https://example.com/promo"
}
`

// shortLinks is the stand-in's own listing of every link.
func (h *harness) shortLinks(t *testing.T) []sandbox.ListedShortLink {
	t.Helper()
	resp, err := http.Get(h.endpoint + "/_sandbox/short-links")
	if err != nil {
		t.Fatalf("listing the stand-in's links: %v", err)
	}
	defer resp.Body.Close()
	var out []sandbox.ListedShortLink
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("listing the stand-in's links: %v", err)
	}
	return out
}

// TestAccInterruptedShortLinkCreate: a short link has nothing that makes
// it unique, so a link whose create was killed in flight is never adopted
// by guess and never made again silently: the next apply stops and names
// it and the ways out, and each way out, followed, ends with the links it
// says, an empty plan, and no record left in the in-flight journal (the
// refresh of the link ends it).
func TestAccInterruptedShortLinkCreate(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: this test drives the Terraform CLI")
	}
	for _, way := range []string{"import", "rm"} {
		t.Run(way, func(t *testing.T) {
			h := start(t, linkConfig)
			out := h.interruptedApply(t, func() int { return len(h.shortLinks(t)) })
			made := h.shortLinks(t)[0].ID
			saysAll(t, out, "Short Link May Already Exist", "Nothing was created", made, "terraform import", "rm ")
			want := 1 + h.followWayOut(t, way, out, "oneapi_short_link.promo", made)
			if n := len(h.shortLinks(t)); n != want {
				t.Fatalf("after %s the stand-in holds %d links, want %d", way, n, want)
			}
			if n := h.journalEntries(t); n != 0 {
				t.Fatalf("after %s and a refresh, %d in-flight journal entries are left, want 0", way, n)
			}
		})
	}
}

// TestAccShortLinkJournalEndsOnRefreshAndDestroy: a link's create is
// recorded until a refresh, or a destroy, reads the link from the state.
func TestAccShortLinkJournalEndsOnRefreshAndDestroy(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: this test drives the Terraform CLI")
	}
	for _, ends := range [][]string{{"plan"}, {"destroy", "-auto-approve", "-refresh=false"}} {
		t.Run(ends[0], func(t *testing.T) {
			h := start(t, linkConfig)
			if err := h.terraform("apply", "-auto-approve").Run(); err != nil {
				t.Fatalf("apply: %v\n%s", err, h.tail())
			}
			if n := h.journalEntries(t); n != 1 {
				t.Fatalf("after the create, %d journal entries, want 1 (the create, until the state is read)", n)
			}
			if err := h.terraform(ends...).Run(); err != nil {
				t.Fatalf("%v: %v\n%s", ends, err, h.tail())
			}
			if n := h.journalEntries(t); n != 0 {
				t.Fatalf("after %v, %d journal entries, want 0", ends, n)
			}
		})
	}
}

// journalEntries counts the in-flight journal's entries, where Terraform's
// data directory keeps them.
func (h *harness) journalEntries(t *testing.T) int {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(h.dir, "work", ".terraform", "oneapi-journal", "default", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	return len(names)
}
