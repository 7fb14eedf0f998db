package main

// The Terraform 1.14 features, measured with the 1.14+ CLI
// (scripts/terraform-native.sh): terraform query of many campaigns beside
// the same-schema no-op list resource, and one invoke of the stop action on
// many campaigns beside stopping them through resources.

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// Markers of the section this part writes into bench/RESULTS.md, so that
// `go run ./bench -native-only` can rewrite it alone.
const (
	nativeBegin = "<!-- native: begin -->"
	nativeEnd   = "<!-- native: end -->"
)

// listPageSize is the provider's page[limit] for campaign lists.
const listPageSize = 500

// listTypes are the campaign types `GET /api/campaigns` takes, each
// listed on its own when a list names no type
// (internal/provider/campaign: list.go, campaigns_data_source.go). The
// benchmark's campaigns are all RCS.
var listTypes = []string{"rcs", "sms", "viber", "whatsapp"}

type nativeResult struct {
	measuredAt       string
	terraformVersion string
	queryN           int
	query            map[string][]measurement
	listRequests     int
	listAllowed      int
	campaignGets     int
	results          int
	stopN            int
	invoke, byRes    []measurement
	invokeStops      int
	resourceStops    int
}

// measureNative runs both measurements, runs times each.
func (e *env) measureNative(queryN, stopN, runs int) (nativeResult, error) {
	r := nativeResult{queryN: queryN, stopN: stopN, query: map[string][]measurement{}, measuredAt: measuredAt()}
	native, err := e.native()
	if err != nil {
		return r, err
	}
	r.terraformVersion = native.version()
	if err := native.measureQuery(&r, runs); err != nil {
		return r, err
	}
	return r, native.measureStops(&r, runs)
}

func (e *env) measureQuery(r *nativeResult, runs int) error {
	sb, err := e.startSandbox(0)
	if err != nil {
		return err
	}
	defer sb.stop()
	fmt.Fprintf(os.Stderr, "query: creating %d campaigns in the stand-in\n", r.queryN)
	if _, err := seed(sb.url, r.queryN); err != nil {
		return err
	}
	provDir, err := e.queryDir("query-provider", "oneapi", sb.url, r.queryN)
	if err != nil {
		return err
	}
	noopDir, err := e.queryDir("query-noop", "noop", "", r.queryN)
	if err != nil {
		return err
	}
	for i := 0; i < runs; i++ {
		fmt.Fprintf(os.Stderr, "query N=%d run %d/%d\n", r.queryN, i+1, runs)
		if _, err := sb.control(http.MethodPost, "/_sandbox/reset-counters"); err != nil {
			return err
		}
		m, out, err := e.tfOut(nil, provDir, "query", "-no-color")
		if err != nil {
			return err
		}
		if err := withProvider(m, "terraform query (oneapi_campaign)"); err != nil {
			return err
		}
		r.query[oneapi] = append(r.query[oneapi], m)
		r.results = strings.Count(out, "list.oneapi_campaign.all")
		counters, err := sb.control(http.MethodGet, "/_sandbox/counters")
		if err != nil {
			return err
		}
		r.listRequests = max(r.listRequests, counters["counters"]["GET /api/campaigns"])
		r.campaignGets = max(r.campaignGets, counters["counters"]["GET /api/campaigns/{id}"])
		m, _, err = e.tfOut([]string{fmt.Sprintf("BENCH_NOOP_LIST_N=%d", r.queryN)}, noopDir, "query", "-no-color")
		if err != nil {
			return err
		}
		if err := withProvider(m, "terraform query (no-op)"); err != nil {
			return err
		}
		r.query[noop] = append(r.query[noop], m)
	}
	// One window (the API's default) and every type the list call takes:
	// the RCS pages, and one empty page for each other type.
	r.listAllowed = int(math.Ceil(float64(r.queryN)/listPageSize)) + len(listTypes) - 1
	return nil
}

// queryDir is an initialized working directory that lists every campaign
// of provider ("oneapi" against url, or the no-op) with include_resource.
func (e *env) queryDir(name, provider, url string, n int) (string, error) {
	config := fmt.Sprintf("terraform {\n  required_providers {\n    %s = { source = \"oneapi-terraform/%s\" }\n  }\n}\n", provider, provider)
	if url != "" {
		config += fmt.Sprintf("provider \"oneapi\" {\n  endpoint = %q\n}\n", url)
	}
	dir, err := e.newDir(name, config)
	if err != nil {
		return "", err
	}
	query := fmt.Sprintf("list %q \"all\" {\n  provider         = %s\n  include_resource = true\n  limit            = %d\n}\n",
		provider+"_campaign", provider, n)
	if err := os.WriteFile(filepath.Join(dir, "main.tfquery.hcl"), []byte(query), 0o600); err != nil {
		return "", err
	}
	return dir, nil
}

// measureStops invokes the stop action on stopN campaigns (for_each), and
// stops stopN campaigns managed by resources (desired_state), each in a
// fresh stand-in.
func (e *env) measureStops(r *nativeResult, runs int) error {
	for i := 0; i < runs; i++ {
		fmt.Fprintf(os.Stderr, "stops N=%d run %d/%d\n", r.stopN, i+1, runs)
		m, stops, err := e.invokeStops(r.stopN)
		if err != nil {
			return err
		}
		r.invoke, r.invokeStops = append(r.invoke, m), stops
		if m, stops, err = e.resourceStops(r.stopN); err != nil {
			return err
		}
		r.byRes, r.resourceStops = append(r.byRes, m), stops
	}
	return nil
}

func (e *env) invokeStops(n int) (measurement, int, error) {
	sb, err := e.startSandbox(0)
	if err != nil {
		return measurement{}, 0, err
	}
	defer sb.stop()
	ids, err := seed(sb.url, n)
	if err != nil {
		return measurement{}, 0, err
	}
	if err := advance(sb, 20); err != nil {
		return measurement{}, 0, err
	}
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = fmt.Sprintf("%q", fmt.Sprint(id))
	}
	config := campaignsConfig(sb.url, 0, 0) + fmt.Sprintf(`
action "oneapi_campaign_stop" "all" {
  for_each = toset([%s])
  config {
    campaign_id = each.value
  }
}
`, strings.Join(quoted, ", "))
	dir, err := e.newDir("invoke", config)
	if err != nil {
		return measurement{}, 0, err
	}
	if _, err := e.tf(dir, "init", "-input=false"); err != nil {
		return measurement{}, 0, err
	}
	return e.timedStops(sb, dir, "apply", "-invoke=action.oneapi_campaign_stop.all", "-auto-approve", "-input=false")
}

func (e *env) resourceStops(n int) (measurement, int, error) {
	sb, err := e.startSandbox(0)
	if err != nil {
		return measurement{}, 0, err
	}
	defer sb.stop()
	dir, err := e.newDir("resources", campaignsConfig(sb.url, n, 0))
	if err != nil {
		return measurement{}, 0, err
	}
	if _, err := e.tf(dir, "apply", "-auto-approve", "-input=false"); err != nil {
		return measurement{}, 0, err
	}
	if err := advance(sb, 20); err != nil {
		return measurement{}, 0, err
	}
	stopped := strings.Replace(campaignsConfig(sb.url, n, 0), "stop_on_destroy = false", "stop_on_destroy = false\n  desired_state   = \"stopped\"", 1)
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(stopped), 0o600); err != nil {
		return measurement{}, 0, err
	}
	return e.timedStops(sb, dir, "apply", "-auto-approve", "-input=false")
}

// timedStops runs one command and counts the stop requests it made.
func (e *env) timedStops(sb *sandbox, dir string, args ...string) (measurement, int, error) {
	if _, err := sb.control(http.MethodPost, "/_sandbox/reset-counters"); err != nil {
		return measurement{}, 0, err
	}
	m, err := e.tf(dir, args...)
	if err != nil {
		return m, 0, err
	}
	if err := withProvider(m, "terraform "+strings.Join(args, " ")); err != nil {
		return m, 0, err
	}
	counters, err := sb.control(http.MethodGet, "/_sandbox/counters")
	return m, counters["counters"]["PUT /api/campaigns/{id}/stop"], err
}

// seed creates n one-phone RCS campaigns of sender "bench" through the
// API, as another tool would.
func seed(url string, n int) ([]int64, error) {
	c, err := client.New(client.WithEndpoint(url), client.WithAPIKey(apiKey))
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, n)
	for i := range n {
		cp, err := c.CreateRCSCampaign(context.Background(), client.RCSCampaignRequest{
			Sender: "bench", Phones: []client.Phone{{Number: fmt.Sprintf("3806%08d", i)}}, Options: client.RCSOptions{Text: "Benchmark"},
		})
		if err != nil {
			return nil, err
		}
		ids = append(ids, cp.ID)
	}
	return ids, nil
}

// advance moves the stand-in's clock: out of creation and moderation.
func advance(sb *sandbox, seconds int) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, sb.url+"/_sandbox/clock",
		strings.NewReader(fmt.Sprintf(`{"advance_seconds": %d}`, seconds)))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// reportNative writes the section, between its markers.
func reportNative(r nativeResult, runs int) string {
	var b strings.Builder
	b.WriteString(nativeBegin + "\n\n## Terraform 1.14: terraform query and the stop action\n\n")
	fmt.Fprintf(&b, "Measured on %s by `go run ./bench` (or `-native-only`), with %s (scripts/terraform-native.sh), medians of %d runs. "+
		"`terraform query` lists every campaign of the stand-in (all RCS) with `include_resource = true` (one list block, no filter: "+
		"every type the list call takes, %s, in the API's default window); the no-op's list resource (`bench/noop`) has the "+
		"provider's list schema and answers as many results of the same shape without an API.\n\n",
		r.measuredAt, r.terraformVersion, runs, strings.Join(listTypes, ", "))
	b.WriteString("| N | command | variant | wall | provider CPU | provider peak RSS |\n|---|---|---|---|---|---|\n")
	for _, v := range []string{oneapi, noop} {
		ms := r.query[v]
		fmt.Fprintf(&b, "| %d | query | %s | %.2f s | %.2f s | %.1f MiB |\n", r.queryN, v, medianOf(ms, wallOf), medianOf(ms, pCPUOf), peakMiB(ms))
	}
	fmt.Fprintf(&b, "| %d | apply -invoke (stop action, for_each) | oneapi_campaign_stop | %.2f s | %.2f s | %.1f MiB |\n",
		r.stopN, medianOf(r.invoke, wallOf), medianOf(r.invoke, pCPUOf), peakMiB(r.invoke))
	fmt.Fprintf(&b, "| %d | apply (desired_state = \"stopped\") | oneapi_campaign | %.2f s | %.2f s | %.1f MiB |\n",
		r.stopN, medianOf(r.byRes, wallOf), medianOf(r.byRes, pCPUOf), peakMiB(r.byRes))
	ratio := medianOf(r.query[oneapi], wallOf) / medianOf(r.query[noop], wallOf)
	peak := peakMiB(r.query[oneapi])
	b.WriteString("\n| target | result |\n|---|---|\n")
	fmt.Fprintf(&b, "| query finds all %d campaigns | %d: %s |\n", r.queryN, r.results, verdict(r.results == r.queryN))
	fmt.Fprintf(&b, "| list requests ≤ ceil(N / %d) per window and type, at least one per type (%d types: %d) | %d: %s |\n",
		listPageSize, len(listTypes), r.listAllowed, r.listRequests, verdict(r.listRequests <= r.listAllowed))
	fmt.Fprintf(&b, "| no per-campaign GET in a query | %d: %s |\n", r.campaignGets, verdict(r.campaignGets == 0))
	fmt.Fprintf(&b, "| query: provider peak RSS ≤ 64 MiB | %.1f MiB: %s |\n", peak, verdict(peak <= 64))
	fmt.Fprintf(&b, "| query wall ≤ 1.2 × the no-op's | %.2f: %s |\n", ratio, verdict(ratio <= 1.2))
	fmt.Fprintf(&b, "| one stop request per campaign (invoke; resources) | %d; %d of %d: %s |\n", r.invokeStops, r.resourceStops, r.stopN,
		verdict(r.invokeStops == r.stopN && r.resourceStops == r.stopN))
	fmt.Fprintf(&b, "| invoke of %d stops beside %d stops by resources | %.2f × |\n", r.stopN, r.stopN,
		medianOf(r.invoke, wallOf)/medianOf(r.byRes, wallOf))
	b.WriteString("\n" + nativeEnd + "\n")
	return b.String()
}

func peakMiB(ms []measurement) float64 {
	peak := 0
	for _, m := range ms {
		peak = max(peak, m.peakRSSKiB)
	}
	return float64(peak) / 1024
}
