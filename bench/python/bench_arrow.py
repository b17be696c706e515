#!/usr/bin/env python3
"""Arrow export against pandas, same document, same run: ``Document.to_arrow()`` (Arrow
arrays built in Rust, handed over through the Arrow C stream interface) against
``Document.to_pandas()`` (a Python object per cell), and ``score_table(as_="arrow")``
against ``score_table()`` (pandas, built in bulk), and the Arrow table made through pandas
(``pa.Table.from_pandas(doc.to_pandas())``, what ``to_arrow()`` did before) against the one
built in Rust. Prints seconds (CPU time of the process)
and the ratio; checks that both give the same figures.

    python bench/python/bench_arrow.py [bench/out/form-10MB.txt] [selfeval file]
"""

import gc
import os
import sys
import time

import jixiao

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "out")


def timed(f):
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        result = f()
        return result, time.process_time() - start
    finally:
        gc.enable()


def best(f, runs=3):
    result, t = timed(f)
    for _ in range(runs - 1):
        result, t2 = timed(f)
        t = min(t, t2)
    return result, t


def main():
    form = sys.argv[1] if len(sys.argv) > 1 else os.path.join(OUT, "form-10MB.txt")
    selfeval = sys.argv[2] if len(sys.argv) > 2 else None
    if selfeval is None:
        found = sorted(f for f in os.listdir(OUT) if f.startswith("selfeval-") and f.endswith(".txt"))
        selfeval = os.path.join(OUT, found[0]) if found else None
    doc = jixiao.read(form)
    rows = []
    df, t_pd = best(doc.to_pandas)
    table, t_pa = best(doc.to_arrow)
    assert table.num_rows == len(df)
    assert table.column("project").to_pylist() == list(df["project"])
    rows.append((f"Document.to_pandas() vs to_arrow(), {len(df):,} rows", t_pd, t_pa))
    import pyarrow as pa

    _, t_old = best(lambda: pa.Table.from_pandas(doc.to_pandas(), preserve_index=False))
    rows.append(("to_arrow() through pandas (Table.from_pandas) vs in Rust", t_old, t_pa))
    if selfeval:
        sdoc = jixiao.read(selfeval)
        sdf, t_spd = best(lambda: sdoc.score_table(per="indicator"))
        stable, t_spa = best(lambda: sdoc.score_table(per="indicator", as_="arrow"))
        assert stable.column("score").to_pylist() == list(sdf["score"])
        rows.append((f"score_table(per='indicator') pandas vs arrow, {len(sdf):,} rows", t_spd, t_spa))
    print(f"{'what':<62} {'pandas s':>9} {'arrow s':>9} {'arrow is':>10}")
    for what, a, b in rows:
        print(f"{what:<62} {a:>9.3f} {b:>9.3f} {a / b:>9.1f}×")


if __name__ == "__main__":
    main()
