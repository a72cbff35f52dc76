"""Frameworks, evaluation and batches."""
import ctypes
import dataclasses
import html
import json
import os
import threading
import weakref
from collections.abc import Mapping, Sequence
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from . import _errors, _model, _vocabulary
TYPE_CHECKING = False  # mypy takes it as true; _summary is imported on first use
if TYPE_CHECKING:
    from . import _summary
from ._native import (FORMAT_JSON, FORMAT_JSON_COMPACT, FORMAT_MARKDOWN, FORMAT_TEXT, LANGS,
                      bsl_error, cstr, lib, take_buffer, text)
from ._render import (check as _check, default_lang as _default_lang, lang_code as _lang_code,
                      render_source as _render_source)

#: Dicts as compact JSON, non-ASCII characters escaped (what _stream.json_line writes).
_encode = json.JSONEncoder(separators=(',', ':'), allow_nan=False).encode
#: What evaluate() takes: a dict, JSON text, or a file named by a path object.
UseCase = Union[Mapping[str, Any], str, bytes, bytearray, memoryview, 'os.PathLike[str]']
#: What Framework.load() takes: the same, but no memoryview.
FrameworkSource = Union[Mapping[str, Any], str, bytes, bytearray, 'os.PathLike[str]']
#: A path as os.fspath() gives it.
PathName = Union[str, bytes]
#: A C call filling (buffer, length, error) out-parameters, as _document takes it.
DocumentCall = Callable[[Any, Any, Any], Any]
#: A Results row: (JSON line, use-case line) until built, then the built item.
_Row = Union[Tuple[bytes, bytes], _model.Result, _model.ErrorRecord]


def frameworks() -> List[str]:
    """The ids of the frameworks embedded in the library; the first is the default."""
    return [text(lib.bsl_embedded_framework_id(i))
            for i in range(lib.bsl_embedded_framework_count())]


class _Handle:
    """Owns one bsl_framework. Frameworks and the results evaluated from it
    hold a reference; weakref.finalize frees the C framework when the last
    reference goes (at once in CPython, or when the cycle collector runs)."""
    __slots__ = ('ptr', 'free', '__weakref__')

    def __init__(self, ptr: Optional[int]) -> None:
        self.ptr = ptr
        self.free = weakref.finalize(self, lib.bsl_framework_free, ptr)
        # Not at interpreter exit: a daemon thread may still be evaluating
        # on it then, and the process's memory is returned anyway.
        self.free.atexit = False


def _to_bytes(obj: object, what: str, lang: Optional[str] = None) -> Tuple[bytes, Optional[str]]:
    """(bytes, source file name or None) for a dict, JSON text or a path.

    The path rule: only an os.PathLike (pathlib.Path) names a file; a str or
    bytes is always JSON text, so text from a form or a web request can never
    open a file."""
    if isinstance(obj, Mapping):
        try:   # as a batch serialises it (\u escapes), so that positions agree
            return _encode(obj).encode('ascii'), None
        except (TypeError, ValueError) as e:
            raise TypeError('%s is not JSON-serialisable: %s' % (what, e)) from None
    if isinstance(obj, (bytes, bytearray, memoryview)):
        return bytes(obj), None
    if isinstance(obj, str):
        return obj.encode('utf-8', 'surrogatepass'), None
    if isinstance(obj, os.PathLike):
        name = _path(obj)
        return _read(name, lang), os.fsdecode(name)
    raise TypeError('%s must be a dict, JSON text (str or bytes) or a path (pathlib.Path or '
                    'another os.PathLike), not %s' % (what, type(obj).__name__))


def _path(obj: 'os.PathLike[str]') -> PathName:
    """os.fspath(obj), refusing a NUL (C would cut the name there)."""
    name = os.fspath(obj)
    if ('\0' if isinstance(name, str) else b'\0') in name:
        raise ValueError('a path must not contain NUL: %r' % (name,))
    return name


def _read(name: PathName, lang: Optional[str] = None) -> bytes:
    """The bytes of a file; a FileError whose message is in lang, else the
    locale's (as the CLI's "cannot read")."""
    try:
        with open(name, 'rb') as f:
            return f.read()
    except OSError as e:
        fr = _errors.message_lang(lang) == LANGS['fr']
        wording = 'lecture impossible\u00a0: %s' if fr else 'cannot read: %s'
        raise _errors.FileError(_errors.IO, wording % (e.strerror or e),
                                source=os.fsdecode(name)) from e


class Framework:
    """A loaded, validated, immutable framework (référentiel).

    Use it as a context manager to release it deterministically; otherwise
    it is released when garbage-collected. Results evaluated from it keep
    the C framework alive for as long as they need it (to print
    themselves), so closing never invalidates them. Evaluating from several
    threads on one Framework is safe and runs in parallel (the C calls
    release the GIL).
    """

    def __init__(self, _handle: _Handle) -> None:
        if not isinstance(_handle, _Handle):
            raise TypeError('use Framework.default(), Framework.embedded() or Framework.load()')
        self._handle: Optional[_Handle] = _handle
        ptr = _handle.ptr
        self.id = text(lib.bsl_framework_id(ptr))
        self.version = text(lib.bsl_framework_version(ptr))
        self.sha256 = text(lib.bsl_framework_sha256(ptr))
        self._titles = {lang: text(lib.bsl_framework_title(ptr, code)) for lang, code in LANGS.items()}
        n = lib.bsl_framework_criterion_count(ptr)
        self.criterion_ids = tuple(text(lib.bsl_framework_criterion_id(ptr, i)) for i in range(n))
        self._criterion_titles = {
            lang: tuple(text(lib.bsl_framework_criterion_title(ptr, i, code)) for i in range(n))
            for lang, code in LANGS.items()}

    # ---- loading -------------------------------------------------------

    @classmethod
    def default(cls) -> 'Framework':
        """The default embedded framework: the Nantes Métropole boussole."""
        return cls.embedded(None)

    @classmethod
    def embedded(cls, framework_id: Optional[str]) -> 'Framework':
        """An embedded framework by id (see boussole.frameworks())."""
        if framework_id is not None and not isinstance(framework_id, str):
            raise TypeError('a framework id must be a str, not %s' % type(framework_id).__name__)
        if framework_id is not None and '\0' in framework_id:
            raise ValueError('a framework id must not contain NUL: %r' % (framework_id,))
        err, out = bsl_error(), ctypes.c_void_p()
        cid = None if framework_id is None else framework_id.encode('utf-8')
        _check(lib.bsl_framework_load_embedded(ctypes.byref(out), cid, None, ctypes.byref(err)),
               err, framework_id)
        return cls(_Handle(out.value))

    @classmethod
    def load(cls, framework: FrameworkSource) -> 'Framework':
        """Load and validate a framework (doc/framework-format.md) from a
        dict, JSON text (str or bytes), or a file named by a pathlib.Path
        (any os.PathLike). A str is always JSON text, never a file name."""
        err, out = bsl_error(), ctypes.c_void_p()
        if isinstance(framework, os.PathLike):
            name = _path(framework)
            bname = os.fsencode(name)
            _check(lib.bsl_framework_load_file(ctypes.byref(out), bname, None, ctypes.byref(err)),
                   err, os.fsdecode(name))
        else:
            data, _ = _to_bytes(framework, 'the framework')
            _check(lib.bsl_framework_load(ctypes.byref(out), data, len(data), None,
                                          ctypes.byref(err)), err)
        return cls(_Handle(out.value))

    # ---- properties and lifetime ----------------------------------------

    def title(self, lang: str = 'fr') -> str:
        """The framework's title in lang."""
        _lang_code(lang)
        return self._titles[lang]

    def criterion_title(self, criterion_id: str, lang: str = 'fr') -> str:
        _lang_code(lang)
        return self._criterion_titles[lang][self.criterion_ids.index(criterion_id)]

    @property
    def facts(self) -> Tuple[_vocabulary.Fact, ...]:
        """The facts this framework reads, in framework order: each a
        boussole.Fact with its type, question, help, values and their
        labels, unit and bounds, and how the framework reads it (criterion,
        required, weight, applies_if). Every key of boussole.vocabulary()
        may appear in a use-case; these are the ones this framework scores."""
        facts = self.__dict__.get('_facts')
        if facts is None:
            facts = self.__dict__['_facts'] = _vocabulary.framework_facts(self._live().ptr)
        return facts

    def describe(self, format: str = 'markdown', lang: str = 'fr') -> Any:
        """The framework described by the library, as boussole describe
        prints it: format 'markdown' (the calibration sheet), 'text' or
        'json' (a dict, doc/description-format.md)."""
        fmts = {'markdown': FORMAT_MARKDOWN, 'text': FORMAT_TEXT, 'json': FORMAT_JSON}
        if format not in fmts:
            raise ValueError("format must be 'markdown', 'text' or 'json', not %r" % (format,))
        code = _lang_code(lang)
        text = self._document(lambda out, n, err: lib.bsl_framework_describe(
            out, n, self._live().ptr, fmts[format], code, err))
        return json.loads(text) if format == 'json' else text

    def schema(self, lang: str = 'fr') -> Dict[str, Any]:
        """The JSON Schema (draft 2020-12) of this framework's use-cases, as a dict."""
        code = _lang_code(lang)
        schema: Dict[str, Any] = json.loads(self._document(
            lambda out, n, err: lib.bsl_framework_schema(out, n, self._live().ptr, code, err)))
        return schema

    def template(self, lang: str = 'fr') -> Dict[str, Any]:
        """A blank use-case, as a dict: every fact this framework reads, set to None."""
        code = _lang_code(lang)
        template: Dict[str, Any] = json.loads(self._document(
            lambda out, n, err: lib.bsl_framework_template(out, n, self._live().ptr, code, err)))
        return template

    @staticmethod
    def _document(call: DocumentCall) -> str:
        err, out, n = bsl_error(), ctypes.c_void_p(), ctypes.c_size_t()
        _check(call(ctypes.byref(out), ctypes.byref(n), ctypes.byref(err)), err)
        return take_buffer(out, n.value).decode('utf-8')

    @property
    def closed(self) -> bool:
        return self._handle is None

    def close(self) -> None:
        """Release this framework. The C memory is freed now, or, if Results
        evaluated from it are still alive, when the last of them goes."""
        self._handle = None

    def __enter__(self) -> 'Framework':
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return '<boussole.Framework %s %s%s>' % (self.id, self.version,
                                                 ' (closed)' if self.closed else '')

    def _live(self) -> _Handle:
        h = self._handle
        if h is None:
            raise _errors.ArgumentError(_errors.ARG, 'the framework is closed')
        return h

    # ---- evaluation ----------------------------------------------------

    def evaluate(self, usecase: UseCase, lang: Optional[str] = None) -> _model.Result:
        """Evaluate one use-case: a dict, JSON text (str or bytes) or a file
        named by a pathlib.Path (any os.PathLike; a str is always JSON text,
        never a file name), in lang ('fr' or 'en'; None: the locale's, as
        the CLI chooses it). Returns a Result;
        raises a boussole.Error subclass when the use-case cannot be parsed
        (line and column are positions in the text given, or in the file;
        its message in lang, or without lang in the locale's language as
        the CLI prints its diagnostics: French for fr*, else English)."""
        handle = self._live()
        code = _lang_code(_default_lang() if lang is None else lang)
        data, source = _to_bytes(usecase, 'the use-case', lang)
        err, r = bsl_error(), ctypes.c_void_p()
        _check(lib.bsl_evaluate_json(ctypes.byref(r), handle.ptr, data, len(data), None,
                                     ctypes.byref(err)), err, source, lang)
        # Only the scalars are read now, through the accessors; the rest of
        # the Result is rendered and parsed if and when it is read.
        try:
            eager = _eager_fields(r, code)
        finally:
            lib.bsl_result_free(r)
        return _model.lazy_result(eager, data, handle)

    def whatif(self, usecase: UseCase, target: str = 'favorable', lang: Optional[str] = None,
               max_nodes: Optional[int] = None) -> Any:
        """The fewest fact changes after which the use-case reaches target
        ('favorable' or 'favorable_with_reservations'): a boussole.WhatIf
        (doc/whatif-format.md). max_nodes bounds the search, in states
        visited (None: the library's default, 200,000); when it runs out,
        the plan's search_limit_reached is True. A max_nodes that is not
        an int from 1 to 2**32 - 1 raises TypeError or ValueError. Errors
        as evaluate()."""
        from . import _whatif  # loaded on first use, like _compare
        handle = self._live()
        data, source = _to_bytes(usecase, 'the use-case', lang)
        return _whatif.whatif(handle.ptr, data, source, target, lang, max_nodes)

    def evaluate_many(self, usecases: Iterable[UseCase], lang: Optional[str] = None,
                      detail: str = 'full') -> 'Results':
        """Evaluate many use-cases: any iterable (a list, a generator of
        unknown length) of dicts, JSON texts or pathlib.Paths, or a pandas
        DataFrame in the wide form of a CSV register (doc/usecase-format.md;
        NaN and None are not answered). They are streamed through the
        library one at a time (bsl_stream_*), with no size limit. A use-case
        that cannot be serialised or parsed yields an ErrorRecord at its
        place instead of raising; the others are evaluated. Returns Results,
        a sequence in input order. detail='summary' keeps only each
        summary (a Summary item, about 1 KB). A single dict, str or bytes
        is refused (TypeError): iterating it would give its keys or
        characters. lang as for evaluate(). For registers too large to
        keep, iterate evaluate_stream() instead."""
        from . import _stream, _summary
        code = _lang_code(_default_lang() if lang is None else lang)
        rows: Union[List[_Row], _summary.SummaryRows]
        chunks = self._rows(usecases, code, detail, lang, _stream.CHUNK)
        if detail == 'summary':   # kept compact: about 140 bytes per use-case
            rows = _summary.SummaryRows(self.criterion_ids)
            for chunk in chunks:
                rows.extend(chunk)
        else:
            rows = []
            for chunk in chunks:
                rows.extend(chunk.rows)   # full: (line, data) or ErrorRecords
        return Results(rows, _default_lang() if lang is None else lang, self._live(),
                       self.criterion_ids)

    def evaluate_stream(self, usecases: Iterable[UseCase], lang: Optional[str] = None,
                        detail: str = 'full') -> Iterator[Any]:
        """As evaluate_many, but yields each item (a Result, a Summary with
        detail='summary', or an ErrorRecord) as soon as it is made, keeping
        nothing: memory does not grow with the number of use-cases."""
        from . import _summary
        code = _lang_code(_default_lang() if lang is None else lang)
        handle = self._live()
        ids = self.criterion_ids
        for rows, _, provenance in self._rows(usecases, code, detail, lang, 1):
            for row in rows:
                if type(row) is bytes:   # a summary's payload
                    assert provenance is not None
                    yield _summary.summary(_summary.Row(row, None, provenance), ids)
                else:
                    yield _build_row(row, handle, ids)

    def _rows(self, usecases: Iterable[UseCase], code: int, detail: str,
              lang: Optional[str], chunk: int) -> Iterator[Any]:
        """The Chunks of a batch, chunk use-cases fed per call into the
        library (a DataFrame: a row per call); error messages in lang (None:
        the locale's)."""
        from . import _stream
        if isinstance(usecases, (Mapping, str, bytes, bytearray, memoryview, os.PathLike)):
            raise TypeError('evaluate_many takes an iterable of use-cases (a list), not a %s; '
                            'use evaluate() for one' % type(usecases).__name__)
        if detail not in _stream.DETAILS:
            raise ValueError("detail must be 'full' or 'summary', not %r" % (detail,))
        handle = self._live()

        messages = _errors.message_lang(lang)

        def alone(index: int, data: bytes, source: Optional[str],
                  uid: Optional[str]) -> _model.ErrorRecord:
            return _error_alone(handle, index, data, source, uid, code, lang)

        def read(uc: UseCase, what: str) -> Tuple[bytes, Optional[str]]:
            return _to_bytes(uc, what, lang)

        def fix(row: _model.ErrorRecord) -> _model.ErrorRecord:
            return dataclasses.replace(row, message=_errors.translate_text(row.message, messages))
        level = _stream.DETAILS[detail]
        if _stream.is_dataframe(usecases):   # one row per feed: its rows as one-row Chunks
            for row in _stream.stream_rows(handle.ptr, usecases, code, level, read, alone, fix):
                yield _stream.Chunk([row], False, None)
            return
        yield from _stream.stream_chunks(handle.ptr, usecases, code, level, read, alone, fix,
                                         chunk)

def _error_alone(handle: _Handle, index: int, data: bytes, source: Optional[str],
                 uid: Optional[str], code: int, message_lang: Optional[str]) -> _model.ErrorRecord:
    """The ErrorRecord of a use-case evaluated on its own (positions in
    the text as given)."""
    try:
        _render_source(handle, data, code, FORMAT_JSON_COMPACT, message_lang)
    except _errors.Error as e:
        return _model.ErrorRecord(index, uid, e.code, e.name, e.message, e.line, e.column,
                                  e.path, source)
    raise _errors.Error(_errors.ARG, 'use-case %d failed in a batch but not alone' % index)



_LANG_TOKENS = {code: lang for lang, code in LANGS.items()}
#: (verdict rank, lang code) -> (Verdict, its label): static strings of the library.
_VERDICT_LABELS: Dict[Tuple[int, int], Tuple[_model.Verdict, str]] = {}


def _verdict(rank: int, code: int) -> Tuple[_model.Verdict, str]:
    got = _VERDICT_LABELS.get((rank, code))
    if got is None:
        got = _VERDICT_LABELS[rank, code] = (
            _model.Verdict(text(lib.bsl_verdict_token(rank))),
            text(lib.bsl_verdict_label(rank, code)))
    return got


def _eager_fields(r: Any, code: int) -> Dict[str, Any]:
    """The scalar fields of a Result, read from the C result r with its
    accessors: what the compact JSON result says in its first members."""
    verdict, label = _verdict(lib.bsl_result_verdict(r), code)
    score: Optional[float] = lib.bsl_result_score(r)
    # 0 is also what the library says when no criterion is assessed (the
    # JSON writes null then); the JSON writes one decimal, as '%.1f' does.
    if score == 0.0 and not any(
            lib.bsl_criterion_result_assessed(lib.bsl_result_criterion(r, i))
            for i in range(lib.bsl_result_criterion_count(r))):
        score = None
    elif score is not None:
        score = float('%.1f' % score)
    return {'id': cstr(lib.bsl_result_usecase_id(r)), 'title': cstr(lib.bsl_result_usecase_title(r)),
            'lang': _LANG_TOKENS[code], 'verdict': verdict, 'verdict_label': label, 'score': score}


def _build_row(row: Any, handle: Any, criterion_ids: Tuple[str, ...]) -> Any:
    """The item of a row: a Result (full line), a Summary or the
    ErrorRecord itself."""
    if isinstance(row, tuple):
        return _model.result_from_line(row[0], row[1], handle)
    from . import _summary
    if isinstance(row, _summary.Row):
        return _summary.summary(row, criterion_ids)
    return row


def _score_cell(v: Optional[float]) -> str:
    return '&mdash;' if v is None else '%.1f' % v


class Results(Sequence[Any]):
    """The outcome of evaluate_many: one item per use-case, in input order,
    each a Result or an ErrorRecord (``item.ok`` tells which). Results are
    built from the library's output when first accessed."""

    def __init__(self, rows: Union[List[_Row], '_summary.SummaryRows'], lang: str,
                 handle: _Handle, criterion_ids: Tuple[str, ...]) -> None:
        self._rows = rows
        self._lang = lang
        self._handle = handle
        self._criterion_ids = criterion_ids
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self._rows)))]
        rows = self._rows
        if not isinstance(rows, list):   # summaries: built on each access, kept compact
            return rows[i]
        row = rows[i]
        if isinstance(row, tuple):
            built = _build_row(row, self._handle, self._criterion_ids)
            with self._lock:
                if isinstance(rows[i], tuple):
                    rows[i] = built
                row = rows[i]
        return row

    def __iter__(self) -> Iterator[Any]:
        for i in range(len(self._rows)):
            yield self[i]

    def __repr__(self) -> str:
        return '<boussole.Results: %d use-cases, %d errors>' % (len(self), len(self.errors))

    def _repr_html_(self) -> str:
        """The register as a table (Jupyter): one row per use-case, with its
        id, verdict, score and criterion scores; an error row says why."""
        e = html.escape
        ids = self._criterion_ids
        code = LANGS[self._lang]
        fr = self._lang == 'fr'
        heads = (['#', 'id', 'Avis' if fr else 'Verdict', 'Score'] + list(ids))
        body = []
        for i, rec in enumerate(self.records()):
            if rec['error'] is not None:
                cells = ['<td colspan="%d">%s</td>' % (len(ids) + 2,
                                                       e(('erreur : ' if fr else 'error: ')
                                                         + rec['error']))]
            else:
                label = text(lib.bsl_verdict_label(_model.Verdict(rec['verdict']).rank, code))
                cells = ['<td>%s</td>' % e(label), '<td style="text-align:right">%s</td>'
                         % _score_cell(rec['score'])]
                cells += ['<td style="text-align:right">%s</td>' % _score_cell(rec[c + '_score'])
                          for c in ids]
            body.append('<tr><td>%d</td><td>%s</td>%s</tr>'
                        % (i, e('' if rec['id'] is None else str(rec['id'])), ''.join(cells)))
        return ('<table class="boussole-results"><thead><tr>%s</tr></thead><tbody>%s</tbody>'
                '</table>' % (''.join('<th>%s</th>' % e(h) for h in heads), ''.join(body)))

    def to_dataframe(self) -> Any:
        """records() as a pandas DataFrame (pandas must be importable), one
        row per use-case in input order, with the verdict as an ordered
        categorical, worst first (red_line < ... < favorable), so that
        sorting and comparisons follow severity. Error rows have no verdict."""
        import pandas  # type: ignore[import]  # Debian ships pandas without type stubs
        df = pandas.DataFrame.from_records(self.records())
        worst_first = [v.value for v in sorted(_model.Verdict)]
        df['verdict'] = pandas.Categorical(df['verdict'], categories=worst_first, ordered=True)
        return df

    @property
    def errors(self) -> List[_model.ErrorRecord]:
        """The ErrorRecords, in order."""
        if not isinstance(self._rows, list):
            return self._rows.errors()
        return [r for r in self._rows if isinstance(r, _model.ErrorRecord)]

    @property
    def results(self) -> List[_model.Result]:
        """The Results of the use-cases that could be evaluated, in order."""
        return [r for r in self if r.ok]

    def records(self) -> List[Dict[str, Any]]:
        """One flat dict per use-case, for pandas.DataFrame or csv.DictWriter:
        id, title, verdict (token), score, then <criterion>_score and
        <criterion>_status for every criterion of the framework, missing
        (the number of missing required facts), red_lines (the facts in red
        line, comma-separated) and error (None, or the error for a use-case
        that could not be evaluated). Every dict has the same keys."""
        ids = self._criterion_ids
        if not isinstance(self._rows, list):
            return self._rows.records()
        out = []
        for row in self._rows:
            if isinstance(row, tuple):
                out.append(_model.record_from_line(row[0], ids))
            elif isinstance(row, _model.ErrorRecord):
                out.append(_model.record_from_error(row, ids))
            else:
                out.append(_model.record_from_doc(_model.result_doc(row), ids))
        return out
