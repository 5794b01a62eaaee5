#!/usr/bin/env bash
# Installs code-server 4.100.3 (the real VS Code 1.100.3 server and Node extension host; the newest release
# whose engines.node accepts Node 20) into a gitignored folder, from the npm registry only. Skips when present.
# Needs Debian's libkrb5-dev ripgrep build-essential python3 (native modules are built here, nothing is downloaded).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DEST=${1:-"$HERE/../../.vscode-test/code-server"}
VER=${CODE_SERVER_VERSION:-4.100.3}
XDG_CONFIG_HOME=$(mktemp -d); export XDG_CONFIG_HOME   # --version would otherwise write ~/.config/code-server
if [ -x "$DEST/node_modules/.bin/code-server" ] && "$DEST/node_modules/.bin/code-server" --version 2>/dev/null | grep -q "^$VER "; then
  echo "code-server $VER already in $DEST"; exit 0
fi
missing=""
for tool in rg make g++ python3; do command -v "$tool" >/dev/null || missing="$missing $tool"; done
[ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || missing="$missing krb5-headers"
if [ -n "$missing" ]; then
  echo "cannot install code-server: missing$missing. Install them with:" >&2
  echo "  apt-get install -y chromium fonts-liberation libkrb5-dev ripgrep build-essential python3" >&2
  exit 1
fi
"$HERE/seedRipgrepCache.sh"   # @vscode/ripgrep's postinstall would otherwise download rg from GitHub
mkdir -p "$DEST"; cd "$DEST"
[ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
# unsafe_perm: code-server's postinstall refuses to run as root without it;
# yes: node-pty's postinstall calls `npx node-gyp`, which otherwise waits for a TTY.
# dangerously_allow_all_scripts: npm 11 skips dependency install scripts by default, but code-server's
# postinstall runs nested `npm install`s that build VS Code's native modules (node-pty, spdlog, kerberos...);
# without them the server starts with no terminal, no file watcher and no extension host. This folder holds
# only code-server, a test host, never the project's own dependencies.
npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
  npm install --no-audit --no-fund --no-save "code-server@$VER"
node_modules/.bin/code-server --version
