"""What-if plans (doc/whatif-format.md): the fewest fact changes that bring
a use-case to a target verdict, searched by the library's bsl_whatif()."""
import ctypes
import json
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple

from ._model import Verdict
from ._native import FORMAT_JSON_COMPACT, FORMAT_MARKDOWN, FORMAT_TEXT, bsl_error, lib, take_buffer
from ._render import check as _check, default_lang as _default_lang, lang_code as _lang_code

_TARGETS = {'favorable': 4, 'favorable_with_reservations': 3}
_UINT_MAX = 2 ** 32 - 1  # bsl_whatif_options.max_nodes is an unsigned int


def _budget(max_nodes: Optional[int]) -> int:
    """bsl_whatif_options.max_nodes: 0 (the library's default) for None,
    else a whole number of states from 1 to 2**32 - 1 (ctypes would wrap a
    larger one silently, and 0 would mean the default, not no search)."""
    if max_nodes is None:
        return 0
    if isinstance(max_nodes, bool) or not isinstance(max_nodes, int):
        raise TypeError('max_nodes must be an int or None, not %s' % type(max_nodes).__name__)
    if not 1 <= max_nodes <= _UINT_MAX:
        raise ValueError('max_nodes must be from 1 to %d, not %d' % (_UINT_MAX, max_nodes))
    return max_nodes


class _Options(ctypes.Structure):
    """bsl_whatif_options, version 2."""
    _fields_ = [('version', ctypes.c_uint), ('target', ctypes.c_int), ('max_changes', ctypes.c_uint),
                ('max_nodes', ctypes.c_uint)]


@dataclass(frozen=True)
class Change:
    """One fact to change: its value now (None when not answered), the
    value to give it, the points its indicator gains, the remediation."""
    fact: str
    criterion: str
    from_value: Any
    to: Any
    gain: float
    remediation: str


@dataclass(frozen=True, repr=False)
class WhatIf:
    """A plan. ``str()`` is the text the CLI prints, ``to_markdown()`` the
    Markdown, ``to_dict()`` the boussole-whatif/1 document. ``reachable`` is
    None when the search ran out of its budget before it could tell
    (``search_limit_reached``; then a plan found has the fewest changes but
    maybe not the best score)."""
    target: Verdict
    reachable: Optional[bool]
    changes: Tuple[Change, ...]
    verdict_after: Verdict
    score_after: Optional[float]
    blocked_by: Tuple[str, ...]
    search_limit_reached: bool
    _doc: Dict[str, Any]
    _text: str
    _markdown: str

    def to_dict(self) -> Dict[str, Any]:
        copy: Dict[str, Any] = json.loads(json.dumps(self._doc))
        return copy

    def to_markdown(self) -> str:
        return self._markdown

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        state = 'unknown' if self.reachable is None else 'reachable' if self.reachable else 'unreachable'
        return '<boussole.WhatIf: %s, %d changes%s>' % (
            state, len(self.changes), ', search limit reached' if self.search_limit_reached else '')


def whatif(framework_ptr: Any, data: bytes, source: Optional[str], target: str = 'favorable',
           lang: Optional[str] = None, max_nodes: Optional[int] = None) -> WhatIf:
    """The plan for one use-case document (data, named source in errors)
    under the framework handle framework_ptr; target 'favorable' or
    'favorable_with_reservations'; max_nodes the search budget in states
    (None: BSL_WHATIF_DEFAULT_MAX_NODES). Called by Framework.whatif(),
    which reads the use-case as evaluate() does; raises a boussole.Error
    when it cannot be parsed (the same as evaluate)."""
    if target not in _TARGETS:
        raise ValueError("target must be 'favorable' or 'favorable_with_reservations', not %r" % (target,))
    budget = _budget(max_nodes)
    code = _lang_code(_default_lang() if lang is None else lang)
    err, uc, plan = bsl_error(), ctypes.c_void_p(), ctypes.c_void_p()
    _check(lib.bsl_usecase_parse(ctypes.byref(uc), framework_ptr, data, len(data), None, ctypes.byref(err)),
           err, source)
    try:
        opts = _Options(2, _TARGETS[target], 0, budget)
        ucs = (ctypes.c_void_p * 1)(uc.value)
        _check(lib.bsl_whatif(ctypes.byref(plan), ucs, 1, ctypes.byref(opts), ctypes.byref(err)), err)
        out = {}
        for fmt in (FORMAT_JSON_COMPACT, FORMAT_TEXT, FORMAT_MARKDOWN):
            buf, n = ctypes.c_void_p(), ctypes.c_size_t()
            _check(lib.bsl_whatif_render(ctypes.byref(buf), ctypes.byref(n), plan, fmt, code,
                                         ctypes.byref(err)), err)
            out[fmt] = take_buffer(buf, n.value).decode('utf-8')
    finally:
        lib.bsl_whatif_free(plan)
        lib.bsl_usecase_free(uc)
    doc = json.loads(out[FORMAT_JSON_COMPACT])
    changes = tuple(Change(c['fact'], c['criterion'], c['from'], c['to'], float(c['gain']), c['remediation'])
                    for c in doc['changes'])
    after = doc['after']
    return WhatIf(Verdict(doc['target']), doc['reachable'], changes, Verdict(after['verdict']),
                  None if after['score'] is None else float(after['score']), tuple(doc['blocked_by']),
                  bool(doc['search_limit_reached']), doc, out[FORMAT_TEXT], out[FORMAT_MARKDOWN])
