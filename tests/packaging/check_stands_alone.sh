#!/usr/bin/env bash
# packaging.repository_stands_alone: the repository's files (git ls-files),
# copied into a fresh temporary folder with nothing beside them, configure,
# build the Okta sandbox and pass the sandbox fidelity tests, with
# OKTA_OPENAPI_SPEC unset: nothing outside the copy is needed.
# The already installed tests/fidelity/node_modules is copied too (no network).
# The build goes through the same compiler launcher (ccache) as the enclosing
# one; with CCACHE_BASEDIR at the copy and the same build folder layout, it
# reuses what that build compiled.
#
#   check_stands_alone.sh SOURCE_DIR WARNINGS_AS_ERRORS C_COMPILER CXX_COMPILER [LAUNCHER]
set -euo pipefail

source_dir="$1" warnings_as_errors="$2" c_compiler="$3" cxx_compiler="$4" launcher="${5:-}"
jobs="${WFN_BUILD_JOBS:-2}"

fail() { echo "FAIL: $*" >&2; exit 1; }
step_started=$SECONDS
step() { echo "==> $* (after $((SECONDS - step_started)) s)"; }

command -v git >/dev/null || fail "git is not installed"
[[ -d "$source_dir/tests/fidelity/node_modules" ]] ||
  fail "tests/fidelity/node_modules is missing; run: npm ci --prefix $source_dir/tests/fidelity"
if [[ -z "$launcher" ]] && command -v ccache >/dev/null; then launcher=ccache; fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/wfn-stands-alone.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
copy="$scratch/repo"
mkdir "$copy"
[[ "$copy" != "$source_dir"/* ]] || fail "the scratch folder $scratch is inside the repository"

step "copying the repository's files into $copy"
# Tracked files that exist in the work tree (a deletion not yet committed is gone).
git -C "$source_dir" ls-files -z | while IFS= read -r -d '' file; do
  if [[ -e "$source_dir/$file" || -L "$source_dir/$file" ]]; then printf '%s\0' "$file"; fi
done | tar -C "$source_dir" --null -T - -cf - | tar -C "$copy" -xf -
cp -a "$source_dir/tests/fidelity/node_modules" "$copy/tests/fidelity/"
[[ "$(ls -A "$scratch")" == repo ]] || fail "something besides the copy is in $scratch"
logs="$copy/build/stands-alone-logs"
mkdir -p "$logs"

# Nothing from the enclosing run may point outside the copy.
unset OKTA_OPENAPI_SPEC OKTA_SANDBOX_RECORD
export CCACHE_BASEDIR="$copy" CCACHE_NOHASHDIR=true

step "configuring"
launch_args=()
if [[ -n "$launcher" ]]; then
  launch_args=("-DCMAKE_C_COMPILER_LAUNCHER=$launcher" "-DCMAKE_CXX_COMPILER_LAUNCHER=$launcher")
fi
(cd "$copy" && cmake --preset default -DWFN_WARNINGS_AS_ERRORS="$warnings_as_errors" \
  -DCMAKE_C_COMPILER="$c_compiler" -DCMAKE_CXX_COMPILER="$cxx_compiler" "${launch_args[@]}" > "$logs/configure.log") ||
  { cat "$logs/configure.log"; fail "the copy does not configure"; }
build="$copy/build/default"

step "building okta-sandbox (launcher: ${launcher:-none})"
cmake --build "$build" --target okta-sandbox --parallel "$jobs" > "$logs/build.log" 2>&1 ||
  { tail -50 "$logs/build.log"; fail "the copy does not build okta-sandbox"; }

step "running the fidelity tests"
ctest --test-dir "$build" -R '^okta_sandbox\.fidelity\.' --no-tests=error --output-on-failure > "$logs/ctest.log" 2>&1 ||
  { cat "$logs/ctest.log"; fail "the fidelity tests fail in the copy"; }
cat "$logs/ctest.log"
for test in okta_sandbox.fidelity.record_start okta_sandbox.fidelity.sdk okta_sandbox.fidelity.schema \
            okta_sandbox.fidelity.schema_reports_a_broken_answer; do
  grep -Eq "Test +#[0-9]+: $test \.+ +Passed" "$logs/ctest.log" || fail "$test did not run and pass in the copy"
done

step "checking that the copy read nothing outside itself"
test_log="$build/Testing/Temporary/LastTest.log"
grep -qF "OKTA_OPENAPI_SPEC is not set" "$test_log" || fail "the schema check did not run without OKTA_OPENAPI_SPEC"
grep -qF "(@okta/openapi, $copy/tests/fidelity/node_modules/@okta/openapi/dist/spec.json)" "$test_log" ||
  fail "the schema check did not read the spec from the copy's node_modules"
if grep -rlF "$source_dir" "$build" --include=CMakeCache.txt --include=build.ninja --include=CTestTestfile.cmake >&2; then
  fail "these generated files of the copy name the original repository"
fi
step "done"
