package client

import (
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestMask(t *testing.T) {
	const key = "live_masktest_key_5d1e"
	const opaque = "opaque-token-masktest-91c2"
	jwt := "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJpZCI6OTk5LCJqdGkiOjQyfQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg"
	heldSecrets.remember(key)
	heldSecrets.remember(opaque)
	heldSecrets.remember(jwt)
	sig := jwt[strings.LastIndex(jwt, ".")+1:]
	for _, tc := range []struct{ in, want string }{
		{"key " + key + " refused", "key *** refused"},
		{"Authorization: Bearer " + opaque, "Authorization: Bearer ***"},
		{"Bearer " + jwt + ".", "Bearer ***."},
		{"signature " + sig, "signature ***"},
		{"cut " + jwt[:60], "cut ***"},
		{"another eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "another ***"},
		{"heyJoe.example and eyJ alone", "heyJoe.example and eyJ alone"},
	} {
		if got := Mask(tc.in); got != tc.want {
			t.Errorf("Mask(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAPIErrorIsMaskedBeforeItIsCut(t *testing.T) {
	const opaque = "opaque-token-cut-test-7a0b"
	heldSecrets.remember(opaque)
	page := strings.Repeat("x", 190) + "Bearer " + opaque
	e := newAPIError(http.MethodGet, "/api/accounts/balance", http.StatusBadGateway, []byte(page))
	if strings.Contains(e.Error(), "opaque-") || !strings.HasSuffix(e.Message, "Bearer ***") {
		t.Errorf("the excerpt is %q", e.Message)
	}
	e = newAPIError(http.MethodPost, "/api/campaigns", http.StatusUnprocessableEntity,
		[]byte(`{"message": "bad `+opaque+`", "errors": {"token": ["`+opaque+` is wrong"]}}`))
	if strings.Contains(e.Error(), opaque) || e.FieldErrors["token"][0] != "*** is wrong" {
		t.Errorf("the 422 reads %q, fields %v", e.Error(), e.FieldErrors)
	}
}

func TestMaskedErrorKeepsItsChain(t *testing.T) {
	inner := &RedirectError{}
	err := masked(inner)
	var re *RedirectError
	if !errors.As(err, &re) || re != inner {
		t.Error("errors.As does not find the error beneath the mask")
	}
}

// TestShortValuesAreNotMasked: a value shorter than MinSecretLength (a test's
// token "t") would garble every message of the process and show itself by
// its gaps; it is not remembered.
func TestShortValuesAreNotMasked(t *testing.T) {
	heldSecrets.remember("t")
	heldSecrets.remember("k3y4567")
	const msg = "Attribute recipients.phones is not a phone number (k3y4567)"
	if got := Mask(msg); got != msg {
		t.Errorf("Mask(%q) = %q: a value under %d characters was masked", msg, got, MinSecretLength)
	}
}
