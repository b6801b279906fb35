#!/usr/bin/env bash
# Runs tenantlint on a checkout of a real multi-tenant code base with the configuration its team
# would write (scripts/eval/<project>.tenantlint.yml), next to go vet on the same packages, and
# prints the findings and the timings used in docs/evaluation.md and docs/performance.md.
#
#   scripts/eval.sh <project> /path/to/checkout [out-dir]
#   scripts/eval.sh hatchet /path/to/hatchet          # hatchet-dev/hatchet
#   scripts/eval.sh cortex  /path/to/cortex           # cortexproject/cortex
#
# A project is described by files only: scripts/eval/<project>.tenantlint.yml (the config) whose
# first "# packages: PATTERNS" line gives the package patterns (default ./...), relative to the
# module root. Add a code base by adding its .tenantlint.yml; the list is `ls scripts/eval`.
#
# Environment: TENANTLINT=path uses that binary instead of building bin/tenantlint;
# EVAL_VET=0 skips the go vet comparison run (it costs a full vet of the packages).
#
# The config is copied to the checkout's root as .tenantlint.yml (remove it afterwards). Nothing
# from the checkout is copied into this repository; the output goes to out-dir (default
# .cache/eval/<project>, ignored by git).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
project=$1
src=$(cd "$2" && pwd)
out=${3:-$here/.cache/eval/$project}
cfg=$here/scripts/eval/$project.tenantlint.yml
if [ ! -f "$cfg" ]; then
	echo "eval.sh: unknown project $project (no $cfg; known: $(cd "$here/scripts/eval" && ls *.tenantlint.yml | sed 's/\.tenantlint\.yml$//' | tr '\n' ' '))" >&2
	exit 2
fi
pkgs=$(sed -n 's/^# packages:[[:space:]]*//p' "$cfg" | head -1)
pkgs=${pkgs:-./...}
mkdir -p "$out"
if [ -n "${TENANTLINT:-}" ]; then
	bin=$TENANTLINT
else
	mkdir -p "$here/bin"
	go build -o "$here/bin/tenantlint" "$here/cmd/tenantlint"
	bin=$here/bin/tenantlint
fi
cp "$cfg" "$src/.tenantlint.yml"
cd "$src"
echo "packages: $(go list $pkgs 2>/dev/null | wc -l) ($pkgs)"
go build $pkgs
if [ "${EVAL_VET:-1}" != 0 ]; then
	/usr/bin/time -o "$out/vet.time" -f "%e s %M KB" go vet $pkgs >/dev/null 2>&1 || true
	echo "go vet:     $(tail -1 "$out/vet.time")"
fi
/usr/bin/time -o "$out/tenantlint.time" -f "%e s %M KB" "$bin" $pkgs >"$out/findings.txt" 2>"$out/stderr.txt" || true
echo "tenantlint: $(tail -1 "$out/tenantlint.time")"
printf 'findings:  '
for c in sqlscope cachekey jobscope chanscope storagepath directive tenantflow; do
	printf ' %s %s' "$(grep -c ": $c: " "$out/findings.txt" || true)" "$c"
done
echo
echo "(in $out/findings.txt)"
