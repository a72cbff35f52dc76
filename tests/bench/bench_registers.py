#!/usr/bin/env python3
"""Registers at scale, figures only (never pass/fail): the example use-cases
repeated to 10k, 100k and 1M records, generated on the fly (nothing is
written to disk), through

  - the CLI: `boussole evaluate --input jsonl --detail summary -`, JSON Lines
    in and out: use-cases per second (wall and CPU time of the one process)
    and its peak RSS;
  - Python: `Framework.evaluate_stream` over a generator of dicts (summary
    detail), and `Framework.evaluate_many` (which keeps every summary):
    use-cases per second and the peak RSS of the interpreter that ran it (a
    fresh one per size), and the ratio of its CPU time per use-case to the
    CLI's at the same size in the same run (issue 12: within 2x; peak RSS
    of evaluate_many over 1M at most 200 MB).

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
n, how = int(sys.argv[2]), sys.argv[3]
fw = boussole.Framework.default()
gen = (docs[i % len(docs)] for i in range(n))
start, cpu = time.perf_counter(), time.process_time()
seen = 0
for r in getattr(fw, how)(gen, detail='summary'):
    seen += 1
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
assert seen == n, seen
print(n / wall, n / cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
'''


def python_run(n, how):
    env = dict(os.environ, BOUSSOLE_LIBRARY=os.path.join(os.path.dirname(os.path.dirname(cli)),
                                                          'lib', 'libboussole.so.0'))
    p = subprocess.run([sys.executable, '-c', PY, os.path.join(root, 'bindings', 'python'), str(n),
                        how],
                       input=json.dumps(docs).encode(), capture_output=True, env=env)
    if p.returncode:
        return None, None, p.stderr.decode()[-400:]
    return tuple(map(float, p.stdout.split()))


print('# CLI, JSON Lines in and out, --detail summary (one process, one core)')
print('%10s %14s %14s %12s' % ('use-cases', 'per s (wall)', 'per s (CPU)', 'peak RSS MB'))
cli_cpu = {}
for n in sizes:
    wall, cpu, rss = cli_run(n)
    cli_cpu[n] = cpu
    print('%10d %14.0f %14.0f %12.1f' % (n, wall, cpu, rss))
for how in ('evaluate_stream', 'evaluate_many'):
    print('# Python %s(generator, detail="summary"); CPU per use-case vs the CLI above'
          % how)
    print('%10s %14s %14s %12s %10s' % ('use-cases', 'per s (wall)', 'per s (CPU)',
                                        'peak RSS MB', 'CPU vs C'))
    for n in sizes:
        rate, cpu, rss = python_run(n, how)
        if rate is None:
            print('%10d failed: %s' % (n, rss))
        else:
            print('%10d %14.0f %14.0f %12.1f %9.2fx' % (n, rate, cpu, rss, cli_cpu[n] / cpu))
