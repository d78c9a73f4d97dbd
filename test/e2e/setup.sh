#!/usr/bin/env bash
# Installs what the end-to-end suite needs on a fresh Debian machine, once:
# - Debian packages: chromium (the browser Playwright drives) and what
#   code-server's native addons need to build offline;
# - code-server 4.100.3 (VS Code 1.100.3; the last release that runs on Node 20)
#   into a cache folder OUTSIDE the repository, so it is neither a project
#   dependency nor reinstalled on every run.
# Prints the code-server binary's path as its last line.
# test/e2e/README.md ("A real VS Code with no internet") says why each step is there.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RIPGREP_PKG_VERSION=1.15.11 # @vscode/ripgrep, as code-server 4.100.3 pins it
CACHE="${REWST_E2E_CACHE:-$HOME/.cache/rewst-openapi-e2e}"
TARGET="$CACHE/code-server-$CODE_SERVER_VERSION"
BIN="$TARGET/node_modules/.bin/code-server"

log() { echo "e2e setup: $*" >&2; }

# --- Debian packages -------------------------------------------------------
APT_PACKAGES=(chromium libkrb5-dev ripgrep pkg-config build-essential python3)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    SUDO=(sudo -n)
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq >&2
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# --- code-server -----------------------------------------------------------
if [ -x "$BIN" ] && [ -f "$TARGET/.complete" ]; then
  echo "$BIN"
  exit 0
fi

log "installing code-server@$CODE_SERVER_VERSION into $TARGET (about a minute)"
mkdir -p "$CACHE"
STAGE="$(mktemp -d "$CACHE/.install.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT

# @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here:
# hand it Debian's rg in the cache file it looks for first.
TMP="$(node -p 'require("os").tmpdir()')"
RG_CACHE="$TMP/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
RG_TARBALL="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RG_TARBALL" ]; then
  mkdir -p "$RG_CACHE"
  tar -czf "$RG_TARBALL" -C "$(dirname "$(command -v rg)")" rg
fi

# unsafe_perm: code-server's postinstall refuses to run as root otherwise.
# yes: node-pty's postinstall calls `npx node-gyp`, which would prompt.
echo '{ "name": "rewst-openapi-e2e-code-server", "private": true }' >"$STAGE/package.json"
(
  cd "$STAGE"
  npm_config_unsafe_perm=true npm_config_yes=true SCARF_ANALYTICS=false \
    npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
)
[ -x "$STAGE/node_modules/.bin/code-server" ] || { log "code-server did not install"; exit 1; }
touch "$STAGE/.complete"
rm -rf "$TARGET"
mv "$STAGE" "$TARGET"
trap - EXIT
log "code-server installed"
echo "$BIN"
