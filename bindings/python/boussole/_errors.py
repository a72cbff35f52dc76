"""Exceptions: one class per kind of bsl_status, all under boussole.Error.

Every exception carries what the library reported: ``code`` (the negative
bsl_status), ``name`` (its token: "syntax", "type", "enum", ...),
``message`` (the library's own English sentence), ``line`` and ``column``
(1-based, 0 when not about a document), ``offset`` (byte offset), ``path``
(JSON path of the offending value, "" when none) and ``source`` (the file
name, or None for text and dicts).
"""

TYPE_CHECKING = False  # mypy takes it as true; typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any, Callable, Optional, Tuple, Type
    from ._native import bsl_error


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
        super().__init__(self._format())

    def _format(self) -> str:
        # As the boussole CLI writes it: FILE:LINE:COL: MESSAGE (at PATH)
        where = self.source if self.source is not None else '<input>'
        text = '%s:%d:%d: %s' % (where, self.line, self.column, self.message) if self.line \
            else ('%s: %s' % (self.source, self.message) if self.source is not None else self.message)
        if self.path:
            text += ' (at %s)' % self.path
        return text

    def __reduce__(self) -> 'Tuple[Callable[..., Error], Tuple[Any, ...]]':
        return (_rebuild, (type(self), self.code, self.message, self.line, self.column,
                           self.path, self.offset, self.source))


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


def from_struct(err: 'bsl_error', source: 'Optional[str]' = None) -> 'Error':
    """An exception from a filled struct bsl_error."""
    return make_error(err.code, err.message.decode('utf-8', 'replace'), err.line, err.column,
                      err.path.decode('utf-8', 'replace'), err.offset, source)
