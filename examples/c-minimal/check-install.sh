#!/usr/bin/env bash
# Prove that an installed libboussole is usable by an out-of-tree program:
#   1. configure and build libboussole from SOURCE_ROOT into a temporary
#      directory, `meson install` it into a temporary prefix;
#   2. check the installed files (libraries, headers, boussole.pc, CLI, man page);
#   3. copy this example out of the tree and build it with its Makefile,
#      finding the library only through pkg-config (PKG_CONFIG_PATH), run it
#      on examples/usecases/signalements-voirie.json;
#   4. link it statically (pkg-config --static) and run that too.
#
# Usage: examples/c-minimal/check-install.sh [SOURCE_ROOT]
# Exit status 0 on success, 77 (skip) without make, 1 on any failure.
# CI runs it as the meson test 'install' (tests/meson.build).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "${1:-$here/../..}" && pwd)
usecase=$root/examples/usecases/signalements-voirie.json

for tool in meson ninja pkg-config make cc readelf; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool not found"
        exit 77
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bsl-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "meson setup + install into $prefix"
# Only what an installation needs: no tests, no fuzzers. libdir=lib keeps the
# layout the same on every distribution.
meson setup "$tmp/build" "$root" --prefix "$prefix" --libdir lib \
    -Dtests=false -Dwerror=true >"$tmp/setup.log" 2>&1 ||
    { cat "$tmp/setup.log"; fail "meson setup"; }
ninja -C "$tmp/build" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "ninja"; }
meson install -C "$tmp/build" --no-rebuild >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; fail "meson install"; }

step "installed files"
version=$(meson introspect "$tmp/build" --projectinfo |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])')
major=${version%%.*}
for f in include/boussole.h include/boussole/version.h \
         lib/libboussole.so "lib/libboussole.so.$major" "lib/libboussole.so.$version" \
         lib/libboussole.a lib/pkgconfig/boussole.pc \
         bin/boussole share/man/man1/boussole.1 share/doc/libboussole/api.md; do
    [ -e "$prefix/$f" ] || fail "not installed: $f"
    echo "   $f"
done
grep -q "BSL_VERSION_STRING \"$version\"" "$prefix/include/boussole/version.h" ||
    fail "installed boussole/version.h does not say $version"
soname=$(readelf -d "$prefix/lib/libboussole.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = "libboussole.so.$major" ] || fail "SONAME '$soname', want libboussole.so.$major"
LD_LIBRARY_PATH=$prefix/lib "$prefix/bin/boussole" --version | grep -qx "boussole (libboussole) $version" ||
    fail "installed boussole --version"

step "pkg-config"
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
unset PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR || true
[ "$(pkg-config --modversion boussole)" = "$version" ] || fail "pkg-config --modversion"
echo "   cflags: $(pkg-config --cflags boussole)"
echo "   libs:   $(pkg-config --libs boussole)"
echo "   static: $(pkg-config --static --libs boussole)"

# The example is built out of the tree, so nothing can come from it by accident.
mkdir "$tmp/example"
cp "$here/Makefile" "$here/intake.c" "$tmp/example/"
cflags="-O2 -g -std=c11 -Wall -Wextra -pedantic -Werror"

check_output() { # $1: program output file
    grep -q '^Verdict: .*(favorable_with_reservations)$' "$1" || fail "verdict in $1"
    grep -q '^Score:    81\.2/100$' "$1" || fail "score in $1"
    grep -q '^  - \[reservation\] ' "$1" || fail "reservation in $1"
    grep -q '^      -> energy_kwh_per_year: ' "$1" || fail "remediation in $1"
    grep -q "libboussole $version\$" "$1" || fail "library version in $1"
}

step "shared: make intake"
make -C "$tmp/example" intake CFLAGS="$cflags" || fail "make intake"
readelf -d "$tmp/example/intake" | grep -q "Shared library: \[libboussole.so.$major\]" ||
    fail "intake does not link libboussole.so.$major"
rc=0
LD_LIBRARY_PATH=$prefix/lib "$tmp/example/intake" --lang en "$usecase" >"$tmp/shared.txt" || rc=$?
[ $rc -eq 0 ] || { cat "$tmp/shared.txt"; fail "intake (shared) exited $rc"; }
cat "$tmp/shared.txt"
check_output "$tmp/shared.txt"

step "shared: errors give a non-zero exit status"
if LD_LIBRARY_PATH=$prefix/lib "$tmp/example/intake" "$tmp/missing.json" 2>"$tmp/err.txt"; then
    fail "intake succeeded on a missing file"
fi
printf '{"id": "x", "title": "t", "facts": {"hosting": }}' >"$tmp/bad.json"
if LD_LIBRARY_PATH=$prefix/lib "$tmp/example/intake" "$tmp/bad.json" 2>>"$tmp/err.txt"; then
    fail "intake succeeded on invalid JSON"
fi
grep -q "bad.json:1:[0-9]*: error: " "$tmp/err.txt" || { cat "$tmp/err.txt"; fail "error position"; }
cat "$tmp/err.txt"

step "static: make intake-static"
make -C "$tmp/example" intake-static CFLAGS="$cflags" || fail "make intake-static"
if readelf -d "$tmp/example/intake-static" 2>/dev/null | grep -q 'libboussole'; then
    fail "intake-static still needs libboussole.so"
fi
# No LD_LIBRARY_PATH: the static program must not need the installed .so.
rc=0
"$tmp/example/intake-static" --lang en "$usecase" >"$tmp/static.txt" || rc=$?
[ $rc -eq 0 ] || { cat "$tmp/static.txt"; fail "intake-static exited $rc"; }
cmp -s "$tmp/shared.txt" "$tmp/static.txt" || fail "static and shared outputs differ"

if command -v c++ >/dev/null 2>&1; then
    step "C++: the installed header compiles and links as C++"
    printf '%s\n' '#include <boussole.h>' \
        'int main() { return bsl_version_number() == BSL_VERSION_NUMBER ? 0 : 1; }' >"$tmp/cxx.cpp"
    # shellcheck disable=SC2046
    c++ -std=c++11 -Wall -Wextra -pedantic -Werror -o "$tmp/cxx" "$tmp/cxx.cpp" \
        $(pkg-config --cflags --libs boussole) || fail "C++ build against the installed header"
    LD_LIBRARY_PATH=$prefix/lib "$tmp/cxx" || fail "C++ program: header and library versions differ"
fi

# The Python package is installed for each python3 of the machine (the one
# first on PATH and Debian's /usr/bin/python3), in the directory that
# interpreter uses for this prefix (bindings/python/install_dir.py). Each must
# import it from there -- not from the source tree: PYTHONPATH unset -- and
# score without any environment variable, finding the library through the
# directory recorded at configure time.
pythons=()
for py in "$(command -v python3 || true)" /usr/bin/python3; do
    [ -n "$py" ] && [ -x "$py" ] || continue
    case " ${pythons[*]-} " in *" $py "*) ;; *) pythons+=("$py") ;; esac
done
if [ -e "$tmp/build/bindings/python/_config.py" ]; then
    for py in "${pythons[@]}"; do
        site=$(env -u PYTHONPATH "$py" "$root/bindings/python/install_dir.py" --for-prefix "$prefix")
        step "Python: $py imports the package installed in $site"
        [ -e "$site/boussole/__init__.py" ] || fail "no boussole package in $site (for $py)"
        (unset BOUSSOLE_LIBRARY PYTHONPATH PYTHONHOME
         cd "$tmp" && "$py" - "$site" "$usecase" "$version" <<'PY'
import os
import pathlib
import sys
where, usecase, version = sys.argv[1:4]
sys.path.insert(0, where)   # before a boussole installed for real, if any
import boussole
assert os.path.dirname(os.path.dirname(os.path.abspath(boussole.__file__))) == where, boussole.__file__
assert boussole.__version__ == version, (boussole.__version__, version)
fw = boussole.Framework.default()
r = fw.evaluate(pathlib.Path(usecase), lang="en")
assert str(r.verdict) == "favorable_with_reservations", r.verdict
assert r.score == 81.2, r.score
print("   import boussole:", boussole.__version__, r.verdict, r.score, "from", boussole.__file__)
PY
        ) || fail "installed Python package, for $py"
    done
fi

echo "OK: installed libboussole $version found by pkg-config, example built and run, shared and static"
