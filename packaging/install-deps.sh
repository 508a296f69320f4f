#!/usr/bin/env bash
# Installs what building (and, with --test, testing) this project needs on
# Debian 12. Installs only what is missing, so it is safe to run again.
#
#   packaging/install-deps.sh          build + demo dependencies
#   packaging/install-deps.sh --test   also the test, fuzz and benchmark tools
set -euo pipefail

want_test_tools=0
[[ "${1:-}" == "--test" ]] && want_test_tools=1

packages=(
  g++ cmake ninja-build pkg-config ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libboost-program-options1.81-dev libboost-test1.81-dev libssl-dev
  # The shared rate budget's Redis protocol (encoding and parsing only).
  libhiredis-dev
  # The demo's OAuth mode derives the key's public JWK and registers it with the sandbox.
  curl openssl xxd
)
if (( want_test_tools )); then
  packages+=(binutils dpkg-dev lintian clang libclang-rt-14-dev json-schema-test-suite wrk valgrind util-linux)
  # The memory benchmark (GNU time, jq) and the CLI's terminal test (script).
  packages+=(time jq bsdutils)
  # The shared rate budget's tests and benchmark: a real Redis (and redis-cli), skewed worker clocks.
  packages+=(redis-server redis-tools faketime)
  # Node.js runs the fidelity checks (the official Okta SDK is the reference
  # client), and the wfn addon (sdk/bindings/node) builds against its headers
  # for the Node-RED integration. Any Node >= 18 will do; keep one that is
  # already installed (NodeSource's nodejs has the headers, Debian's has them
  # in libnode-dev).
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
  [[ -f /usr/include/node/node_api.h ]] || packages+=(libnode-dev)
  # The Node-RED editor test drives Debian's chromium (not a downloaded build).
  packages+=(chromium)
  # The builds go through ccache, so the repository's standalone copy
  # (packaging.repository_stands_alone) reuses the default build's objects.
  packages+=(ccache)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done

if (( ${#missing[@]} )); then
  echo "Installing Debian packages: ${missing[*]}" >&2
  sudo_cmd=()
  (( EUID == 0 )) || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if (( want_test_tools )); then
  # Pinned by each package-lock.json; `npm ci` is a no-op when already in place.
  repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  for node_project in tests/fidelity tests/bench sdk/bindings/node tests/node-red; do
    if [[ -f "$repo_root/$node_project/package-lock.json" ]]; then
      stamp="$repo_root/$node_project/node_modules/.package-lock.json"
      if [[ ! -f "$stamp" || "$repo_root/$node_project/package-lock.json" -nt "$stamp" ]]; then
        echo "Installing Node test tools in $node_project" >&2
        npm ci --prefix "$repo_root/$node_project" --no-audit --no-fund --loglevel=error
      fi
    fi
  done
fi
