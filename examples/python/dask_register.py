#!/usr/bin/env python3
"""Score a large register on a dask.distributed cluster: the register is
split into partitions, each scored by Framework.evaluate_many (streamed
through libboussole, summary detail), and the verdicts counted.

Usage:
    dask_register.py [--workers N] [--framework ID] [--blocksize BYTES] REGISTER

REGISTER is JSON Lines (*.jsonl, *.ndjson: one use-case per line) or a CSV
register (*.csv, the wide form of doc/usecase-format.md, ';' or ','). It
starts a LocalCluster of N worker processes (default 2, one thread each)
unless DASK_SCHEDULER names a running scheduler, and prints one JSON object:
the number of use-cases, of errors, and of each verdict.

Example (in a development tree, with Debian's python3-dask and
python3-distributed):
    PYTHONPATH=bindings/python python3 examples/python/dask_register.py register.jsonl
"""
import argparse
import collections
import json
import os
import sys
from typing import Any, Dict, Iterable, List

import boussole


def count(results: 'boussole.Results') -> Dict[str, int]:
    """Use-cases, errors and verdicts of one scored partition."""
    c: Dict[str, int] = collections.Counter()
    for item in results:
        c['usecases'] += 1
        if item.ok:
            c[item.verdict.value] += 1
        else:
            c['errors'] += 1
    return dict(c)


def score_lines(lines: Iterable[str], framework: str) -> List[Dict[str, int]]:
    """A partition of JSON Lines: blank lines are not use-cases."""
    fw = boussole.Framework.embedded(framework)
    return [count(fw.evaluate_many((line for line in lines if line.strip()), detail='summary'))]


def score_frame(df: Any, framework: str) -> Dict[str, int]:
    """A partition of a CSV register, a pandas DataFrame in its wide form."""
    fw = boussole.Framework.embedded(framework)
    return count(fw.evaluate_many(df, detail='summary'))


def csv_delimiter(path: str) -> str:
    with open(path, encoding='utf-8-sig') as f:
        header = f.readline()
    return ';' if header.count(';') > header.count(',') else ','


def main(argv: Any = None) -> int:
    parser = argparse.ArgumentParser(description='Score a register on a dask cluster.')
    parser.add_argument('register')
    parser.add_argument('--workers', type=int, default=2)
    parser.add_argument('--framework', default=boussole.frameworks()[0])
    parser.add_argument('--blocksize', type=int, default=8 << 20)
    args = parser.parse_args(argv)

    import dask
    import dask.bag
    import dask.dataframe
    from distributed import Client, LocalCluster

    address = os.environ.get('DASK_SCHEDULER')
    cluster = None if address else LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                                processes=True, dashboard_address=None)
    with Client(address or cluster) as client:
        if args.register.endswith('.csv'):
            # Every cell as text: the library types them with the vocabulary,
            # as it does a CSV file's; an empty cell is not answered. (Blocks
            # are cut at line ends: quoted cells must not hold line breaks.)
            df = dask.dataframe.read_csv(args.register, sep=csv_delimiter(args.register), dtype=str,
                                         keep_default_na=False, na_values=[''],
                                         blocksize=args.blocksize, encoding='utf-8-sig')
            score = dask.delayed(score_frame)
            partials = dask.compute(*[score(part, args.framework) for part in df.to_delayed()])
        else:
            bag = dask.bag.read_text(args.register, blocksize=args.blocksize)
            partials = bag.map_partitions(score_lines, args.framework).compute()
        total: Dict[str, int] = collections.Counter()
        for p in partials:
            total.update({k: int(v) for k, v in p.items()})
    if cluster is not None:
        cluster.close()
    json.dump(dict(sorted(total.items())), sys.stdout)
    sys.stdout.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
