#!/usr/bin/env bash
# Node-RED with the wfn palette and the onboarding flow, against the Okta
# sandbox, both on loopback: prints the editor's URL and runs until Ctrl-C,
# which stops both. Installs what is missing and builds first; safe to run
# again (each run has its own Node-RED user folder, removed on exit).
#
#   packaging/demo/run-node-red.sh            NODE_RED_PORT picks the port (default 1880)
#   packaging/demo/run-node-red.sh --check    starts, fetches the editor and the palette, stops
#   WFN_BUILD_DIR=…                           an existing build folder (default build/default)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

check=""
case "${1:-}" in
  "") ;;
  --check) check=yes ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

build="${WFN_BUILD_DIR:-$root/build/default}"
# The checked run comes from CTest, after the build: nothing to install or build.
if [[ -z "$check" ]]; then
  packaging/install-deps.sh --test
  [[ -f "$build/CMakeCache.txt" ]] || cmake --preset default >/dev/null
  cmake --build "$build" --target wfn_node wfn_okta_bundle okta-sandbox >&2
fi
addon="$build/sdk/bindings/node/wfn.node"
sandbox="$build/tests/sandbox/okta-sandbox"
red="$root/tests/node-red/node_modules/node-red/red.js"
for file in "$addon" "$sandbox" "$red"; do
  [[ -e "$file" ]] || { echo "error: $file is missing: run $0 without --check first" >&2; exit 1; }
done

workdir="$(mktemp -d)"
sandbox_pid=""
node_red_pid=""
cleanup() {
  [[ -n "$node_red_pid" ]] && kill -INT "$node_red_pid" 2>/dev/null && wait "$node_red_pid" 2>/dev/null
  [[ -n "$sandbox_pid" ]] && kill "$sandbox_pid" 2>/dev/null && wait "$sandbox_pid" 2>/dev/null
  rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits (at most 30 s) for a line matching $2 in file $1 while process $3 lives.
wait_for_line() {
  local file="$1" pattern="$2" pid="$3" what="$4"
  for _ in $(seq 300); do
    grep -q "$pattern" "$file" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "error: $what exited; it printed:" >&2; cat "$file" >&2; exit 1; }
    sleep 0.1
  done
  echo "error: $what was not ready within 30 s; it printed:" >&2
  cat "$file" >&2
  exit 1
}

umask 077
"$sandbox" --quiet >"$workdir/sandbox.out" &
sandbox_pid=$!
wait_for_line "$workdir/sandbox.out" '^OKTA_SANDBOX_READY' "$sandbox_pid" "the Okta sandbox"
ready="$(grep -m1 '^OKTA_SANDBOX_READY' "$workdir/sandbox.out")"
export OKTA_DOMAIN="$(sed -E 's/.* url=([^ ]+).*/\1/' <<<"$ready")"
export OKTA_CA_PEM="$(cat "$(sed -E 's/.* ca=([^ ]+).*/\1/' <<<"$ready")")"

# The checked run takes any free loopback port, so it never meets a person's demo.
if [[ -n "$check" ]]; then
  NODE_RED_PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
fi
export NODE_RED_PORT="${NODE_RED_PORT:-1880}"
export WFN_NODE_ADDON="$addon" WFN_PLUGINS_DIR="$build/plugins"

# The flow's config node takes the org from OKTA_DOMAIN and OKTA_CA_PEM; its
# API token (the sandbox's) is a Node-RED credential, kept in this run's
# user folder only.
cp tests/node-red/flows/onboarding.json "$workdir/flows.json"
printf '{"okta-org":{"ApiToken":"sandbox-api-token"}}' >"$workdir/flows_cred.json"
node "$red" --settings tests/node-red/settings.js --userDir "$workdir" "$workdir/flows.json" >"$workdir/node-red.log" 2>&1 &
node_red_pid=$!
wait_for_line "$workdir/node-red.log" 'Started flows' "$node_red_pid" "Node-RED"
url="http://127.0.0.1:$NODE_RED_PORT/"

if [[ -n "$check" ]]; then
  curl -fsS --max-time 10 "$url" | grep -q '<title>Node-RED</title>' ||
    { echo "error: $url did not serve the Node-RED editor" >&2; exit 1; }
  curl -fsS --max-time 10 "${url}wfn/palette" | grep -q '"label":"Create a New User"' ||
    { echo "error: ${url}wfn/palette has no Create a New User" >&2; exit 1; }
  wait_for_line "$workdir/node-red.log" '\[debug:onboarded\]' "$node_red_pid" "the onboarding flow"
  echo "ok: the editor at $url serves the wfn palette, and the onboarding flow ran"
  exit 0
fi

echo "Node-RED with the wfn palette: $url  (the Okta sandbox at $OKTA_DOMAIN; Ctrl-C stops both)"
echo "The onboarding flow ran once at start; press its inject button to run it again (the second run shows the failure output: the user exists)."
tail -n +1 -f "$workdir/node-red.log" --pid="$node_red_pid" &
wait "$node_red_pid"
