#!/usr/bin/env bash
# A bounded AFL++ campaign of every harness (or of those named), one after
# the other (AFL++ wants a core each):
#
#     bash fuzz/run.sh --engine afl [SECONDS] [HARNESS...]   (default: 60 s each)
#
# Builds the harnesses with afl-clang-fast and AFL++'s libAFLDriver through
# fuzz/oss-fuzz-build.sh into $FUZZ_BUILDDIR (default build-fuzz-afl/),
# then runs afl-fuzz -V SECONDS on the seed corpus with the harness's
# dictionary, output in $FUZZ_WORKDIR/<harness>/ (default <builddir>/work/).
# Prints the executions of each harness and their total, and fails on any
# crash or hang (kept in <workdir>/<harness>/default/crashes|hangs/).
# Needs Debian afl++. AFL_* settings below let it run in containers.
set -u
cd "$(dirname "$0")/.."
root=$PWD
. fuzz/harnesses.sh

seconds=${1:-60}
shift 2>/dev/null || true
case $seconds in
    ''|*[!0-9]*) echo "usage: $0 [SECONDS] [HARNESS...]" >&2; exit 2 ;;
esac
builddir=${FUZZ_BUILDDIR:-build-fuzz-afl}
workdir=${FUZZ_WORKDIR:-$builddir/work}
driver=${AFL_DRIVER:-/usr/lib/afl/libAFLDriver.a}
# The code under test, for the summary line (taken now: HEAD may move).
commit=$(git rev-parse --short HEAD 2>/dev/null || echo ?)
started=$(date -u +%Y-%m-%dT%H:%MZ)
if [ $# -gt 0 ]; then harnesses=("$@"); else mapfile -t harnesses < <(fuzz_harness_names "$root"); fi

if ! command -v afl-fuzz >/dev/null || ! command -v afl-clang-fast >/dev/null || [ ! -f "$driver" ]; then
    echo "fuzz: AFL++ is missing (Debian: afl++; driver $driver)" >&2
    exit 1
fi
mkdir -p "$builddir"
CC=afl-clang-fast CXX=afl-clang-fast++ CFLAGS="-O1 -g" CXXFLAGS="-O1 -g" \
    LIB_FUZZING_ENGINE="$driver" OUT="$builddir/out" AFL_QUIET=1 \
    bash fuzz/oss-fuzz-build.sh >"$builddir/build.log" 2>&1 || {
    tail -40 "$builddir/build.log" >&2
    echo "fuzz: AFL++ build failed" >&2
    exit 1
}

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
failed=0
total=0
printf '%-10s %12s %10s %8s  %s\n' harness executions exec/s corpus result
for h in "${harnesses[@]}"; do
    dir="$workdir/$h"
    rm -rf "$dir"
    mkdir -p "$dir/seeds"
    [ -d "fuzz/corpus/$h" ] && cp -R "fuzz/corpus/$h/." "$dir/seeds/"
    # An empty corpus: AFL++ needs one input to start from.
    [ -n "$(ls -A "$dir/seeds")" ] || echo '{}' >"$dir/seeds/empty-object"
    afl-fuzz -i "$dir/seeds" -o "$dir" -x "$(fuzz_dict_of "$root" "$h")" -V "$seconds" \
        -t 5000 -m none -- "$builddir/out/fuzz_$h" >"$dir/log" 2>&1
    status=$?
    stats="$dir/default/fuzzer_stats"
    execs=$(sed -n 's/^execs_done *: *//p' "$stats" 2>/dev/null)
    speed=$(sed -n 's/^execs_per_sec *: *//p' "$stats" 2>/dev/null)
    corpus=$(sed -n 's/^corpus_count *: *//p' "$stats" 2>/dev/null)
    findings=$(find "$dir/default/crashes" "$dir/default/hangs" -type f ! -name README.txt 2>/dev/null | wc -l)
    if [ "$status" = 0 ] && [ -n "$execs" ] && [ "$findings" = 0 ]; then
        result=ok
    else
        result="FAILED (status $status, $findings findings)"
        failed=$((failed + 1))
        tail -30 "$dir/log" >&2
        find "$dir/default/crashes" "$dir/default/hangs" -type f ! -name README.txt 2>/dev/null |
            sed "s|^|--- $h: finding kept in |" >&2
    fi
    printf '%-10s %12s %10s %8s  %s\n' "$h" "${execs:-?}" "${speed:-?}" "${corpus:-?}" "$result"
    total=$((total + ${execs:-0}))
done
printf '%-10s %12s\n' total "$total"
echo "fuzz: AFL++, started $started, commit $commit, ${seconds}s per harness, $total executions in total"
if [ "$failed" -ne 0 ]; then
    echo "fuzz: $failed harness(es) failed" >&2
    exit 1
fi
echo "fuzz: ${#harnesses[@]} harnesses ran ${seconds}s each under AFL++, no finding"
