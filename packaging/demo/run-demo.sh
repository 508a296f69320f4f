#!/usr/bin/env bash
# The onboarding demo: Create (with password) → Get by login → Update →
# Get Many with Search → Delete → Get (404), run by `wfn-host workflow`.
#
# Against the Okta sandbox by default. Against a real org when both
# OKTA_DOMAIN (https://dev-123456.okta.com) and OKTA_API_TOKEN are set.
# Installs what is missing and builds first; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

packaging/install-deps.sh
build="$root/build/default"
cmake --preset default >/dev/null
cmake --build "$build" --target wfn-host wfn_okta_bundle okta-sandbox

workdir="$(mktemp -d)"
sandbox_pid=""
cleanup() {
  [[ -n "$sandbox_pid" ]] && kill "$sandbox_pid" 2>/dev/null && wait "$sandbox_pid" 2>/dev/null
  rm -rf "$workdir"
}
trap cleanup EXIT

if [[ -n "${OKTA_DOMAIN:-}" && -n "${OKTA_API_TOKEN:-}" ]]; then
  domain="$OKTA_DOMAIN"
  token="$OKTA_API_TOKEN"
  echo "Running the demo against $domain" >&2
else
  "$build/tests/sandbox/okta-sandbox" --quiet >"$workdir/sandbox.out" &
  sandbox_pid=$!
  for _ in $(seq 100); do
    grep -q '^OKTA_SANDBOX_READY' "$workdir/sandbox.out" && break
    kill -0 "$sandbox_pid" 2>/dev/null || { echo "error: the Okta sandbox did not start" >&2; exit 1; }
    sleep 0.1
  done
  ready="$(grep -m1 '^OKTA_SANDBOX_READY' "$workdir/sandbox.out")" ||
    { echo "error: the Okta sandbox was not ready within 10 s" >&2; exit 1; }
  domain="$(sed -E 's/.* url=([^ ]+).*/\1/' <<<"$ready")"
  # The sandbox's throwaway CA; the plugin honours SSL_CERT_FILE like any OpenSSL client.
  export SSL_CERT_FILE="$(sed -E 's/.* ca=([^ ]+).*/\1/' <<<"$ready")"
  token="sandbox-api-token"
  echo "Running the demo against the Okta sandbox at $domain" >&2
fi

# Values go into JSON by printf, so refuse anything that would need escaping.
[[ "$domain" =~ ^https://[A-Za-z0-9.:-]+/?$ ]] || { echo "error: OKTA_DOMAIN must look like https://dev-123456.okta.com" >&2; exit 2; }
[[ "$token" =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "error: OKTA_API_TOKEN has characters an Okta token never has" >&2; exit 2; }

umask 077
printf '{"Domain":"%s","ApiToken":"%s"}' "${domain%/}" "$token" >"$workdir/credentials.json"
suffix="$(date +%s)$RANDOM"
password="Demo-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')-Qz9"
printf '{"login":"ada.lovelace.%s@example.com","firstName":"Ada","lastName":"Lovelace","password":"%s"}' \
  "$suffix" "$password" >"$workdir/input.json"

"$build/sdk/wfn-host" workflow packaging/demo/onboarding.workflow.json \
  --plugins "$build/plugins" --credentials "@$workdir/credentials.json" --input "@$workdir/input.json"
