"""Use-cases streamed through the library (bsl_stream_*).

Each use-case is serialised and fed to a bsl_stream as one record, its
output record taken back as soon as it is made: evaluate_stream feeds one
use-case at a time, evaluate_many a few hundred per call (one crossing of
the C boundary for many), so a generator of any length is scored in
constant memory and no buffer ever holds the whole batch. A use-case that
cannot be serialised or parsed becomes an ErrorRecord in its place. At
summary detail the stream writes CSV records, which _summary keeps
compact.
"""
import csv
import ctypes
import io
import json
import math
import os
from collections.abc import Mapping
from typing import Any, Callable, Iterable, Iterator, List, Optional, Tuple, Union

from . import _errors, _model, _summary
from ._native import RECORD_FN, bsl_error, bsl_stream_options, cstr, lib
from ._summary import Summary as Summary   # its home before 0.2: boussole._stream.Summary

INPUT_JSONL, INPUT_CSV = 0, 1
OUTPUT_JSONL, OUTPUT_CSV = 0, 1
DETAILS = {'full': 0, 'summary': 1}
RECORD_RESULT, RECORD_ERROR, RECORD_HEADER = 0, 1, 2
#: Use-cases fed to the library per call by evaluate_many (evaluate_stream: one).
CHUNK = 32
STREAM_OPTIONS_VERSION = 1


#: What a stream hands back per record: (kind, text or summary row, error or None).
Out = Tuple[int, Union[bytes, _summary.Row], Optional[Tuple[int, str, str, int, int, str]]]
#: The end of a CSV result record: its five error cells, empty.
_NO_ERROR = b',,,,,\n'


class _Stream:
    """One bsl_stream; feed() returns the records the bytes completed. At
    summary detail it writes CSV and hands back _summary.Row items."""

    def __init__(self, fw_ptr: Optional[int], input_kind: int, detail: int, lang: int) -> None:
        self.out: List[Out] = []
        self._fn = RECORD_FN(self._record)   # kept: the library calls it until free()
        self._csv = detail == 1
        self._provenance: Optional[_summary.ProvenanceParts] = None
        so = bsl_stream_options(STREAM_OPTIONS_VERSION, input_kind,
                                OUTPUT_CSV if self._csv else OUTPUT_JSONL, detail, lang)
        err, ptr = bsl_error(), ctypes.c_void_p()
        rc = lib.bsl_stream_new(ctypes.byref(ptr), fw_ptr, ctypes.byref(so), None, self._fn, None,
                                ctypes.byref(err))
        if rc:
            raise _errors.make_error(rc, err.message.decode('utf-8', 'replace'))
        self.ptr: Optional[ctypes.c_void_p] = ptr

    def _record(self, ctx: Optional[int], rec_p: Any) -> int:
        rec = rec_p.contents
        kind = rec.kind
        if kind == RECORD_HEADER:   # the CSV header: the columns are known
            return 0
        text = ctypes.string_at(rec.text, rec.len)
        error = None
        if kind == RECORD_ERROR:
            e = rec.error.contents
            error = (e.code, _errors.NAMES.get(e.code, 'unknown'), e.message.decode('utf-8', 'replace'), e.line,
                     e.column, e.path.decode('utf-8', 'replace'))
        elif self._csv:
            self.out.append((kind, self._row(text, rec.result), None))
            return 0
        self.out.append((kind, text, error))
        return 0

    def _row(self, text: bytes, result: Optional[int]) -> _summary.Row:
        """The compact summary of a CSV result record: without its index,
        input line and empty error cells."""
        start = text.index(b',', text.index(b',') + 1) + 1
        end = len(text) - len(_NO_ERROR) if text.endswith(_NO_ERROR) else len(text)
        unknown = None
        if b'$' in text:   # maybe an unknown key: its path may hold the list separator
            paths = tuple(cstr(lib.bsl_result_unknown_path(result, i)) or ''
                          for i in range(lib.bsl_result_unknown_count(result)))
            if any('|' in p for p in paths):
                unknown = paths
        if self._provenance is None:
            self._provenance = _provenance(result)
        return _summary.Row(text[start:end], unknown, self._provenance)

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


def _provenance(result: Optional[int]) -> _summary.ProvenanceParts:
    """The provenance of a result, as its accessors give it."""
    def get(fn: Any) -> str:
        return cstr(fn(result)) or ''
    return ((get(lib.bsl_result_framework_id), get(lib.bsl_result_framework_version),
             get(lib.bsl_result_framework_sha256)),
            (get(lib.bsl_result_vocabulary_id), get(lib.bsl_result_vocabulary_version),
             get(lib.bsl_result_vocabulary_sha256)),
            ('libboussole', get(lib.bsl_result_library_version)))


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


#: json.dumps(uc, separators=(',', ':'), allow_nan=False) without making a
#: new JSONEncoder per use-case (encode() keeps no state). Characters
#: outside ASCII are written as \\u escapes, which the library reads back
#: as the same text: the encoder's ASCII path and the bytes of an ASCII str
#: cost less than UTF-8 (a third less with Debian's Python 3.11), and a
#: lone surrogate becomes an error of its use-case, not an exception.
_encode = json.JSONEncoder(separators=(',', ':'), allow_nan=False).encode


def json_line(uc: Mapping[str, Any]) -> bytes:
    """A dict as one line of compact JSON (numpy values and NaN as _plain
    makes them); TypeError when it cannot be serialised."""
    try:
        text = _encode(uc)
    except (TypeError, ValueError):
        try:
            text = _encode(_plain(uc))
        except (TypeError, ValueError) as e:
            raise TypeError('not JSON-serialisable: %s' % e) from None
    return text.encode('ascii')


def _arg_error(index: int, uid: Optional[str], message: str,
               source: Optional[str] = None) -> '_model.ErrorRecord':
    return _model.ErrorRecord(index, uid, _errors.ARG, 'arg', message, 0, 0, '', source)


_NEWLINES_TO_TABS = bytes.maketrans(b'\n\r', b'\t\t')

#: A row as Results keeps it: (full result line, use-case bytes), a
#: summary, or an ErrorRecord.
Row = Union[Tuple[bytes, bytes], _summary.Row, '_model.ErrorRecord']
#: A use-case waiting in a chunk: (index, id, bytes as given, file name,
#: the line fed), or its ErrorRecord when it could not be fed.
_Waiting = Union[Tuple[int, Optional[str], bytes, Optional[str], bytes], '_model.ErrorRecord']
ErrorAlone = Callable[[int, bytes, Optional[str], Optional[str]], '_model.ErrorRecord']


def stream_rows(fw_ptr: Optional[int], usecases: Iterable[Any], lang: int, detail: int,
                to_bytes: Callable[[Any, str], Tuple[bytes, Optional[str]]],
                error_alone: ErrorAlone, chunk: int = 1) -> Iterator[Row]:
    """The rows of usecases (dicts, JSON texts, paths), in order, fed to
    the library chunk use-cases at a time (1: each is evaluated before the
    next is read)."""
    if is_dataframe(usecases):
        yield from _dataframe_rows(fw_ptr, usecases, lang, detail)
        return
    stream = _Stream(fw_ptr, INPUT_JSONL, detail, lang)
    try:
        waiting: List[_Waiting] = []
        lines: List[bytes] = []
        for index, uc in enumerate(usecases):
            item = _prepare(index, uc, to_bytes)
            if not isinstance(item, tuple):
                waiting.append(item)
            elif _blank(item[4]):   # the stream would skip it
                waiting.append(error_alone(item[0], item[2], item[3], item[1]))
            else:
                waiting.append(item)
                lines.append(item[4])
            if len(waiting) >= chunk:
                yield from _flush(stream, waiting, lines, detail, error_alone)
                waiting, lines = [], []
        yield from _flush(stream, waiting, lines, detail, error_alone)
        stream.finish()
    finally:
        stream.close()


def _blank(line: bytes) -> bool:
    """Only spaces and tabs (or nothing); a dict's JSON starts with '{', so
    the copy strip() makes is rarely needed."""
    return line[:1] in b' \t' and not line.strip(b' \t')


def _prepare(index: int, uc: Any, to_bytes: Callable[[Any, str], Tuple[bytes, Optional[str]]]
             ) -> _Waiting:
    """A use-case serialised on one line, or the ErrorRecord saying why not."""
    mapping = type(uc) is dict or isinstance(uc, Mapping)   # the ABC's check costs more
    uid = uc.get('id') if mapping else None
    uid = uid if isinstance(uid, str) else None
    try:
        if mapping:   # json.dumps writes no raw line break
            data = json_line(uc)
            return (index, uid, data, None, data)
        data, source = to_bytes(uc, 'use-case %d' % index)
    except _errors.FileError as e:
        return _model.ErrorRecord(index, None, e.code, e.name, e.message, e.line, e.column,
                                  e.path, e.source)
    except TypeError as e:
        return _arg_error(index, uid, 'use-case %d: %s' % (index, e))
    line = data.translate(_NEWLINES_TO_TABS) if b'\n' in data or b'\r' in data else data
    return (index, uid, data, source, line)


def _flush(stream: _Stream, waiting: List[_Waiting], lines: List[bytes], detail: int,
           error_alone: ErrorAlone) -> Iterator[Row]:
    """Feed the lines of a chunk in one call; the rows of its use-cases in
    order (each line gives one record: none is blank)."""
    out = iter(stream.feed(b'\n'.join(lines) + b'\n') if lines else ())
    for item in waiting:
        if not isinstance(item, tuple):
            yield item
            continue
        index, uid, data, source, line = item
        kind, text, err = next(out)
        if kind == RECORD_RESULT:
            if detail == 0:
                assert isinstance(text, bytes)
                yield (text, data)
            else:
                assert isinstance(text, _summary.Row)
                yield text
        elif line is not data:
            yield error_alone(index, data, source, uid)   # positions in the text as given
        else:
            assert err is not None
            yield _model.ErrorRecord(index, uid, err[0], err[1], err[2], err[3], err[4],
                                     err[5], source)


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
                yield (text, b'') if isinstance(text, bytes) else text
            else:
                assert err is not None
                yield _model.ErrorRecord(index, uid, err[0], err[1], err[2], err[3], err[4],
                                         err[5], None)
        stream.finish()
    finally:
        stream.close()
