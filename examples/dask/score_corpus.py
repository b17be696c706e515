#!/usr/bin/env python3
"""Review and score a corpus of self-evaluations (自评表) on a Dask cluster and write the
results as Parquet.

    python examples/dask/score_corpus.py                      # 2000 files, 2 worker processes
    python examples/dask/score_corpus.py --files 5000 --workers 4 --out /tmp/jx
    python examples/dask/score_corpus.py --scheduler tcp://scheduler:8786 --corpus /data/zipingjia

Without ``--corpus`` it first generates the corpus: copies of the bundled Putuo
self-evaluation (tests/data/selfeval-putuo-sports-2022.txt) with their project names
numbered and their 全年执行数 and one 实际完成值 varied, so that the totals differ. Without
``--scheduler`` it starts a ``distributed.LocalCluster`` of ``--workers`` processes (one
thread each). Then, on the workers, partition by partition:

* ``jixiao.dask.review_many(files)`` — one row per finding of the target review (审核);
* ``jixiao.dask.score_many(files)`` — one row per 自评表: total, grade, budget score …
* ``jixiao.dask.score_many(files, per="indicator")`` — one row per scored indicator;
* ``jixiao.dask.read_many(files)`` — one row per indicator as read (target, actual, …);

each written to ``<out>/<name>.parquet/`` (decimal figures stay exact: Parquet decimals),
and a few figures are printed. Needs ``pip install 'jixiao[dask]'``.
"""

import argparse
import os
import pathlib
import re
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
PUTUO = ROOT / "tests" / "data" / "selfeval-putuo-sports-2022.txt"


def generate(folder, n):
    """Writes ``n`` self-evaluations into ``folder`` (``selfeval-00000.txt`` …); returns
    their paths. Copy ``i`` spends ``150000 + 1237·i mod 100000`` of its 250000 budget and
    reaches ``80 + i mod 21`` % satisfaction (target ≥ 90 %)."""
    text = PUTUO.read_text(encoding="utf-8")
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        spent = f"{150000 + (1237 * i) % 100000}.00"
        t = text.replace("普陀体育中心与委托运营方结算费用", f"普陀体育中心与委托运营方结算费用-{i:05d}")
        t = t.replace("215,457.6", spent).replace("215457.6", spent)
        t = re.sub(r"(场馆开放满意度\t>=90%\t)100%", rf"\g<1>{80 + i % 21}%", t)
        path = folder / f"selfeval-{i:05d}.txt"
        path.write_text(t, encoding="utf-8")
        paths.append(str(path))
    return paths


def run(files, client, out=None, files_per_partition=None):
    """Scores ``files`` on the cluster of ``client``; writes Parquet under ``out`` when
    given. Returns the four pandas frames (declarations, indicator scores, indicators,
    findings)."""
    import dask

    import jixiao.dask

    totals = jixiao.dask.score_many(files, files_per_partition=files_per_partition)
    scores = jixiao.dask.score_many(files, per="indicator", files_per_partition=files_per_partition)
    indicators = jixiao.dask.read_many(files, files_per_partition=files_per_partition)
    findings = jixiao.dask.review_many(files, files_per_partition=files_per_partition)
    frames = {"totals": totals, "scores": scores, "indicators": indicators, "findings": findings}
    if out:
        for name, ddf in frames.items():
            path = os.path.join(out, f"{name}.parquet")
            ddf.to_parquet(path, write_index=False, schema=jixiao.dask.parquet_schema(ddf))
    return dask.compute(*frames.values())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="how many files to generate")
    parser.add_argument("--corpus", help="score these files (a glob or a folder) instead")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    parser.add_argument("--scheduler", help="a running scheduler (tcp://host:8786)")
    parser.add_argument("--out", help="where to write the Parquet files (default: a temporary folder)")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    import jixiao.dask

    work = tempfile.mkdtemp(prefix="jixiao-dask-")
    files = jixiao.dask.expand(args.corpus) if args.corpus else generate(os.path.join(work, "corpus"), args.files)
    out = args.out or os.path.join(work, "out")
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    try:
        print(f"{len(files)} files on {len(client.scheduler_info()['workers'])} workers ({client.dashboard_link})")
        totals, scores, indicators, findings = run(files, client, out)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(f"{len(totals)} 自评表, {len(scores)} scored indicators, {len(indicators)} indicators read, "
          f"{len(findings)} review findings")
    print(f"mean 总分 {sum(totals['total']) / len(totals):.2f}; grades: {totals['grade'].value_counts().to_dict()}")
    print(f"Parquet: {out}/totals.parquet, scores.parquet, indicators.parquet, findings.parquet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
