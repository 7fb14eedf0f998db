#!/usr/bin/env bash
# Instructions per RPC, counted by valgrind's callgrind (cpu.rdtscp=off:
# Debian's valgrind 3.19 cannot run the RDTSCP the Go runtime's cputicks
# uses): oneapi_campaign
# (internal/provider/campaign's BenchmarkRPC) beside the same-schema no-op
# (bench/noop's BenchmarkRPC). Each RPC runs LOW and HIGH times in its own
# process (GOGC=off, one core); the difference divided by HIGH-LOW is one
# call, with the process's start and the benchmark's setup cancelled out.
# Stable to within a fraction of a percent from run to run, unlike times.
# Appends a Markdown section to the report named by $1 (default
# bench/RESULTS.md). valgrind comes from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/RESULTS.md}"
low="${CALLGRIND_LOW:-10}"
high="${CALLGRIND_HIGH:-60}"

if ! command -v valgrind >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "installing valgrind from Debian's packages" >&2
  (apt-get install -y -qq valgrind >/dev/null 2>&1 || sudo -n apt-get install -y -qq valgrind >/dev/null 2>&1) || true
fi
if ! command -v valgrind >/dev/null 2>&1; then
  printf '\n## Instructions per RPC\n\nNot measured: valgrind is not available on this machine.\n' >>"$out"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
go test -c -o "$work/provider.test" ./internal/provider/campaign
go test -c -o "$work/noop.test" ./bench/noop

# instructions BINARY RPC N: the instructions of a process that runs RPC N times.
instructions() {
  GOGC=off GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
    "$1" -test.run='^$' -test.bench="^BenchmarkRPC\$/^$2\$" -test.benchtime="${3}x" >"$work/run.log" 2>&1 ||
    { echo "callgrind run of $1 $2 failed:" >&2; tail -20 "$work/run.log" >&2; exit 1; }
  awk '/^(summary|totals):/ { print $2; exit }' "$work/cg.out"
}

per_call() {
  local a b
  a="$(instructions "$1" "$2" "$low")"
  b="$(instructions "$1" "$2" "$high")"
  echo $(((b - a) / (high - low)))
}

{
  printf '\n## Instructions per RPC\n\n'
  printf 'Counted with `valgrind --tool=callgrind` (%s), GOGC=off, one core: each RPC %d and %d times in its own process, ' "$(valgrind --version)" "$low" "$high"
  printf 'the difference divided by %d. The read of oneapi_campaign includes its GET to an in-process stand-in; ' "$((high - low))"
  printf "the no-op's read makes no call. Millions of instructions per call:\n\n"
  printf '| RPC | oneapi_campaign | same-schema no-op | ratio |\n|---|---|---|---|\n'
} >>"$out"
for rpc in ValidateResourceConfig UpgradeResourceState ReadResource PlanResourceChange PlanResourceChange_update PlanResourceChange_create ApplyResourceChange_create; do
  p="$(per_call "$work/provider.test" "$rpc")"
  n="$(per_call "$work/noop.test" "$rpc")"
  awk -v r="$rpc" -v p="$p" -v n="$n" 'BEGIN { printf "| %s | %.2f | %.2f | %.2f |\n", r, p / 1e6, n / 1e6, (n > 0 ? p / n : 0) }' >>"$out"
  echo "callgrind: $rpc: provider $p, no-op $n instructions per call" >&2
done
