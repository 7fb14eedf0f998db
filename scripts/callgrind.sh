#!/usr/bin/env bash
# Instructions per RPC, counted by valgrind's callgrind (cpu.rdtscp=off:
# Debian's valgrind 3.19 cannot run the RDTSCP the Go runtime's cputicks
# uses): oneapi_campaign
# (internal/provider/campaign's BenchmarkRPC) beside the same-schema no-op
# (bench/noop's BenchmarkRPC). Each RPC runs LOW and HIGH times in its own
# process (GOGC=off, one core); the difference divided by HIGH-LOW is one
# call, with the process's start and the benchmark's setup cancelled out.
# Stable to within a fraction of a percent from run to run, unlike times.
# Writes a Markdown section (between its markers, replacing an earlier one)
# into the report named by $1 (default bench/RESULTS.md), with the commit
# and date it was measured at. valgrind comes from Debian's packages when
# missing.
#
# Any failure fails the script (non-zero exit, the error on stderr): a
# benchmark that fails or does not exist in either package, a callgrind
# run without a count, a count that does not grow with the calls. The
# section is written only when every row was measured, so a failed
# measurement never shows as a number.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/RESULTS.md}"
low="${CALLGRIND_LOW:-10}"
high="${CALLGRIND_HIGH:-60}"
# The sub-benchmarks of BenchmarkRPC, as go test names them; CALLGRIND_RPCS
# (space-separated) measures others.
rpcs="${CALLGRIND_RPCS:-ValidateResourceConfig UpgradeResourceState ReadResource PlanResourceChange PlanResourceChange_no_identity PlanResourceChange_update PlanResourceChange_create ApplyResourceChange_create}"
begin='<!-- callgrind: begin -->'
end='<!-- callgrind: end -->'

die() {
  echo "callgrind.sh: $*" >&2
  exit 1
}

if ! command -v valgrind >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "installing valgrind from Debian's packages" >&2
  (apt-get install -y -qq valgrind >/dev/null 2>&1 || sudo -n apt-get install -y -qq valgrind >/dev/null 2>&1) || true
fi
command -v valgrind >/dev/null 2>&1 || die "valgrind is not available on this machine (Debian package valgrind); nothing measured"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
go test -c -o "$work/provider.test" ./internal/provider/campaign
go test -c -o "$work/noop.test" ./bench/noop

# instructions BINARY RPC N sets count to the instructions of a process
# that runs RPC N times. It runs in this shell, not in a command
# substitution, so that die ends the script.
count=0
instructions() {
  rm -f "$work/cg.out"
  GOGC=off GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
    "$1" -test.run='^$' -test.bench="^BenchmarkRPC\$/^$2\$" -test.benchtime="${3}x" >"$work/run.log" 2>&1 ||
    { tail -20 "$work/run.log" >&2; die "the callgrind run of $(basename "$1") $2 ($3 calls) failed"; }
  # go test passes when a pattern matches no sub-benchmark: the line of
  # the sub-benchmark with its number of calls proves it ran.
  grep -Eq "^BenchmarkRPC/$2(-[0-9]+)?[[:space:]]+$3[[:space:]]" "$work/run.log" ||
    { tail -20 "$work/run.log" >&2; die "$(basename "$1") has no sub-benchmark BenchmarkRPC/$2 (or it did not run $3 times)"; }
  count="$(awk '/^(summary|totals):/ { print $2; exit }' "$work/cg.out" 2>/dev/null || true)"
  [[ "$count" =~ ^[0-9]+$ ]] || die "no instruction count in callgrind's output for $(basename "$1") $2"
}

# per_call BINARY RPC sets calls to the instructions of one call.
calls=0
per_call() {
  local a
  instructions "$1" "$2" "$low"
  a="$count"
  instructions "$1" "$2" "$high"
  ((count > a)) || die "$(basename "$1") $2: $high calls counted $count instructions, $low calls $a: no cost per call"
  calls=$(((count - a) / (high - low)))
}

# As bench/provenance.go says it: the reports themselves (bench/*.md) aside,
# which make bench writes as it goes.
commit="$(git rev-parse --short HEAD)"
if [ -n "$(git status --porcelain -- . ':(exclude)bench/*.md')" ]; then
  commit="$commit + uncommitted changes"
fi
section="$work/section"
{
  printf '%s\n\n## Instructions per RPC\n\n' "$begin"
  printf 'Measured on commit %s on %s. ' "$commit" "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'Counted with `valgrind --tool=callgrind` (%s), GOGC=off, one core: each RPC %d and %d times in its own process, ' "$(valgrind --version)" "$low" "$high"
  printf 'the difference divided by %d. The read of oneapi_campaign includes its GET to an in-process stand-in; ' "$((high - low))"
  printf "the no-op's read makes no call. PlanResourceChange is an unchanged campaign's plan as Terraform 1.12 and later send it, "
  printf 'with its prior identity; PlanResourceChange_no_identity the same without one, as Terraform 1.11 and older send it. '
  printf 'Millions of instructions per call:\n\n'
  printf '| RPC | oneapi_campaign | same-schema no-op | ratio |\n|---|---|---|---|\n'
} >"$section"
for rpc in $rpcs; do
  per_call "$work/provider.test" "$rpc"
  p="$calls"
  per_call "$work/noop.test" "$rpc"
  n="$calls"
  awk -v r="$rpc" -v p="$p" -v n="$n" 'BEGIN { printf "| %s | %.2f | %.2f | %.2f |\n", r, p / 1e6, n / 1e6, p / n }' >>"$section"
  echo "callgrind: $rpc: provider $p, no-op $n instructions per call" >&2
done
printf '\n%s\n' "$end" >>"$section"

# Replace the section between the markers, or append it.
touch "$out"
awk -v begin="$begin" -v end="$end" -v file="$section" '
  function emit(  line) { while ((getline line < file) > 0) print line; close(file); done = 1 }
  $0 == begin { skip = 1; emit(); next }
  skip && $0 == end { skip = 0; next }
  !skip { print }
  END { if (!done) { print ""; emit() } }
' "$out" >"$work/report"
cat "$work/report" >"$out"
