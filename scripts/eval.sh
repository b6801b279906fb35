#!/usr/bin/env bash
# Runs tenantlint on a hatchet checkout with the configuration its team would write
# (scripts/eval/hatchet.tenantlint.yml), next to go vet on the same packages, and prints the
# findings and the timings used in docs/evaluation.md and docs/performance.md.
#
#   scripts/eval-hatchet.sh /path/to/hatchet [out-dir]
#
# Nothing from hatchet is copied into this repository; the output goes to out-dir (default
# .cache/eval, ignored by git).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=$(cd "$1" && pwd)
out=${2:-$here/.cache/eval}
mkdir -p "$out" "$here/bin"
go build -o "$here/bin/tenantlint" "$here/cmd/tenantlint"
cp "$here/scripts/eval/hatchet.tenantlint.yml" "$src/.tenantlint.yml"
pkgs="./pkg/... ./api/... ./internal/..."
cd "$src"
echo "packages: $(go list $pkgs 2>/dev/null | wc -l)"
go build $pkgs
/usr/bin/time -o "$out/vet.time" -f "%e s %M KB" go vet $pkgs >/dev/null 2>&1 || true
/usr/bin/time -o "$out/tenantlint.time" -f "%e s %M KB" "$here/bin/tenantlint" $pkgs >"$out/findings.txt" 2>"$out/stderr.txt" || true
echo "go vet:     $(tail -1 "$out/vet.time")"
echo "tenantlint: $(tail -1 "$out/tenantlint.time")"
echo "findings:   $(grep -c ': sqlscope: ' "$out/findings.txt" || true) sqlscope, $(grep -c ': directive: ' "$out/findings.txt" || true) directive"
