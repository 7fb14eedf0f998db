package campaign_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/acctest"
	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/sandbox"
)

// The provider's time_zone against the platform's (time_zone.go), through
// the CLI, whose output is the only place a warning of an apply shows.

// scheduledHalfAnHourAhead is two campaigns whose start_at is 30 minutes
// after the plan, in RFC 3339 (sent converted into time_zone).
const scheduledHalfAnHourAhead = `
resource "oneapi_campaign" "a" {
  recipients = { phones = ["380661231231"] }
  rcs        = { sender = "rcs_sender", text = "Starts in half an hour" }
  start_at   = timeadd(plantimestamp(), "30m")
  lifecycle {
    ignore_changes = [start_at]
  }
}
resource "oneapi_campaign" "b" {
  recipients = { phones = ["380661231232"] }
  rcs        = { sender = "rcs_sender", text = "Starts in half an hour too" }
  start_at   = timeadd(plantimestamp(), "30m")
  lifecycle {
    ignore_changes = [start_at]
  }
}
`

// zoneCLI is a working directory with the two campaigns against a stand-in
// in Europe/Kyiv, the README's stand-in command's zone, and providerExtra
// in the provider block.
func zoneCLI(t *testing.T, providerExtra string) *acctest.CLI {
	t.Helper()
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	sb := acctest.StartSandboxWith(t, sandbox.Config{AccountZone: kyiv})
	cli := acctest.NewCLI(t, nil)
	cli.Write("main.tf", acctest.RequiredProviders+sb.ProviderBlockWith(providerExtra)+scheduledHalfAnHourAhead)
	cli.Init()
	return cli
}

const zoneWarning = "Warning: Time Zone Mismatch"

// TestAccCampaign_timeZoneMismatchWarnsOnce: the stand-in runs in
// Europe/Kyiv, the provider is left at UTC. start_at = now + 30m passes
// the plan, and the platform, reading it in its own zone, finds it two
// hours past and sends both campaigns at once. The apply warns once (not
// once per campaign), naming time_zone's value, the platform's offset, the
// setting to change, and that the start_at went out at once; the next
// plan's refresh, seeing created_at in the future, warns once too.
func TestAccCampaign_timeZoneMismatchWarnsOnce(t *testing.T) {
	acctest.RequireNative(t)
	cli := zoneCLI(t, "")
	out := cli.MustRun("apply", "-auto-approve", "-no-color")
	if n := strings.Count(out, zoneWarning); n != 1 {
		t.Fatalf("the apply of two campaigns said %q %d times, want once:\n%s", zoneWarning, n, out)
	}
	mustContain(t, out, `time_zone = "UTC" (UTC+00:00 now)`, "2h ahead of the time the provider sent the request",
		"one at UTC+02:00 now", "was already past on the platform's clock", "the platform sent it at once",
		"Set time_zone in the provider block (or the ONEAPI_TIME_ZONE environment variable) to the account's zone, one at UTC+02:00",
		"this warning is given once", "Apply complete! Resources: 2 added") // warned, never refused

	out = cli.MustRun("plan", "-no-color")
	if n := strings.Count(out, zoneWarning); n != 1 {
		t.Fatalf("the plan refreshing two campaigns said %q %d times, want once:\n%s", zoneWarning, n, out)
	}
	mustContain(t, out, `read in the provider's time_zone = "UTC" lies about 2h in the future`, `about 2h or more ahead of "UTC"`)
}

// TestAccCampaign_matchingTimeZoneDoesNotWarn: with time_zone set to the
// stand-in's zone, as the README's stand-in section shows, neither the
// apply nor the next plan warns.
func TestAccCampaign_matchingTimeZoneDoesNotWarn(t *testing.T) {
	acctest.RequireNative(t)
	cli := zoneCLI(t, `time_zone = "Europe/Kyiv"`)
	if out := cli.MustRun("apply", "-auto-approve", "-no-color"); strings.Contains(out, "Time Zone Mismatch") {
		t.Fatalf("the apply warned with matching zones:\n%s", out)
	}
	if out := cli.MustRun("plan", "-no-color"); strings.Contains(out, "Time Zone Mismatch") {
		t.Fatalf("the plan warned with matching zones:\n%s", out)
	}
}

// TestREADME_standInZoneMatchesProvider: every oneapi-sandbox command in
// the README that sets -time-zone is followed by a provider block with
// the same time_zone, so that a reader who copies both gets matching
// zones.
func TestREADME_standInZoneMatchesProvider(t *testing.T) {
	b, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	commands := regexp.MustCompile(`oneapi-sandbox[^\n]*-time-zone (\S+)`).FindAllStringSubmatchIndex(readme, -1)
	if len(commands) == 0 {
		t.Fatal("no oneapi-sandbox command with -time-zone in README.md")
	}
	for _, m := range commands {
		zone := readme[m[2]:m[3]]
		rest := readme[m[1]:]
		block := regexp.MustCompile(`(?s)provider "oneapi" \{.*?\n\}`).FindString(rest)
		if block == "" || strings.Index(rest, block) > 1500 {
			t.Errorf("the stand-in command with -time-zone %s has no provider block after it", zone)
			continue
		}
		if !regexp.MustCompile(`time_zone\s*=\s*"` + regexp.QuoteMeta(zone) + `"`).MatchString(block) {
			t.Errorf("the provider block after the stand-in command with -time-zone %s does not set time_zone = %q:\n%s", zone, zone, block)
		}
	}
}
