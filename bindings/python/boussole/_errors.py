"""Exceptions: one class per kind of bsl_status, all under boussole.Error.

Every exception carries what the library reported: ``code`` (the negative
bsl_status), ``name`` (its token: "syntax", "type", "enum", ...),
``message`` (the library's own sentence, in French or English: see
message_lang), ``message_id`` (its stable id, e.g. "schema.missing", None
for a message the binding wrote), ``line`` and ``column``
(1-based, 0 when not about a document), ``offset`` (byte offset), ``path``
(JSON path of the offending value, "" when none) and ``source`` (the file
name, or None for text and dicts).
"""

import ctypes
import os

from ._native import ERROR_MESSAGE_SIZE, LANGS, bsl_error, lib

TYPE_CHECKING = False  # mypy takes it as true; typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Optional, Tuple, Type


OK = 0
NOMEM = -1
ARG = -2
IO = -3
LIMIT = -4
SYNTAX = -5
TYPE = -6
ENUM = -7
MISSING = -8
VALUE = -9
NOTFOUND = -10

NAMES = {
    NOMEM: 'nomem', ARG: 'arg', IO: 'io', LIMIT: 'limit', SYNTAX: 'syntax', TYPE: 'type',
    ENUM: 'enum', MISSING: 'missing', VALUE: 'value', NOTFOUND: 'notfound',
}


class Error(Exception):
    """Base class of every error libboussole reports."""

    def __init__(self, code: int, message: str, line: int = 0, column: int = 0, path: str = '',
                 offset: int = 0, source: 'Optional[str]' = None) -> None:
        self.code = code
        self.name = NAMES.get(code, 'unknown')
        self.message = message
        self.line = line
        self.column = column
        self.path = path
        self.offset = offset
        self.source = source
        self.message_id: 'Optional[str]' = None
        super().__init__(self._format())

    def _format(self) -> str:
        # As the boussole CLI writes it: FILE:LINE:COL: MESSAGE (at PATH)
        where = self.source if self.source is not None else '<input>'
        text = '%s:%d:%d: %s' % (where, self.line, self.column, self.message) if self.line \
            else ('%s: %s' % (self.source, self.message) if self.source is not None else self.message)
        if self.path:
            text += ' (at %s)' % self.path
        return text

    def __reduce__(self) -> 'Tuple[Callable[..., Error], Tuple[Any, ...], Dict[str, Any]]':
        # The state restores message_id, which the constructor does not take.
        return (_rebuild, (type(self), self.code, self.message, self.line, self.column,
                           self.path, self.offset, self.source), {'message_id': self.message_id})


def _rebuild(cls: 'Type[Error]', *args: 'Any') -> 'Error':
    return cls(*args)


class JSONSyntaxError(Error, ValueError):
    """The input is not RFC 8259 JSON, or has a duplicate object key (BSL_ERR_SYNTAX)."""


class SchemaError(Error, ValueError):
    """Valid JSON that does not follow the format: a wrong type, a value not
    allowed, a missing field or another invalid value (BSL_ERR_TYPE,
    BSL_ERR_ENUM, BSL_ERR_MISSING, BSL_ERR_VALUE; ``name`` tells which)."""


class LimitError(Error, ValueError):
    """A limit (size, depth, tokens, string length, count) or a number's range
    was exceeded (BSL_ERR_LIMIT)."""


class OutOfMemoryError(Error, MemoryError):
    """An allocation failed inside the library (BSL_ERR_NOMEM)."""


class FileError(Error, OSError):
    """A file could not be read (BSL_ERR_IO, or the operating system's error
    when the binding reads the file itself)."""

    def __str__(self) -> str:
        return self._format()


class NotFoundError(Error, LookupError):
    """No embedded framework has that id (BSL_ERR_NOTFOUND)."""


class ArgumentError(Error, ValueError):
    """An invalid argument reached the library (BSL_ERR_ARG)."""


_CLASSES = {
    NOMEM: OutOfMemoryError, ARG: ArgumentError, IO: FileError, LIMIT: LimitError,
    SYNTAX: JSONSyntaxError, TYPE: SchemaError, ENUM: SchemaError, MISSING: SchemaError,
    VALUE: SchemaError, NOTFOUND: NotFoundError,
}


def error_class(code: int) -> 'Type[Error]':
    return _CLASSES.get(code, Error)


def make_error(code: int, message: str, line: int = 0, column: int = 0, path: str = '',
               offset: int = 0, source: 'Optional[str]' = None) -> 'Error':
    return error_class(code)(code, message, line, column, path, offset, source)


def message_lang(lang: 'Optional[str]' = None) -> int:
    """The bsl_lang of error messages, as the CLI chooses it for its
    diagnostics: lang ('fr' or 'en') when given, as evaluate(lang=...)
    passes it; else French when the first of LC_ALL, LC_MESSAGES and LANG
    that is set starts with "fr", English otherwise (the C locale too)."""
    if lang in LANGS:
        return LANGS[lang]
    for var in ('LC_ALL', 'LC_MESSAGES', 'LANG'):
        value = os.environ.get(var)
        if value:
            return LANGS['fr'] if value.startswith('fr') else LANGS['en']
    return LANGS['en']


def translate(err: bsl_error, lang: int) -> str:
    """err's message in lang (bsl_error_message: the library's French
    wording of its own English message)."""
    buf = ctypes.create_string_buffer(1024)
    lib.bsl_error_message(ctypes.byref(err), lang, buf, len(buf))
    return buf.value.decode('utf-8', 'replace')


def translate_text(message: str, lang: int) -> str:
    """A message of the library received as text (a batch's error record), in lang."""
    err = bsl_error()
    err.message = message.encode('utf-8')[:ERROR_MESSAGE_SIZE - 1]
    return translate(err, lang)


def from_struct(err: bsl_error, source: 'Optional[str]' = None,
                lang: 'Optional[str]' = None) -> 'Error':
    """An exception from a filled struct bsl_error, its message in
    message_lang(lang)."""
    e = make_error(err.code, translate(err, message_lang(lang)), err.line, err.column,
                   err.path.decode('utf-8', 'replace'), err.offset, source)
    mid = lib.bsl_error_message_id(ctypes.byref(err))
    e.message_id = None if mid is None else mid.decode('ascii')
    return e
