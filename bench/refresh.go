package main

// The refresh under a rate limit, the provider's memory at a large N, and
// two workspaces sharing one account's rate limit.

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// benchTypes is the number of campaign types the benchmark's campaigns
// have: every one is RCS (campaignsResource).
const benchTypes = 1

// refreshResult is a refresh (terraform plan) of spec.n campaigns with the
// stand-in limited to spec.r requests/s and requests_per_second =
// spec.r, beside the same refresh unlimited (no limit at the stand-in,
// requests_per_second unset).
type refreshResult struct {
	spec                  rateSpec
	limited, unlimited    []measurement
	empty, emptyUnlimited bool
	// The requests the stand-in counted in a limited refresh (the most of
	// any run): list pages, campaign GETs, all requests (refused ones
	// included) and those refused for the rate.
	lists, gets, requests, refused int
	// unlimitedCounters are the requests of an unlimited refresh.
	unlimitedCounters map[string]int
}

// listsAllowed is the target's bound on list requests: ceil(N/500) pages
// per type, and 2 more (to learn a window's size, a last page).
func (rr refreshResult) listsAllowed() int {
	return int(math.Ceil(float64(rr.spec.n)/listPageSize))*benchTypes + 2
}

// measureRefresh applies spec.n campaigns against an unlimited stand-in,
// then plans them runs times each way, alternating: unlimited, then with
// the stand-in limited to spec.r requests/s (set while it serves, so that
// the campaigns did not have to be created at that rate) and
// requests_per_second = spec.r.
func (e *env) measureRefresh(spec rateSpec, runs int) (refreshResult, error) {
	res := refreshResult{spec: spec, empty: true, emptyUnlimited: true}
	fmt.Fprintf(os.Stderr, "rate-limited refresh: N=%d at %g requests/s\n", spec.n, spec.r)
	sb, err := e.startSandbox(0)
	if err != nil {
		return res, err
	}
	defer sb.stop()
	dir, err := e.newDir("refresh", campaignsConfig(sb.url, spec.n, 0))
	if err != nil {
		return res, err
	}
	if _, err := e.tf(dir, "apply", "-auto-approve", "-input=false"); err != nil {
		return res, err
	}
	for i := 0; i < runs; i++ {
		fmt.Fprintf(os.Stderr, "rate-limited refresh N=%d run %d/%d\n", spec.n, i+1, runs)
		m, empty, counters, err := e.refreshOnce(sb, dir, spec.n, 0)
		if err != nil {
			return res, err
		}
		res.unlimited, res.emptyUnlimited, res.unlimitedCounters = append(res.unlimited, m), res.emptyUnlimited && empty, counters["counters"]
		if m, empty, counters, err = e.refreshOnce(sb, dir, spec.n, spec.r); err != nil {
			return res, err
		}
		res.limited, res.empty = append(res.limited, m), res.empty && empty
		res.lists = max(res.lists, counters["counters"]["GET /api/campaigns"])
		res.gets = max(res.gets, counters["counters"]["GET /api/campaigns/{id}"])
		total := 0
		for _, c := range counters["counters"] {
			total += c
		}
		res.requests = max(res.requests, total)
		res.refused = max(res.refused, counters["injected"]["rate_limited"])
	}
	return res, nil
}

// refreshOnce plans dir's n campaigns with the stand-in limited to rps
// requests/s and requests_per_second = rps (0: neither), and returns the
// requests the stand-in counted.
func (e *env) refreshOnce(sb *sandbox, dir string, n int, rps float64) (measurement, bool, map[string]map[string]int, error) {
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(campaignsConfig(sb.url, n, rps)), 0o600); err != nil {
		return measurement{}, false, nil, err
	}
	if err := sb.put("/_sandbox/rate-limit", fmt.Sprintf(`{"requests_per_second": %g}`, rps)); err != nil {
		return measurement{}, false, nil, err
	}
	defer func() { _ = sb.put("/_sandbox/rate-limit", `{"requests_per_second": 0}`) }()
	if _, err := sb.control(http.MethodPost, "/_sandbox/reset-counters"); err != nil {
		return measurement{}, false, nil, err
	}
	m, empty, err := e.tfPlan(nil, dir)
	if err != nil {
		return m, false, nil, err
	}
	if err := withProvider(m, fmt.Sprintf("refresh of %d at %g requests/s", n, rps)); err != nil {
		return m, false, nil, err
	}
	counters, err := sb.control(http.MethodGet, "/_sandbox/counters")
	return m, empty, counters, err
}

// put sends a control request with a JSON body.
func (s *sandbox) put(path, body string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPut, s.url+path, strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("PUT %s %s: %s", path, body, resp.Status)
	}
	return nil
}

// reportRefreshes writes the rate-limited refreshes.
func reportRefreshes(b *strings.Builder, refreshes []refreshResult) {
	if len(refreshes) == 0 {
		return
	}
	b.WriteString("\n## Refresh under a rate limit\n\nN campaigns, applied against an unlimited stand-in, are planned (refreshed) " +
		"with the stand-in limited to R requests per second (`-rate-limit R`, set while it serves) and `requests_per_second = R`, " +
		"and, alternating, the same refresh unlimited (no limit, `requests_per_second` unset). Requests are what the stand-in " +
		"counted in a limited refresh (the most of any run), refused ones included.\n\n")
	b.WriteString("| N | R | limited | unlimited | ratio | N/R | empty plan | list requests (`GET /api/campaigns`) | campaign GETs | all requests | refused for the rate |\n" +
		"|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, rr := range refreshes {
		l, u := medianOf(rr.limited, wallOf), medianOf(rr.unlimited, wallOf)
		fmt.Fprintf(b, "| %d | %g/s | %.2f s | %.2f s | %.2f | %.1f s | %s | %d | %d | %d | %d |\n", rr.spec.n, rr.spec.r, l, u, l/u,
			float64(rr.spec.n)/rr.spec.r, yesNo(rr.empty && rr.emptyUnlimited), rr.lists, rr.gets, rr.requests, rr.refused)
	}
}

// refreshTargets writes a rate-limited refresh's targets.
func refreshTargets(b *strings.Builder, rr refreshResult) {
	n, r := rr.spec.n, rr.spec.r
	l, u := medianOf(rr.limited, wallOf), medianOf(rr.unlimited, wallOf)
	fmt.Fprintf(b, "| refresh of %d at %g/s ≤ 1.3 × the same refresh unlimited | %.2f (%.2f s beside %.2f s): %s |\n", n, r, l/u, l, u, verdict(l/u <= 1.3))
	fmt.Fprintf(b, "| refresh of %d at %g/s: list requests ≤ ceil(N/%d) × %d type + 2 = %d | %d (and %d campaign GETs): %s |\n",
		n, r, listPageSize, benchTypes, rr.listsAllowed(), rr.lists, rr.gets, verdict(rr.lists <= rr.listsAllowed()))
	fmt.Fprintf(b, "| refresh of %d at %g/s: empty plan | %s: %s |\n", n, r, yesNo(rr.empty), verdict(rr.empty))
	fmt.Fprintf(b, "| refresh of %d at %g/s: API requests ≤ 20 | %d (%d refused for the rate): %s |\n", n, r, rr.requests, rr.refused, verdict(rr.requests <= 20))
	limit := 0.4 * float64(n) / r
	fmt.Fprintf(b, "| refresh of %d at %g/s: wall ≤ 0.4 × N/R = %.1f s | %.2f s: %s |\n", n, r, limit, l, verdict(l <= limit))
}

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "no"
}

// rssResult is one apply and one plan of n campaigns, for the provider's
// peak memory.
type rssResult struct {
	n           int
	apply, plan measurement
	empty       bool
}

// measureRSS applies n campaigns against an unlimited stand-in and plans
// them once.
func (e *env) measureRSS(n int) (rssResult, error) {
	res := rssResult{n: n}
	fmt.Fprintf(os.Stderr, "peak memory: apply and plan of N=%d\n", n)
	sb, err := e.startSandbox(0)
	if err != nil {
		return res, err
	}
	defer sb.stop()
	dir, err := e.newDir("rss", campaignsConfig(sb.url, n, 0))
	if err != nil {
		return res, err
	}
	if res.apply, err = e.tf(dir, "apply", "-auto-approve", "-input=false"); err != nil {
		return res, err
	}
	if err := withProvider(res.apply, fmt.Sprintf("apply of %d", n)); err != nil {
		return res, err
	}
	if res.plan, res.empty, err = e.tfPlan(nil, dir); err != nil {
		return res, err
	}
	return res, withProvider(res.plan, fmt.Sprintf("plan of %d", n))
}

// reportRSS writes the apply and plan of the large N.
func reportRSS(b *strings.Builder, r *rssResult) {
	if r == nil {
		return
	}
	fmt.Fprintf(b, "\n## Provider memory at %d campaigns\n\nOne apply of %d campaigns in a fresh state, then one plan (refresh), "+
		"against an unlimited stand-in; one run each.\n\n", r.n, r.n)
	b.WriteString("| N | command | wall | Terraform CPU | provider CPU | provider peak RSS |\n|---|---|---|---|---|---|\n")
	for _, c := range []struct {
		name string
		m    measurement
	}{{"apply", r.apply}, {"plan", r.plan}} {
		fmt.Fprintf(b, "| %d | %s | %.2f s | %.2f s | %.2f s | %.1f MiB |\n", r.n, c.name, c.m.wall.Seconds(), c.m.terraformCPU,
			c.m.provCPU, float64(c.m.peakRSSKiB)/1024)
	}
	if !r.empty {
		b.WriteString("\nThe plan was **not empty**.\n")
	}
}

// reportWorkspaces writes the two workspaces' applies against one limit.
func reportWorkspaces(b *strings.Builder, w *learnResult) {
	if w == nil {
		return
	}
	fmt.Fprintf(b, "\n## Two workspaces, one rate limit\n\n%d workspaces apply %d campaigns each at once "+
		"(`terraform apply -parallelism=50`) against one stand-in limited to %g requests/s, `requests_per_second` unset "+
		"(the client learns the limit from the 429s); then each plans (empty?) and refreshes (`apply -refresh-only`). "+
		"`go run ./bench -learn %d@%g` measures one workspace beside two (bench/RATE.md).\n\n", w.workspaces, w.n, w.r, w.n, w.r)
	b.WriteString("| workspaces | sent (in state with an id) | unresolved | campaigns at the stand-in | in no state or in two | " +
		"empty plan after | refresh passes | 429s answered | wall time of the applies | N/rate |\n|---|---|---|---|---|---|---|---|---|---|\n")
	fmt.Fprintf(b, "| %d | %v | %v | %d | %d | %v | %v | %d | %.1f s | %.1f s |\n", w.workspaces, w.sent, w.unresolved,
		w.atStandIn, w.duplicates, w.emptyPlan, w.refreshOK, w.limited, w.wall.Seconds(), float64(w.workspaces*w.n)/w.r)
}
