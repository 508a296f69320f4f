#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, then builds
# and tests the release-like build, the ASan+UBSan build and the TSan build,
# runs the fuzzers for a short bounded time and a tiny benchmark smoke run.
#
#   tests/run-all.sh                 everything
#   WFN_TEST_PRESETS="asan" tests/run-all.sh   only some builds
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

packaging/install-deps.sh --test

presets="${WFN_TEST_PRESETS:-default asan tsan}"
jobs="${WFN_BUILD_JOBS:-$(nproc)}"
started=$SECONDS

# TSan only needs what the concurrency-labelled tests run.
tsan_targets=(sdk_test_host_run sdk_test_host_concurrency sdk_test_workflow sdk_test_workflow_streaming wfn_test_bundles
              okta_integration_tests wfn_okta_bundle okta-sandbox)

# Through ccache: packaging.repository_stands_alone builds a copy of the
# repository in another folder, which then reuses the default build's objects
# (the same paths relative to CCACHE_BASEDIR, the folder itself not hashed).
launcher_args=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
  launcher_args=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

for preset in $presets; do
  phase_started=$SECONDS
  echo "==> [$preset] configure and build" >&2
  cmake --preset "$preset" -DWFN_WARNINGS_AS_ERRORS=ON "${launcher_args[@]}" >/dev/null
  echo "==> [$preset] test" >&2
  case "$preset" in
    tsan)
      cmake --build --preset "$preset" -j "$jobs" --target "${tsan_targets[@]}"
      ctest --preset "$preset" -L concurrency -j 2 ;;
    asan)
      # valgrind (the benchmark's instruction count) cannot run ASan binaries.
      cmake --build --preset "$preset" -j "$jobs"
      ctest --preset "$preset" -LE bench -j 2 ;;
    *)
      cmake --build --preset "$preset" -j "$jobs"
      ctest --preset "$preset" -j 2 ;;
  esac
  echo "==> [$preset] done in $((SECONDS - phase_started)) s" >&2
done

if [[ -x tests/fuzz/run-fuzzers.sh && "${WFN_SKIP_FUZZ:-0}" != 1 ]]; then
  phase_started=$SECONDS
  tests/fuzz/run-fuzzers.sh --seconds "${WFN_FUZZ_SECONDS:-20}"
  echo "==> [fuzz] done in $((SECONDS - phase_started)) s" >&2
fi

echo "==> all suites passed in $((SECONDS - started)) s" >&2
