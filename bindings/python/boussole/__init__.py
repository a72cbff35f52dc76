"""boussole: score public-sector AI use-cases against a charter of trust.

Python bindings of libboussole (pure ctypes, standard library only)::

    import boussole
    fw = boussole.Framework.default()          # the embedded Nantes boussole
    r = fw.evaluate({"id": "x", "title": "...", "facts": {...}}, lang="fr")
    r.verdict, r.score, r.criteria[0].score, r.missing, r.reasons
    print(r)                                   # the same report as the CLI
    results = fw.evaluate_many(usecases)       # a register, in one C call
    results.records()                          # flat dicts, one per use-case
    boussole.vocabulary(), fw.facts            # every fact, and those fw scores

See doc/python.md.
"""
from ._native import lib as _lib, path as library_path
from ._errors import (Error, JSONSyntaxError, SchemaError, LimitError, OutOfMemoryError,
                      FileError, NotFoundError, ArgumentError)

# The rest is imported on first use (PEP 562): `import boussole` loads only
# the library and the exceptions, not dataclasses, typing, json or html,
# which cost most of its time (bench.py measures it).
_LAZY = {
    '_model': ('Verdict', 'CriterionStatus', 'ReasonKind', 'Result', 'CriterionResult',
               'IndicatorOutcome', 'Provenance', 'UnknownKey', 'NotUsedKey', 'Reason',
               'Remediation', 'ErrorRecord'),
    '_framework': ('Framework', 'Results', 'frameworks'),
    '_vocabulary': ('Fact', 'FactValue', 'Condition', 'Text', 'vocabulary'),
    '_compare': ('compare', 'Comparison', 'ComparedUseCase', 'ComparedResult'),
    '_summary': ('Summary',),
    '_whatif': ('WhatIf', 'Change'),
}
_WHERE = {name: module for module, names in _LAZY.items() for name in names}

TYPE_CHECKING = False  # true for type checkers, which then see the real names
if TYPE_CHECKING:
    from ._model import (Verdict, CriterionStatus, ReasonKind, Result, CriterionResult,
                         IndicatorOutcome, Provenance, UnknownKey, NotUsedKey, Reason,
                         Remediation, ErrorRecord)
    from ._framework import Framework, Results, frameworks
    from ._vocabulary import Fact, FactValue, Condition, Text, vocabulary
    from ._compare import compare, Comparison, ComparedUseCase, ComparedResult
    from ._summary import Summary
    from ._whatif import WhatIf, Change


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError('module %r has no attribute %r' % (__name__, name))
    import importlib
    value = getattr(importlib.import_module('.' + module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> 'list[str]':
    return sorted(set(globals()) | set(_WHERE))


#: The version of the C library in use, as bsl_version_string() reports it.
__version__ = _lib.bsl_version_string().decode('ascii')
#: The same as one number, MAJOR*10000 + MINOR*100 + PATCH.
version_number = _lib.bsl_version_number()

__all__ = [
    'Framework', 'Results', 'frameworks', 'vocabulary', 'Fact', 'FactValue', 'Condition', 'Text',
    'compare', 'Comparison', 'ComparedUseCase', 'ComparedResult', 'WhatIf', 'Change',
    'Result', 'CriterionResult', 'IndicatorOutcome', 'Provenance', 'UnknownKey', 'NotUsedKey',
    'Reason',
    'Remediation', 'ErrorRecord', 'Verdict', 'CriterionStatus', 'ReasonKind', 'Summary',
    'Error', 'JSONSyntaxError', 'SchemaError', 'LimitError', 'OutOfMemoryError', 'FileError',
    'NotFoundError', 'ArgumentError',
    '__version__', 'version_number', 'library_path',
]
