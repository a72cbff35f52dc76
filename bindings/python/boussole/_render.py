"""Rendering a result with the library, shared by Framework (which
evaluates) and Result (which prints itself on demand), so that neither
module imports the other."""
import ctypes
import os

from . import _errors
from ._native import (BSL_OK, FORMAT_HTML, FORMAT_JSON, FORMAT_JSON_COMPACT, FORMAT_MARKDOWN,
                      FORMAT_SVG, FORMAT_TEXT, LANGS, bsl_error, lib, take_buffer)

TYPE_CHECKING = False  # mypy takes it as true; these modules import this one
if TYPE_CHECKING:
    from typing import Optional
    from ._framework import _Handle
    from ._model import Result

FORMATS = {'json': FORMAT_JSON, 'json-compact': FORMAT_JSON_COMPACT, 'text': FORMAT_TEXT,
           'html': FORMAT_HTML, 'svg': FORMAT_SVG, 'markdown': FORMAT_MARKDOWN}


def default_lang() -> str:
    """The language of the locale, as the CLI chooses it: the first of
    LC_ALL, LC_MESSAGES and LANG that is set and not empty; 'en' when it
    starts with "en", 'fr' otherwise (and when none is set)."""
    for var in ('LC_ALL', 'LC_MESSAGES', 'LANG'):
        value = os.environ.get(var)
        if value:
            return 'en' if value.startswith('en') else 'fr'
    return 'fr'


def lang_code(lang: str) -> int:
    try:
        return LANGS[lang]
    except (KeyError, TypeError):
        raise ValueError("lang must be 'fr' or 'en', not %r" % (lang,)) from None


def check(rc: int, err: bsl_error, source: 'Optional[str]' = None,
          lang: 'Optional[str]' = None) -> None:
    """Raise the error of a failed call, its message in lang (None: the
    locale's, _errors.message_lang)."""
    if rc != BSL_OK:
        raise _errors.from_struct(err, source, lang)


def render(result: 'Result', lang: str, fmt: str) -> str:
    """Evaluate result's use-case again and render it (the library is
    deterministic, so this is exactly what evaluating it first gave)."""
    handle = result._framework
    if handle is None or result._source is None:
        raise _errors.ArgumentError(_errors.ARG, 'this Result was not made by a Framework')
    return render_source(handle, result._source, lang_code(lang), FORMATS[fmt]).decode('utf-8')


def render_source(handle: '_Handle', data: bytes, lang: int, fmt: int,
                  message_lang: 'Optional[str]' = None) -> bytes:
    err = bsl_error()
    r = ctypes.c_void_p()
    check(lib.bsl_evaluate_json(ctypes.byref(r), handle.ptr, data, len(data), None,
                                ctypes.byref(err)), err, lang=message_lang)
    try:
        out, n = ctypes.c_void_p(), ctypes.c_size_t()
        check(lib.bsl_render(ctypes.byref(out), ctypes.byref(n), r, fmt, lang,
                             ctypes.byref(err)), err)
        return take_buffer(out, n.value)
    finally:
        lib.bsl_result_free(r)
