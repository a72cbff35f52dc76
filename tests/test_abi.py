#!/usr/bin/env python3
"""The ABI baseline (lib/abi/libboussole.abi) and the check against it.

Usage:
  test_abi.py check  SHARED_LIB HEADERS_DIR BASELINE   (a TAP test)
  test_abi.py update SHARED_LIB HEADERS_DIR BASELINE   (rewrite the baseline)

Both describe the library with libabigail's abidw, restricted to what the
public headers declare (--headers-dir, --drop-private-types,
--exported-interfaces-only): exported functions and the types they reach.
`check` compares the baseline with the built library with abidiff and
fails when abidiff fails (exit status bits 1 and 2), on a change abidiff
calls incompatible (bit 8, ABIDIFF_ABI_INCOMPATIBLE_CHANGE: a removed
function) and on any other change that is not a pure addition. Bit 8 alone
is not enough: abidiff sets only bit 4 (ABIDIFF_ABI_CHANGE) when a public
struct's layout changes or an enumerator is renumbered, so with bit 4 the
summary is read and any removed or changed function or variable, or a new
SONAME, fails too. Additions pass (listed as diagnostics): new functions,
and enumerators appended to an enum, which abidiff itself files as harmless.
An intended change that abidiff sees as a change (a field appended to
bsl_options with a new BSL_OPTIONS_VERSION) is recorded by updating the
baseline in the same commit.

abidw needs the DWARF debug information of a -g build (meson's default
buildtype, debugoptimized, has it); without it, or on an architecture other
than the baseline's, or without abigail-tools, the check is skipped.

How and when to update the baseline on purpose: doc/api.md, "The ABI
baseline".
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ABIDW_ARGS = ['--drop-private-types', '--exported-interfaces-only',
              '--no-corpus-path', '--no-comp-dir-path', '--no-show-locs',
              '--no-elf-needed', '--type-id-style', 'hash']

# abidiff's exit status is a bit field (abidiff(1), "Return values").
ABIDIFF_ERROR = 1
ABIDIFF_USAGE_ERROR = 2
ABIDIFF_ABI_CHANGE = 4
ABIDIFF_ABI_INCOMPATIBLE_CHANGE = 8


def skip(why):
    print('1..0 # SKIP ' + why)
    sys.exit(0)


def has_debug_info(lib):
    p = subprocess.run(['readelf', '-S', '-W', lib], capture_output=True, text=True)
    return p.returncode == 0 and '.debug_info' in p.stdout


def abidw(lib, headers, out):
    """Describe lib as abixml in out; source paths reduced to dir/file.c so
    that the file does not depend on where the tree and build dir live."""
    p = subprocess.run(['abidw', '--headers-dir', headers] + ABIDW_ARGS +
                       ['--out-file', out, lib], capture_output=True, text=True)
    if p.returncode:
        return p.stderr or 'abidw exited with %d' % p.returncode
    with open(out, encoding='utf-8') as f:
        xml = f.read()
    xml = re.sub(r"path='(?:[^'/]*/)*([^'/]+/[^'/]+)'", r"path='\1'", xml)
    with open(out, 'w', encoding='utf-8') as f:
        f.write(xml)
    return None


def architecture(path):
    with open(path, encoding='utf-8') as f:
        m = re.search(r"<abi-corpus [^>]*architecture='([^']*)'", f.read(4096))
    return m.group(1) if m else None


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ('check', 'update'):
        sys.exit(__doc__)
    mode, lib, headers, baseline = sys.argv[1:]

    if mode == 'update':
        if not shutil.which('abidw'):
            sys.exit('abidw not found: install abigail-tools')
        if not has_debug_info(lib):
            sys.exit('%s has no debug information: build with -g (buildtype debugoptimized)' % lib)
        os.makedirs(os.path.dirname(os.path.abspath(baseline)), exist_ok=True)
        error = abidw(lib, headers, baseline)
        if error:
            sys.exit(error)
        print('wrote ' + baseline)
        return

    if not shutil.which('abidw') or not shutil.which('abidiff'):
        skip('abidw/abidiff not found (Debian package abigail-tools)')
    if not shutil.which('readelf'):
        skip('readelf not found (binutils)')
    if not has_debug_info(lib):
        skip('the library has no debug information (build with -g)')
    if not os.path.exists(baseline):
        print('not ok 1 - the ABI baseline %s exists' % baseline)
        print('1..1')
        sys.exit(1)

    tmp = tempfile.mkdtemp(prefix='bsl-abi-')
    try:
        current = os.path.join(tmp, 'current.abi')
        error = abidw(lib, headers, current)
        if error:
            print('not ok 1 - abidw describes the built library')
            for line in error.splitlines():
                print('#   ' + line)
            print('1..1')
            sys.exit(1)
        if architecture(current) != architecture(baseline):
            skip('the baseline is for %s, this build for %s'
                 % (architecture(baseline), architecture(current)))
        print('ok 1 - abidw describes the built library')
        p = subprocess.run(['abidiff', '--no-show-locs', baseline, current],
                           capture_output=True, text=True)
        rc = p.returncode
        report = (p.stdout + p.stderr).strip()
        ran = not rc & (ABIDIFF_ERROR | ABIDIFF_USAGE_ERROR)
        print('%s 2 - abidiff compares the baseline and the library (exit status %d)'
              % ('ok' if ran else 'not ok', rc))
        removed = sum(int(n) for n in re.findall(r'\b(\d+) Removed\b', report))
        changed = sum(int(n) for n in re.findall(r'\b(\d+) Changed\b', report))
        soname = 'SONAME changed' in report
        compatible = (ran and not rc & ABIDIFF_ABI_INCOMPATIBLE_CHANGE and
                      not removed and not changed and not soname)
        print('%s 3 - no incompatible ABI change since %s'
              % ('ok' if compatible else 'not ok', os.path.basename(baseline)))
        if rc:
            if compatible:
                print('# compatible ABI additions (record them in the baseline when'
                      ' releasing: ninja abi-baseline, see doc/api.md):')
            else:
                print('# an incompatible ABI change. If it is intended (an appended'
                      ' bsl_options field, or a break with a new SONAME), update the'
                      ' baseline on purpose: ninja -C BUILDDIR abi-baseline, see'
                      ' doc/api.md, "The ABI baseline".')
            for line in report.splitlines():
                print('#   ' + line)
        print('1..3')
        sys.exit(0 if compatible else 1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
