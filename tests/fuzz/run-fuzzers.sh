#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with Clang in a build folder of
# their own and runs each for a bounded time on a fresh copy of its seed
# corpus. Prints, per target, the executions reached and whether it crashed;
# exits non-zero if any target crashed, leaving the crash input's path in
# the output.
#
#   tests/fuzz/run-fuzzers.sh                        every target, 60 s each
#   tests/fuzz/run-fuzzers.sh --seconds 600          a longer hunt
#   tests/fuzz/run-fuzzers.sh --seconds 20 link_header okta_answer
#   tests/fuzz/run-fuzzers.sh --build-dir /tmp/fuzz  another build folder
#
# Reproduce a crash:  <build-dir>/tests/fuzz/fuzz_<target> <crash file>
# Environment: WFN_BUILD_JOBS (default: nproc), CC/CXX (default: clang/clang++).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fuzz_src="$root/tests/fuzz"
all_targets=(link_header okta_answer node_params bundle_manifest abi_execute)

seconds=60
build_dir="$root/build/fuzz"
targets=()

usage() {
    sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

while (($#)); do
    case "$1" in
        --seconds)
            [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { echo "run-fuzzers: --seconds needs a positive whole number" >&2; exit 2; }
            seconds="$2"; shift 2 ;;
        --seconds=*)
            seconds="${1#*=}"
            [[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "run-fuzzers: --seconds needs a positive whole number" >&2; exit 2; }
            shift ;;
        --build-dir)
            [[ $# -ge 2 ]] || { echo "run-fuzzers: --build-dir needs a folder" >&2; exit 2; }
            build_dir="$2"; shift 2 ;;
        --build-dir=*) build_dir="${1#*=}"; shift ;;
        -h|--help) usage ;;
        -*) echo "run-fuzzers: unknown option $1" >&2; usage ;;
        *)
            if [[ ! " ${all_targets[*]} " =~ " $1 " ]]; then
                echo "run-fuzzers: unknown target $1 (targets: ${all_targets[*]})" >&2
                exit 2
            fi
            targets+=("$1"); shift ;;
    esac
done
((${#targets[@]})) || targets=("${all_targets[@]}")
build_dir="$(realpath -m "$build_dir")"

# ---- the Clang build ---------------------------------------------------------
cc="${CC:-clang}"
cxx="${CXX:-clang++}"
if ! command -v "$cxx" >/dev/null || ! command -v "$cc" >/dev/null; then
    echo "run-fuzzers: $cxx (Clang, which brings libFuzzer) is not installed." >&2
    echo "  Install it with: packaging/install-deps.sh --test   (clang and libclang-rt-14-dev)" >&2
    exit 1
fi
if ! "$cxx" --version 2>/dev/null | grep -qi clang; then
    echo "run-fuzzers: $cxx is not Clang; libFuzzer needs Clang. Set CXX=clang++ CC=clang." >&2
    exit 1
fi
# Clang without its runtime libraries only fails at the first link, cryptically.
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' \
        | "$cxx" -x c++ -fsanitize=fuzzer,address,undefined - -o "$probe/probe" 2>"$probe/error"; then
    echo "run-fuzzers: $cxx cannot link a libFuzzer target with ASan and UBSan:" >&2
    head -n 5 "$probe/error" >&2
    echo "  Install the runtimes with: packaging/install-deps.sh --test   (libclang-rt-14-dev)" >&2
    exit 1
fi

cache="$build_dir/CMakeCache.txt"
if [[ -f "$cache" ]] && ! grep -q '^WFN_FUZZ:BOOL=ON' "$cache"; then
    echo "run-fuzzers: $build_dir is a build folder without WFN_FUZZ=ON (another build's?)." >&2
    echo "  The fuzz build instruments every library; give it its own folder with --build-dir." >&2
    exit 1
fi
started=$SECONDS
echo "==> [fuzz] configure and build in $build_dir" >&2
if [[ -f "$cache" ]]; then
    cmake -S "$root" -B "$build_dir" -DWFN_FUZZ=ON >/dev/null
else
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWFN_FUZZ=ON >/dev/null
fi
cmake --build "$build_dir" --target wfn_fuzzers -j "${WFN_BUILD_JOBS:-$(nproc)}"
echo "==> [fuzz] built in $((SECONDS - started)) s; running ${#targets[@]} target(s) for $seconds s each" >&2

# ---- the runs ------------------------------------------------------------------
work="$build_dir/tests/fuzz/work"
mkdir -p "$work/tmp"
# The manifest fuzzer writes its bundle folders here; leftovers of a killed
# run go with the next one.
export TMPDIR="$work/tmp"
find "$TMPDIR" -mindepth 1 -maxdepth 1 -name 'wfn-fuzz-*' -exec rm -rf {} +
if [[ -z "${ASAN_SYMBOLIZER_PATH:-}" ]] && command -v llvm-symbolizer >/dev/null; then
    export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer)"
fi
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

failed=0
summary=()
for target in "${targets[@]}"; do
    binary="$build_dir/tests/fuzz/fuzz_$target"
    corpus="$work/$target/corpus"
    artifacts="$work/$target/artifacts"
    log="$work/$target/fuzz.log"
    rm -rf "$corpus"
    mkdir -p "$corpus" "$artifacts"
    cp "$fuzz_src/corpus/$target/"* "$corpus/"
    options=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
             -artifact_prefix="$artifacts/")
    [[ -f "$fuzz_src/dict/$target.dict" ]] && options+=(-dict="$fuzz_src/dict/$target.dict")

    echo "==> [fuzz] $target" >&2
    status=0
    "$binary" "${options[@]}" "$corpus" >"$log" 2>&1 || status=$?
    executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    crash_file="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)"
    if ((status == 0)); then
        summary+=("$(printf '%-16s %12s executions  ok' "$target" "${executions:-?}")")
    else
        failed=1
        # The report itself: the sanitizer's or the oracle's message and stack.
        report="$(grep -E -A 40 -m 1 '(==[0-9]+==ERROR|runtime error:|fuzz oracle failed|ERROR: libFuzzer)' "$log" || true)"
        if [[ -n "$report" ]]; then
            head -n 60 <<<"$report" >&2
        else
            tail -n 40 "$log" >&2
        fi
        summary+=("$(printf '%-16s %12s executions  CRASHED (exit %d): %s' "$target" "${executions:-?}" "$status" \
                     "${crash_file:-no input saved, see $log}")")
    fi
done

echo "==> [fuzz] results ($seconds s per target; logs and crash inputs under $work)" >&2
printf '  %s\n' "${summary[@]}" >&2
if ((failed)); then
    echo "==> [fuzz] FAILED: reproduce with $build_dir/tests/fuzz/fuzz_<target> <crash file>" >&2
    exit 1
fi
