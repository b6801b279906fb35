#!/usr/bin/env bash
# PostgreSQL for the tenant/ runtime tests (tenant/internal/pgtest starts a
# private server per test binary from these binaries).
#
#   scripts/postgres.sh install   install Debian's postgresql package unless
#                                 the server binaries are already present
#   scripts/postgres.sh bindir    print the directory holding initdb/postgres
#
# Idempotent, non-interactive (works with CI=true and no stdin).
set -euo pipefail

# bindir prints the first directory holding the server binaries, using the
# same search order as tenant/internal/pgtest.BinDir.
bindir() {
	local d
	for d in "${PGTEST_BINDIR:-}" "$(pg_config --bindir 2>/dev/null || true)" \
		$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5nr) \
		"$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"; do
		if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/postgres" ] &&
			[ -x "$d/pg_isready" ] && [ -x "$d/createdb" ]; then
			echo "$d"
			return 0
		fi
	done
	return 1
}

install() {
	if d=$(bindir); then
		echo "postgres.sh: PostgreSQL server binaries already present in $d"
		return 0
	fi
	local sudo=()
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null || {
			echo "postgres.sh: need root or sudo to install the postgresql package" >&2
			exit 1
		}
		sudo=(sudo -n)
	fi
	export DEBIAN_FRONTEND=noninteractive
	echo "postgres.sh: installing Debian's postgresql package"
	"${sudo[@]}" apt-get update -q </dev/null
	"${sudo[@]}" apt-get install -y -q --no-install-recommends postgresql </dev/null
	if ! d=$(bindir); then
		echo "postgres.sh: postgresql installed but initdb/postgres not found" >&2
		exit 1
	fi
	echo "postgres.sh: PostgreSQL server binaries in $d"
}

case "${1:-}" in
install) install ;;
bindir) bindir || {
	echo "postgres.sh: PostgreSQL server binaries not found; run scripts/postgres.sh install" >&2
	exit 1
} ;;
*)
	echo "usage: $0 install|bindir" >&2
	exit 2
	;;
esac
