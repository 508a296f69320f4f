#!/usr/bin/env bash
# The shared rate budget scenario (issue 14): 400 creates split across 1, 4
# and 16 `wfn-host workflow` processes (8 in flight each) against a sandbox
# bucket of 100 requests per 10 s, each size without and with the shared
# budget in a private redis-server, then two "hosts" (groups of workers)
# whose clocks are skewed -5 s and +5 s by faketime, with the budget.
# Prints one table: requests the sandbox saw, 429s, failures, elapsed and
# the peak in flight (from the sandbox's /__sandbox/stats).
#
#   tests/bench/run-shared-budget.sh [--build-dir DIR] [--out DIR]
#
# Environment: WFN_SHARED_CREATES=400, WFN_SHARED_PROCESSES="1 4 16",
# WFN_SHARED_CONCURRENCY=8, WFN_SHARED_LIMIT=100, WFN_SHARED_WINDOW=10,
# WFN_SHARED_SKEW_PROCESSES=16 (split over the two skewed hosts).
# Exit status: 0 on success, 77 when redis-server, faketime or node is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build_dir="$root/build/default"
out=""
while (($#)); do
  case "$1" in
    --build-dir) build_dir="$2"; shift ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-shared-budget.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
out="${out:-$build_dir/../bench-shared-budget}"
creates="${WFN_SHARED_CREATES:-400}"
process_counts="${WFN_SHARED_PROCESSES:-1 4 16}"
concurrency="${WFN_SHARED_CONCURRENCY:-8}"
limit="${WFN_SHARED_LIMIT:-100}"
window="${WFN_SHARED_WINDOW:-10}"
skew_processes="${WFN_SHARED_SKEW_PROCESSES:-16}"

for tool in redis-server faketime node; do
  command -v "$tool" >/dev/null || { echo "run-shared-budget.sh: $tool is missing (packaging/install-deps.sh --test)" >&2; exit 77; }
done
wfn_host="$build_dir/sdk/wfn-host"
sandbox_exe="$build_dir/tests/sandbox/okta-sandbox"
plugins="$build_dir/plugins"
for file in "$wfn_host" "$sandbox_exe" "$plugins/okta"; do
  [[ -e "$file" ]] || { echo "run-shared-budget.sh: $file is missing: build the default preset first" >&2; exit 1; }
done

rm -rf "$out" && mkdir -p "$out/work"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
sandbox_pid="" redis_pid=""
cleanup() {
  [[ -n "$sandbox_pid" ]] && kill "$sandbox_pid" 2>/dev/null && wait "$sandbox_pid" 2>/dev/null
  [[ -n "$redis_pid" ]] && kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null
  return 0
}
trap cleanup EXIT

"$sandbox_exe" --quiet --rate-window-seconds "$window" --rate-limit-users-collection "$limit" \
  >"$out/sandbox.ready" 2>"$out/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 200); do grep -q OKTA_SANDBOX_READY "$out/sandbox.ready" && break; sleep 0.05; done
org_url="$(sed -n 's/.*url=\([^ ]*\).*/\1/p' "$out/sandbox.ready")"
ca_file="$(sed -n 's/.*ca=\([^ ]*\).*/\1/p' "$out/sandbox.ready")"
[[ -n "$org_url" ]] || { echo "run-shared-budget.sh: the sandbox did not start" >&2; exit 1; }
export NODE_EXTRA_CA_CERTS="$ca_file"

redis_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$out" >"$out/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 200); do (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null && break; sleep 0.05; done
budget_url="redis://127.0.0.1:$redis_port"

run() {  # label processes budget-url [skews]
  echo "run-shared-budget: $1 (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  node "$here/node/run-shared-budget.js" --wfn-host "$wfn_host" --plugins "$plugins" --org-url "$org_url" \
    --token sandbox-api-token --ca "$ca_file" --work-dir "$out/work/$1" --creates "$creates" \
    --processes "$2" --concurrency "$concurrency" --budget-url "$3" --skew="${4:-}" --label "$1" >>"$out/results.jsonl"
}
for processes in $process_counts; do
  run "$processes processes, per-process pacer" "$processes" ""
  run "$processes processes, shared budget" "$processes" "$budget_url"
done
run "2 hosts (-5 s, +5 s) x $((skew_processes / 2)) processes, shared budget" "$skew_processes" "$budget_url" "-5,5"

floor=$(( (creates + limit - 1) / limit - 1 ))
floor=$(( floor * window ))
node -e '
const fs = require("fs");
const [file, floor, window, load] = process.argv.slice(1);
const rows = fs.readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line));
const lines = [
  `Floor ${floor} s, target <= ${Number(floor) + Number(window)} s; load average before: ${load}.`,
  "",
  "| run | requests the sandbox saw | 429s | failures | elapsed | peak in flight |",
  "|---|---:|---:|---:|---:|---:|",
  ...rows.map((r) => `| ${r.label} | ${r.requests} | ${r.rate_limited} (${(100 * r.rate_limited / r.requests).toFixed(1)}%) | ${r.failures} | ${(r.elapsed_ms / 1000).toFixed(1)} s | ${r.peak_in_flight} |`),
];
fs.writeFileSync(file.replace(/\.jsonl$/, ".md"), lines.join("\n") + "\n");
console.log(lines.join("\n"));
' "$out/results.jsonl" "$floor" "$window" "$load_before"
