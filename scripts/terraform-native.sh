#!/usr/bin/env bash
# Prints the path of a Terraform CLI with actions, list resources and
# resource identity (1.14 or newer): the one on PATH when it is, otherwise
# Terraform v1.16.0 built from its module source into tools/bin (once;
# later runs reuse it). Set TERRAFORM_BUILD=1 to skip the PATH lookup.
# `scripts/terraform-native.sh 1.14.5` builds that release instead
# (make testacc-matrix); each version's module checksum is pinned below.
#
# `go install` cannot build Terraform 1.14 or later: its go.mod replaces
# nested modules (the cloud-storage state backends, internal/legacy) with
# local paths that the module zip leaves out. So the module's source is
# copied out of the module cache (its checksum checked against the pin
# below), those nested modules are dropped from go.mod, their backends'
# imports and registrations are deleted from internal/backend/init/init.go
# (internal/legacy is imported by tests only), and the root package is
# built. The binary's state backends are local, remote, cloud, http and
# inmem; no test here needs another. About 5 minutes on 2 cores from an
# empty module cache, seconds with a warm one.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-1.16.0}"
case "$version" in
  1.16.0) sum="h1:FgjcYL8Rt2n+INJ+blTABAf0wFHbmnKRzo+Rx2IKSYI=" ;;
  1.14.5) sum="h1:5P51+SSLlEAnb6C1nMaeAoENyFCi6aUqxii6CmvkK4M=" ;;
  *) echo "no pinned checksum for Terraform $version (pinned: 1.16.0, 1.14.5)" >&2; exit 1 ;;
esac
if [ "$#" -gt 0 ]; then
  TERRAFORM_BUILD=1 # that version, not the one on PATH
fi
tools="$PWD/tools/bin"
out="$tools/terraform-$version"

if [ "${TERRAFORM_BUILD:-}" != "1" ] && found=$(scripts/terraform-on-path.sh 14 2>/dev/null); then
  echo "$found"
  exit 0
fi

# Each CLI's version is read into a variable first: `cli version | grep -q`
# under pipefail fails at random (grep quits, the CLI dies of SIGPIPE).
if [ -x "$out" ] && [[ "$("$out" version 2>/dev/null || true)" == *"Terraform v$version"* ]]; then
  echo "$out"
  exit 0
fi

echo "building Terraform v$version from its module source into tools/bin (about 5 minutes, once)" >&2
info=$(go mod download -json "github.com/hashicorp/terraform@v$version")
dir=$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
got=$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p')
if [ "$got" != "$sum" ]; then
  echo "github.com/hashicorp/terraform@v$version has checksum $got, want $sum" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp -R "$dir/." "$work/src"
chmod -R u+w "$work/src"
cd "$work/src"
init=internal/backend/init/init.go
for m in $(sed -n 's/^replace \(github.com\/hashicorp\/terraform\/[^ ]*\) => \.\/.*/\1/p' go.mod); do
  go mod edit -droprequire="$m" -dropreplace="$m"
  alias=$(sed -n "s/^[[:space:]]*\([A-Za-z0-9_]*\) \"${m//\//\\/}\"\$/\1/p" "$init")
  if [ -n "$alias" ]; then
    sed -i "/\"${m//\//\\/}\"/d; /${alias}\./d" "$init"
  fi
done
mkdir -p "$tools"
CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" -o "$out" . >&2
built=$("$out" version)
[[ "$built" == *"Terraform v$version"* ]] || { echo "$out reports $built, not Terraform v$version" >&2; exit 1; }
echo "$out"
