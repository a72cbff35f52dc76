"""The fact vocabulary as Python objects: what a use-case can say, for
form builders, CSV importers and notebooks (doc/vocabulary-format.md).

Read through the C accessors (bsl_vocabulary_*, bsl_fact_*, bsl_indicator_*),
so Python sees exactly the definitions the library checks values against.
"""
import ctypes
from dataclasses import dataclass
from typing import Any, Callable, List, Optional, Tuple

#: A C pointer as ctypes gives it back (c_void_p.value, or a c_void_p
#: restype): an address, or None for NULL.
Pointer = Optional[int]

from ._native import LANGS, bsl_error, cstr, lib, text

_TYPES = ('boolean', 'enum', 'number', 'set', 'text')


@dataclass(frozen=True)
class Text:
    """A sentence in French and English."""
    fr: str
    en: str

    def get(self, lang: str = 'fr') -> str:
        return self.en if lang == 'en' else self.fr

    def __str__(self) -> str:
        return self.fr


@dataclass(frozen=True)
class FactValue:
    """One allowed value of an enum or set fact."""
    value: str
    label: Optional[Text]


@dataclass(frozen=True)
class Condition:
    """An indicator's applies_if: it applies when fact takes (or, negated,
    does not take) one of values."""
    fact: str
    values: Tuple[str, ...]
    negated: bool


@dataclass(frozen=True)
class Fact:
    """A fact of the vocabulary; through Framework.facts, also how that
    framework reads it (criterion, required, weight, applies_if)."""
    key: str
    type: str
    label: Text
    help: Optional[Text]
    unit: Optional[Text]
    values: Tuple[FactValue, ...]
    min: Optional[float]
    max: Optional[float]
    criterion: Optional[str] = None
    required: bool = False
    weight: Optional[float] = None
    applies_if: Optional[Condition] = None

    @property
    def allowed(self) -> Tuple[Any, ...]:
        """The values a use-case may give: tokens for enum and set facts,
        (False, True) for a boolean, () otherwise."""
        if self.type == 'boolean':
            return (False, True)
        return tuple(v.value for v in self.values)


def _text(get: Callable[[int], Any]) -> Optional[Text]:
    """Text from a C accessor taking a bsl_lang (a ctypes call: untyped);
    None when the library has none (it gives both languages or neither)."""
    fr, en = cstr(get(LANGS['fr'])), cstr(get(LANGS['en']))
    return None if fr is None or en is None else Text(fr, en)


def _bound(fn: Callable[..., Any], f: Pointer) -> Optional[float]:
    out = ctypes.c_double()
    return out.value if fn(f, ctypes.byref(out)) else None


def _fact_value(f: Pointer, i: int) -> FactValue:
    return FactValue(text(lib.bsl_fact_value(f, i)),
                     _text(lambda lang: lib.bsl_fact_value_label(f, i, lang)))


def fact_from_c(f: Pointer, label: Optional[Text] = None, **framework_use: Any) -> Fact:
    """A Fact from a const bsl_fact *; label, when given, replaces the fact's
    own (a framework may ask the question its own way)."""
    n = lib.bsl_fact_value_count(f)
    values = tuple(_fact_value(f, i) for i in range(n))
    label = label or _text(lambda lang: lib.bsl_fact_label(f, lang))
    if label is None:  # bsl_fact_label gives NULL only for a NULL fact
        raise ValueError('libboussole gave fact %r no label' % cstr(lib.bsl_fact_key(f)))
    return Fact(key=text(lib.bsl_fact_key(f)), type=_TYPES[lib.bsl_fact_type_of(f)],
                label=label,
                help=_text(lambda lang: lib.bsl_fact_help(f, lang)),
                unit=_text(lambda lang: lib.bsl_fact_unit(f, lang)),
                values=values, min=_bound(lib.bsl_fact_min, f), max=_bound(lib.bsl_fact_max, f),
                **framework_use)


def framework_facts(fw_ptr: Pointer) -> Tuple[Fact, ...]:
    """The facts a framework reads, in framework order, with its use of them."""
    facts: List[Fact] = []
    for i in range(lib.bsl_framework_indicator_count(fw_ptr)):
        ind = lib.bsl_framework_indicator(fw_ptr, i)
        cond = None
        cfact = cstr(lib.bsl_indicator_condition_fact(ind))
        if cfact is not None:
            k = lib.bsl_indicator_condition_value_count(ind)
            cond = Condition(cfact, tuple(text(lib.bsl_indicator_condition_value(ind, j))
                                          for j in range(k)),
                             bool(lib.bsl_indicator_condition_negated(ind)))
        facts.append(fact_from_c(lib.bsl_indicator_fact(ind),
                                 label=_text(lambda lang: lib.bsl_indicator_label(ind, lang)),
                                 criterion=cstr(lib.bsl_indicator_criterion(ind)),
                                 required=bool(lib.bsl_indicator_required(ind)),
                                 weight=lib.bsl_indicator_weight(ind), applies_if=cond))
    return tuple(facts)


def vocabulary_facts(voc_ptr: Pointer) -> Tuple[Fact, ...]:
    return tuple(fact_from_c(lib.bsl_vocabulary_fact(voc_ptr, i))
                 for i in range(lib.bsl_vocabulary_fact_count(voc_ptr)))


_embedded: Optional[Tuple[Fact, ...]] = None


def vocabulary() -> Tuple[Fact, ...]:
    """Every fact of the vocabulary the library embeds (id "boussole"), in
    its order: what any embedded framework may read."""
    global _embedded
    if _embedded is None:
        err, out = bsl_error(), ctypes.c_void_p()
        rc = lib.bsl_vocabulary_load_embedded(ctypes.byref(out), None, ctypes.byref(err))
        if rc:
            from ._errors import from_struct
            raise from_struct(err)
        try:
            _embedded = vocabulary_facts(out.value)
        finally:
            lib.bsl_vocabulary_free(out.value)
    return _embedded
