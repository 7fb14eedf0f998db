package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

func ReadLogs(t *testing.T, dir string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}

func AssertNoSecrets(t *testing.T, where, text string, Secrets []string) {
	t.Helper()
	if found := secretIn(text, Secrets); found != "" {
		t.Errorf("%s contain %s", where, found)
	}
}

// secretIn is the suite's one secret scanner: it names the first secret in
// text (the API key, a JWT, a JWT's signature alone, which is as good as
// the token, or its header and claims, which are what is left of a token
// cut short in an excerpt), then anything shaped like a JWT (a token no
// stand-in of the run issued: a test's front server's, another
// account's), or returns "".
func secretIn(text string, Secrets []string) string {
	for _, s := range Secrets {
		if s != "" && strings.Contains(text, s) {
			return fmt.Sprintf("a secret (%.12s...)", s)
		}
		parts := strings.Split(s, ".")
		if len(parts) != 3 {
			continue
		}
		if len(parts[2]) > 10 && strings.Contains(text, parts[2]) {
			return fmt.Sprintf("a JWT signature (of %.12s...)", s)
		}
		if strings.Contains(text, parts[0]+"."+parts[1]) {
			return fmt.Sprintf("a JWT cut short (of %.12s...)", s)
		}
	}
	if jwt := jwtShaped.FindString(text); jwt != "" {
		return fmt.Sprintf("a JWT (%.12s...)", jwt)
	}
	return ""
}

// jwtShaped matches a JWT's header and claims: base64url JSON objects.
var jwtShaped = regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]+`)

var (
	sandboxesMu sync.Mutex
	sandboxes   []*sandbox.Sandbox
)

func RegisterSandbox(sb *sandbox.Sandbox) {
	sandboxesMu.Lock()
	sandboxes = append(sandboxes, sb)
	sandboxesMu.Unlock()
}

// Secrets are the API key, every JWT any stand-in of this run issued and
// every secret a test registered.
func Secrets() []string {
	registeredMu.Lock()
	out := append([]string{APIKey}, registered...)
	registeredMu.Unlock()
	sandboxesMu.Lock()
	defer sandboxesMu.Unlock()
	for _, sb := range sandboxes {
		out = append(out, sb.IssuedTokens()...)
	}
	return out
}

func scanLogs(dir string, Secrets []string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		return err
	}
	var size int64
	sawRequests := false
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		size += int64(len(data))
		text := string(data)
		sawRequests = sawRequests || strings.Contains(text, "One-API request")
		if found := secretIn(text, Secrets); found != "" {
			return fmt.Errorf("%s contains %s", filepath.Base(f), found)
		}
	}
	if !sawRequests {
		return fmt.Errorf("%d log files (%d bytes) show no provider request: the scan would prove nothing", len(files), size)
	}
	return nil
}

type noSecretsInState struct{}

func (noSecretsInState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = findSecret("state", req.State)
}

type noSecretsInPlan struct{}

func (noSecretsInPlan) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = findSecret("plan", req.Plan)
}

func findSecret(where string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if found := secretIn(string(data), Secrets()); found != "" {
		return fmt.Errorf("the %s contains %s", where, found)
	}
	return nil
}

var (
	registeredMu sync.Mutex
	registered   []string
)

// RegisterSecret adds a secret a test hands out itself (a token its own
// front server issues) to those the suite's scan looks for.
func RegisterSecret(s string) {
	registeredMu.Lock()
	registered = append(registered, s)
	registeredMu.Unlock()
}
