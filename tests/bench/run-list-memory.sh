#!/usr/bin/env bash
# Peak memory of a ReturnAll over a large org, through wfn-host:
#
#   tests/bench/run-list-memory.sh [USERS...]     default: 100000 1000000
#
# For each size it starts the sandbox seeded with that many users (no rate
# limit, no request log), lists them all once with `--output ndjson` (items
# streamed) and once with the default `--output json` (the whole output),
# and prints the peak RSS of each (GNU time's %M), the ratio json/ndjson and
# the output's size. Needs a built default preset (build/default).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${WFN_BUILD_DIR:-$root/build/default}"
sizes=("$@")
((${#sizes[@]})) || sizes=(100000 1000000)
script=run-list-memory.sh
source "$here/sandbox.sh"

printf '| users | output | peak RSS (MiB) | stdout (MB) | seconds |\n|---:|---|---:|---:|---:|\n'
for users in "${sizes[@]}"; do
  start_sandbox "$users"
  for format in ndjson json; do
    /usr/bin/time -o "$work/time" -f '%M %e' "$host" run okta.user.list --params '{"ReturnAll":true}' \
      --credentials "@$work/credentials.json" --timeout-ms 0 --output "$format" >"$work/out" 2>"$work/err" ||
      { cat "$work/err" >&2; exit 1; }
    read -r rss_kb seconds <"$work/time"
    items=$([[ $format == ndjson ]] && echo $(($(wc -l <"$work/out") - 1)) || jq '.Users | length' "$work/out")
    [[ "$items" == "$users" ]] || { echo "run-list-memory.sh: $format listed $items users, not $users" >&2; exit 1; }
    bytes=$(wc -c <"$work/out")
    printf '| %s | %s | %s | %s | %s |\n' "$users" "$format" "$(awk -v k="$rss_kb" 'BEGIN{printf "%.1f", k/1024}')" \
      "$(awk -v b="$bytes" 'BEGIN{printf "%.0f", b/1e6}')" "$seconds"
  done
  stop_sandbox
done
