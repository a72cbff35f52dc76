"""Results as frozen dataclasses, built from the library's JSON result
(doc/result-format.md). Nothing here holds C memory: a Result keeps the
use-case bytes it was evaluated from and a reference to its framework, so
that ``str(result)`` and ``result.to_json()`` ask the library again for the
exact bytes the CLI prints (evaluation is deterministic).

A Result is lazy: it is made with its few scalar fields (id, title, lang,
verdict, verdict_label, score) and builds the others (criteria, reasons,
remediations, ...) the first time one of them is read, from the compact
JSON line it was made from, or else by asking the library for that line
again. Reading only the verdict of thousands of use-cases thus never
parses the ~26 KB of sentences each result holds."""
import copy
import functools
import html
import json
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Dict, FrozenSet, List, Optional, Sequence, Tuple, Type, TypeVar

from . import _errors
if TYPE_CHECKING:
    from ._framework import _Handle

_T = TypeVar('_T')
#: A parsed JSON document (json.loads of an object).
Doc = Dict[str, Any]
#: One flat row of Results.records().
Record = Dict[str, Any]

from . import _render


class Verdict(str, Enum):
    """The verdict, worst first; the values are the library's tokens.
    Verdicts compare by severity: RED_LINE < INCOMPLETE < UNFAVORABLE <
    FAVORABLE_WITH_RESERVATIONS < FAVORABLE, so min() gives the worst."""
    RED_LINE = 'red_line'
    INCOMPLETE = 'incomplete'
    UNFAVORABLE = 'unfavorable'
    FAVORABLE_WITH_RESERVATIONS = 'favorable_with_reservations'
    FAVORABLE = 'favorable'

    def __str__(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        """0 for red_line (the worst) .. 4 for favorable: the C enum's value."""
        return _VERDICT_RANK[self]

    # Verdicts order by severity, worst first: min(verdicts) is the worst,
    # max() the best (not alphabetically, as their str values would). A
    # plain str compares as the verdict it names; another str is a TypeError.
    def _other_rank(self, other: object) -> Optional[int]:
        if isinstance(other, Verdict):
            return other.rank
        if isinstance(other, str):
            try:
                return Verdict(other).rank
            except ValueError:
                raise TypeError('%r is not a verdict token' % (other,)) from None
        return None

    def __lt__(self, other: object) -> bool:
        r = self._other_rank(other)
        if r is None:
            return NotImplemented
        return self.rank < r

    def __le__(self, other: object) -> bool:
        r = self._other_rank(other)
        if r is None:
            return NotImplemented
        return self.rank <= r

    def __gt__(self, other: object) -> bool:
        r = self._other_rank(other)
        if r is None:
            return NotImplemented
        return self.rank > r

    def __ge__(self, other: object) -> bool:
        r = self._other_rank(other)
        if r is None:
            return NotImplemented
        return self.rank >= r


_VERDICT_RANK = {v: i for i, v in enumerate(Verdict)}


class CriterionStatus(str, Enum):
    """Status of one criterion; the values are the library's tokens."""
    MET = 'met'
    RESERVATIONS = 'reservations'
    NOT_MET = 'not_met'
    RED_LINE = 'red_line'
    NOT_ASSESSED = 'not_assessed'
    INCOMPLETE = 'incomplete'   # a required fact is missing (libboussole 0.2)

    def __str__(self) -> str:
        return self.value


class ReasonKind(str, Enum):
    """Kinds of reasons, in the C enum's order. Reasons are listed red_line,
    necessary_condition, missing, not_met, not_assessed, reservation, met."""
    RED_LINE = 'red_line'
    MISSING = 'missing'
    NOT_MET = 'not_met'
    NOT_ASSESSED = 'not_assessed'
    RESERVATION = 'reservation'
    MET = 'met'
    NECESSARY_CONDITION = 'necessary_condition'  # libboussole 0.2

    def __str__(self) -> str:
        return self.value


def _new(cls: Type[_T], fields: Dict[str, Any]) -> _T:
    """Build a frozen dataclass instance without its generated __init__
    (which sets every field through object.__setattr__): results hold
    dozens of outcomes and batches hold thousands of results."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


@dataclass(frozen=True)
class Provenance:
    """Which framework, in which version, and which library produced a verdict."""
    framework_id: str
    framework_version: str
    framework_sha256: str
    vocabulary_id: str          # the vocabulary the facts were read against
    vocabulary_version: str
    vocabulary_sha256: str
    library_name: str
    library_version: str


@dataclass(frozen=True)
class IndicatorOutcome:
    """One indicator's outcome (see doc/result-format.md, "Indicator outcome")."""
    criterion: str
    fact: str
    label: str
    value: Any                  # as given in the use-case (a list becomes a tuple); None when missing
    points: Optional[float]     # None when missing or not applicable
    maximum: float
    weight: float
    rule: str
    required: bool
    missing: bool
    not_applicable: bool
    red_line: bool
    fails_necessary_condition: bool   # makes the criterion not_met (unless a red line fired there)
    justification: Optional[str]
    remediation: Optional[str]
    evidence: Optional[str]


@dataclass(frozen=True)
class CriterionResult:
    """One criterion's part of a result."""
    id: str
    title: str
    weight: float
    score: Optional[float]      # None when the criterion has no score (not assessed)
    status: CriterionStatus
    status_label: str
    met_threshold: float
    reservations_threshold: float
    indicators: Tuple[IndicatorOutcome, ...]


@dataclass(frozen=True)
class UnknownKey:
    """A fact or evidence key outside the vocabulary (a likely typo), with the
    nearest fact key."""
    key: str
    path: str
    suggestion: Optional[str]


@dataclass(frozen=True)
class NotUsedKey:
    """A fact or evidence key of the vocabulary that this framework does not
    read: checked, not scored (another framework may read it)."""
    key: str
    path: str


@dataclass(frozen=True)
class Reason:
    """One reason for the verdict, as a sentence in the result's language."""
    kind: ReasonKind
    criterion: str
    fact: Optional[str]
    text: str


@dataclass(frozen=True)
class Remediation:
    """What would raise an indicator that is below its maximum, missing or in red line."""
    criterion: str
    fact: str
    text: str


@dataclass(frozen=True, repr=False)
class Result:
    """The verdict on one use-case and its justification.

    ``str(result)`` is the readable report the CLI prints, in the result's
    language; ``to_dict()`` and ``to_json()`` give the JSON document of
    doc/result-format.md.
    """
    id: str
    title: str
    lang: str
    verdict: Verdict
    verdict_label: str
    score: Optional[float]      # None when no criterion is assessed
    criteria: Tuple[CriterionResult, ...]
    red_lines: Tuple[str, ...]
    failed_conditions: Tuple[str, ...]   # facts whose outcome failed a necessary condition
    missing: Tuple[str, ...]
    unknown: Tuple[UnknownKey, ...]
    not_used: Tuple[NotUsedKey, ...]
    reasons: Tuple[Reason, ...]
    remediations: Tuple[Remediation, ...]
    provenance: Provenance
    # Private: the parsed document, the use-case bytes and the framework
    # handle, to render again on demand; the compact JSON line the lazy
    # fields are built from (None: render it again from _source).
    _doc: Optional[Doc] = field(default=None, compare=False, hash=False)
    _source: Optional[bytes] = field(default=None, compare=False, hash=False)
    _framework: Optional['_Handle'] = field(default=None, compare=False, hash=False)
    _line: Optional[bytes] = field(default=None, compare=False, hash=False)

    ok = True  # a Result, not an ErrorRecord

    if not TYPE_CHECKING:   # type checkers see the fields declared above
        def __getattr__(self, name: str) -> Any:
            # Only called for an attribute not in the instance: a lazy
            # field not built yet (every other name is a plain miss).
            if name not in _LAZY_FIELDS or 'criteria' in self.__dict__:
                raise AttributeError('%r object has no attribute %r'
                                     % (type(self).__name__, name))
            _complete(self)
            return self.__dict__[name]

    def criterion(self, criterion_id: str) -> 'CriterionResult':
        """The CriterionResult with that id (KeyError when none)."""
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def to_dict(self) -> Dict[str, Any]:
        """The result document (doc/result-format.md) as plain dicts and lists (a copy)."""
        return copy.deepcopy(result_doc(self))

    def to_json(self, lang: Optional[str] = None, compact: bool = False) -> str:
        """The JSON result as the library renders it: byte for byte what
        ``boussole evaluate --format json`` prints (compact=True: on one line)."""
        return _render.render(self, lang or self.lang, 'json-compact' if compact else 'json')

    def text(self, lang: Optional[str] = None) -> str:
        """The readable report, as ``boussole evaluate`` prints it."""
        return _render.render(self, lang or self.lang, 'text')

    def to_markdown(self, lang: Optional[str] = None) -> str:
        """The report as GitHub-flavoured Markdown, as ``boussole evaluate
        --format markdown`` prints it (for tickets and wikis)."""
        return _render.render(self, lang or self.lang, 'markdown')

    def to_html(self, lang: Optional[str] = None) -> str:
        """The self-contained, accessible HTML report (the boussole inline),
        byte for byte what ``boussole evaluate --format html`` writes."""
        return _render.render(self, lang or self.lang, 'html')

    def to_svg(self, lang: Optional[str] = None) -> str:
        """The boussole as an SVG picture, as ``boussole evaluate --format svg``
        writes it."""
        return _render.render(self, lang or self.lang, 'svg')

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return 'Result(id=%r, verdict=%s, score=%s, lang=%r)' % (
            self.id, self.verdict.value, self.score, self.lang)

    def _repr_html_(self) -> str:
        e = html.escape
        rows = ''.join(
            '<tr><td>%s</td><td>%s</td><td style="text-align:right">%s</td>'
            '<td class="boussole-%s" style="%s">%s</td></tr>'
            % (e(c.id), e(c.title), _score1(c.score), c.status.value, _STATUS_STYLE[c.status.value],
               e(c.status_label)) for c in self.criteria)
        extra = ''
        if self.missing:
            extra += '<p>%s: %s</p>' % (e('Faits manquants' if self.lang == 'fr' else 'Missing facts'),
                                        e(', '.join(self.missing)))
        if self.red_lines:
            extra += '<p>%s: %s</p>' % (e('Lignes rouges' if self.lang == 'fr' else 'Red lines'),
                                        e(', '.join(self.red_lines)))
        heads = ('Critère', 'Intitulé', 'Score', 'Statut') if self.lang == 'fr' else \
            ('Criterion', 'Title', 'Score', 'Status')
        return (
            '<div class="boussole-result"><p><strong>%s</strong> &mdash; %s (%s/100)</p>'
            '%s<table><thead><tr>%s</tr></thead><tbody>%s</tbody></table>%s</div>'
            % (e(self.title), e(self.verdict_label), _score1(self.score), self._picture(),
               ''.join('<th>%s</th>' % h for h in heads), rows, extra))

    def _picture(self) -> str:
        """The SVG boussole for a notebook (without its XML declaration), or
        nothing for a Result that cannot render itself."""
        if self._framework is None or self._source is None:
            return ''
        svg = self.to_svg()
        return '<div class="boussole-picture" style="max-width:40rem">%s</div>' % svg[svg.index('<svg'):]


@dataclass(frozen=True)
class ErrorRecord:
    """A use-case of a batch that could not be evaluated: what the library
    reported for it. ``index`` is its position in the batch; line and column
    are positions inside that use-case's document. ``exception()`` gives the
    boussole.Error that evaluate() would have raised."""
    index: int
    id: Optional[str]           # the use-case's id when it could be read, else None
    code: int
    name: str
    message: str
    line: int
    column: int
    path: str
    source: Optional[str] = None  # the file name, for a path given to evaluate_many

    ok = False

    def exception(self) -> _errors.Error:
        return _errors.make_error(self.code, self.message, self.line, self.column, self.path,
                                  source=self.source)

    def __str__(self) -> str:
        return str(self.exception())


def result_doc(result: Result) -> Doc:
    """The parsed document a Result was built from (not a copy)."""
    if result._doc is None:
        _complete(result)
    doc = result._doc
    if doc is None:
        raise _errors.ArgumentError(_errors.ARG, 'this Result was not made by a Framework')
    return doc


#: The fields a lazy Result builds on first access (the others are made at once).
_LAZY_FIELDS: FrozenSet[str] = frozenset((
    'criteria', 'red_lines', 'failed_conditions', 'missing', 'unknown', 'not_used', 'reasons',
    'remediations', 'provenance', '_doc'))


def _complete(result: Result) -> None:
    """Build the lazy fields of result (and its _doc) in place. Two threads
    may do it at once: each builds the same values from the same bytes."""
    if 'criteria' in result.__dict__:
        return
    line = result._line
    if line is None:
        if result._framework is None or result._source is None:
            raise _errors.ArgumentError(_errors.ARG, 'this Result was not made by a Framework')
        line = _render.render_source(result._framework, result._source,
                                     _render.lang_code(result.lang), _render.FORMATS['json-compact'])
    doc = json.loads(line)
    fields = _deep_fields(doc)
    fields['_doc'] = doc
    result.__dict__.update(fields)
    result.__dict__.pop('_line', None)   # parsed now: the dicts hold it all


def lazy_result(eager: Dict[str, Any], source: Optional[bytes], framework: Optional['_Handle'],
                line: Optional[bytes] = None) -> Result:
    """A Result with only its scalar fields (id, title, lang, verdict,
    verdict_label, score); the others are built on first access from line,
    the compact JSON result (or, when None, from source evaluated again)."""
    eager['_source'] = source
    eager['_framework'] = framework
    eager['_line'] = line
    return _new(Result, eager)


def _line_head(s: str) -> Tuple[Dict[str, Any], int]:
    """The scalar members at the head of a compact result line (its members
    are in a fixed order, doc/result-format.md), and where its criteria
    begin; ValueError when the line does not start as expected."""
    head: Dict[str, Any] = {}
    i = _expect(s, 0, '{"format":"boussole-result/2"')
    for name, member in (('lang', ',"lang":'), ('verdict', ',"verdict":'),
                         ('verdict_label', ',"verdict_label":'), ('score', ',"score":'),
                         ('id', ',"usecase":{"id":'), ('title', ',"title":')):
        head[name], i = _raw_decode(s, _expect(s, i, member))
    return head, _expect(s, i, '},"criteria":[')


def result_from_line(line: bytes, source: Optional[bytes] = None,
                     framework: Optional['_Handle'] = None) -> Result:
    """A lazy Result from a compact result line (BSL_FORMAT_JSON_COMPACT):
    the scalar fields are decoded where they stand at the head of the line
    (its members are in a fixed order), the rest is parsed on first access.
    Falls back to a full parse when the line does not look as expected."""
    try:
        head, _ = _line_head(line.decode('utf-8'))
        eager = {'id': head['id'], 'title': head['title'], 'lang': head['lang'],
                 'verdict': Verdict(head['verdict']), 'verdict_label': head['verdict_label'],
                 'score': _num(head['score'])}
    except ValueError:   # includes UnicodeDecodeError and JSONDecodeError
        return result_from_doc(json.loads(line), source, framework)
    return lazy_result(eager, source, framework, line)


def _value(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


def _num(v: Any) -> Optional[float]:
    """A number of the result as float; None (JSON null: no score, no points) stays None."""
    return None if v is None else float(v)


# Status cells: a background colour with dark text (contrast above 7:1),
# and the status in words, so that the colour is never the only signal.
_STATUS_STYLE = {
    'met': 'background:#d4edda;color:#155724',
    'reservations': 'background:#fff3cd;color:#6b4e00',
    'not_met': 'background:#f8d7da;color:#721c24',
    'red_line': 'background:#721c24;color:#ffffff;font-weight:bold',
    'not_assessed': 'background:#e2e3e5;color:#383d41',
    'incomplete': 'background:#e2e3e5;color:#383d41;font-style:italic',
}


def _score1(v: Optional[float]) -> str:
    """A score for a table: one decimal, or a dash when there is none."""
    return '\u2014' if v is None else '%.1f' % v


def result_from_doc(doc: Doc, source: Optional[bytes] = None,
                    framework: Optional['_Handle'] = None) -> Result:
    """A Result from the parsed JSON result document, every field built."""
    fields = _deep_fields(doc)
    fields.update({
        'id': doc['usecase']['id'],
        'title': doc['usecase']['title'],
        'lang': doc['lang'],
        'verdict': Verdict(doc['verdict']),
        'verdict_label': doc['verdict_label'],
        'score': _num(doc['score']),
        '_doc': doc,
        '_source': source,
        '_framework': framework,
    })
    return _new(Result, fields)


def _deep_fields(doc: Doc) -> Dict[str, Any]:
    """The lazy fields of a Result (_LAZY_FIELDS but _doc) from its document."""
    criteria = []
    for c in doc['criteria']:
        cid = c['id']
        outcomes = tuple(_new(IndicatorOutcome, {
            'criterion': cid,
            'fact': o['fact'],
            'label': o['label'],
            'value': _value(o['value']),
            'points': _num(o['points']),
            'maximum': float(o['maximum']),
            'weight': float(o['weight']),
            'rule': o['rule'],
            'required': o['required'],
            'missing': o['missing'],
            'not_applicable': o['not_applicable'],
            'red_line': o['red_line'],
            'fails_necessary_condition': o['fails_necessary_condition'],
            'justification': o['justification'],
            'remediation': o['remediation'],
            'evidence': o['evidence'],
        }) for o in c['indicators'])
        th = c['thresholds']
        criteria.append(_new(CriterionResult, {
            'id': cid,
            'title': c['title'],
            'weight': float(c['weight']),
            'score': _num(c['score']),
            'status': CriterionStatus(c['status']),
            'status_label': c['status_label'],
            'met_threshold': float(th['met']),
            'reservations_threshold': float(th['reservations']),
            'indicators': outcomes,
        }))
    prov = doc['provenance']
    return {
        'criteria': tuple(criteria),
        'red_lines': tuple(doc['red_lines']),
        'failed_conditions': tuple(doc['failed_conditions']),
        'missing': tuple(doc['missing']),
        'unknown': tuple(_new(UnknownKey, u) for u in doc['unknown']),
        'not_used': tuple(_new(NotUsedKey, u) for u in doc['not_used']),
        'reasons': tuple(_new(Reason, {'kind': ReasonKind(r['kind']), 'criterion': r['criterion'],
                                       'fact': r['fact'], 'text': r['text']})
                         for r in doc['reasons']),
        'remediations': tuple(_new(Remediation, r) for r in doc['remediations']),
        'provenance': _new(Provenance, {
            'framework_id': prov['framework']['id'],
            'framework_version': prov['framework']['version'],
            'framework_sha256': prov['framework']['sha256'],
            'vocabulary_id': prov['vocabulary']['id'],
            'vocabulary_version': prov['vocabulary']['version'],
            'vocabulary_sha256': prov['vocabulary']['sha256'],
            'library_name': prov['library']['name'],
            'library_version': prov['library']['version'],
        }),
    }


def record_from_doc(doc: Doc, criterion_ids: Sequence[str]) -> Record:
    """The flat dict of records() for one result document."""
    rec: Record = {
        'id': doc['usecase']['id'],
        'title': doc['usecase']['title'],
        'verdict': doc['verdict'],
        'score': _num(doc['score']),
    }
    for c in doc['criteria']:
        rec[c['id'] + '_score'] = _num(c['score'])
        rec[c['id'] + '_status'] = c['status']
    for cid in criterion_ids:   # same columns for every row, whatever the result holds
        rec.setdefault(cid + '_score', None)
        rec.setdefault(cid + '_status', None)
    rec['missing'] = len(doc['missing'])
    rec['red_lines'] = ', '.join(doc['red_lines'])
    rec['error'] = None
    _record_details(rec, doc['missing'], doc['failed_conditions'],
                    [u['key'] for u in doc['unknown']], doc['provenance'])
    return rec


def _record_details(rec: Dict[str, Any], missing: Optional[List[str]],
                    failed: Optional[List[str]], unknown: Optional[List[str]],
                    provenance: Optional[Dict[str, Any]]) -> None:
    """The columns records() adds after error: the names of the missing
    facts, the failed necessary conditions and the unknown keys
    (comma-separated), and the framework that scored the use-case."""
    rec['missing_facts'] = None if missing is None else ', '.join(missing)
    rec['failed_conditions'] = None if failed is None else ', '.join(failed)
    rec['unknown'] = None if unknown is None else ', '.join(unknown)
    fw = provenance['framework'] if provenance else None
    rec['framework'] = fw['id'] if fw else None
    rec['framework_version'] = fw['version'] if fw else None


def record_from_summary(doc: Dict[str, Any], criterion_ids: Any) -> Dict[str, Any]:
    """The flat dict of records() for one summary (boussole-summary/1): no title."""
    rec = {'id': doc['id'], 'title': None, 'verdict': doc['verdict'], 'score': _num(doc['score'])}
    for c in doc['criteria']:
        rec[c['id'] + '_score'] = _num(c['score'])
        rec[c['id'] + '_status'] = c['status']
    for cid in criterion_ids:
        rec.setdefault(cid + '_score', None)
        rec.setdefault(cid + '_status', None)
    rec['missing'] = len(doc['missing'])
    rec['red_lines'] = ', '.join(doc['red_lines'])
    rec['error'] = None
    # An unknown key's path is $.facts.KEY or $.evidence.KEY: the key is its last part.
    _record_details(rec, doc['missing'], doc['failed_conditions'],
                    [p.split('.', 2)[-1] for p in doc['unknown']], doc['provenance'])
    return rec


_raw_decode = json.JSONDecoder().raw_decode


def _expect(s: str, i: int, literal: str) -> int:
    if not s.startswith(literal, i):
        raise ValueError('expected %s at %d' % (literal, i))
    return i + len(literal)


@functools.lru_cache(maxsize=64)
def _criterion_patterns(criterion_ids: Tuple[str, ...]) -> Tuple[Tuple[str, str], ...]:
    return tuple((cid, '{"id":%s,"title":' % json.dumps(cid, ensure_ascii=False))
                 for cid in criterion_ids)


def record_from_line(line: bytes, criterion_ids: Tuple[str, ...]) -> Record:
    """records() for one compact result line without parsing all of it: the
    compact document (BSL_FORMAT_JSON_COMPACT) has its members in a fixed
    order (doc/result-format.md), and a sequence such as {"id":"C2","title":
    cannot occur inside a JSON string (quotes are escaped there), so the
    few values a record needs are found and decoded where they are. Falls
    back to a full parse when the line does not look as expected."""
    try:
        s = line.decode('utf-8')
        head, i = _line_head(s)
        rec: Record = {'id': head['id'], 'title': head['title'], 'verdict': head['verdict'],
                       'score': _num(head['score'])}
        for cid, pattern in _criterion_patterns(criterion_ids):
            i = s.index(pattern, i)
            _, i = _raw_decode(s, s.index(',"title":', i) + 9)
            i = _expect(s, i, ',"weight":')
            _, i = _raw_decode(s, i)
            i = _expect(s, i, ',"score":')
            cscore, i = _raw_decode(s, i)
            i = _expect(s, i, ',"status":')
            status, i = _raw_decode(s, i)
            rec[cid + '_score'] = _num(cscore)
            rec[cid + '_status'] = status
        i = s.index('],"red_lines":', i) + 14
        red_lines, i = _raw_decode(s, i)
        i = _expect(s, i, ',"failed_conditions":')
        failed, i = _raw_decode(s, i)
        i = _expect(s, i, ',"missing":')
        missing, i = _raw_decode(s, i)
        i = _expect(s, i, ',"unknown":')
        unknown, i = _raw_decode(s, i)
        # The provenance is the last member: after the reasons' sentences.
        i = s.rindex(',"provenance":{"framework":') + 27
        framework, i = _raw_decode(s, i)
    except ValueError:   # includes UnicodeDecodeError and JSONDecodeError
        return record_from_doc(json.loads(line), criterion_ids)
    rec['missing'] = len(missing)
    rec['red_lines'] = ', '.join(red_lines)
    rec['error'] = None
    _record_details(rec, missing, failed, [u['key'] for u in unknown], {'framework': framework})
    return rec


def record_from_error(err: 'ErrorRecord', criterion_ids: Sequence[str]) -> Record:
    rec: Record = {'id': err.id, 'title': None, 'verdict': None, 'score': None}
    for cid in criterion_ids:
        rec[cid + '_score'] = None
        rec[cid + '_status'] = None
    rec['missing'] = None
    rec['red_lines'] = None
    rec['error'] = str(err)
    _record_details(rec, None, None, None, None)
    return rec


def parse_line(line: bytes) -> Any:
    return json.loads(line)
