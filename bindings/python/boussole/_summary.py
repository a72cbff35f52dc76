"""Summary results (detail='summary') kept compact.

A batch of a million use-cases must fit in a couple of hundred megabytes,
so a kept summary is not a JSON line (about 830 bytes, a third of it the
provenance, the same for every use-case of a batch) nor a Summary object
(about 1 KB of Python objects), but the library's CSV record of it
(doc/result-format.md, "CSV records") without its position and empty error
cells: about 130 bytes, kept with thousands of others in one bytes object.
A Summary, or a records() dict, is built from it when it is read.
"""
import array
import csv
import itertools
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union

from . import _model

#: The provenance of every result of a stream: framework, vocabulary and
#: library, each (id or name, version[, sha256]), as the accessors give it.
ProvenanceParts = Tuple[Tuple[str, str, str], Tuple[str, str, str], Tuple[str, str]]


@dataclass(frozen=True)
class Summary:
    """A use-case's summary result (``boussole-summary/1``, detail='summary'):
    tokens and numbers, no sentences. Scores are None when not assessed."""
    id: str
    verdict: '_model.Verdict'
    score: Optional[float]
    criterion_scores: Dict[str, Optional[float]]
    criterion_statuses: Dict[str, str]
    red_lines: Tuple[str, ...]
    failed_conditions: Tuple[str, ...]
    missing: Tuple[str, ...]
    unknown: Tuple[str, ...]    # JSON paths, e.g. '$.facts.hostnig'
    provenance: Dict[str, Any]

    ok = True

    @classmethod
    def from_line(cls, line: bytes) -> 'Summary':
        """A Summary from its JSON line (boussole-summary/1)."""
        d = json.loads(line)
        return cls(d['id'], _model.Verdict(d['verdict']), _score(d['score']),
                   {c['id']: _score(c['score']) for c in d['criteria']},
                   {c['id']: c['status'] for c in d['criteria']},
                   tuple(d['red_lines']), tuple(d['failed_conditions']), tuple(d['missing']),
                   tuple(d['unknown']), d['provenance'])


def _score(v: Any) -> Optional[float]:
    """A score of a record: a float, or None (JSON null) when not assessed."""
    return None if v is None else float(v)


class Row:
    """One summary as a stream hands it over: its compact CSV record, the
    exact unknown paths when one holds a '|' (the CSV list separator),
    and the stream's provenance (one object shared by every row)."""
    __slots__ = ('payload', 'unknown', 'provenance')

    def __init__(self, payload: bytes, unknown: Optional[Tuple[str, ...]],
                 provenance: ProvenanceParts) -> None:
        self.payload = payload
        self.unknown = unknown
        self.provenance = provenance


#: (verdict, score, criterion scores, criterion statuses, red lines,
#: failed conditions, missing, unknown) and the id: what a record holds.
Parsed = Tuple[str, '_model.Verdict', Optional[float], List[Optional[float]], List[str],
               Tuple[str, ...], Tuple[str, ...], Tuple[str, ...], Tuple[str, ...]]

_VERDICTS = {v.value: v for v in _model.Verdict}


def _cells(payload: bytes) -> List[str]:
    text = payload.decode('utf-8')
    if '"' not in text:   # nothing quoted: the cells are what lies between commas
        return text.split(',')
    return next(csv.reader(io.StringIO(text, newline='')))


def _list(cell: str) -> Tuple[str, ...]:
    return tuple(cell.split('|')) if cell else ()


def parse(payload: bytes, unknown: Optional[Tuple[str, ...]], n: int) -> Parsed:
    """The values of a compact record of a framework of n criteria."""
    c = _cells(payload)
    scores = [float(s) if s else None for s in c[3:3 + 2 * n:2]]
    statuses = c[4:4 + 2 * n:2]
    k = 3 + 2 * n
    return (c[0], _VERDICTS[c[1]], float(c[2]) if c[2] else None, scores, statuses,
            _list(c[k]), _list(c[k + 1]), _list(c[k + 2]),
            _list(c[k + 3]) if unknown is None else unknown)


def provenance_dict(p: ProvenanceParts) -> Dict[str, Any]:
    """The provenance member of a summary (a new dict each time: it is mutable)."""
    (fid, fver, fsha), (vid, vver, vsha), (lname, lver) = p
    return {'framework': {'id': fid, 'version': fver, 'sha256': fsha},
            'vocabulary': {'id': vid, 'version': vver, 'sha256': vsha},
            'library': {'name': lname, 'version': lver}}


def summary(row: Row, ids: Tuple[str, ...]) -> Summary:
    uid, verdict, score, scores, statuses, red, failed, missing, unknown = parse(
        row.payload, row.unknown, len(ids))
    # _new: not the frozen dataclass's __init__, which sets each field through
    # object.__setattr__ (evaluate_stream builds one Summary per use-case).
    return _model._new(Summary, {
        'id': uid, 'verdict': verdict, 'score': score,
        'criterion_scores': dict(zip(ids, scores)), 'criterion_statuses': dict(zip(ids, statuses)),
        'red_lines': red, 'failed_conditions': failed, 'missing': missing, 'unknown': unknown,
        'provenance': provenance_dict(row.provenance)})


def record(row: Row, ids: Tuple[str, ...]) -> Dict[str, Any]:
    """The flat dict of records() for a summary (no title)."""
    uid, verdict, score, scores, statuses, red, failed, missing, unknown = parse(
        row.payload, row.unknown, len(ids))
    rec: Dict[str, Any] = {'id': uid, 'title': None, 'verdict': verdict.value, 'score': score}
    for cid, s, st in zip(ids, scores, statuses):
        rec[cid + '_score'] = s
        rec[cid + '_status'] = st
    rec['missing'] = len(missing)
    rec['red_lines'] = ', '.join(red)
    rec['error'] = None
    (fid, fver, _), _, _ = row.provenance
    # An unknown key's path is $.facts.KEY or $.evidence.KEY: the key is its last part.
    rec['missing_facts'] = ', '.join(missing)
    rec['failed_conditions'] = ', '.join(failed)
    rec['unknown'] = ', '.join(p.split('.', 2)[-1] for p in unknown)
    rec['framework'] = fid
    rec['framework_version'] = fver
    return rec


class SummaryRows(Sequence[Any]):
    """The rows of a batch at summary detail, in input order: compact
    records packed by the thousand into one bytes object each (no object
    per use-case), with the error records and the rare exact unknown
    paths aside. Items are built on each access: a Summary or the
    ErrorRecord."""
    CHUNK = 4096

    def __init__(self, criterion_ids: Tuple[str, ...]) -> None:
        self._ids = criterion_ids
        self._chunks: List[bytes] = []
        self._pending: List[bytes] = []
        self._ends = array.array('Q')   # where each row ends in its chunk
        self._errors: Dict[int, '_model.ErrorRecord'] = {}
        self._unknown: Dict[int, Tuple[str, ...]] = {}
        self._provenance: Optional[ProvenanceParts] = None
        self._n = 0
        self._at = 0   # the end of the last row in the pending chunk

    def extend(self, chunk: Any) -> None:
        """Keep the rows of a _stream.Chunk: in bulk when it is plain (only
        payloads), else one by one."""
        if chunk.provenance is not None:
            self._set_provenance(chunk.provenance)
        if not chunk.plain:
            for row in chunk.rows:
                self.append(row)
            return
        rows = chunk.rows
        while rows:
            room = self.CHUNK - len(self._pending)
            part, rows = rows[:room], rows[room:]
            self._pending.extend(part)
            # each row's end: the lengths summed from where the pending chunk ends
            self._ends.extend(itertools.accumulate(map(len, part), initial=self._at))
            self._ends.pop(-len(part) - 1)   # the initial value: the last row's end again
            self._at = self._ends[-1]
            self._n += len(part)
            if len(self._pending) == self.CHUNK:
                self._pack()

    def append(self, row: Union[bytes, Row, '_model.ErrorRecord']) -> None:
        if isinstance(row, bytes):   # a payload: the provenance came with its chunk
            payload = row
        elif isinstance(row, Row):
            payload = row.payload
            if row.unknown is not None:
                self._unknown[self._n] = row.unknown
            self._set_provenance(row.provenance)
        else:
            payload = b''
            self._errors[self._n] = row
        self._pending.append(payload)
        self._at += len(payload)
        self._ends.append(self._at)
        self._n += 1
        if len(self._pending) == self.CHUNK:
            self._pack()

    def _set_provenance(self, provenance: ProvenanceParts) -> None:
        if self._provenance != provenance:
            if self._provenance is not None:   # one framework per batch: never
                raise AssertionError('two provenances in one batch')
            self._provenance = provenance

    def _pack(self) -> None:
        self._chunks.append(b''.join(self._pending))
        self._pending = []
        self._at = 0

    def __len__(self) -> int:
        return self._n

    def _row(self, i: int) -> Row:
        k, j = divmod(i, self.CHUNK)
        if k < len(self._chunks):
            payload = self._chunks[k][self._ends[i - 1] if j else 0:self._ends[i]]
        else:   # not packed yet
            payload = self._pending[j]
        assert self._provenance is not None
        return Row(payload, self._unknown.get(i), self._provenance)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError('Results index out of range')
        err = self._errors.get(i)
        if err is not None:
            return err
        return summary(self._row(i), self._ids)

    def __iter__(self) -> Iterator[Any]:
        for i in range(self._n):
            yield self[i]

    def errors(self) -> List['_model.ErrorRecord']:
        return [self._errors[i] for i in sorted(self._errors)]

    def records(self) -> List[Dict[str, Any]]:
        ids = self._ids
        return [_model.record_from_error(self._errors[i], ids) if i in self._errors
                else record(self._row(i), ids) for i in range(self._n)]
