#!/usr/bin/env python3
"""Registers at scale, figures only (never pass/fail): the example use-cases
repeated to 10k, 100k and 1M records, generated on the fly (nothing is
written to disk), through

  - the CLI: `boussole evaluate --input jsonl --detail summary -`, JSON Lines
    in and out (the C streaming path): use-cases per second (wall and CPU
    time of the one process) and its peak RSS;
  - Python, summary detail, `Framework.evaluate_stream` (which keeps
    nothing) and `Framework.evaluate_many` (which keeps every summary), each
    over a generator of dicts (serialised by the binding) and over a
    generator of JSON texts (str lines as a JSON Lines file read lazily
    gives them, which skip the serialisation): use-cases per second and the
    peak RSS of the interpreter that ran it (a fresh one per run), and the
    ratio of its CPU time per use-case to the CLI's at the same size (issue
    12: within 2x for a generator of dicts; peak RSS of evaluate_many over
    1M at most 200 MB).

The CLI runs just before and just after the Python runs of each size, and
the ratio is to the mean of those two runs: on a loaded machine the CPU time
of one process moves by tens of per cent from one minute to the next.

Usage: bench_registers.py BOUSSOLE_CLI SOURCE_ROOT [SIZES...]

CPU figures are the one process's user+system time: on a shared machine
they say more than wall time.
"""
import glob
import json
import os
import subprocess
import sys
import threading
import time

cli, root = sys.argv[1], sys.argv[2]
sizes = [int(s) for s in sys.argv[3:]] or [10_000, 100_000, 1_000_000]
docs = [json.load(open(p, encoding='utf-8'))
        for p in sorted(glob.glob(os.path.join(root, 'examples', 'usecases', '*.json')))]
lines = [json.dumps(d, ensure_ascii=False, separators=(',', ':')).encode() + b'\n' for d in docs]
block = b''.join(lines) * 100  # 1200 records


def feed(pipe, n):
    try:
        while n >= 1200:
            pipe.write(block)
            n -= 1200
        pipe.write(b''.join(lines[i % len(lines)] for i in range(n)))
    finally:
        pipe.close()


def count_lines(pipe, out):
    n = 0
    for chunk in iter(lambda: pipe.read(1 << 20), b''):
        n += chunk.count(b'\n')
    out.append(n)


def cli_run(n):
    start = time.perf_counter()
    p = subprocess.Popen([cli, 'evaluate', '--input', 'jsonl', '--detail', 'summary', '-'],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={'LANG': 'C'})
    counted = []
    reader = threading.Thread(target=count_lines, args=(p.stdout, counted))
    reader.start()
    feed(p.stdin, n)
    _, status, usage = os.wait4(p.pid, 0)
    reader.join()
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    assert status == 0 and counted[0] == n, (status, counted)
    return n / wall, n / cpu, usage.ru_maxrss / 1024


PY = r'''
import itertools, json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import boussole
docs = json.loads(sys.stdin.read())
n, how, what = int(sys.argv[2]), sys.argv[3], sys.argv[4]
if what == 'texts':   # as `for line in open(register, encoding='utf-8')` gives them
    docs = [json.dumps(d, ensure_ascii=False) + '\n' for d in docs]
fw = boussole.Framework.default()
gen = (docs[i % len(docs)] for i in range(n))
start, cpu = time.perf_counter(), time.process_time()
seen = 0
for r in getattr(fw, how)(gen, detail='summary'):
    seen += r.ok
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
assert seen == n, seen
print(n / wall, n / cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
'''


def python_run(n, how, what):
    env = dict(os.environ, BOUSSOLE_LIBRARY=os.path.join(os.path.dirname(os.path.dirname(cli)),
                                                          'lib', 'libboussole.so.0'))
    p = subprocess.run([sys.executable, '-c', PY, os.path.join(root, 'bindings', 'python'), str(n),
                        how, what],
                       input=json.dumps(docs).encode(), capture_output=True, env=env)
    if p.returncode:
        return None, None, p.stderr.decode()[-400:]
    return tuple(map(float, p.stdout.split()))


RUNS = [(how, what) for what in ('dicts', 'texts') for how in ('evaluate_stream', 'evaluate_many')]
HEAD = '%10s %14s %14s %12s' % ('use-cases', 'per s (wall)', 'per s (CPU)', 'peak RSS MB')
figures = {}
for n in sizes:   # the CLI before and after the Python runs of the same size
    before = cli_run(n)
    for run in RUNS:
        figures[run, n] = python_run(n, *run)
    after = cli_run(n)
    figures['cli', n] = tuple((a + b) / 2 for a, b in zip(before, after))
print('# CLI, JSON Lines in and out, --detail summary (one process, one core;'
      ' mean of a run before and one after the Python runs)')
print(HEAD)
for n in sizes:
    print('%10d %14.0f %14.0f %12.1f' % ((n,) + figures['cli', n]))
for how, what in RUNS:
    print('# Python %s(generator of %s, detail="summary"); CPU per use-case vs the CLI above'
          % (how, 'dicts' if what == 'dicts' else 'JSON texts (str lines)'))
    print(HEAD + ' %10s' % 'CPU vs C')
    for n in sizes:
        rate, cpu, rss = figures[(how, what), n]
        if rate is None:
            print('%10d failed: %s' % (n, rss))
        else:
            print('%10d %14.0f %14.0f %12.1f %9.2fx' % (n, rate, cpu, rss,
                                                        figures['cli', n][1] / cpu))
