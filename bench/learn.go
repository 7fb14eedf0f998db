package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/client"
)

// learnResult is one run of `go run ./bench -learn N@R`: N campaigns per
// workspace, applied at -parallelism=50 against oneapi-sandbox at
// -rate-limit R, requests_per_second unset (the client learns the limit
// from 429s).
type learnResult struct {
	workspaces, n int
	r             float64
	wall          time.Duration
	// per workspace: campaigns in state with an id, and without (unresolved)
	sent, unresolved []int
	// atStandIn is the campaigns the stand-in holds; duplicates those that
	// no state holds or that two states hold.
	atStandIn, duplicates int
	emptyPlan, refreshOK  []bool
	limited               int
	errs                  []string
}

// runLearn measures the learnt rate limit with one workspace, then with two
// at once against one stand-in, and prints a report (also written to out).
func runLearn(spec, to, out string) error {
	n, r, err := parseRate(spec)
	if err != nil {
		return err
	}
	if to != "phones" && to != "lists" {
		return fmt.Errorf("-learn-to %q: want phones or lists", to)
	}
	e, err := setup("")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(e.work) }()
	var rows []learnResult
	for _, k := range []int{1, 2} {
		res, err := e.measureLearn(k, n, r, to)
		if err != nil {
			return err
		}
		rows = append(rows, res)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Learnt rate limit\n\nMeasured on %s. `go run ./bench -learn %s -learn-to %s`: %d campaigns per workspace (to %s), "+
		"`terraform apply -parallelism=50` against `oneapi-sandbox -rate-limit %g`, `requests_per_second` unset; then "+
		"`terraform plan -parallelism=50` (empty?) and `terraform apply -refresh-only -parallelism=50` (passes?). Machine: %s.\n\n",
		measuredAt(), spec, to, n, learnRecipients[to], r, cpuModel())
	b.WriteString("| workspaces | sent (in state with an id) | unresolved | campaigns at the stand-in | in no state or in two (duplicates, orphans) | empty plan after | refresh passes | 429s answered | wall time of the applies | N/rate |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, res := range rows {
		fmt.Fprintf(&b, "| %d | %v | %v | %d | %d | %v | %v | %d | %.1f s | %.0f s |\n", res.workspaces, res.sent, res.unresolved,
			res.atStandIn, res.duplicates, res.emptyPlan, res.refreshOK, res.limited, res.wall.Seconds(), float64(res.workspaces*res.n)/res.r)
	}
	for _, res := range rows {
		for _, e := range res.errs {
			fmt.Fprintf(&b, "\n%d workspace(s): %s\n", res.workspaces, e)
		}
	}
	fmt.Print(b.String())
	return os.WriteFile(out, []byte(b.String()), 0o600)
}

func parseRate(spec string) (int, float64, error) {
	var n int
	var r float64
	if _, err := fmt.Sscanf(strings.Replace(spec, "@", " ", 1), "%d %g", &n, &r); err != nil || n <= 0 || r <= 0 {
		return 0, 0, fmt.Errorf("%q: want campaigns@requests-per-second", spec)
	}
	return n, r, nil
}

func (e *env) measureLearn(k, n int, r float64, to string) (learnResult, error) {
	res := learnResult{workspaces: k, n: n, r: r}
	fmt.Fprintf(os.Stderr, "learnt rate limit: %d workspace(s) x %d campaigns at %g requests/s\n", k, n, r)
	sb, err := e.startSandbox(r)
	if err != nil {
		return res, err
	}
	defer sb.stop()
	dirs := make([]string, k)
	for i := range dirs {
		if dirs[i], err = e.newDir(fmt.Sprintf("learn-%d", i), learnConfig(sb.url, n, to)); err != nil {
			return res, err
		}
	}
	applyErrs := e.applyAll(dirs, &res)
	owners := map[int64]int{}
	for i, dir := range dirs {
		if applyErrs[i] != nil {
			res.errs = append(res.errs, "apply: "+tail(applyErrs[i].Error(), 12))
		}
		if err := e.checkWorkspace(dir, &res, owners); err != nil {
			return res, err
		}
	}
	all, err := standInCampaigns(sb.url)
	if err != nil {
		return res, err
	}
	res.atStandIn = len(all)
	for _, cp := range all {
		if owners[cp.ID] != 1 {
			res.duplicates++
		}
	}
	counters, err := sb.control("GET", "/_sandbox/counters")
	if err == nil {
		res.limited = counters["injected"]["rate_limited"]
	}
	return res, err
}

// applyAll applies every workspace at once, at -parallelism=50.
func (e *env) applyAll(dirs []string, res *learnResult) []error {
	start := time.Now()
	var wg sync.WaitGroup
	errs := make([]error, len(dirs))
	for i, dir := range dirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = e.tf(dir, "apply", "-auto-approve", "-input=false", "-parallelism=50")
		}()
	}
	wg.Wait()
	res.wall = time.Since(start)
	return errs
}

// checkWorkspace counts a workspace's campaigns, then plans (is it empty?)
// and refreshes (does it pass?) at -parallelism=50.
func (e *env) checkWorkspace(dir string, res *learnResult, owners map[int64]int) error {
	sent, unresolved, ids, err := e.stateIDs(dir)
	if err != nil {
		return err
	}
	res.sent, res.unresolved = append(res.sent, sent), append(res.unresolved, unresolved)
	for _, id := range ids {
		owners[id]++
	}
	out, err := e.tfOutput(dir, "plan", "-input=false", "-parallelism=50", "-no-color")
	res.emptyPlan = append(res.emptyPlan, err == nil && strings.Contains(out, "No changes."))
	if err != nil {
		res.errs = append(res.errs, "plan: "+tail(err.Error(), 12))
	}
	_, err = e.tf(dir, "apply", "-refresh-only", "-auto-approve", "-input=false", "-parallelism=50")
	res.refreshOK = append(res.refreshOK, err == nil)
	if err != nil {
		res.errs = append(res.errs, "refresh: "+tail(err.Error(), 12))
	}
	return nil
}

// stateIDs reads a workspace's state: campaigns with an id, without one
// (unresolved creates), and the ids.
func (e *env) stateIDs(dir string) (sent, unresolved int, ids []int64, err error) {
	out, err := e.tfOutput(dir, "show", "-json")
	if err != nil {
		return 0, 0, nil, err
	}
	var st struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Type   string `json:"type"`
					Values struct {
						ID *string `json:"id"`
					} `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		return 0, 0, nil, err
	}
	for _, r := range st.Values.RootModule.Resources {
		if r.Type != "oneapi_campaign" {
			continue
		}
		if r.Values.ID == nil || *r.Values.ID == "" {
			unresolved++
			continue
		}
		var id int64
		if _, err := fmt.Sscan(*r.Values.ID, &id); err == nil {
			sent++
			ids = append(ids, id)
		}
	}
	return sent, unresolved, ids, nil
}

// tfOutput runs one terraform command in dir and returns its stdout.
func (e *env) tfOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command(e.terraform, append([]string{"-chdir=" + dir}, args...)...) //nolint:gosec,noctx // the pinned CLI
	cmd.Env = e.baseEnv
	var stderr strings.Builder
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return string(b), fmt.Errorf("terraform %s: %w\n%s%s", strings.Join(args, " "), err, tail(string(b), 20), tail(stderr.String(), 20))
	}
	return string(b), nil
}

// standInCampaigns lists every RCS campaign the stand-in holds, through
// its API (the client paces itself under the stand-in's limit).
func standInCampaigns(url string) ([]client.Campaign, error) {
	c, err := client.New(client.WithEndpoint(url), client.WithAPIKey(apiKey), client.WithMaxRetries(20))
	if err != nil {
		return nil, err
	}
	return c.ListCampaigns(context.Background(), client.ListOptions{Type: "rcs", Sort: "id", Way: "asc"})
}

// learnRecipients says in the report whom each campaign goes to.
var learnRecipients = map[string]string{
	"phones": "one phone each, every message with a reference_id",
	"lists":  "the stand-in's contact list 101 each, so no reference_id guards the create",
}

// learnConfig is n campaigns to phones (the benchmark's) or to a contact
// list, requests_per_second unset.
func learnConfig(url string, n int, to string) string {
	config := campaignsConfig(url, n, 0)
	phones := `recipients      = { phones = [format("3806%08d", count.index)] }`
	if to == "lists" {
		if !strings.Contains(config, phones) {
			panic("learnConfig: the benchmark's recipients changed; update the lists variant")
		}
		config = strings.Replace(config, phones, `recipients      = { groups = [101] }`, 1)
	}
	return config
}
