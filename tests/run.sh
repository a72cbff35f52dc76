#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: configure (once) into
# build/, build with warnings as errors, run every meson test, and close
# with one line "N passed, N failed" (exit status non-zero on any failure).
set -u
cd "$(dirname "$0")/.."
builddir=${BUILDDIR:-build}

if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" -Dwerror=true || { echo "0 passed, 1 failed"; exit 1; }
fi
ninja -C "$builddir" || { echo "0 passed, 1 failed"; exit 1; }
meson test -C "$builddir" --print-errorlogs "$@"
status=$?

# meson's own summary is not the closing line CI reads: count from its log.
python3 - "$builddir/meson-logs/testlog.json" "$status" <<'PY'
import json, os, sys
passed = failed = skipped = 0
# BSL_EXTRA_TESTLOGS: more logs in the same format to count (.ci/run passes
# the hardening stages' results, tests/hardening.sh); a missing one fails.
for path in [sys.argv[1]] + os.environ.get('BSL_EXTRA_TESTLOGS', '').split():
    try:
        with open(path) as log:
            for line in log:
                result = json.loads(line)['result']
                if result in ('OK', 'EXPECTEDFAIL'):
                    passed += 1
                elif result == 'SKIP':
                    skipped += 1
                else:
                    failed += 1
    except OSError:
        failed += 1
if sys.argv[2] != '0' and failed == 0:
    failed = 1  # meson failed without a test result: count it
print('%d passed, %d failed%s' % (passed, failed, ', %d skipped' % skipped if skipped else ''))
sys.exit(1 if failed else 0)
PY
