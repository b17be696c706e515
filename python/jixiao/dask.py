"""jixiao on Dask: many files (thousands, on a cluster) as Dask DataFrames, read and scored
partition by partition on the workers.

>>> import jixiao.dask
>>> ddf = jixiao.dask.score_many(["tests/data/selfeval-putuo-sports-2022.txt"])
>>> ddf.compute()["total"].tolist()
[Decimal('98.62')]

* :func:`read_many` — one row per indicator (the list table of each document, in English
  names, with the ``file`` it came from);
* :func:`review_many` — one row per finding of the target review (审核), with ``file``;
* :func:`score_many` — one row per 自评表 (``per="declaration"``: total, max, grade, …) or
  per scored indicator (``per="indicator"``), with ``file``.

Each partition is a few files (``files_per_partition``) read with
:func:`jixiao.read_many` on the worker that computes it; only the paths travel to the
workers and only the rows travel back. Money, weights and scores stay exact
(:class:`decimal.Decimal` in ``object`` columns, which these frames keep as they are
even where Dask turns ``object`` columns into strings). A file that cannot be read fails its
partition with a :class:`jixiao.JixiaoError` (or :class:`OSError`) whose message starts with
the file's path; ``errors="skip"`` leaves such files out instead.

Needs ``dask[dataframe]`` (``pip install 'jixiao[dask]'``); with ``distributed`` the same
code runs on a ``LocalCluster`` or a real cluster (``distributed.Client("tcp://…")``), see
``docs/dask.md``.
"""

from __future__ import annotations

import glob as _glob
import os
from typing import Any, Iterable, List, Optional, Sequence, Union

import jixiao

__all__ = ["read_many", "score_many", "review_many", "expand", "parquet_schema", "INDICATOR_COLUMNS"]

#: The columns of :func:`read_many` (the list table's, in English names, that every
#: document has or leaves empty), after ``file``.
INDICATOR_COLUMNS = [
    "project",
    "project_code",
    "nature",
    "category",
    "department",
    "implementer",
    "start_date",
    "end_date",
    "funding_annual",
    "level1",
    "level2",
    "name",
    "target",
    "comparator",
    "unit",
    "weight",
    "actual",
    "score",
]

_DECLARATION_COLUMNS = [
    "project",
    "total",
    "max",
    "complete",
    "open",
    "grade",
    "budget_score",
    "budget_rate",
]
_INDICATOR_SCORE_COLUMNS = [
    "declaration",
    "project",
    "level1",
    "level2",
    "name",
    "max",
    "score",
    "status",
]


def _dd() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "jixiao.dask needs dask, which is not installed: pip install 'jixiao[dask]'"
        ) from e
    return dd


def expand(paths_or_glob: Union[str, os.PathLike, Iterable[Union[str, os.PathLike]]]) -> List[str]:
    """The files a ``paths_or_glob`` argument names: a glob pattern (``"corpus/**/*.txt"``,
    recursive), a directory (every file in it, sorted), a path, or a list of any of these;
    in order, each file once.

    >>> jixiao.dask.expand("tests/data/*.txt")[:1]
    ['tests/data/selfeval-putuo-sports-2022.txt']
    """
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, os.PathLike)) else list(paths_or_glob)
    out: List[str] = []
    seen = set()
    for item in items:
        item = os.fspath(item)
        if any(ch in item for ch in "*?["):
            found = sorted(_glob.glob(item, recursive=True))
        elif os.path.isdir(item):
            found = sorted(
                os.path.join(item, n) for n in os.listdir(item) if os.path.isfile(os.path.join(item, n))
            )
        else:
            found = [item]
        for f in found:
            if f not in seen and not os.path.isdir(f):
                seen.add(f)
                out.append(f)
    if not out:
        raise FileNotFoundError(f"no file matches {paths_or_glob!r}")
    return out


def _read(paths: Sequence[str], errors: str, **read: Any) -> List[Any]:
    """The documents of ``paths`` as ``(path, document)``; a failure names its file."""
    docs = jixiao.read_many(list(paths), errors="return", **read)
    out = []
    for path, doc in zip(paths, docs):
        if isinstance(doc, BaseException):
            if errors == "skip":
                continue
            message = f"{path}: {doc}"
            try:
                err = type(doc)(message)
                for attr in ("code", "file", "sheet", "line", "column"):
                    if hasattr(doc, attr):
                        setattr(err, attr, getattr(doc, attr))
            except Exception:  # an exception type that takes other arguments
                err = jixiao.JixiaoError(message)
            raise err from doc
        out.append((path, doc))
    return out


def _frame(pd: Any, columns: Sequence[str], frames: List[Any]) -> Any:
    if not frames:
        return _empty(pd, columns)
    df = pd.concat(frames, ignore_index=True)
    return df.reindex(columns=list(columns))


def _empty(pd: Any, columns: Sequence[str]) -> Any:
    kinds = {"declaration": "int64", "complete": "bool"}
    return pd.DataFrame({c: pd.Series([], dtype=kinds.get(c, "object")) for c in columns})


def _indicator_partition(paths: Sequence[str], errors: str, read: dict) -> Any:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    columns = ["file"] + INDICATOR_COLUMNS
    frames = []
    for path, doc in _read(paths, errors, **read):
        df = doc.to_pandas()
        df = df.reindex(columns=INDICATOR_COLUMNS)
        df = df.astype("object").where(df.notna(), None)
        df.insert(0, "file", path)
        frames.append(df)
    return _frame(pd, columns, frames)


def _score_partition(paths: Sequence[str], errors: str, read: dict, profile: Any, per: str) -> Any:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    names = _DECLARATION_COLUMNS if per == "declaration" else _INDICATOR_SCORE_COLUMNS
    columns = ["file"] + names
    frames = []
    for path, doc in _read(paths, errors, **read):
        table = doc.score_table(profile=profile, per=per, as_="dict")
        df = pd.DataFrame({c: pd.Series(table[c], dtype=_empty(pd, [c])[c].dtype) for c in names})
        df.insert(0, "file", path)
        frames.append(df)
    return _frame(pd, columns, frames)


_FINDING_COLUMNS = ["code", "severity", "project", "indicator", "line", "message", "message_en"]


def _review_partition(paths: Sequence[str], errors: str, read: dict, profile: Any) -> Any:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    columns = ["file"] + _FINDING_COLUMNS
    frames = []
    for path, doc in _read(paths, errors, **read):
        df = doc.review(profile=profile).to_pandas()
        if len(df) == 0:
            continue
        df = df.reindex(columns=_FINDING_COLUMNS).astype("object")
        df = df.where(df.notna(), None)
        df.insert(0, "file", path)
        frames.append(df)
    return _frame(pd, columns, frames)


def _from_map(*args: Any, **kwargs: Any) -> Any:
    """``dd.from_map`` keeping ``object`` columns as they are: Dask would otherwise turn
    every ``object`` column into pyarrow strings (``dataframe.convert-string``), the
    ``Decimal`` figures included."""
    import dask

    with dask.config.set({"dataframe.convert-string": False}):
        return _dd().from_map(*args, **kwargs)


#: The Parquet types of the figure, date and number columns of these frames: one scale per
#: column, as Parquet needs (scores are rounded to 2 decimals and 执行率 to 6 by the scoring
#: rules; money has 2; weights up to 4). A value with more decimals fails the write rather
#: than being rounded.
_PARQUET_SCALES = {
    "total": 2,
    "max": 2,
    "open": 2,
    "budget_score": 2,
    "budget_rate": 6,
    "score": 2,
    "funding_annual": 2,
    "weight": 4,
}
_PARQUET_OTHER = {"start_date": "date32", "end_date": "date32", "line": "int64", "declaration": "int64"}


def parquet_schema(ddf: Any) -> Any:
    """The ``schema=`` (a ``pyarrow.Schema`` of every column) for
    ``ddf.to_parquet(path, schema=jixiao.dask.parquet_schema(ddf))``: exact ``decimal128``
    figures, ``date32`` dates, ``int64`` line numbers, strings for the texts (Dask cannot
    infer the type of an ``object`` column from its metadata).

    >>> jixiao.dask.parquet_schema(jixiao.dask.score_many("tests/data/selfeval-putuo-sports-2022.txt")).field("total").type
    Decimal128Type(decimal128(38, 2))
    """
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    fields = []
    for name, dtype in ddf.dtypes.items():
        if name in _PARQUET_SCALES:
            t = pa.decimal128(38, _PARQUET_SCALES[name])
        elif name in _PARQUET_OTHER:
            t = getattr(pa, _PARQUET_OTHER[name])()
        elif str(dtype) == "object":
            t = pa.string()
        else:
            t = pa.from_numpy_dtype(dtype)
        fields.append((name, t))
    return pa.schema(fields)


def _partitions(paths: List[str], files_per_partition: Optional[int]) -> List[List[str]]:
    n = files_per_partition or max(1, min(64, -(-len(paths) // 32)))
    return [paths[i : i + n] for i in range(0, len(paths), n)]


def read_many(
    paths_or_glob: Any,
    *,
    files_per_partition: Optional[int] = None,
    errors: str = "raise",
    format: Optional[str] = None,
    encoding: Optional[str] = None,
) -> Any:
    """A Dask DataFrame with one row per indicator of every file (``file`` then
    :data:`INDICATOR_COLUMNS`), read partition by partition on the workers.

    >>> ddf = jixiao.dask.read_many("tests/data/shanghai-eeb-enforcement-2024.txt")
    >>> len(ddf.compute()), ddf.columns[0]
    (29, 'file')
    """
    _dd()
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    if errors not in ("raise", "skip"):
        raise ValueError(f'errors must be "raise" or "skip", got {errors!r}')
    paths = expand(paths_or_glob)
    read = {"format": format, "encoding": encoding, "workers": 1}
    meta = _empty(pd, ["file"] + INDICATOR_COLUMNS)
    return _from_map(
        _indicator_partition,
        _partitions(paths, files_per_partition),
        errors=errors,
        read=read,
        meta=meta,
        enforce_metadata=False,
        label="jixiao-read",
    )


def score_many(
    paths_or_glob: Any,
    *,
    profile: Any = None,
    per: str = "declaration",
    files_per_partition: Optional[int] = None,
    errors: str = "raise",
    format: Optional[str] = None,
    encoding: Optional[str] = None,
) -> Any:
    """A Dask DataFrame of the scores of every file: ``per="declaration"`` — ``file``,
    project, total, max, complete, open, grade, budget_score, budget_rate (one row per
    自评表); ``per="indicator"`` — ``file``, declaration, project, level1, level2, name,
    max, score, status. The figures of ``Document.score_table``, computed on the workers.

    >>> jixiao.dask.score_many("tests/data/selfeval-putuo-sports-2022.txt").compute()["grade"].tolist()
    ['优']
    """
    _dd()
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    if per not in ("declaration", "indicator"):
        raise ValueError(f'per must be "declaration" or "indicator", got {per!r}')
    if errors not in ("raise", "skip"):
        raise ValueError(f'errors must be "raise" or "skip", got {errors!r}')
    paths = expand(paths_or_glob)
    read = {"format": format, "encoding": encoding, "workers": 1}
    names = _DECLARATION_COLUMNS if per == "declaration" else _INDICATOR_SCORE_COLUMNS
    meta = _empty(pd, ["file"] + names)
    return _from_map(
        _score_partition,
        _partitions(paths, files_per_partition),
        errors=errors,
        read=read,
        profile=profile,
        per=per,
        meta=meta,
        enforce_metadata=False,
        label="jixiao-score",
    )


def review_many(
    paths_or_glob: Any,
    *,
    profile: Optional[str] = None,
    files_per_partition: Optional[int] = None,
    errors: str = "raise",
    format: Optional[str] = None,
    encoding: Optional[str] = None,
) -> Any:
    """A Dask DataFrame of the target review (审核) of every file: ``file``, code, severity,
    project, indicator, line, message, message_en — one row per finding, computed on the
    workers (``profile`` as in ``Document.review``).

    >>> f = jixiao.dask.review_many("tests/data/shanghai-eeb-enforcement-2024.txt").compute()
    >>> f["code"].iloc[0], len(f) == len(jixiao.read("tests/data/shanghai-eeb-enforcement-2024.txt").review())
    ('T007', True)
    """
    _dd()
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    if errors not in ("raise", "skip"):
        raise ValueError(f'errors must be "raise" or "skip", got {errors!r}')
    paths = expand(paths_or_glob)
    read = {"format": format, "encoding": encoding, "workers": 1}
    meta = _empty(pd, ["file"] + _FINDING_COLUMNS)
    return _from_map(
        _review_partition,
        _partitions(paths, files_per_partition),
        errors=errors,
        read=read,
        profile=profile,
        meta=meta,
        enforce_metadata=False,
        label="jixiao-review",
    )
