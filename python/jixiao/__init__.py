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

Tables (``Document.to_pandas``/``to_arrow``/``to_polars``, ``score_table``, ``Review``,
``Scorecard``, ``Audit`` and ``Summary`` frames) name their columns in English snake_case
(``project``, ``level1``, ``score``); ``columns="zh"`` gives the Chinese names (项目名称,
一级指标, 得分). ``jixiao.dask`` (``import jixiao.dask``) builds Dask DataFrames from many
files.
"""

from jixiao._jixiao import (
    Audit,
    BudgetRow,
    Declaration,
    DeclarationStream,
    Diff,
    Document,
    Evaluation,
    Finding,
    Funding,
    Goals,
    Indicator,
    IndicatorScore,
    JixiaoError,
    MonitorError,
    MonitorReport,
    ParseError,
    Project,
    Review,
    ReviewError,
    ScoreError,
    Scorecard,
    Summary,
    Target,
    __version__,
    diff,
    from_pandas,
    profiles,
    read,
    read_text,
    report,
    stream,
    summarize,
    write_scorecards,
)
from jixiao._progress import read_many, score_many

__all__ = [
    "Audit",
    "BudgetRow",
    "Declaration",
    "DeclarationStream",
    "Diff",
    "Document",
    "Evaluation",
    "Finding",
    "Funding",
    "Goals",
    "Indicator",
    "IndicatorScore",
    "JixiaoError",
    "MonitorError",
    "MonitorReport",
    "ParseError",
    "Project",
    "Review",
    "ReviewError",
    "ScoreError",
    "Scorecard",
    "Summary",
    "Target",
    "__version__",
    "diff",
    "from_pandas",
    "profiles",
    "read",
    "read_many",
    "read_text",
    "report",
    "score_many",
    "stream",
    "summarize",
    "write_scorecards",
]
