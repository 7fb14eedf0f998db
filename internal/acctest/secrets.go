package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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
//
// A suite's stand-ins issue thousands of JWTs and its TRACE logs run to
// hundreds of megabytes, so the text is read once, not once per token:
// every header and claims is found by headShaped (they are base64url JSON
// objects) and looked up, and every signature is looked up among the runs
// of base64url characters the text holds (scanning once per token took
// minutes).
func secretIn(text string, secrets []string) string {
	tokens := newTokenIndex()
	for _, s := range secrets {
		if s == "" {
			continue
		}
		if !tokens.add(s) && strings.Contains(text, s) {
			return fmt.Sprintf("a secret (%.12s...)", s)
		}
	}
	for _, m := range headShaped.FindAllStringIndex(text, -1) {
		if s, ok := tokens.byHead[text[m[0]:m[1]]]; ok {
			if strings.HasPrefix(text[m[0]:], s) {
				return fmt.Sprintf("a secret (%.12s...)", s)
			}
			return fmt.Sprintf("a JWT cut short (of %.12s...)", s)
		}
	}
	if s := tokens.signatureIn(text); s != "" {
		return fmt.Sprintf("a JWT signature (of %.12s...)", s)
	}
	if jwt := jwtShaped.FindString(text); jwt != "" {
		return fmt.Sprintf("a JWT (%.12s...)", jwt)
	}
	return ""
}

// tokenIndex holds JWTs by their header and claims, and by signature.
type tokenIndex struct {
	byHead, bySig map[string]string
	sigLens       []int
}

func newTokenIndex() *tokenIndex {
	return &tokenIndex{byHead: map[string]string{}, bySig: map[string]string{}}
}

// add indexes s when it is a JWT whose header and claims headShaped
// matches, reporting whether it did.
func (x *tokenIndex) add(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return false
	}
	head := parts[0] + "." + parts[1]
	if headShaped.FindString(head) != head {
		return false
	}
	x.byHead[head] = s
	if sig := parts[2]; len(sig) > 10 {
		if !slices.Contains(x.sigLens, len(sig)) {
			x.sigLens = append(x.sigLens, len(sig))
		}
		x.bySig[sig] = s
	}
	return true
}

// signatureIn returns the token whose signature text holds: each run of
// base64url characters at least as long as a signature is looked up, by
// every window of a signature's length.
func (x *tokenIndex) signatureIn(text string) string {
	if len(x.sigLens) == 0 {
		return ""
	}
	shortest := slices.Min(x.sigLens)
	for i := 0; i < len(text); {
		if !base64URL(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && base64URL(text[j]) {
			j++
		}
		if run := text[i:j]; len(run) >= shortest {
			for _, n := range x.sigLens {
				for k := 0; k+n <= len(run); k++ {
					if s, ok := x.bySig[run[k:k+n]]; ok {
						return s
					}
				}
			}
		}
		i = j
	}
	return ""
}

func base64URL(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_'
}

// jwtShaped matches a JWT's header and claims: base64url JSON objects.
var jwtShaped = regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]+`)

// headShaped is jwtShaped wherever it starts, for looking up the issued
// tokens (one cut short after a letter is still theirs).
var headShaped = regexp.MustCompile(`eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]+`)

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
