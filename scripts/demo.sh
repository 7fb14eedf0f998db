#!/usr/bin/env bash
# make demo: the provider's main job against the embedded stand-in API, on a
# machine with only Go. Builds the provider and oneapi-sandbox, gets the
# Terraform CLI as `make test` does, starts the stand-in on a free localhost
# port with a fast clock, points Terraform at the local build with
# dev_overrides (no registry), and runs examples/quickstart: create, watch,
# stop, verify. Leaves nothing running.
#
# DEMO_NONINTERACTIVE=1 (or no terminal) runs straight through; otherwise
# the demo waits for Enter between steps.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
sandbox_pid=""
cleanup() {
  if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill -TERM "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

interactive=0
if [ -z "${DEMO_NONINTERACTIVE:-}" ] && [ -t 0 ] && [ -t 1 ]; then interactive=1; fi
step=0
say() { step=$((step + 1)); echo "[$step] $*"; }
pause() { if [ "$interactive" = 1 ]; then read -r -p "    (Enter to continue)" _; fi; }
tf() {
  if ! "$terraform" -chdir="$work/quickstart" "$@" -no-color >>"$work/terraform.log" 2>&1; then
    echo "terraform $1 failed:" >&2
    tail -40 "$work/terraform.log" >&2
    exit 1
  fi
}
# refresh runs terraform apply -refresh-only. Terraform before 1.10 refuses
# to apply a refresh whose only change is an output value ("Cannot apply
# non-applyable plan", hashicorp/terraform#35806): with the stand-in's clock
# running, the data source can see a status the campaigns' own refresh
# missed. That round records nothing and the loop tries again.
refresh() {
  local log="$work/refresh.log"
  if "$terraform" -chdir="$work/quickstart" apply -refresh-only -auto-approve -no-color >"$log" 2>&1; then
    cat "$log" >>"$work/terraform.log"
    return
  fi
  cat "$log" >>"$work/terraform.log"
  grep -q "Cannot apply non-applyable plan" "$log" && return
  echo "terraform apply -refresh-only failed:" >&2
  tail -40 "$log" >&2
  exit 1
}
out() { "$terraform" -chdir="$work/quickstart" output -raw "$1" 2>>"$work/terraform.log"; }

say "Building the provider and oneapi-sandbox with the Go toolchain"
(cd "$root" && go build -o "$work/bin/terraform-provider-oneapi" . && go build -o "$work/bin/oneapi-sandbox" ./cmd/oneapi-sandbox)
terraform="${TERRAFORM:-$("$root/scripts/terraform-path.sh")}"

say "Starting the One-API stand-in on a free localhost port, its clock 5x faster than real time"
api_key="test_demo_$$"
"$work/bin/oneapi-sandbox" -listen 127.0.0.1:0 -api-key "$api_key" -clock-speed 5 -url-file "$work/url" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.05; done
[ -s "$work/url" ] || { echo "the stand-in did not start" >&2; cat "$work/sandbox.log" >&2; exit 1; }
endpoint="$(cat "$work/url")"
echo "    $endpoint"

cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/oneapi-terraform/oneapi" = "$work/bin"
    "registry.opentofu.org/oneapi-terraform/oneapi" = "$work/bin"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1 TF_INPUT=0
echo "    Terraform CLI: $("$terraform" version | sed -n 1p) ($terraform), provider from the local build (dev_overrides)"
export ONEAPI_ENDPOINT="$endpoint" ONEAPI_API_KEY="$api_key"
mkdir -p "$work/quickstart" && cp "$root/examples/quickstart/main.tf" "$work/quickstart/"
pause

say "terraform apply: creating two RCS campaigns with SMS fallback (one now, one scheduled), a Viber-then-SMS cascade, a contact list and an SMS campaign to it"
tf apply -auto-approve
echo "    campaign created: welcome  -> $(out welcome)"
echo "    campaign created: reminder -> $(out reminder)"
echo "    campaign created: spring_sale -> $(out spring_sale)"
echo "    campaign created: staff_notice -> $(out staff_notice)"
echo "    the account's demo_agent campaigns: $(out demo_agent_campaigns)"
pause

say "terraform apply -refresh-only: watching status and delivery statistics move"
first="$(out welcome)"
current="$first"
for _ in $(seq 30); do
  sleep 1
  refresh
  current="$(out welcome)"
  echo "    welcome -> $current"
  if [ "$current" != "$first" ] && [ "${current#sending}" != "$current" -o "${current#done}" != "$current" ]; then break; fi
done
[ "$current" != "$first" ] || { echo "statistics did not move" >&2; exit 1; }
echo "    statistics moved: \"$first\" -> \"$current\""
pause

say "The Viber-then-SMS cascade: the recipient without Viber (380661231240) is sent the SMS"
cascade="$(out spring_sale)"
for _ in $(seq 30); do
  case "$cascade" in *"SMS fallback sent 0"*) ;; *) break ;; esac
  sleep 1
  refresh
  cascade="$(out spring_sale)"
done
echo "    spring_sale -> $cascade"
case "$cascade" in *"SMS fallback sent 0"*) echo "the SMS fallback was not sent" >&2; exit 1 ;; esac
pause

say "Setting desired_state = \"stopped\" on the scheduled campaign and applying (the plan warns: irreversible)"
tf apply -auto-approve -var scheduled_desired_state=stopped
echo "    reminder -> $(out reminder)"
case "$(out reminder)" in stopped*) echo "    the stop took effect" ;; *) echo "the scheduled campaign is not stopped" >&2; exit 1 ;; esac
pause

say "terraform plan: with the campaign stopped, no change is left to make"
"$terraform" -chdir="$work/quickstart" plan -json -var scheduled_desired_state=stopped >"$work/plan.json" 2>>"$work/terraform.log" ||
  { echo "terraform plan failed" >&2; tail -40 "$work/terraform.log" >&2; exit 1; }
# Statistics keep moving, so output values may change; resources must not.
if grep -q '"type":"planned_change"' "$work/plan.json" ||
  ! grep -Eq '"changes":\{"add":0,"change":0,("import":0,)?"remove":0' "$work/plan.json"; then
  echo "the plan is not empty:" >&2
  grep -E 'planned_change|change_summary' "$work/plan.json" >&2
  exit 1
fi
echo "    the plan is empty: 0 to add, 0 to change, 0 to destroy"

say "terraform destroy: campaigns still sending are stopped (stop_on_destroy), the stopped one leaves without a call, the list and contacts are deleted"
tf destroy -auto-approve -var scheduled_desired_state=stopped
kill -TERM "$sandbox_pid" && wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=""
say "Done: the stand-in is stopped and the temporary files are removed"
