#!/usr/bin/env bash
# Which lines of lib/ the fuzz corpora reach:
#
#     bash fuzz/run.sh --coverage [HARNESS...]
#
# Builds every harness with clang's source-based coverage
# (-fprofile-instr-generate -fcoverage-mapping) and libFuzzer through
# fuzz/oss-fuzz-build.sh into $FUZZ_BUILDDIR (default build-fuzz-cov/),
# replays each corpus (-runs=0): the seeds fuzz/corpus/<harness>/ and, when
# a campaign left one, the corpus it grew in $FUZZ_WORKDIR/<harness>/corpus
# (default build-fuzz/work/), then prints each harness's line coverage of
# lib/ and the per-file line coverage of all corpora together
# (llvm-profdata-14, llvm-cov-14; Debian clang-14 / llvm-14).
set -u
cd "$(dirname "$0")/.."
root=$PWD
. fuzz/harnesses.sh

builddir=${FUZZ_BUILDDIR:-build-fuzz-cov}
grown=${FUZZ_WORKDIR:-build-fuzz/work}
profdata=${LLVM_PROFDATA:-llvm-profdata-14}
llvmcov=${LLVM_COV:-llvm-cov-14}
if [ $# -gt 0 ]; then harnesses=("$@"); else mapfile -t harnesses < <(fuzz_harness_names "$root"); fi

flags="-O1 -g -fprofile-instr-generate -fcoverage-mapping -fsanitize=fuzzer-no-link"
mkdir -p "$builddir"
CC=clang CXX=clang++ CFLAGS="$flags" CXXFLAGS="$flags" LIB_FUZZING_ENGINE=-fsanitize=fuzzer \
    OUT="$builddir/out" bash fuzz/oss-fuzz-build.sh >"$builddir/build.log" 2>&1 || {
    tail -40 "$builddir/build.log" >&2
    echo "fuzz: coverage build failed" >&2
    exit 1
}

sources=()
for f in $(meson_files_list lib/meson.build lib_sources); do sources+=("$root/lib/$f"); done
# The line coverage (TOTAL row) of llvm-cov report's output on stdin.
total_lines() { awk '$1 == "TOTAL" { print $(NF-3) }'; }

objects=()
rm -rf "$builddir/profiles"
mkdir -p "$builddir/profiles"
printf '%-10s %8s %14s\n' harness inputs "lines of lib/"
for h in "${harnesses[@]}"; do
    corpora=()
    [ -d "fuzz/corpus/$h" ] && corpora+=("fuzz/corpus/$h")
    [ -d "$grown/$h/corpus" ] && corpora+=("$grown/$h/corpus")
    inputs=$(find "${corpora[@]}" -type f 2>/dev/null | wc -l)
    bin="$builddir/out/fuzz_$h"
    LLVM_PROFILE_FILE="$builddir/profiles/$h-%p.profraw" "$bin" -runs=0 \
        -rss_limit_mb=2560 "${corpora[@]}" >"$builddir/$h.log" 2>&1 || {
        tail -20 "$builddir/$h.log" >&2
        echo "fuzz: $h failed while replaying its corpus" >&2
        exit 1
    }
    "$profdata" merge -sparse "$builddir"/profiles/"$h"-*.profraw -o "$builddir/$h.profdata"
    printf '%-10s %8s %14s\n' "$h" "$inputs" \
        "$("$llvmcov" report "$bin" -instr-profile="$builddir/$h.profdata" "${sources[@]}" | total_lines)"
    objects+=(-object "$bin")
done
"$profdata" merge -sparse "$builddir"/profiles/*.profraw -o "$builddir/all.profdata"
echo
echo "All corpora together, per file of lib/ (lines: total, missed, cover):"
"$llvmcov" report "${objects[@]:1}" -instr-profile="$builddir/all.profdata" "${sources[@]}" |
    awk 'NR > 2 && NF >= 13 { printf "%-28s %6s %6s %8s\n", $1, $(NF-5), $(NF-4), $(NF-3) }' |
    sed "s|^$root/||"
