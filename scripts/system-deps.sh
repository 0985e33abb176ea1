#!/usr/bin/env bash
# Debian packages assessor needs: CJK fonts and HarfBuzz subsetting (PDF), poppler (PDF tests),
# PostgreSQL (team workspaces and their tests), LibreOffice Calc (Excel round-trip tests), tmux
# (end-to-end TUI tests). Installs only what is missing; skipped when not root or not Debian.
set -euo pipefail
pkgs=(fonts-noto-cjk fontconfig libharfbuzz-subset0 poppler-utils postgresql libreoffice-calc-nogui tmux)
if ! command -v dpkg >/dev/null 2>&1; then
  echo "system-deps: not a Debian system; install these yourself: ${pkgs[*]}"; exit 0
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: missing ${missing[*]}; run as root: apt-get install ${missing[*]}"; exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
