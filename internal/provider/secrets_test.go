package provider_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// opaqueToken is a bearer token that is not shaped like a JWT, so that
// only masking by the value the provider holds can hide it.
const opaqueToken = "opaque-bearer-7f3c9a1e5d2b8f604c1a"

// echoFront stands before the stand-in and, in one mode, answers with a
// body that quotes what the provider sent: the Authorization header on a
// 502 page, the api_key in a login's 401, or a token it issued itself.
type echoFront struct {
	next http.Handler
	mode string
}

func (f echoFront) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	isLogin := r.Method == http.MethodPost && r.URL.Path == "/api/auth/login"
	switch {
	case f.mode == "login_401_quotes_key" && isLogin:
		var body struct {
			APIKey string `json:"api_key"`
		}
		_ = json.NewDecoder(r.Body).Decode(&body)
		writeJSON(w, http.StatusUnauthorized, fmt.Sprintf(`{"message": "The API key %s is not valid."}`, body.APIKey))
	case f.mode == "opaque_token_echoed" && isLogin:
		writeJSON(w, http.StatusOK, `{"bearer": "`+opaqueToken+`"}`)
	case f.mode != "login_401_quotes_key" && r.URL.Path == "/api/accounts/balance":
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = fmt.Fprintf(w, "<h1>502 Bad Gateway</h1><pre>GET /api/accounts/balance\nAuthorization: %s</pre>", r.Header.Get("Authorization"))
	default:
		f.next.ServeHTTP(w, r)
	}
}

// TestAccSecrets_echoedByTheServerAreMasked: a server that quotes a
// secret back (a proxy's 502 page with the request's headers, a login
// refusal that repeats the key) does not make the provider print it. The
// error the CLI shows and the TRACE logs of the CLI and the provider hold
// neither the api_key nor the token, but the masked marker in its place,
// and still say what went wrong.
func TestAccSecrets_echoedByTheServerAreMasked(t *testing.T) {
	acctest.RegisterSecret(opaqueToken)
	for _, tc := range []struct{ mode, want, inLogs string }{
		{"jwt_in_a_502_page", `One-API answered 502 Bad Gateway to GET /api/accounts/balance: .*Authorization: Bearer \*\*\*`, `Authorization: Bearer ***`},
		{"login_401_quotes_key", `refused the API key \(401 Unauthorized: The API key \*\*\* is not valid.\)`, `The API key *** is not valid.`},
		{"opaque_token_echoed", `One-API answered 502 Bad Gateway to GET /api/accounts/balance: .*Authorization: Bearer \*\*\*`, `Authorization: Bearer ***`},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			dir := t.TempDir()
			t.Setenv("TF_LOG", "TRACE")
			t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
			sb := acctest.StartSandbox(t)
			front := httptest.NewServer(echoFront{next: sb, mode: tc.mode})
			t.Cleanup(front.Close)
			sb.URL = front.URL
			var shown string
			acctest.Test(t, resource.TestCase{
				ErrorCheck: func(err error) error { shown = err.Error(); return nil },
				Steps: []resource.TestStep{{
					Config: sb.ProviderBlockWith("max_retries = 0") + "data \"oneapi_balance\" \"x\" {}\n",
				}},
			})
			if shown == "" {
				t.Fatal("the plan did not fail")
			}
			secrets := append(sb.IssuedTokens(), acctest.APIKey, opaqueToken)
			if tc.mode == "jwt_in_a_502_page" && len(sb.IssuedTokens()) == 0 {
				t.Fatal("the stand-in issued no token: the check below would prove nothing")
			}
			acctest.AssertNoSecrets(t, "the error the CLI shows", shown, secrets)
			if !acctest.WrappedRE(tc.want).MatchString(shown) {
				t.Errorf("the error does not match %q:\n%s", tc.want, shown)
			}
			logs := acctest.ReadLogs(t, dir)
			acctest.AssertNoSecrets(t, "TRACE logs", logs, secrets)
			if !strings.Contains(logs, tc.inLogs) {
				t.Errorf("the TRACE logs do not show %q (the masked error)", tc.inLogs)
			}
		})
	}
}
