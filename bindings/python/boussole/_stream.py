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
from collections.abc import Mapping
from typing import (Any, Callable, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple,
                    Union)

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


#: The end of a CSV result record: its five error cells, empty.
_NO_ERROR = b',,,,,\n'


class _Failed:
    """An error record of a stream: (code, name, message, line, column, path)."""
    __slots__ = ('error',)

    def __init__(self, error: Tuple[int, str, str, int, int, str]) -> None:
        self.error = error


class _Stream:
    """One bsl_stream; feed() returns the records the bytes completed: a
    full result's JSON line (bytes), at summary detail (CSV) its compact
    payload (bytes) or, when an unknown path holds the list separator, a
    _summary.Row, and a _Failed for an error record. special counts the
    records that are not plain bytes, so that a chunk without any is
    taken in bulk."""

    def __init__(self, fw_ptr: Optional[int], input_kind: int, detail: int, lang: int) -> None:
        self.out: List[Any] = []
        self._add = self.out.append
        self.special = 0
        self._fn = RECORD_FN(self._record)   # kept: the library calls it until free()
        self._csv = detail == 1
        self.provenance: Optional[_summary.ProvenanceParts] = None
        self._err = bsl_error()   # one for every call: only read when a call fails
        self._err_p = ctypes.byref(self._err)
        so = bsl_stream_options(STREAM_OPTIONS_VERSION, input_kind,
                                OUTPUT_CSV if self._csv else OUTPUT_JSONL, detail, lang)
        ptr = ctypes.c_void_p()
        rc = lib.bsl_stream_new(ctypes.byref(ptr), fw_ptr, ctypes.byref(so), None, self._fn, None,
                                self._err_p)
        if rc:
            raise _errors.make_error(rc, self._err.message.decode('utf-8', 'replace'))
        self.ptr: Optional[ctypes.c_void_p] = ptr

    def _record(self, ctx: Optional[int], rec_p: Any) -> int:
        # Called by the library once per record: kept to the least work.
        rec = rec_p.contents
        kind = rec.kind
        if kind == RECORD_RESULT:
            text = ctypes.string_at(rec.text, rec.len)
            self._add(self._payload(text, rec.result) if self._csv else text)
        elif kind == RECORD_ERROR:   # not RECORD_HEADER: the CSV header's columns are known
            e = rec.error.contents
            self.special += 1
            self._add(_Failed((e.code, _errors.NAMES.get(e.code, 'unknown'),
                               e.message.decode('utf-8', 'replace'), e.line, e.column,
                               e.path.decode('utf-8', 'replace'))))
        return 0

    def _payload(self, text: bytes, result: Optional[int]) -> Union[bytes, _summary.Row]:
        """The compact summary of a CSV result record: without its index,
        input line and empty error cells."""
        start = text.index(b',', text.index(b',') + 1) + 1
        payload = text[start:-len(_NO_ERROR)] if text.endswith(_NO_ERROR) else text[start:]
        if self.provenance is None:
            self.provenance = _provenance(result)
        if b'$' in text and _may_hold_bar(payload):   # an unknown path may hold the list separator
            paths = tuple(cstr(lib.bsl_result_unknown_path(result, i)) or ''
                          for i in range(lib.bsl_result_unknown_count(result)))
            if any('|' in p for p in paths):
                self.special += 1
                return _summary.Row(payload, paths, self.provenance)
        return payload

    def _check(self, rc: int) -> None:
        if rc:
            err = self._err
            raise _errors.make_error(rc, err.message.decode('utf-8', 'replace'), err.line,
                                     err.column, err.path.decode('utf-8', 'replace'))

    def _take(self) -> List[Any]:
        out = self.out
        self.out = []
        self._add = self.out.append
        return out

    def feed(self, data: bytes) -> List[Any]:
        self._check(lib.bsl_stream_feed(self.ptr, data, len(data), self._err_p))
        return self._take()

    def finish(self) -> List[Any]:
        self._check(lib.bsl_stream_finish(self.ptr, self._err_p))
        return self._take()

    def close(self) -> None:
        if self.ptr:
            lib.bsl_stream_free(self.ptr)
            self.ptr = None


def _may_hold_bar(payload: bytes) -> bool:
    """Whether the unknown cell, the last of a compact payload, may hold a
    '|' (then the paths are asked of the result). Unquoted, it is what
    follows the last comma; a quoted cell is not looked into."""
    return b'"' in payload or b'|' in payload[payload.rfind(b',') + 1:]


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


def _line_encoder() -> Tuple[Callable[[Any, int], Any], Dict[int, Any]]:
    """(chunks, markers): chunks(uc, 0) gives the pieces of _encode(uc), by
    the json module's C encoder made once per batch instead of once per
    use-case as JSONEncoder.encode() makes it (a tenth of the cost of a
    dict). markers is its cycle check: a failed call leaves entries there,
    which must be cleared before the next. Falls back to _encode itself
    when that encoder is missing or does not write what _encode writes."""
    make: Any = getattr(json.encoder, 'c_make_encoder', None)   # None: no _json module
    markers: Dict[int, Any] = {}
    probe = {'a': [1, 2.5, None, True], '\u00e9': {'b': '"\n'}}
    try:
        escape = getattr(json.encoder, 'encode_basestring_ascii')
        # (markers, default, string encoder, indent, key and item separators,
        # sort_keys, skipkeys, allow_nan), as JSONEncoder.iterencode passes them
        chunks = make(markers, _not_serialisable, escape, None, ':', ',', False, False, False)
        if ''.join(chunks(probe, 0)) == _encode(probe):
            return chunks, markers
    except Exception:   # another Python's encoder: the slower, documented path
        pass
    return lambda uc, _: (_encode(uc),), markers


def _not_serialisable(obj: Any) -> Any:
    """The C encoder's default(): what JSONEncoder.default raises."""
    raise TypeError('Object of type %s is not JSON serializable' % type(obj).__name__)


def _arg_error(index: int, uid: Optional[str], message: str,
               source: Optional[str] = None) -> '_model.ErrorRecord':
    return _model.ErrorRecord(index, uid, _errors.ARG, 'arg', message, 0, 0, '', source)


_NEWLINES_TO_TABS = bytes.maketrans(b'\n\r', b'\t\t')

#: A row as Results keeps it: (full result line, use-case bytes), a
#: summary's compact payload (bytes) or _summary.Row, or an ErrorRecord.
Row = Union[Tuple[bytes, bytes], bytes, _summary.Row, '_model.ErrorRecord']
#: What a use-case fed by the slow path left to know if it fails: (bytes as
#: given, file name, whether its error must be asked of it alone), or its
#: ErrorRecord when it could not be fed.
_Note = Union[Tuple[bytes, Optional[str], bool], '_model.ErrorRecord']
ErrorAlone = Callable[[int, bytes, Optional[str], Optional[str]], '_model.ErrorRecord']
Fix = Callable[['_model.ErrorRecord'], '_model.ErrorRecord']


class Chunk(NamedTuple):
    """The rows of the use-cases of one feed, in order. plain: every row is
    a full result (text, data) or a summary payload (bytes), no error and
    no _summary.Row, so they can be kept in bulk."""
    rows: List[Row]
    plain: bool
    provenance: Optional[_summary.ProvenanceParts]


def stream_rows(fw_ptr: Optional[int], usecases: Iterable[Any], lang: int, detail: int,
                to_bytes: Callable[[Any, str], Tuple[bytes, Optional[str]]],
                error_alone: ErrorAlone, fix: Fix, chunk: int = 1) -> Iterator[Row]:
    """The rows of usecases one by one, a summary payload as a _summary.Row."""
    if is_dataframe(usecases):
        yield from _dataframe_rows(fw_ptr, usecases, lang, detail, fix)
        return
    for rows, plain, provenance in stream_chunks(fw_ptr, usecases, lang, detail, to_bytes,
                                                 error_alone, fix, chunk):
        for row in rows:
            if type(row) is bytes:
                assert provenance is not None
                yield _summary.Row(row, None, provenance)
            else:
                yield row


def stream_chunks(fw_ptr: Optional[int], usecases: Iterable[Any], lang: int, detail: int,
                  to_bytes: Callable[[Any, str], Tuple[bytes, Optional[str]]],
                  error_alone: ErrorAlone, fix: Fix, chunk: int = 1) -> Iterator[Chunk]:
    """The rows of usecases (dicts, JSON texts, paths), in order, fed to the
    library chunk use-cases at a time (1: each is evaluated before the next
    is read), a Chunk per feed; fix() is applied to every ErrorRecord. A
    dict, str or bytes takes the fast path (no object made per use-case but
    its line); anything else, or a dict the C encoder refuses, the slow one
    (_note)."""
    stream = _Stream(fw_ptr, INPUT_JSONL, detail, lang)
    chunks_of, markers = _line_encoder()
    join = ''.join
    try:
        base = 0
        ucs: List[Any] = []
        lines: List[bytes] = []
        notes: Dict[int, _Note] = {}
        for uc in usecases:
            kind = type(uc)
            if kind is dict:
                try:
                    lines.append(join(chunks_of(uc, 0)).encode('ascii'))
                except BaseException as e:
                    markers.clear()
                    if not isinstance(e, (TypeError, ValueError)):
                        raise
                    _note(base, len(ucs), uc, to_bytes, lines, notes, error_alone, fix)
            elif kind is bytes and _one_line(uc):
                lines.append(uc)
            elif kind is str and _one_line(text := uc.encode('utf-8', 'surrogatepass')):
                lines.append(text)   # as _framework._to_bytes encodes a str
            else:
                _note(base, len(ucs), uc, to_bytes, lines, notes, error_alone, fix)
            ucs.append(uc)
            if len(ucs) >= chunk:
                yield _flush(stream, base, ucs, lines, notes, detail, error_alone, fix)
                base += len(ucs)
                ucs, lines = [], []
                if notes:
                    notes = {}
        if ucs:
            yield _flush(stream, base, ucs, lines, notes, detail, error_alone, fix)
        stream.finish()
    finally:
        stream.close()


def _one_line(data: bytes) -> bool:
    """data can be fed as it is: no line break but a final "\\n" (a line of
    a JSON Lines file read lazily; the empty line it leaves is skipped), not
    blank, and an error in it is where the library says."""
    n = data.find(b'\n')
    return ((n < 0 or n == len(data) - 1) and data[:1] not in b' \t\r\n'
            and b'\r' not in data)


def _note(base: int, j: int, uc: Any, to_bytes: Callable[[Any, str], Tuple[bytes, Optional[str]]],
          lines: List[bytes], notes: Dict[int, _Note], error_alone: ErrorAlone, fix: Fix) -> None:
    """The slow path of the use-case at position j of a chunk: its line fed
    (line breaks as tabs), or its ErrorRecord."""
    index = base + j
    item = _prepare(index, uc, to_bytes)
    if not isinstance(item, tuple):
        notes[j] = fix(item)
        return
    data, source, line = item
    if _blank(line):   # the stream would skip it
        notes[j] = fix(error_alone(index, data, source, _uid(uc)))
        return
    notes[j] = (data, source, line is not data or data.endswith(b'\n'))
    lines.append(line)


def _uid(uc: Any) -> Optional[str]:
    """The id of a use-case given as a mapping, for its ErrorRecord."""
    uid = uc.get('id') if isinstance(uc, Mapping) else None
    return uid if isinstance(uid, str) else None


def _blank(line: bytes) -> bool:
    """Only whitespace (or nothing), which the stream skips; a dict's JSON
    starts with '{', so the copy strip() makes is rarely needed."""
    return line[:1] in b' \t\r\n' and not line.strip(b' \t\r\n')


def _prepare(index: int, uc: Any, to_bytes: Callable[[Any, str], Tuple[bytes, Optional[str]]]
             ) -> Union[Tuple[bytes, Optional[str], bytes], '_model.ErrorRecord']:
    """A use-case as (bytes as given, file name, the line to feed), or the
    ErrorRecord saying why it cannot be fed."""
    try:
        if isinstance(uc, Mapping):   # json.dumps writes no raw line break
            data = json_line(uc)
            return (data, None, data)
        data, source = to_bytes(uc, 'use-case %d' % index)
    except _errors.FileError as e:
        return _model.ErrorRecord(index, None, e.code, e.name, e.message, e.line, e.column,
                                  e.path, e.source)
    except TypeError as e:
        return _arg_error(index, _uid(uc), 'use-case %d: %s' % (index, e))
    if data.endswith(b'\n') and _one_line(data):
        return (data, source, data)
    line = data.translate(_NEWLINES_TO_TABS) if b'\n' in data or b'\r' in data else data
    return (data, source, line)


def _flush(stream: _Stream, base: int, ucs: List[Any], lines: List[bytes],
           notes: Dict[int, _Note], detail: int, error_alone: ErrorAlone, fix: Fix) -> Chunk:
    """Feed the lines of a chunk in one call; its rows in order (each line
    gives one record: none is blank). Without notes nor special records
    the stream's output is the rows (with each line, at full detail)."""
    special = stream.special
    out: List[Any] = []
    if lines:
        lines.append(b'')   # the final newline, in the one copy join() makes
        out = stream.feed(b'\n'.join(lines))
        lines.pop()
    if not notes and stream.special == special:
        return Chunk(out if detail else list(zip(out, lines)), True, stream.provenance)
    rows: List[Row] = []
    k = 0
    for j, uc in enumerate(ucs):
        note = notes.get(j)
        if note is not None and not isinstance(note, tuple):
            rows.append(note)
            continue
        # A line fed with its final newline: an error at its end is after it in the text.
        data, source, alone = (note if note is not None
                               else (lines[k], None, lines[k].endswith(b'\n')))
        got = out[k]
        k += 1
        if not isinstance(got, _Failed):
            rows.append(got if detail else (got, data))
        elif alone:   # positions in the text as given
            rows.append(fix(error_alone(base + j, data, source, _uid(uc))))
        else:
            rows.append(fix(_model.ErrorRecord(base + j, _uid(uc), *got.error, source)))
    return Chunk(rows, False, stream.provenance)


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


def _dataframe_rows(fw_ptr: Optional[int], df: Any, lang: int, detail: int,
                    fix: Fix) -> Iterator[Row]:
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
                yield fix(_arg_error(index, uid, 'row %d is empty' % index))
                continue
            got, = out
            if isinstance(got, _Failed):
                yield fix(_model.ErrorRecord(index, uid, *got.error, None))
            elif type(got) is not bytes:
                yield got   # a _summary.Row with its exact unknown paths
            elif detail:
                assert stream.provenance is not None
                yield _summary.Row(got, None, stream.provenance)
            else:
                yield (got, b'')
        stream.finish()
    finally:
        stream.close()
