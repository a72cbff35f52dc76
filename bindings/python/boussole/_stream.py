"""Use-cases streamed through the library one at a time (bsl_stream_*).

Each use-case is serialised, fed to a bsl_stream as one record and its
output record taken back before the next one is read, so a generator of
any length is scored in constant memory and no buffer ever holds the
whole batch. A use-case that cannot be serialised or parsed becomes an
ErrorRecord in its place.
"""
import csv
import ctypes
import io
import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from . import _errors, _model
from ._native import RECORD_FN, bsl_error, bsl_stream_options, lib

INPUT_JSONL, INPUT_CSV = 0, 1
OUTPUT_JSONL = 0
DETAILS = {'full': 0, 'summary': 1}
RECORD_RESULT, RECORD_ERROR = 0, 1
STREAM_OPTIONS_VERSION = 1


#: What a stream hands back per record: (kind, text, error or None).
Out = Tuple[int, bytes, Optional[Tuple[int, str, str, int, int, str]]]


class _Stream:
    """One bsl_stream; feed() returns the records the bytes completed."""

    def __init__(self, fw_ptr: Optional[int], input_kind: int, detail: int, lang: int) -> None:
        self.out: List[Out] = []
        self._fn = RECORD_FN(self._record)   # kept: the library calls it until free()
        so = bsl_stream_options(STREAM_OPTIONS_VERSION, input_kind, OUTPUT_JSONL, detail, lang)
        err, ptr = bsl_error(), ctypes.c_void_p()
        rc = lib.bsl_stream_new(ctypes.byref(ptr), fw_ptr, ctypes.byref(so), None, self._fn, None,
                                ctypes.byref(err))
        if rc:
            raise _errors.make_error(rc, err.message.decode('utf-8', 'replace'))
        self.ptr: Optional[ctypes.c_void_p] = ptr

    def _record(self, ctx: Optional[int], rec_p: Any) -> int:
        rec = rec_p.contents
        text = ctypes.string_at(rec.text, rec.len)
        error = None
        if rec.kind == RECORD_ERROR:
            e = rec.error.contents
            error = (e.code, _errors.NAMES.get(e.code, 'unknown'), e.message.decode('utf-8', 'replace'), e.line,
                     e.column, e.path.decode('utf-8', 'replace'))
        self.out.append((rec.kind, text, error))
        return 0

    def _check(self, rc: int, err: bsl_error) -> None:
        if rc:
            raise _errors.make_error(rc, err.message.decode('utf-8', 'replace'), err.line,
                                     err.column, err.path.decode('utf-8', 'replace'))

    def feed(self, data: bytes) -> List[Out]:
        err = bsl_error()
        self._check(lib.bsl_stream_feed(self.ptr, data, len(data), ctypes.byref(err)), err)
        out, self.out = self.out, []
        return out

    def finish(self) -> List[Out]:
        err = bsl_error()
        self._check(lib.bsl_stream_finish(self.ptr, ctypes.byref(err)), err)
        out, self.out = self.out, []
        return out

    def close(self) -> None:
        if self.ptr:
            lib.bsl_stream_free(self.ptr)
            self.ptr = None


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
        d = json.loads(line)
        return cls(d['id'], _model.Verdict(d['verdict']), _score(d['score']),
                   {c['id']: _score(c['score']) for c in d['criteria']},
                   {c['id']: c['status'] for c in d['criteria']},
                   tuple(d['red_lines']), tuple(d['failed_conditions']), tuple(d['missing']),
                   tuple(d['unknown']), d['provenance'])


def _score(v: Any) -> Optional[float]:
    """A score of a record: a float, or None (JSON null) when not assessed."""
    return None if v is None else float(v)


def _plain(v: Any) -> Any:
    """v with numpy scalars and arrays as Python values, NaN as None (not
    answered), tuples and sets as lists: what json.dumps can write."""
    if isinstance(v, float):
        return None if math.isnan(v) else v
    if isinstance(v, (str, bool, int)) or v is None:
        return v
    if isinstance(v, Mapping):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set, frozenset)):
        return [_plain(x) for x in v]
    if hasattr(v, 'tolist'):          # numpy scalar or array
        return _plain(v.tolist())
    return v


def _json_line(uc: Mapping[str, Any]) -> bytes:
    try:
        text = json.dumps(uc, ensure_ascii=False, separators=(',', ':'), allow_nan=False)
    except (TypeError, ValueError):
        try:
            text = json.dumps(_plain(uc), ensure_ascii=False, separators=(',', ':'),
                              allow_nan=False)
        except (TypeError, ValueError) as e:
            raise TypeError('not JSON-serialisable: %s' % e) from None
    return text.encode('utf-8')


def _arg_error(index: int, uid: Optional[str], message: str,
               source: Optional[str] = None) -> '_model.ErrorRecord':
    return _model.ErrorRecord(index, uid, _errors.ARG, 'arg', message, 0, 0, '', source)


_NEWLINES_TO_TABS = bytes.maketrans(b'\n\r', b'\t\t')

#: A row as Results keeps it: (full result line, use-case bytes), a
#: summary line, or an ErrorRecord.
Row = Union[Tuple[bytes, bytes], bytes, '_model.ErrorRecord']


def stream_rows(fw_ptr: Optional[int], usecases: Iterable[Any], lang: int, detail: int,
                to_bytes: Callable[[Any, str], Tuple[bytes, Optional[str]]],
                error_alone: Callable[[int, bytes, Optional[str], Optional[str]], '_model.ErrorRecord']
                ) -> Iterator[Row]:
    """The rows of usecases (dicts, JSON texts, paths), one at a time."""
    if is_dataframe(usecases):
        yield from _dataframe_rows(fw_ptr, usecases, lang, detail)
        return
    stream = _Stream(fw_ptr, INPUT_JSONL, detail, lang)
    try:
        for index, uc in enumerate(usecases):
            uid = uc.get('id') if isinstance(uc, Mapping) else None
            uid = uid if isinstance(uid, str) else None
            try:
                if isinstance(uc, Mapping):
                    data, source = _json_line(uc), None
                else:
                    data, source = to_bytes(uc, 'use-case %d' % index)
            except _errors.FileError as e:
                yield _model.ErrorRecord(index, None, e.code, e.name, e.message, e.line, e.column,
                                         e.path, e.source)
                continue
            except TypeError as e:
                yield _arg_error(index, uid, 'use-case %d: %s' % (index, e))
                continue
            line = data.translate(_NEWLINES_TO_TABS) if b'\n' in data or b'\r' in data else data
            if not line.strip(b' \t'):
                yield error_alone(index, data, source, uid)   # the stream would skip it
                continue
            (kind, text, err), = stream.feed(line + b'\n')
            if kind == RECORD_RESULT:
                yield (text, data) if detail == 0 else text
            elif line is not data:
                yield error_alone(index, data, source, uid)   # positions in the text as given
            else:
                assert err is not None
                yield _model.ErrorRecord(index, uid, err[0], err[1], err[2], err[3], err[4],
                                         err[5], source)
        stream.finish()
    finally:
        stream.close()


def is_dataframe(obj: Any) -> bool:
    """A pandas DataFrame (recognised without importing pandas)."""
    return type(obj).__name__ == 'DataFrame' and hasattr(obj, 'itertuples') and hasattr(obj, 'columns')


def _cell(v: Any) -> str:
    """A DataFrame cell as the CSV register writes it (doc/usecase-format.md)."""
    v = _plain(v)
    if v is None:
        return ''
    if v is True or v is False:
        return 'true' if v else 'false'
    if isinstance(v, list):
        return '|'.join(str(x) for x in v) if v else '[]'
    return str(v)


def _dataframe_rows(fw_ptr: Optional[int], df: Any, lang: int, detail: int) -> Iterator[Row]:
    """A DataFrame in the wide form of a CSV register (columns id, title,
    ..., fact keys, evidence.<fact>), streamed through the CSV reader so its
    cells are typed with the vocabulary exactly as a CSV file's."""
    columns = [str(c) for c in df.columns]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator='\n')

    def encoded(cells: List[str]) -> bytes:
        buf.seek(0)
        buf.truncate()
        writer.writerow(cells)
        return buf.getvalue().encode('utf-8')

    id_at = columns.index('id') if 'id' in columns else None
    stream = _Stream(fw_ptr, INPUT_CSV, detail, lang)
    try:
        stream.feed(encoded(columns))   # the header: no record
        for index, row in enumerate(df.itertuples(index=False, name=None)):
            cells = [_cell(v) for v in row]
            uid = cells[id_at] if id_at is not None and cells[id_at] else None
            out = stream.feed(encoded(cells))
            if not out:   # a row of empty cells: a blank record, which CSV skips
                yield _arg_error(index, uid, 'row %d is empty' % index)
                continue
            (kind, text, err), = out
            if kind == RECORD_RESULT:
                yield (text, b'') if detail == 0 else text
            else:
                assert err is not None
                yield _model.ErrorRecord(index, uid, err[0], err[1], err[2], err[3], err[4],
                                         err[5], None)
        stream.finish()
    finally:
        stream.close()
