#!/usr/bin/env bash
# scripts/schema-json.sh [OUT]: `terraform providers schema -json` of the
# provider built from this checkout (a dev_overrides CLI config, no
# registry), to OUT or stdout. Diff two checkouts' output to show that a
# change leaves every schema byte for byte the same.
set -euo pipefail
cd "$(dirname "$0")/.."
terraform="${TERRAFORM:-$(scripts/terraform-path.sh)}"
out="${1:-/dev/stdout}"
d="$(mktemp -d)"
trap 'rm -rf "$d"' EXIT
go build -o "$d/bin/terraform-provider-oneapi" .
cat >"$d/rc" <<RC
provider_installation {
  dev_overrides { "registry.terraform.io/oneapi-terraform/oneapi" = "$d/bin" }
  direct {}
}
RC
mkdir "$d/cfg"
cat >"$d/cfg/main.tf" <<'TF'
terraform {
  required_providers {
    oneapi = { source = "registry.terraform.io/oneapi-terraform/oneapi" }
  }
}
TF
(cd "$d/cfg" && TF_CLI_CONFIG_FILE="$d/rc" "$terraform" providers schema -json) >"$out"
