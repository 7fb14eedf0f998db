package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// TestAccProvider_secretsNotInTraceLogs runs the provider and the CLI with
// TF_LOG=TRACE and checks that neither the api_key nor any JWT the
// stand-in issued appears in the logs, while the logs do show the
// provider's API calls (so the check cannot pass on an empty log).
func TestAccProvider_secretsNotInTraceLogs(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
	sb := startSandbox(t)
	cp := sb.createRCSCampaign("380661231231")
	// The key comes from the environment, as the README recommends: the test
	// harness itself logs the configuration text it writes.
	t.Setenv(EnvAPIKey, testAPIKey)
	config := fmt.Sprintf(`
provider "oneapi" {
  endpoint = %q
}
data "oneapi_campaign" "test" {
  id = "%d"
}
`, sb.URL, cp.ID)
	sb.RevokeTokens() // forces a 401, a new login and a replay inside the test

	accTest(t, resource.TestCase{
		PreCheck:                 func() { testAccPreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.oneapi_campaign.test", tfjsonpath.New("status"), knownvalue.StringExact("creation")),
			},
		}},
	})

	logs := readLogs(t, dir)
	for _, want := range []string{"One-API request", "/api/auth/login", "/api/campaigns/" + strconv.FormatInt(cp.ID, 10)} {
		if !strings.Contains(logs, want) {
			t.Fatalf("the TRACE logs do not show %q: the check below would prove nothing", want)
		}
	}
	assertNoSecrets(t, "TRACE logs", logs, append(sb.IssuedTokens(), testAPIKey))
}

func readLogs(t *testing.T, dir string) string {
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

func assertNoSecrets(t *testing.T, where, text string, secrets []string) {
	t.Helper()
	for _, s := range secrets {
		if s != "" && strings.Contains(text, s) {
			t.Errorf("%s contain a secret (%.12s...)", where, s)
		}
		// A JWT's signature alone is as good as the token.
		if parts := strings.Split(s, "."); len(parts) == 3 && len(parts[2]) > 10 && strings.Contains(text, parts[2]) {
			t.Errorf("%s contain a JWT signature", where)
		}
	}
}
