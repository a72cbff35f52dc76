#!/usr/bin/env bash
# Build every fuzz harness the way OSS-Fuzz's build.sh does (doc/security.md,
# "OSS-Fuzz"), with no build system: the compiler, flags and fuzzing engine
# come from the environment.
#
#   CC CXX CFLAGS CXXFLAGS   compilers and flags (default clang, clang++, none)
#   LIB_FUZZING_ENGINE       what the harnesses link with (default
#                            -fsanitize=fuzzer: libFuzzer; AFL++:
#                            /usr/lib/afl/libAFLDriver.a)
#   SRC WORK OUT             source parent, scratch directory, output
#                            (defaults: the parent of this checkout,
#                            $OUT/work, ./out)
#
# For every harness fuzz/fuzz_<name>.c it writes to $OUT: fuzz_<name>,
# fuzz_<name>_seed_corpus.zip (fuzz/corpus/<name>/), fuzz_<name>.dict and
# fuzz_<name>.options (libFuzzer's max_len and dict). The library sources
# are those of lib/meson.build, compiled once with $CFLAGS (and once more
# for the table generator, without them).
#
#   CC=afl-clang-fast CXX=afl-clang-fast++ LIB_FUZZING_ENGINE=/usr/lib/afl/libAFLDriver.a \
#       OUT=build-afl bash fuzz/oss-fuzz-build.sh        # the same harnesses for AFL++
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/fuzz/harnesses.sh"

CC=${CC:-clang}
CXX=${CXX:-clang++}
CFLAGS=${CFLAGS:-}
CXXFLAGS=${CXXFLAGS:-}
LIB_FUZZING_ENGINE=${LIB_FUZZING_ENGINE:--fsanitize=fuzzer}
SRC=${SRC:-$(dirname "$root")}
OUT=${OUT:-$PWD/out}
WORK=${WORK:-$OUT/work}
mkdir -p "$OUT" "$WORK"
OUT=$(cd "$OUT" && pwd)
WORK=$(cd "$WORK" && pwd)
export SRC

# Compiler flags as the library's own build gives them (lib/meson.build).
lib_flags=(-std=c11 -DBSL_BUILDING_LIBRARY -DJSMN_STATIC -DJSMN_STRICT -DJSMN_PARENT_LINKS
           -I"$root/include" -I"$root/lib" -I"$WORK/include")

# <boussole/version.h>, which boussole.h includes, configured from the
# project version as include/boussole/meson.build does.
version=$(sed -n "s/^  version : '\([0-9.]*\)',$/\1/p" "$root/meson.build")
IFS=. read -r v_major v_minor v_patch <<<"$version"
mkdir -p "$WORK/include/boussole"
sed -e "s/@BSL_VERSION_MAJOR@/$v_major/" -e "s/@BSL_VERSION_MINOR@/$v_minor/" \
    -e "s/@BSL_VERSION_PATCH@/$v_patch/" -e "s/@BSL_VERSION_STRING@/$version/" \
    "$root/include/boussole/version.h.in" >"$WORK/include/boussole/version.h"

# The embedded vocabulary and frameworks, compiled into C tables as meson
# does: lib/tools/gen_tables.c, linked with the library's core sources, loads
# the JSON and writes them. It runs here, so it is built for this machine
# without the fuzzing flags ($BUILD_CC, default $CC, and no $CFLAGS).
embed_inputs=("$root/frameworks/vocabulary.json")
for f in $(meson_files_list "$root/frameworks/meson.build" embedded_framework_files); do
    embed_inputs+=("$root/frameworks/$f")
done
BUILD_CC=${BUILD_CC:-$CC}
gen_objects=()
for f in $(meson_files_list "$root/lib/meson.build" lib_core_sources) tools/gen_tables.c tools/gen_fields.c; do
    o="$WORK/gen_$(echo "${f%.c}" | tr / _).o"
    $BUILD_CC "${lib_flags[@]}" -c "$root/lib/$f" -o "$o"
    gen_objects+=("$o")
done
$BUILD_CC "${gen_objects[@]}" -lm -o "$WORK/gen_tables"
"$WORK/gen_tables" "$WORK/embedded_tables.c" "${embed_inputs[@]}"

# shellcheck disable=SC2086 # CFLAGS and friends are word lists
compile() { $CC $CFLAGS "${lib_flags[@]}" -c "$1" -o "$2"; }

objects=("$WORK/embedded_tables.o")
compile "$WORK/embedded_tables.c" "$WORK/embedded_tables.o"
for f in $(meson_files_list "$root/lib/meson.build" lib_core_sources) \
         $(meson_files_list "$root/lib/meson.build" lib_embedded_sources); do
    compile "$root/lib/$f" "$WORK/lib_${f%.c}.o"
    objects+=("$WORK/lib_${f%.c}.o")
done

# Write a zip of directory $1 (its files, flat) to $2; python3 because zip
# is not always installed.
zip_dir() {
    python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
src, dst = sys.argv[1:3]
with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
    if os.path.isdir(src):
        for name in sorted(os.listdir(src)):
            path = os.path.join(src, name)
            if os.path.isfile(path):
                z.write(path, name)
PY
}

count=0
for h in $(fuzz_harness_names "$root"); do
    compile "$root/fuzz/fuzz_$h.c" "$WORK/fuzz_$h.o"
    # shellcheck disable=SC2086
    $CXX $CXXFLAGS "$WORK/fuzz_$h.o" "${objects[@]}" $LIB_FUZZING_ENGINE -lm -o "$OUT/fuzz_$h"
    zip_dir "$root/fuzz/corpus/$h" "$OUT/fuzz_${h}_seed_corpus.zip"
    cp "$(fuzz_dict_of "$root" "$h")" "$OUT/fuzz_$h.dict"
    printf '[libfuzzer]\nmax_len = %s\ndict = fuzz_%s.dict\n' "$(fuzz_max_len "$h")" "$h" \
        >"$OUT/fuzz_$h.options"
    count=$((count + 1))
done
echo "oss-fuzz-build: $count harnesses in $OUT"
