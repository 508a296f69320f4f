#!/usr/bin/env bash
# Peak memory of a workflow forEach over a large org, through wfn-host:
#
#   tests/bench/run-workflow-memory.sh [USERS...]     default: 100000
#
# The workflow lists every user (okta.user.list, ReturnAll) and reads each
# one back (okta.user.get, forEach over steps.list.Users, concurrency 4).
# For each size it starts the sandbox seeded with that many users (no rate
# limit, no request log) and runs the workflow three ways:
#   streamed ndjson  items taken as they are listed, each output printed
#                    as it finishes (--output ndjson)
#   streamed json    items taken as they are listed, outputs kept in the
#                    document
#   collected ndjson "stream": false, the whole list first, outputs printed
#   collected json   "stream": false, the whole list first, outputs kept (the
#                    behaviour before streaming)
# and prints each one's peak RSS (GNU time's %M) and wall time. Needs a built
# default preset (build/default).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${WFN_BUILD_DIR:-$root/build/default}"
sizes=("$@")
((${#sizes[@]})) || sizes=(100000)
script=run-workflow-memory.sh
source "$here/sandbox.sh"

# The sync workflow; $1 is the forEach step's "stream" value.
write_workflow() {
  jq -n --argjson stream "$1" '{name: "sync", steps: [
    {name: "list", node: "okta.user.list", params: {ReturnAll: true}},
    {name: "each", node: "okta.user.get", forEach: "{{ steps.list.Users }}", concurrency: 4, stream: $stream,
     params: {UserId: "{{ item.id }}"}}]}' >"$work/sync.workflow.json"
}

# How many forEach outputs succeeded, from the run's stdout.
succeeded_outputs() {
  if [[ $1 == ndjson ]]; then
    jq -n '[inputs | select(.step == "each" and .output.StatusCode == 200)] | length' "$work/out"
  else
    jq '[.steps[1].outputs[] | select(.StatusCode == 200)] | length' "$work/out"
  fi
}

printf '| users | forEach | output | peak RSS (MiB) | seconds |\n|---:|---|---|---:|---:|\n'
for users in "${sizes[@]}"; do
  start_sandbox "$users"
  for way in "streamed ndjson" "streamed json" "collected ndjson" "collected json"; do
    read -r mode format <<<"$way"
    write_workflow "$([[ $mode == streamed ]] && echo true || echo false)"
    /usr/bin/time -o "$work/time" -f '%M %e' "$host" workflow "$work/sync.workflow.json" \
      --credentials "@$work/credentials.json" --timeout-ms 0 --output "$format" >"$work/out" 2>"$work/err" ||
      { cat "$work/err" >&2; exit 1; }
    read -r rss_kb seconds <"$work/time"
    done_items="$(succeeded_outputs "$format")"
    [[ "$done_items" == "$users" ]] || { echo "run-workflow-memory.sh: $way read $done_items users, not $users" >&2; exit 1; }
    printf '| %s | %s | %s | %s | %s |\n' "$users" "$mode" "$format" \
      "$(awk -v k="$rss_kb" 'BEGIN{printf "%.1f", k/1024}')" "$seconds"
  done
  stop_sandbox
done
