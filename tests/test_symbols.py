#!/usr/bin/env python3
"""Exported symbols: the shared library, the public header and the version
script (lib/libboussole.map) must agree. No symbol leaks, none is missing.

Usage: test_symbols.py SHARED_LIB STATIC_LIB HEADER MAP SONAME

Checks, with binutils (nm, readelf):
  - the SONAME is the expected one (libboussole.so.SOVERSION);
  - the map is well formed: LIBBOUSSOLE_x.y nodes, each chained to the
    previous one, names listed explicitly (no wildcard but `local: *;` in
    the first node), no name twice;
  - the functions declared BSL_API in the header == the names of the map
    == the functions `nm -D --defined-only` finds exported, each versioned
    with the node that lists it, and nothing else is exported;
  - every global symbol the static library defines starts with bsl_, so a
    static link cannot clash with the program's own names.
"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

shared, static, header, mapfile, soname = sys.argv[1:6]

if not shutil.which('nm') or not shutil.which('readelf'):
    print('1..0 # SKIP binutils (nm, readelf) not found')
    sys.exit(0)

tap = Tap()


def run(*args):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode:
        sys.exit('%s failed: %s' % (' '.join(args), p.stderr))
    return p.stdout


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'//[^\n]*', ' ', text)


def diff(a, b):
    return 'only in the first: %s\nonly in the second: %s' % (
        ', '.join(sorted(a - b)) or '-', ', '.join(sorted(b - a)) or '-')


# --- SONAME -------------------------------------------------------------
dynamic = run('readelf', '-d', shared)
m = re.search(r'\(SONAME\)\s+Library soname: \[([^\]]+)\]', dynamic)
tap.equal(m.group(1) if m else None, soname, 'SONAME is ' + soname)

# --- the header -----------------------------------------------------------
with open(header, encoding='utf-8') as f:
    htext = strip_comments(f.read())
declared = re.findall(r'\bBSL_API\b[^;{}()]*?\b(bsl_\w+)\s*\(', htext)
tap.check(len(declared) > 0, 'the header declares BSL_API functions (%d)' % len(declared))
tap.check(len(declared) == len(set(declared)), 'no function declared twice in the header',
          sorted(n for n in set(declared) if declared.count(n) > 1))
declared = set(declared)
undecorated = set(re.findall(r'^\s*(?!BSL_API)[A-Za-z_][\w \*]*?\b(bsl_\w+)\s*\([^;{]*\)\s*;',
                             htext, flags=re.M)) - declared
tap.check(not undecorated, 'every function prototype in the header is BSL_API',
          ', '.join(sorted(undecorated)))

# --- the version script -------------------------------------------------
with open(mapfile, encoding='utf-8') as f:
    mtext = strip_comments(f.read())
node_re = re.compile(r'([A-Za-z_][\w.]*)\s*\{(.*?)\}\s*([A-Za-z_][\w.]*)?\s*;', re.S)
nodes = []  # (name, parent, global names, local patterns)
rest = node_re.sub(' ', mtext)
for m in node_re.finditer(mtext):
    body = m.group(2)
    scopes = re.split(r'\b(global|local)\s*:', body)
    glob, local = [], []
    if scopes[0].strip():
        glob += [s.strip() for s in scopes[0].split(';') if s.strip()]
    for kind, names in zip(scopes[1::2], scopes[2::2]):
        (glob if kind == 'global' else local).extend(
            s.strip() for s in names.split(';') if s.strip())
    nodes.append((m.group(1), m.group(3), glob, local))
tap.check(not rest.strip(), 'the map holds nothing but version nodes', rest.strip())
tap.check(len(nodes) >= 1, 'the map has version nodes (%d)' % len(nodes))
names_ok = all(re.fullmatch(r'LIBBOUSSOLE_\d+\.\d+', n[0]) for n in nodes)
tap.check(names_ok, 'nodes are named LIBBOUSSOLE_MAJOR.MINOR', [n[0] for n in nodes])
chain_ok = nodes and nodes[0][1] is None and all(
    nodes[i][1] == nodes[i - 1][0] for i in range(1, len(nodes)))
tap.check(chain_ok, 'each node after the first inherits the previous one',
          [(n[0], n[1]) for n in nodes])
tap.check(nodes and nodes[0][3] == ['*'] and all(not n[3] for n in nodes[1:]),
          'the first node (only) ends with local: *;', [(n[0], n[3]) for n in nodes])
listed = [g for n in nodes for g in n[2]]
tap.check(all(re.fullmatch(r'bsl_\w+', g) for g in listed),
          'the map lists bsl_ names explicitly, without wildcards',
          [g for g in listed if not re.fullmatch(r'bsl_\w+', g)])
tap.check(len(listed) == len(set(listed)), 'no name listed twice in the map',
          sorted(g for g in set(listed) if listed.count(g) > 1))
node_of = {g: n[0] for n in nodes for g in n[2]}
tap.check(set(node_of) == declared, 'the map lists exactly the functions the header declares',
          diff(set(node_of), declared))

# --- the shared library ---------------------------------------------------
exported, versions, kinds = set(), {}, {}
version_defs = set()
for line in run('nm', '-D', '--defined-only', '--with-symbol-versions', shared).splitlines():
    fields = line.split()
    if len(fields) < 3:
        continue
    kind, sym = fields[1], fields[2]
    name, _, version = sym.partition('@')
    version = version.lstrip('@')
    if kind == 'A' and (not version or name == version):
        version_defs.add(name)
        continue
    exported.add(name)
    versions[name] = version
    kinds[name] = kind
leaks = exported - declared
missing = declared - exported
tap.check(not leaks, 'no symbol leaks from the shared library', ', '.join(sorted(leaks)))
tap.check(not missing, 'every declared function is exported', ', '.join(sorted(missing)))
tap.check(all(k in 'TtWi' for k in kinds.values()), 'only functions are exported',
          sorted(n for n, k in kinds.items() if k not in 'TtWi'))
wrong = sorted('%s@%s (map: %s)' % (n, versions.get(n), node_of.get(n))
               for n in exported & set(node_of) if versions.get(n) != node_of[n])
tap.check(not wrong, 'every exported function carries the version of its map node', '\n'.join(wrong))
tap.equal(sorted(version_defs), sorted(n[0] for n in nodes),
          'the library defines exactly the versions of the map')

# --- the static library ---------------------------------------------------
# Symbols that instrumentation adds (sanitizers, coverage) are not ours.
INSTRUMENTATION = ('__odr_asan', '__asan_', '__ubsan_', '__tsan_', '__msan_', '__sancov_',
                   '__llvm_', '__gcov_', '__profc_', '__profd_', '__profn_')
foreign = set()
for line in run('nm', '-g', '--defined-only', static).splitlines():
    fields = line.split()
    if len(fields) == 3 and not fields[2].startswith(('bsl_',) + INSTRUMENTATION):
        foreign.add(fields[2])
tap.check(not foreign, 'every global symbol of the static library starts with bsl_',
          ', '.join(sorted(foreign)))

tap.done()
