#!/usr/bin/env bash
# How tenantlint's time and memory grow with the size of a module: generates modules of 10, 100
# and 1000 packages (internal/benchgen), runs the built command on each with /usr/bin/time, and
# prints a markdown table for docs/performance.md. Also runs the in-process Go benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bin .cache/bench
go build -o bin/tenantlint ./cmd/tenantlint
go run ./internal/benchgen/cmd -sizes 10,100,1000 -dir .cache/bench
echo "| packages | wall time | peak RSS | go vet wall time | go vet peak RSS |"
echo "|---:|---:|---:|---:|---:|"
for n in 10 100 1000; do
	dir=.cache/bench/$n
	# Warm the build cache so go vet and tenantlint are compared on equal terms.
	(cd "$dir" && go build ./... >/dev/null)
	(cd "$dir" && /usr/bin/time -o ../time-lint -f "%e %M" ../../../bin/tenantlint ./... >/dev/null 2>&1 || true)
	(cd "$dir" && /usr/bin/time -o ../time-vet -f "%e %M" go vet ./... >/dev/null 2>&1 || true)
	t=$(tail -1 .cache/bench/time-lint)
	v=$(tail -1 .cache/bench/time-vet)
	printf "| %d | %.1f s | %d MB | %.1f s | %d MB |\n" "$n" "${t% *}" "$(( ${t#* } / 1024 ))" "${v% *}" "$(( ${v#* } / 1024 ))"
done
