"""Progress on long batch calls: ``read_many``/``score_many`` with ``progress=``.

The work is handed to the Rust calls in chunks (each chunk still read or scored in
parallel without the GIL); after each chunk the progress is reported:

* ``progress=None`` or ``False``: nothing (one call, no chunks — the default);
* ``progress=True``: a ``tqdm`` bar (``tqdm.auto``, so a notebook shows a widget) when tqdm
  is installed, else a line on standard error every tenth of the way;
* ``progress=callable``: ``callable(done, total)`` after each chunk (``done`` inputs of
  ``total`` finished), e.g. to drive a GUI or a log.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, List, Literal, Optional, Sequence

from jixiao import _jixiao


def _chunk_size(total: int, threads: Optional[int]) -> int:
    # About a hundred updates, and chunks big enough to keep every thread busy.
    cores = threads or os.cpu_count() or 1
    return max(cores * 4, -(-total // 100), 1)


class _Reporter:
    def __init__(self, progress: Any, total: int, desc: str) -> None:
        self.total = total
        self.done = 0
        self.callback: Optional[Callable[[int, int], Any]] = None
        self.bar: Any = None
        self.next_line = 0
        if callable(progress) and progress is not True:
            self.callback = progress
            return
        try:
            from tqdm.auto import tqdm  # type: ignore[import-untyped,unused-ignore]
        except ImportError:
            self.bar = None
        else:
            self.bar = tqdm(total=total, desc=desc, unit="file")
        self.desc = desc

    def advance(self, n: int) -> None:
        self.done += n
        if self.callback is not None:
            self.callback(self.done, self.total)
        elif self.bar is not None:
            self.bar.update(n)
        elif self.done >= self.next_line or self.done == self.total:
            print(f"{self.desc}: {self.done}/{self.total}", file=sys.stderr)
            self.next_line = self.done + max(self.total // 10, 1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _chunked(
    items: Sequence[Any],
    progress: Any,
    threads: Optional[int],
    desc: str,
    run: Callable[[Sequence[Any]], List[Any]],
) -> List[Any]:
    if progress is None or progress is False:
        return run(items)
    items = list(items)
    reporter = _Reporter(progress, len(items), desc)
    out: List[Any] = []
    try:
        step = _chunk_size(len(items), threads)
        for start in range(0, len(items), step):
            chunk = items[start : start + step]
            out.extend(run(chunk))
            reporter.advance(len(chunk))
    finally:
        reporter.close()
    return out


def read_many(
    sources: Sequence[Any],
    *,
    format: Optional[str] = None,
    encoding: Optional[str] = None,
    errors: Literal["raise", "return"] = "raise",
    workers: Optional[int] = None,
    threads: Optional[int] = None,
    progress: Any = None,
) -> List[Any]:
    """Reads many inputs (paths or bytes, as ``read`` takes them) in parallel on
    ``workers`` threads (default: the cores; ``threads`` is the older name), without the
    GIL; returns the documents in the order of the inputs, each equal to ``read``'s. The
    first input that cannot be read raises its exception unless ``errors="return"``, which
    puts the exception in its place instead; every error names its input (the path, or
    ``source N (bytes)``). ``progress=True`` shows a tqdm bar (a notebook widget),
    ``progress=callable`` calls ``callable(done, total)`` as inputs finish.

    >>> docs = jixiao.read_many(["tests/data/shanghai-eeb-enforcement-2024.txt", b""], errors="return")
    >>> docs[0], type(docs[1]).__name__
    (Document(title='上海市生态环境局执法总队2024年度项目绩效目标汇总表', year=2024, declarations=5, indicators=29), 'ParseError')
    >>> seen = []
    >>> _ = jixiao.read_many([b"", b""], errors="return", progress=lambda d, t: seen.append((d, t)))
    >>> seen[-1]
    (2, 2)
    """
    return _chunked(
        sources,
        progress,
        workers or threads,
        "read",
        lambda chunk: _jixiao.read_many(
            chunk, format=format, encoding=encoding, errors=errors, workers=workers, threads=threads
        ),
    )


def score_many(
    documents: Sequence[Any],
    *,
    profile: Any = None,
    workers: Optional[int] = None,
    threads: Optional[int] = None,
    progress: Any = None,
) -> List[Any]:
    """Scores the declarations of many documents in parallel on ``workers`` threads
    (default: the cores; ``threads`` is the older name) without the GIL: a list with, per
    document, its list of ``Scorecard``. ``progress=`` as in ``read_many``.

    >>> [len(cards) for cards in jixiao.score_many([doc, doc])]
    [5, 5]
    """
    return _chunked(
        documents,
        progress,
        workers or threads,
        "score",
        lambda chunk: _jixiao.score_many(chunk, profile=profile, workers=workers, threads=threads),
    )
