#!/usr/bin/env bash
# Builds the Debian packages from an already built CMake tree, without
# rebuilding it:
#
#   packaging/build-debs.sh BUILD_DIR OUT_DIR
#
# wfn-okta      wfn-host, its manual page, the Okta plugin bundle and the demo
# wfn-okta-dev  the SDK: headers, static libraries, CMake package, schemas, NODES.md
#
# Each package is staged with `cmake --install --component`, stripped the
# way dh_strip does (the debug information is dropped, not shipped as
# -dbgsym), given its copyright, changelog, lintian overrides (each one
# justified in debian/lintian-overrides) and md5sums, and its Depends are
# computed by dpkg-shlibdeps. Needs dpkg-dev and binutils; no root.
set -euo pipefail

if (( $# != 2 )); then
  echo "usage: $0 BUILD_DIR OUT_DIR" >&2
  exit 2
fi
build_dir="$(cd "$1" && pwd)"
mkdir -p "$2"
out_dir="$(cd "$2" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(dirname "$here")"

cache_value() {
  sed -n "s/^$1:[A-Z]*=//p" "$build_dir/CMakeCache.txt"
}
upstream_version="$(cache_value CMAKE_PROJECT_VERSION)"
# The Debian revision comes from the changelog's top entry.
version="$(sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' "$here/debian/changelog")"
if [[ "$version" != "$upstream_version"-* ]]; then
  echo "$0: packaging/debian/changelog is at $version but the project is at $upstream_version; add a changelog entry" >&2
  exit 1
fi
architecture="$(dpkg --print-architecture)"
triplet="$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null)"
libdir="$(cache_value CMAKE_INSTALL_LIBDIR)"
if [[ "$libdir" != "lib/$triplet" ]]; then
  echo "$0: $build_dir installs libraries to '$libdir', not the multiarch lib/$triplet;" \
       "configure it with -DCMAKE_INSTALL_LIBDIR=lib/$triplet" >&2
  exit 1
fi
maintainer="$(sed -n 's/^ -- \(.*>\)  .*/\1/p' "$here/debian/changelog" | head -n 1)"

work="$out_dir/staging"
rm -rf "$work"
mkdir -p "$work"

stage() {  # stage PACKAGE COMPONENT...
  local package="$1"; shift
  for component in "$@"; do
    DESTDIR="$work/$package" cmake --install "$build_dir" --prefix /usr --component "$component" >/dev/null
  done
}

# The strip options of dh_strip.
strip_elf_files() {  # strip_elf_files ROOT
  local file
  while IFS= read -r -d '' file; do
    case "$(head -c 4 "$file" | od -An -c | tr -d ' ')" in
      177ELF)
        if [[ "$file" == *.so ]]; then
          strip --remove-section=.comment --remove-section=.note --strip-unneeded "$file"
        else
          strip --remove-section=.comment --remove-section=.note "$file"
        fi ;;
      '!<ar')
        strip --strip-debug --remove-section=.comment --remove-section=.note \
              --enable-deterministic-archives "$file" ;;
    esac
  done < <(find "$1" -type f -print0)
}

add_docs() {  # add_docs ROOT PACKAGE
  local doc="$1/usr/share/doc/$2"
  mkdir -p "$doc"
  cp "$here/debian/copyright" "$doc/copyright"
  gzip -9n < "$here/debian/changelog" > "$doc/changelog.Debian.gz"
  mkdir -p "$1/usr/share/lintian/overrides"
  sed "s/@PACKAGE@/$2/" "$here/debian/lintian-overrides" > "$1/usr/share/lintian/overrides/$2"
}

# Files 0644 and folders 0755, as Debian wants them; programs and scripts 0755.
normalise_modes() {  # normalise_modes ROOT
  find "$1" -type d -exec chmod 0755 {} +
  find "$1" -type f -exec chmod 0644 {} +
  local file
  while IFS= read -r -d '' file; do
    if [[ "$file" == "$1/usr/bin/"* || "$(head -c 2 "$file")" == '#!' ]]; then
      chmod 0755 "$file"
    fi
  done < <(find "$1" -type f -print0)
}

# dpkg-shlibdeps reads the source package's debian/control.
shlib_depends() {  # shlib_depends ROOT -> "libc6 (>= 2.34), ..."
  local source="$work/shlibdeps"
  mkdir -p "$source/debian"
  printf 'Source: wfn-okta\n\nPackage: wfn-okta\nArchitecture: any\n' > "$source/debian/control"
  local objects=()
  local file
  while IFS= read -r -d '' file; do
    [[ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" == 177ELF ]] && objects+=("-e$file")
  done < <(find "$1" -type f -print0)
  (cd "$source" && dpkg-shlibdeps -O "${objects[@]}" 2>/dev/null) | sed -n 's/^shlibs:Depends=//p'
}

write_control() {  # write_control ROOT PACKAGE SECTION DEPENDS SUMMARY DESCRIPTION [EXTRA]
  local root="$1" package="$2" section="$3" depends="$4" summary="$5" description="$6" extra="${7:-}"
  mkdir -p "$root/DEBIAN"
  (cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
  local installed_size
  installed_size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
  {
    echo "Package: $package"
    echo "Source: wfn-okta"
    echo "Version: $version"
    echo "Architecture: $architecture"
    echo "Maintainer: $maintainer"
    echo "Installed-Size: $installed_size"
    echo "Depends: $depends"
    [[ -n "$extra" ]] && echo "$extra"
    echo "Section: $section"
    echo "Priority: optional"
    echo "Description: $summary"
    echo "$description" | sed -e 's/^$/./' -e 's/^/ /'
  } > "$root/DEBIAN/control"
  chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
}

# ---- wfn-okta: the runtime package ------------------------------------------
runtime="$work/wfn-okta"
stage wfn-okta host plugins
strip_elf_files "$runtime"
add_docs "$runtime" wfn-okta
mkdir -p "$runtime/usr/share/man/man1"
gzip -9n < "$here/debian/wfn-host.1" > "$runtime/usr/share/man/man1/wfn-host.1.gz"
normalise_modes "$runtime"
# ca-certificates: the Okta plugin verifies an org's certificate against the
# system's trust store, which no library dependency brings in.
write_control "$runtime" wfn-okta net "$(shlib_depends "$runtime"), ca-certificates" \
  "Okta user-management nodes for workflow engines" \
"wfn-okta is a native plugin that gives workflow engines nodes for managing
Okta users and groups: create, get, list, update, lifecycle changes and group
membership, over the Okta management API with retries and rate-limit waits.

This package holds the plugin bundle, the wfn-host command that loads
plugins and runs their nodes or workflows, its manual page and two demo
workflows."

# ---- wfn-okta-dev: the SDK --------------------------------------------------
dev="$work/wfn-okta-dev"
stage wfn-okta-dev sdk
strip_elf_files "$dev"
add_docs "$dev" wfn-okta-dev
cp "$source_dir/plugin/okta/NODES.md" "$dev/usr/share/doc/wfn-okta-dev/NODES.md"
normalise_modes "$dev"
# The static libraries and the CMake package need what find_package(wfnSDK)
# finds (Boost.JSON, the Boost headers including Boost.DLL) and CMake itself;
# static libraries have no shlibs to compute this from.
write_control "$dev" wfn-okta-dev libdevel \
  "cmake (>= 3.25), libboost1.81-dev, libboost-json1.81-dev" \
  "wfn plugin SDK: headers, static libraries and CMake package" \
"The wfn SDK is a C ABI and C++ helpers for writing workflow-node plugins,
and a host library that discovers plugin bundles, checks their manifests,
loads them and runs their nodes.

This package holds the headers, the static libraries, the wfnSDK CMake
package (find_package(wfnSDK)), the manifest JSON Schemas and the Okta
plugin's node reference (NODES.md)." \
  "Recommends: wfn-okta (= $version)"

for package in wfn-okta wfn-okta-dev; do
  dpkg-deb --root-owner-group -Zxz --build "$work/$package" \
    "$out_dir/${package}_${version}_${architecture}.deb" >/dev/null
  echo "$out_dir/${package}_${version}_${architecture}.deb"
done
