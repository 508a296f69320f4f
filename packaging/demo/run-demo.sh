#!/usr/bin/env bash
# The demo workflows, run by `wfn-host workflow`: onboarding (Create with a
# password → Add to a Group → Get with groups → Update → Get Many with Search
# → Delete → Get, a 404), then offboarding of a second user (Suspend → Get
# with groups → Remove from each group → Deactivate → Delete).
#
# Against the Okta sandbox by default. Against a real org when both
# OKTA_DOMAIN (https://dev-123456.okta.com) and OKTA_API_TOKEN are set;
# OKTA_DEMO_GROUP then names an existing Okta group (default wfn-demo).
# With OAuth 2.0 instead of an API token when OKTA_CLIENT_ID and
# OKTA_PRIVATE_KEY (the path of the app's PEM private key; OKTA_KEY_ID
# optional) are set: against OKTA_DOMAIN when it is set, else against the
# sandbox, where the key's public half is registered as a DPoP-bound app.
# Installs what is missing and builds first; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

packaging/install-deps.sh
build="$root/build/default"
cmake --preset default >/dev/null
cmake --build "$build" --target wfn-host wfn_okta_bundle okta-sandbox >&2

# The public JWK of a PEM private key (RSA or EC P-256), from the openssl CLI.
base64url() { xxd -r -p | base64 -w0 | tr '+/' '-_' | tr -d '='; }
public_jwk() {
  local key="$1" kid="$2"
  if openssl pkey -in "$key" -noout -text 2>/dev/null | grep -q 'ASN1 OID: prime256v1'; then
    local point
    point="$(openssl pkey -in "$key" -pubout -outform DER 2>/dev/null | tail -c 64 | xxd -p | tr -d '\n')"
    printf '{"kty":"EC","crv":"P-256","kid":"%s","x":"%s","y":"%s"}' "$kid" \
      "$(base64url <<<"${point:0:64}")" "$(base64url <<<"${point:64:64}")"
  else
    local modulus
    modulus="$(openssl rsa -in "$key" -noout -modulus 2>/dev/null | sed 's/^Modulus=//')"
    [[ -n "$modulus" ]] || { echo "error: OKTA_PRIVATE_KEY is neither an RSA nor an EC P-256 key" >&2; exit 2; }
    printf '{"kty":"RSA","kid":"%s","e":"AQAB","n":"%s"}' "$kid" "$(base64url <<<"$modulus")"
  fi
}
# Registers the key's public half with the sandbox as a DPoP-bound service app.
register_sandbox_app() {
  local url="$1" client_id="$2" key="$3"
  command -v curl >/dev/null || { echo "error: curl is needed to register the app with the sandbox" >&2; exit 1; }
  sandbox_key_id="demo-key"
  printf '{"clientId":"%s","jwks":{"keys":[%s]},"scopes":["okta.users.read","okta.users.manage","okta.groups.read","okta.groups.manage"],"dpopRequired":true}' \
    "$client_id" "$(public_jwk "$key" "$sandbox_key_id")" >"$workdir/app.json"
  curl -fsS --cacert "$SSL_CERT_FILE" -H 'Content-Type: application/json' --data-binary "@$workdir/app.json" \
    "$url/__sandbox/oauth/apps" >/dev/null || { echo "error: the sandbox refused the service app" >&2; exit 1; }
}

workdir="$(mktemp -d)"
sandbox_pid=""
cleanup() {
  [[ -n "$sandbox_pid" ]] && kill "$sandbox_pid" 2>/dev/null && wait "$sandbox_pid" 2>/dev/null
  rm -rf "$workdir"
}
trap cleanup EXIT

# The onboarding workflow puts the new hire in this group; in a real org it
# must be an existing Okta group (type OKTA_GROUP).
group="${OKTA_DEMO_GROUP:-wfn-demo}"
[[ "$group" =~ ^[A-Za-z0-9\ _.-]+$ ]] || { echo "error: OKTA_DEMO_GROUP may hold letters, digits, spaces and _ . - only" >&2; exit 2; }

oauth=""
if [[ -n "${OKTA_CLIENT_ID:-}" || -n "${OKTA_PRIVATE_KEY:-}" ]]; then
  [[ -n "${OKTA_CLIENT_ID:-}" && -n "${OKTA_PRIVATE_KEY:-}" ]] ||
    { echo "error: OAuth needs both OKTA_CLIENT_ID and OKTA_PRIVATE_KEY (a PEM file)" >&2; exit 2; }
  [[ -r "$OKTA_PRIVATE_KEY" ]] || { echo "error: OKTA_PRIVATE_KEY is not a readable file" >&2; exit 2; }
  oauth=yes
fi

if [[ -n "${OKTA_DOMAIN:-}" && ( -n "${OKTA_API_TOKEN:-}" || -n "$oauth" ) ]]; then
  domain="$OKTA_DOMAIN"
  token="${OKTA_API_TOKEN:-}"
  echo "Running the demo against $domain" >&2
else
  "$build/tests/sandbox/okta-sandbox" --quiet --group "$group" >"$workdir/sandbox.out" &
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
  if [[ -n "$oauth" ]]; then
    register_sandbox_app "$domain" "$OKTA_CLIENT_ID" "$OKTA_PRIVATE_KEY"
  fi
fi

# Values go into JSON by printf, so refuse anything that would need escaping.
[[ "$domain" =~ ^https://[A-Za-z0-9.:-]+/?$ ]] || { echo "error: OKTA_DOMAIN must look like https://dev-123456.okta.com" >&2; exit 2; }

umask 077
if [[ -n "$oauth" ]]; then
  [[ "$OKTA_CLIENT_ID" =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "error: OKTA_CLIENT_ID has characters a client id never has" >&2; exit 2; }
  key_id="${OKTA_KEY_ID:-${sandbox_key_id:-}}"
  [[ "$key_id" =~ ^[A-Za-z0-9_.-]*$ ]] || { echo "error: OKTA_KEY_ID has characters a key id never has" >&2; exit 2; }
  # A PEM is base64 lines between BEGIN and END lines: nothing JSON must escape but the line breaks.
  ! grep -q '[^A-Za-z0-9+/= -]' "$OKTA_PRIVATE_KEY" || { echo "error: OKTA_PRIVATE_KEY is not a PEM file" >&2; exit 2; }
  pem="$(awk '{ printf "%s\\n", $0 }' "$OKTA_PRIVATE_KEY")"
  printf '{"type":"okta.oauthServiceApp","Domain":"%s","ClientId":"%s","KeyId":"%s","PrivateKey":"%s"}' \
    "${domain%/}" "$OKTA_CLIENT_ID" "$key_id" "$pem" >"$workdir/credentials.json"
  echo "Signing in as the OAuth service app $OKTA_CLIENT_ID" >&2
else
  [[ "$token" =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "error: OKTA_API_TOKEN has characters an Okta token never has" >&2; exit 2; }
  printf '{"Domain":"%s","ApiToken":"%s"}' "${domain%/}" "$token" >"$workdir/credentials.json"
fi
suffix="$(date +%s)$RANDOM"
password="Demo-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')-Qz9"
printf '{"login":"ada.lovelace.%s@example.com","firstName":"Ada","lastName":"Lovelace","password":"%s","group":"%s"}' \
  "$suffix" "$password" "$group" >"$workdir/input.json"

host=("$build/sdk/wfn-host")
plugins=(--plugins "$build/plugins" --credentials "@$workdir/credentials.json")

echo "== onboarding: create, add to $group, read with groups, update, search, delete" >&2
"${host[@]}" workflow packaging/demo/onboarding.workflow.json "${plugins[@]}" --input "@$workdir/input.json"

echo "== offboarding: a leaver in $group is suspended, leaves every group, is deactivated and deleted" >&2
leaver="grace.hopper.$suffix@example.com"
printf '{"UserName":"%s","Email":"%s","FirstName":"Grace","LastName":"Hopper","Password":"%s"}' \
  "$leaver" "$leaver" "$password" >"$workdir/leaver.json"
"${host[@]}" run okta.user.create "${plugins[@]}" --params "@$workdir/leaver.json" >/dev/null
printf '{"GroupName":"%s","UserId":"%s"}' "$group" "$leaver" >"$workdir/membership.json"
"${host[@]}" run okta.group.addUser "${plugins[@]}" --params "@$workdir/membership.json" >/dev/null
printf '{"login":"%s"}' "$leaver" >"$workdir/leaver-input.json"
"${host[@]}" workflow packaging/demo/offboarding.workflow.json "${plugins[@]}" --input "@$workdir/leaver-input.json"
