#!/usr/bin/env bash
# Installs what the end-to-end tests need beyond `npm install`: Debian's chromium (the headless
# browser that hosts the workbench), libkrb5-dev (code-server's native addons build against it) and
# a VS Code server (the npm package code-server, which needs Node 24: taken from the npm registry).
# `--server-only` (npm start) skips chromium. Idempotent: a warm cache makes it a no-op.
# Prints the cache folder on stdout; progress goes to stderr. See CONTRIBUTING.md "Tests".
set -euo pipefail
cache="${POSTMORTEM_VSCODE_CACHE:-$(pwd)/.vscode-test}"
version="4.139.1"
server_main="$cache/code-server/node_modules/code-server/lib/vscode/out/server-main.js"
server_only=0
[ "${1:-}" = "--server-only" ] && server_only=1
say() { echo "[setup] $*" >&2; }

case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) say "The VS Code server path needs Linux or macOS."; exit 1 ;; esac
case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) say "Unsupported CPU: $(uname -m)"; exit 1 ;; esac
node_pkg="node-$os-$arch"

need=()
if [ "$server_only" = 0 ] && ! command -v chromium >/dev/null; then need+=(chromium); fi
if [ "$os" = linux ] && [ ! -e /usr/include/gssapi/gssapi.h ] && [ ! -f "$server_main" ]; then need+=(libkrb5-dev); fi
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "Installing Debian packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    say "Needed first: sudo apt-get install ${need[*]}"
    exit 1
  fi
fi

if [ ! -f "$server_main" ]; then
  # When run from an npm script, the outer npm's variables (its Node version in
  # npm_config_user_agent among them) would leak into these installs: start clean.
  while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')
  mkdir -p "$cache/node24" "$cache/code-server"
  echo '{"private":true}' > "$cache/node24/package.json"
  echo '{"private":true}' > "$cache/code-server/package.json"
  started=$(date +%s)
  # A line every 15 s with what has arrived so far: the install is long and otherwise silent.
  ( while sleep 15; do say "… $(du -sm "$cache" 2>/dev/null | cut -f1) MB in $(( $(date +%s) - started )) s"; done ) &
  ticker=$!
  trap 'kill $ticker 2>/dev/null || true' EXIT
  say "Installing Node 24 ($node_pkg) from the npm registry (once)…"
  (cd "$cache/node24" && npm install --no-audit --no-fund "$node_pkg@24" >/dev/null)
  node24="$cache/node24/node_modules/$node_pkg"
  say "Installing code-server $version: VS Code's server and web workbench, about 620 MB, 2 minutes or more (once)…"
  (cd "$cache/code-server" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --no-audit --no-fund "code-server@$version" >/dev/null)
  say "VS Code server installed in $(( $(date +%s) - started )) s."
fi
# One stable path to Node 24, whatever the platform package was.
if [ ! -e "$cache/node24/node" ]; then
  ln -s "node_modules/$node_pkg/bin/node" "$cache/node24/node"
fi
echo "$cache"
