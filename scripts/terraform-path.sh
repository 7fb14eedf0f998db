#!/usr/bin/env bash
# Prints the path of a Terraform CLI for the acceptance tests: the one on
# PATH when it is 1.5 or newer, otherwise Terraform v1.8.5 built from the Go
# module proxy into tools/bin (once; later runs reuse it). Set
# TERRAFORM_BUILD=1 to skip the PATH lookup and always use the pinned build.
set -euo pipefail
cd "$(dirname "$0")/.."
version=1.8.5
tools="$PWD/tools/bin"

if [ "${TERRAFORM_BUILD:-}" != "1" ] && found=$(scripts/terraform-on-path.sh 5); then
  echo "$found"
  exit 0
fi

if [ ! -x "$tools/terraform" ] || [[ "$("$tools/terraform" version 2>/dev/null || true)" != *"Terraform v$version"* ]]; then
  echo "building Terraform v$version from the Go module proxy into tools/bin (about 5 minutes, once)" >&2
  mkdir -p "$tools"
  GOBIN="$tools" GOFLAGS=-mod=mod go install -ldflags "-X github.com/hashicorp/terraform/version.dev=no" \
    "github.com/hashicorp/terraform@v$version" >&2
fi
echo "$tools/terraform"
