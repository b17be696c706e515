"""Benchmark (not a test): reading a list-layout CSV (清单式) with jixiao.read against a
plain-Python reader of the same columns written the way an analyst would (csv module,
Decimal, a regex for 指标值, grouping by 项目名称), and pandas.read_csv (strings only, no
parsing of targets — the practical floor for "just load the table").

    .venv/bin/python bench/python/bench_read.py [--indicators 1000000]
"""

import argparse
import csv
import io
import os
import re
import sys
import time
from decimal import Decimal, InvalidOperation

import jixiao

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TARGET = re.compile(r"^\s*(≥|>=|>|=|≤|<=|<)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*\(?([^()0-9]*)\)?\s*$")


def synthetic_csv(n_indicators):
    """The seed's rows in the list layout, its projects repeated under new names."""
    seed = jixiao.read(os.path.join(ROOT, "tests", "data", "shanghai-eeb-enforcement-2024.txt"))
    text = seed.write("csv").decode("utf-8")
    lines = text.splitlines()
    header_at = next(i for i, line in enumerate(lines) if line.startswith("项目名称"))
    header, rows = lines[header_at], lines[header_at + 1 :]
    out = [header]
    k = 0
    while len(out) - 1 < n_indicators:
        for row in rows:
            out.append(row.replace("环保热线运行", f"环保热线运行{k}").replace("办案经费", f"办案经费{k}"))
        k += 1
    return ("\r\n".join(out[: n_indicators + 1]) + "\r\n").encode("utf-8")


def plain_python(data):
    """What an analyst writes: DictReader, Decimal money, a regex for the target."""
    projects = {}
    for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig"))):
        p = projects.setdefault(row["项目名称"], {"name": row["项目名称"], "indicators": []})
        try:
            p["annual"] = Decimal(row["年度资金申请总额"].replace(",", "")) if row["年度资金申请总额"] else None
        except InvalidOperation:
            p["annual"] = None
        m = TARGET.match(row["指标值"])
        p["indicators"].append(
            {
                "level1": row["一级指标"],
                "level2": row["二级指标"],
                "name": row["三级指标"],
                "comparator": m.group(1) if m else None,
                "value": Decimal(m.group(2).replace(",", "")) if m else None,
                "unit": m.group(3) if m else None,
            }
        )
    return projects


def timed(label, f, repeat):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--indicators", type=int, default=1_000_000)
    args = ap.parse_args()
    data = synthetic_csv(args.indicators)
    mb = len(data) / 1e6
    repeat = 1 if args.indicators > 300_000 else 3
    print(f"jixiao {jixiao.__version__}; list CSV of {args.indicators:,} indicators, {mb:.1f} MB\n")
    t_jx, doc = timed("jixiao.read", lambda: jixiao.read(data, format="csv"), repeat)
    t_py, base = timed("plain Python", lambda: plain_python(data), repeat)
    assert len(doc) == len(base) and len(doc.indicators) == args.indicators
    results = [("jixiao.read (typed model, diagnostics)", t_jx), ("plain Python (csv, Decimal, regex)", t_py)]
    try:
        import pandas as pd

        t_pd, _ = timed("pandas.read_csv", lambda: pd.read_csv(io.BytesIO(data), dtype=str), repeat)
        results.append(("pandas.read_csv (strings only)", t_pd))
    except ImportError:
        t_pd = None
    for label, t in results:
        print(f"{label:<42} {t:8.3f} s  {mb / t:8.1f} MB/s")
    print(f"\nratio plain Python / jixiao: {t_py / t_jx:6.2f}×")
    if t_pd:
        print(f"ratio pandas.read_csv / jixiao: {t_pd / t_jx:6.2f}×")


if __name__ == "__main__":
    sys.exit(main())
