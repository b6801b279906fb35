#!/usr/bin/env bash
# Neovim for the editor test of `tenantlint lsp` (cmd/tenantlint/editor_test.go runs it
# headless, attached to the language server).
#
#   scripts/neovim.sh install   install Debian's neovim package unless nvim is already present
#   scripts/neovim.sh path      print the nvim binary the tests use
#
# Idempotent, non-interactive (works with CI=true and no stdin). Debian 12 ships Neovim 0.7.2,
# which has vim.lsp.start_client and vim.diagnostic.get (vim.lsp.start came in 0.8); the test's
# init.lua uses vim.lsp.start where it exists and start_client otherwise.
set -euo pipefail

path() {
	local n="${TENANTLINT_NVIM:-$(command -v nvim 2>/dev/null || true)}"
	if [ -n "$n" ] && [ -x "$n" ]; then
		echo "$n"
		return 0
	fi
	return 1
}

install() {
	if n=$(path); then
		echo "neovim.sh: $("$n" --version | head -1) already present at $n"
		return 0
	fi
	local sudo=()
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null || {
			echo "neovim.sh: need root or sudo to install the neovim package" >&2
			exit 1
		}
		sudo=(sudo -n)
	fi
	export DEBIAN_FRONTEND=noninteractive
	echo "neovim.sh: installing Debian's neovim package"
	"${sudo[@]}" apt-get update -q </dev/null
	"${sudo[@]}" apt-get install -y -q --no-install-recommends neovim </dev/null
	if ! n=$(path); then
		echo "neovim.sh: neovim installed but nvim not found" >&2
		exit 1
	fi
	echo "neovim.sh: $("$n" --version | head -1) at $n"
}

case "${1:-}" in
install) install ;;
path) path || {
	echo "neovim.sh: nvim not found; run scripts/neovim.sh install" >&2
	exit 1
} ;;
*)
	echo "usage: $0 install|path" >&2
	exit 2
	;;
esac
