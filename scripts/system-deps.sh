#!/usr/bin/env bash
# Debian packages assessor needs: CJK fonts and HarfBuzz subsetting (PDF), poppler (PDF tests),
# PostgreSQL (team workspaces and their tests), LibreOffice Calc (Excel round-trip tests), tmux
# (end-to-end TUI tests). Installs only what is missing.
#
# When something is missing and cannot be installed (not root, not Debian, apt failing) it says
# what and exits 1: `make setup` stops there instead of letting tests skip silently later.
# SYSTEM_DEPS=skip (for a machine where you do not want them, e.g. only running the CLI) turns
# the error into a warning; under CI=true the tests then fail for what is missing.
set -euo pipefail
pkgs=(fonts-noto-cjk fontconfig libharfbuzz-subset0 poppler-utils postgresql libreoffice-calc-nogui tmux)

fail() {
  echo "system-deps: $*" >&2
  if [ "${SYSTEM_DEPS:-}" = skip ]; then
    echo "system-deps: SYSTEM_DEPS=skip: going on without them (tests needing them skip, or fail under CI)" >&2
    exit 0
  fi
  echo "system-deps: install them, or run with SYSTEM_DEPS=skip to go on without them" >&2
  exit 1
}

if ! command -v dpkg >/dev/null 2>&1; then
  fail "not a Debian system: install the equivalents of: ${pkgs[*]}"
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  fail "missing ${missing[*]}; as root: apt-get install --no-install-recommends ${missing[*]}"
fi
export DEBIAN_FRONTEND=noninteractive
echo "system-deps: installing ${missing[*]}"
apt-get update -q || fail "apt-get update failed"
apt-get install -y -q --no-install-recommends "${missing[@]}" || fail "apt-get install ${missing[*]} failed"
still=()
for p in "${missing[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || still+=("$p")
done
[ ${#still[@]} -eq 0 ] || fail "still not installed after apt-get: ${still[*]}"
