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
import json, sys
passed = failed = skipped = 0
try:
    with open(sys.argv[1]) as log:
        for line in log:
            result = json.loads(line)['result']
            if result in ('OK', 'EXPECTEDFAIL'):
                passed += 1
            elif result == 'SKIP':
                skipped += 1
            else:
                failed += 1
except OSError:
    failed = 1
if sys.argv[2] != '0' and failed == 0:
    failed = 1  # meson failed without a test result: count it
print('%d passed, %d failed%s' % (passed, failed, ', %d skipped' % skipped if skipped else ''))
sys.exit(1 if failed else 0)
PY
