#!/bin/sh
# The tests of make test's second run, with a Terraform 1.14+ CLI: those
# whose function starts with acctest.RequireNative(t) (the tests of
# actions, list resources and identities), whatever their name and file.
# RequireNative fails a test that calls it anywhere else than in the test
# function itself, and NewCLI and NativeTest fail a test that lacks it, so
# that no such test escapes this list.
#
#   scripts/native-tests.sh             the -run pattern: ^(TestA|TestB|...)$
#   scripts/native-tests.sh -packages   their packages: ./internal/provider/campaign ...
set -eu
cd "$(dirname "$0")/.."
found="$(find internal bench -name '*_test.go' -print | sort | xargs awk '
	FNR == 1 { test = "" }
	/^func / { test = ($0 ~ /^func Test[A-Za-z0-9_]*\(t \*testing\.T\) \{$/) ? $2 : "" ; sub(/\(.*/, "", test) }
	test != "" && /^\t([a-z]+ := )?acctest\.RequireNative\(t\)$/ { d = FILENAME; sub(/\/[^\/]*$/, "", d); print "./" d, test; test = "" }
')"
if [ -z "$found" ]; then
	echo "scripts/native-tests.sh: no test starts with acctest.RequireNative(t)" >&2
	exit 1
fi
case "${1:-}" in
-packages) printf '%s\n' "$found" | cut -d' ' -f1 | sort -u | tr '\n' ' ' ;;
'') printf '^(%s)$' "$(printf '%s\n' "$found" | cut -d' ' -f2 | sort -u | paste -sd'|' -)" ;;
*) echo "usage: $0 [-packages]" >&2; exit 2 ;;
esac
echo
