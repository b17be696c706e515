"""Benchmark (not a test): Document.score on ~1 M indicators against the plain-Python
baseline (Decimal, loops) and a vectorized pandas version of the same rules.

    .venv/bin/python bench/python/bench_score.py [--indicators 1000000] [--threads N]

Prints the time of each and the ratios. The data is synthetic: declarations of 10
indicators (≥/≤/= targets in % and 人, qualitative 满意/及时), with actuals, weights and
budget figures, so that every rule of the baseline is exercised and all three agree.
"""

import argparse
import gc
import json
import os
import random
import sys
import time
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import baseline  # noqa: E402

import jixiao  # noqa: E402

ROWS = [
    # level1, level2, name, target, weight, actual(rng)
    ("产出指标", "数量指标", "培训人数", "≥{t}(人)", "10", lambda r, t: f"{r.randint(t - 5, t + 10)}人"),
    ("产出指标", "数量指标", "覆盖户数", "≥{t}(人)", "10", lambda r, t: f"{r.randint(t - 20, t + 5)}人"),
    ("产出指标", "质量指标", "验收合格率", "≥{p}%", "10", lambda r, t: f"{r.randint(80, 100)}%"),
    ("产出指标", "质量指标", "设备完好率", "=100%", "10", lambda r, t: f"{r.choice([100, 100, 98, 95])}%"),
    ("产出指标", "时效指标", "完成及时性", "及时", "5", lambda r, t: r.choice(["及时", "及时", "基本完成", "未完成"])),
    ("产出指标", "成本指标", "故障发生率", "≤{q}%", "5", lambda r, t: f"{r.randint(0, 12)}%"),
    ("效益指标", "社会效益指标", "群众知晓率", "≥{p}%", "15", lambda r, t: f"{r.randint(70, 100)}%"),
    ("效益指标", "可持续影响指标", "长效机制", "建立健全", "15", lambda r, t: r.choice(["已建立健全", "部分达成", "完成"])),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥{p}%", "5", lambda r, t: f"{r.randint(85, 100)}%"),
    ("满意度指标", "服务对象满意度指标", "参训人员满意度", "满意", "5", lambda r, t: r.choice(["满意", "满意", "基本满意"])),
]


def synthetic(n_indicators, seed=7):
    r = random.Random(seed)
    declarations = []
    for k in range(max(1, n_indicators // len(ROWS))):
        indicators, evals = [], []
        for level1, level2, name, target, weight, actual in ROWS:
            t, p, q = r.randint(10, 60), r.choice([85, 90, 95]), r.choice([3, 5, 8])
            indicators.append(
                {"level1": level1, "level2": level2, "name": name,
                 "target": target.format(t=t, p=p, q=q), "weight": weight}
            )
            evals.append({"actual": actual(r, t), "score": None, "deviation": None})
        adjusted = r.randint(10, 500) * 1000
        declarations.append(
            {
                "project": {"name": f"项目{k}"},
                "indicators": indicators,
                "evaluation": {
                    "budget": {"initial": str(adjusted), "adjusted": str(adjusted),
                               "executed": str(adjusted - r.randint(0, adjusted // 5)), "weight": "10"},
                    "indicators": evals,
                },
            }
        )
    return {"schema": "jixiao/1", "declarations": declarations}


def timed(label, f, repeat=3):
    # As timeit does: no cyclic GC while timing (the baseline's dicts would otherwise make
    # every full collection walk millions of live objects, whoever triggers it).
    best = float("inf")
    result = None
    for _ in range(repeat):
        result = None
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            result = f()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    print(f"{label:<42} {best:9.3f} s")
    return best, result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--indicators", type=int, default=1_000_000)
    ap.add_argument("--threads", type=int, default=None)
    args = ap.parse_args()

    print(f"jixiao {jixiao.__version__}, {os.cpu_count()} CPUs; generating {args.indicators:,} indicators …")
    data = synthetic(args.indicators)
    text = json.dumps(data, ensure_ascii=False)
    # Both sides get their input parsed before timing: jixiao a Document, the baseline
    # the dicts with the targets' text (what an analyst would have loaded).
    doc = jixiao.Document.from_json(text)
    del text
    for d in data["declarations"]:
        for i in d["indicators"]:
            i["target"] = {"text": i["target"]}
    n = sum(len(d) for d in doc)
    print(f"{len(doc):,} declarations, {n:,} indicators\n")
    repeat = 1 if n > 300_000 else 3

    t_jx, cards = timed("jixiao Document.score()", doc.score, repeat)
    results = [(c.total, c.grade) for c in cards]
    del cards
    t_fast, fast = timed("jixiao Document.score_totals() (no text)", doc.score_totals, repeat)
    assert [(t["total"], t["grade"]) for t in fast] == results
    del fast
    t_many, many = timed(
        "jixiao score_many([doc]) (threads)", lambda: jixiao.score_many([doc], threads=args.threads), repeat
    )
    assert [(c.total, c.grade) for c in many[0]] == results
    del many
    t_py, base = timed("plain Python (Decimal, loops)", lambda: baseline.score_document(data), repeat)
    try:
        ind, bud = baseline.pandas_frame(data)
        t_pd, vec = timed("pandas (vectorized, float)", lambda: baseline.score_pandas(ind, bud), repeat)
    except ImportError:
        t_pd, vec = None, None

    # The three must agree, or the comparison means nothing.
    agree_py = sum(1 for (t, g), (bt, bg, _) in zip(results, base) if t == bt and g == bg)
    print(f"\nagreement with plain Python: {agree_py:,} / {len(results):,} scorecards (total and grade)")
    if vec is not None:
        agree_pd = sum(1 for (t, _), v in zip(results, vec) if abs(float(t) - v) < 0.005)
        print(f"agreement with pandas:       {agree_pd:,} / {len(results):,} totals (±0.005; floats)")
    print(f"\nratio plain Python / jixiao: {t_py / t_jx:8.2f}×")
    if t_pd is not None:
        print(f"ratio pandas / jixiao:       {t_pd / t_jx:8.2f}×")
    print(f"ratio plain Python / jixiao score_many: {t_py / t_many:8.2f}×")
    print(f"ratio plain Python / jixiao score_totals: {t_py / t_fast:8.2f}×")
    if t_pd is not None:
        print(f"ratio pandas / jixiao score_totals:       {t_pd / t_fast:8.2f}×")
    print(f"score_many speed-up over score(): {t_jx / t_many:.2f}× (GIL released; {os.cpu_count()} CPUs)")
    print(f"jixiao: {t_jx / n * 1e6:.2f} µs per indicator, with an explanation for each")

if __name__ == "__main__":
    main()
