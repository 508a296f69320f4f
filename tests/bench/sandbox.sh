# Sourced by the memory benchmarks, after they set $script (their name) and
# $build. It checks the programs they need, makes the scratch folder $work
# (removed at exit with the sandbox stopped), and offers start_sandbox USERS,
# which starts the Okta sandbox seeded with that many users (no rate limit,
# no request log), writes $work/credentials.json and sets $sandbox_url and
# $sandbox_ca, and stop_sandbox.
sandbox="$build/tests/sandbox/okta-sandbox"
host="$build/sdk/wfn-host"
for program in "$sandbox" "$host" /usr/bin/time; do
  [[ -x "$program" ]] || { echo "$script: $program is missing (build the default preset; apt install time)" >&2; exit 77; }
done
sandbox_pid=""
work="$(mktemp -d)"
cleanup() {
  stop_sandbox
  rm -rf "$work"
}
trap cleanup EXIT

start_sandbox() {
  local users="$1" ready waited
  "$sandbox" --port 0 --cert-dir "$work/certs" --token bench-token --threads 1 --quiet --request-log-limit 0 \
    --seed-users "$users" >"$work/sandbox.out" 2>"$work/sandbox.err" &
  sandbox_pid=$!
  for ((waited = 0; waited < 1200; waited++)); do
    grep -q '^OKTA_SANDBOX_READY ' "$work/sandbox.out" && break
    kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.err" >&2; exit 1; }
    sleep 0.1
  done
  ready="$(grep -m1 '^OKTA_SANDBOX_READY ' "$work/sandbox.out")" || { echo "the sandbox was not ready" >&2; exit 1; }
  sandbox_url="$(sed -n 's/.* url=\([^ ]*\).*/\1/p' <<<"$ready")"
  sandbox_ca="$(sed -n 's/.* ca=\([^ ]*\).*/\1/p' <<<"$ready")"
  curl -sf --cacert "$sandbox_ca" -X POST "$sandbox_url/__sandbox/config" -H 'content-type: application/json' \
    -d '{"usersCollection":100000000,"userGet":100000000,"userWrite":100000000,"windowSeconds":60}' >/dev/null
  jq -n --arg domain "$sandbox_url" --rawfile ca "$sandbox_ca" '{Domain: $domain, ApiToken: "bench-token", CaCertificate: $ca}' \
    >"$work/credentials.json"
}

stop_sandbox() {
  if [[ -n "$sandbox_pid" ]]; then
    kill "$sandbox_pid" 2>/dev/null && wait "$sandbox_pid" 2>/dev/null || true
    sandbox_pid=""
  fi
}
