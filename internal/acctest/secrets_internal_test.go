package acctest

import (
	"strings"
	"testing"
)

// TestSecretIn holds the one-pass scanner to what scanning once per secret
// found: each form of an issued token, the API key, a JWT no stand-in
// issued, and nothing in clean text, among thousands of other tokens.
func TestSecretIn(t *testing.T) {
	const (
		head  = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
		sig   = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
		token = head + "." + sig
	)
	secrets := []string{"test_apikey_123"}
	for i := range 3000 { // other issued tokens, as in a whole suite
		secrets = append(secrets, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ"+strings.Repeat("x", i%7)+"In0."+strings.Repeat("Q", 32)+string(rune('a'+i%26))+"bcdefghijk")
	}
	secrets = append(secrets, token)
	filler := strings.Repeat("GET /api/campaigns 200 page[limit]=500 Authorization: Bearer *** ", 2000)
	for _, tc := range []struct{ name, text, want string }{
		{"clean", filler, ""},
		{"api key", filler + `"api_key":"test_apikey_123"`, "a secret (test_apikey_...)"},
		{"token", filler + "Bearer " + token, "a secret (eyJhbGciOiJI...)"},
		{"signature alone", filler + `sig=` + sig + `&`, "a JWT signature (of eyJhbGciOiJI...)"},
		{"signature inside a run", filler + "xx_" + sig + "_yy", "a JWT signature (of eyJhbGciOiJI...)"},
		{"header and claims", filler + head + "...", "a JWT cut short (of eyJhbGciOiJI...)"},
		{"header and claims after a letter", filler + "Bearer_" + head, "a JWT cut short (of eyJhbGciOiJI...)"},
		{"another JWT", filler + " eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJvdGhlciJ9.abc", "a JWT (eyJhbGciOiJS...)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := secretIn(tc.text, secrets); got != tc.want {
				t.Errorf("secretIn = %q, want %q", got, tc.want)
			}
		})
	}
}
