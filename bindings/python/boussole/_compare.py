"""One or many use-cases under several frameworks (doc/compare-format.md),
rendered by the library's bsl_render_comparison()."""
import ctypes
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _framework
from ._model import Verdict
from ._native import FORMAT_JSON_COMPACT, FORMAT_MARKDOWN, FORMAT_TEXT, bsl_error, lib, take_buffer

#: What compare() takes as frameworks: Framework objects or embedded ids.
FrameworkChoice = Union['_framework.Framework', str]
from ._render import check as _check, default_lang as _default_lang, lang_code as _lang_code


@dataclass(frozen=True)
class ComparedResult:
    """One framework's answer on one use-case."""
    framework: str
    verdict: Verdict
    verdict_label: str
    score: Optional[float]
    red_lines: Tuple[str, ...]
    failed_conditions: Tuple[str, ...]
    missing: Tuple[str, ...]
    not_used: Tuple[str, ...]
    unknown: Tuple[str, ...]


@dataclass(frozen=True)
class ComparedUseCase:
    id: str
    title: str
    results: Tuple[ComparedResult, ...]   # in the order of Comparison.frameworks

    def result(self, framework_id: str) -> ComparedResult:
        for r in self.results:
            if r.framework == framework_id:
                return r
        raise KeyError(framework_id)


@dataclass(frozen=True, repr=False)
class Comparison:
    """Use-cases by frameworks. ``str()`` is the text the CLI prints,
    ``to_markdown()`` the matrix, ``records()`` one flat dict per use-case
    and framework (for pandas)."""
    frameworks: Tuple[str, ...]
    usecases: Tuple[ComparedUseCase, ...]
    lang: str
    _doc: Dict[str, Any]
    _text: str
    _markdown: str

    def to_dict(self) -> Dict[str, Any]:
        """The comparison document (doc/compare-format.md), a copy."""
        doc: Dict[str, Any] = json.loads(json.dumps(self._doc))
        return doc

    def to_markdown(self) -> str:
        return self._markdown

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return '<boussole.Comparison: %d use-cases x %d frameworks>' % (
            len(self.usecases), len(self.frameworks))

    def records(self) -> List[Dict[str, Any]]:
        return [{'id': u.id, 'title': u.title, 'framework': r.framework, 'verdict': r.verdict.value,
                 'score': r.score, 'red_lines': ', '.join(r.red_lines),
                 'failed_conditions': ', '.join(r.failed_conditions), 'missing': len(r.missing)}
                for u in self.usecases for r in u.results]


def _frameworks(frameworks: Optional[Iterable[FrameworkChoice]]) -> List['_framework.Framework']:
    if frameworks is None:
        return [_framework.Framework.embedded(i) for i in _framework.frameworks()]
    if isinstance(frameworks, (str, bytes, Mapping)):
        raise TypeError('frameworks: a sequence of Framework objects or embedded ids')
    return [f if isinstance(f, _framework.Framework) else _framework.Framework.embedded(f)
            for f in frameworks]


def _cell(c: Dict[str, Any]) -> ComparedResult:
    return ComparedResult(c['framework'], Verdict(c['verdict']), c['verdict_label'],
                          None if c['score'] is None else float(c['score']),
                          tuple(c['red_lines']), tuple(c['failed_conditions']), tuple(c['missing']),
                          tuple(c['not_used']), tuple(c['unknown']))


def compare(usecases: Union['_framework.UseCase', Iterable['_framework.UseCase']],
            frameworks: Optional[Iterable[FrameworkChoice]] = None,
            lang: Optional[str] = None) -> Comparison:
    """Evaluate one use-case (a dict, JSON text or path, as Framework.evaluate
    takes) or a list of them under every embedded framework, or under the
    given ones (Framework objects or embedded ids), and compare: a
    Comparison, in lang ('fr' or 'en'; None: the locale's, as evaluate()).
    Raises a boussole.Error when a use-case cannot be parsed."""
    code = _lang_code(_default_lang() if lang is None else lang)
    fws = _frameworks(frameworks)
    if not fws:
        raise ValueError('compare needs at least one framework')
    single = (Mapping, str, bytes, bytearray, memoryview, os.PathLike)
    items = [usecases] if isinstance(usecases, single) else list(usecases)
    if not items:
        raise ValueError('compare needs at least one use-case')
    handles = []
    try:
        for i, uc in enumerate(items):
            data, source = _framework._to_bytes(uc, 'use-case %d' % i, lang)
            for fw in fws:
                err, r = bsl_error(), ctypes.c_void_p()
                _check(lib.bsl_evaluate_json(ctypes.byref(r), fw._live().ptr, data, len(data), None,
                                             ctypes.byref(err)), err, source, lang)
                handles.append(r.value)
        grid = (ctypes.c_void_p * len(handles))(*handles)
        out: Dict[int, str] = {}
        for fmt in (FORMAT_JSON_COMPACT, FORMAT_TEXT, FORMAT_MARKDOWN):
            err, buf, n = bsl_error(), ctypes.c_void_p(), ctypes.c_size_t()
            _check(lib.bsl_render_comparison(ctypes.byref(buf), ctypes.byref(n), grid, len(items),
                                             len(fws), fmt, code, ctypes.byref(err)), err)
            out[fmt] = take_buffer(buf, n.value).decode('utf-8')
    finally:
        for h in handles:
            lib.bsl_result_free(h)
    doc = json.loads(out[FORMAT_JSON_COMPACT])
    return Comparison(tuple(f['id'] for f in doc['frameworks']),
                      tuple(ComparedUseCase(u['id'], u['title'], tuple(_cell(c) for c in u['results']))
                            for u in doc['usecases']),
                      doc['lang'], doc, out[FORMAT_TEXT], out[FORMAT_MARKDOWN])
