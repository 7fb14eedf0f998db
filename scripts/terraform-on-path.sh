#!/usr/bin/env bash
# scripts/terraform-on-path.sh MINOR: prints the terraform on PATH when it
# is 1.MINOR or newer (exit 0), or nothing (exit 1). Shared by
# terraform-path.sh and terraform-native.sh.
set -euo pipefail
want="$1"
command -v terraform >/dev/null 2>&1 || exit 1
found=$(command -v terraform)
# No pipeline into head or grep -q: under pipefail the writer could die of
# SIGPIPE. sed reads all of the CLI's output and prints the first match.
v=$("$found" version -json 2>/dev/null | sed -n '0,/.*"terraform_version": *"\([0-9.]*\)".*/s//\1/p' || true)
major=${v%%.*}; rest=${v#*.}; minor=${rest%%.*}
if [ -n "$v" ] && { [ "$major" -gt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -ge "$want" ]; }; }; then
  echo "$found"
  exit 0
fi
echo "terraform on PATH is ${v:-of unknown version}, older than 1.$want" >&2
exit 1
