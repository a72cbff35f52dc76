#!/usr/bin/env python3
"""Score a register: every use-case file of a folder, in one call into
libboussole. Prints a summary table and writes one CSV row per use-case.

Usage:
    score_register.py [--lang fr|en] [--framework ID|FILE] [--csv OUT.csv] FOLDER

The CSV has the columns of boussole.Results.records(), after the file
name: id, title, verdict, score, C1_score, C1_status, ... , missing,
red_lines, error. A file that cannot be evaluated gets a row with its
error and does not stop the others; the exit status is then 1.

Example (in a development tree, without installing):
    PYTHONPATH=bindings/python python3 examples/python/score_register.py examples/usecases
"""
import argparse
import collections
import csv
import pathlib
import sys

import boussole


def main(argv=None):
    parser = argparse.ArgumentParser(description='Score a folder of use-case files.')
    parser.add_argument('folder', help='folder holding the use-cases (*.json)')
    parser.add_argument('--lang', choices=('fr', 'en'), default='fr')
    parser.add_argument('--framework', help='embedded framework id or framework file '
                        '(default: the Nantes boussole)')
    parser.add_argument('--csv', default='register.csv', help='CSV to write (default: register.csv)')
    args = parser.parse_args(argv)

    # Files are pathlib.Paths: boussole reads a str as JSON text, never as a file name.
    files = sorted(p for p in pathlib.Path(args.folder).iterdir() if p.name.endswith('.json'))
    if not files:
        parser.error('no *.json file in %s' % args.folder)

    if args.framework is None:
        fw = boussole.Framework.default()
    elif args.framework in boussole.frameworks():
        fw = boussole.Framework.embedded(args.framework)
    else:
        fw = boussole.Framework.load(pathlib.Path(args.framework))

    with fw:
        results = fw.evaluate_many(files, lang=args.lang)
        records = results.records()

    def score(v):  # None: no score (not assessed)
        return '—' if v is None else '%.1f' % v

    # The summary table.
    ids = fw.criterion_ids
    head = ['use-case', 'verdict', 'score'] + list(ids) + ['missing']
    rows = []
    for path, rec in zip(files, records):
        if rec['error'] is not None:
            rows.append([path.name, 'ERROR', '', *[''] * len(ids), ''])
            continue
        rows.append([rec['id'], rec['verdict'], score(rec['score'])]
                    + [score(rec[c + '_score']) for c in ids]
                    + [str(rec['missing'])])
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    widths[0] = min(widths[0], 46)

    def line(cells):
        out = []
        for i, cell in enumerate(cells):
            cell = cell if len(cell) <= widths[i] else cell[:widths[i] - 1] + '…'
            out.append(cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i]))
        return '  '.join(out).rstrip()

    print(line(head))
    print('  '.join('-' * w for w in widths))
    for r in rows:
        print(line(r))
    counts = collections.Counter(rec['verdict'] or 'error' for rec in records)
    order = [v.value for v in boussole.Verdict] + ['error']
    print()
    print('%d use-cases (%s): %s' % (
        len(records), fw.id,
        ', '.join('%d %s' % (counts[v], v) for v in order if counts[v])))

    with open(args.csv, 'w', newline='', encoding='utf-8') as f:
        writer = csv.DictWriter(f, fieldnames=['file'] + list(records[0]))
        writer.writeheader()
        for path, rec in zip(files, records):
            writer.writerow(dict(rec, file=path.name))
    print('CSV: %s' % args.csv)

    for err in results.errors:
        print('error: %s' % err, file=sys.stderr)
    return 1 if results.errors else 0


if __name__ == '__main__':
    sys.exit(main())
