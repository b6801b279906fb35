#!/usr/bin/env bash
# Runs tenantlint on a checkout of a real multi-tenant code base with the configuration its team
# would write (scripts/eval/<project>.tenantlint.yml), next to go vet on the same packages, and
# prints the findings and the timings used in docs/evaluation.md and docs/performance.md.
#
#   scripts/eval.sh hatchet /path/to/hatchet [out-dir]   # hatchet-dev/hatchet
#   scripts/eval.sh cortex  /path/to/cortex  [out-dir]   # cortexproject/cortex
#
# The config is copied to the checkout's root as .tenantlint.yml (remove it afterwards). Nothing
# from the checkout is copied into this repository; the output goes to out-dir (default
# .cache/eval/<project>, ignored by git).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
project=$1
src=$(cd "$2" && pwd)
out=${3:-$here/.cache/eval/$project}
case "$project" in
hatchet) pkgs="./pkg/... ./api/... ./internal/..." ;;
cortex) pkgs="./pkg/... ./cmd/..." ;;
*)
	echo "eval.sh: unknown project $project (hatchet or cortex)" >&2
	exit 2
	;;
esac
mkdir -p "$out" "$here/bin"
go build -o "$here/bin/tenantlint" "$here/cmd/tenantlint"
cp "$here/scripts/eval/$project.tenantlint.yml" "$src/.tenantlint.yml"
cd "$src"
echo "packages: $(go list $pkgs 2>/dev/null | wc -l)"
go build $pkgs
/usr/bin/time -o "$out/vet.time" -f "%e s %M KB" go vet $pkgs >/dev/null 2>&1 || true
/usr/bin/time -o "$out/tenantlint.time" -f "%e s %M KB" "$here/bin/tenantlint" $pkgs >"$out/findings.txt" 2>"$out/stderr.txt" || true
echo "go vet:     $(tail -1 "$out/vet.time")"
echo "tenantlint: $(tail -1 "$out/tenantlint.time")"
printf 'findings:  '
for c in sqlscope cachekey jobscope chanscope storagepath directive tenantflow; do
	printf ' %s %s' "$(grep -c ": $c: " "$out/findings.txt" || true)" "$c"
done
echo
echo "(in $out/findings.txt)"
