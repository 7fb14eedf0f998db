package provider_test

// The hostile-API suite: the provider through the CLI against an API that
// misbehaves. A front server sits before the stand-in and, in one mode at
// a time, answers some calls itself (a redirect to a second listener, an
// empty or foreign object, HTML, truncated JSON, slow or refused answers).
// Each case asserts the error the user sees, that the state is kept as it
// was, the requests the mode drew, and that nothing reached the second
// listener; TestMain's scan holds every log of the suite to no secret.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
)

// hostile is the front server's behaviour.
type hostile struct {
	next http.Handler
	mu   sync.Mutex
	mode string
	// hits counts the requests the mode answered itself.
	hits int
	// elsewhere is the second listener redirects point at; reached counts
	// the requests it got, credentials those that carried a bearer token or
	// an api_key.
	elsewhere   *httptest.Server
	reached     int
	credentials int
}

// startHostile starts a stand-in behind a hostile front; the stand-in's
// URL (and so providerBlock) is the front's.
func startHostile(t *testing.T) (*acctest.Sandbox, *hostile) {
	t.Helper()
	sb := acctest.StartSandbox(t)
	h := &hostile{next: sb.Sandbox}
	h.elsewhere = httptest.NewServer(http.HandlerFunc(h.serveElsewhere))
	front := httptest.NewServer(h)
	t.Cleanup(front.Close)
	t.Cleanup(h.elsewhere.Close)
	sb.URL = front.URL
	return sb, h
}

func (h *hostile) set(mode string) {
	h.mu.Lock()
	h.mode, h.hits, h.reached, h.credentials = mode, 0, 0, 0
	h.mu.Unlock()
}

func (h *hostile) counts() (hits, reached, credentials int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.hits, h.reached, h.credentials
}

func (h *hostile) serveElsewhere(w http.ResponseWriter, r *http.Request) {
	var body bytes.Buffer
	_, _ = body.ReadFrom(r.Body)
	h.mu.Lock()
	h.reached++
	if r.Header.Get("Authorization") != "" || strings.Contains(body.String(), acctest.APIKey) {
		h.credentials++
	}
	h.mu.Unlock()
	w.WriteHeader(http.StatusUnauthorized)
}

var campaignGet = regexp.MustCompile(`^/api/campaigns/\d+$`)

// answers are the modes that replace the answer to a campaign read.
var answers = map[string]func(w http.ResponseWriter, r *http.Request, actual map[string]any){
	"data_null":    func(w http.ResponseWriter, _ *http.Request, _ map[string]any) { writeJSON(w, 200, `{"data": null}`) },
	"empty_object": func(w http.ResponseWriter, _ *http.Request, _ map[string]any) { writeJSON(w, 200, `{}`) },
	"id_zero":      rewrite(func(d map[string]any) { d["id"] = 0 }),
	"other_id":     rewrite(func(d map[string]any) { d["id"] = d["id"].(float64) + 1 }),
	"no_status":    rewrite(func(d map[string]any) { delete(d, "status") }),
	"html_502": func(w http.ResponseWriter, _ *http.Request, _ map[string]any) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html><body><h1>502 Bad Gateway</h1></body></html>"))
	},
	"truncated": func(w http.ResponseWriter, _ *http.Request, _ map[string]any) {
		writeJSON(w, 200, `{"data": {"id": 1, "sta`)
	},
	"array": func(w http.ResponseWriter, _ *http.Request, _ map[string]any) { writeJSON(w, 200, `[1, 2, 3]`) },
	"html_200": func(w http.ResponseWriter, _ *http.Request, _ map[string]any) {
		writeJSON(w, 200, `<html>maintenance</html>`)
	},
	"string_numbers": rewrite(func(d map[string]any) { d["id"] = fmt.Sprint(d["id"]) }),
	"huge_counts": func(w http.ResponseWriter, _ *http.Request, actual map[string]any) {
		d := actual["data"].(map[string]any)
		d["statistics"] = map[string]any{"sent": json.Number("9223372036854775808"), "delivered": 0}
		b, _ := json.Marshal(actual)
		writeJSON(w, 200, string(b))
	},
	"over_limit": func(w http.ResponseWriter, _ *http.Request, _ map[string]any) {
		writeJSON(w, 200, `{"data": {"id": 1, "name": "`+strings.Repeat("a", 33<<20)+`"}}`)
	},
	"slow": func(w http.ResponseWriter, r *http.Request, _ map[string]any) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
		writeJSON(w, 200, `{}`)
	},
	"unauthorized": func(w http.ResponseWriter, _ *http.Request, _ map[string]any) {
		writeJSON(w, 401, `{"message": "Unauthenticated."}`)
	},
	"retry_after_huge": func(w http.ResponseWriter, _ *http.Request, _ map[string]any) {
		w.Header().Set("Retry-After", "999999")
		writeJSON(w, 429, `{"message": "Too Many Attempts."}`)
	},
	"unavailable": func(w http.ResponseWriter, _ *http.Request, _ map[string]any) {
		writeJSON(w, 503, `{"message": "Service Unavailable"}`)
	},
	"archived_negative": rewrite(func(d map[string]any) {
		d["status"] = "archived"
		d["statistics"] = map[string]any{"sent": -5, "delivered": 2}
	}),
	"forbidden": func(w http.ResponseWriter, _ *http.Request, _ map[string]any) {
		writeJSON(w, 403, `{"message": "This action is unauthorized."}`)
	},
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// rewrite changes the stand-in's own answer's data object.
func rewrite(change func(data map[string]any)) func(http.ResponseWriter, *http.Request, map[string]any) {
	return func(w http.ResponseWriter, _ *http.Request, actual map[string]any) {
		change(actual["data"].(map[string]any))
		b, _ := json.Marshal(actual)
		writeJSON(w, 200, string(b))
	}
}

func (h *hostile) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	mode := h.mode
	h.mu.Unlock()
	count := func() {
		h.mu.Lock()
		h.hits++
		h.mu.Unlock()
	}
	isLogin := r.Method == http.MethodPost && r.URL.Path == "/api/auth/login"
	switch {
	case mode == "redirect_login" && isLogin:
		count()
		http.Redirect(w, r, h.elsewhere.URL+r.URL.Path, http.StatusTemporaryRedirect)
		return
	case mode == "login_no_bearer" && isLogin:
		count()
		writeJSON(w, 200, `{"data": {}}`)
		return
	case r.Method != http.MethodGet || !campaignGet.MatchString(r.URL.Path):
	case mode == "redirect_read":
		count()
		http.Redirect(w, r, h.elsewhere.URL+r.URL.Path, http.StatusTemporaryRedirect)
		return
	case mode == "redirect_loop":
		count()
		http.Redirect(w, r, r.URL.Path, http.StatusFound)
		return
	case answers[mode] != nil:
		count()
		rec := httptest.NewRecorder()
		h.next.ServeHTTP(rec, r)
		var actual map[string]any
		_ = json.Unmarshal(rec.Body.Bytes(), &actual)
		answers[mode](w, r, actual)
		return
	}
	h.next.ServeHTTP(w, r)
}

// hostileCase is one misbehaviour of a campaign read: what the user sees
// (want), how many reads the mode answered (hits, counting the retries of
// max_retries = 1), and whether it is a redirect elsewhere.
type hostileCase struct {
	mode, want string
	hits       int
}

// TestAccHostile_refresh refreshes a campaign under each misbehaviour: the
// plan fails with the error, the state keeps the campaign as it was
// (the next plan without the fault is empty and names the same id), and
// nothing reached the second listener.
func TestAccHostile_refresh(t *testing.T) {
	t.Parallel()
	cases := []hostileCase{
		{"data_null", `the answer to GET /api/campaigns/\d+ cannot be used: it has no data object.*Nothing about campaign \d+ was written to the state`, 1},
		{"empty_object", `cannot be used: it has no data object`, 1},
		{"id_zero", `cannot be used: the campaign has no id \(or id 0\)`, 1},
		{"other_id", `cannot be used: it describes campaign (\d+), not \d+`, 1},
		{"no_status", `cannot be used: campaign \d+ has no status`, 1},
		{"html_502", `One-API answered 502 Bad Gateway to GET /api/campaigns/\d+.*usually temporary`, 2},
		{"html_200", `it is an HTML page, not JSON \(is endpoint the API's base URL\?\)`, 1},
		{"truncated", `its JSON ends early \(truncated\)`, 1},
		{"array", `the top level is a JSON array where an object belongs`, 1},
		{"string_numbers", `data.id is a JSON string where an integer \(within 64 bits\) belongs`, 1},
		{"huge_counts", `data.statistics.sent is a JSON number 9223372036854775808 where an integer \(within 64 bits\) belongs`, 1},
		{"over_limit", `larger than the 32 MiB the provider reads`, 1},
		{"slow", `(Client.Timeout|context deadline) exceeded.*usually temporary`, 2}, // the client's timeout, or the read's when the machine is slow
		{"redirect_read", `GET /api/campaigns/\d+ was redirected to http://127.0.0.1:\d+, which is not the configured endpoint.*did not follow.*Check endpoint`, 1},
		{"redirect_loop", `redirected more than 10 times \(a redirect loop\)`, 10},
		{"unauthorized", `Unable to Authenticate with One-API.*refused the credentials`, 2},
		{"retry_after_huge", `One-API answered 429 Too Many Requests.*usually temporary`, 1},
		{"unavailable", `One-API answered 503 Service Unavailable.*usually temporary`, 2},
		{"forbidden", `One-API answered 403 Forbidden.*One-API refused the request about campaign \d+; nothing was changed`, 1},
	}
	for _, tc := range cases {
		t.Run(tc.mode, func(t *testing.T) {
			t.Parallel()
			sb, h := startHostile(t)
			retries := 1
			if tc.mode == "retry_after_huge" {
				retries = 0 // the wait is capped at a minute (TestBackoff); one attempt shows the answer
			}
			// Only the slow mode is about the request timeout; the others
			// get time enough for a 33 MiB answer on a busy machine.
			timeout := "30s"
			if tc.mode == "slow" {
				timeout = "1s"
			}
			config := sb.ProviderBlockWith(fmt.Sprintf("max_retries = %d\n  request_timeout = %q", retries, timeout)) +
				"resource \"oneapi_campaign\" \"test\" {\n" + acctest.RCSCampaign("") + "\n}\n"
			var id, kept int64
			logins := 0
			acctest.Test(t, resource.TestCase{
				CheckDestroy: sb.CheckNothingLeftSending(),
				Steps: []resource.TestStep{
					{Config: config, Check: acctest.IDOf(acctest.CampaignAddr, &id)},
					{
						PreConfig:   func() { h.set(tc.mode); logins = sb.Count("POST /api/auth/login") },
						Config:      config,
						ExpectError: regexp.MustCompile(`(?s)Unable to Read Campaign|Unable to Authenticate`),
					},
					{
						PreConfig: func() {
							hits, reached, creds := h.counts()
							if hits != tc.hits {
								t.Errorf("%s: the mode answered %d requests, want %d", tc.mode, hits, tc.hits)
							}
							if reached != 0 || creds != 0 {
								t.Errorf("%s: the second listener got %d requests, %d with credentials; want none", tc.mode, reached, creds)
							}
							// The command's own login, and one more after the 401.
							if tc.mode == "unauthorized" && sb.Count("POST /api/auth/login") != logins+2 {
								t.Errorf("logins %d, want two more than %d (a 401 logs in again once)", sb.Count("POST /api/auth/login"), logins)
							}
							h.set("")
						},
						Config:           config,
						ConfigPlanChecks: acctest.EmptyPlan(),
						Check: resource.ComposeTestCheckFunc(acctest.IDOf(acctest.CampaignAddr, &kept), func(*terraform.State) error {
							if kept != id {
								return fmt.Errorf("the state holds campaign %d after the fault, want %d as before", kept, id)
							}
							return nil
						}, resource.TestCheckResourceAttr(acctest.CampaignAddr, "status", "creation"),
							func(*terraform.State) error { sb.Advance(6 * time.Second); return nil }), // moderation: the destroy stops it
					},
				},
			})
			// The error itself, once more, through a refresh-only plan, to
			// match the case's exact words.
			h.set(tc.mode)
			acctest.Test(t, resource.TestCase{Steps: []resource.TestStep{{
				Config: sb.ProviderBlockWith(fmt.Sprintf("max_retries = %d\n  request_timeout = %q", retries, timeout)) +
					fmt.Sprintf("data \"oneapi_campaign\" \"x\" {\n  id = \"%d\"\n}\n", id),
				ExpectError: acctest.WrappedRE(tc.want),
			}}})
			h.set("")
		})
	}
}

// TestAccHostile_credentialsStayHome: a login redirected to another host
// is not followed, so neither the api_key (the login's body) nor a JWT
// reaches it, and the error names where the redirect pointed.
func TestAccHostile_credentialsStayHome(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ mode, want string }{
		{"redirect_login", `POST /api/auth/login was redirected to http://127.0.0.1:\d+, which is not the configured endpoint`},
		{"login_no_bearer", `logging in to http://127.0.0.1:\d+: the answer carried no bearer token`},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			t.Parallel()
			sb, h := startHostile(t)
			h.set(tc.mode)
			acctest.Test(t, resource.TestCase{Steps: []resource.TestStep{{
				Config:      sb.ProviderBlockWith("max_retries = 1") + "data \"oneapi_balance\" \"x\" {}\n",
				ExpectError: acctest.WrappedRE(tc.want),
			}}})
			hits, reached, creds := h.counts()
			if hits < 1 || reached != 0 || creds != 0 {
				t.Errorf("logins answered by the mode %d, requests elsewhere %d (%d with credentials): want >= 1, 0, 0", hits, reached, creds)
			}
			if n := sb.Count("GET /api/accounts/balance"); n != 0 {
				t.Errorf("balance reads %d, want 0 without a login", n)
			}
		})
	}
}

// TestAccHostile_connectionRefused: an endpoint where nothing listens is
// named as the thing to check.
func TestAccHostile_connectionRefused(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	acctest.ExpectError(t, fmt.Sprintf("provider \"oneapi\" {\n  endpoint = %q\n  max_retries = 0\n}\ndata \"oneapi_balance\" \"x\" {}\n", url),
		acctest.WrappedRE(`could not connect to http://127.0.0.1:\d+ \(connect: connection refused\).*Nothing reached One-API. Check endpoint`))
}

// TestAccHostile_importOfNothing: an import of an id the account does not
// have fails for every resource, and for a campaign with desired_state =
// "stopped" sends no stop.
func TestAccHostile_importOfNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, resource, body, want string }{
		{"campaign", "oneapi_campaign", `desired_state = "stopped"`,
			`Cannot Import Non-Existent Campaign.*answered 404 for campaign 53708808.*another account's key answers 404`},
		{"contact list", "oneapi_contact_list", `name = "Nobody"`, `Cannot import non-existent remote object`},
		{"contact", "oneapi_contact", `phone = "380661231299"`, `Cannot import non-existent remote object`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			acctest.ExpectError(t, sb.ProviderBlock()+fmt.Sprintf("import {\n  to = %s.test\n  id = \"53708808\"\n}\nresource %q \"test\" {\n  %s\n}\n",
				tc.resource, tc.resource, tc.body), acctest.WrappedRE(tc.want))
			if n := sb.StopsAndRenews(); n != 0 {
				t.Errorf("stop or renew requests: %d, want 0", n)
			}
		})
	}
}

// TestAccHostile_importOfAnEmptyAnswer: an import answered with no object
// fails, and nothing is written to the state.
func TestAccHostile_importOfAnEmptyAnswer(t *testing.T) {
	t.Parallel()
	sb, h := startHostile(t)
	cp := sb.CreateRCSCampaign("380661231231")
	h.set("data_null")
	acctest.ExpectError(t, sb.ImportConfig(cp.ID, `desired_state = "stopped"`),
		acctest.WrappedRE(`Unable to Read Campaign.*cannot be used: it has no data object`))
	if n := sb.StopsAndRenews(); n != 0 {
		t.Errorf("stop or renew requests: %d, want 0", n)
	}
}

// TestAccHostile_otherObjects: lists, contacts and the account are held to
// the same rule as campaigns: an answer without the object is an error.
func TestAccHostile_otherObjects(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, path, body, config, want string }{
		{"contact list", "/api/groups/101", `{"data": null}`, "resource \"oneapi_contact_list\" \"x\" {\n  name = \"Imported\"\n}\nimport {\n  to = oneapi_contact_list.x\n  id = \"101\"\n}\n",
			`GET /api/groups/101 cannot be used: it has no data object`},
		{"contact list page", "/api/groups", `{"data": [{"id": 0, "name": "x"}], "total": 1}`, "data \"oneapi_contact_lists\" \"x\" {}\n",
			`GET /api/groups cannot be used: data\[0\]: the contact list has no id`},
		{"balance", "/api/accounts/balance", `{"data": {}}`, "data \"oneapi_balance\" \"x\" {}\n",
			`GET /api/accounts/balance cannot be used: the balance has no currency`},
		{"senders", "/api/senders", `{"message": "ok"}`, "data \"oneapi_senders\" \"x\" {\n  type = \"sms\"\n}\n",
			`GET /api/senders cannot be used: it has no data list`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method == http.MethodGet && r.URL.Path == tc.path {
					writeJSON(w, 200, tc.body)
					return
				}
				sb.ServeHTTP(w, r)
			}))
			t.Cleanup(front.Close)
			sb.URL = front.URL
			acctest.ExpectError(t, sb.ProviderBlock()+tc.config, acctest.WrappedRE(tc.want))
		})
	}
}

// TestAccHostile_unexpectedFiguresAreKept: a status the documentation
// does not name and a negative count are kept as reported (and warned
// of: TestUnexpectedFigures), and no rule acts on them. A destroy sends
// one stop and, refused, fails at once instead of waiting for a status
// that may never come; its advice (stop_on_destroy = false, apply,
// destroy) is followed to the end.
func TestAccHostile_unexpectedFiguresAreKept(t *testing.T) {
	t.Parallel()
	sb, h := startHostile(t)
	config := sb.CampaignConfig(acctest.RCSCampaign(""))
	stops := func(want int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if n := sb.StopsAndRenews(); n != want {
				return fmt.Errorf("stops or renews: %d, want %d", n, want)
			}
			return nil
		}
	}
	acctest.Test(t, resource.TestCase{
		CheckDestroy: stops(2),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() { h.set("archived_negative"); sb.ResetCounters() },
				Config:    config,
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(acctest.CampaignAddr, "status", "archived"),
					resource.TestCheckResourceAttr(acctest.CampaignAddr, "statistics.sent", "-5"),
					stops(0)),
			},
			{
				// An apply that asks for the stop fails the same way; its
				// advice (remove desired_state) plans nothing more.
				Config:      sb.CampaignConfig(acctest.RCSCampaign(`desired_state = "stopped"`)),
				ExpectError: acctest.WrappedRE(`Unable to Stop Campaign.*in status "archived".*when applying desired_state = "stopped", remove that line and apply`),
			},
			{Config: config, ConfigPlanChecks: acctest.EmptyPlan(), Check: stops(1)},
			{
				Config:      config,
				Destroy:     true,
				ExpectError: acctest.WrappedRE(`Unable to Stop Campaign.*in status "archived".*documentation does not name that status.*when destroying, set stop_on_destroy = false, apply, then destroy`),
			},
			{
				Config:           sb.CampaignConfig(acctest.RCSCampaign("stop_on_destroy = false")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(acctest.CampaignAddr, plancheck.ResourceActionUpdate)}},
				Check:            resource.ComposeTestCheckFunc(resource.TestCheckResourceAttr(acctest.CampaignAddr, "status", "archived"), stops(2)),
			},
		},
	})
}
