package acctest

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// FaultReport is one row of the fault suite's table: a scenario, what it
// injected, and what it left.
type FaultReport struct {
	Scenario   string
	Operations string
	Duplicates int
	SB         *Sandbox
}

func (r FaultReport) Print(t *testing.T) {
	inj := r.SB.Injected()
	kinds := make([]string, 0, len(inj))
	injected := 0
	for k, v := range inj {
		if k == "401" {
			continue
		}
		kinds = append(kinds, fmt.Sprintf("%s: %d", k, v))
		injected += v
	}
	sort.Strings(kinds)
	// Every injected 503 or 429 and every refused (expired) JWT made the
	// client repeat that request once more.
	retries := inj["503"] + inj["429"] + inj["401"]
	line := fmt.Sprintf("| %s | %s | %d (%s) | %d | %d | %d | %d |", r.Scenario, r.Operations, injected,
		strings.Join(kinds, ", "), boolInt(t.Failed()), r.Duplicates, r.SB.Count("POST /api/auth/login"), retries)
	fmt.Println("| scenario | operations | faults injected | errors | duplicates | logins | retries |")
	fmt.Println("|---|---|---|---|---|---|---|")
	fmt.Println(line)
	t.Log(line)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
