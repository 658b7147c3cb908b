#!/bin/sh
# Runs the README's Neovim setup headless against the built server (npm run build first) and
# prints the diagnostics Neovim received. Needs `nvim` on the PATH. Usage: test/editors/neovim.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
mkdir -p "$dir/postmortems"
cat > "$dir/postmortems/2026-05-01-database.md" <<'MD'
# Postmortem: database failover

## Root cause

Human error: the operator forgot to renew the certificate.
MD
PM_SERVER="$root/dist/server.js" PM_FILE="$dir/postmortems/2026-05-01-database.md" \
  nvim --headless --clean -u NONE -c "luafile $root/test/editors/neovim.lua"
