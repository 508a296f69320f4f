#!/usr/bin/env bash
# Peak memory of a ReturnAll over a large org, through wfn-host:
#
#   tests/bench/run-list-memory.sh [USERS...]     default: 100000 1000000
#
# For each size it starts the sandbox seeded with that many users (no rate
# limit, no request log), lists them all once with `--output ndjson` (items
# streamed) and once with the default `--output json` (the whole output),
# and prints the peak RSS of each (GNU time's %M) and the output's size.
# Then the same list through the host library's streaming run (wfn-bench
# list-stream, items to a sink that counts them): its peak RSS growth over
# the loaded, connected process. Needs a built default preset (build/default).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${WFN_BUILD_DIR:-$root/build/default}"
sizes=("$@")
((${#sizes[@]})) || sizes=(100000 1000000)
script=run-list-memory.sh
source "$here/sandbox.sh"
bench="$build/tests/bench/wfn-bench"
[[ -x "$bench" ]] || { echo "$script: $bench is missing (build the default preset)" >&2; exit 77; }
plugins="$(sed -n 's/^WFN_BUNDLE_DIR:PATH=//p' "$build/CMakeCache.txt")"

printf '| users | output | peak RSS (MiB) | stdout (MB) | seconds |\n|---:|---|---:|---:|---:|\n'
library_rows=()
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
  first_user="$(curl -sf --cacert "$sandbox_ca" -H 'Authorization: SSWS bench-token' \
    "$sandbox_url/api/v1/users?limit=1" | jq -r '.[0].id')"
  "$bench" list-stream --plugins "$plugins" --org-url "$sandbox_url" --token bench-token --ca "$sandbox_ca" \
    --user-id "$first_user" --timeout-ms 0 >"$work/stream.json" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  streamed="$(jq .users "$work/stream.json")"
  [[ "$streamed" == "$users" ]] || { echo "$script: list-stream took $streamed users, not $users" >&2; exit 1; }
  library_rows+=("$(jq -r '"| \(.users) | \(.peak_growth_bytes / 1048576 * 10 | round / 10) | \(.peak_rss_bytes / 1048576 * 10 | round / 10) | \(.elapsed_ms / 100 | round / 10) |"' "$work/stream.json")")
  stop_sandbox
done

printf '\nThrough the host library (run_streaming into a counting sink):\n\n'
printf '| users | peak RSS growth (MiB) | peak RSS (MiB) | seconds |\n|---:|---:|---:|---:|\n'
printf '%s\n' "${library_rows[@]}"
