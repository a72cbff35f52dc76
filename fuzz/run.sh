#!/usr/bin/env bash
# A bounded fuzzing campaign of every harness (or of those named):
#
#     bash fuzz/run.sh [SECONDS] [HARNESS...]      (default: 60 seconds, all)
#     bash fuzz/run.sh --engine afl [SECONDS] [HARNESS...]    AFL++ instead
#     bash fuzz/run.sh --coverage [HARNESS...]     line coverage of lib/ by the corpora
#
# --engine afl runs fuzz/run-afl.sh, --coverage fuzz/coverage.sh (each
# describes itself); without them, libFuzzer:
#
# Configures a clang build with -Dfuzzing=true in its own directory
# ($FUZZ_BUILDDIR, default build-fuzz/), then runs each harness for SECONDS
# with fuzz/json.dict on a copy of its corpus fuzz/corpus/<harness>/ (in
# $FUZZ_WORKDIR, default <builddir>/work/, so runs never write into the
# repository). Harnesses run $FUZZ_JOBS at a time (default: the number of
# CPUs). Prints the executions of each harness and fails on any finding
# (crash, invariant failure, sanitizer report, leak, timeout, out of
# memory); the input that caused it is kept under the work directory's
# artifacts/ and its path is printed: add it to fuzz/corpus/<harness>/ as
# regress-<what> and fix the library.
#
# Needs clang and libFuzzer (Debian: clang libclang-rt-14-dev).
set -u
cd "$(dirname "$0")/.."
root=$PWD
. fuzz/harnesses.sh

case ${1:-} in
    --coverage) shift; exec bash fuzz/coverage.sh "$@" ;;
    --engine)
        case ${2:-} in
            afl) shift 2; exec bash fuzz/run-afl.sh "$@" ;;
            libfuzzer) shift 2 ;;
            *) echo "usage: $0 --engine libfuzzer|afl [SECONDS] [HARNESS...]" >&2; exit 2 ;;
        esac ;;
esac

seconds=${1:-60}
shift 2>/dev/null || true
case $seconds in
    ''|*[!0-9]*) echo "usage: $0 [SECONDS] [HARNESS...]" >&2; exit 2 ;;
esac
builddir=${FUZZ_BUILDDIR:-build-fuzz}
workdir=${FUZZ_WORKDIR:-$builddir/work}
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
# The code under test, for the summary line (taken now: HEAD may move).
commit=$(git rev-parse --short HEAD 2>/dev/null || echo ?)
started=$(date -u +%Y-%m-%dT%H:%MZ)

if [ $# -gt 0 ]; then
    harnesses=("$@")
else
    mapfile -t harnesses < <(fuzz_harness_names "$root")
fi

if [ ! -f "$builddir/build.ninja" ]; then
    log=$(mktemp)
    CC=${FUZZ_CC:-clang} meson setup "$builddir" -Dfuzzing=true -Dtests=false -Dwerror=true \
        >"$log" 2>&1 || {
        cat "$log" >&2
        rm -f "$log"
        echo "fuzz: meson setup failed" >&2
        exit 1
    }
    rm -f "$log"
fi
targets=()
for h in "${harnesses[@]}"; do
    targets+=("fuzz/fuzz_$h")
done
ninja -C "$builddir" "${targets[@]}" >/dev/null || {
    ninja -C "$builddir" "${targets[@]}" >&2
    echo "fuzz: build failed (is there a harness fuzz/fuzz_<name>.c for every corpus directory?)" >&2
    exit 1
}

run_one() {
    local h=$1 dir="$workdir/$1"
    rm -rf "$dir"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    [ -d "fuzz/corpus/$h" ] && cp -R "fuzz/corpus/$h/." "$dir/corpus/"
    "$builddir/fuzz/fuzz_$h" \
        -max_total_time="$seconds" -dict="$(fuzz_dict_of "$root" "$h")" -max_len="$(fuzz_max_len "$h")" \
        -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
        -artifact_prefix="$dir/artifacts/" "$dir/corpus" >"$dir/log" 2>&1
    echo $? >"$dir/status"
}

# Run jobs harnesses at a time.
running=0
for h in "${harnesses[@]}"; do
    run_one "$h" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n 2>/dev/null || wait
        running=$((running - 1))
    fi
done
wait

failed=0
total=0
printf '%-10s %12s %10s %8s  %s\n' harness executions exec/s corpus result
for h in "${harnesses[@]}"; do
    dir="$workdir/$h"
    status=$(cat "$dir/status" 2>/dev/null || echo 1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)
    corpus=$(find "$dir/corpus" -type f | wc -l)
    findings=$(find "$dir/artifacts" -type f | wc -l)
    if [ "$status" = 0 ] && [ "$findings" = 0 ]; then
        result=ok
    else
        result="FAILED (status $status)"
        failed=$((failed + 1))
    fi
    printf '%-10s %12s %10s %8s  %s\n' "$h" "${execs:-?}" "${speed:-?}" "$corpus" "$result"
    total=$((total + ${execs:-0}))
    if [ "$result" != ok ]; then
        echo "--- $h: end of $dir/log" >&2
        grep -v -E '^#[0-9]+' "$dir/log" | tail -40 >&2
        for f in "$dir"/artifacts/*; do
            case $f in /*) ;; *) f=$root/$f ;; esac
            [ -f "$f" ] && echo "--- $h: finding kept in $f" >&2
        done
    fi
done
printf '%-10s %12s\n' total "$total"
echo "fuzz: libFuzzer, started $started, commit $commit, ${seconds}s per harness, $total executions in total"
if [ "$failed" -ne 0 ]; then
    echo "fuzz: $failed harness(es) failed" >&2
    exit 1
fi
echo "fuzz: ${#harnesses[@]} harnesses ran ${seconds}s each, no finding"
