#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this). On a fresh machine it installs what
# the tests need first: PostgreSQL's server binaries from Debian's packages for the runtime's
# database tests (each test binary then starts its own private server).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/postgres.sh install

echo "== go vet"
go vet ./...

echo "== editor: Neovim (Debian's package) for the tenantlint lsp test (cmd/tenantlint TestNeovim)"
bash scripts/neovim.sh install

echo "== go test (linter)"
go test -count=1 $(go list ./... | grep -v -e '/tenant$' -e '/tenant/' -e '/examples/')

echo "== go test -race (runtime and examples: isolation under concurrency)"
go test -race -count=1 $(go list ./... | grep -e '/tenant$' -e '/tenant/' -e '/examples/')

if [ -f contract/go.mod ]; then
	echo "== go test (contract: the catalog against the real libraries)"
	(cd contract && go test -count=1 ./...)
fi

if [ -f sarifschema/go.mod ]; then
	echo "== go test (sarifschema: tenantlint -format=sarif against the SARIF 2.1.0 schema)"
	(cd sarifschema && go vet ./... && go test -count=1 ./...)
fi

echo "== go test (golangci-lint v2 with the tenantlint plugin: integration/golangci)"
# Builds golangci-lint with the plugin into .cache/golangci/ (go build: only what changed) and
# runs it on fixtures; its own module, so golangci-lint's requirements stay out of go.mod.
(cd integration/golangci && go vet ./... && go test -count=1 ./...)
