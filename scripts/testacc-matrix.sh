#!/usr/bin/env bash
# make testacc-matrix: the acceptance suite against Terraform 1.5.7 (the
# last MPL release), Terraform 1.8.5 and OpenTofu 1.12.6, each built from
# the Go module proxy with the Go toolchain and cached in tools/bin;
# Terraform 1.14.5 and 1.16.0, built from their module source
# (scripts/terraform-native.sh), which also run the tests of actions, list
# resources and identities (ONEAPI_ACC_NATIVE=1: they must not skip); and
# the Terraform on PATH when it is another version (the machine image's).
# The older CLIs and OpenTofu skip those tests: they have no such features.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$PWD/tools/bin"
mkdir -p "$tools"

build_terraform() { # version
  local bin="$tools/terraform-$1"
  if [ ! -x "$bin" ]; then
    echo "building Terraform v$1 from the Go module proxy (several minutes, once)" >&2
    local tmp; tmp="$(mktemp -d)"
    GOBIN="$tmp" GOFLAGS=-mod=mod go install -ldflags "-X github.com/hashicorp/terraform/version.dev=no" \
      "github.com/hashicorp/terraform@v$1" >&2
    mv "$tmp/terraform" "$bin"
    rmdir "$tmp"
  fi
  echo "$bin"
}

# OpenTofu's go.mod replaces hashicorp/hcl with its fork; `go install
# module@version` ignores replace directives, so a small wrapper module
# repeats the replace and builds cmd/tofu.
build_tofu() { # version
  local bin="$tools/tofu-$1"
  if [ ! -x "$bin" ]; then
    echo "building OpenTofu v$1 from the Go module proxy (about 8 minutes, once)" >&2
    local mod; mod="$(mktemp -d)"
    cat >"$mod/go.mod" <<MOD
module tofubuild

go 1.26

require github.com/opentofu/opentofu v$1

replace github.com/hashicorp/hcl/v2 v2.20.1 => github.com/opentofu/hcl/v2 v2.20.2-0.20251021132045-587d123c2828
MOD
    cat >"$mod/tools.go" <<'SRC'
//go:build tools

package tools

import _ "github.com/opentofu/opentofu/cmd/tofu"
SRC
    (cd "$mod" && GOFLAGS=-mod=mod go mod tidy >&2 && GOFLAGS=-mod=mod go build -o "$bin" github.com/opentofu/opentofu/cmd/tofu >&2)
    rm -rf "$mod"
  fi
  echo "$bin"
}

run_suite() { # name binary [extra env...]
  local name="$1" bin="$2"; shift 2
  echo "== $name ($(env "$@" "$bin" version 2>/dev/null | sed -n 1p || true))"
  if env "$@" TF_ACC=1 TF_ACC_TERRAFORM_PATH="$bin" go test ./... -count=1 -timeout 40m >"$results/$name.log" 2>&1; then
    echo "$name: PASS" | tee -a "$results/summary"
  else
    echo "$name: FAIL (see below)" | tee -a "$results/summary"
    grep -E -A40 -- '^(--- FAIL|panic)' "$results/$name.log" | sed -n 1,120p
  fi
}

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
tf157="$(build_terraform 1.5.7)"
tf185="$(build_terraform 1.8.5)"
tofu="$(build_tofu 1.12.6)"
tf1145="$(scripts/terraform-native.sh 1.14.5)"
tf1160="$(scripts/terraform-native.sh 1.16.0)"
empty_rc="$results/empty.tfrc"
: >"$empty_rc"

run_suite "terraform-1.5.7" "$tf157"
run_suite "terraform-1.8.5" "$tf185"
run_suite "terraform-1.14.5" "$tf1145" ONEAPI_ACC_NATIVE=1
run_suite "terraform-1.16.0" "$tf1160" ONEAPI_ACC_NATIVE=1
if machine="$(command -v terraform)"; then
  v="$("$machine" version -json 2>/dev/null | sed -n '0,/.*"terraform_version": *"\([0-9.]*\)".*/s//\1/p' || true)"
  case "$v" in
    1.5.7 | 1.8.5 | 1.14.5 | 1.16.0 | "") ;;
    *) run_suite "terraform-$v" "$machine" ;;
  esac
fi
# terraform-plugin-testing drives OpenTofu with the hashicorp namespace and
# an existing CLI config file (otherwise OpenTofu's warning breaks version
# parsing).
run_suite "opentofu-1.12.6" "$tofu" TF_ACC_PROVIDER_NAMESPACE=hashicorp TF_CLI_CONFIG_FILE="$empty_rc"

echo
echo "matrix run of $(date -u +%Y-%m-%d), $(git rev-parse --short HEAD):"
cat "$results/summary"
! grep -q FAIL "$results/summary"
