"""A user of the public API, checked by mypy --strict (test_typing.py): every
public function and method is typed, so this file type-checks as written."""
import pathlib
from typing import Any, Dict, List, Optional, Tuple

import boussole


def main(folder: pathlib.Path) -> Tuple[Optional[boussole.Verdict], List[Dict[str, Any]]]:
    ids: List[str] = boussole.frameworks()
    fw: boussole.Framework = boussole.Framework.default()
    other: boussole.Framework = boussole.Framework.embedded(ids[0])
    loaded = boussole.Framework.load(pathlib.Path('frameworks/nantes-2024.json'))
    title: str = fw.title('en') + fw.criterion_title(fw.criterion_ids[0], 'en')
    facts: Tuple[boussole.Fact, ...] = fw.facts
    voc: Tuple[boussole.Fact, ...] = boussole.vocabulary()
    sheet: Any = fw.describe('markdown', 'en')
    schema: Dict[str, Any] = fw.schema('en')
    blank: Dict[str, Any] = fw.template('en')
    r: boussole.Result = fw.evaluate({'id': 'x', 'title': title, 'facts': {}}, lang='en')
    score: Optional[float] = r.score
    c: boussole.CriterionResult = r.criterion('C1')
    doc: Dict[str, Any] = r.to_dict()
    text: str = r.to_json(compact=True) + r.text('fr') + str(r)
    results: boussole.Results = fw.evaluate_many(sorted(folder.glob('*.json')))
    records: List[Dict[str, Any]] = results.records()
    errors: List[boussole.ErrorRecord] = results.errors
    good: List[boussole.Result] = results.results
    worst = min((x.verdict for x in good), default=None)
    rank: int = r.verdict.rank
    exc: boussole.Error = errors[0].exception() if errors else boussole.Error(-1, 'x')
    closed: bool = other.closed
    with loaded:
        pass
    other.close()
    del facts, voc, sheet, schema, blank, score, c, doc, text, rank, exc, closed
    return worst, records
