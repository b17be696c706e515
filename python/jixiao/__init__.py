"""jixiao (绩效): Chinese budget project performance targets and self-evaluations.

Read declarations (绩效目标申报表) and self-evaluations (绩效自评表) from the form layout,
list exports (CSV/TSV), office files (.xlsx, .xls, .docx, .pdf) or the canonical JSON
into an exact model: money, target values and weights are :class:`decimal.Decimal`,
dates :class:`datetime.date`, never floats.

>>> import jixiao
>>> doc = jixiao.read("tests/data/shanghai-eeb-enforcement-2024.txt")
>>> len(doc), sum(len(d) for d in doc)
(5, 29)

Inputs: ``read(path)`` takes a ``str`` or :class:`os.PathLike` **path**, or **content** as
``bytes``/``bytearray``/``memoryview``; ``read_text(text)`` takes content already in a
``str``. Errors derive from :class:`JixiaoError` (a :class:`ValueError`).
"""

from jixiao._jixiao import (
    Audit,
    BudgetRow,
    Declaration,
    DeclarationStream,
    Document,
    Evaluation,
    Finding,
    Funding,
    Goals,
    Indicator,
    IndicatorScore,
    JixiaoError,
    ParseError,
    Project,
    Review,
    ReviewError,
    ScoreError,
    Scorecard,
    Summary,
    Target,
    __version__,
    from_pandas,
    profiles,
    read,
    read_many,
    read_text,
    score_many,
    stream,
    summarize,
    write_scorecards,
)

__all__ = [
    "Audit",
    "BudgetRow",
    "Declaration",
    "DeclarationStream",
    "Document",
    "Evaluation",
    "Finding",
    "Funding",
    "Goals",
    "Indicator",
    "IndicatorScore",
    "JixiaoError",
    "ParseError",
    "Project",
    "Review",
    "ReviewError",
    "ScoreError",
    "Scorecard",
    "Summary",
    "Target",
    "__version__",
    "from_pandas",
    "profiles",
    "read",
    "read_many",
    "read_text",
    "score_many",
    "stream",
    "summarize",
    "write_scorecards",
]
