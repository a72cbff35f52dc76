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
from ._model import (Verdict, CriterionStatus, ReasonKind, Result, CriterionResult,
                     IndicatorOutcome, Provenance, UnknownKey, NotUsedKey, Reason, Remediation, ErrorRecord)
from ._framework import Framework, Results, frameworks
from ._vocabulary import Fact, FactValue, Condition, Text, vocabulary
from ._compare import compare, Comparison, ComparedUseCase, ComparedResult

#: The version of the C library in use, as bsl_version_string() reports it.
__version__ = _lib.bsl_version_string().decode('ascii')
#: The same as one number, MAJOR*10000 + MINOR*100 + PATCH.
version_number = _lib.bsl_version_number()

__all__ = [
    'Framework', 'Results', 'frameworks', 'vocabulary', 'Fact', 'FactValue', 'Condition', 'Text',
    'compare', 'Comparison', 'ComparedUseCase', 'ComparedResult',
    'Result', 'CriterionResult', 'IndicatorOutcome', 'Provenance', 'UnknownKey', 'NotUsedKey',
    'Reason',
    'Remediation', 'ErrorRecord', 'Verdict', 'CriterionStatus', 'ReasonKind',
    'Error', 'JSONSyntaxError', 'SchemaError', 'LimitError', 'OutOfMemoryError', 'FileError',
    'NotFoundError', 'ArgumentError',
    '__version__', 'version_number', 'library_path',
]
