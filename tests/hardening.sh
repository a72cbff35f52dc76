#!/usr/bin/env bash
# Hardening stages of CI (doc/security.md), each in its own build directory
# under $HARDENING_DIR (default build-hardening/):
#
#   asan      the C suites built with -fsanitize=address,undefined
#             -fno-sanitize-recover=all (any report fails the test)
#   valgrind  the unit and fuzz-replay suites under valgrind memcheck
#             (errors and definite/indirect leaks fail the test)
#   tsan      the threads test built with -fsanitize=thread
#   fuzz      fuzz/run.sh: every libFuzzer harness for $FUZZ_SECONDS (20)
#   afl       fuzz/run.sh --engine afl: every harness under AFL++ for
#             $AFL_SECONDS (5) each
#   coverage  the unit, fuzz-replay, golden and cli suites in a gcc
#             -Db_coverage build; gcovr prints the line coverage of lib/
#             and the stage fails below $MIN_COVERAGE (97) per cent
#
#     bash tests/hardening.sh [STAGE...]        (default: all six)
#
# Every result goes to $HARDENING_DIR/testlog.json, one JSON object per
# line like meson's own testlog ({"name": ..., "result": "OK" | "FAIL"}),
# so that tests/run.sh counts them in its closing "N passed, N failed" line
# (.ci/run passes the file in BSL_EXTRA_TESTLOGS). Exit status: non-zero
# when any result failed. Needs gcc, valgrind, clang, libclang-rt-14-dev,
# afl++ and gcovr.
set -u
cd "$(dirname "$0")/.."
dir=${HARDENING_DIR:-build-hardening}
seconds=${FUZZ_SECONDS:-20}
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(asan valgrind tsan fuzz afl coverage)

mkdir -p "$dir"
log="$dir/testlog.json"
: >"$log"
failed=0

# result NAME OK|FAIL [SECONDS]
result() {
    python3 -c 'import json, sys; print(json.dumps({"name": sys.argv[1], "result": sys.argv[2], "duration": float(sys.argv[3])}))' \
        "$1" "$2" "${3:-0}" >>"$log"
    [ "$2" = OK ] || failed=$((failed + 1))
    echo "hardening: $1: $2"
}

# Copy a meson testlog into ours, each test name prefixed with the stage.
# Returns non-zero when meson ran no test at all.
import_meson_log() {
    python3 - "$1" "$2" "$log" <<'PY'
import json, sys
stage, src, dst = sys.argv[1:4]
n = 0
try:
    with open(src) as f, open(dst, 'a') as out:
        for line in f:
            t = json.loads(line)
            out.write(json.dumps({'name': '%s: %s' % (stage, t['name']), 'result': t['result'],
                                  'duration': t.get('duration', 0)}) + '\n')
            n += 1
except OSError:
    pass
sys.exit(0 if n else 1)
PY
}

# setup_build STAGE BUILDDIR MESON-OPTIONS...: configure once, build all.
setup_build() {
    local stage=$1 b=$2
    shift 2
    if [ ! -f "$b/build.ninja" ]; then
        meson setup "$b" -Dwerror=true "$@" >"$b.setup.log" 2>&1 || {
            cat "$b.setup.log" >&2
            result "$stage: meson setup" FAIL
            return 1
        }
    fi
    ninja -C "$b" >"$b.build.log" 2>&1 || {
        tail -50 "$b.build.log" >&2
        result "$stage: build" FAIL
        return 1
    }
}

# meson_stage STAGE BUILDDIR [meson test arguments...]
meson_stage() {
    local stage=$1 b=$2 status mlog
    shift 2
    rm -f "$b"/meson-logs/testlog*.json
    meson test -C "$b" --no-rebuild --print-errorlogs "$@" >"$b.test.log" 2>&1
    status=$?
    # testlog.json, or testlog-<wrapper>.json with --wrap
    mlog=$(ls -t "$b"/meson-logs/testlog*.json 2>/dev/null | head -1)
    if ! import_meson_log "$stage" "${mlog:-/nonexistent}"; then
        tail -50 "$b.test.log" >&2
        result "$stage: meson test" FAIL
        return
    fi
    if [ $status -ne 0 ]; then
        grep -E '^ *[0-9]+/[0-9]+ .*(FAIL|ERROR|TIMEOUT)' "$b.test.log" >&2
        tail -80 "$b.test.log" >&2
    fi
    echo "hardening: $stage: $(grep -cE '"result": "(OK|EXPECTEDFAIL)"' "$mlog") tests passed"
}

stage_asan() {
    local b="$dir/asan"
    # halt_on_error: the first report fails the test; UBSan aborts too
    # (-fno-sanitize-recover=all), with a stack trace.
    export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    setup_build asan "$b" -Db_sanitize=address,undefined -Db_lundef=false \
        -Dc_args=-fno-sanitize-recover=all -Dcpp_args=-fno-sanitize-recover=all || return
    meson_stage asan "$b" --suite unit --suite fuzz-replay --suite header --suite golden --suite cli \
        --timeout-multiplier 3
    unset ASAN_OPTIONS UBSAN_OPTIONS
}

stage_valgrind() {
    local b="$dir/valgrind"
    setup_build valgrind "$b" || return
    meson_stage valgrind "$b" --suite unit --suite fuzz-replay --timeout-multiplier 10 \
        --wrap 'valgrind --quiet --leak-check=full --error-exitcode=1 --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect'
}

stage_tsan() {
    local b="$dir/tsan"
    export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
    if [ ! -f "$b/build.ninja" ]; then
        meson setup "$b" -Dwerror=true -Db_sanitize=thread -Db_lundef=false >"$b.setup.log" 2>&1 || {
            cat "$b.setup.log" >&2
            result "tsan: meson setup" FAIL
            return
        }
    fi
    ninja -C "$b" tests/test_threads >"$b.build.log" 2>&1 || {
        tail -50 "$b.build.log" >&2
        result "tsan: build" FAIL
        return
    }
    meson_stage tsan "$b" threads --timeout-multiplier 5
    unset TSAN_OPTIONS
}

stage_fuzz() {
    local b="$dir/fuzz" w="$dir/fuzz-work" h status findings start
    start=$(date +%s)
    FUZZ_BUILDDIR=$b FUZZ_WORKDIR=$w bash fuzz/run.sh "$seconds"
    status=$?
    if [ ! -d "$w" ]; then
        result "fuzz: build" FAIL
        return
    fi
    for d in fuzz/corpus/*/; do
        h=$(basename "$d")
        findings=$(find "$w/$h/artifacts" -type f 2>/dev/null | wc -l)
        if [ "$(cat "$w/$h/status" 2>/dev/null)" = 0 ] && [ "$findings" = 0 ]; then
            result "fuzz: $h ($(sed -n 's/^stat::number_of_executed_units: *//p' "$w/$h/log") executions)" OK "$seconds"
        else
            result "fuzz: $h" FAIL "$seconds"
        fi
    done
    [ $status -eq 0 ] || [ $failed -gt 0 ] || result "fuzz: run.sh" FAIL
    echo "hardening: fuzz took $(($(date +%s) - start))s"
}

stage_afl() {
    local b="$dir/afl" start status
    start=$(date +%s)
    mkdir -p "$dir"
    FUZZ_BUILDDIR=$b FUZZ_WORKDIR=$b/work bash fuzz/run.sh --engine afl "${AFL_SECONDS:-5}" | tee "$b.log"
    status=${PIPESTATUS[0]}
    if [ "$status" -eq 0 ]; then
        result "afl: every harness under AFL++ ($(sed -n 's/^total *//p' "$b.log") executions)" OK \
            "$(($(date +%s) - start))"
    else
        result "afl: fuzz/run.sh --engine afl" FAIL "$(($(date +%s) - start))"
    fi
}

stage_coverage() {
    local b="$dir/coverage" min=${MIN_COVERAGE:-97} pct
    # atomic counters: test_threads runs 8 threads, and racing increments
    # leave negative branch counts that gcovr refuses to parse
    setup_build coverage "$b" -Db_coverage=true -Dc_args=-fprofile-update=atomic || return
    find "$b" -name '*.gcda' -delete
    meson_stage coverage "$b" --suite unit --suite fuzz-replay --suite golden --suite cli \
        --timeout-multiplier 3
    # lib/tools/ is the build-time table generator (it runs while building,
    # before the counters are reset): the `embedded` test checks its output
    # against the JSON, and what ships is measured here.
    gcovr --root . --object-directory "$b" --filter 'lib/' --exclude 'lib/tools/' \
        --exclude-unreachable-branches \
        --print-summary --txt "$b/coverage.txt" "$b" >"$b.gcovr.log" 2>&1
    cat "$b/coverage.txt"
    pct=$(sed -n 's/^lines: *\([0-9.]*\)%.*/\1/p' "$b.gcovr.log")
    echo "hardening: line coverage of lib/ by the test suite: ${pct:-?} % (minimum $min %)"
    if [ -n "$pct" ] && python3 -c 'import sys; sys.exit(float(sys.argv[1]) < float(sys.argv[2]))' "$pct" "$min"; then
        result "coverage: lines of lib/ ${pct} % >= $min %" OK
    else
        cat "$b.gcovr.log" >&2
        result "coverage: lines of lib/ ${pct:-?} % < $min %" FAIL
    fi
}

for s in "${stages[@]}"; do
    case $s in
        asan | valgrind | tsan | fuzz | afl | coverage)
            t0=$(date +%s)
            "stage_$s"
            echo "hardening: stage $s took $(($(date +%s) - t0))s"
            ;;
        *)
            echo "hardening: unknown stage $s (asan, valgrind, tsan, fuzz, afl, coverage)" >&2
            result "unknown stage $s" FAIL
            ;;
    esac
done
[ $failed -eq 0 ]
