#!/usr/bin/env bash
# packaging.debs: builds the Debian packages from the already built tree,
# holds them to lintian (no error, no warning), unpacks them with dpkg -x
# into a scratch root (no root needed) and checks what a user gets: the
# layout, stripped binaries, no trace of the build folder, and the README's
# third-party plugin built against the unpacked -dev package and run, next
# to the Okta plugin, by the unpacked wfn-host.
#
# Last, the packaged demo workflow runs with the unpacked wfn-host against
# the Okta sandbox (the build's, on a loopback port).
#
#   check_debs.sh BUILD_DIR SOURCE_DIR WORK_DIR OKTA_SANDBOX
set -euo pipefail

build_dir="$1" source_dir="$2" work="$3" sandbox="$4"
rm -rf "$work"
mkdir -p "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in lintian dpkg-deb dpkg-shlibdeps readelf; do
  command -v "$tool" >/dev/null || fail "$tool is not installed; run packaging/install-deps.sh --test"
done

mapfile -t debs < <("$source_dir/packaging/build-debs.sh" "$build_dir" "$work/debs")
(( ${#debs[@]} == 2 )) || fail "expected two packages, got: ${debs[*]}"
runtime_deb="${debs[0]}" dev_deb="${debs[1]}"
[[ "$runtime_deb" == */wfn-okta_* && "$dev_deb" == */wfn-okta-dev_* ]] || fail "unexpected package names: ${debs[*]}"

# ---- lintian ------------------------------------------------------------------
if ! lintian --fail-on error,warning --tag-display-limit 0 "${debs[@]}" > "$work/lintian.txt" 2>&1; then
  cat "$work/lintian.txt" >&2
  fail "lintian reports errors or warnings"
fi

# ---- contents and layout ------------------------------------------------------
triplet="$(dpkg-architecture -qDEB_HOST_MULTIARCH)"
root="$work/root"
dpkg -x "$runtime_deb" "$root"
dpkg -x "$dev_deb" "$root"
expect_in() {  # expect_in DEB PATH...
  local deb="$1"; shift
  local listing
  listing="$(dpkg-deb -c "$deb" | awk '{print $6}')"
  for path in "$@"; do
    grep -qxF "./$path" <<<"$listing" || fail "$(basename "$deb") lacks $path"
  done
}
plugins="usr/lib/$triplet/wfn/plugins"
expect_in "$runtime_deb" usr/bin/wfn-host usr/share/man/man1/wfn-host.1.gz \
  "$plugins/com.wfn.okta/manifest.json" "$plugins/com.wfn.okta/libwfn_okta.so" \
  usr/share/doc/wfn-okta/copyright usr/share/doc/wfn-okta/changelog.Debian.gz
expect_in "$dev_deb" usr/include/wfn/plugin.hpp usr/include/wfn/host.hpp \
  "usr/lib/$triplet/libwfn_host.a" "usr/lib/$triplet/cmake/wfnSDK/wfnSDKConfig.cmake" \
  "usr/lib/$triplet/cmake/wfnSDK/WfnPlugin.cmake" usr/share/doc/wfn-okta-dev/NODES.md \
  usr/share/doc/wfn-okta-dev/copyright usr/share/doc/wfn-okta-dev/changelog.Debian.gz
# Debian's split: nothing for building in the runtime package.
if dpkg-deb -c "$runtime_deb" | awk '{print $6}' | grep -E '^\./usr/include/|\.a$|/cmake/'; then
  fail "the runtime package holds development files"
fi
if dpkg-deb -c "$dev_deb" | awk '{print $6}' | grep -E '^\./usr/bin/|\.so$'; then
  fail "the -dev package holds runtime files"
fi
for binary in "$root/usr/bin/wfn-host" "$root/$plugins/com.wfn.okta/libwfn_okta.so"; do
  if readelf -S "$binary" | grep -qE '\.debug_|\.symtab'; then
    fail "$binary is not stripped"
  fi
done
runtime_depends="$(dpkg-deb -f "$runtime_deb" Depends)"
for needed in libc6 libstdc++6 libssl3 libboost-json1.81.0 ca-certificates; do
  tr ',' '\n' <<<"$runtime_depends" | sed 's/^ *//; s/ .*//' | grep -qxF "$needed" || fail "wfn-okta's Depends lacks $needed: $runtime_depends"
done

# ---- no build or source folder in any installed file ----------------------------
build_real="$(cd "$build_dir" && pwd -P)"
source_real="$(cd "$source_dir" && pwd -P)"
if found="$(grep -rlF -e "$build_real" -e "$build_dir" -e "$source_real/" "$root")"; then
  fail "installed files name the build folder $build_real or the sources $source_real: $found"
fi

# ---- the README's third-party plugin, built against the unpacked -dev ------------
# The section's files, each a fenced block right after a line **`path`**.
project="$work/third-party"
awk -v out="$project" '
  /^### Building a third-party plugin/ { in_section = 1; next }
  in_section && /^##/ { in_section = 0 }
  !in_section { next }
  match($0, /^\*\*`[^`]+`\*\*$/) { file = substr($0, 4, length($0) - 6); next }
  /^```/ {
    if (writing) { writing = 0; close(path); file = ""; next }
    if (file != "") { path = out "/" file; system("mkdir -p \"$(dirname \"" path "\")\""); printf "" > path; writing = 1 }
    next
  }
  writing { print >> path }
' "$source_dir/README.md"
for file in CMakeLists.txt hello_plugin.cpp bundle/manifest.json bundle/nodes/hello.greet.json; do
  [[ -s "$project/$file" ]] || fail "the README's third-party section has no $file snippet"
done
cmake -S "$project" -B "$work/third-party-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  "-DCMAKE_PREFIX_PATH=$root/usr" "-DCMAKE_INSTALL_PREFIX=$root/usr" > "$work/third-party.log" 2>&1 ||
  { cat "$work/third-party.log" >&2; fail "the README's plugin does not configure against the unpacked SDK"; }
cmake --build "$work/third-party-build" >> "$work/third-party.log" 2>&1 ||
  { cat "$work/third-party.log" >&2; fail "the README's plugin does not build against the unpacked SDK"; }
cmake --install "$work/third-party-build" >> "$work/third-party.log" 2>&1 ||
  { cat "$work/third-party.log" >&2; fail "the README's plugin does not install"; }
[[ -f "$root/usr/lib/wfn/plugins/org.example.hello/manifest.json" ]] ||
  fail "the README's plugin did not install into a folder named after its id: $(find "$root/usr/lib/wfn" -maxdepth 3)"

wfn_host() { env -u WFN_PLUGINS_DIR -u WFN_PLUGINS_PATH "$root/usr/bin/wfn-host" "$@"; }
listing="$(wfn_host list)"
grep -qE '^hello\.greet +v1 +Greet +org\.example\.hello 0\.1\.0' <<<"$listing" || fail "wfn-host list lacks hello.greet: $listing"
grep -qE '^okta\.user\.get ' <<<"$listing" || fail "wfn-host list lacks the Okta nodes: $listing"
output="$(wfn_host run hello.greet --params '{"Name":"Ada"}')"
grep -q '"Greeting"' <<<"$output" || fail "hello.greet did not answer: $output"

# ---- WFN_PLUGINS_PATH comes first; the later copy is reported, not loaded --------
mine="$work/my-plugins"
mkdir -p "$mine"
cp -r "$root/usr/lib/wfn/plugins/org.example.hello" "$mine/"
listing="$(WFN_PLUGINS_PATH="$mine" "$root/usr/bin/wfn-host" list 2> "$work/list-stderr.txt")"
(( $(grep -c '^hello\.greet ' <<<"$listing") == 1 )) || fail "hello.greet is not listed once: $listing"
grep -q "already loaded from $mine/org.example.hello" "$work/list-stderr.txt" ||
  fail "the installed copy was not reported: $(cat "$work/list-stderr.txt")"

# ---- an install over another plugin's bundle fails ------------------------------
rm -rf "$root/usr/lib/wfn/plugins/org.example.hello"
mkdir -p "$root/usr/lib/wfn/plugins/org.example.hello"
printf '{"id": "org.example.other"}\n' > "$root/usr/lib/wfn/plugins/org.example.hello/manifest.json"
if cmake --install "$work/third-party-build" > "$work/collision.log" 2>&1; then
  fail "installing over another plugin's bundle succeeded"
fi
grep -q "holds plugin 'org.example.other'" "$work/collision.log" || fail "unclear collision message: $(cat "$work/collision.log")"
[[ ! -e "$root/usr/lib/wfn/plugins/org.example.hello/libwfn_hello.so" ]] || fail "the refused install copied its library"

# ---- the TGZ works wherever it is unpacked -----------------------------------------
(cd "$build_dir" && cpack -G TGZ -B "$work/tgz" > "$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
mkdir -p "$work/moved/somewhere/else"
tar -xzf "$work"/tgz/*.tar.gz -C "$work/moved/somewhere/else" --strip-components=1
listing="$(env -u WFN_PLUGINS_DIR -u WFN_PLUGINS_PATH "$work/moved/somewhere/else/bin/wfn-host" list)"
grep -qE '^okta\.user\.get ' <<<"$listing" || fail "the moved TGZ's wfn-host does not find its Okta plugin: $listing"

# ---- the packaged demo, run by the unpacked wfn-host -----------------------------
demo="$root/usr/share/wfn/demo"
[[ -f "$demo/README" && ! -e "$demo/run-demo.sh" ]] || fail "the demo folder should hold the workflows and a README only"
mkfifo "$work/sandbox.fifo"
"$sandbox" --quiet --group wfn-demo > "$work/sandbox.fifo" &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true' EXIT
exec {sandbox_out}< "$work/sandbox.fifo"
ready=""
while IFS= read -r line <&"$sandbox_out"; do
  [[ "$line" == OKTA_SANDBOX_READY* ]] && { ready="$line"; break; }
done
[[ -n "$ready" ]] || fail "the Okta sandbox did not start"
url="$(sed -E 's/.* url=([^ ]+).*/\1/' <<<"$ready")"
ca="$(sed -E 's/.* ca=([^ ]+).*/\1/' <<<"$ready")"
output="$(SSL_CERT_FILE="$ca" wfn_host workflow "$demo/onboarding.workflow.json" \
  --credentials "{\"Domain\":\"$url\",\"ApiToken\":\"sandbox-api-token\"}" \
  --input '{"login":"ada.lovelace@example.com","firstName":"Ada","lastName":"Lovelace","password":"Demo-7f3a9c1e-Qz9","group":"wfn-demo"}')" ||
  fail "the packaged onboarding workflow failed: $output"
grep -q '"succeeded": *true' <<<"$output" || fail "the packaged onboarding workflow did not succeed: $output"

echo "packaging.debs: both packages are lintian-clean and the README's plugin runs from them"
