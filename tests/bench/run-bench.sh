#!/usr/bin/env bash
# The performance benchmark (issue 6), in one command:
#
#   tests/bench/run-bench.sh            full sizes; figures in build/bench/
#   tests/bench/run-bench.sh --smoke    tiny sizes, one run each (CI: ctest -L bench)
#
# It builds what it needs with the default preset, starts the Okta sandbox
# pinned to CPU 1, seeds it, and runs each scenario for the plugin (wfn-bench
# and wfn-host, through the host library as an engine calls it), Okta's Node
# SDK and wrk, every client pinned to CPU 0. Each figure is the median of
# several runs. It prints one table and writes the same data to
# <out>/results.json (and the table to <out>/results.md).
#
# Options:
#   --smoke              tiny sizes, one run each, no CPU pinning
#   --runs N             runs per figure (default 5; WFN_BENCH_RUNS)
#   --out DIR            where results go (default build/bench)
#   --no-build           use the programs given below instead of building
#   --build-dir DIR      build tree of the default preset (default build/default)
#   --wfn-bench PATH --wfn-host PATH --sandbox PATH --plugins DIR
#                        the programs and the plugin bundle folder to use
#   --no-pin             do not pin the sandbox and the clients to CPUs
#
# Sizes and limits (environment; the defaults are the issue's):
#   WFN_BENCH_SEQ_CALLS=5000        scenario 1 calls
#   WFN_BENCH_CONC_CALLS=20000      scenario 2 calls
#   WFN_BENCH_THREADS=16            scenario 2 threads / calls in flight / wrk connections
#   WFN_BENCH_LIST_USERS=20000      users seeded and listed in scenario 3
#   WFN_BENCH_PAGE_SIZE=200         scenario 3 page size
#   WFN_BENCH_CREATES=1000          scenario 4 creates
#   WFN_BENCH_RATE_LIMIT=100        scenario 4 bucket size ...
#   WFN_BENCH_RATE_WINDOW=10        ... per window of this many seconds
#   WFN_BENCH_BATCH_CONCURRENCY=16  scenario 4 creates in flight (workflow step concurrency)
#   WFN_BENCH_BATCH_RUNS=3          scenario 4 runs (each takes at least the floor)
#   WFN_BENCH_COLD_RUNS=21          scenario 5 fresh processes per client
#   WFN_BENCH_WRK_SECONDS=5         duration of each wrk run
#   WFN_BENCH_CALLGRIND_CALLS=20    scenario 6: warm calls profiled (the median is reported)
#
# Exit status: 0 on success, 77 when a test tool is missing (see
# packaging/install-deps.sh --test), anything else on failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

smoke=0
build=1
pin=1
runs_flag=""
out=""
build_dir="$root/build/default"
wfn_bench=""
wfn_host=""
sandbox=""
plugins=""

while (($#)); do
  case "$1" in
    --smoke) smoke=1 ;;
    --runs) runs_flag="$2"; shift ;;
    --out) out="$2"; shift ;;
    --no-build) build=0 ;;
    --build-dir) build_dir="$2"; shift ;;
    --wfn-bench) wfn_bench="$2"; shift ;;
    --wfn-host) wfn_host="$2"; shift ;;
    --sandbox) sandbox="$2"; shift ;;
    --plugins) plugins="$2"; shift ;;
    --no-pin) pin=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# Every progress line also samples the 1-minute load average, so the table
# can say how busy the machine was during the run (our own sandbox and
# client account for up to 2).
load_samples=()
say() {
  load_samples+=("$(cut -d' ' -f1 /proc/loadavg)")
  echo "==> [${SECONDS}s] $*" >&2
}
skip() { echo "run-bench.sh: $* Install the test tools with packaging/install-deps.sh --test." >&2; exit 77; }

# ---- sizes ---------------------------------------------------------------------
# A smoke run only proves the harness works end to end: tiny sizes, one run,
# and a one-second rate window so scenario 4 still meets its limit.
if ((smoke)); then
  defaults=(1 1 1 20 40 4 45 10 6 3 1 4 1 2)
  pin=0
else
  defaults=(5 3 21 5000 20000 16 20000 200 1000 100 10 16 5 20)
fi
export WFN_BENCH_RUNS="${runs_flag:-${WFN_BENCH_RUNS:-${defaults[0]}}}"
export WFN_BENCH_BATCH_RUNS="${WFN_BENCH_BATCH_RUNS:-${defaults[1]}}"
export WFN_BENCH_COLD_RUNS="${WFN_BENCH_COLD_RUNS:-${defaults[2]}}"
export WFN_BENCH_SEQ_CALLS="${WFN_BENCH_SEQ_CALLS:-${defaults[3]}}"
export WFN_BENCH_CONC_CALLS="${WFN_BENCH_CONC_CALLS:-${defaults[4]}}"
export WFN_BENCH_THREADS="${WFN_BENCH_THREADS:-${defaults[5]}}"
export WFN_BENCH_LIST_USERS="${WFN_BENCH_LIST_USERS:-${defaults[6]}}"
export WFN_BENCH_PAGE_SIZE="${WFN_BENCH_PAGE_SIZE:-${defaults[7]}}"
export WFN_BENCH_CREATES="${WFN_BENCH_CREATES:-${defaults[8]}}"
export WFN_BENCH_RATE_LIMIT="${WFN_BENCH_RATE_LIMIT:-${defaults[9]}}"
export WFN_BENCH_RATE_WINDOW="${WFN_BENCH_RATE_WINDOW:-${defaults[10]}}"
export WFN_BENCH_BATCH_CONCURRENCY="${WFN_BENCH_BATCH_CONCURRENCY:-${defaults[11]}}"
export WFN_BENCH_WRK_SECONDS="${WFN_BENCH_WRK_SECONDS:-${defaults[12]}}"
export WFN_BENCH_CALLGRIND_CALLS="${WFN_BENCH_CALLGRIND_CALLS:-${defaults[13]}}"
export WFN_BENCH_SMOKE="$smoke"
export WFN_BENCH_LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- tools and programs ------------------------------------------------------------
for tool in node wrk valgrind callgrind_annotate; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed."
done
[[ -d "$here/node_modules/@okta/okta-sdk-nodejs" ]] || skip "the Okta Node SDK is not installed in tests/bench/node_modules."

if ((build)); then
  say "building wfn-bench, wfn-host, okta-sandbox and the Okta plugin bundle in $build_dir"
  [[ -f "$build_dir/CMakeCache.txt" ]] || cmake --preset default -S "$root" >/dev/null
  cmake --build "$build_dir" --target wfn-bench wfn-host okta-sandbox wfn_okta_bundle -j "${WFN_BUILD_JOBS:-$(nproc)}"
  built() { find "$build_dir" -type f -name "$1" -perm -u+x -not -path '*/CMakeFiles/*' | head -n 1; }
  wfn_bench="${wfn_bench:-$(built wfn-bench)}"
  wfn_host="${wfn_host:-$(built wfn-host)}"
  sandbox="${sandbox:-$(built okta-sandbox)}"
  plugins="${plugins:-$(sed -n 's/^WFN_BUNDLE_DIR:PATH=//p' "$build_dir/CMakeCache.txt")}"
fi
for program in "$wfn_bench" "$wfn_host" "$sandbox"; do
  [[ -n "$program" && -x "$program" ]] || { echo "run-bench.sh: missing program '${program}' (build it, or pass its path)" >&2; exit 2; }
done
[[ -n "$plugins" && -d "$plugins" ]] || { echo "run-bench.sh: missing plugin folder '${plugins}'" >&2; exit 2; }

out="${out:-$root/build/bench}"
raw="$out/raw"
logs="$out/logs"
rm -rf "$raw" "$logs" "$out/callgrind" "$out/workflow"
mkdir -p "$raw" "$logs" "$out/callgrind" "$out/workflow"

# ---- CPU pinning --------------------------------------------------------------------
# The sandbox gets CPU 1 and every client CPU 0, so neither steals the
# other's cycles. Without two CPUs (or taskset) everything runs unpinned.
server_pin=()
client_pin=()
if ((pin)) && command -v taskset >/dev/null 2>&1 && (($(nproc) >= 2)); then
  server_pin=(taskset -c 1)
  client_pin=(taskset -c 0)
  export WFN_BENCH_PINNED=1
else
  ((pin)) && say "fewer than 2 CPUs or no taskset: running unpinned"
  export WFN_BENCH_PINNED=0
fi

# ---- the sandbox --------------------------------------------------------------------
token="sandbox-api-token"
sandbox_pid=""
stop_sandbox() {
  if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
}
trap stop_sandbox EXIT

say "starting the sandbox"
# One worker thread: it has one CPU to itself. No request log and no
# per-request lines: recording costs the server time that is no client's.
"${server_pin[@]}" "$sandbox" --port 0 --cert-dir "$out/sandbox-certs" --token "$token" --threads 1 --quiet \
  --request-log-limit 0 \
  >"$logs/sandbox.out" 2>"$logs/sandbox.err" &
sandbox_pid=$!
ready_line=""
for ((waited = 0; waited < 300; waited++)); do
  ready_line="$(grep -m1 '^OKTA_SANDBOX_READY ' "$logs/sandbox.out" || true)"
  [[ -n "$ready_line" ]] && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$logs/sandbox.err" >&2; echo "run-bench.sh: the sandbox exited" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$ready_line" ]] || { echo "run-bench.sh: the sandbox was not ready within 30 s" >&2; exit 1; }
org_url="$(sed -n 's/.* url=\([^ ]*\).*/\1/p' <<<"$ready_line")"
ca_file="$(sed -n 's/.* ca=\([^ ]*\).*/\1/p' <<<"$ready_line")"
export NODE_EXTRA_CA_CERTS="$ca_file"
export WFN_BENCH_TOKEN="$token"

admin() { node "$here/node/sandbox-admin.js" "$org_url" "$token" "$@"; }
# Scenarios 1-3 measure speed, not pacing: every bucket is made too large to
# matter. Scenario 4 sets its own limit later.
unlimited='{"usersCollection": 100000000, "userGet": 100000000, "userWrite": 100000000, "windowSeconds": 60}'
admin config "$unlimited" >/dev/null
say "seeding $WFN_BENCH_LIST_USERS users"
admin seed "$WFN_BENCH_LIST_USERS" seed >/dev/null
user_id="$(admin user-id seed1@example.com)"

# ---- running one measurement ------------------------------------------------------------
# measure SCENARIO CLIENT RUN COMMAND...: runs COMMAND pinned to the client
# CPU and keeps the last JSON line it printed as raw/SCENARIO/CLIENT-RUN.json.
measure() {
  local scenario="$1" client="$2" run="$3"
  shift 3
  mkdir -p "$raw/$scenario"
  local log="$logs/$scenario.$client.$run"
  if ! "${client_pin[@]}" "$@" >"$log.out" 2>"$log.err"; then
    echo "run-bench.sh: $scenario ($client, run $run) failed:" >&2
    tail -n 20 "$log.err" >&2
    exit 1
  fi
  grep '^{' "$log.out" | tail -n 1 >"$raw/$scenario/$client-$run.json"
  [[ -s "$raw/$scenario/$client-$run.json" ]] || { echo "run-bench.sh: $scenario ($client) printed no JSON" >&2; exit 1; }
}

plugin_args=(--plugins "$plugins" --org-url "$org_url" --token "$token" --ca "$ca_file" --user-id "$user_id")
node_args=(--org-url "$org_url" --token "$token" --user-id "$user_id")
bench_node=(node "$here/node/bench-node.js")
wrk_url="$org_url/api/v1/users/$user_id"
wrk_get=(wrk -s "$here/wrk/get-user.lua" -d "${WFN_BENCH_WRK_SECONDS}s" --latency)

# ---- scenarios 1, 2, 3: the clients take turns within each run ----------------------------
for ((run = 1; run <= WFN_BENCH_RUNS; run++)); do
  say "run $run/$WFN_BENCH_RUNS: scenario 1, sequential Get a User"
  measure 1-get-sequential plugin "$run" "$wfn_bench" get --threads 1 --calls "$WFN_BENCH_SEQ_CALLS" "${plugin_args[@]}"
  measure 1-get-sequential node "$run" "${bench_node[@]}" get --in-flight 1 --calls "$WFN_BENCH_SEQ_CALLS" "${node_args[@]}"
  measure 1-get-sequential wrk "$run" "${wrk_get[@]}" -c 1 -t 1 "$wrk_url"

  say "run $run/$WFN_BENCH_RUNS: scenario 2, concurrent Get a User"
  measure 2-get-concurrent plugin "$run" "$wfn_bench" get --threads "$WFN_BENCH_THREADS" --calls "$WFN_BENCH_CONC_CALLS" "${plugin_args[@]}"
  measure 2-get-concurrent node "$run" "${bench_node[@]}" get --in-flight "$WFN_BENCH_THREADS" --calls "$WFN_BENCH_CONC_CALLS" "${node_args[@]}"
  # wrk needs at least as many connections as threads; two threads as the issue says.
  measure 2-get-concurrent wrk "$run" "${wrk_get[@]}" -c "$WFN_BENCH_THREADS" -t 2 "$wrk_url"

  say "run $run/$WFN_BENCH_RUNS: scenario 3, Get Many Users with ReturnAll"
  measure 3-list-all plugin "$run" "$wfn_bench" list-all --page-size "$WFN_BENCH_PAGE_SIZE" "${plugin_args[@]}"
  measure 3-list-all node "$run" "${bench_node[@]}" list-all --page-size "$WFN_BENCH_PAGE_SIZE" "${node_args[@]}"
done

# ---- scenario 5: one fresh process per measurement ------------------------------------------
# The plugin trusts the system's roots as a fresh Debian has them, lazily from
# the hashed /etc/ssl/certs. SSL_CERT_FILE or SSL_CERT_DIR, which some images
# set, make it load OpenSSL's way instead: the whole bundle parsed on the first
# call (about 40 ms more; tests/bench/README.md). Node ignores both, so they
# are unset for the plugin here.
say "scenario 5: cold start, $WFN_BENCH_COLD_RUNS fresh processes per client"
for ((run = 1; run <= WFN_BENCH_COLD_RUNS; run++)); do
  measure 5-cold-start plugin "$run" env -u SSL_CERT_FILE -u SSL_CERT_DIR "$wfn_bench" cold-start "${plugin_args[@]}"
  measure 5-cold-start node "$run" "${bench_node[@]}" cold-start "${node_args[@]}"
done

# ---- scenario 6: instructions per Get a User inside the plugin --------------------------------
# One callgrind run of `wfn-bench get` that dumps its counts after every
# plugin_host::run(): dump 1 holds start-up, loading and the warm-up call
# (TLS handshake included), and each further dump exactly one warm call. The
# figure is the median over the warm calls of the inclusive instruction count
# (Ir) of the plugin's execute() trampoline, and of plugin_host::run() around it.
say "scenario 6: callgrind, $WFN_BENCH_CALLGRIND_CALLS warm Get a User calls"
profile="$out/callgrind/get.out"
"${client_pin[@]}" valgrind --tool=callgrind --callgrind-out-file="$profile" \
  --dump-after='wfn::host::plugin_host::run(*' \
  "$wfn_bench" get --threads 1 --calls "$WFN_BENCH_CALLGRIND_CALLS" "${plugin_args[@]}" \
  >"$logs/callgrind.out" 2>"$logs/callgrind.err" ||
  { tail -n 20 "$logs/callgrind.err" >&2; echo "run-bench.sh: the callgrind run failed" >&2; exit 1; }
# Annotations go to files first: stopping early on a pipe would end
# callgrind_annotate with SIGPIPE, which pipefail turns into a failure.
# Only cost lines count (the header repeats the --dump-after pattern).
inclusive_ir() {  # ANNOTATION PATTERN -> inclusive Ir of the costliest function matching PATTERN
  awk -v pattern="$2" '$1 ~ /^[0-9][0-9,]*$/ && index($0, pattern) { gsub(",", "", $1); print $1; exit }' "$1"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
join_by_comma() { local IFS=,; echo "$*"; }
execute_symbol='wfn::detail::(anonymous namespace)::execute('
host_run_symbol='wfn::host::plugin_host::run('
execute_per_call=()
host_run_per_call=()
for ((dump = 2; dump <= WFN_BENCH_CALLGRIND_CALLS + 1; dump++)); do
  annotation="$profile.$dump.inclusive.txt"
  callgrind_annotate --inclusive=yes --threshold=100 "$profile.$dump" >"$annotation" 2>/dev/null
  execute_per_call+=("$(inclusive_ir "$annotation" "$execute_symbol")")
  host_run_per_call+=("$(inclusive_ir "$annotation" "$host_run_symbol")")
  [[ -n "${execute_per_call[-1]}" && -n "${host_run_per_call[-1]}" ]] ||
    { echo "run-bench.sh: no '$execute_symbol' or '$host_run_symbol' in $profile.$dump" >&2; exit 1; }
done
mkdir -p "$raw/6-cpu-per-get"
cat >"$raw/6-cpu-per-get/plugin-1.json" <<EOF
{"client": "plugin", "scenario": "callgrind-get", "warm_calls": $WFN_BENCH_CALLGRIND_CALLS,
 "execute_ir_per_call": $(printf '%s\n' "${execute_per_call[@]}" | median),
 "host_run_ir_per_call": $(printf '%s\n' "${host_run_per_call[@]}" | median),
 "execute_ir_each_call": [$(join_by_comma "${execute_per_call[@]}")],
 "host_run_ir_each_call": [$(join_by_comma "${host_run_per_call[@]}")]}
EOF

# ---- scenario 4: batch create under the rate limit --------------------------------------------
# Configuring the limit also starts every bucket on a fresh window, so each
# run starts with a full bucket; the window begins at the run's first create.
rate_config="{\"usersCollection\": $WFN_BENCH_RATE_LIMIT, \"userGet\": 100000000, \"userWrite\": 100000000, \"windowSeconds\": $WFN_BENCH_RATE_WINDOW}"
for ((run = 1; run <= WFN_BENCH_BATCH_RUNS; run++)); do
  say "run $run/$WFN_BENCH_BATCH_RUNS: scenario 4, $WFN_BENCH_CREATES creates at $WFN_BENCH_RATE_LIMIT per ${WFN_BENCH_RATE_WINDOW}s"
  admin config "$rate_config" >/dev/null
  measure 4-batch-create plugin "$run" node "$here/node/run-workflow-batch.js" --wfn-host "$wfn_host" \
    --plugins "$plugins" --org-url "$org_url" --token "$token" --ca "$ca_file" --work-dir "$out/workflow" \
    --creates "$WFN_BENCH_CREATES" --concurrency "$WFN_BENCH_BATCH_CONCURRENCY" --prefix "bench-wf$run-"
  admin config "$rate_config" >/dev/null
  measure 4-batch-create node "$run" "${bench_node[@]}" batch-create --creates "$WFN_BENCH_CREATES" \
    --in-flight "$WFN_BENCH_BATCH_CONCURRENCY" --prefix "bench-node$run-" "${node_args[@]}"
done

stop_sandbox
export WFN_BENCH_LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
export WFN_BENCH_LOAD_MAX="$(printf '%s\n' "${load_samples[@]}" | sort -g | tail -n 1)"

# ---- the table ---------------------------------------------------------------------------------
node "$here/report/make-report.js" --raw "$raw" --json "$out/results.json" --markdown "$out/results.md"
say "results: $out/results.json and $out/results.md"
