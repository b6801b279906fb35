#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this). On a fresh machine it installs what
# the tests need first: PostgreSQL's server binaries from Debian's packages for the runtime's
# database tests (each test binary then starts its own private server), and Neovim for the
# editor test.
#
# Every stage prints `== stage NAME` when it starts and `-- NAME: N s` when it ends (FAILED
# after a failure), its output in between; every stage runs even when one fails, and the
# script fails if any did. Two lanes run at once: the main module's stages, and the modules of
# their own (contract, sarifschema, integration/golangci), which spend much of their time
# downloading and building their requirements. They share only the go command's caches, which
# are safe for concurrent use. Each stage's full output is also in .cache/test/NAME.log.
set -uo pipefail
cd "$(dirname "$0")/.."

logs=.cache/test
mkdir -p "$logs"
suite_start=$SECONDS

# stage NAME COMMAND...: run COMMAND as one stage; its output is printed when it ends, so the
# two lanes do not interleave mid-stage.
stage() {
	local name=$1 start=$SECONDS status=0
	shift
	echo "== stage $name"
	"$@" >"$logs/$name.log" 2>&1 || status=$?
	cat "$logs/$name.log"
	if [ "$status" -eq 0 ]; then
		echo "-- $name: $((SECONDS - start)) s"
	else
		echo "-- $name: $((SECONDS - start)) s FAILED (exit $status)"
	fi
	return "$status"
}

# go test's default timeout is 10 minutes per test binary; on a loaded 2-core machine the
# command's tests (each builds and runs tenantlint on fixtures) have taken longer than that.
# CI's own limit is 90 minutes.
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-timeout=30m"

linter_pkgs() { go list ./... | grep -v -e '/tenant$' -e '/tenant/' -e '/examples/'; }
runtime_pkgs() { go list ./... | grep -e '/tenant$' -e '/tenant/' -e '/examples/'; }

test_linter() { go test -count=1 $(linter_pkgs); }
# Runtime and examples under the race detector: isolation under concurrency.
test_race() { go test -race -count=1 $(runtime_pkgs); }
# Bounded fuzzing of the inputs users and code control (the seed corpora also run in test_linter).
fuzz_config() { go test -run '^$' -fuzz '^FuzzParse$' -fuzztime="${FUZZTIME:-20s}" ./config; }
fuzz_sqltext() { go test -run '^$' -fuzz '^FuzzAnalyze$' -fuzztime="${FUZZTIME:-20s}" ./internal/sqltext; }
# The catalog against the real libraries (its own module).
test_contract() { (cd contract && go test -count=1 ./...); }
# tenantlint -format=sarif against the SARIF 2.1.0 schema (its own module).
test_sarifschema() { (cd sarifschema && go vet ./... && go test -count=1 ./...); }
# golangci-lint v2 with the tenantlint plugin: builds golangci-lint with the plugin into
# .cache/golangci/ (go build: only what changed) and runs it on fixtures; its own module, so
# golangci-lint's requirements stay out of go.mod.
test_golangci() { (cd integration/golangci && go vet ./... && go test -count=1 ./...); }

failed=0
# Installers use apt, which takes a lock: one after the other, before anything else.
stage install-postgres bash scripts/postgres.sh install || failed=1
stage install-neovim bash scripts/neovim.sh install || failed=1

# Lane 2: the modules of their own.
(
	lane=0
	if [ -f contract/go.mod ]; then stage contract test_contract || lane=1; fi
	if [ -f sarifschema/go.mod ]; then stage sarifschema test_sarifschema || lane=1; fi
	stage golangci test_golangci || lane=1
	exit "$lane"
) &
lane2=$!

# Lane 1: the main module.
stage vet go vet ./... || failed=1
stage test-linter test_linter || failed=1
stage test-race test_race || failed=1
stage fuzz-config fuzz_config || failed=1
stage fuzz-sqltext fuzz_sqltext || failed=1

wait "$lane2" || failed=1
if [ "$failed" -eq 0 ]; then
	echo "-- suite: $((SECONDS - suite_start)) s"
else
	echo "-- suite: $((SECONDS - suite_start)) s FAILED"
fi
exit "$failed"
