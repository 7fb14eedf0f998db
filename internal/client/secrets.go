package client

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tfsdklog"
)

// Masked is what stands in the place of a secret in an error or a log
// line: the marker terraform-plugin-log's masking writes.
const Masked = "***"

// jwtPattern matches anything shaped like a JWT, a cut one included (an
// answer shortened to an excerpt may end inside the signature), so that no
// token is repeated, whoever issued it.
var jwtPattern = regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?`)

// heldSecrets are the secrets this process holds: every API key a client
// was given and every token it was given or issued, for the life of the
// process. A server may quote any of them back (a proxy's error page that
// shows the request's headers, a login refusal that repeats the key), and
// an opaque token is not shaped like a JWT, so they are masked by value
// wherever the provider writes: errors built from an answer (and so the
// diagnostics), and logs.
var heldSecrets secretSet

type secretSet struct {
	mu     sync.RWMutex
	values []string // longest first, so that a token is masked before its signature alone
}

// MinSecretLength is the shortest secret masked by value: masking a
// shorter one would garble every message of the process and show the value
// by its gaps ("A***ribu***e" for a test's token "t"). The provider refuses
// an api_key or token shorter than this, so none it holds goes unmasked.
const MinSecretLength = 8

// remember adds a secret; a JWT's signature counts on its own too (it is
// as good as the token to whoever holds the rest).
func (s *secretSet) remember(secret string) {
	if len(secret) < MinSecretLength {
		return
	}
	add := []string{secret}
	if parts := strings.Split(secret, "."); len(parts) == 3 && len(parts[2]) > 10 {
		add = append(add, parts[2])
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, v := range add {
		if !containsString(s.values, v) {
			s.values = append(s.values, v)
		}
	}
	sort.SliceStable(s.values, func(i, j int) bool { return len(s.values[i]) > len(s.values[j]) })
}

func (s *secretSet) list() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]string(nil), s.values...)
}

func containsString(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Mask replaces every secret the process holds, and anything shaped like
// a JWT, with Masked.
func Mask(text string) string {
	for _, secret := range heldSecrets.list() {
		text = strings.ReplaceAll(text, secret, Masked)
	}
	return jwtPattern.ReplaceAllString(text, Masked)
}

// maskedError is an error whose message is masked when it is written; the
// error chain beneath it is kept for errors.As.
type maskedError struct{ err error }

func (e maskedError) Error() string { return Mask(e.err.Error()) }
func (e maskedError) Unwrap() error { return e.err }

// masked wraps err so that its message never repeats a secret: a
// transport error may quote what the server sent.
func masked(err error) error {
	if err == nil {
		return nil
	}
	return maskedError{err}
}

// WithLogMasks makes every log line written below ctx mask the secrets the
// process holds, JWTs and the credential-carrying fields: the provider's
// own logger (the client's request and response lines included) and the
// SDK's loggers, its root and the framework's and protocol's subsystems.
// terraform-plugin-log masks per logger, so each is told.
func WithLogMasks(ctx context.Context) context.Context {
	secrets := heldSecrets.list()
	keys := []string{"authorization", "api_key", "token", "bearer"}
	ctx = tflog.MaskFieldValuesWithFieldKeys(ctx, keys...)
	ctx = tflog.MaskAllFieldValuesRegexes(ctx, jwtPattern)
	ctx = tflog.MaskMessageRegexes(ctx, jwtPattern)
	ctx = tfsdklog.MaskFieldValuesWithFieldKeys(ctx, keys...)
	ctx = tfsdklog.MaskAllFieldValuesRegexes(ctx, jwtPattern)
	ctx = tfsdklog.MaskMessageRegexes(ctx, jwtPattern)
	for _, sub := range sdkSubsystems {
		ctx = tfsdklog.SubsystemMaskFieldValuesWithFieldKeys(ctx, sub, keys...)
		ctx = tfsdklog.SubsystemMaskAllFieldValuesRegexes(ctx, sub, jwtPattern)
		ctx = tfsdklog.SubsystemMaskMessageRegexes(ctx, sub, jwtPattern)
	}
	if len(secrets) == 0 {
		return ctx
	}
	ctx = tflog.MaskAllFieldValuesStrings(ctx, secrets...)
	ctx = tflog.MaskMessageStrings(ctx, secrets...)
	ctx = tfsdklog.MaskAllFieldValuesStrings(ctx, secrets...)
	ctx = tfsdklog.MaskMessageStrings(ctx, secrets...)
	for _, sub := range sdkSubsystems {
		ctx = tfsdklog.SubsystemMaskAllFieldValuesStrings(ctx, sub, secrets...)
		ctx = tfsdklog.SubsystemMaskMessageStrings(ctx, sub, secrets...)
	}
	return ctx
}

// sdkSubsystems are the SDK's subsystem loggers: terraform-plugin-go's
// ("proto") and terraform-plugin-framework's ("framework").
var sdkSubsystems = []string{"proto", "framework"}
