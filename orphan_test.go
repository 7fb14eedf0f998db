package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// TestOrphanedProviderExits: when Terraform is killed (kill -9, an OOM
// kill, a CI job's time limit) while a campaign create is in flight, the
// provider process it started does not live on, re-parented to init: it
// abandons the create and exits within a generous liveness bound. The
// built provider and oneapi-sandbox run as processes, the provider from
// the local build through dev_overrides, as the demo does.
func TestOrphanedProviderExits(t *testing.T) {
	tf := terraformCLI(t)
	if runtime.GOOS == "windows" {
		t.Skip("Windows does not re-parent a process whose parent dies, so the provider cannot see Terraform go (internal/parentwatch)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	if out, err := exec.Command("go", "build", "-o", bin+"/", ".", "./cmd/oneapi-sandbox").CombinedOutput(); err != nil { //nolint:noctx // fixed command
		t.Fatalf("building the provider and oneapi-sandbox: %v\n%s", err, out)
	}
	endpoint := startSandboxProcess(t, bin, dir)
	// Every create waits a minute on the stand-in before anything is
	// committed: the apply is killed while it waits.
	control(t, endpoint, http.MethodPut, "/_sandbox/faults", `{"create_latency_ns": 60000000000}`)

	rc := filepath.Join(dir, "terraformrc")
	writeFile(t, rc, fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n",
		"registry.terraform.io/oneapi-terraform/oneapi", bin))
	work := filepath.Join(dir, "work")
	writeFile(t, filepath.Join(work, "main.tf"), fmt.Sprintf("terraform {\n  required_providers {\n    oneapi = { source = \"oneapi-terraform/oneapi\" }\n  }\n}\n"+
		"provider \"oneapi\" {\n  endpoint = %q\n}\n"+
		"resource \"oneapi_campaign\" \"test\" {%s}\n", endpoint, acctest.RCSCampaign("")))
	apply := exec.Command(tf, "-chdir="+work, "apply", "-auto-approve", "-input=false", "-no-color") //nolint:gosec,noctx // the CLI under test
	apply.Env = append(cleanEnv(), "TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1", "ONEAPI_API_KEY=test_orphan")
	var out lockedBuffer
	apply.Stdout, apply.Stderr = &out, &out
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = apply.Wait(); close(exited) }()
	t.Cleanup(func() { _ = apply.Process.Kill(); <-exited })

	waitFor(t, "the create to reach the stand-in", func() bool {
		select {
		case <-exited:
			t.Fatalf("terraform apply ended before the create was in flight:\n%s", out.String())
		default:
		}
		return injected(t, endpoint)["create_latency"] > 0
	}, out.String)
	pid := childNamed(t, apply.Process.Pid, "terraform-provider-oneapi")
	if pid == 0 {
		t.Fatalf("no provider process under terraform (pid %d)", apply.Process.Pid)
	}
	t.Cleanup(func() {
		if p, err := os.FindProcess(pid); err == nil && alive(t, pid) {
			_ = p.Kill()
		}
	})

	if err := apply.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-exited
	killed := time.Now()
	// A liveness bound, not a speed claim: the provider must not outlive
	// Terraform for good.
	deadline := killed.Add(60 * time.Second)
	for alive(t, pid) && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if alive(t, pid) {
		t.Fatalf("the provider (pid %d) is still running 60s after terraform was killed", pid)
	}
	t.Logf("the provider (pid %d) exited %v after terraform was killed", pid, time.Since(killed).Round(10*time.Millisecond))
	// The create it abandoned was looked for, never sent again.
	if n := injected(t, endpoint)["create_latency"]; n != 1 {
		t.Errorf("the stand-in received %d creates, want 1", n)
	}
}

// lockedBuffer is a process's output, read while it is written.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startSandboxProcess runs oneapi-sandbox until the test ends and returns
// its URL.
func startSandboxProcess(t *testing.T, bin, dir string) string {
	t.Helper()
	urlFile := filepath.Join(dir, "url")
	cmd := exec.Command(filepath.Join(bin, "oneapi-sandbox"), "-listen", "127.0.0.1:0", "-api-key", "test_orphan", //nolint:gosec,noctx // the binary just built
		"-clock-speed", "0", "-url-file", urlFile)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	var url []byte
	waitFor(t, "oneapi-sandbox to listen", func() bool {
		url, _ = os.ReadFile(urlFile)
		return len(bytes.TrimSpace(url)) > 0
	}, func() string { return "" })
	return string(bytes.TrimSpace(url))
}

func control(t *testing.T, endpoint, method, path, body string) []byte {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, endpoint+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	if resp.StatusCode >= 300 {
		t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, b.String())
	}
	return b.Bytes()
}

// injected is the stand-in's count of injected faults by kind.
func injected(t *testing.T, endpoint string) map[string]int {
	var c struct {
		Injected map[string]int `json:"injected"`
	}
	_ = json.Unmarshal(control(t, endpoint, http.MethodGet, "/_sandbox/counters", ""), &c)
	return c.Injected
}

// waitFor polls cond for up to a minute (a liveness bound).
func waitFor(t *testing.T, what string, cond func() bool, output func() string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("waited a minute for %s\n%s", what, output())
}

// proc is one line of ps: a process's id, parent, state and command.
type proc struct {
	pid, ppid   int
	state, comm string
}

// processes lists the machine's processes through ps, which Linux and
// macOS both have (the command is cut to 15 bytes on Linux, a path on
// macOS).
func processes(t *testing.T) []proc {
	t.Helper()
	out, err := exec.Command("ps", "-A", "-o", "pid=,ppid=,stat=,comm=").Output() //nolint:noctx // fixed command
	if err != nil {
		t.Fatalf("ps: %v", err)
	}
	var list []proc
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 4 {
			continue
		}
		pid, _ := strconv.Atoi(f[0])
		ppid, _ := strconv.Atoi(f[1])
		list = append(list, proc{pid: pid, ppid: ppid, state: f[2], comm: filepath.Base(strings.Join(f[3:], " "))})
	}
	return list
}

// childNamed is the pid of parent's running child whose command is name,
// or 0.
func childNamed(t *testing.T, parent int, name string) int {
	for _, p := range processes(t) {
		if p.ppid == parent && !strings.HasPrefix(p.state, "Z") && strings.HasPrefix(name, p.comm) {
			return p.pid
		}
	}
	return 0
}

// alive reports a process that exists and has not exited (a zombie has:
// it only waits for its new parent to reap it).
func alive(t *testing.T, pid int) bool {
	for _, p := range processes(t) {
		if p.pid == pid {
			return !strings.HasPrefix(p.state, "Z")
		}
	}
	return false
}
