#!/usr/bin/env bash
# make release-check: validates .goreleaser.yml, builds a snapshot release of
# every archive (no signing, no publishing) with goreleaser run through the
# Go toolchain, and checks what the Terraform Registry checks: the
# provider's SHA256SUMS lists exactly the provider zips and the manifest, and
# the manifest's protocol version is the one the provider serves.
set -euo pipefail
cd "$(dirname "$0")/.."
goreleaser="go run ${GORELEASER:-github.com/goreleaser/goreleaser/v2@v2.15.1}"

# RELEASE_CHECK_DIST_ONLY=1 checks an existing dist/ without building again.
if [ "${RELEASE_CHECK_DIST_ONLY:-}" != "1" ]; then
  $goreleaser check
  $goreleaser release --snapshot --clean --skip=sign,publish
fi

fail() { echo "release-check: $*" >&2; exit 1; }
shopt -s nullglob
sums=(dist/terraform-provider-oneapi_*_SHA256SUMS)
[ "${#sums[@]}" -eq 1 ] || fail "want one provider checksum file in dist/, found ${#sums[@]}"
sums="${sums[0]}"
version="${sums#dist/terraform-provider-oneapi_}"
version="${version%_SHA256SUMS}"

echo
echo "== $sums"
cat "$sums"
echo

zips=0
manifest=0
while read -r hash name; do
  file="dist/$name"
  # The manifest is released from the repository under this name
  # (release.extra_files); goreleaser does not copy it into dist/.
  [ "$name" = "terraform-provider-oneapi_${version}_manifest.json" ] && file=terraform-registry-manifest.json
  [ -f "$file" ] || fail "$name is listed but not in dist/"
  [ "$(sha256sum "$file" | cut -d' ' -f1)" = "$hash" ] || fail "$name: checksum does not match"
  case "$name" in
    "terraform-provider-oneapi_${version}_manifest.json") manifest=$((manifest + 1)) ;;
    terraform-provider-oneapi_"${version}"_*_*.zip) zips=$((zips + 1)) ;;
    *) fail "$name is not a provider archive or the manifest: the Registry refuses the release" ;;
  esac
done <"$sums"
built=(dist/terraform-provider-oneapi_"${version}"_*_*.zip)
[ "$manifest" -eq 1 ] || fail "the manifest is listed $manifest times, want once"
[ "$zips" -eq "${#built[@]}" ] || fail "$zips zips listed, ${#built[@]} built"
for z in "${built[@]}"; do
  case "$z" in *windows_arm.zip) fail "windows/arm was built" ;; esac
done

# The manifest's protocol version is the server's (main.go serves protocol 6).
grep -q '"protocol_versions": \["6.0"\]' terraform-registry-manifest.json || fail "the manifest does not say protocol 6.0"
grep -q 'NewProtocol6Server' main.go || fail "main.go does not serve protocol 6"

sandbox=(dist/oneapi-sandbox_*.zip)
echo "release-check: $zips provider zips and the manifest in $(basename "$sums"), nothing else; ${#sandbox[@]} oneapi-sandbox archives outside it (each gets its own .sha256 when signed); protocol 6.0"
