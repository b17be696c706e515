"""jixiao.dask on a distributed.LocalCluster of 2 worker processes: ~200 generated
self-evaluations read and scored partition by partition on the workers give, file by file,
the totals of the single-process calls; the example writes Parquet; a bad file is named."""

import runpy
from decimal import Decimal

import pytest

import jixiao
import jixiao.dask

from conftest import ROOT

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

EXAMPLE = runpy.run_path(str(ROOT / "examples" / "dask" / "score_corpus.py"), run_name="example")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return EXAMPLE["generate"](tmp_path_factory.mktemp("corpus"), 200)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_generated_corpus_varies(corpus):
    docs = jixiao.read_many(corpus[:3])
    totals = [d.score()[0].total for d in docs]
    # Copy i spends 150000 + 1237·i of a 250000 budget: 预算执行率 score min(rate, 1) × 10.
    assert docs[0][0].project.name == "普陀体育中心与委托运营方结算费用-00000"
    budget = [d.score()[0].budget["score"] for d in docs]
    assert budget == [Decimal("6.00"), Decimal("6.05"), Decimal("6.10")]
    assert len(set(totals)) == 3


def test_cluster_totals_equal_single_process(corpus, client, tmp_path):
    assert len(client.scheduler_info()["workers"]) == 2
    totals, scores, indicators, findings = EXAMPLE["run"](corpus, client, out=str(tmp_path), files_per_partition=10)
    # The single-process figures, file by file.
    docs = jixiao.read_many(corpus)
    expected = {p: d.score_table(as_="dict") for p, d in zip(corpus, docs)}
    assert len(totals) == 200 and set(totals["file"]) == set(corpus)
    for row in totals.itertuples(index=False):
        want = expected[row.file]
        assert row.project == want["project"][0]
        assert row.total == want["total"][0] and type(row.total) is Decimal
        assert row.grade == want["grade"][0]
        assert row.budget_score == want["budget_score"][0]
    assert sum(totals["total"]) == sum(t["total"][0] for t in expected.values())
    assert len(scores) == 200 * 5
    assert len(indicators) == 200 * 5
    assert set(indicators["level1"]) == {"产出指标", "效益指标", "满意度指标"}
    want = sum(len(d.review()) for d in docs)
    assert len(findings) == want and set(findings["file"]) <= set(corpus)
    # Parquet: the totals read back exactly.
    back = dd.read_parquet(str(tmp_path / "totals.parquet")).compute()
    assert sorted(back["total"]) == sorted(totals["total"])


def test_a_bad_file_names_itself(corpus, client, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")
    ddf = jixiao.dask.score_many(corpus[:5] + [str(bad)], files_per_partition=3)
    with pytest.raises(jixiao.JixiaoError) as info:
        ddf.compute()
    assert str(bad) in str(info.value)
    skipped = jixiao.dask.score_many(corpus[:5] + [str(bad)], files_per_partition=3, errors="skip")
    assert len(skipped.compute()) == 5
