#!/usr/bin/env python3
"""Python benchmarks, measured in one run: jixiao from Python against the plain-Python
baseline (plain.py) and the vectorized pandas scorer (vectorized.py) on the generated
self-evaluations (bench/out/selfeval-*.txt/.csv), with an exactness check of every
indicator score. Prints a table of times and ratios.

    python bench/python/bench.py [--indicators 1M]
"""

import argparse
import gc
import glob
import os
import re
import subprocess
import sys
import time
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "out")
sys.path.insert(0, HERE)

import plain  # noqa: E402


def timed(f, *args):
    """CPU time of the process (the machines are shared: wall time counts the other
    tenants' work; it is the sum over the threads of the process). As timeit does, no
    cyclic garbage collection while timing: the results of earlier steps (millions of
    live objects) would otherwise be walked by every full collection, whichever step
    triggers it."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        result = f(*args)
        return result, time.process_time() - start
    finally:
        gc.enable()


def walled(f, *args):
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        result = f(*args)
        return result, time.perf_counter() - start
    finally:
        gc.enable()


SELF_TITLE = "财政项目支出绩效自评表".encode()
ROOT = os.path.dirname(os.path.dirname(HERE))


def rust_reader_binary():
    """The `pipeline` benchmark binary of core (`cargo bench -p jixiao --bench pipeline
    --no-run` builds it), whose `--whole auto FILE RUNS` reads FILE with core's reader and
    prints the best CPU time; None when it is not built."""
    found = [
        p
        for p in glob.glob(os.path.join(ROOT, "target", "release", "deps", "pipeline-*"))
        if not p.endswith(".d") and os.access(p, os.X_OK)
    ]
    return max(found, key=os.path.getmtime) if found else None


def read_against_rust(jixiao, path, binary, runs=3):
    """`jixiao.read(path)` against core's reader on the same file, best of `runs` CPU times
    each (the document dropped inside the timing in both, as the Rust driver does):
    (python seconds, rust seconds), or None without the binary or when the file is too
    large for one read."""
    if binary is None:
        return None
    best = float("inf")
    for _ in range(runs):
        try:
            _, t = timed(lambda: len(jixiao.read(path)))
        except jixiao.ParseError:
            return None
        best = min(best, t)
    out = subprocess.run([binary, "--whole", "auto", path, str(runs)], capture_output=True, text=True)
    m = re.search(r"([0-9.]+) s CPU", out.stdout)
    if out.returncode != 0 or not m:
        print(f"(the Rust reader failed: {out.stderr.strip()[:200]})", file=sys.stderr)
        return None
    return best, float(m.group(1))


def read_jixiao(jixiao, path):
    """`jixiao.read` of the file: one document. When core refuses the file for its size
    (a `too_large` limit, e.g. `limits::MAX_LINES`, 1 048 576 lines: the 1 M-indicator file
    has 3.6 M), the file cut at form titles into parts under the limit, each read with
    `jixiao.read` (the timed step includes reading the file and cutting it)."""
    try:
        return [jixiao.read(path)], None
    except jixiao.ParseError as e:
        if getattr(e, "code", None) != "too_large":
            raise
        note = str(e)
    with open(path, "rb") as f:
        data = f.read()
    first = data.find(SELF_TITLE)
    head, start, parts = data[:first], first, []
    while start < len(data):
        cut = data.find(b"\n" + SELF_TITLE, start + (32 << 20))
        end = len(data) if cut < 0 else cut + 1
        parts.append(head + data[start:end])
        start = end
    return [jixiao.read(part) for part in parts], note


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--indicators", default="1M")
    parser.add_argument("--profile", default="mof-2020")
    parser.add_argument("--rust-reader", default=None, help="core's pipeline bench binary (default: the newest built)")
    args = parser.parse_args()
    txt = os.path.join(OUT, f"selfeval-{args.indicators}.txt")
    csv = os.path.join(OUT, f"selfeval-{args.indicators}.csv")
    rows = []

    declarations, t_plain_read = timed(plain.read, txt)
    plain_cards, t_plain_score = timed(plain.score, declarations)
    n = sum(len(d["indicators"]) for d in declarations)
    del declarations

    have_pandas = True
    try:
        import vectorized
    except ImportError:
        have_pandas = False
    if have_pandas:
        df, t_pd_read = timed(vectorized.read, csv)
        (pd_scores, _), t_pd_score = timed(vectorized.score, df)
        pd_values = pd_scores["score"].tolist()
        del df, pd_scores

    import jixiao

    docs, t_jx_read = timed(read_jixiao, jixiao, txt)
    docs, read_note = docs
    against_rust = read_against_rust(jixiao, txt, args.rust_reader or rust_reader_binary())

    def each(f):
        return [f(doc) for doc in docs]

    cards, t_jx_score = timed(lambda: [c for doc in docs for c in doc.score(profile=args.profile)])
    # Document.score computes the figures; each scorecard's text (rules, explanations)
    # is computed when first asked for: time asking it of every scorecard too.
    _, t_jx_text = timed(lambda: [c.flags for c in cards])
    totals = t_jx_totals = None
    if hasattr(jixiao.Document, "score_totals"):
        totals, t_jx_totals = timed(lambda: each(lambda doc: doc.score_totals(profile=args.profile)))
    tables = {}
    if hasattr(jixiao.Document, "score_table"):
        for key, kwargs in [
            ("decl", dict(frame=False)),
            ("decl_df", dict()),
            ("ind", dict(per="indicator", frame=False)),
            ("ind_df", dict(per="indicator")),
            ("ind_df_float", dict(per="indicator", decimals=False)),
        ] if have_pandas else [("decl", dict(frame=False)), ("ind", dict(per="indicator", frame=False))]:
            result, t = timed(lambda: each(lambda doc: doc.score_table(profile=args.profile, **kwargs)))
            # Keep the two checked below; drop the frames (memory).
            tables[key] = (result if key in ("decl", "ind") else None, t)
            del result
    many, t_jx_many = walled(lambda: jixiao.score_many(docs, profile=args.profile))

    # Exactness: every indicator score, and every total (plain has the budget too).
    jx_scores = []
    total_mismatch = 0
    for card, (_, total, _) in zip(cards, plain_cards):
        jx_scores.extend(i.score for i in card.indicators)
        total_mismatch += card.total != total
    plain_scores = [s for _, _, scores in plain_cards for s in scores]
    plain_mismatch = sum(a != b for a, b in zip(jx_scores, plain_scores)) + abs(len(jx_scores) - len(plain_scores))
    table_mismatch = None
    if tables:
        decl = {k: [v for part in tables["decl"][0] for v in part[k]] for k in ("total",)}
        ind = {k: [v for part in tables["ind"][0] for v in part[k]] for k in ("score",)}
        plain_totals = [total for _, total, _ in plain_cards]
        table_mismatch = (
            sum(a != b for a, b in zip(ind["score"], plain_scores)) + abs(len(ind["score"]) - len(plain_scores))
            + sum(a != b for a, b in zip(decl["total"], plain_totals)) + abs(len(decl["total"]) - len(plain_totals))
        )
    if have_pandas:
        pd_mismatch = sum(
            a is None or abs(float(a) - b) > 0.0049 for a, b in zip(jx_scores, pd_values)
        ) + abs(len(jx_scores) - len(pd_values))
        pd_inexact = sum(Decimal(repr(b)).quantize(Decimal("0.01")) != Decimal(repr(b)) for b in pd_values[:100000])

    print()
    print(f"Python {sys.version.split()[0]}, {n} indicators in {len(cards)} 自评表 ({os.path.getsize(txt) / 1e6:.0f} MB)")
    print("seconds: CPU time of the process (score_many: wall time)")
    if read_note:
        print(f"jixiao.read refused the whole file ({read_note});")
        print(f"  it was cut at form titles into {len(docs)} parts, each read and scored as a document")
    print(f"{'step':<60} {'seconds':>9} {'indicators/s':>14} {'jixiao is':>12}")

    def row(what, t, base=None):
        ratio = f"{base / t:>10.1f}x" if base else ""
        print(f"{what:<60} {t:>9.3f} {n / t:>14,.0f} {ratio:>12}")

    row("plain Python: read (regex, Decimal)", t_plain_read)
    row("plain Python: score (loops, Decimal)", t_plain_score)
    if have_pandas:
        row("pandas: read_csv", t_pd_read)
        row("pandas: score (vectorized, float)", t_pd_score)
    row("jixiao: read (vs plain read)", t_jx_read, t_plain_read)
    if against_rust:
        t_py_best, t_rust_best = against_rust
        row("core's reader in Rust, best of 3", t_rust_best)
        row("jixiao: read, best of 3 (vs the Rust reader; goal >= 0.9x)", t_py_best, t_rust_best)
    row("jixiao: Document.score (vs plain score)", t_jx_score, t_plain_score)
    if have_pandas:
        row("jixiao: Document.score (vs pandas score)", t_jx_score, t_pd_score)
    row("jixiao: score + every scorecard's text (vs plain)", t_jx_score + t_jx_text, t_plain_score)
    if t_jx_totals:
        row("jixiao: Document.score_totals (vs plain score)", t_jx_totals, t_plain_score)
        if have_pandas:
            row("jixiao: Document.score_totals (vs pandas)", t_jx_totals, t_pd_score)
    labels = {
        "decl": "score_table, dict, per declaration",
        "decl_df": "score_table, DataFrame, per declaration",
        "ind": "score_table, dict, per indicator",
        "ind_df": "score_table, DataFrame, per indicator",
        "ind_df_float": "score_table, DataFrame, float, per indicator",
    }
    for key, (_, t) in tables.items():
        row(f"jixiao: {labels[key]} (vs plain score)", t, t_plain_score)
        if have_pandas:
            row(f"jixiao: {labels[key]} (vs pandas)", t, t_pd_score)
    row("jixiao: score_many, all cores, wall (vs plain)", t_jx_many, t_plain_score)
    row("jixiao: read + score (vs plain read+score)", t_jx_read + t_jx_score, t_plain_read + t_plain_score)
    if have_pandas:
        row("jixiao: read + score (vs pandas read+score)", t_jx_read + t_jx_score, t_pd_read + t_pd_score)
    if tables:
        t_table = tables["ind"][1]
        row("jixiao: read + score_table (vs plain read+score)", t_jx_read + t_table, t_plain_read + t_plain_score)
    print()
    print(f"exactness: jixiao vs plain Python: {plain_mismatch} indicator scores and {total_mismatch} totals differ")
    if table_mismatch is not None:
        print(f"            score_table (Decimal) vs plain Python: {table_mismatch} indicator scores and totals differ")
    if have_pandas:
        print(f"            jixiao vs pandas: {pd_mismatch} indicator scores differ by a cent or more; "
              f"{pd_inexact} of the first 100000 pandas scores are not exact cents (binary floats)")


if __name__ == "__main__":
    main()
